//! 读通知 / reading a published notice (公文) into a [`Notice`]: plain text as pasted from the
//! bureau's site, or a .docx.
//!
//! The reader finds the frame of the 公文 (issuer, title, 主送, the numbered sections, the
//! attachment) and reads each part the notice model has from the words that state it. Every
//! value read keeps its source span ([`NoticeReading::sources`]); every part it cannot find or
//! cannot read is a diagnostic at that part's pointer — never a guess. Deadlines and weeks that
//! are not plain dates stay what they are ([`crate::notice::DeadlineTerm`]).
//!
//! ```
//! use learning_week::reading::ReadOptions;
//! use learning_week::Notice;
//! let text = "南昌市教育局\n关于举办2023年南昌市全民终身学习活动周的通知\n各县（区）教体局：\n\
//!     一、活动主题\n学习赋能美好生活\n二、活动时间\n2023年11月6日至12日\n\
//!     三、组织要求\n各县区请于11月30日前报送工作总结和1个典型活动案例。\n";
//! let r = Notice::from_text(text, &ReadOptions::default());
//! assert_eq!(r.notice.theme.as_deref(), Some("学习赋能美好生活"));
//! assert_eq!(r.notice.week.as_ref().unwrap().end.unwrap().to_string(), "2023-11-12");
//! assert_eq!(r.notice.reporting.as_ref().unwrap().deadline.unwrap().to_string(), "2023-11-30");
//! let theme = r.sources.iter().find(|s| s.path == "/theme").unwrap();
//! assert_eq!(theme.span.of(text), "学习赋能美好生活");
//! ```

mod deadline;
mod document;
mod parts;
mod structure;
mod topics;
mod units;

use crate::catalog::{make, params, Diagnostic, Rule};
use crate::notice::Notice;
use crate::text::{Offsets, Span};
use document::Doc;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The longest text the reader takes: a notice is a few thousand characters; anything far
/// longer is refused at once, in bounded time.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// 读通知选项 / what the caller knows better than the text.
///
/// ```
/// let o = learning_week::reading::ReadOptions { city: Some("南昌市".into()), ..Default::default() };
/// assert_eq!(o.year, None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReadOptions {
    /// 城市（或省、区）/ the notice's city (province, district) when the title does not name it.
    pub city: Option<String>,
    /// 年度 / the year when the title does not give it.
    pub year: Option<i32>,
    /// 位置单位 / how the sources' spans count: bytes (default), chars (Python) or utf16 (JS).
    pub offsets: Offsets,
}

/// 来源 / where in the text a value was read.
///
/// ```
/// let s = learning_week::reading::Source { path: "/theme".into(), span: learning_week::text::Span { start: 0, end: 3 }, text: "学".into() };
/// assert_eq!(s.path, "/theme");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// 字段 / the JSON Pointer of the value in the notice.
    pub path: String,
    /// 位置 / the span of the words it was read from, in the original text.
    pub span: Span,
    /// 原文 / those words.
    pub text: String,
}

/// 读通知的结果 / the notice read, what it was read from, and what the reader could not read.
///
/// ```
/// let r = learning_week::Notice::from_text("", &Default::default());
/// assert_eq!(r.diagnostics[0].code, "reading.not_a_notice");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NoticeReading {
    /// 通知 / the notice, as far as the text gives it.
    pub notice: Notice,
    /// 诊断 / what was not found, not readable, or not a plain date.
    pub diagnostics: Vec<Diagnostic>,
    /// 来源 / the span of every value read.
    pub sources: Vec<Source>,
}

impl NoticeReading {
    /// The reading of what is no notice: an empty notice and one `reading.not_a_notice` saying
    /// why, in both languages.
    pub(crate) fn refused(why: &str, why_en: &str) -> NoticeReading {
        NoticeReading {
            notice: Notice::default(),
            diagnostics: vec![make(
                &crate::catalog::reading::NOT_A_NOTICE,
                String::new(),
                params! {"why" => why, "why_en" => why_en},
                None,
            )],
            sources: Vec::new(),
        }
    }

    /// Whether the text was a notice at all (no `reading.not_a_notice`).
    ///
    /// ```
    /// assert!(!learning_week::Notice::from_text("12345", &Default::default()).is_notice());
    /// ```
    pub fn is_notice(&self) -> bool {
        !self.diagnostics.iter().any(|d| d.code == "reading.not_a_notice")
    }
}

