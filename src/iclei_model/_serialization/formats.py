"""Wire formats: dumps/loads and atomic dump/load in JSON, YAML, TOML and MessagePack."""

from __future__ import annotations

import glob
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn, TypeVar, overload

import attrs
import orjson

from iclei_model._base.runtime import gc_paused
from iclei_model._model.dataset import Dataset
from iclei_model.errors import DecodeError, FormatError, IcleiModelError, InvalidValueError, Problem

from .decoding import (
    TAG_MISFIT,
    NotDecodableError,
    check_aliases,
    toml_decode,
    unreadable_value,
)

if TYPE_CHECKING:
    import cattrs

__all__ = ["FORMATS", "PAUSE_FROM", "Format", "dump", "dumps", "format_of", "load", "loads"]

_NO_PAUSE = nullcontext()

T = TypeVar("T")

Format = Literal["json", "yaml", "toml", "msgpack"]
"""The names of the wire formats."""

FORMATS: dict[str, Format] = {
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".msgpack": "msgpack",
    ".mpk": "msgpack",
}
"""File suffixes and the format each one means."""

_EXTRAS = {"yaml": ("yaml", "PyYAML"), "toml": ("tomli_w", "tomli-w"), "msgpack": ("msgpack",) * 2}


@attrs.frozen
class _Codec:
    encode: Callable[[Any, bool], bytes]
    decode: Callable[[bytes | str], Any]
    binary: bool = False


def _require(fmt: str) -> None:
    module, package = _EXTRAS[fmt]
    try:
        __import__(module)
    except ImportError:
        raise FormatError(
            f"the {fmt} format needs {package}: pip install 'iclei-model[{fmt}]'"
        ) from None


# ------------------------------------------------------------------------ JSON


def _json_encode(data: Any, pretty: bool) -> bytes:
    payload: bytes = orjson.dumps(data, option=_PRETTY if pretty else 0)
    return payload


_PRETTY = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE


def _json_decode(raw: bytes | str) -> Any:
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise NotDecodableError(f"not valid JSON: {exc}", exc.lineno, exc.colno) from None


# ------------------------------------------------------------------------ YAML


@cache
def _yaml_loader() -> type:
    """PyYAML's safe loader, except that dates stay strings, as the model reads them."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers = {
        first: [(tag, rx) for tag, rx in found if tag != "tag:yaml.org,2002:timestamp"]
        for first, found in base.yaml_implicit_resolvers.items()
    }
    return type("_Loader", (base,), {"yaml_implicit_resolvers": resolvers})


def _yaml_encode(data: Any, pretty: bool) -> bytes:
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)
    return text.encode("utf-8")


_STREAM_NAME = re.compile(r' in "<[^"]*>",')


_YAML_DEPTH = 1000
"""The nesting PyYAML's C loader reads from 6.0.4 on; deeper, it refuses the document."""


