//! Counts as districts write them: a number that keeps its qualifier (约, 余, 不到 …) and unit.
//!
//! A count in JSON is either a bare non-negative integer (exact) or an object
//! `{"value": n, "qualifier": "exact"|"approx"|"at_least"|"at_most", "unit": "人次"}`.
//! 约3.5万人次 must never become an exact 35000: the qualifier travels with the value
//! through validation, aggregation and export.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How precise a written number is (约 → approx, 余/多/以上 → at least, 不到/以内 → at most).
///
/// ```
/// use learning_week::Qualifier;
/// assert_eq!(serde_json::to_string(&Qualifier::AtLeast).unwrap(), "\"at_least\"");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 精确：the number as written, nothing around it.
    #[default]
    Exact,
    /// 约、近、左右、上下：about this many.
    Approx,
    /// 余、多、超过、逾、以上：at least this many.
    AtLeast,
    /// 不到、不足、以内：at most this many.
    AtMost,
}

impl Qualifier {
    /// Every qualifier's JSON name, in declaration order.
    ///
    /// ```
    /// assert_eq!(learning_week::Qualifier::NAMES.len(), 4);
    /// ```
    pub const NAMES: [&'static str; 4] = ["exact", "approx", "at_least", "at_most"];

    /// The JSON name (`"at_least"` …).
    ///
    /// ```
    /// assert_eq!(learning_week::Qualifier::Approx.as_str(), "approx");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }

    /// The English words a message puts before the number (`"about "`, `"at least "`,
    /// `"at most "`; nothing for an exact number).
    ///
    /// ```
    /// assert_eq!(learning_week::Qualifier::AtLeast.en_prefix(), "at least ");
    /// ```
    pub fn en_prefix(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::Approx => "about ",
            Qualifier::AtLeast => "at least ",
            Qualifier::AtMost => "at most ",
        }
    }

    /// Parses a JSON name; `None` for anything else.
    ///
    /// ```
    /// use learning_week::Qualifier;
    /// assert_eq!(Qualifier::from_name("at_most"), Some(Qualifier::AtMost));
    /// assert_eq!(Qualifier::from_name("roughly"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "exact" => Some(Qualifier::Exact),
            "approx" => Some(Qualifier::Approx),
            "at_least" => Some(Qualifier::AtLeast),
            "at_most" => Some(Qualifier::AtMost),
            _ => None,
        }
    }

    /// The qualifier of a sum of two qualified numbers — the one statement of the algebra every
    /// total, mean and generated text of the library follows.
    ///
    /// | + | exact | approx | at_least | at_most |
    /// |---|---|---|---|---|
    /// | **exact** | exact | approx | at_least | at_most |
    /// | **approx** | approx | approx | approx | approx |
    /// | **at_least** | at_least | approx | at_least | approx |
    /// | **at_most** | at_most | approx | approx | at_most |
    ///
    /// - exact + exact = exact (12 + 30 = 42);
    /// - any 约 makes 约 (约100 + 20 = 约120);
    /// - 余/以上 with exact stays a lower bound (100余 + 20 = 120余), likewise 不到 an upper bound;
    /// - 约 with 余 is 约 (约100 + 20余 = 约120): a lower bound added to an estimate is no longer a
    ///   bound, and the texts that state such a sum say it holds an estimate;
    /// - 余 with 不到 is 约: the bounds point opposite ways;
    /// - a figure given only as text (the readers could not take it) is in no sum: the total names
    ///   it as left out and is at least what was counted (see `aggregate::totals`).
    ///
    /// It is commutative and associative, with `Exact` as identity and `Approx` absorbing, so
    /// the order in which figures are added never matters and a total is never more precise
    /// than its least precise part.
    ///
    /// ```
    /// use learning_week::Qualifier::*;
    /// assert_eq!(Exact.combine(Exact), Exact);
    /// assert_eq!(Exact.combine(Approx), Approx);
    /// assert_eq!(Exact.combine(AtLeast), AtLeast);
    /// assert_eq!(Approx.combine(AtLeast), Approx);
    /// assert_eq!(AtLeast.combine(AtMost), Approx);
    /// ```
    pub fn combine(self, other: Qualifier) -> Qualifier {
        use Qualifier::*;
        match (self, other) {
            (Exact, q) | (q, Exact) => q,
            (Approx, _) | (_, Approx) => Approx,
            (AtLeast, AtLeast) => AtLeast,
            (AtMost, AtMost) => AtMost,
            (AtLeast, AtMost) | (AtMost, AtLeast) => Approx,
        }
    }
}