impl Notice {
    /// Reads a published notice from its text (pasted from the bureau's site, or a .txt file).
    ///
    /// ```
    /// let r = learning_week::Notice::from_text("一份总结表\n举办县区\t东湖区\n参加活动人数\t500人", &Default::default());
    /// assert!(!r.is_notice());
    /// assert!(r.diagnostics[0].message_en.contains("not an activity-week notice"));
    /// ```
    pub fn from_text(text: &str, options: &ReadOptions) -> NoticeReading {
        read(text, options)
    }

    /// Reads a published notice from a .docx: its paragraphs, then its tables (the attached
    /// form) as rows of cells. A file that is no .docx gives the import's own error.
    ///
    /// ```
    /// let r = learning_week::Notice::from_docx(b"not a zip", &Default::default());
    /// assert_eq!(r.diagnostics[0].code, "import.not_zip");
    /// ```
    #[cfg(feature = "docx")]
    pub fn from_docx(bytes: &[u8], options: &ReadOptions) -> NoticeReading {
        match crate::office::document_text(bytes) {
            Ok(text) => read(&text, options),
            Err(d) => NoticeReading { notice: Notice::default(), diagnostics: vec![*d], sources: Vec::new() },
        }
    }
}

/// What the reader builds as it goes.
pub(crate) struct Reader<'a> {
    pub raw: &'a str,
    pub doc: Doc,
    pub notice: Notice,
    pub diagnostics: Vec<Diagnostic>,
    pub sources: Vec<Source>,
    pub options: &'a ReadOptions,
    /// The place the notice is for (南昌市, 江西省, 东湖区) and its province.
    pub place: Option<String>,
    pub province: Option<String>,
}

impl Reader<'_> {
    /// Records where a value came from.
    pub(crate) fn source(&mut self, path: &str, r: &Range<usize>) {
        let span = self.doc.span(r);
        self.sources.push(Source { path: path.to_owned(), span, text: span.of(self.raw).to_owned() });
    }

    /// The cleaned text of a range.
    pub(crate) fn at(&self, r: &Range<usize>) -> &str {
        self.doc.text.get(r.clone()).unwrap_or("")
    }

    pub(crate) fn emit(
        &mut self,
        rule: &'static Rule,
        path: &str,
        p: serde_json::Map<String, serde_json::Value>,
    ) {
        self.diagnostics.push(make(rule, path.to_owned(), p, None));
    }

    /// `reading.part_missing` for `part` at `path`.
    pub(crate) fn missing(&mut self, path: &str, part: &str, part_en: &str) {
        use crate::catalog::reading::PART_MISSING;
        self.emit(&PART_MISSING, path, params! {"part" => part, "part_en" => part_en});
    }

    /// `reading.part_unreadable` for `part` at `path`.
    pub(crate) fn unreadable(&mut self, path: &str, part: (&str, &str), text: &str, reason: (&str, &str)) {
        use crate::catalog::reading::PART_UNREADABLE;
        self.emit(
            &PART_UNREADABLE,
            path,
            params! {"part" => part.0, "part_en" => part.1, "text" => short(text), "reason" => reason.0, "reason_en" => reason.1},
        );
    }
}

