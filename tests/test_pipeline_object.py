"""claimcmp.Pipeline and claimcmp.Options: built once, reused, shared between threads, pickled
to worker processes; one options object behind compare, compare_pair(s), compare_many and the CLI."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any

import attrs
import pytest

import claimcmp
from claimcmp.options import Options
from claimcmp.protocols import ClaimText

from .conftest import EXAMPLES

EX = sorted(EXAMPLES.glob("*.txt"))


def _without_timing(report: claimcmp.Report) -> str:
    return report.to_json()


def test_a_pipeline_gives_what_compare_gives_and_can_be_reused(hashing: Any) -> None:
    pipeline = claimcmp.Pipeline(claimcmp.Options(claims="sentence"), embedder=hashing)
    once = claimcmp.compare(EX, embedder=hashing, claims="sentence").to_json()
    assert pipeline.compare(EX).to_json() == once
    assert pipeline.compare(EX).to_json() == once  # no state left from the first call
    assert (
        pipeline.compare(EX[:2]).to_json()
        == claimcmp.compare(EX[:2], embedder=hashing, claims="sentence").to_json()
    )


def test_one_pipeline_serves_many_threads(hashing: Any) -> None:
    pipeline = claimcmp.Pipeline(embedder=hashing)
    inputs = [EX, EX[:2], EX[1:], [EX[2], EX[0]]] * 2
    expected = [pipeline.compare(x).to_json() for x in inputs]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda x: pipeline.compare(x).to_json(), inputs))
    assert got == expected


def test_a_pipeline_pickles_as_its_options_and_stages(hashing: Any) -> None:
    pipeline = claimcmp.Pipeline(
        claimcmp.Options(align_threshold=0.55, stories=False), embedder=hashing
    )
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy.options == pipeline.options
    assert copy.compare(EX).to_json() == pipeline.compare(EX).to_json()
    assert copy.compare(EX).settings["align_threshold"] == 0.55


def test_a_pipeline_runs_in_spawned_worker_processes(hashing: Any) -> None:
    pipeline = claimcmp.Pipeline(embedder=hashing)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        reports = list(claimcmp.compare_many([EX, EX[:2]], pipeline=pipeline, executor=pool))
    assert [r.to_json() for r in reports] == [
        pipeline.compare(EX).to_json(),
        pipeline.compare(EX[:2]).to_json(),
    ]


def test_compare_many_takes_a_pipeline_or_options_not_both(hashing: Any) -> None:
    pipeline = claimcmp.Pipeline(embedder=hashing)
    with pytest.raises(TypeError, match="not both"):
        claimcmp.compare_many([EX], pipeline=pipeline, claims="sentence")
    with pytest.raises(TypeError, match=r"must be a claimcmp\.Pipeline"):
        claimcmp.compare_many([EX], pipeline="fast")  # type: ignore[call-overload]
    seen: list[tuple[str, int, int | None]] = []
    list(claimcmp.compare_many([EX, EX[:2]], pipeline=pipeline, progress=lambda *a: seen.append(a)))
    assert seen == [("clusters", 0, 2), ("clusters", 1, 2), ("clusters", 2, 2)]


def test_skip_in_compare_many_changes_only_the_errors_option(hashing: Any, tmp_path: Any) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("\n", encoding="utf-8")
    pipeline = claimcmp.Pipeline(claimcmp.Options(claims="sentence"), embedder=hashing)
    (report,) = claimcmp.compare_many([[*EX, blank]], pipeline=pipeline, errors="skip")
    assert isinstance(report, claimcmp.Report)
    assert [k.type for k in report.skipped] == ["EmptyInputError"]
    assert pipeline.options.errors == "raise"  # the caller's pipeline is unchanged


@pytest.mark.parametrize(
    ("field", "value", "error", "message"),
    [
        (
            "align_threshold",
            1.5,
            ValueError,
            r"'align_threshold' must be a cosine in \[-1, 1\] \(got 1.5\)",
        ),
        ("align_threshold", float("nan"), ValueError, "'align_threshold' must be a cosine"),
        ("align_threshold", True, ValueError, "'align_threshold' must be a cosine"),
        (
            "align_method",
            "hungarian",
            ValueError,
            r"'align_method' must be one of \('fact', 'greedy', 'assignment', 'mutual-best'\) \(got 'hungarian'\)",
        ),
        ("align_top_k", 0, ValueError, r"'align_top_k' must be a positive int \(got 0\)"),
        ("claims", "words", ValueError, "'claims' must be one of"),
        ("stories", "yes", TypeError, r"'stories' must be True or False \(got 'yes'\)"),
        ("encoding", 8, TypeError, "'encoding' must be a codec name or None"),
        ("max_chars", -1, ValueError, "'max_chars' must be a positive int"),
        ("check_language", None, TypeError, "'check_language' must be True or False"),
        ("errors", "ignore", ValueError, "'errors' must be one of"),
    ],
)
def test_options_name_the_field_the_expected_and_the_received_value(
    field: str, value: object, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        Options(**{field: value})


def test_options_are_frozen_keyword_only_and_replaceable() -> None:
    options = Options()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        options.align_threshold = 0.1  # type: ignore[misc]
    with pytest.raises(TypeError):
        Options(0.5)  # type: ignore[misc]
    assert options.replace(claims="sentence").claims == "sentence"
    with pytest.raises(TypeError, match=r"unknown option\(s\) \['claim'\]"):
        options.replace(claim="sentence")
    with pytest.raises(ValueError, match="'claims' must be one of"):
        options.replace(claims="words")


def test_pipeline_arguments_are_checked(hashing: Any) -> None:
    with pytest.raises(TypeError, match=r"'options' must be a claimcmp\.Options"):
        claimcmp.Pipeline({"claims": "sentence"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not both"):
        claimcmp.Pipeline(embedder=hashing, model="x")
    with pytest.raises(ValueError, match="'backend' must be one of"):
        claimcmp.Pipeline(backend="tensorflow")  # type: ignore[arg-type]


def test_compare_pair_takes_dates_per_pair_and_the_same_threshold_name(hashing: Any) -> None:
    pipeline = claimcmp.Pipeline(embedder=hashing)
    monday, tuesday = dt.date(2026, 3, 9), dt.date(2026, 3, 10)
    a = "The bridge reopened on Monday after repairs."
    b = "The bridge reopened yesterday after repairs."
    # Published on Tuesday, "yesterday" is Monday; published on Monday it is Sunday.
    conflict, consistent = pipeline.compare_pairs(
        [
            (ClaimText(a, tuesday), ClaimText(b, monday)),
            (ClaimText(a, tuesday), ClaimText(b, tuesday)),
        ]
    )
    assert consistent.verdict == "paraphrase" and not consistent.divergences
    assert conflict.verdict == "divergence" and {d.kind for d in conflict.divergences} == {"date"}
    assert {d.kind for d in conflict.divergences} == {
        d.kind
        for d in claimcmp.compare_pair(
            a, b, embedder=hashing, published=(tuesday, monday)
        ).divergences
    }
    with pytest.warns(DeprecationWarning, match="'align_threshold'"):
        old = claimcmp.compare_pair(a, b, embedder=hashing, related_threshold=0.2)
    assert old == claimcmp.compare_pair(a, b, embedder=hashing, align_threshold=0.2)
    with pytest.raises(TypeError, match="'published' must be a"):
        claimcmp.compare_pair(a, b, embedder=hashing, published=tuesday)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"'pairs\[0\]' must be a"):
        pipeline.compare_pairs([(a, 3)])  # type: ignore[list-item]


def test_comparator_models_are_a_model_none_or_false() -> None:
    with pytest.raises(
        TypeError, match=r"'model' must be a VerdictModel, None \(the shipped model\) or False"
    ):
        claimcmp.Comparator(model=True)  # type: ignore[arg-type]
    rules = claimcmp.Comparator(model=False)
    assert rules.model is None and rules.fact_model is None
    assert claimcmp.Comparator(fact_model=False).fact_model is None


class _SeenText:
    """A detector that records what the comparator hands it and finds nothing."""

    name = "seen"

    def __init__(self) -> None:
        self.seen: list[ClaimText] = []

    def detect(self, a: ClaimText, b: ClaimText) -> list[Any]:
        self.seen.extend((a, b))
        return []


def test_detectors_see_the_text_before_each_claim(hashing: Any) -> None:
    """A report hands each detector the sentence before the claim's and the claim's own
    sentence up to it, so a pronoun that opens a claim can be read ("He also had ...")."""
    seen = _SeenText()
    pipeline = claimcmp.Pipeline(
        claimcmp.Options(claims="sentence", stories=False), embedder=hashing, detectors=[seen]
    )
    first = "Bush played in ten games for the Saints last season. He also had 440 yards receiving."
    second = "Bush played in ten games for the Saints last season. He also had 404 yards receiving."
    pipeline.compare([claimcmp.Article(first, source="a"), claimcmp.Article(second, source="b")])
    by_text = {t.text: t.before for t in seen.seen}
    assert by_text["He also had 440 yards receiving."] == (
        "Bush played in ten games for the Saints last season.",
        "",
    )
    assert by_text["He also had 404 yards receiving."][0].startswith("Bush played")


def test_the_text_before_a_claim_is_a_sequence_of_sentences() -> None:
    assert ClaimText("He won.", before=["Lee ran.", ""]).before == ("Lee ran.", "")
    with pytest.raises(TypeError, match="'before' must be a sequence of sentences"):
        ClaimText("He won.", before="Lee ran.")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="'before'"):
        ClaimText("He won.", before=[1])  # type: ignore[list-item]
