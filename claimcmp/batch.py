"""Many clusters: :func:`compare_many` compares independent event clusters, in order, streaming.

An editorial pipeline has hundreds of story clusters a day; each is an ordinary
:func:`claimcmp.compare` call, and clusters do not depend on each other, so they can run
anywhere. ``compare_many`` hands them to an executor you already run and yields the reports
in input order as they complete:

* ``executor=None`` — in this process, one after the other (one model load);
* a :class:`concurrent.futures.Executor` — e.g. ``ProcessPoolExecutor(4)``: each worker
  process loads the model once and keeps it;
* a Dask ``distributed.Client`` — the same, on a Dask cluster (``submit``/``result`` is all
  that is used, so anything with that interface works).

At most ``max_pending`` clusters are in flight, so memory stays bounded however long the input
is, and results stream while later clusters still run. The options of :func:`compare`
(``model``, ``backend``, ``cache``, ``detectors``, ...) apply to every cluster; they and the
sources are pickled to the workers, so custom detectors or embedders must be picklable.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence, Sized
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

from claimcmp.errors import ClaimcmpError

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from claimcmp.pipeline import CompareOptions, Pipeline, Progress, SourceLike
    from claimcmp.report import Report

__all__ = ["Executor", "cluster_error", "compare_many"]


class _Future(Protocol):
    def result(self) -> Any: ...


class Executor(Protocol):
    """What ``compare_many`` needs of an executor: ``submit(fn, *args)`` → a future with ``result()``.

    :class:`concurrent.futures.Executor` and ``dask.distributed.Client`` both qualify.
    """

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> _Future: ...


def _compare_cluster(pipeline: Pipeline, sources: Sequence[SourceLike]) -> Report | ClaimcmpError:
    # Module-level so executors pickle it by reference. The pipeline pickles as its options
    # and stage choices; the embedder it builds in a worker is shared per (model, backend)
    # there, so each worker loads the model once. Bad input comes back as a value: it is an
    # answer about the cluster, not a worker failure (Dask would log it as one).
    try:
        return pipeline.compare(_as_list(sources))
    except ClaimcmpError as exc:
        return exc


def cluster_error(cluster_id: str, exc: ClaimcmpError) -> ClaimcmpError:
    """``exc`` again, of the same type, its message naming the cluster."""
    try:
        named = type(exc)(f"cluster {cluster_id!r}: {exc}")
    except TypeError:  # a subclass with another constructor
        return exc
    named.__cause__ = exc
    return named


def _check_not_forking_torch(executor: Any) -> None:
    """Refuse a fork-based process pool once torch has run here: forked children inherit
    torch's thread pool in a state they cannot use, and hang without an error."""
    context = getattr(executor, "_mp_context", None)
    if context is None or "torch" not in sys.modules:
        return
    if context.get_start_method() == "fork":
        from claimcmp.errors import InputError

        raise InputError(
            "'executor' is a process pool that forks, and torch is already loaded in this "
            "process: the workers would hang. Create it with "
            "ProcessPoolExecutor(n, mp_context=multiprocessing.get_context('spawn'))."
        )


def _default_window(executor: Any) -> int:
    workers = getattr(executor, "_max_workers", None)
    if workers is None and hasattr(executor, "nthreads"):
        try:
            workers = sum(executor.nthreads().values())  # dask.distributed.Client
        except Exception:  # not connected yet, or another kind of object
            workers = None
    return 2 * max(1, int(workers or os.cpu_count() or 1))


class _CallbackBar:
    """A progress callable behind the two methods of a tqdm bar that ``_stream`` uses."""

    def __init__(self, callback: Progress, total: int | None) -> None:
        self.callback, self.total, self.done = callback, total, 0
        callback("clusters", 0, total)  # type: ignore[arg-type]

    def update(self, n: int) -> None:
        self.done += n
        self.callback("clusters", self.done, self.total)  # type: ignore[arg-type]

    def close(self) -> None:
        pass


def _progress_bar(enabled: bool | Progress | None, total: int | None) -> Any:
    if callable(enabled):
        return _CallbackBar(enabled, total)
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return None
    try:
        from tqdm.auto import tqdm
    except ImportError:  # tqdm comes with sentence-transformers; without it, no bar
        return None
    return tqdm(total=total, unit="cluster", desc="claimcmp", file=sys.stderr, leave=False)


@overload
def compare_many(
    clusters: Iterable[Sequence[SourceLike]] | Mapping[str, Sequence[SourceLike]],
    *,
    pipeline: Pipeline | None = None,
    executor: Executor | None = None,
    errors: Literal["raise"] = "raise",
    progress: bool | Progress | None = None,
    max_pending: int | None = None,
    **options: Unpack[CompareOptions],
) -> Iterator[Report]: ...


