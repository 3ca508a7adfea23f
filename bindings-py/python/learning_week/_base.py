"""The hand-written half of the models: the base classes the generated ones (`models.py`)
derive from, the exception, and the conversion of Python values into JSON text for core.

Conversion, decided once: every Python value reaches core as JSON text. A `str` (or `bytes`) is
the caller's own JSON text and goes as it is, so a syntax error keeps its line and column;
anything else goes through `json.dumps`, whose C encoder guards its recursion: a 100,000-deep
list raises `RecursionError`, which becomes a `json.too_deep` diagnostic (core's own parser then
caps nesting at 128 levels, exactly as for text). The same text path as the WebAssembly package
(`JSON.stringify`), so both bindings and the CLI read numbers, depth and strings identically.
`datetime`/`date` become ISO 8601 text; model objects their JSON. Nothing here decides what is
valid: the diagnostics come from core.
"""

from __future__ import annotations

import datetime as _dt

import datetime
import json
import math
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NamedTuple, TypeVar, Union

from . import _native

if TYPE_CHECKING:
    import pandas

    from .models import Diagnostic, SummaryTable

__all__ = ["LabeledImport", "ParseError"]

_M = TypeVar("_M", bound="_Model")
_D = TypeVar("_D", bound="_Document")


class ParseError(ValueError):
    """The input cannot be used: malformed JSON, a value of the wrong type, text a parser cannot
    read, unusable options. `diagnostics` says what and where, as `validate` would."""

    diagnostics: list[Diagnostic]

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        shown = "; ".join(f"{d.code} at {d.path or '/'}: {d.message_en}" for d in self.diagnostics[:3])
        more = len(self.diagnostics) - 3
        super().__init__(shown + (f" (and {more} more)" if more > 0 else ""))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.diagnostics,))


# ---- conversion ------------------------------------------------------------------------------


class _Unconvertible(Exception):
    """A Python value that cannot become JSON text; carries core's diagnostic for it."""

    def __init__(self, diagnostic: dict[str, Any]) -> None:
        super().__init__(diagnostic.get("message_en", ""))
        self.diagnostic = diagnostic


def _host_error(reason: str, detail: str, document: str | None = None) -> _Unconvertible:
    """Core's diagnostic for a value with no JSON text: `reason` a token of core's
    `Unconvertible` (`too_deep`, `cycle`, `no_json`, `key`, `raised`, `not_unicode`), `detail`
    what it names (a type) or Python's own words (kept as a param, never the message)."""
    d: dict[str, Any] = json.loads(_native.unconvertible_value(reason, detail))
    if document is not None:
        d["document"] = document
    return _Unconvertible(d)


def _default(o: Any) -> Any:
    if isinstance(o, datetime.datetime):
        return o.isoformat()
    if isinstance(o, datetime.date):
        return o.isoformat()
    if isinstance(o, _Model):
        return o._data
    if isinstance(o, Mapping):
        return dict(o)
    if isinstance(o, (set, frozenset)):
        return list(o)
    raise _NoJson(type(o).__name__)


class _NoJson(TypeError):
    """`_default` met a value of a type with no JSON form (its type's name)."""


def _host_scalars(v: Any) -> Any:
    """`v` with NaN and ±Infinity as the strings "NaN", "Infinity" and "-Infinity" (what the
    JS package writes for the same values), so that core reads a figure a form could not turn
    into a number where it stands instead of the whole document being refused."""
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    if isinstance(v, _Model):
        return _host_scalars(v._data)
    if isinstance(v, Mapping):
        return {k: _host_scalars(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set, frozenset)):
        return [_host_scalars(x) for x in v]
    return v


