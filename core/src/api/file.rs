//! A file as it was received — its name and its bytes — validated by one policy every front
//! door shares (the CLI's `validate FILE`, Python's `validate(Path(…))` and `validate(bytes)`,
//! JS `validate(Uint8Array)`): the content decides what the file is (a zip → Word or Excel, an
//! OLE compound file → Word 97–2003, else JSON text), the name is only a hint. A Word / Excel
//! 总结表 is imported and the table validated, the import's findings first; a notice saved as
//! .docx is validated as the notice; a format no 总结表 is read from is one
//! `import.unsupported_format` error that says what to do.

use super::import::submitted_at_note;
use super::inbox::{classify_file, extension, look_at_word, material, unsupported_format, FileClass};
use super::validate::Typed;
use super::{
    import_office, json_value, ImportAnswer, OfficeFormat, SubmittedAtSource, ValidationAnswer, Validator,
};
use crate::catalog::{Diagnostic, DocumentKind, Severity};
use crate::json::Json;
use crate::notice::MaterialKind;
use crate::validate::Document;

/// Which notes of an import a validation shows: its warnings and errors, and where the year or
/// the unit came from (the title); not one `import.parsed` per row read.
fn shown(d: &Diagnostic) -> bool {
    d.severity != Severity::Info || d.code == crate::catalog::import::IMPORT_FROM_TITLE.code
}

/// Whether a note concerns `field` (all of them without one; a note about the whole file is no
/// field's).
fn about(d: &Diagnostic, field: Option<&str>) -> bool {
    match field {
        None => true,
        Some(f) => d.path == f || d.path.strip_prefix(f).is_some_and(|rest| rest.starts_with('/')),
    }
}

impl Validator {
    /// Validates a file as received: `name` (a path or a file name; only a hint, `""` when
    /// unknown) and its `bytes`. JSON text is validated as [`Validator::validate_json`] does
    /// (a byte-order mark is no error; bytes that are not UTF-8 are one `type.invalid`). A Word
    /// (.docx, .doc) or Excel (.xlsx) 总结表 is imported and the table validated as a 总结表
    /// (`kind` `Submission`: wrapped as a submission's `summary`), the import's warnings and
    /// errors first; a file no 总结表 can be read from answers the import's one error, so
    /// [`ValidationAnswer::input_unusable`] says so. A notice .docx is validated as the notice.
    ///
    /// ```
    /// use learning_week::api::Validator;
    /// let v = Validator::default();
    /// let a = v.validate_file(None, "东湖区.json", "\u{feff}{\"host_unit\": \"朝阳区\"}".as_bytes());
    /// assert!(a.codes().contains(&"unit.unknown"));
    /// let wps = v.validate_file(None, "东湖区总结表.wps", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    /// assert_eq!(wps.codes(), vec!["import.unsupported_format"]);
    /// assert!(wps.diagnostics[0].message.contains("请另存为 .docx") && wps.input_unusable());
    /// assert_eq!(v.validate_file(None, "", b"PK\x03\x04 cut off").codes(), vec!["import.not_zip"]);
    /// assert_eq!(v.validate_file(None, "", b"\xff").codes(), vec!["type.invalid"]);
    /// ```
    pub fn validate_file(&self, kind: Option<DocumentKind>, name: &str, bytes: &[u8]) -> ValidationAnswer {
        super::validate::with_value_document(self.answer_file(kind, name, bytes, None))
    }

    /// [`Validator::validate_file`] for one field (see [`Validator::validate_field_json`]): the
    /// import's notes about that field and the rules that read it.
    ///
    /// ```
    /// let v = learning_week::api::Validator::default();
    /// let doc = r#"{"host_unit": "朝阳区", "year": "x"}"#;
    /// let a = v.validate_file_field(None, "a.json", doc.as_bytes(), "/host_unit");
    /// assert_eq!(a.codes(), vec!["unit.unknown"]);
    /// ```
    pub fn validate_file_field(
        &self,
        kind: Option<DocumentKind>,
        name: &str,
        bytes: &[u8],
        pointer: &str,
    ) -> ValidationAnswer {
        super::validate::with_value_document(self.answer_file(kind, name, bytes, Some(pointer)))
    }