/// What a count counts, normalised from the unit word written after it.
///
/// 人/名/位 count people; 人次 counts person-times (one person at three events is three);
/// 场/次 count events; 项/个 count items. People and person-times are never added together.
///
/// ```
/// use learning_week::CountKind;
/// assert_eq!(CountKind::from_unit("人次"), CountKind::PersonTimes);
/// assert_eq!(CountKind::from_unit("名"), CountKind::People);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CountKind {
    /// 人、名、位、户
    People,
    /// 人次
    PersonTimes,
    /// 场、次、期、届
    Events,
    /// 项、个、所、块、家、处、件、篇、条、张
    Items,
    /// Anything else, or no unit written.
    Unspecified,
}

/// The marks written between 人 and 次 of person-times written apart (人/次, 人·次, 人 次): the
/// text reader's and [`CountKind::from_unit`]'s.
pub(crate) const PERSON_TIMES_SEPARATORS: [char; 9] = ['/', '／', '·', '•', '∙', '・', '.', ' ', '\u{3000}'];

impl CountKind {
    /// Normalises a unit word as written (traditional forms included).
    ///
    /// ```
    /// use learning_week::CountKind;
    /// assert_eq!(CountKind::from_unit("場"), CountKind::Events);
    /// assert_eq!(CountKind::from_unit(""), CountKind::Unspecified);
    /// assert_eq!(CountKind::from_unit("人/次"), CountKind::PersonTimes);
    /// assert_eq!(CountKind::from_unit("人（次）"), CountKind::PersonTimes);
    /// ```
    pub fn from_unit(unit: &str) -> CountKind {
        // 人/次, 人·次, 人 次, 人（次）: person-times written apart, as the text reader keeps them.
        let apart = |u: &str| {
            u.strip_prefix('人')
                .map(|r| {
                    r.trim_start_matches(|c| PERSON_TIMES_SEPARATORS.contains(&c) || matches!(c, '(' | '（'))
                })
                .is_some_and(|r| matches!(r, "次" | "次)" | "次）"))
        };
        match unit.trim() {
            "人次" => CountKind::PersonTimes,
            u if apart(u) => CountKind::PersonTimes,
            "人" | "名" | "位" | "户" | "戶" => CountKind::People,
            "场" | "場" | "次" | "期" | "届" | "屆" | "轮" | "輪" => CountKind::Events,
            "项" | "項" | "个" | "個" | "所" | "块" | "塊" | "家" | "处" | "處" | "件" | "篇" | "条"
            | "條" | "张" | "張" | "类" | "類" | "支" => CountKind::Items,
            _ => CountKind::Unspecified,
        }
    }

    /// The JSON name (`"person_times"` …).
    ///
    /// ```
    /// assert_eq!(learning_week::CountKind::Events.as_str(), "events");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            CountKind::People => "people",
            CountKind::PersonTimes => "person_times",
            CountKind::Events => "events",
            CountKind::Items => "items",
            CountKind::Unspecified => "unspecified",
        }
    }
}

/// A non-negative count with its qualifier, unit as written, and the source text it was read from.
///
/// ```
/// use learning_week::{Count, Qualifier};
/// let c: Count = serde_json::from_str(r#"{"value": 35000, "qualifier": "approx", "unit": "人次"}"#).unwrap();
/// assert_eq!(c.qualifier, Qualifier::Approx);
/// // An exact count without unit or source is written back as a bare integer.
/// assert_eq!(serde_json::to_string(&Count::exact(12)).unwrap(), "12");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "CountRepr", into = "CountRepr")]
pub struct Count {
    /// The number written (after 万/亿 multipliers).
    pub value: u64,
    /// How precise it is.
    pub qualifier: Qualifier,
    /// The unit word as written (人次, 人, 场 …), if any.
    pub unit: Option<String>,
    /// The text it was parsed from (约3.5万人次), if it came from text.
    pub source: Option<String>,
}

impl Count {
    /// An exact count with no unit.
    ///
    /// ```
    /// assert_eq!(learning_week::Count::exact(3).value, 3);
    /// ```
    pub fn exact(value: u64) -> Count {
        Count { value, qualifier: Qualifier::Exact, unit: None, source: None }
    }

