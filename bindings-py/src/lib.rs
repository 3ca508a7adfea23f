//! `learning_week._native`: the Rust half of the Python package `learning_week`.
//!
//! Thin by design (the cedar-policy pattern): every rule, message and default lives in core's
//! [`learning_week::api`]. Each function here takes JSON text and answers JSON text; the Python
//! half (`python/learning_week/`) turns Python values into that text with `json.dumps` (which
//! refuses a 100,000-deep list with `RecursionError`, turned into a `json.too_deep` diagnostic
//! by [`unconvertible_value`], worded by core) and the answers into typed objects. Core's parser caps nesting at
//! 128 levels, so text is safe too. One exception, for speed: [`Compiled::validate_data`] reads plain
//! Python data (a `dict` of JSON types) without the text and answers with the Python objects
//! `json.loads` would make of the text answer; it declines anything else, which then goes the
//! text way.
//!
//! Nothing here may let a panic reach Python (pyo3's `PanicException` is a `BaseException`):
//! core never panics on input, and every call is still wrapped in `catch_unwind`, a panic
//! becoming a `RuntimeError` that says it is a bug. The GIL is released while core works.

use learning_week::api::{self, DocumentKind, ExportError};
use learning_week::ffi;
use learning_week::json::Json;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyBytes;
use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `f` without the GIL and without letting a panic escape.
fn guarded<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> T + Send,
{
    py.detach(|| catch_unwind(AssertUnwindSafe(f))).map_err(|payload| {
        let detail = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        internal_error(detail)
    })
}

/// The `RuntimeError` for what can only be a bug of this library.
fn internal_error(detail: String) -> PyErr {
    PyRuntimeError::new_err(format!("learning-week internal error (a bug, please report it): {detail}"))
}

fn kind_of(kind: Option<&str>) -> PyResult<Option<DocumentKind>> {
    match kind {
        None => Ok(None),
        Some(name) => DocumentKind::from_name(name).map(Some).ok_or_else(|| {
            PyValueError::new_err(format!(
                "kind must be one of {:?} or None, not {name:?}",
                DocumentKind::NAMES
            ))
        }),
    }
}

/// Reads plain Python data into core's tree (see [`Compiled::validate_data`]), answers with `answer` on
/// it (without the GIL), and gives the answer back as Python objects; `None` when the data is
/// not plain.
fn data_answer<'py>(
    data: &Bound<'py, PyAny>,
    answer: impl FnOnce(&Json<'_>) -> api::ValidationAnswer + Send,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = data.py();
    // The tree borrows its text from `strings`, which holds a strong reference to each `str`.
    let mut strings = Vec::with_capacity(512);
    let Some(mut tree) = plain_tree(data, 0, &mut strings) else { return Ok(None) };
    let mut texts = strings.iter().map(|s| &**s);
    if fill(&mut tree, &mut texts).is_none() || texts.next().is_some() {
        return Ok(None); // cannot happen: the two walks visit the same strings in the same order
    }
    let answer = guarded(py, || serde_json::to_value(answer(&tree)))?;
    // The answer as Python objects: what `json.loads` makes of `validate`'s text, without the text.
    let answer = answer.map_err(|e| internal_error(e.to_string()))?;
    python_value(py, &answer).map(Some)
}

/// `api::Validator`: a notice (and optionally a plan) compiled once, for the Python class
/// `learning_week.Validator` (which adds pickling and the Python-side conversions). Immutable and
/// shareable across threads.
#[pyclass(frozen, module = "learning_week._native")]
struct Compiled {
    inner: api::Validator,
}

#[pymethods]
impl Compiled {
    /// Compiles the options' `notice` and `plan` (`{notice?, plan?}` as JSON text): the
    /// validator, or `None` and the diagnostics (JSON text) saying why it cannot be built.
    #[staticmethod]
    fn compile(py: Python<'_>, options: PyBackedStr) -> PyResult<(Option<Compiled>, String)> {
        let compiled = guarded(py, || {
            let options = match ffi::binding_options(&options) {
                Ok(o) => o.validate,
                Err(diags) => return Err(diags),
            };
            api::Validator::from_options(&options).map_err(|e| e.diagnostics)
        })?;
        Ok(match compiled {
            Ok(inner) => (Some(Compiled { inner }), "[]".to_owned()),
            Err(diags) => (None, api::to_json_string(&diags)),
        })
    }