@cache
def _yaml_depth_unbounded() -> bool:
    """Whether PyYAML's C loader reads any depth of nesting, and so may crash the process.

    Before PyYAML 6.0.4 (whose libyaml stops at 1,000 levels), a document nested some
    100,000 levels deep overflowed the C stack in the loader: a segmentation fault,
    not an exception (nesting without a bound: yaml/pyyaml#895). Told by behaviour,
    once: a document 1,100 levels deep, which every version reads safely, is refused
    where the bound exists. PyYAML without its C loader raises RecursionError, which
    the reader reports.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return False
    probe = "[" * (_YAML_DEPTH + 100) + "]" * (_YAML_DEPTH + 100)
    try:
        yaml.load(probe, Loader=loader)
    except yaml.YAMLError:
        return False
    return True


def _yaml_depth(raw: bytes | str) -> None:
    """Refuse a document nested more than `_YAML_DEPTH` levels, from the parser's events.

    The C parser keeps its own stack on the heap; only building the nodes recurses.
    So its events are read first, counting levels, and the document is refused
    before the loader recurses into it. This reads the document twice, only on the
    PyYAML releases that need it.
    """
    import yaml

    depth = 0
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    for event in yaml.parse(raw, Loader=yaml.CSafeLoader):
        if isinstance(event, starts):
            depth += 1
            if depth > _YAML_DEPTH:
                mark = event.start_mark
                raise NotDecodableError(
                    f"not valid safe YAML: nested more than {_YAML_DEPTH} levels deep",
                    *((mark.line + 1, mark.column + 1) if mark is not None else ()),
                )
        elif isinstance(event, ends):
            depth -= 1


def _yaml_decode(raw: bytes | str) -> Any:
    import yaml

    try:
        if _yaml_depth_unbounded():
            _yaml_depth(raw)
        data = yaml.load(raw, Loader=_yaml_loader())
    except yaml.YAMLError as exc:
        # PyYAML names its input "<byte string>"; the path at the front of the message
        # names the file, and the line and column stay
        text = _STREAM_NAME.sub(",", " ".join(str(exc).split()))
        mark = getattr(exc, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise NotDecodableError(f"not valid safe YAML: {text}", line, column) from None
    except ValueError as exc:  # PyYAML's constructors call int(), float(), date()...
        raise NotDecodableError(f"not valid safe YAML: {unreadable_value(exc)}") from None
    except (KeyError, IndexError, AttributeError, TypeError):  # ... and index into the text
        raise NotDecodableError(f"not valid safe YAML: {TAG_MISFIT}") from None
    anchors = b"&" in raw if isinstance(raw, bytes) else "&" in raw
    if anchors:  # and so maybe aliases
        check_aliases(data)
    return data


# ------------------------------------------------------------------------ TOML


def _toml_encode(data: Any, pretty: bool) -> bytes:
    import tomli_w

    if not isinstance(data, dict):
        raise FormatError(f"TOML holds a table at the top, not {type(data).__name__}")
    return tomli_w.dumps(data).encode("utf-8")


# ------------------------------------------------------------------- MessagePack


def _msgpack_encode(data: Any, pretty: bool) -> bytes:
    import msgpack

    return msgpack.packb(data, use_bin_type=True)  # type: ignore[no-any-return]


def _msgpack_decode(raw: bytes | str) -> Any:
    import msgpack

    if not isinstance(raw, bytes | bytearray | memoryview):
        raise NotDecodableError(f"MessagePack data is bytes, got {type(raw).__name__}")
    try:
        return msgpack.unpackb(raw, raw=False)
    except msgpack.StackError:
        raise NotDecodableError("not valid MessagePack: nested too deeply to read") from None
    except (ValueError, TypeError, msgpack.UnpackException) as exc:
        raise NotDecodableError(f"not valid MessagePack: {exc}") from None


_CODECS: dict[str, _Codec] = {
    "json": _Codec(_json_encode, _json_decode),
    "yaml": _Codec(_yaml_encode, _yaml_decode),
    "toml": _Codec(_toml_encode, toml_decode),
    "msgpack": _Codec(_msgpack_encode, _msgpack_decode, binary=True),
}


def _codec(fmt: str) -> _Codec:
    codec = _CODECS.get(fmt)
    if codec is None:
        known = ", ".join(f'"{name}"' for name in _CODECS)
        raise FormatError(f"unknown format {fmt!r}; the formats are {known}")
    if fmt in _EXTRAS:
        _require(fmt)
    return codec


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a file's suffix names.

    ```pycon
    >>> format_of("events.yml")
    'yaml'

    ```

    Raises:
        FormatError: the suffix names no format.
    """
    suffix = Path(path).suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        known = ", ".join(FORMATS)
        raise FormatError(
            f"{os.fspath(path)}: cannot tell the format from {suffix or 'no suffix'!r};"
            f" use one of {known} or name the format"
        )
    return fmt


# ------------------------------------------------------------------------- API


PAUSE_FROM = 65_536
"""Documents of this many bytes and more are read with the collector's passes held off.

A smaller one builds too few objects for a pass to start, and a pause would cost
more than it saves (see `gc_paused`).
"""


@cache
def _converters() -> tuple[Callable[[], cattrs.Converter], Callable[[], cattrs.Converter]]:
    """The library's converters for JSON and for the other formats, imported once."""
    from .converters import _default, _native

    return _native, _default


@cache
def _json_default() -> Callable[[Any], Any]:
    """The ``default`` orjson calls on the JSON converter's output, imported once."""
    from .converters import _native_default

    return _native_default()