    /// The engine of [`Validator::validate_file`]: the answer and the typed document.
    pub(crate) fn answer_file<'i>(
        &self,
        kind: Option<DocumentKind>,
        name: &str,
        bytes: &'i [u8],
        field: Option<&str>,
    ) -> Typed<'i> {
        let year = self.notice().year();
        let unusable = |d: Diagnostic| (ValidationAnswer::from_diagnostics(kind, vec![d], None), None);
        let answer = match classify_file(name, bytes) {
            FileClass::Json => return self.answer_bytes(kind, bytes, field),
            // Text that is not JSON is answered as JSON text (a syntax error with its line), and
            // so are bytes that came without a name; anything else is a format we do not read.
            FileClass::Other if extension(name).is_empty() || std::str::from_utf8(bytes).is_ok() => {
                return self.answer_bytes(kind, bytes, field)
            }
            FileClass::Docx => {
                let look = look_at_word(bytes, year);
                if let (Some(notice), None | Some(DocumentKind::Notice)) = (&look.notice, kind) {
                    let (answer, document) = self.answer_text(Some(DocumentKind::Notice), notice, field);
                    return (answer, document.map(Document::into_owned));
                }
                look.answer
            }
            FileClass::Xlsx => import_office(OfficeFormat::Xlsx, bytes, year),
            FileClass::OldWord => import_office(OfficeFormat::Doc, bytes, year),
            class => return unusable(unsupported_format(class, name)),
        };
        self.answer_import(kind, name, answer, field)
    }

    /// A file's bytes as JSON text: a byte-order mark is skipped; bytes that are not UTF-8 are one
    /// `type.invalid` at the root.
    fn answer_bytes<'i>(
        &self,
        kind: Option<DocumentKind>,
        bytes: &'i [u8],
        field: Option<&str>,
    ) -> Typed<'i> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => self.answer_text(kind, text, field),
            Err(e) => {
                let found = format!("bytes that are not UTF-8 (byte {})", e.valid_up_to());
                let d = crate::catalog::make(
                    &crate::catalog::structural::TYPE_INVALID,
                    String::new(),
                    crate::catalog::params! {"expected" => "JSON text (UTF-8)", "found" => found},
                    None,
                );
                (ValidationAnswer::from_diagnostics(kind, vec![d], None), None)
            }
        }
    }

    /// An imported 总结表 validated: the import's notes, then the table's findings (as a
    /// submission's `summary` for `kind` `Submission`). A file the import could not use
    /// answers its notes only.
    fn answer_import(
        &self,
        kind: Option<DocumentKind>,
        name: &str,
        answer: ImportAnswer,
        field: Option<&str>,
    ) -> Typed<'static> {
        let (kind, prefix) = match kind {
            Some(DocumentKind::Submission) => (DocumentKind::Submission, "/summary"),
            // A plan, a notice: what a Word / Excel file holds is the 总结表, validated as one.
            _ => (DocumentKind::Summary, ""),
        };
        let mut notes: Vec<Diagnostic> = answer
            .diagnostics
            .into_iter()
            .filter(shown)
            .map(|mut d| {
                if !d.path.is_empty() {
                    d.path.insert_str(0, prefix);
                }
                d
            })
            .filter(|d| about(d, field))
            .collect();
        let Some(summary) = answer.summary else {
            return (ValidationAnswer::from_diagnostics(Some(kind), notes, None), None);
        };
        let table = json_value(&summary);
        let doc = match kind {
            // A submission of this one file: its 报送时间 the document's own modified date (the
            // note says so), its materials the file itself, so the package check names what the
            // unit has still to send.
            DocumentKind::Submission => {
                let mut doc = serde_json::Map::new();
                if let Some(t) = answer.modified {
                    doc.insert("submitted_at".into(), serde_json::Value::String(t.to_rfc3339()));
                    let note = submitted_at_note(
                        t,
                        SubmittedAtSource::DocumentModified,
                        Some(self.notice().model()),
                    );
                    notes.extend(Some(note).filter(|d| about(d, field)));
                }
                doc.insert("summary".into(), table);
                let itself =
                    material(if name.is_empty() { "总结表" } else { name }, MaterialKind::SummaryTable);
                doc.insert("materials".into(), serde_json::Value::Array(vec![itself]));
                serde_json::Value::Object(doc)
            }
            _ => table,
        };
        let (checked, document) = self.answer_tree(Some(kind), &Json::borrowed(&doc), field);
        notes.extend(checked.diagnostics);
        (ValidationAnswer::from_diagnostics(Some(kind), notes, None), document.map(Document::into_owned))
    }
}