    /// `Validator::ffi_validate_text`: the document as JSON text, the options (`{kind?, lang?,
    /// document?}`) as JSON text; answers a `ValidationAnswer` as JSON text.
    #[pyo3(signature = (kind, input, options, pointer=None))]
    fn validate(
        &self,
        py: Python<'_>,
        kind: Option<&str>,
        input: PyBackedStr,
        options: PyBackedStr,
        pointer: Option<PyBackedStr>,
    ) -> PyResult<String> {
        let kind = kind_of(kind)?;
        guarded(py, || self.inner.ffi_validate_text(kind, &input, pointer.as_deref(), &options))
    }

    /// `Validator::ffi_validate_file`: a file as received — its name (a hint only; `""` for
    /// bare bytes) and its bytes — read by core's policy (JSON text, a Word / Excel 总结表, a
    /// notice .docx, or a format it says how to fix); answers a `ValidationAnswer` as JSON text.
    #[pyo3(signature = (kind, name, data, options, pointer=None))]
    fn validate_file(
        &self,
        py: Python<'_>,
        kind: Option<&str>,
        name: PyBackedStr,
        data: Vec<u8>,
        options: PyBackedStr,
        pointer: Option<PyBackedStr>,
    ) -> PyResult<String> {
        let kind = kind_of(kind)?;
        guarded(py, || self.inner.ffi_validate_file(kind, &name, &data, pointer.as_deref(), &options))
    }

    /// Plain Python data (`dict`, `list`, `str`, `int`, `float`, `bool`, `None`, exactly those
    /// types), read straight into core's JSON tree instead of being written as JSON text and
    /// parsed again, and answered as the Python objects `json.loads` makes of [`Compiled::validate`]'s
    /// text. `None` when the data holds anything else (a date, a tuple, a subclass, a non-`str`
    /// key, NaN, an int beyond 64 bits, a lone surrogate, nesting deeper than 64): the Python half
    /// then goes the `json.dumps` way, whose answer this path reproduces for everything it accepts.
    #[pyo3(signature = (kind, data, options, pointer=None))]
    fn validate_data<'py>(
        &self,
        kind: Option<&str>,
        data: &Bound<'py, PyAny>,
        options: PyBackedStr,
        pointer: Option<PyBackedStr>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let kind = kind_of(kind)?;
        data_answer(data, |tree| self.inner.ffi_validate_tree(kind, tree, pointer.as_deref(), &options))
    }

    /// `Validator::ffi_aggregate_inbox`: the files (`(name, bytes, modified RFC 3339 or
    /// None)`), the submissions (a JSON array whose `{"inbox_file": i}` items stand for
    /// `files[i]`) and the options (`{plans?, grace_days?, submitted_at?}`) as JSON text;
    /// `progress(done, total, name)` is called after each file is read. An exception it raises
    /// is raised here, after the roll-up.
    #[pyo3(signature = (files, submissions, options, progress=None))]
    fn aggregate_inbox(
        &self,
        py: Python<'_>,
        files: Vec<(String, Vec<u8>, Option<String>)>,
        submissions: PyBackedStr,
        options: PyBackedStr,
        progress: Option<Py<PyAny>>,
    ) -> PyResult<String> {
        let (text, raised) = guarded(py, move || {
            let files: Vec<api::InboxFile> = files
                .into_iter()
                .map(|(name, bytes, modified)| api::InboxFile::from_host(name, bytes, modified.as_deref()))
                .collect();
            let mut raised: Option<PyErr> = None;
            let mut tell = |p: api::InboxProgress<'_>| {
                if let (Some(cb), None) = (&progress, &raised) {
                    raised = Python::attach(|py| cb.call1(py, (p.done, p.total, p.name)).err());
                }
            };
            let answer =
                self.inner.ffi_aggregate_inbox_with_progress(&files, &submissions, &options, &mut tell);
            (api::to_json_string(&answer), raised)
        })?;
        match raised {
            Some(e) => Err(e),
            None => Ok(text),
        }
    }

    /// The compiled notice as JSON text.
    fn notice(&self, py: Python<'_>) -> PyResult<String> {
        guarded(py, || api::to_json_string(self.inner.notice().model()))
    }

    /// The compiled plan as JSON text (`null` when none).
    fn plan(&self, py: Python<'_>) -> PyResult<String> {
        guarded(py, || api::to_json_string(&self.inner.plan()))
    }
}