_COLLECTIONS = (Dataset, tuple, list)
"""What `_encode` writes with the collector paused: many records at once."""


def _encode(obj: Any, fmt: str, converter: cattrs.Converter | None, pretty: bool) -> bytes:
    codec = _codec(fmt)
    if converter is None:
        if fmt == "json":
            return _write_json(obj, pretty)
        converter = _converters()[1]()
    pause = gc_paused() if type(obj) in _COLLECTIONS else _NO_PAUSE
    with pause:
        data = _plain_data(converter.unstructure, obj, fmt)
        try:
            return codec.encode(data, pretty)
        except IcleiModelError:
            raise
        except (TypeError, ValueError, OverflowError) as exc:
            raise FormatError(f"cannot write {type(obj).__name__} as {fmt}: {exc}") from None
        except Exception as exc:  # what a converter of one's own made, the codec cannot hold
            raise _broken(obj, fmt, exc) from exc
        finally:
            # a collection's plain data freed before the collector's passes resume:
            # its objects leave the collector's count as they found it, so no pass
            # starts on the way out
            del data


def _unwritable(obj: Any, exc: orjson.JSONEncodeError) -> NoReturn:
    """Raise what orjson's failure on *obj* means: a record's own failure says what it was.

    orjson reports whatever its ``default`` raised as "Type is not JSON serializable"
    with the real exception as the cause: the library's own error is raised as it is,
    and any other is named in the FormatError, whose cause it stays.
    """
    cause = exc.__cause__
    if isinstance(cause, IcleiModelError):
        raise cause from None
    if cause is None or (isinstance(cause, TypeError) and str(cause) == str(exc)):
        # orjson's own words, or the refusal of something not a record
        raise FormatError(f"cannot write {type(obj).__name__} as json: {exc}") from cause
    raise _broken(obj, "json", cause) from cause


def _plain_data(unstructure: Callable[[Any], Any], obj: Any, fmt: str) -> Any:
    """*obj* unstructured; a failure other than the library's own is a FormatError."""
    try:
        return unstructure(obj)
    except IcleiModelError:
        raise
    except Exception as exc:
        raise _broken(obj, fmt, exc) from exc


def _broken(obj: Any, fmt: str, exc: BaseException) -> FormatError:
    """The error for *obj*, whose plain data could not be made: *exc* is named.

    A record broken past its checks (a field set with ``object.__setattr__``) or a
    hook of a converter of one's own fails with whatever it meets; the FormatError
    names that exception, which stays its cause.
    """
    what = f"{type(exc).__name__}: {exc}"
    return FormatError(f"cannot write {type(obj).__name__} as {fmt}: {what}")


def _write_json(obj: Any, pretty: bool) -> bytes:
    """*obj* as JSON through the JSON converter, orjson unstructuring records as it goes.

    The converter's functions leave enums, tuples and tuples of records to orjson,
    which calls `json_default` for each record, so a Dataset's plain data is never
    built whole (see `json_default`; a list of records is unstructured by cattrs
    first). A collection is written with the collector's passes held off; one
    record builds too little.
    """
    pause = gc_paused() if type(obj) in _COLLECTIONS else _NO_PAUSE
    with pause:
        data = _plain_data(_converters()[0]().unstructure, obj, "json")
        try:
            payload: bytes = orjson.dumps(
                data, default=_json_default(), option=_PRETTY if pretty else 0
            )
        except orjson.JSONEncodeError as exc:
            _unwritable(obj, exc)
        return payload