def _dumps(value: Any, document: str | None = None) -> str:
    try:
        # ensure_ascii: a lone surrogate in a Python str becomes an escape core refuses as
        # json.syntax, instead of text that cannot even be handed to Rust.
        try:
            return json.dumps(value, ensure_ascii=True, allow_nan=False, default=_default)
        except ValueError as e:
            if not str(e).startswith("Out of range float"):
                raise
            return json.dumps(_host_scalars(value), ensure_ascii=True, allow_nan=False, default=_default)
    except RecursionError as e:
        raise _host_error("too_deep", f"RecursionError: {e}", document) from None
    except _NoJson as e:
        raise _host_error("no_json", str(e), document) from None
    except (TypeError, ValueError, OverflowError) as e:
        said = str(e)
        if said.startswith("Circular reference"):
            raise _host_error("cycle", said, document) from None
        if said.startswith("keys must be"):  # "keys must be str, int, float, bool or None, not tuple"
            raise _host_error("key", said.rpartition("not ")[2], document) from None
        raise _host_error("raised", f"{type(e).__name__}: {said}", document) from None


def _text(value: str | bytes | bytearray | memoryview, document: str | None = None) -> str:
    """JSON text given as `str` or UTF-8 `bytes`, checked to be real Unicode."""
    try:
        if isinstance(value, str):
            value.encode("utf-8")
            return value
        return bytes(value).decode("utf-8")
    except UnicodeError as e:
        raise _host_error("not_unicode", f"{type(e).__name__}: {e}", document) from None


def _json_text(value: Any, document: str | None = None) -> str:
    """JSON text of a document given as text, bytes, a model object or plain Python data."""
    if isinstance(value, (str, bytes, bytearray, memoryview)):
        return _text(value, document)
    if isinstance(value, _Model):
        return _dumps(value._data, document)
    return _dumps(value, document)


