"""Command line: ``claimcmp compare``, ``claimcmp batch``, ``claimcmp render``, ``claimcmp cache``.

Exit codes: 0 done; 1 ``--fail-on divergence`` and a divergence was found;
2 bad input or usage (one line on stderr saying what was wrong and what to
do, never a traceback). ``batch`` goes on past a cluster with bad input,
writes its error in that cluster's line and on stderr, and exits 2 at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from claimcmp.backends import BACKENDS
from claimcmp.errors import ClaimcmpError
from claimcmp.options import CLAIM_MODES

if TYPE_CHECKING:
    from claimcmp.options import ErrorMode
    from claimcmp.pipeline import Pipeline

__all__ = ["main"]

EXIT_OK = 0
EXIT_DIVERGENCE = 1
EXIT_USAGE = 2

FORMATS = ("text", "json", "html", "markdown")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, then exit 2, like every other bad input.
        self.exit(EXIT_USAGE, f"claimcmp: error: {message} (see 'claimcmp --help')\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="claimcmp",
        description="Claim-level fact comparison across news articles.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    cmp_ = sub.add_parser(
        "compare",
        help="compare two or more articles about one event",
        description="Compare two or more articles (text files) about one event, claim by claim.",
    )
    cmp_.add_argument("paths", nargs="+", metavar="PATH", help="article text files (two or more)")
    cmp_.add_argument(
        "--format", "-f", choices=FORMATS, default="text", help="output format (default: text)"
    )
    cmp_.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of standard output"
    )
    cmp_.add_argument(
        "--fail-on",
        choices=("divergence",),
        help="exit with status 1 when any divergence is found (for pipelines)",
    )
    cmp_.add_argument(
        "--skip-bad",
        action=argparse.BooleanOptionalAction,
        default=False,
        help="leave out a file that cannot be read or compared (empty, binary, not English...), list it "
        "in the report, and compare the rest (default: stop with its error)",
    )
    cmp_.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour in text output"
    )
    _add_comparison_options(cmp_)
    _add_review_options(cmp_)

    bat = sub.add_parser(
        "batch",
        help="compare many independent clusters (a folder of cluster folders, or a JSONL file)",
        description=(
            "Compare many clusters, each as 'claimcmp compare' would, writing one JSON line per "
            'cluster in input order: {"cluster": ID, "report": {...}} or '
            '{"cluster": ID, "error": {"type": ..., "message": ...}}. INPUT is a folder whose '
            "sub-folders each hold one cluster's .txt files, or a JSONL file with one "
            '{"id": ..., "articles": [path or {"text": ...}, ...]} per line.'
        ),
    )
    bat.add_argument("input", metavar="INPUT", help="folder of cluster folders, or clusters.jsonl")
    bat.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the JSON lines to FILE instead of standard output",
    )
    bat.add_argument(
        "--skip-bad",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="leave a bad file out of its cluster and list it in that report's 'skipped' (default); "
        "--no-skip-bad makes the whole cluster an error line instead",
    )
    bat.add_argument(
        "--fail-on",
        choices=("divergence",),
        help="exit with status 1 when any cluster has a divergence",
    )
    bat.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="compare N clusters at once in N worker processes on this machine (default: 1, in this process)",
    )
    bat.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run the clusters on a Dask cluster (e.g. tcp://host:8786); needs 'claimcmp[dask]'",
    )
    bat.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on standard error",
    )
    _add_comparison_options(bat)

    cache = sub.add_parser(
        "cache",
        help="show or clear the embedding cache and the exported ONNX models",
        description="Show what the cache directory holds (embeddings, exported ONNX models), or clear both.",
    )
    cache.add_argument("action", choices=("info", "clear"))
    cache.add_argument(
        "--cache-dir", metavar="DIR", help="the cache directory (default: the user cache directory)"
    )

    ren = sub.add_parser(
        "render",
        help="render a saved JSON report as text, HTML or Markdown",
        description="Render a report saved with 'claimcmp compare --format json'.",
    )
    ren.add_argument("report", metavar="REPORT.json")
    ren.add_argument("--format", "-f", choices=FORMATS, default="text")
    ren.add_argument("-o", "--output", metavar="FILE")
    ren.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    _add_review_options(ren)

    rev = sub.add_parser(
        "review",
        help="list a report's findings, or confirm or dismiss one (kept in a review file)",
        description=(
            "Without FINDING, list the findings of a saved JSON report with their fingerprints and "
            "decisions. With FINDING (a fingerprint, or a unique prefix of 6+ characters) and "
            "confirm or dismiss, record the decision in the review file (default: REPORT.review.json "
            "beside the report). 'claimcmp compare ... --review FILE' and 'claimcmp render ... "
            "--review FILE' then hide dismissed findings and mark confirmed ones, also on later runs."
        ),
    )
    rev.add_argument("report", metavar="REPORT.json")
    rev.add_argument(
        "finding", nargs="?", metavar="FINDING", help="fingerprint (or a unique prefix)"
    )
    rev.add_argument("action", nargs="?", choices=("confirm", "dismiss"), help="the decision")
    rev.add_argument("--note", default="", help="why (kept with the decision)")
    rev.add_argument(
        "--file", metavar="REVIEW.json", help="the review file (default: REPORT.review.json)"
    )
    return parser


def _add_review_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--review",
        metavar="REVIEW.json",
        help="apply an editor's review file: hide dismissed findings, mark confirmed ones",
    )
    parser.add_argument(
        "--show-dismissed",
        action="store_true",
        help="with --review, show dismissed findings too (marked)",
    )


def _add_comparison_options(parser: argparse.ArgumentParser) -> None:
    """The options of one comparison, which ``compare`` and ``batch`` share (they become one
    :class:`claimcmp.Options` and one :class:`claimcmp.Pipeline` in :func:`_pipeline`)."""
    parser.add_argument(
        "--model",
        metavar="NAME_OR_PATH",
        help="sentence-transformers model folder or cached name (default: bundled all-MiniLM-L6-v2)",
    )
    parser.add_argument(
        "--claims",
        choices=CLAIM_MODES,
        default="atomic",
        help="atomic claims split out of each sentence (default), or one claim per sentence",
    )
    parser.add_argument(
        "--threshold",
        type=float,
        metavar="COSINE",
        help="least cosine similarity of two aligned claims (default: calibrated, 0.4 under the "
        "fact-aware alignment model, which decides above it)",
    )
    parser.add_argument(
        "--encoding", metavar="CODEC", help="decode the files with this encoding (default: UTF-8)"
    )
    parser.add_argument(
        "--max-chars", type=int, metavar="N", help="longest article accepted (default: 1,000,000)"
    )
    parser.add_argument(
        "--no-language-check",
        action="store_true",
        help="compare even if a file does not look like English",
    )
    parser.add_argument(
        "--backend",
        choices=BACKENDS,
        default="torch",
        help="run the model with torch (default) or ONNX Runtime int8 (faster; needs 'claimcmp[onnx]')",
    )
    parser.add_argument(
        "--cache",
        action="store_true",
        help="keep claim embeddings in the user cache directory, so re-runs skip encoding",
    )
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="keep claim embeddings in DIR (implies --cache)"
    )


def _cache_option(args: argparse.Namespace) -> bool | str | None:
    return args.cache_dir or (True if args.cache else None)


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def _progress_printer(stream: TextIO):  # type: ignore[no-untyped-def]
    def show(stage: str, done: int, total: int) -> None:
        stream.write(f"\r\x1b[2Kclaimcmp: {stage} {done}/{total}")
        if stage == "compare" and done == total:
            stream.write("\r\x1b[2K")
        stream.flush()

    return show


def _render(
    report_dict: dict,  # type: ignore[type-arg]
    fmt: str,
    color: bool,
    args: argparse.Namespace | None = None,
) -> str:
    import json

    from claimcmp.render import render_html, render_markdown, render_text

    if fmt == "json":  # the report itself; decisions stay in the review file
        return json.dumps(report_dict, ensure_ascii=False, indent=2) + "\n"
    if args is not None and getattr(args, "review", None):
        from claimcmp.review import Review, annotate

        report_dict = annotate(
            report_dict, Review.load(args.review), show_dismissed=args.show_dismissed
        )
    if fmt == "html":
        return render_html(report_dict, full_page=True)
    if fmt == "markdown":
        return render_markdown(report_dict)
    return render_text(report_dict, color=color)


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise _UsageError(
                f"cannot write '{output}': {exc.strerror}; choose another -o path"
            ) from exc
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


class _UsageError(Exception):
    pass


def _pipeline(args: argparse.Namespace, *, errors: ErrorMode = "raise") -> Pipeline:
    """The one :class:`claimcmp.Pipeline` that ``compare`` and ``batch`` build from their
    shared options."""
    from claimcmp.options import Options
    from claimcmp.pipeline import Pipeline

    if args.threshold is not None and not (-1.0 <= args.threshold <= 1.0):
        raise _UsageError(f"--threshold must be a cosine in [-1, 1] (got {args.threshold})")
    if args.max_chars is not None and args.max_chars < 1:
        raise _UsageError(
            f"--max-chars must be a positive number of characters (got {args.max_chars})"
        )
    given = {
        "align_threshold": args.threshold,
        "claims": args.claims,
        "encoding": args.encoding,
        "max_chars": args.max_chars,
    }
    options = Options(
        **{k: v for k, v in given.items() if v is not None},
        check_language=not args.no_language_check,
        errors=errors,
    )
    return Pipeline(options, model=args.model, backend=args.backend, cache=_cache_option(args))


def _cmd_compare(args: argparse.Namespace) -> int:
    if len(args.paths) < 2:
        raise _UsageError(
            f"compare needs at least 2 article files (got {len(args.paths)}); "
            "give two or more reports of the same event"
        )
    pipeline = _pipeline(args, errors="skip" if args.skip_bad else "raise")
    progress = _progress_printer(sys.stderr) if sys.stderr.isatty() else None
    report = pipeline.compare(args.paths, progress=progress)
    for k in report.skipped:
        sys.stderr.write(f"claimcmp: skipped {k.source}: {' '.join(k.message.split())}\n")
    color = args.format == "text" and not args.output and _use_color(args.color, sys.stdout)
    _write(_render(report.to_dict(), args.format, color, args), args.output)
    if args.fail_on == "divergence" and any(p.verdict == "divergence" for p in report.pairs):
        return EXIT_DIVERGENCE
    return EXIT_OK


def _limit_worker_threads(threads: int) -> None:
    # Runs first in each worker process: N workers share the cores instead of each taking all.
    os.environ["CLAIMCMP_THREADS"] = str(threads)


def _cmd_batch(args: argparse.Namespace) -> int:
    import json

    from claimcmp.batch import compare_many, read_clusters

    if args.workers < 1:
        raise _UsageError(f"--workers must be at least 1 (got {args.workers})")
    if args.workers > 1 and args.scheduler:
        raise _UsageError("give --workers or --scheduler, not both")
    pipeline = _pipeline(args)
    clusters = read_clusters(args.input)
    progress = {"auto": None, "always": True, "never": False}[args.progress]
    with contextlib.ExitStack() as stack:
        executor = None
        if args.scheduler:
            try:
                from distributed import Client
            except ImportError as exc:
                raise _UsageError("--scheduler needs Dask: pip install 'claimcmp[dask]'") from exc
            try:
                executor = stack.enter_context(Client(args.scheduler, timeout="20s"))  # type: ignore[no-untyped-call]
            except (OSError, TimeoutError) as exc:
                raise _UsageError(
                    f"cannot reach the Dask scheduler at {args.scheduler!r} ({exc}); check the address"
                ) from exc
        elif args.workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            threads = max(1, (os.cpu_count() or 1) // args.workers)
            executor = stack.enter_context(
                ProcessPoolExecutor(
                    args.workers,
                    mp_context=multiprocessing.get_context(
                        "spawn"
                    ),  # fork is unsafe once torch runs
                    initializer=_limit_worker_threads,
                    initargs=(threads,),
                )
            )
        out: TextIO = sys.stdout
        if args.output:
            try:
                out = stack.enter_context(open(args.output, "w", encoding="utf-8"))
            except OSError as exc:
                raise _UsageError(
                    f"cannot write '{args.output}': {exc.strerror}; choose another -o path"
                ) from exc
        failed = diverged = 0
        results = compare_many(
            clusters,
            pipeline=pipeline,
            executor=executor,
            errors="skip" if args.skip_bad else "return",
            progress=progress,
        )
        for cluster_id, result in zip(clusters, results, strict=True):
            if isinstance(result, ClaimcmpError):
                failed += 1
                row: dict[str, object] = {
                    "cluster": cluster_id,
                    "error": {"type": type(result).__name__, "message": str(result)},
                }
                sys.stderr.write(f"claimcmp: error: {' '.join(str(result).split())}\n")
            else:
                diverged += any(p.verdict == "divergence" for p in result.pairs)
                row = {"cluster": cluster_id, "report": result.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
    if failed:
        sys.stderr.write(
            f"claimcmp: {failed} of {len(clusters)} clusters could not be compared (their lines hold the error)\n"
        )
        return EXIT_USAGE
    if args.fail_on == "divergence" and diverged:
        return EXIT_DIVERGENCE
    return EXIT_OK


def _cmd_cache(args: argparse.Namespace) -> int:
    from claimcmp.cache import EmbeddingCache
    from claimcmp.embed_onnx import clear_exported_models, exported_models

    cache = EmbeddingCache(args.cache_dir)
    if args.action == "clear":
        n = cache.clear()
        exports = clear_exported_models(args.cache_dir)
        print(f"claimcmp: removed {n:,} cached embeddings from {cache.path}")
        print(f"claimcmp: removed {exports:,} exported ONNX model(s)")
        return EXIT_OK
    st = cache.stats()
    print(
        f"{st.path}: {st.entries:,} embeddings of {st.models} model(s), {st.size_bytes / 1e6:.1f} MB"
    )
    for path in exported_models(args.cache_dir):
        print(f"{path}: exported ONNX model, {path.stat().st_size / 1e6:.1f} MB")
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    report = _read_report(Path(args.report))  # validates
    color = args.format == "text" and not args.output and _use_color(args.color, sys.stdout)
    _write(_render(report.to_dict(), args.format, color, args), args.output)
    return EXIT_OK


def _read_report(path: Path) -> Any:
    from claimcmp.report import Report

    if not path.is_file():
        raise _UsageError(f"'{path}' does not exist or is not a file; give a saved JSON report")
    try:
        return Report.from_json(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise _UsageError(f"'{path}' is not UTF-8 text, so not a claimcmp JSON report") from exc


def _cmd_review(args: argparse.Namespace) -> int:
    from claimcmp.review import Review, findings

    path = Path(args.report)
    report = _read_report(path)
    review_file = Path(args.file) if args.file else path.with_name(path.stem + ".review.json")
    if args.finding is None:
        review = Review.load(review_file, missing_ok=True)
        data = report.to_dict()
        claims = {c["id"]: c for c in data["claims"]}
        for fp, pair, d in findings(data):
            decision = review.get(fp)
            ca, cb = claims[pair["a"]], claims[pair["b"]]
            texts = " vs ".join(repr(t) for t in (d.get("a_text"), d.get("b_text")) if t)
            mark = decision.decision if decision else "-"
            print(
                f"{fp}  {mark:<9}  {d['kind']}: {texts}  ({ca['source']} / {cb['source']}, {pair['verdict']})"
            )
        return EXIT_OK
    if args.action is None:
        raise _UsageError("give the decision after the finding: confirm or dismiss")
    verdict = {"confirm": "confirmed", "dismiss": "dismissed"}[args.action]
    try:
        report.review(args.finding, verdict, note=args.note, file=review_file)
    except LookupError as exc:
        raise _UsageError(str(exc).rstrip(".")) from exc
    sys.stderr.write(f"claimcmp: {verdict} {args.finding} in {review_file}\n")
    return EXIT_OK


def _one_line_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A library warning as the command line says things: one line, no source location."""
    sys.stderr.write(f"claimcmp: warning: {' '.join(str(message).split())}\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    with warnings.catch_warnings():
        warnings.showwarning = _one_line_warning
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.version:
        import claimcmp

        print(f"claimcmp {claimcmp.__version__}")
        return EXIT_OK
    if args.command is None:
        parser.print_usage(sys.stderr)
        sys.stderr.write("claimcmp: error: give a command, e.g. 'claimcmp compare a.txt b.txt'\n")
        return EXIT_USAGE
    try:
        if args.command == "compare":
            return _cmd_compare(args)
        if args.command == "batch":
            return _cmd_batch(args)
        if args.command == "cache":
            return _cmd_cache(args)
        if args.command == "review":
            return _cmd_review(args)
        return _cmd_render(args)
    except (ClaimcmpError, _UsageError) as exc:
        message = " ".join(str(exc).split())
        sys.stderr.write(f"claimcmp: error: {message}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("claimcmp: interrupted\n")
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: not an error.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - must outlive this block
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
