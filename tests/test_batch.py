"""compare_many over executors (serial, threads, processes, Dask) and the batch input formats."""

from __future__ import annotations

import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import claimcmp
from claimcmp.batch import read_clusters
from claimcmp.errors import EmptyInputError, InputError, NotEnoughSourcesError, SourceNotFoundError

from .conftest import EXAMPLES

slow = pytest.mark.slow
EX = sorted(EXAMPLES.glob("*.txt"))


def _clusters(seed_paths: list[Path]) -> dict[str, list[Any]]:
    return {
        "examples": list(EX),
        "seeds": list(seed_paths),
        "seed-pair": seed_paths[2:4],
        "examples-two": EX[:2],
    }


def _dicts(results: Any) -> list[Any]:
    return [r.to_dict() if isinstance(r, claimcmp.Report) else repr(r) for r in results]


@pytest.mark.shared
def test_executors_give_the_serial_reports_in_order(seed_paths: list[Path], hashing: Any) -> None:
    clusters = _clusters(seed_paths)
    serial = list(claimcmp.compare_many(clusters, embedder=hashing))
    assert [len(r.sources) for r in serial] == [3, 5, 2, 2]
    assert serial[0].to_dict() == claimcmp.compare(EX, embedder=hashing).to_dict()
    with ThreadPoolExecutor(3) as threads:
        assert _dicts(
            claimcmp.compare_many(clusters, executor=threads, embedder=hashing)
        ) == _dicts(serial)
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=spawn) as procs:
        # max_pending=1: one cluster in flight at a time, still in order.
        got = claimcmp.compare_many(
            list(clusters.values()), executor=procs, embedder=hashing, max_pending=1
        )
        assert _dicts(got) == _dicts(serial)


@pytest.mark.shared
def test_dask_local_cluster_gives_the_serial_reports(seed_paths: list[Path], hashing: Any) -> None:
    distributed = pytest.importorskip(
        "distributed", reason="the test extra installs dask[distributed]"
    )
    clusters = _clusters(seed_paths)
    serial = _dicts(claimcmp.compare_many(clusters, embedder=hashing))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert _dicts(claimcmp.compare_many(clusters, executor=client, embedder=hashing)) == serial


@slow
@pytest.mark.shared
def test_dask_with_the_real_model_gives_the_serial_reports(
    seed_paths: list[Path], embedder: Any
) -> None:
    distributed = pytest.importorskip(
        "distributed", reason="the test extra installs dask[distributed]"
    )
    clusters = _clusters(seed_paths)
    # Default options: each worker process loads the bundled model itself.
    serial = _dicts(claimcmp.compare_many(clusters))
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert _dicts(claimcmp.compare_many(clusters, executor=client)) == serial


def test_bad_cluster_raises_or_is_returned(hashing: Any) -> None:
    clusters = {"fine": EX, "lonely": EX[:1], "after": EX[1:]}
    with pytest.raises(NotEnoughSourcesError, match="cluster 'lonely'") as info:
        list(claimcmp.compare_many(clusters, embedder=hashing))
    assert isinstance(info.value, ValueError)
    results = list(claimcmp.compare_many(clusters, embedder=hashing, errors="return"))
    assert isinstance(results[0], claimcmp.Report) and isinstance(results[2], claimcmp.Report)
    assert isinstance(results[1], NotEnoughSourcesError) and "cluster 'lonely'" in str(results[1])
    with ThreadPoolExecutor(2) as pool:
        again = list(
            claimcmp.compare_many(clusters, executor=pool, embedder=hashing, errors="return")
        )
    assert _dicts(again) == _dicts(results)


def test_streams_lazily(hashing: Any) -> None:
    def endless() -> Any:
        while True:
            yield EX

    stream = claimcmp.compare_many(endless(), embedder=hashing)
    first, second = next(stream), next(stream)
    assert first.to_dict() == second.to_dict()


def test_arguments_are_checked_before_any_work(hashing: Any) -> None:
    with pytest.raises(TypeError, match=r"unknown option\(s\) \['modle'\]"):
        claimcmp.compare_many([EX], modle="x")
    with pytest.raises(ValueError, match="'errors' must be"):
        claimcmp.compare_many([EX], errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="'max_pending' must be"):
        claimcmp.compare_many([EX], max_pending=0)
    with pytest.raises(TypeError, match="list of sources"):
        list(claimcmp.compare_many([str(EX[0])], embedder=hashing))


def test_fork_pool_after_torch_is_refused(monkeypatch: pytest.MonkeyPatch, hashing: Any) -> None:
    monkeypatch.setitem(sys.modules, "torch", sys.modules.get("torch", object()))
    with (
        ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool,
        pytest.raises(InputError, match="get_context\\('spawn'\\)"),
    ):
        list(claimcmp.compare_many([EX], executor=pool, embedder=hashing))


# ---------------------------------------------------------------------- input formats


def test_read_clusters_from_folders(tmp_path: Path) -> None:
    for name in ("b-story", "a-story"):
        (tmp_path / name).mkdir()
        for p in EX:
            (tmp_path / name / p.name).write_bytes(p.read_bytes())
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "empty").mkdir()
    clusters = read_clusters(tmp_path)
    assert list(clusters) == ["a-story", "b-story"]
    assert [Path(str(s)).name for s in clusters["a-story"]] == [p.name for p in EX]
    with pytest.raises(EmptyInputError, match="run 'claimcmp compare'"):
        read_clusters(EXAMPLES)
    with pytest.raises(SourceNotFoundError):
        read_clusters(tmp_path / "nope.jsonl")


def test_read_clusters_from_jsonl(tmp_path: Path, hashing: Any) -> None:
    (tmp_path / "a.txt").write_bytes(EX[0].read_bytes())
    rows = [
        {"id": "paths", "articles": ["a.txt", str(EX[1])]},
        {
            "id": 7,
            "articles": [
                {"text": EX[0].read_text(), "source": "wire", "published": "2026-03-01"},
                {"text": EX[2].read_text(), "title": "Bridge"},
            ],
        },
    ]
    f = tmp_path / "clusters.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    clusters = read_clusters(f)
    assert list(clusters) == ["paths", "7"]
    report = next(iter(claimcmp.compare_many({"7": clusters["7"]}, embedder=hashing)))
    assert [s.id for s in report.sources] == ["wire", "7-1"]
    assert str(report.sources[0].published) == "2026-03-01"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("{not json", "line 1 is not JSON"),
        ("[1, 2]", "expected an object"),
        ('{"id": "x"}', "'articles' must be a list"),
        ('{"id": "x", "articles": [3]}', "'articles[0]' must be a path or an object"),
        (
            '{"id": "x", "articles": [{"text": "t", "published": "March 1"}]}',
            "'published' must be a YYYY-MM-DD",
        ),
        ('{"id": "x", "articles": []}\n{"id": "x", "articles": []}', "used twice"),
    ],
)
def test_bad_jsonl_names_the_line_and_field(tmp_path: Path, line: str, fragment: str) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(line + "\n")
    with pytest.raises(InputError, match=fragment.replace("[", "\\[").replace("(", "\\(")):
        read_clusters(f)


def test_progress_bar_on_request(hashing: Any, capsys: pytest.CaptureFixture[str]) -> None:
    list(claimcmp.compare_many([EX, EX], embedder=hashing, progress=True))
    err = capsys.readouterr().err
    assert "0/2" in err and "cluster" in err  # drawn (later updates depend on the refresh rate)
    list(claimcmp.compare_many([EX], embedder=hashing))  # not a terminal: no bar by default
    assert capsys.readouterr().err == ""