/// A JSON value as the Python objects `json.loads` gives for its text (dicts keep key order).
fn python_value<'py>(py: Python<'py>, v: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use pyo3::types::{PyDict, PyList, PyString};
    use serde_json::Value;
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            PyList::new(py, items.iter().map(|x| python_value(py, x)).collect::<PyResult<Vec<_>>>()?)?
                .into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, x) in map {
                dict.set_item(PyString::new(py, k), python_value(py, x)?)?;
            }
            dict.into_any()
        }
    })
}

/// Nesting [`plain_tree`] follows before it hands the data to `json.dumps`.
const PLAIN_DEPTH: usize = 64;

/// Plain Python data as core's JSON tree, or `None` for anything `json.dumps` should handle.
///
/// Strings are not copied. Each `str` (value or key) goes to `strings` as a `PyBackedStr`
/// (on Python ≥ 3.10 the UTF-8 CPython caches in the object, kept alive by a strong reference,
/// so the text stays even while the GIL is released), and the tree gets an empty placeholder
/// that [`fill`] then points at that text, in the same order.
fn plain_tree(obj: &Bound<'_, PyAny>, depth: usize, strings: &mut Vec<PyBackedStr>) -> Option<Json<'static>> {
    use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
    use pyo3::PyTypeInfo;
    if depth > PLAIN_DEPTH {
        return None;
    }
    // One look at the type (exact types only), most frequent first; the casts below then succeed.
    let (py, ty) = (obj.py(), obj.get_type_ptr());
    if ty == PyString::type_object_raw(py) {
        keep(obj.cast_exact::<PyString>().ok()?.clone(), strings)?;
        return Some(Json::String(Cow::Owned(String::new())));
    }
    if ty == PyDict::type_object_raw(py) {
        let d = obj.cast_exact::<PyDict>().ok()?;
        let mut entries = Vec::with_capacity(d.len());
        for (k, v) in d.iter() {
            keep(k.cast_into_exact::<PyString>().ok()?, strings)?;
            entries.push((Cow::Owned(String::new()), plain_tree(&v, depth + 1, strings)?));
        }
        return Some(Json::Object(entries));
    }
    if ty == PyList::type_object_raw(py) {
        let l = obj.cast_exact::<PyList>().ok()?;
        let mut items = Vec::with_capacity(l.len());
        for v in l.iter() {
            items.push(plain_tree(&v, depth + 1, strings)?);
        }
        return Some(Json::Array(items));
    }
    if ty == PyInt::type_object_raw(py) {
        let i = obj.cast_exact::<PyInt>().ok()?;
        if let Ok(u) = i.extract::<u64>() {
            return Some(Json::Number(u.into()));
        }
        return i.extract::<i64>().ok().map(|n| Json::Number(n.into()));
    }
    if obj.is_none() {
        return Some(Json::Null);
    }
    if ty == PyBool::type_object_raw(py) {
        return Some(Json::Bool(obj.is_truthy().ok()?));
    }
    if ty == PyFloat::type_object_raw(py) {
        return serde_json::Number::from_f64(obj.cast_exact::<PyFloat>().ok()?.value()).map(Json::Number);
    }
    None
}

/// Keeps the text of `s` in `strings`; `None` for a `str` with a lone surrogate (no UTF-8),
/// which `json.dumps` then escapes.
fn keep(s: Bound<'_, pyo3::types::PyString>, strings: &mut Vec<PyBackedStr>) -> Option<()> {
    strings.push(PyBackedStr::try_from(s).ok()?);
    Some(())
}

/// Points the string placeholders of [`plain_tree`]'s tree at `texts`, in [`plain_tree`]'s
/// order (a key before its value); `None` if `texts` runs out.
fn fill<'a>(node: &mut Json<'a>, texts: &mut impl Iterator<Item = &'a str>) -> Option<()> {
    match node {
        Json::String(s) => *s = Cow::Borrowed(texts.next()?),
        Json::Object(entries) => {
            for (key, value) in entries {
                *key = Cow::Borrowed(texts.next()?);
                fill(value, texts)?;
            }
        }
        Json::Array(items) => {
            for item in items {
                fill(item, texts)?;
            }
        }
        Json::Null | Json::Bool(_) | Json::Number(_) => {}
    }
    Some(())
}