@overload
def dumps(
    obj: Any,
    format: Literal["json", "yaml", "toml"] = ...,
    *,
    converter: cattrs.Converter | None = ...,
    pretty: bool = ...,
) -> str: ...
@overload
def dumps(
    obj: Any,
    format: Literal["msgpack"],
    *,
    converter: cattrs.Converter | None = ...,
    pretty: bool = ...,
) -> bytes: ...
@overload
def dumps(
    obj: Any, format: str, *, converter: cattrs.Converter | None = ..., pretty: bool = ...
) -> str | bytes: ...
def dumps(
    obj: Any,
    format: str = "json",
    *,
    converter: cattrs.Converter | None = None,
    pretty: bool = False,
) -> str | bytes:
    """Serialize a model object: text for json, yaml and toml, bytes for msgpack.

    Args:
        obj: a record, a Dataset, or any model object.
        format: ``"json"`` (the default), ``"yaml"``, ``"toml"`` or ``"msgpack"``.
        converter: a converter from [`make_converter`][iclei_model.make_converter] with
            hooks of your own.
        pretty: indent JSON for people to read; the other formats ignore it.

    ```pycon
    >>> from iclei_model import PartialDate, Term
    >>> term = Term(id="t", body="gexcom", start=PartialDate(2018), end=PartialDate(2021))
    >>> dumps(term)
    '{"id":"t","body":"gexcom","start":"2018","end":"2021"}'
    >>> print(dumps(term, "toml"))
    id = "t"
    body = "gexcom"
    start = "2018"
    end = "2021"
    <BLANKLINE>

    ```

    Raises:
        FormatError: the format is unknown, its library is not installed, or it
            cannot hold the value (TOML needs a table at the top).
    """
    kind: type = type(obj)
    if format == "json" and converter is None and not pretty and kind not in _COLLECTIONS:
        # one record, as a service writes one per call: straight to its hook and orjson
        # (`_plain_data` inline: a call fewer)
        try:
            data = _json_hook(kind)(obj)
        except IcleiModelError:
            raise
        except Exception as exc:
            raise _broken(obj, "json", exc) from exc
        try:
            return orjson.dumps(data, default=_json_default()).decode("utf-8")
        except orjson.JSONEncodeError as exc:
            _unwritable(obj, exc)
    payload = _encode(obj, format, converter, pretty)
    return payload if _CODECS[format].binary else payload.decode("utf-8")


@cache
def _json_hook(cls: type) -> Callable[[Any], Any]:
    """The JSON converter's unstructure function for *cls*, looked up once per class."""
    hook: Callable[[Any], Any] = _converters()[0]().get_unstructure_hook(cls)
    return hook


def loads(
    data: str | bytes,
    cls: type[T],
    format: str = "json",
    *,
    converter: cattrs.Converter | None = None,
    what: str = "input",
    validate: bool = False,
) -> T:
    """Read a model object of type *cls* from serialized *data*.

    Strict: no number is taken for text or text for a number, unknown keys and
    missing fields are errors, and a bad discriminator names the allowed ones.
    Datasets of older schema versions are migrated. With *validate*, a Dataset is
    also checked against the validation rules (ICLEI's policy).

    ```pycon
    >>> from iclei_model import Term
    >>> loads('{"id": "t", "body": "gexcom", "start": "2018", "end": "2021"}', Term).label
    '2018–2021'
    >>> loads('{"id": "t", "body": "gexcom", "start": 2018}', Term)
    Traceback (most recent call last):
    ...
    iclei_model.errors.StructureError: 2 problems in input:
      $.start: expected a date like 2019, 2019-06 or 2019-06-10, got number 2018
      $.end: required field is missing

    ```

    Raises:
        DecodeError: *data* is not a document of the format (a StructureError).
        StructureError: the document does not fit *cls*; every problem is listed.
        ValidationError: with *validate*, the dataset breaks a rule; ``report`` has all.
        FormatError: the format is unknown or its library is not installed.
    """
    if validate:
        _can_validate(cls, validate)
    if len(data) < PAUSE_FROM:  # one record, as a service reads one per call: no pause
        return _loads(data, cls, format, converter, what, validate)
    with gc_paused():
        return _loads(data, cls, format, converter, what, validate)


def _loads(
    data: str | bytes,
    cls: type[T],
    format: str,
    converter: cattrs.Converter | None,
    what: str,
    validate: bool,
) -> T:
    """`loads` once the collector is paused, if it is to be."""
    if format == "json" and converter is None:
        front = _front_end()
        if front is not None:  # msgspec is installed: its front end reads what it can
            decode, unfit = front
            try:
                fast: T = decode(data, cls)
            except unfit:
                pass  # the detailed path reads it, and reports its problems if it has any
            else:
                return _validated(fast, validate, what) if validate else fast
    codec = _codec(format)
    from .converters import structure

    try:
        plain = codec.decode(data)
    except NotDecodableError as exc:
        problem = Problem("$", str(exc))
        raise DecodeError([problem], what=what, line=exc.line, column=exc.column) from None
    except RecursionError:
        raise DecodeError([Problem("$", "nested too deeply to read")], what=what) from None
    built = structure(plain, cls, what=what, converter=converter)
    return _validated(built, validate, what)


