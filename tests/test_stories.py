"""Stories: sources about different events are separated before alignment."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

import claimcmp
from claimcmp.ingest import Article
from claimcmp.stories import (
    MIN_STORY_CLAIMS,
    STORY_FEATURE_NAMES,
    StoryModel,
    load_default_story_model,
    separate_stories,
    source_profile,
    story_features,
)

BRIDGE_1 = (
    "The Harbor Bridge will close to traffic for two weeks starting Monday, the city transport "
    "department said. Engineers found cracks in two steel cables during an inspection in March. "
    "Mayor Ellen Park said buses would run every ten minutes across the Ferris Street crossing. "
    "The repairs are expected to cost $18 million.\n"
)
BRIDGE_2 = (
    "City officials said on Friday that the Harbor Bridge will be shut for two weeks from Monday. "
    "An inspection in March found cracks in two of the bridge's steel cables, the transport "
    "department said. Mayor Ellen Park promised extra buses on the Ferris Street route. Repairs "
    "will cost about $18 million, officials said.\n"
)
FIGHT_1 = (
    "Dario Mendes knocked out Viktor Hale in the fourth round on Saturday to keep his lightweight "
    "title in Lisbon. Mendes, 29, dropped Hale twice before the referee stopped the bout. It was "
    "the champion's 31st win as a professional. Hale had not lost since 2019.\n"
)
FIGHT_2 = (
    "Lightweight champion Dario Mendes stopped Viktor Hale in round four in Lisbon on Saturday night. "
    "The Portuguese fighter floored Hale twice before the referee waved it off. Mendes improved to "
    "31 wins. Hale, who had been unbeaten since 2019, said he would seek a rematch.\n"
)


def _model(threshold: float = 0.5) -> StoryModel:
    # Only the first feature counts: P = sigmoid(10 * (best_match - 0.5)).
    k = len(STORY_FEATURE_NAMES)
    coef = np.zeros(k)
    coef[0] = 10.0
    return StoryModel(
        STORY_FEATURE_NAMES, np.full(k, 0.5), np.ones(k), coef, 0.0, threshold=threshold
    )


def _profile(vectors: list[list[float]], names: str = "") -> Any:
    v = np.asarray(vectors, dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return source_profile([names] * len(v), v)


def test_average_linkage_separates_two_events() -> None:
    e1 = [[1, 0, 0]] * 3
    e2 = [[0, 1, 0]] * 3
    profiles = [_profile(e1), _profile(e2), _profile(e1), _profile(e2)]
    assert separate_stories(profiles, _model()) == [[0, 2], [1, 3]]
    assert separate_stories(profiles[:1], _model()) == [[0]]


def test_a_brief_joins_the_story_it_most_probably_belongs_to() -> None:
    e1 = [[1, 0, 0]] * 3
    e2 = [[0, 1, 0]] * 3
    brief = [[0.2, 1, 0]] * (MIN_STORY_CLAIMS - 1)
    assert separate_stories(
        [_profile(e1), _profile(e2), _profile(e1), _profile(brief)], _model()
    ) == [[0, 2], [1, 3]]
    # Briefs only: no evidence to separate them.
    assert separate_stories([_profile([[1, 0, 0]]), _profile([[0, 1, 0]])], _model()) == [[0, 1]]


def test_names_every_source_gives_weigh_less_than_names_some_give() -> None:
    v = [[1, 0, 0]] * 3
    profiles = [
        _profile(v, "the fight saw Mendes beat Kowalczyk in front of a crowd in Lisbon."),
        _profile(v, "the fight saw Mendes beat Kowalczyk in front of a crowd in Porto."),
        _profile(v, "the fight saw Mendes beat Ruiz in front of a crowd in Madrid."),
    ]
    assert profiles[0].names == {"mendes", "kowalczyk", "lisbon"}
    feats = story_features(profiles)
    shared = STORY_FEATURE_NAMES.index("names_shared")
    weighted = STORY_FEATURE_NAMES.index("names_weighted")
    assert feats[0, 1][shared] == pytest.approx(2 / 3) and feats[0, 2][shared] == pytest.approx(
        1 / 3
    )
    # "Mendes", in every source, counts less than "Kowalczyk", in two of them.
    only_mendes = [
        _profile(v, "the fight saw Mendes win in Lisbon."),
        _profile(v, "the fight saw Mendes win in Porto."),
    ]
    assert story_features([*only_mendes, profiles[2]])[0, 1][weighted] < feats[0, 1][weighted]


def test_the_shipped_model_loads_with_its_features() -> None:
    model = load_default_story_model()
    assert model.feature_names == STORY_FEATURE_NAMES and 0.0 < model.threshold < 1.0


@pytest.mark.slow
def test_compare_separates_two_events_and_aligns_within_each(embedder: Any) -> None:
    articles = [
        Article(BRIDGE_1, source="bridge-a"),
        Article(FIGHT_1, source="fight-a"),
        Article(BRIDGE_2, source="bridge-b"),
        Article(FIGHT_2, source="fight-b"),
    ]
    report = claimcmp.compare(articles, embedder=embedder)
    assert [s.sources for s in report.stories] == [("bridge-a", "bridge-b"), ("fight-a", "fight-b")]
    story_of = {sid: st.id for st in report.stories for sid in st.sources}
    assert report.pairs
    for p in report.pairs:
        assert story_of[report.claim(p.a).source] == story_of[report.claim(p.b).source]
    data = report.to_dict()
    assert data["stories"] == [
        {"id": "s1", "sources": ["bridge-a", "bridge-b"]},
        {"id": "s2", "sources": ["fight-a", "fight-b"]},
    ]
    assert "s2: fight-a, fight-b" in report.to_text() and "s2: fight-a, fight-b" in report.to_html()
    assert "2 stories" in report.to_markdown()
    # One story when asked, and when the sources all report one event.
    assert len(claimcmp.compare(articles, embedder=embedder, stories=False).stories) == 1
    assert len(claimcmp.compare(articles[::2], embedder=embedder).stories) == 1