    /// A count with a qualifier and no unit.
    ///
    /// ```
    /// use learning_week::{Count, Qualifier};
    /// assert_eq!(Count::new(1200, Qualifier::AtLeast).qualifier, Qualifier::AtLeast);
    /// ```
    pub fn new(value: u64, qualifier: Qualifier) -> Count {
        Count { value, qualifier, unit: None, source: None }
    }

    /// Sets the unit word (builder style).
    ///
    /// ```
    /// let c = learning_week::Count::exact(5).with_unit("场");
    /// assert_eq!(c.unit.as_deref(), Some("场"));
    /// ```
    pub fn with_unit(mut self, unit: impl Into<String>) -> Count {
        self.unit = Some(unit.into());
        self
    }

    /// The normalised kind of the unit word.
    ///
    /// ```
    /// use learning_week::{Count, CountKind};
    /// assert_eq!(Count::exact(5).with_unit("人次").kind(), CountKind::PersonTimes);
    /// ```
    pub fn kind(&self) -> CountKind {
        self.unit.as_deref().map_or(CountKind::Unspecified, CountKind::from_unit)
    }

    /// True when the count is zero and cannot be more (exact 0 or at most 0).
    ///
    /// ```
    /// use learning_week::{Count, Qualifier};
    /// assert!(Count::exact(0).is_certainly_zero());
    /// assert!(!Count::new(0, Qualifier::AtLeast).is_certainly_zero());
    /// ```
    pub fn is_certainly_zero(&self) -> bool {
        self.value == 0 && matches!(self.qualifier, Qualifier::Exact | Qualifier::AtMost)
    }

    /// Renders the count in the form's own style: 约35000人次, 1200余人 is written as ≥1200人.
    ///
    /// ```
    /// use learning_week::{Count, Qualifier};
    /// assert_eq!(Count::new(35000, Qualifier::Approx).with_unit("人次").display_zh(), "约35000人次");
    /// assert_eq!(Count::new(1200, Qualifier::AtLeast).with_unit("人").display_zh(), "1200余人");
    /// ```
    pub fn display_zh(&self) -> String {
        let unit = self.unit.as_deref().unwrap_or("");
        match self.qualifier {
            Qualifier::Exact => format!("{}{unit}", self.value),
            Qualifier::Approx => format!("约{}{unit}", self.value),
            Qualifier::AtLeast => format!("{}余{unit}", self.value),
            Qualifier::AtMost => format!("不超过{}{unit}", self.value),
        }
    }

    /// The same in English words: "about 35000人次", "at least 1200人" (the unit as written).
    ///
    /// ```
    /// use learning_week::{Count, Qualifier};
    /// assert_eq!(Count::new(1200, Qualifier::AtLeast).with_unit("人").display_en(), "at least 1200人");
    /// assert_eq!(Count::new(5, Qualifier::Exact).display_en(), "5");
    /// ```
    pub fn display_en(&self) -> String {
        format!("{}{}{}", self.qualifier.en_prefix(), self.value, self.unit.as_deref().unwrap_or(""))
    }
}

/// The wire form of a [`Count`]: a bare integer or a qualified object.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "数量 / count")]
pub enum CountRepr {
    /// An exact count (精确数).
    Bare(u64),
    /// A count with its qualifier (约/余/不到), the unit word and the source text.
    Qualified {
        /// 数值 / the number, after 万/亿 multipliers.
        value: u64,
        /// 限定词 / how precise the number is.
        #[serde(default)]
        qualifier: Qualifier,
        /// 单位 / the unit word as written (人次, 人, 场 …).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// 原文 / the text the number was read from.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
}

impl From<CountRepr> for Count {
    fn from(r: CountRepr) -> Count {
        match r {
            CountRepr::Bare(value) => Count::exact(value),
            CountRepr::Qualified { value, qualifier, unit, source } => {
                Count { value, qualifier, unit, source }
            }
        }
    }
}

impl From<Count> for CountRepr {
    fn from(c: Count) -> CountRepr {
        if c.qualifier == Qualifier::Exact && c.unit.is_none() && c.source.is_none() {
            CountRepr::Bare(c.value)
        } else {
            CountRepr::Qualified { value: c.value, qualifier: c.qualifier, unit: c.unit, source: c.source }
        }
    }
}

impl JsonSchema for Count {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        CountRepr::json_schema(generator)
    }
}