def _context_value(value: Any, document: str) -> Any:
    """A notice or plan for the options object: text stays text (core parses it), a model its
    JSON, anything else as it is; bytes and paths are a file, read by core's policy
    (`ffi::context_file_text`: JSON text, or for a notice its published text or .docx). Raises
    `ParseError` with core's diagnostics for a file that is no notice or plan."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview, os.PathLike)):
        name, data = ("", bytes(value)) if not isinstance(value, os.PathLike) else (os.fspath(value), Path(value).read_bytes())
        answer = json.loads(_native.context_file(document, str(name), data))
        if "text" in answer:
            return answer["text"]
        raise ParseError(_diagnostics(answer["diagnostics"]))
    if isinstance(value, _Model):
        return value._data
    return value


def _read_path(path: Path, document: str | None = None) -> str:
    # Undecodable bytes become U+FFFD: core then reads or refuses the text, as it would the file.
    return path.read_bytes().decode("utf-8", errors="replace")


def _json_files(folder: Path) -> Iterator[Path]:
    for p in sorted(folder.rglob("*.json")):
        if p.is_file():
            yield p


def _diagnostics(raw: list[dict[str, Any]]) -> list[Diagnostic]:
    from .models import Diagnostic

    return [Diagnostic._wrap(d) for d in raw]


def _raise_unconvertible(e: _Unconvertible) -> ParseError:
    return ParseError(_diagnostics([e.diagnostic]))


# ---- typed values ----------------------------------------------------------------------------


def _date(v: Any) -> datetime.date:
    return datetime.date.fromisoformat(str(v))


def _datetime(v: Any) -> datetime.datetime:
    text = str(v)
    if text[-1:] in ("Z", "z"):
        text = text[:-1] + "+00:00"  # fromisoformat reads Z only from Python 3.11
    return datetime.datetime.fromisoformat(text)


def _short_repr(v: Any, limit: int = 60) -> str:
    if isinstance(v, _Model):
        return repr(v)
    if isinstance(v, list):
        return f"[{len(v)} items]" if len(v) > 3 or any(isinstance(x, _Model) for x in v) else repr(v)
    r = repr(v)
    return r if len(r) <= limit else r[: limit - 1] + "…"


class _Model:
    """A read-only typed view of a JSON value produced by core (a document as read, an answer).

    Attributes are generated from core's JSON Schemas; `to_dict()` / `to_json()` give the value
    back exactly, unknown keys included. Equal when the class and the JSON are equal; picklable.
    """

    __slots__ = ("_data",)
    _data: Any
    _SHORT: ClassVar[dict[str, str]] = {}
    _FIELDS: ClassVar[tuple[tuple[str, type[_Model] | None], ...]] = ()

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise TypeError(
            f"{type(self).__name__} objects come from the library: use from_json/from_dict on a "
            "document class, validate() or aggregate()"
        )

    @classmethod
    def _wrap(cls: type[_M], data: Any) -> _M:
        obj = object.__new__(cls)
        object.__setattr__(obj, "_data", data)
        return obj

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only; change a copy: to_dict(), then from_dict()")

    def __getstate__(self) -> Any:
        return self._data

    def __setstate__(self, state: Any) -> None:
        object.__setattr__(self, "_data", state)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._data))

    def _view(self) -> Mapping[str, Any]:
        d = self._data
        if isinstance(d, dict):
            return d
        # A short form (a bare 12 for {"value": 12}): the key comes from the schema.
        kind = "boolean" if isinstance(d, bool) else "integer" if isinstance(d, int) else (
            "number" if isinstance(d, float) else "string" if isinstance(d, str) else ""
        )
        key = self._SHORT.get(kind)
        return {key: d} if key else {}

    def _get(self, key: str, default: Any = None) -> Any:
        v = self._view().get(key)
        return default if v is None else v

    def to_dict(self) -> dict[str, Any]:
        """The JSON object as plain Python data (a copy; a short form such as a bare count is
        given as its object, `{"value": 12}`)."""
        return json.loads(json.dumps(dict(self._view())))  # type: ignore[no-any-return]

    def to_json(self, *, indent: int | None = None) -> str:
        """The JSON text, in the shape core gives (unknown keys kept, Chinese unescaped)."""
        return json.dumps(self._data, ensure_ascii=False, indent=indent)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Model):
            return NotImplemented
        return type(self) is type(other) and bool(self._data == other._data)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        parts = []
        for key, _ in self._FIELDS:
            v = getattr(self, key + "_" if key in _KEYWORDS else key)
            if v is not None and v != []:
                parts.append(f"{key}={_short_repr(v)}")
        return f"{type(self).__name__}({', '.join(parts)})"


_KEYWORDS = frozenset(__import__("keyword").kwlist)


def _rebuild(cls: type[_M], data: Any) -> _M:
    return cls._wrap(data)


class _Document(_Model):
    """A document a unit or the city writes: read by core from JSON (`from_json`, `from_dict`)
    without checking it against a notice (that is `validate`)."""

    __slots__ = ()
    _KIND: ClassVar[str] = ""

    @classmethod
    def from_json(cls: type[_D], text: str | bytes | bytearray | Mapping[str, Any] | _Model) -> _D:
        """Reads the document from JSON text (`str` or UTF-8 `bytes`; Python data and model
        objects are accepted too). Raises `ParseError` (with `.diagnostics`) when it cannot be
        used: malformed JSON, not an object, a value of the wrong type or out of range. A missing
        row or a broken rule is not a parse error: `validate()` reports those."""
        try:
            json_text = _json_text(text)
        except _Unconvertible as e:
            raise _raise_unconvertible(e) from None
        answer = json.loads(_native.read(cls._KIND, json_text))
        if not answer["ok"]:
            raise ParseError(_diagnostics(answer["diagnostics"]))
        return cls._wrap(answer["document"])

    @classmethod
    def from_dict(cls: type[_D], data: Mapping[str, Any] | _Model | str | bytes | bytearray) -> _D:
        """Reads the document from Python data (dates may be `datetime`/`date` objects; JSON
        text is accepted too); see `from_json`."""
        return cls.from_json(data)

    def validate(
        self, notice: Any = None, plan: Any = None, *, lang: Literal["zh", "en"] = "zh"
    ) -> list[Diagnostic]:
        """`learning_week.validate(self, notice=notice, plan=plan, lang=lang)`."""
        from . import validate

        return validate(self, notice=notice, plan=plan, lang=lang)


def _exported(answer: tuple[Any, str]) -> Any:
    """The file of an export answer, or `ParseError` with the diagnostics saying why not."""
    value, diagnostics = answer
    if value is None:
        raise ParseError(_diagnostics(json.loads(diagnostics)))
    return value


def _write(path: str | os.PathLike[str] | None, data: bytes) -> None:
    if path is not None:
        Path(path).write_bytes(data)


class Source(NamedTuple):
    """Where a value of a notice read from its text came from: the JSON Pointer of the value,
    the span (`start`, `end`, Python `str` indices of the text read) and those words."""

    path: str
    start: int
    end: int
    text: str


class NoticeReading(NamedTuple):
    """A published notice read (core's `NoticeReading`): the notice as far as the text gives it,
    what the reader could not find or read (`reading.part_missing`, `reading.part_unreadable`,
    `reading.deadline_term` …), and the source span of every value read."""

    notice: Any
    diagnostics: list[Diagnostic]
    sources: list[Source]


def _read_notice(source: Any, city: str | None, year: int | None, method: str) -> NoticeReading:
    if isinstance(source, str) and method == "from_text":
        data = source.encode("utf-8")
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, os.PathLike) or (isinstance(source, str) and method == "from_docx"):
        data = Path(source).read_bytes()
    else:
        raise TypeError(f"Notice.{method} takes {'the text' if method == 'from_text' else 'a path or the bytes'}, not {type(source).__name__}")
    if city is not None and not isinstance(city, str):
        raise TypeError(f"city must be a str, not {type(city).__name__}")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError(f"year must be an int, not {type(year).__name__}")
    options = json.dumps({"city": city, "year": year, "offsets": "chars"}, ensure_ascii=False)
    answer = json.loads(_native.read_notice(data, options))
    from .models import Notice

    sources = [Source(s["path"], s["span"]["start"], s["span"]["end"], s["text"]) for s in answer["sources"]]
    return NoticeReading(Notice._wrap(answer["notice"]), _diagnostics(answer["diagnostics"]), sources)


class _NoticeBase(_Document):
    __slots__ = ()

    @staticmethod
    def from_text(text: str | bytes | os.PathLike[str], *, city: str | None = None, year: int | None = None) -> NoticeReading:
        """Reads a published notice from its text (as pasted from the bureau's site; a `str`, UTF-8
        `bytes` or a path to a .txt/.docx): core's `Notice::from_text`. Returns
        `NoticeReading(notice, diagnostics, sources)`; a text that is no notice gives one
        `reading.not_a_notice` diagnostic and an empty notice, never an exception. `city` and
        `year` are used when the title does not name them."""
        return _read_notice(text, city, year, "from_text")

    @staticmethod
    def from_docx(source: OfficeSource, *, city: str | None = None, year: int | None = None) -> NoticeReading:
        """Reads a published notice from its Word file (a path or the bytes): core's
        `Notice::from_docx`; see `from_text`. The bytes decide, as in every front door: a .docx
        is read as Word, UTF-8 text as text, a PDF or an old .doc is refused with one finding."""
        return _read_notice(source, city, year, "from_docx")

    @classmethod
    def nanchang_2021(cls: type[_D]) -> _D:
        """The built-in notice: 2021 Nanchang (南昌市) activity week."""
        return cls._wrap(json.loads(_native.default_notice()))


#: A Word / Excel file as `from_docx` / `from_xlsx` take it: a path, or the file's bytes.
OfficeSource = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]


class LabeledImport(NamedTuple):
    """What importing a filled 总结表 gave (core's `LabeledImport`): the table, and what was
    done with each row — read with its qualifier (`import.parsed`), kept as text in 其他
    (`import.kept_as_text`), not a row of the form (`import.unknown_label`), taken from the title,
    text outside the table — plus the document's own modified date, if it has one."""

    summary: SummaryTable
    diagnostics: list[Diagnostic]
    modified: datetime.datetime | None


def _office_import(fmt: str, source: OfficeSource, year: int | None) -> LabeledImport:
    if isinstance(source, (str, os.PathLike)):
        data = Path(source).read_bytes()
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        raise TypeError(f"from_{fmt} takes a path or the file's bytes, not {type(source).__name__}")
    answer = json.loads(_native.import_office(fmt, data, year))
    diagnostics = _diagnostics(answer["diagnostics"])
    if answer["summary"] is None:
        raise ParseError(diagnostics)
    from .models import SummaryTable

    modified = answer.get("modified")
    return LabeledImport(
        SummaryTable._wrap(answer["summary"]), diagnostics, None if modified is None else _datetime(modified)
    )


class _SummaryBase(_Document):
    """The 总结表: a document, read from and written to the Word file of the filled form."""

    __slots__ = ()

    def to_docx(self, path: str | os.PathLike[str] | None = None, *, notice: Any = None) -> bytes:
        """The filled 总结表 as a Word (.docx) file in the attachment's layout (title line, the
        rows in order, the group cells merged, the closing line; A4), ready to print, stamp and
        scan. Writes it to `path` when given; returns the bytes either way. `notice` (default:
        the built-in 2021 Nanchang one) gives the city of the title. Counts keep their
        qualifier (约3.5万人次 stays approximate). Raises `ParseError` for an unusable notice."""
        try:
            options = _dumps({"notice": _context_value(notice, "notice"), "kind": "summary"}, "options")
        except _Unconvertible as e:
            raise _raise_unconvertible(e) from None
        data: bytes = _exported(_native.summary_docx(_dumps(self._data), options))
        _write(path, data)
        return data

    @staticmethod
    def from_docx(source: OfficeSource, year: int | None = None) -> LabeledImport:
        """Reads the filled 总结表 from a Word file (a path or its bytes), as districts fill the
        attachment (merged group cells, several paragraphs in a cell, text around the table):
        core's `SummaryTable::from_docx`. `year` is used when neither a 年度 row nor the title
        gives one. Returns `LabeledImport(summary, diagnostics, modified)`; raises `ParseError`
        when the file cannot be used (not a .docx, a zip bomb, a DOCTYPE, no 总结表 in it)."""
        return _office_import("docx", source, year)

    @staticmethod
    def from_xlsx(source: OfficeSource, year: int | None = None) -> LabeledImport:
        """Reads the 总结表 retyped in Excel (labels in one column, values to their right):
        core's `SummaryTable::from_xlsx`; see `from_docx`."""
        return _office_import("xlsx", source, year)


class _DiagnosticBase(_Model):
    __slots__ = ()

    def __str__(self) -> str:
        d = self._view()
        where = d.get("path") or "/"
        doc = f"{d['document']}#" if d.get("document") else ""
        return f"{d.get('severity')} {d.get('code')} at {doc}{where}: {d.get('message')}"

    def __repr__(self) -> str:
        d = self._view()
        return f"Diagnostic({d.get('severity')} {d.get('code')} at {d.get('path') or '/'!s}: {d.get('message_en')})"


class _RollupBase(_Model):
    __slots__ = ()

    def to_xlsx(self, path: str | os.PathLike[str] | None = None) -> bytes:
        """The roll-up as an Excel workbook: per-unit rows (on time or late, days late,
        participants with their qualifier, venues, satisfaction, error and warning counts),
        totals, missing units, late units, reports to fix; headers in Chinese and English.
        Writes it to `path` when given; returns the bytes either way."""
        data: bytes = _exported(_native.rollup_xlsx(_dumps(self._data)))
        _write(path, data)
        return data

    def to_html(self) -> str:
        """The roll-up as a self-contained HTML page (no script, no network; SVG charts of
        participants, completeness and timeliness, topic coverage; the units and the reports
        that need fixing), readable printed on A4."""
        html: str = _exported(_native.rollup_html(_dumps(self._data), False))
        return html

    def _repr_html_(self) -> str:
        """Jupyter: the per-unit table with a caption."""
        html: str = _exported(_native.rollup_html(_dumps(self._data), True))
        return html

    def to_records(self) -> list[dict[str, Any]]:
        """One flat dict per expected unit (`units`, in the notice's order), ready for
        `pandas.DataFrame(...)`: nested values are spread into `<field>_<key>` columns, a count's
        number under the field's own name (`participants`, `participants_qualifier`, …)."""
        rows = self._view().get("units") or []
        from .models import UnitRow

        return [_flatten(UnitRow._wrap(r), "") for r in rows]

    def to_pandas(self, *, naive_local: bool = False) -> pandas.DataFrame:
        """`to_records()` as a `pandas.DataFrame` (needs pandas, an optional dependency).

        Times (`submitted_at`) are one timezone-aware dtype in the notice's zone, whatever offset
        each report was sent with (a Word file's time in UTC, a JSON one in +08:00).
        `df.to_excel(...)` works on it: Excel has no time zones, so the frame writes the same
        local times without the zone and names the zone in the column's header
        (`submitted_at (UTC+08:00)`), as the roll-up's own workbook does. The frame is a
        `pandas.DataFrame` subclass for that one method; everything else is pandas' own. With
        `naive_local=True` the times are those local times without the zone attached (the zone
        is the roll-up's `utc_offset`).
        """
        try:
            import pandas
        except ImportError as e:
            raise ImportError(
                "CityRollup.to_pandas() needs pandas, an optional dependency of learning_week: "
                "`pip install pandas` (or build a frame from to_records() with another library)"
            ) from e
        # Nullable dtypes: a missing unit's empty cells keep integer columns integer.
        df: pandas.DataFrame = _frame_class(pandas).from_records(self.to_records()).convert_dtypes()
        zone = _zone(self._view().get("utc_offset"))
        if "submitted_at" in df.columns:
            times = pandas.to_datetime(df["submitted_at"], utc=True).dt.tz_convert(zone)
            df["submitted_at"] = times.dt.tz_localize(None) if naive_local else times
        return df


_FRAME: Any = None


def _frame_class(pandas: Any) -> Any:
    """The frame `CityRollup.to_pandas` returns: a `pandas.DataFrame` whose `to_excel` writes
    timezone-aware columns as local times with the zone in the header (Excel has no zones; pandas
    refuses such columns), defined once pandas is imported."""
    global _FRAME
    if _FRAME is None:

        def to_excel(self: Any, *args: Any, **kwargs: Any) -> Any:
            local = pandas.DataFrame(self, copy=False)
            for name in list(local.columns):
                tz = getattr(local[name].dtype, "tz", None)
                if tz is None:
                    continue
                local = local.assign(**{name: local[name].dt.tz_localize(None)})
                local = local.rename(columns={name: f"{name} ({_zone_name(tz)})"})
            return local.to_excel(*args, **kwargs)

        frame: Any = None

        def constructor(self: Any) -> Any:
            return frame

        doc = "A roll-up's `pandas.DataFrame`; only `to_excel` differs (see `CityRollup.to_pandas`)."
        frame = type(
            "RollupFrame",
            (pandas.DataFrame,),
            {"__doc__": doc, "__module__": __name__, "_constructor": property(constructor), "to_excel": to_excel},
        )
        _FRAME = frame
    return _FRAME


def _zone_name(tz: Any) -> str:
    """`UTC+08:00` for a fixed zone (what `_zone` makes); the zone's own name otherwise."""
    name = str(tz)
    return name if name.startswith("UTC") else f"UTC{name}" if name[:1] in "+-" else name


def _zone(offset: Any) -> _dt.timezone:
    """The fixed zone of an offset written `+08:00` (the notice's; Beijing time when absent)."""
    text = offset if isinstance(offset, str) and len(offset) == 6 else "+08:00"
    try:
        sign = -1 if text[0] == "-" else 1
        return _dt.timezone(sign * _dt.timedelta(hours=int(text[1:3]), minutes=int(text[4:6])))
    except ValueError:
        return _dt.timezone(_dt.timedelta(hours=8))


def _flatten(obj: _Model, prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, nested in type(obj)._FIELDS:
        name = key if not prefix else (prefix if key == "value" else f"{prefix}_{key}")
        value = getattr(obj, key + "_" if key in _KEYWORDS else key)
        if nested is None:
            out[name] = value
            continue
        out.update(_flatten(value, name) if value is not None else dict.fromkeys(_columns(nested, name)))
    return out


def _columns(cls: type[_Model], prefix: str) -> list[str]:
    out: list[str] = []
    for key, nested in cls._FIELDS:
        name = prefix if key == "value" else f"{prefix}_{key}"
        out += [name] if nested is None else _columns(nested, name)
    return out
