"""Errors raised by claimcmp.

Every error is a :class:`ClaimcmpError` *and* the built-in exception a caller
would naturally catch, so ``except ValueError`` keeps working::

    ClaimcmpError
    ├── InputError (ValueError)                bad input text or arguments
    │   ├── EmptyInputError                    no text, or nothing but boilerplate
    │   ├── BinaryInputError                   the bytes are not text
    │   ├── EncodingError (UnicodeError)       the text cannot be decoded with certainty
    │   ├── InputTooLargeError                 over the ``max_chars`` limit
    │   ├── UnsupportedLanguageError           not English
    │   ├── NotEnoughSourcesError              compare() needs two or more sources
    │   └── SpanError (IndexError)             offsets that do not index the source text
    ├── SourceNotFoundError (FileNotFoundError, LookupError)
    ├── SchemaError (ValueError)               a JSON report that does not follow the schema
    ├── ModelLoadError (RuntimeError)          an embedding model that cannot be loaded
    └── MissingDependencyError (ImportError)   an optional extra is not installed

Messages name the field, what was expected and what was received, and end
with what to do about it, so the CLI can print them as its one-line error.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ClaimcmpError",
    "EmptyInputError",
    "EncodingError",
    "InputError",
    "InputTooLargeError",
    "MissingDependencyError",
    "MissingModelError",
    "ModelLoadError",
    "NotEnoughSourcesError",
    "ReviewFileError",
    "SchemaError",
    "SourceNotFoundError",
    "SpanError",
    "UnreadableSourceError",
    "UnsupportedLanguageError",
]


class ClaimcmpError(Exception):
    """Base class of every error claimcmp raises on purpose."""


class InputError(ClaimcmpError, ValueError):
    """The input cannot be compared as given."""


class EmptyInputError(InputError):
    """A source has no text, or only lines that are not reporting."""


class BinaryInputError(InputError):
    """A source's bytes are not text (NUL bytes or control characters)."""


class EncodingError(InputError, UnicodeError):
    """A source is not UTF-8 and its encoding cannot be told with certainty."""


class InputTooLargeError(InputError):
    """A source is longer than the configured ``max_chars``."""


class UnsupportedLanguageError(InputError):
    """A source does not look like English text."""


class NotEnoughSourcesError(InputError):
    """A comparison needs at least two sources."""


class SpanError(InputError, IndexError):
    """Character offsets that do not index the text they claim to."""


class SourceNotFoundError(ClaimcmpError, FileNotFoundError, LookupError):
    """A path given as a source does not exist or is not a file."""


class UnreadableSourceError(ClaimcmpError, PermissionError):
    """A source file exists but cannot be read (permissions, an I/O error)."""


class SchemaError(ClaimcmpError, ValueError):
    """A serialised report does not follow ``claimcmp.report/3`` (or /2, /1)."""


class ReviewFileError(ClaimcmpError, ValueError):
    """A review file (an editor's decisions, :mod:`claimcmp.review`) cannot be read as one."""


class ModelLoadError(ClaimcmpError, RuntimeError):
    """A model cannot be loaded: an embedding model (not found offline, or broken), or one of
    the shipped same-fact, verdict and story models (unreadable, or from another version)."""


class MissingModelError(ModelLoadError, FileNotFoundError):
    """A model file the installed package must carry is missing (a broken install)."""


class MissingDependencyError(ClaimcmpError, ImportError):
    """An optional dependency is needed for the requested feature."""
