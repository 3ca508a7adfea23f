//! Reading a published notice from a file's bytes, with the one input policy every front door
//! shares: a .docx (a zip) is read as Word, UTF-8 text (a BOM dropped) as text, anything else
//! is refused with its reason.

use super::inbox::{classify_file, extension, FileClass};
use crate::catalog::DocumentKind;
use crate::reading::{NoticeReading, ReadOptions};
use crate::Notice;

/// Reads a notice from a file's bytes: .docx or UTF-8 text. A PDF, an old .doc or text in
/// another encoding is refused with one `reading.not_a_notice` saying what it is and what to
/// do, never read as garbage.
///
/// ```
/// use learning_week::api::read_notice;
/// let text = "关于举办2023年九江市全民终身学习活动周的通知\n一、活动主题\n学习新思想\n二、活动时间\n2023年11月1日至7日\n";
/// assert_eq!(read_notice(text.as_bytes(), &Default::default()).notice.theme.as_deref(), Some("学习新思想"));
/// let pdf = read_notice(b"%PDF-1.7 ...", &Default::default());
/// assert!(pdf.diagnostics[0].message_en.contains("PDF"));
/// ```
pub fn read_notice(bytes: &[u8], options: &ReadOptions) -> NoticeReading {
    let refuse = NoticeReading::refused;
    if bytes.starts_with(b"PK\x03\x04") {
        #[cfg(feature = "docx")]
        return Notice::from_docx(bytes, options);
        #[cfg(not(feature = "docx"))]
        return refuse(
            "这是 Word/Excel 文件，本程序未含 Word 读取功能：请把正文另存为文本",
            "a Word or Excel file, and this build reads no Word: save the text as .txt",
        );
    }
    if bytes.starts_with(b"%PDF") {
        return refuse(
            "这是 PDF 文件：请复制正文另存为文本或 .docx",
            "a PDF: copy its text into a .txt or .docx",
        );
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return refuse(
            "这是旧版 Word（.doc）文件：请另存为 .docx 或文本",
            "an old Word (.doc) file: save it as .docx or .txt",
        );
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Notice::from_text(text, options),
        Err(e) => refuse(
            &format!("文字不是 UTF-8 编码（第 {} 字节起）：请以 UTF-8 另存", e.valid_up_to()),
            &format!("the text is not UTF-8 (from byte {}): save it as UTF-8", e.valid_up_to()),
        ),
    }
}

/// A notice or plan given as a file — the CLI's `--notice FILE`, Python's `notice=Path(…)` or
/// bytes — as the JSON text the options take, by one policy: JSON text (a byte-order mark
/// dropped; the content decides, `name` is only a hint) is itself. A notice may also be its
/// published text or .docx, read by [`read_notice`]: usable when it reads as a notice (the
/// parts it leaves empty are the notice's own to check when it is compiled), else the reader's
/// error saying what the file is. A plan is JSON only. An unusable file is `Err` with the
/// diagnostics saying why, tagged with `kind`'s document (`notice` / `plan`).
///
/// ```
/// use learning_week::api::context_file;
/// use learning_week::DocumentKind;
/// let json = context_file(DocumentKind::Notice, "n.json", "\u{feff}{\"year\": 2022}".as_bytes()).unwrap();
/// assert_eq!(json, "{\"year\": 2022}");
/// let text = "关于举办2023年九江市全民终身学习活动周的通知\n一、活动主题\n学习新思想\n二、活动时间\n2023年11月1日至7日\n";
/// let read: serde_json::Value = serde_json::from_str(&context_file(DocumentKind::Notice, "通知.txt", text.as_bytes()).unwrap()).unwrap();
/// assert_eq!(read["theme"], "学习新思想");
/// let pdf = context_file(DocumentKind::Notice, "通知.pdf", b"%PDF-1.7").unwrap_err();
/// assert_eq!((pdf[0].code.as_str(), pdf[0].document.as_deref()), ("reading.not_a_notice", Some("notice")));
/// let plan = context_file(DocumentKind::Plan, "方案.docx", b"PK\x03\x04\xff").unwrap_err();
/// assert_eq!(plan[0].code, "type.invalid");
/// assert!(plan[0].message.contains("JSON"));
/// ```
pub fn context_file(
    kind: DocumentKind,
    name: &str,
    bytes: &[u8],
) -> Result<String, Vec<crate::catalog::Diagnostic>> {
    let tag = |mut d: crate::catalog::Diagnostic| {
        d.document = Some(kind.as_str().to_owned());
        d
    };
    let unbommed = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(unbommed) {
        let json_like =
            matches!(text.trim_start().chars().next(), Some('{' | '[')) || extension(name) == "json";
        // A plan's text is always its JSON (a syntax error is then reported with its line).
        if json_like || kind != DocumentKind::Notice {
            return Ok(text.to_owned());
        }
    }
    if kind == DocumentKind::Notice {
        let reading = read_notice(bytes, &ReadOptions::default());
        if reading.is_notice() {
            return Ok(crate::api::to_json_string(&reading.notice));
        }
        let errors: Vec<_> = reading
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == crate::catalog::Severity::Error)
            .map(tag)
            .collect();
        return Err(errors);
    }
    let found = match classify_file(name, bytes) {
        FileClass::Docx | FileClass::OldWord => "Word 文件 / a Word file",
        FileClass::Xlsx => "Excel 文件 / an Excel file",
        _ => "非 UTF-8 文字 / bytes that are not UTF-8 text",
    };
    Err(vec![tag(crate::catalog::make(
        &crate::catalog::structural::TYPE_INVALID,
        String::new(),
        crate::catalog::params! {"expected" => "活动方案的 JSON 文本 / the plan's JSON text", "found" => found},
        None,
    ))])
}
