"""The same-fact and verdict models: JSON round trip, probabilities, a missing file, and that the
training command reproduces them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimcmp import verdict
from claimcmp.verdict import (
    ALIGN_FEATURE_NAMES,
    FACT_FEATURE_NAMES,
    FEATURE_NAMES,
    SameFactModel,
    VerdictModel,
    load_default_alignment_model,
    load_default_fact_model,
    load_default_model,
)


def test_shipped_models_load_and_match_features() -> None:
    model = load_default_model()
    assert model.feature_names == FEATURE_NAMES
    assert 0.0 < model.probability(model.mean) < 1.0
    fact = load_default_fact_model()
    assert fact.feature_names == FACT_FEATURE_NAMES
    assert 0.0 < fact.threshold < 1.0


@pytest.mark.parametrize("cls", [VerdictModel, SameFactModel])
def test_json_round_trip_and_validation(cls: Any) -> None:
    model = load_default_model() if cls is VerdictModel else load_default_fact_model()
    again = cls.from_json(model.to_json())
    x = np.linspace(0, 1, len(cls.FEATURES))
    assert again.probability(x) == pytest.approx(model.probability(x))
    assert again.threshold == model.threshold
    data = json.loads(model.to_json())
    data["feature_names"] = data["feature_names"][:-1]
    with pytest.raises(ValueError, match="retrain"):
        cls.from_json(json.dumps(data))
    with pytest.raises(ValueError, match="'format' must be"):
        cls.from_json(json.dumps({"format": "pickle"}))


def test_the_conflict_bar_round_trips_and_is_checked() -> None:
    fact = load_default_fact_model()
    assert fact.conflict_threshold is not None  # chosen by the training command
    assert fact.conflict_bar >= fact.threshold
    again = SameFactModel.from_json(fact.to_json())
    assert again.conflict_threshold == fact.conflict_threshold
    data = json.loads(fact.to_json())
    data["conflict_threshold"] = 1.5
    with pytest.raises(ValueError, match="'conflict_threshold' must be a number in"):
        SameFactModel.from_json(json.dumps(data))
    del data["conflict_threshold"]
    assert SameFactModel.from_json(json.dumps(data)).conflict_bar == fact.threshold


def test_a_conflict_needs_the_same_fact_likelier_than_a_comparison() -> None:
    import attrs

    from claimcmp.comparator import Comparator
    from claimcmp.protocols import ClaimText

    a = ClaimText("Police said 12 people were hurt in the blast.")
    b = ClaimText("Police said 14 people were hurt in the blast.")
    fact = load_default_fact_model()
    assert Comparator().compare(a, b, 0.95).verdict == "divergence"
    # The same pair, with a bar no pair reaches: not claimed as a conflict, but two facts.
    strict = Comparator(fact_model=attrs.evolve(fact, conflict_threshold=1.0))
    r = strict.compare(a, b, 0.95)
    assert (r.verdict, r.divergences) == ("unrelated", ())
    # Claims the aligner paired need the bar too: aligned is not the same fact.
    assert strict.compare(a, b, 0.95, aligned=True).verdict == "unrelated"
    # The bar is for conflicts only: a paraphrase below it stays a paraphrase.
    told_again = ClaimText("Police said 12 people were injured in the blast.")
    assert strict.compare(a, told_again, 0.9).verdict == "paraphrase"


@pytest.mark.parametrize(
    ("a", "b", "ages"),
    [
        (
            "Prosecutors say 45-year-old Robert Mills set the fire on Sunday.",
            "A jury on Thursday found Robert James Mills, 46, guilty of arson.",
            ("45-year-old", "46"),
        ),
        (
            "Zurana Horton, 34, was walking with one of her children to a nearby store.",
            "Horton, 35, died at the hospital after the shooting.",
            ("34", "35"),
        ),
    ],
)
def test_two_ages_of_one_named_person_are_one_fact_whatever_else_differs(
    a: str, b: str, ages: tuple[str, str]
) -> None:
    """A person has one age: the sentences may tell two moments (charged / found guilty) and
    read as two facts to the same-fact model, but the conflict bar does not hide the ages."""
    import attrs

    from claimcmp.comparator import Comparator
    from claimcmp.protocols import ClaimText
    from claimcmp.records import ONE_FACT, is_one_fact

    strict = Comparator(fact_model=attrs.evolve(load_default_fact_model(), conflict_threshold=1.0))
    for comparator in (Comparator(), strict):
        r = comparator.compare(ClaimText(a), ClaimText(b), 0.5)
        assert r.verdict == "divergence"
        (d,) = [d for d in r.divergences if d.kind == "number"]
        assert (d.a_text, d.b_text, d.detector) == (*ages, f"number:{ONE_FACT}")
        assert is_one_fact(d) and a[d.a_span[0] : d.a_span[1]] == ages[0]
    # Two people who share a surname, and two unnamed people, keep their own ages.
    for other in (
        b.replace("Robert James Mills", "Anna Mills").replace("Horton, 35", "Maria Horton, 35"),
        b.replace("Robert James Mills", "a man").replace("Horton, 35", "A woman, 35"),
    ):
        r = strict.compare(ClaimText(a), ClaimText(other), 0.5)
        assert not any(is_one_fact(d) for d in r.divergences)
        assert r.verdict != "divergence"


def test_a_missing_model_file_is_an_error_not_silent_rules() -> None:
    from claimcmp.errors import MissingModelError

    with pytest.raises(MissingModelError, match="reinstall") as info:
        verdict.load_model_file("no_such_model.json", VerdictModel)
    assert isinstance(info.value, FileNotFoundError)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ("{not json", "Expecting property name"),
        ('{"format": "claimcmp.verdict-model/1"}', "'format' must be"),
        (json.dumps({"format": VerdictModel.FORMAT, "feature_names": ["x"]}), "'mean'"),
        (b"\xff\xfe\x00binary", "cannot be read"),
    ],
)
def test_an_unreadable_model_file_is_a_clear_error(
    tmp_path: Path, content: str | bytes, why: str
) -> None:
    from claimcmp.errors import ModelLoadError

    path = tmp_path / "verdict_model.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ModelLoadError, match="reinstall claimcmp") as info:
        verdict.read_model_file(path, VerdictModel)
    assert why in str(info.value)
    assert str(path) in str(info.value)


def test_features_of_another_version_are_a_clear_error(tmp_path: Path) -> None:
    from claimcmp.errors import ModelLoadError

    data = json.loads(load_default_model().to_json())
    data["feature_names"] = data["feature_names"][:-1]
    path = tmp_path / "verdict_model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelLoadError, match="features do not match this version"):
        verdict.read_model_file(path, VerdictModel)


def test_a_decisive_finding_raises_the_divergence_probability() -> None:
    model = load_default_model()
    base = dict.fromkeys(FEATURE_NAMES, 0.0)
    base.update(
        similarity=0.9, token_ratio=0.9, content_overlap=0.9, length_ratio=0.95, free_content=0.1
    )
    plain = np.array([base[f] for f in FEATURE_NAMES])
    base.update(decisive_max=0.9, decisive_count=np.log1p(1), kind_number=0.9)
    flagged = np.array([base[f] for f in FEATURE_NAMES])
    assert model.probability(flagged) > model.probability(plain)
    assert model.probability(flagged) > model.threshold


def test_shared_words_raise_the_same_fact_probability() -> None:
    fact = load_default_fact_model()
    base = dict.fromkeys(FACT_FEATURE_NAMES, 0.0)
    base.update(similarity=0.2, length_ratio=0.8, min_content=np.log1p(8))
    apart = np.array([base[f] for f in FACT_FEATURE_NAMES])
    base.update(similarity=0.8, content_overlap=0.8, content_jaccard=0.7, names_shared=np.log1p(2))
    together = np.array([base[f] for f in FACT_FEATURE_NAMES])
    assert fact.probability(together) > fact.threshold > fact.probability(apart)


@pytest.mark.slow
@pytest.mark.shared
def test_training_command_reproduces_the_shipped_models(
    shared: Path, tmp_path: Path, embedder: Any
) -> None:
    from tools.training import main

    assert main(["--shared", str(shared), "--out", str(tmp_path)]) == 0
    from claimcmp.stories import load_default_story_model

    shipped_models = (
        ("verdict_model.json", load_default_model()),
        ("fact_model.json", load_default_fact_model()),
        ("story_model.json", load_default_story_model()),
        ("align_model.json", load_default_alignment_model()),
    )
    for name, shipped in shipped_models:
        new = json.loads((tmp_path / name).read_text())
        # Same data, same command: the same model up to float noise.
        assert np.allclose(new["coef"], shipped.coef, atol=1e-3), name
        assert new["intercept"] == pytest.approx(shipped.intercept, abs=1e-3)
        assert new["threshold"] == pytest.approx(shipped.threshold, abs=1e-3)
        assert new.get("conflict_threshold") == getattr(shipped, "conflict_threshold", None), name


def test_the_alignment_model_weighs_shared_rare_words_beyond_cosine() -> None:
    model = load_default_alignment_model()
    assert model.feature_names == ALIGN_FEATURE_NAMES
    assert 0.0 < model.min_similarity < 0.6 and 0.0 < model.threshold < 1.0
    # Equal cosine: sharing the rare words of the fact is what makes it one fact.
    sharing, not_sharing = np.array([0.5, 0.7, 0.6]), np.array([0.5, 0.1, 0.1])
    assert model.probability(sharing) > model.threshold > model.probability(not_sharing)
    assert model.probability(np.array([0.9, 0.7, 0.6])) > model.probability(sharing)


def test_probabilities_of_rows_equal_probability_of_each() -> None:
    fact = load_default_fact_model()
    rows = np.random.default_rng(0).normal(size=(5, len(FACT_FEATURE_NAMES)))
    assert np.allclose(fact.probabilities(rows), [fact.probability(r) for r in rows])


def test_planted_antonyms_are_words_a_reporter_could_swap() -> None:
    """The planted-edit suite swaps content words for the opposite of their main sense, not
    function words or rare senses ("said" -> "other", "are" -> "nonbeing")."""
    import random

    from tools.perturb import _antonym

    def plant(s: str) -> str | None:
        return _antonym(s, random.Random(0))

    assert plant("The talks were successful.") == "The talks were unsuccessful."
    assert plant("He said the boy was found guilty.") in {
        "He said the boy was found innocent.",
        "He said the girl was found guilty.",
    }
    assert plant("He said they are here.") is None
    assert plant("The 14-year-old was there.") is None


def test_planted_times_and_roles() -> None:
    """The suite moves a clock time by one to three hours, and swaps two whole names around a
    past-tense verb (never the parts of one longer name)."""
    import random

    from tools.perturb import _role, _time

    pair = _time("The polls closed at 8 p.m. on Tuesday.", random.Random(0))
    assert pair is not None and pair[0] == "The polls closed at 8 p.m. on Tuesday."
    assert pair[1] in {f"The polls closed at {h} p.m. on Tuesday." for h in (9, 10, 11)}
    assert _role("In 2008, Klitschko stopped Thompson in the 11th round.", random.Random(0)) == (
        "In 2008, Klitschko stopped Thompson in the 11th round.",
        "In 2008, Thompson stopped Klitschko in the 11th round.",
    )
    assert _role("That is the day Larry Brown resigned from Sixers duty.", random.Random(0)) is None
    assert _role("Smith and Jones met.", random.Random(0)) is None


def test_a_near_copys_decisive_finding_is_not_doubted() -> None:
    from claimcmp.comparator import diverges
    from claimcmp.text.diff import NEAR_COPY_RATIO

    assert diverges(True, 0.2, 0.5, NEAR_COPY_RATIO)  # one text edited: the finding stands
    assert not diverges(True, 0.2, 0.5, NEAR_COPY_RATIO - 0.1)  # two tellings: the model decides
    assert diverges(True, 0.6, 0.5, 0.1)
    assert not diverges(False, 0.99, 0.5, 1.0)  # no decisive finding, no divergence