@cache
def _front_end() -> tuple[Callable[[Any, type], Any], type[Exception]] | None:
    """The msgspec front end's ``decode`` and its signal, looked up once; None without msgspec."""
    try:
        from .fast import Unfit, front
    except ImportError:  # msgspec is the ``fast`` extra
        return None
    return front().decode, Unfit


def _can_validate(cls: type, validate: bool) -> None:
    if validate and cls is not Dataset:
        raise InvalidValueError(
            f"validate=True checks a Dataset's rules; there are none for {cls.__name__}"
        )


def _validated(obj: T, validate: bool, what: str) -> T:
    """*obj*, once it passes the validation rules, if asked to check them."""
    if validate:
        from iclei_model._rules.validate import ensure_valid

        ensure_valid(obj, what=what)  # type: ignore[arg-type]  # _can_validate made sure
    return obj


def dump(
    obj: Any,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    converter: cattrs.Converter | None = None,
    pretty: bool = True,
) -> None:
    """Write a model object to a file, in the format its suffix names.

    The write is atomic: the data goes to a temporary file in the same folder, which
    then replaces *path*. An interrupted write leaves the old file (or none) in place,
    never a truncated one. A new file gets mode 0o644; a replaced one keeps its mode.

    Raises:
        FormatError: the suffix names no format, or the format cannot be written.
        OSError: the folder cannot be written to.
    """
    target = Path(path)
    payload = _encode(obj, format or format_of(target), converter, pretty)
    write_atomic(target, payload)


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside *target* that replaces it once the block succeeds.

    Whatever the block writes there becomes *target* in one rename, with the mode
    of the file it replaces (0644 for a new one); if the block fails, the temporary
    file is removed and *target* is left as it was.
    """
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o644
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(temporary)
        with open(temporary, "rb+") as file:
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    with suppress(OSError):  # make the rename itself durable, where the platform allows
        folder = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    _remove_stale(target)


STALE_AFTER = 3600.0
"""Seconds after which a temporary file of an interrupted write counts as left behind."""


def _remove_stale(target: Path) -> None:
    """Remove what writes of *target* killed before their end left, an hour on.

    A process killed mid-write cannot remove its temporary file. The next write of
    the same file removes those last touched more than `STALE_AFTER` seconds
    ago; younger ones may belong to a write still running elsewhere.
    """
    cutoff = time.time() - STALE_AFTER
    # mkstemp's names: the prefix, eight random characters, the suffix; no other file
    for stray in target.parent.glob(f".{glob.escape(target.name)}.{'[!.]' * 8}.tmp"):
        with suppress(OSError):
            if stray.is_file() and stray.stat().st_mtime < cutoff:
                stray.unlink()


def write_atomic(target: Path, payload: bytes) -> None:
    """Replace *target* with *payload* through a temporary file in the same folder."""
    with atomic_path(target) as temporary:
        temporary.write_bytes(payload)


def load(
    path: str | os.PathLike[str],
    cls: type[T],
    *,
    format: str | None = None,
    converter: cattrs.Converter | None = None,
    validate: bool = False,
) -> T:
    """Read a model object of type *cls* from a file, in the format its suffix names.

    A folder is read as TOML files, one document across all of them (the layout of
    the bundled datasets); problems then name the file they are in. With
    *validate*, a Dataset is also checked against the validation rules.

    Raises:
        DecodeError: the file is not a document of the format.
        StructureError: the document does not fit *cls*; every problem is listed.
        ValidationError: with *validate*, the dataset breaks a rule; ``report`` has all.
        FormatError: the suffix names no format, or its library is not installed.
        OSError: the file cannot be read.
    """
    _can_validate(cls, validate)
    source = Path(path)
    if source.is_dir() and format is None:
        from .bundled import load_toml_folder

        return load_toml_folder(
            source, cls, what=str(source), converter=converter, validate=validate
        )
    fmt = format or format_of(source)
    data = source.read_bytes()
    return loads(data, cls, fmt, converter=converter, what=str(source), validate=validate)