@overload
def compare_many(
    clusters: Iterable[Sequence[SourceLike]] | Mapping[str, Sequence[SourceLike]],
    *,
    pipeline: Pipeline | None = None,
    executor: Executor | None = None,
    errors: Literal["return", "skip"],
    progress: bool | Progress | None = None,
    max_pending: int | None = None,
    **options: Unpack[CompareOptions],
) -> Iterator[Report | ClaimcmpError]: ...


def compare_many(
    clusters: Iterable[Sequence[SourceLike]] | Mapping[str, Sequence[SourceLike]],
    *,
    pipeline: Pipeline | None = None,
    executor: Executor | None = None,
    errors: Literal["raise", "return", "skip"] = "raise",
    progress: bool | Progress | None = None,
    max_pending: int | None = None,
    **options: Unpack[CompareOptions],
) -> Iterator[Report] | Iterator[Report | ClaimcmpError]:
    """Compare each cluster of sources (as :func:`claimcmp.compare` would), yielding the
    reports in input order.

    ``clusters`` is an iterable of source lists, or a mapping from cluster id to source list
    (ids then name failing clusters in errors). ``errors="raise"`` stops at the first cluster
    with bad input, raising its error (same type, message naming the cluster);
    ``errors="return"`` yields the :class:`~claimcmp.errors.ClaimcmpError` in that cluster's
    place and goes on; ``errors="skip"`` also leaves a bad *source* out of its cluster
    (``compare(errors="skip")``: listed in the report's ``skipped``) and yields the error only
    for a cluster that has fewer than two good sources left. ``progress``: True shows a bar
    on standard error (None, the default: when it is a terminal); a callable is called as
    ``progress("clusters", done, total)`` (``total`` None for an iterator of unknown length).

    ``pipeline`` is a :class:`~claimcmp.Pipeline` to compare every cluster with; or give
    :func:`claimcmp.compare`'s keyword ``options`` and one is built from them (not both).
    """
    if errors not in ("raise", "return", "skip"):
        raise ValueError(f"'errors' must be 'raise', 'return' or 'skip' (got {errors!r}).")
    if "errors" in options:
        raise TypeError(
            "compare_many: give errors= once; errors='skip' passes errors='skip' to each compare."
        )
    from claimcmp.pipeline import Pipeline, build_pipeline

    if pipeline is None:
        try:
            pipeline = build_pipeline(**options)
        except TypeError as exc:
            raise TypeError(f"compare_many: {exc}") from None
    elif options:
        raise TypeError(
            f"compare_many: give 'pipeline' or compare's options, not both (got {sorted(options)})."
        )
    elif not isinstance(pipeline, Pipeline):
        raise TypeError(f"'pipeline' must be a claimcmp.Pipeline (got {type(pipeline).__name__}).")
    if max_pending is not None and (
        isinstance(max_pending, bool) or not isinstance(max_pending, int) or max_pending < 1
    ):
        raise ValueError(f"'max_pending' must be a positive int (got {max_pending!r}).")
    if isinstance(clusters, Mapping):
        items: Iterable[tuple[str, Sequence[SourceLike]]] = (
            (str(k), v) for k, v in clusters.items()
        )
    else:
        items = ((str(i), c) for i, c in enumerate(clusters))
    total = len(clusters) if isinstance(clusters, Sized) else None
    if errors == "skip":
        pipeline = pipeline.replace(errors="skip")
        errors = "return"
    return _stream(items, executor, errors, _progress_bar(progress, total), max_pending, pipeline)


def _stream(
    items: Iterable[tuple[str, Sequence[SourceLike]]],
    executor: Executor | None,
    errors: str,
    bar: Any,
    max_pending: int | None,
    pipeline: Pipeline,
) -> Iterator[Any]:
    def finish(cluster_id: str, get: Any) -> Any:
        try:
            result = get()
        finally:
            if bar is not None:
                bar.update(1)
        if isinstance(result, ClaimcmpError):
            named = cluster_error(cluster_id, result)
            if errors == "raise":
                raise named from result
            return named
        return result

    pending: deque[tuple[str, _Future]] = deque()
    try:
        if executor is None:
            for cluster_id, sources in items:
                yield finish(cluster_id, lambda s=sources: _compare_cluster(pipeline, s))
            return
        _check_not_forking_torch(executor)
        window = max_pending or _default_window(executor)
        for cluster_id, sources in items:
            _as_list(sources)  # a str or path instead of a list fails here, not in a worker
            pending.append((cluster_id, executor.submit(_compare_cluster, pipeline, sources)))
            if len(pending) >= window:
                cid, fut = pending.popleft()
                yield finish(cid, fut.result)
        while pending:
            cid, fut = pending.popleft()
            yield finish(cid, fut.result)
    finally:
        # The consumer stopped early (break, an error): do not leave work queued.
        for _, fut in pending:
            cancel = getattr(fut, "cancel", None)
            if cancel is not None:
                cancel()
        if bar is not None:
            bar.close()


