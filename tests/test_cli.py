"""The command line: output formats, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcmp.cli import main

from .conftest import EXAMPLES, TORCH_INSTALLED, needs_torch

EX = [str(p) for p in sorted(EXAMPLES.glob("*.txt"))]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("claimcmp: error:")
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        (lambda d: [EX[0]], "at least 2"),
        (lambda d: [str(d / "missing.txt"), EX[0]], "does not exist"),
        (lambda d: [_write(d / "empty.txt", b""), EX[0]], "is empty"),
        (lambda d: [_write(d / "bin.dat", b"\x00\x01\x02PK\x03\x04" * 50), EX[0]], "binary"),
        (
            lambda d: [
                _write(d / "latin.txt", "Café owners said the plan was fair.".encode("latin-1")),
                EX[0],
            ],
            "not valid UTF-8",
        ),
        (
            lambda d: [
                _write(
                    d / "fr.txt",
                    "Le président a déclaré mardi que les négociations reprendraient la semaine prochaine à Minsk avec les deux délégations.".encode(),
                ),
                EX[0],
            ],
            "does not look like English",
        ),
        (lambda d: [str(d), EX[0]], "not a file"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, fragment: str
) -> None:
    code, out, err = run(["compare", *make(tmp_path)], capsys)  # type: ignore[operator]
    assert code == 2
    assert fragment in one_line_error(err)
    assert out == ""


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_too_large_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["compare", "--max-chars", "50", *EX], capsys)
    assert code == 2
    assert "over the limit" in one_line_error(err)


def test_unknown_format_and_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["compare", "--format", "xml", *EX], capsys)[0] == 2
    code, _, err = run([], capsys)
    assert code == 2 and "give a command" in err


@needs_torch
def test_model_that_cannot_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["compare", "--model", str(tmp_path / "no-model"), *EX], capsys)
    assert code == 2
    assert "model" in one_line_error(err)
    code, _, err = run(["compare", "--model", "not-cached/model-xyz", *EX], capsys)
    assert code == 2
    assert "cannot load model" in one_line_error(err)


@pytest.mark.skipif(TORCH_INSTALLED, reason="this install has torch")
def test_torch_free_install_says_what_to_install(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["compare", *EX], capsys)
    assert code == 2
    assert "pip install torch==2.13.0" in one_line_error(err)


def test_render_rejects_bad_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "r.json"
    p.write_text('{"schema": "x"}')
    code, _, err = run(["render", str(p)], capsys)
    assert code == 2 and "'schema' must be" in one_line_error(err)


@pytest.mark.slow
def test_json_output_fail_on_and_render(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "report.json"
    code, out, _ = run(
        ["compare", *EX, "--format", "json", "-o", str(out_file), "--fail-on", "divergence"], capsys
    )
    assert code == 1  # the examples hold planted divergences
    assert out == ""
    data = json.loads(out_file.read_text())
    assert data["schema"] == "claimcmp.report/3"
    for fmt, marker in (
        ("html", "<table>"),
        ("markdown", "# claimcmp report"),
        ("text", "DIVERGENCE"),
    ):
        code, out, _ = run(["render", str(out_file), "--format", fmt], capsys)
        assert code == 0 and marker in out
    code, out, _ = run(["compare", *EX[:2]], capsys)
    assert code == 0 and "\x1b[" not in out  # no colour when not a tty


@pytest.mark.slow
def test_console_script_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "claimcmp.cli", "compare", EX[0]],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("claimcmp: error:")


def _batch_input(tmp_path: Path) -> Path:
    """Three cluster folders: the examples twice, and one that holds a single article."""
    for name, files in (("a-bridge", EX), ("b-bridge-two", EX[:2]), ("c-lonely", EX[:1])):
        (tmp_path / name).mkdir(parents=True)
        for f in files:
            (tmp_path / name / Path(f).name).write_bytes(Path(f).read_bytes())
    return tmp_path


@pytest.mark.slow
def test_batch_writes_one_line_per_cluster_and_exits_2_on_a_bad_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _batch_input(tmp_path / "in")
    out_file = tmp_path / "out.jsonl"
    code, out, err = run(
        ["batch", str(src), "-o", str(out_file), "--cache-dir", str(tmp_path / "cache")], capsys
    )
    assert code == 2 and out == ""
    rows = [json.loads(line) for line in out_file.read_text().splitlines()]
    assert [r["cluster"] for r in rows] == ["a-bridge", "b-bridge-two", "c-lonely"]
    assert rows[0]["report"]["schema"] == "claimcmp.report/3"
    assert rows[2]["error"]["type"] == "NotEnoughSourcesError"
    assert [line for line in err.splitlines() if "error:" in line] == [
        "claimcmp: error: " + rows[2]["error"]["message"]
    ]
    assert "1 of 3 clusters" in err and "Traceback" not in err
    # Same answers from two worker processes, and from the embedding cache.
    code, out, _ = run(
        ["batch", str(src), "--workers", "2", "--cache-dir", str(tmp_path / "cache")], capsys
    )
    assert code == 2
    assert [json.loads(line) for line in out.splitlines()] == rows
    code, out, _ = run(["cache", "info", "--cache-dir", str(tmp_path / "cache")], capsys)
    assert code == 0 and "embeddings of 1 model" in out
    code, out, _ = run(["cache", "clear", "--cache-dir", str(tmp_path / "cache")], capsys)
    assert code == 0 and "removed" in out


def test_cache_info_and_clear_cover_exported_onnx_models(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exports = tmp_path / "onnx"
    exports.mkdir()
    (exports / "ab12-r2-int8.onnx").write_bytes(b"\0" * 2_000_000)
    code, out, _ = run(["cache", "info", "--cache-dir", str(tmp_path)], capsys)
    assert (
        code == 0
        and "0 embeddings" in out
        and "ab12-r2-int8.onnx: exported ONNX model, 2.0 MB" in out
    )
    code, out, _ = run(["cache", "clear", "--cache-dir", str(tmp_path)], capsys)
    assert code == 0 and "removed 1 exported ONNX model" in out
    assert not any(exports.iterdir())


@pytest.mark.slow
def test_batch_fail_on_divergence_and_jsonl_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "clusters.jsonl"
    f.write_text(json.dumps({"id": "bridge", "articles": EX}) + "\n")
    code, out, err = run(["batch", str(f), "--fail-on", "divergence"], capsys)
    assert code == 1 and err == ""
    assert json.loads(out)["cluster"] == "bridge"


def test_batch_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["batch", str(tmp_path / "missing")], capsys)
    assert code == 2 and "does not exist" in one_line_error(err)
    code, _, err = run(["batch", str(EXAMPLES)], capsys)
    assert code == 2 and "claimcmp compare" in one_line_error(err)
    code, _, err = run(["batch", str(tmp_path), "--workers", "0"], capsys)
    assert code == 2 and "--workers" in one_line_error(err)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "articles": 5}\n')
    code, _, err = run(["batch", str(bad)], capsys)
    assert code == 2 and "line 1" in one_line_error(err)


@pytest.mark.slow
def test_compare_with_onnx_backend_and_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], onnx_embedder: object
) -> None:
    code, out, _ = run(["compare", *EX, "--backend", "onnx", "--cache", "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["model"] == "all-MiniLM-L6-v2 (onnx-int8)"
    code, again, _ = run(
        ["compare", *EX, "--backend", "onnx", "--cache", "--format", "json"], capsys
    )
    assert again == out
