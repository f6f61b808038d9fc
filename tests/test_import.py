"""`import claimcmp` stays light: no torch, NLTK, sentence-transformers or pint."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_import_loads_no_heavy_modules() -> None:
    code = (
        "import sys, claimcmp\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'nltk', 'pint', 'sklearn', 'scipy') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "claimcmp.Report, claimcmp.Article, claimcmp.compare\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'nltk') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_public_names_resolve() -> None:
    import claimcmp

    for name in claimcmp.__all__:
        assert getattr(claimcmp, name) is not None
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = claimcmp.nope  # type: ignore[attr-defined]


def test_errors_subclass_builtins() -> None:
    from claimcmp import errors

    assert issubclass(errors.EmptyInputError, ValueError)
    assert issubclass(errors.EncodingError, UnicodeError)
    assert issubclass(errors.SourceNotFoundError, FileNotFoundError)
    assert issubclass(errors.ModelLoadError, RuntimeError)
    assert issubclass(errors.MissingDependencyError, ImportError)
    assert issubclass(errors.SchemaError, ValueError)
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.ClaimcmpError)


def test_protocols_are_satisfied_by_builtins() -> None:
    from claimcmp.claims import SentenceClaimExtractor
    from claimcmp.detectors import default_detectors
    from claimcmp.embed import HashingEmbedder, SentenceTransformerEmbedder
    from claimcmp.protocols import ClaimExtractor, Detector, Embedder, SentenceSplitter
    from claimcmp.split import PunktSentenceSplitter, RegexSentenceSplitter

    assert isinstance(PunktSentenceSplitter(), SentenceSplitter)
    assert isinstance(RegexSentenceSplitter(), SentenceSplitter)
    assert isinstance(SentenceClaimExtractor(), ClaimExtractor)
    assert isinstance(HashingEmbedder(), Embedder)
    assert isinstance(SentenceTransformerEmbedder(), Embedder)
    for d in default_detectors():
        assert isinstance(d, Detector)


def test_python_dash_m_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimcmp", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    import claimcmp

    assert done.stdout.strip() == f"claimcmp {claimcmp.__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "claimcmp"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "give a command" in done.stderr


def test_errors_name_what_to_do_when_a_model_file_is_missing() -> None:
    from claimcmp import errors

    assert issubclass(errors.MissingModelError, errors.ModelLoadError)
    assert issubclass(errors.MissingModelError, FileNotFoundError)
