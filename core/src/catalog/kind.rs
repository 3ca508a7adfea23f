//! The names every layer shares: the four kinds of document and the two message languages.

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

    /// Tells a kind from which keys a document has (see `DocumentKind::detect`).
    pub(crate) fn detect_keys(contains: impl Fn(&str) -> bool) -> Option<DocumentKind> {
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