/// `ffi::read`: a document of `kind` read without validation; answers a `ReadAnswer`.
#[pyfunction]
fn read(py: Python<'_>, kind: &str, input: PyBackedStr) -> PyResult<String> {
    let kind = kind_of(Some(kind))?.unwrap_or(DocumentKind::Summary);
    guarded(py, || api::to_json_string(&ffi::read(kind, &input)))
}

/// `ffi::unconvertible`: the diagnostic for a Python value that cannot become JSON text, its
/// reason a token of `ffi::Unconvertible::from_token` (`cycle`, `no_json`, …) and its detail.
#[pyfunction]
fn unconvertible_value(py: Python<'_>, reason: PyBackedStr, detail: PyBackedStr) -> PyResult<String> {
    guarded(py, || api::to_json_string(&ffi::unconvertible(ffi::Unconvertible::from_token(&reason, &detail))))
}

/// `api::rules`: the rule catalog as JSON text.
#[pyfunction]
fn rules(py: Python<'_>) -> PyResult<String> {
    guarded(py, || api::to_json_string(&api::rules()))
}

/// `api::default_notice`: the built-in 2021 Nanchang notice as JSON text.
#[pyfunction]
fn default_notice(py: Python<'_>) -> PyResult<String> {
    guarded(py, || api::to_json_string(&api::default_notice()))
}

/// `ffi::parse_request_text`: a `ParseRequest` (`{parser, text, year?, of_kind?}`) as JSON text;
/// answers a `ParseAnswer` (`{ok, value?, error?}`) as JSON text.
#[pyfunction]
fn parse_text(py: Python<'_>, request: PyBackedStr) -> PyResult<String> {
    guarded(py, || ffi::parse_request_text(&request))
}

/// `ffi::divisions_text`: what the registry of official divisions knows about a name, for a
/// year; answers a `DivisionsAnswer` as JSON text.
#[pyfunction]
#[pyo3(signature = (query, year=None))]
fn divisions(py: Python<'_>, query: PyBackedStr, year: Option<i32>) -> PyResult<String> {
    guarded(py, || ffi::divisions_text(&query, year))
}

/// An export's answer for Python: `(file, "[]")`, or `(None, diagnostics as JSON text)` when
/// the input cannot be used; a writer failure (never expected) is a `RuntimeError`.
fn export_answer<'py, T>(
    py: Python<'py>,
    result: Result<T, ExportError>,
    to_py: impl FnOnce(Python<'py>, T) -> Bound<'py, PyAny>,
) -> PyResult<(Option<Bound<'py, PyAny>>, String)> {
    match result {
        Ok(v) => Ok((Some(to_py(py, v)), "[]".to_owned())),
        Err(ExportError::Input(diags)) => Ok((None, api::to_json_string(&diags))),
        Err(e) => Err(PyRuntimeError::new_err(e.to_string())),
    }
}

/// `ffi::summary_docx_from_text`: a 总结表 or submission and the options (`{notice?}`) as JSON
/// text; answers `(bytes | None, diagnostics JSON)`.
#[pyfunction]
fn summary_docx<'py>(
    py: Python<'py>,
    input: PyBackedStr,
    options: PyBackedStr,
) -> PyResult<(Option<Bound<'py, PyAny>>, String)> {
    let result = guarded(py, || ffi::summary_docx_from_text(&input, &options))?;
    export_answer(py, result, |py, b| PyBytes::new(py, &b).into_any())
}

/// `ffi::rollup_xlsx_from_text`: a roll-up as JSON text; answers `(bytes | None, diagnostics JSON)`.
#[pyfunction]
fn rollup_xlsx<'py>(py: Python<'py>, rollup: PyBackedStr) -> PyResult<(Option<Bound<'py, PyAny>>, String)> {
    let result = guarded(py, || ffi::rollup_xlsx_from_text(&rollup))?;
    export_answer(py, result, |py, b| PyBytes::new(py, &b).into_any())
}

/// `ffi::rollup_html_from_text` (a page) or, with `fragment`, `ffi::rollup_html_fragment_from_text` (a
/// table for notebooks); answers `(str | None, diagnostics JSON)`.
#[pyfunction]
fn rollup_html<'py>(
    py: Python<'py>,
    rollup: PyBackedStr,
    fragment: bool,
) -> PyResult<(Option<Bound<'py, PyAny>>, String)> {
    let result = guarded(py, || {
        if fragment {
            ffi::rollup_html_fragment_from_text(&rollup)
        } else {
            ffi::rollup_html_from_text(&rollup)
        }
    })?;
    export_answer(py, result, |py, s| pyo3::types::PyString::new(py, &s).into_any())
}

