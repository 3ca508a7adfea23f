//! 群众满意度: a percentage (with the same qualifiers as counts) or a level word.
//!
//! Real summaries rarely give a number (「赢得了市民的广泛好评」), so the row is optional and a
//! level is as good an answer as a percentage.

use crate::count::Qualifier;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A satisfaction level as the form's respondents write it.
///
/// ```
/// use learning_week::SatisfactionLevel;
/// let l: SatisfactionLevel = serde_json::from_str("\"基本满意\"").unwrap();
/// assert_eq!(l, SatisfactionLevel::FairlySatisfied);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub enum SatisfactionLevel {
    /// 非常满意
    #[serde(rename = "非常满意")]
    VerySatisfied,
    /// 满意
    #[serde(rename = "满意")]
    Satisfied,
    /// 基本满意
    #[serde(rename = "基本满意")]
    FairlySatisfied,
    /// 不满意
    #[serde(rename = "不满意")]
    Dissatisfied,
}

impl SatisfactionLevel {
    /// Every level as written in JSON, best first.
    ///
    /// ```
    /// assert_eq!(learning_week::SatisfactionLevel::NAMES[0], "非常满意");
    /// ```
    pub const NAMES: [&'static str; 4] = ["非常满意", "满意", "基本满意", "不满意"];

    /// The level's JSON name (its Chinese word).
    ///
    /// ```
    /// assert_eq!(learning_week::SatisfactionLevel::Satisfied.as_str(), "满意");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SatisfactionLevel::VerySatisfied => "非常满意",
            SatisfactionLevel::Satisfied => "满意",
            SatisfactionLevel::FairlySatisfied => "基本满意",
            SatisfactionLevel::Dissatisfied => "不满意",
        }
    }

    /// Reads a level word (simplified or traditional, surrounding spaces ignored).
    ///
    /// ```
    /// use learning_week::SatisfactionLevel;
    /// assert_eq!(SatisfactionLevel::from_word(" 非常滿意 "), Some(SatisfactionLevel::VerySatisfied));
    /// assert_eq!(SatisfactionLevel::from_word("很好"), None);
    /// ```
    pub fn from_word(word: &str) -> Option<Self> {
        match word.trim().replace('滿', "满").as_str() {
            "非常满意" => Some(SatisfactionLevel::VerySatisfied),
            "满意" => Some(SatisfactionLevel::Satisfied),
            "基本满意" => Some(SatisfactionLevel::FairlySatisfied),
            "不满意" => Some(SatisfactionLevel::Dissatisfied),
            _ => None,
        }
    }
}

/// A percentage from 0 to 100 (decimals allowed) with its qualifier: 98%以上 is at least 98.
///
/// ```
/// use learning_week::{Percent, Qualifier};
/// let p = Percent { value: 98.0, qualifier: Qualifier::AtLeast, source: None };
/// assert_eq!(p.display_zh(), "98%以上");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Percent {
    /// 百分比数值 / the percentage, 0–100.
    #[validate(range(min = 0.0, max = 100.0, code = "satisfaction.out_of_range"))]
    pub value: f64,
    /// 限定词 / how precise the number is.
    #[serde(default)]
    pub qualifier: Qualifier,
    /// 原文 / the text it was read from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Percent {
    /// Renders as the form would: 98%, 约95%, 98%以上, 不超过60%.
    ///
    /// ```
    /// use learning_week::{Percent, Qualifier};
    /// assert_eq!(Percent { value: 95.5, qualifier: Qualifier::Approx, source: None }.display_zh(), "约95.5%");
    /// ```
    pub fn display_zh(&self) -> String {
        let v = self.value;
        match self.qualifier {
            Qualifier::Exact => format!("{v}%"),
            Qualifier::Approx => format!("约{v}%"),
            Qualifier::AtLeast => format!("{v}%以上"),
            Qualifier::AtMost => format!("不超过{v}%"),
        }
    }

    /// The same in English words: "at least 98%", "about 95%".
    ///
    /// ```
    /// use learning_week::{Percent, Qualifier};
    /// let p: Percent = serde_json::from_value(serde_json::json!({"value": 98.0, "qualifier": "at_least"})).unwrap();
    /// assert_eq!(p.display_en(), "at least 98%");
    /// ```
    pub fn display_en(&self) -> String {
        format!("{}{}%", self.qualifier.en_prefix(), self.value)
    }
}

/// 群众满意度: a percentage or a level.
///
/// In JSON: a number (`98.5`, exact), an object (`{"value": 98, "qualifier": "at_least"}`),
/// or a level word (`"非常满意"`).
///
/// ```
/// use learning_week::{Satisfaction, SatisfactionLevel};
/// let s: Satisfaction = serde_json::from_str("\"满意\"").unwrap();
/// assert_eq!(s, Satisfaction::Level(SatisfactionLevel::Satisfied));
/// let p: Satisfaction = serde_json::from_str("98.5").unwrap();
/// assert!(matches!(p, Satisfaction::Percent(_)));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "SatisfactionRepr", into = "SatisfactionRepr")]
pub enum Satisfaction {
    /// 满意率 as a percentage.
    Percent(Percent),
    /// 满意程度 as a level.
    Level(SatisfactionLevel),
}

/// Wire form of [`Satisfaction`].
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "群众满意度 / satisfaction")]
pub enum SatisfactionRepr {
    /// 满意率（精确）/ an exact percentage, 0–100.
    Bare(#[schemars(range(min = 0, max = 100))] f64),
    /// 满意率及限定词 / a percentage with qualifier.
    Qualified(Percent),
    /// 满意程度 / a level word.
    Level(SatisfactionLevel),
}

impl From<SatisfactionRepr> for Satisfaction {
    fn from(r: SatisfactionRepr) -> Self {
        match r {
            SatisfactionRepr::Bare(value) => {
                Satisfaction::Percent(Percent { value, qualifier: Qualifier::Exact, source: None })
            }
            SatisfactionRepr::Qualified(p) => Satisfaction::Percent(p),
            SatisfactionRepr::Level(l) => Satisfaction::Level(l),
        }
    }
}

impl From<Satisfaction> for SatisfactionRepr {
    fn from(s: Satisfaction) -> Self {
        match s {
            Satisfaction::Percent(p) if p.qualifier == Qualifier::Exact && p.source.is_none() => {
                SatisfactionRepr::Bare(p.value)
            }
            Satisfaction::Percent(p) => SatisfactionRepr::Qualified(p),
            Satisfaction::Level(l) => SatisfactionRepr::Level(l),
        }
    }
}

impl JsonSchema for Satisfaction {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Satisfaction".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        SatisfactionRepr::json_schema(generator)
    }
}