/// At most 200 characters of `text`, with 「…」 when cut.
fn short(text: &str) -> String {
    match text.char_indices().nth(200) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// Why a text is no notice, when it is not (its length is checked before it is cleaned).
fn not_a_notice(doc: &Doc, frame: &structure::Frame) -> Option<(&'static str, &'static str)> {
    if doc.text.trim().is_empty() {
        return Some(("文字为空", "the text is empty"));
    }
    if frame.title.is_some() && !frame.sections.is_empty() {
        return None;
    }
    let form_labels = ["举办县区", "参加活动人数", "群众满意度", "主会场及分会场数量"];
    if frame.title.is_none() && form_labels.iter().filter(|l| doc.text.contains(*l)).count() >= 2 {
        return Some(("它像是一份总结表", "it looks like a 总结表, the summary form"));
    }
    if frame.title.is_none() && frame.sections.len() < 2 {
        return Some((
            "没有“关于……的通知”标题，也没有编号的部分",
            "no title “关于……的通知” and no numbered sections",
        ));
    }
    None
}

/// Reads `text` (see [`Notice::from_text`]).
pub(crate) fn read(text: &str, options: &ReadOptions) -> NoticeReading {
    let refuse = |why: (&str, &str)| NoticeReading::refused(why.0, why.1);
    if text.len() > MAX_TEXT_BYTES {
        return refuse(("文字过长，远超一份通知的篇幅", "far too long for a notice"));
    }
    let doc = Doc::new(text);
    let frame = structure::frame(&doc);
    if let Some(why) = not_a_notice(&doc, &frame) {
        return refuse(why);
    }
    let mut r = Reader {
        raw: text,
        doc,
        notice: Notice::default(),
        diagnostics: Vec::new(),
        sources: Vec::new(),
        options,
        place: None,
        province: None,
    };
    parts::read_all(&mut r, &frame);
    let mut sources = std::mem::take(&mut r.sources);
    if options.offsets != Offsets::Bytes {
        for s in &mut sources {
            s.span = s.span.in_offsets(text, options.offsets);
        }
    }
    NoticeReading { notice: r.notice, diagnostics: r.diagnostics, sources }
}

/// 更正 / one correction to a notice read: the value at a JSON Pointer, and why (what the
/// reader could not read, or what the notice does not say).
///
/// ```
/// use learning_week::reading::Correction;
/// let c: Correction = serde_json::from_str(r#"{"path": "/theme", "value": "学习新思想", "why": "typo in the text"}"#).unwrap();
/// assert_eq!(c.path, "/theme");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// 字段 / the JSON Pointer of the value in the notice.
    pub path: String,
    /// 值 / the value to put there.
    pub value: serde_json::Value,
    /// 理由 / why.
    pub why: String,
}

/// 更正清单 / a file of corrections (`{"about": "…", "corrections": […]}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// 说明 / what the corrections are for.
    #[serde(default)]
    pub about: Option<String>,
    /// 更正 / the corrections, applied in order.
    pub corrections: Vec<Correction>,
}

/// Why a correction could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorrectionError {
    /// The pointer names no place in the notice (its parent does not exist).
    #[error("更正的位置 {0} 在通知中不存在 / the correction's path {0} is not in the notice")]
    NoSuchPath(String),
    /// The corrected notice is not a notice any more.
    #[error("更正后的通知不合格式：{0} / the corrected notice does not decode: {0}")]
    Invalid(String),
}

impl NoticeReading {
    /// The notice read with `corrections` applied (a pointer whose last step is new is added).
    ///
    /// ```
    /// use learning_week::reading::{Correction, Corrections};
    /// let r = learning_week::Notice::from_text("关于举办2023年九江市全民终身学习活动周的通知\n一、活动主题\n学习\n二、活动时间\n2023年11月1日至7日\n", &Default::default());
    /// let fix = Corrections { about: None, corrections: vec![Correction { path: "/theme".into(), value: "学习新思想".into(), why: "cut in the text".into() }] };
    /// assert_eq!(r.corrected(&fix).unwrap().theme.as_deref(), Some("学习新思想"));
    /// ```
    pub fn corrected(&self, corrections: &Corrections) -> Result<Notice, CorrectionError> {
        let mut v =
            serde_json::to_value(&self.notice).map_err(|e| CorrectionError::Invalid(e.to_string()))?;
        for c in &corrections.corrections {
            let (parent, last) =
                c.path.rsplit_once('/').ok_or_else(|| CorrectionError::NoSuchPath(c.path.clone()))?;
            let last = crate::json::unescape_token(last);
            match v.pointer_mut(parent) {
                Some(serde_json::Value::Object(m)) => {
                    m.insert(last, c.value.clone());
                }
                Some(serde_json::Value::Array(a)) => {
                    let slot = last.parse::<usize>().ok().and_then(|i| a.get_mut(i));
                    *slot.ok_or_else(|| CorrectionError::NoSuchPath(c.path.clone()))? = c.value.clone();
                }
                _ => return Err(CorrectionError::NoSuchPath(c.path.clone())),
            }
        }
        serde_json::from_value(v).map_err(|e| CorrectionError::Invalid(e.to_string()))
    }
}