/// `api::import_office`: a .docx / .xlsx file's bytes (`format` is `"docx"` or `"xlsx"`) and
/// the fallback year; answers an `ImportAnswer` (`{summary, diagnostics, errors, warnings,
/// modified?}`) as JSON text.
#[pyfunction]
#[pyo3(signature = (format, data, year=None))]
fn import_office(py: Python<'_>, format: &str, data: Vec<u8>, year: Option<i32>) -> PyResult<String> {
    let format = match format {
        "docx" => api::OfficeFormat::Docx,
        "xlsx" => api::OfficeFormat::Xlsx,
        other => {
            return Err(PyValueError::new_err(format!("format must be \"docx\" or \"xlsx\", not {other:?}")))
        }
    };
    guarded(py, move || api::to_json_string(&api::import_office(format, &data, year)))
}

/// `ffi::read_notice`: a published notice's text (UTF-8 bytes) or .docx bytes, and the options
/// (`{city?, year?}` as JSON text; spans come in Python's own offsets, characters); answers a
/// `NoticeReading` (`{notice, diagnostics, sources}`) as JSON text.
#[pyfunction]
fn read_notice(py: Python<'_>, data: Vec<u8>, options: String) -> PyResult<String> {
    guarded(py, move || learning_week::ffi::read_notice_text(Some(&data), "", &options))
}

/// `ffi::context_file_text`: a notice or plan given as a file (`kind` `"notice"` / `"plan"`, the
/// file's name — a hint only — and its bytes): `{"text": …}`, the JSON text for the options, or
/// `{"diagnostics": […]}` saying why it is unusable.
#[pyfunction]
fn context_file(py: Python<'_>, kind: &str, name: String, data: Vec<u8>) -> PyResult<String> {
    let kind = kind_of(Some(kind))?.unwrap_or(DocumentKind::Notice);
    guarded(py, move || learning_week::ffi::context_file_text(kind, &name, &data))
}

/// `api::classify_file`: what a file is (`"json"`, `"docx"`, `"xlsx"`, `"lock_file"`,
/// `"old_word"`, `"wps"`, `"scan"`, `"media"`, `"other"`), by its content first, then its name.
#[pyfunction]
fn file_class(name: &str, data: &[u8]) -> &'static str {
    use api::FileClass::*;
    match api::classify_file(name, data) {
        Json => "json",
        Docx => "docx",
        Xlsx => "xlsx",
        LockFile => "lock_file",
        OldWord => "old_word",
        Wps => "wps",
        Scan => "scan",
        Media => "media",
        Other => "other",
    }
}

/// `api::folder_files`: every file of a folder as core's policy reads one (sorted, links to
/// folders followed, each folder once); `OSError` when a folder cannot be read.
#[pyfunction]
fn folder_files(py: Python<'_>, root: std::path::PathBuf) -> PyResult<Vec<std::path::PathBuf>> {
    guarded(py, move || api::folder_files(&root))?.map_err(PyErr::from)
}

/// `api::folder_inputs`: [`folder_files`] with each file's input id, its path inside the folder
/// joined by `/` (core's naming, the CLI's too).
#[pyfunction]
fn folder_inputs(py: Python<'_>, root: std::path::PathBuf) -> PyResult<Vec<(String, std::path::PathBuf)>> {
    guarded(py, move || api::folder_inputs(&root))?.map_err(PyErr::from)
}

/// The Rust extension of `learning_week`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Compiled>()?;
    m.add_function(wrap_pyfunction!(file_class, m)?)?;
    m.add_function(wrap_pyfunction!(folder_files, m)?)?;
    m.add_function(wrap_pyfunction!(folder_inputs, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(unconvertible_value, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(default_notice, m)?)?;
    m.add_function(wrap_pyfunction!(parse_text, m)?)?;
    m.add_function(wrap_pyfunction!(divisions, m)?)?;
    m.add_function(wrap_pyfunction!(summary_docx, m)?)?;
    m.add_function(wrap_pyfunction!(rollup_xlsx, m)?)?;
    m.add_function(wrap_pyfunction!(rollup_html, m)?)?;
    m.add_function(wrap_pyfunction!(import_office, m)?)?;
    m.add_function(wrap_pyfunction!(read_notice, m)?)?;
    m.add_function(wrap_pyfunction!(context_file, m)?)?;
    Ok(())
}