def _as_list(sources: Sequence[SourceLike]) -> list[SourceLike]:
    if isinstance(sources, (str, bytes, os.PathLike)):
        raise TypeError(
            f"each cluster must be a list of sources, got a single {type(sources).__name__} "
            f"({sources!r:.60}); wrap it in a list with the cluster's other articles."
        )
    return list(sources)


def read_clusters(path: str | os.PathLike[str]) -> dict[str, list[SourceLike]]:
    """Clusters from a folder of cluster folders, or from a JSONL file of clusters.

    * A folder: each sub-folder holding ``.txt`` files is one cluster, named after the
      sub-folder (sorted by name; hidden folders are skipped).
    * A ``.jsonl`` file: one cluster per line, ``{"id": "...", "articles": [...]}``; an
      article is a path (relative to the JSONL file's folder) or an object with ``text`` and
      optional ``source``, ``title`` and ``published`` (``YYYY-MM-DD``).

    Raises :class:`~claimcmp.errors.InputError` naming the line and field at fault, and
    :class:`~claimcmp.errors.SourceNotFoundError` when ``path`` does not exist.
    """
    from pathlib import Path

    from claimcmp.errors import EmptyInputError, InputError, SourceNotFoundError

    p = Path(path)
    if p.is_dir():
        clusters: dict[str, list[SourceLike]] = {}
        for sub in sorted(d for d in p.iterdir() if d.is_dir() and not d.name.startswith(".")):
            files = sorted(f for f in sub.glob("*.txt") if f.is_file())
            if files:
                clusters[sub.name] = list(files)
        if not clusters:
            loose = any(p.glob("*.txt"))
            raise EmptyInputError(
                f"'{p}' holds no cluster folders with .txt files"
                + (
                    "; its .txt files look like one cluster: run 'claimcmp compare' on them"
                    if loose
                    else ""
                )
                + "; give a folder with one sub-folder of articles per cluster, or a JSONL file."
            )
        return clusters
    if not p.exists():
        raise SourceNotFoundError(
            f"'{p}' does not exist; give a folder of cluster folders or a JSONL file."
        )
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as exc:
        raise InputError(
            f"'{p}' is not UTF-8 text; give a JSONL file of clusters (one JSON object per line)."
        ) from exc
    return _clusters_from_jsonl(lines, p)


def _clusters_from_jsonl(lines: list[str], p: Any) -> dict[str, list[SourceLike]]:
    import datetime as dt
    import json

    from claimcmp.errors import EmptyInputError, InputError
    from claimcmp.ingest import Article

    clusters: dict[str, list[SourceLike]] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"'{p}' line {n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{where} is not JSON ({exc.msg}); write one cluster object per line."
            ) from exc
        if not isinstance(row, dict):
            raise InputError(
                f"{where}: expected an object with 'id' and 'articles' (got {type(row).__name__})."
            )
        cid = row.get("id", str(len(clusters)))
        if not isinstance(cid, (str, int)) or isinstance(cid, bool):
            raise InputError(f"{where}: 'id' must be a string (got {cid!r}).")
        cid = str(cid)
        if cid in clusters:
            raise InputError(f"{where}: 'id' {cid!r} is used twice; give each cluster its own id.")
        articles = row.get("articles")
        if not isinstance(articles, list):
            raise InputError(
                f"{where}: 'articles' must be a list of paths or objects with 'text' (got {articles!r:.60})."
            )
        sources: list[SourceLike] = []
        for k, art in enumerate(articles):
            field = f"{where}: 'articles[{k}]'"
            if isinstance(art, str):
                sources.append(p.parent / art)
                continue
            if not isinstance(art, dict) or not isinstance(art.get("text"), str):
                raise InputError(
                    f"{field} must be a path or an object with a 'text' string (got {art!r:.60})."
                )
            published = art.get("published")
            if published is not None:
                try:
                    published = dt.date.fromisoformat(str(published))
                except ValueError as exc:
                    raise InputError(
                        f"{field}: 'published' must be a YYYY-MM-DD date (got {published!r})."
                    ) from exc
            for key in ("source", "title"):
                if art.get(key) is not None and not isinstance(art[key], str):
                    raise InputError(f"{field}: {key!r} must be a string (got {art[key]!r:.40}).")
            sources.append(
                Article(
                    art["text"],
                    source=art.get("source") or f"{cid}-{k}",
                    title=art.get("title"),
                    published=published,
                )
            )
        clusters[cid] = sources
    if not clusters:
        raise EmptyInputError(f"'{p}' holds no clusters; write one JSON object per line.")
    return clusters
