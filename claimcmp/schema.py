"""The JSON form of the report, generated from the attrs classes of the records.

One place turns records into plain JSON-ready data and back: :func:`unstructure` walks a
record's attrs fields (their order is the JSON key order) and :func:`structure` rebuilds a
record from plain data, checking every value against the field's type as it goes — strictly:
``"0"`` is not an int, ``1`` is not a bool — and naming the JSON path, what was expected and
what was received (``'claims[0].start' must be an int (got '0')``). A field's JSON form
follows from its type:

* ``str``, ``int``, ``float``, ``bool``, ``Literal[...]`` (one of the choices), ``X | None``
  (``null`` allowed);
* ``datetime.date`` — a ``YYYY-MM-DD`` string;
* ``tuple[int, int]`` (a span) — ``[start, end]``;
* ``tuple[X, ...]`` — a list; a record class — an object;
* ``dict[str, Any]`` — an object, copied;
* a field with ``metadata={"json": "mapping"}`` (pairs of name and value, such as
  ``probabilities``) — an object.

A key that is missing takes the field's default; a field without one must be present. Keys the
schema does not know are ignored, so a newer writer's additions do not stop an older reader.
The record classes validate themselves when built (offsets, kinds); an error they raise is
reported with the path of the object that failed. The schema is documented once, in
``docs/report-schema.md``; a test checks that every field written here is described there.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, Union

import attrs

from claimcmp.errors import SchemaError

__all__ = ["fields", "structure", "unstructure"]


def fields(cls: type) -> tuple[tuple[str, Any, attrs.Attribute[Any]], ...]:
    """``(json key, resolved type, attribute)`` of every serialised field of ``cls``, in order.

    Fields with ``init=False`` (indexes built on construction) are not serialised.
    """
    return _fields(cls)


@functools.cache
def _fields(cls: Any) -> tuple[tuple[str, Any, attrs.Attribute[Any]], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((a.alias or a.name, hints[a.name], a) for a in attrs.fields(cls) if a.init)


def unstructure(record: Any) -> dict[str, Any]:
    """``record`` (an attrs instance) as plain JSON-ready data."""
    cls: Any = type(record)
    return {key: dump(getattr(record, name)) for key, name, dump in _dumpers(cls)}


def _identity(value: Any) -> Any:
    return value


@functools.cache
def _dumpers(cls: Any) -> tuple[tuple[str, str, Callable[[Any], Any]], ...]:
    """Per field of ``cls``: its key, attribute name and a function that writes its value,
    chosen once from the field's type (writing a large report stays a plain loop)."""
    return tuple((key, a.name, _dumper(tp, a.metadata.get("json"))) for key, tp, a in fields(cls))


def _dumper(tp: Any, form: str | None = None) -> Callable[[Any], Any]:
    inner = _optional_inner(tp)
    if inner is not tp:
        write = _dumper(inner, form)
        return lambda v: None if v is None else write(v)
    if form == "mapping" or tp is dict or typing.get_origin(tp) is dict:
        return dict
    if attrs.has(tp):
        return unstructure
    if tp is dt.date:
        return dt.date.isoformat
    if typing.get_origin(tp) is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _dumper(args[0])
            if item is _identity:
                return list
            return lambda v: [item(x) for x in v]
        return list
    return _identity


def structure(cls: type, data: Any, path: str = "") -> Any:
    """An instance of the attrs class ``cls`` rebuilt from ``data`` (see the module docstring).

    Raises :class:`~claimcmp.errors.SchemaError` naming the path at fault.
    """
    where = path or cls.__name__
    _expect(isinstance(data, dict), where, "an object", data)
    kwargs: dict[str, Any] = {}
    for key, tp, a in fields(cls):
        at = f"{path}.{key}" if path else key
        if key not in data:
            _expect(a.default is not attrs.NOTHING, at, "present", None)
            continue
        kwargs[a.name] = _load(tp, data[key], at, a.metadata.get("json"))
    try:
        return cls(**kwargs)
    except SchemaError:
        raise
    except (ValueError, TypeError, IndexError) as exc:
        raise SchemaError(f"'{where}': {exc}") from exc


def _optional_inner(tp: Any) -> Any:
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [t for t in typing.get_args(tp) if t is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _load(tp: Any, value: Any, path: str, form: str | None = None) -> Any:
    inner = _optional_inner(tp)
    if inner is not tp:  # X | None
        return None if value is None else _load(inner, value, path, form)
    if form == "mapping":
        _expect(isinstance(value, dict), path, "an object", value)
        for name, v in value.items():
            _expect(_is_number(v), f"{path}.{name}", "a number", v)
        return {str(k): float(v) for k, v in value.items()}
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if attrs.has(tp):
        return structure(tp, value, path)
    if origin is Literal:
        _expect(value in args, path, f"one of {args}", value)
        return value
    if tp is str:
        _expect(isinstance(value, str), path, "a string", value)
        return value
    if tp is bool:
        _expect(isinstance(value, bool), path, "true or false", value)
        return value
    if tp is int:
        _expect(isinstance(value, int) and not isinstance(value, bool), path, "an int", value)
        return value
    if tp is float:
        _expect(_is_number(value), path, "a number", value)
        return float(value)
    if tp is dt.date:
        _expect(isinstance(value, str), path, "null or a YYYY-MM-DD date", value)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            _expect(False, path, "a YYYY-MM-DD date", value)
    if origin is dict or tp is dict:
        _expect(isinstance(value, dict), path, "an object", value)
        return dict(value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            _expect(isinstance(value, list), path, "a list", value)
            return tuple(_load(args[0], v, f"{path}[{i}]") for i, v in enumerate(value))
        if args == (int, int):  # a span
            _expect(
                isinstance(value, list)
                and len(value) == 2
                and all(isinstance(v, int) and not isinstance(v, bool) for v in value),
                path,
                "[start, end] integers",
                value,
            )
            return (value[0], value[1])
    if tp is Any:
        return value
    raise TypeError(f"claimcmp.schema cannot read a field of type {tp!r} ({path})")


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _expect(cond: bool, where: str, expected: str, got: Any) -> None:
    if not cond:
        shown = repr(got)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        raise SchemaError(f"'{where}' must be {expected} (got {shown}).")
