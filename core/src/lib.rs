//! # learning-week
//!
//! Typed, validated data for the paperwork of China's 全民终身学习活动周 (National Lifelong
//! Learning Activity Week): the city's **notice** (通知), each unit's **activity plan**
//! (活动计划和实施方案（含开幕式）) and **summary table** (总结表), and the package a unit
//! submits (报送).
//!
//! Validation returns every finding at once as data ([`Diagnostic`]): a stable code, a
//! severity, an RFC 6901 JSON Pointer into the caller's JSON, and messages in Chinese and
//! English rendered from the rule's templates. Rules read the notice they are given; the
//! built-in [`Notice::nanchang_2021`] is the 2021 Nanchang notice.
//!
//! Start with a [`Validator`]: a notice compiled once — the built-in one, or any year's and any
//! city's from its JSON — shared across threads, then every document and every keystroke
//! checked against it.
//!
//! ```
//! use learning_week::{DocumentKind, Validator};
//! let validator = Validator::default(); // Validator::from_json(&notice_text)? for another notice
//! let answer = validator.validate_json(
//!     Some(DocumentKind::Summary),
//!     r#"{"year": 2021, "host_unit": "湾里区",
//!         "participation": {"units_total": 5, "units_participating": 7}}"#,
//! );
//! assert!(!answer.valid);
//! let d = answer.diagnostics.iter().find(|d| d.code == "participation.units_exceed_total").unwrap();
//! assert_eq!(d.path, "/participation/units_participating");
//! // 湾里区 was abolished in 2019 but is still written: it is recognised, with an info note.
//! assert!(answer.diagnostics.iter().any(|d| d.code == "unit.alias_normalised"));
//! // The compiled notice, typed: 13 reporting units, each with its name.
//! assert_eq!(validator.notice().units().len(), 13);
//! ```
//!
//! Bindings (Python, WebAssembly) and the CLI go through [`api`] only: every rule, message and
//! default lives here.

#![warn(missing_docs)]

pub mod aggregate;
pub mod api;
pub mod checked;
pub mod checks;
pub mod count;
pub mod decode;
pub mod diagnostic;
#[cfg(feature = "export")]
pub mod export;
pub mod import;
pub mod json;
pub mod notice;
#[cfg(feature = "docx")]
pub mod office;
pub mod period;
pub mod plan;
pub mod rules;
pub mod satisfaction;
pub mod schema;
pub mod submission;
pub mod summary;
pub mod text;
pub mod text_match;
pub mod validate;

pub use api::{CompileError, Validator};
pub use count::{Count, CountKind, Qualifier};
pub use diagnostic::{Diagnostic, Severity};
pub use notice::{MaterialKind, Notice, Role};
pub use period::Period;
pub use plan::ActivityPlan;
pub use satisfaction::{Percent, Satisfaction, SatisfactionLevel};
pub use submission::Submission;
pub use summary::SummaryTable;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The language people read a diagnostic's `message` in (`message_en` is always English): one
/// type for core, the CLI (`--lang`, feature `clap`), Python and JS (`"zh"` / `"en"`).
///
/// ```
/// use learning_week::Lang;
/// assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
/// assert_eq!((Lang::default(), Lang::En.as_str()), (Lang::Zh, "en"));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The JSON name (`"zh"`, `"en"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// The four kinds of document the library reads.
///
/// ```
/// use learning_week::DocumentKind;
/// assert_eq!(serde_json::to_string(&DocumentKind::Summary).unwrap(), "\"summary\"");
/// assert_eq!(DocumentKind::from_name("plan"), Some(DocumentKind::Plan));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 通知
    Notice,
    /// 活动计划和实施方案
    Plan,
    /// 总结表
    Summary,
    /// 报送材料（总结表 + 材料清单 + 报送时间）
    Submission,
}

impl DocumentKind {
    /// Every kind's JSON name.
    pub const NAMES: [&'static str; 4] = ["notice", "plan", "summary", "submission"];

    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(learning_week::DocumentKind::Submission.as_str(), "submission");
    /// ```
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The Chinese name, as the notice says it.
    ///
    /// ```
    /// assert_eq!(learning_week::DocumentKind::Summary.as_zh(), "总结表");
    /// ```
    pub fn as_zh(self) -> &'static str {
        ["通知", "活动方案", "总结表", "报送材料"][self as usize]
    }

    /// Parses a JSON name.
    ///
    /// ```
    /// assert!(learning_week::DocumentKind::from_name("letter").is_none());
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "notice" => Some(DocumentKind::Notice),
            "plan" => Some(DocumentKind::Plan),
            "summary" => Some(DocumentKind::Summary),
            "submission" => Some(DocumentKind::Submission),
            _ => None,
        }
    }

    /// Tells a document's kind from its keys: a submission has `submitted_at` or `summary`;
    /// a notice has `jurisdiction` or `reporting`; a plan has `activities`, `opening_ceremony`
    /// or `unit`; a summary has `host_unit`, `participation` and the other rows of the form.
    ///
    /// ```
    /// use learning_week::DocumentKind;
    /// let v = serde_json::json!({"host_unit": "东湖区"});
    /// assert_eq!(DocumentKind::detect(&v), Some(DocumentKind::Summary));
    /// assert_eq!(DocumentKind::detect(&serde_json::json!([1])), None);
    /// ```
    pub fn detect(value: &serde_json::Value) -> Option<DocumentKind> {
        let obj = value.as_object()?;
        Self::detect_keys(|k| obj.contains_key(k))
    }

    /// [`DocumentKind::detect`] on the reader's tree.
    ///
    /// ```
    /// use learning_week::{json, DocumentKind};
    /// let j = json::parse(r#"{"activities": []}"#).unwrap();
    /// assert_eq!(DocumentKind::detect_json(&j), Some(DocumentKind::Plan));
    /// ```
    pub fn detect_json(value: &json::Json<'_>) -> Option<DocumentKind> {
        let obj = value.as_object()?;
        Self::detect_keys(|k| obj.iter().any(|(key, _)| key == k))
    }

    fn detect_keys(contains: impl Fn(&str) -> bool) -> Option<DocumentKind> {
        let has = |keys: &[&str]| keys.iter().any(|k| contains(k));
        if has(&["submitted_at", "summary", "materials"]) {
            Some(DocumentKind::Submission)
        } else if has(&["jurisdiction", "reporting", "arrangements", "issuer"]) {
            Some(DocumentKind::Notice)
        } else if has(&[
            "host_unit",
            "participation",
            "leadership",
            "theme_and_content",
            "reach",
            "publicity",
            "organizers",
        ]) {
            Some(DocumentKind::Summary)
        } else if has(&[
            "activities",
            "opening_ceremony",
            "unit",
            "drafting_department",
            "epidemic_prevention",
        ]) {
            Some(DocumentKind::Plan)
        } else {
            None
        }
    }
}
