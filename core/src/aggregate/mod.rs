//! 汇总: roll the units' submissions up into the city's own 总结表 — what the city centre
//! (市社区教育指导中心) does after the deadline.
//!
//! Every input is accounted for: **included** (the latest submission of a recognised unit),
//! **superseded** (an older one from the same unit), **rejected** with a reason (unreadable, not
//! a submission, unknown unit after alias normalisation, wrong year), or used as a **plan** for
//! topic coverage. `included + superseded + rejected + plans = inputs`, always.
//!
//! Among one unit's submissions the latest `submitted_at` wins (one without a timestamp ranks
//! below any with one); equal times are broken by content hash, then by id.
//!
//! Completeness is counted against the notice's jurisdiction and named: reported and missing
//! units by official name; the rate never exceeds 100 % because duplicates and unknown senders
//! are listed apart. Timeliness is judged against the notice's deadline (grace days may be
//! overridden). Totals keep their qualifiers ([`totals`]); people and person-times are never
//! added. The result is independent of the order of the inputs, and partial roll-ups merge
//! ([`RollupState::merge`]) into exactly what aggregating the union gives.
//!
//! ```
//! use learning_week::aggregate::{aggregate, AggregateInput, AggregateOptions};
//! use learning_week::Notice;
//! let sub = |unit: &str, at: &str, n: u64| AggregateInput::json(None, serde_json::json!({
//!     "submitted_at": at,
//!     "summary": {"year": 2021, "host_unit": unit, "participation": {"participants": n}}
//! }));
//! let inputs = [
//!     sub("东湖区", "2021-12-01T10:00:00+08:00", 1000),
//!     sub("湾里区", "2021-12-08T10:00:00+08:00", 500),  // alias of 湾里管理局, 3 days late
//!     sub("东湖区", "2021-12-02T10:00:00+08:00", 1200), // supersedes the first
//!     sub("朝阳区", "2021-12-01T10:00:00+08:00", 9),    // not in the jurisdiction
//! ];
//! let r = aggregate(&Notice::nanchang_2021(), &inputs, &AggregateOptions::default());
//! assert_eq!(r.expected_units, 13);
//! assert_eq!(r.reported_units, vec!["东湖区", "湾里管理局"]);
//! assert_eq!(r.late_units[0].days_late, 3);
//! assert_eq!((r.accounting.included.len(), r.accounting.superseded.len(), r.accounting.rejected.len()), (2, 1, 1));
//! assert_eq!(r.totals.participants.value, Some(1700));
//! assert_eq!(r.city_summary.host_unit.as_deref(), Some("南昌市"));
//! ```

pub mod accounting;
mod city_summary;
pub mod coverage;
mod render;
pub mod satisfaction;
mod sorting;
#[cfg(test)]
mod tests;
pub mod totals;

pub use accounting::{content_hash, content_hashes, Accounting, InputRecord, RejectReason, ValidationStatus};
pub use coverage::{CoveringUnit, TopicCoverage};
pub use satisfaction::SatisfactionRollup;
pub use totals::{KindTotal, Total, Totals};

use crate::catalog::aggregate as ar;
use crate::catalog::Diagnostic;
use crate::catalog::{make, params};
use crate::count::{Count, Qualifier};
use crate::decode::parse_document;
use crate::json::Json;
use crate::notice::Notice;
use crate::plan::ActivityPlan;
use crate::satisfaction::Satisfaction;
use crate::submission::Submission;
use crate::summary::SummaryTable;
use crate::validate::{validate_text, validate_tree, Document, Outcome};
use crate::DocumentKind;
use chrono::{DateTime, FixedOffset, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;

/// 汇总选项 / options of a roll-up.
///
/// ```
/// use learning_week::aggregate::AggregateOptions;
/// let o: AggregateOptions = serde_json::from_str(r#"{"grace_days": 2}"#).unwrap();
/// assert_eq!(o.grace_days, Some(2));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AggregateOptions {
    /// 宽限天数 / grace days; absent → the notice's `reporting.grace_days` (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace_days: Option<u32>,
}

/// 输入内容 / what an input holds.
///
/// ```
/// use learning_week::aggregate::InputContent;
/// let c: InputContent = serde_json::from_str(r#"{"text": "{}"}"#).unwrap();
/// assert_eq!(c, InputContent::Text("{}".into()));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputContent {
    /// JSON text, as received (a syntax error keeps its line and column).
    Text(String),
    /// A JSON value.
    Json(Value),
    /// Could not even be read as text (e.g. not UTF-8); the detail says why.
    Unreadable(String),
    /// A file whose bytes equal an earlier file's (`of`, its name): accounted for, counted once.
    ExactCopy {
        /// 原件 / the file it is a copy of.
        of: String,
    },
    /// A file of a unit's package that is not its 总结表 (a work summary, the typical case, the
    /// stamped scan), assigned to its unit by the inbox: accounted for, never counted.
    Material {
        /// 单位 / the unit it belongs to (an official name of the notice).
        unit: String,
        /// 种类 / which material it is.
        kind: crate::notice::MaterialKind,
    },
    /// A file the inbox refused before the roll-up (a lock file, a format it cannot read, an
    /// unrelated file, one naming several units or none, attached photos): accounted for as
    /// rejected with `reason`, the unit it names (if one) and the finding that says why.
    Refused {
        /// 退回原因 / why.
        reason: RejectReason,
        /// 单位 / the unit it names, when one (an official name of the notice).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        /// 说明 / the finding: what the file is and what to do.
        diagnostic: Box<Diagnostic>,
    },
}

/// 输入 / one document the city centre received: a submission, a bare 总结表, or a plan.
///
/// ```
/// use learning_week::aggregate::AggregateInput;
/// use learning_week::DocumentKind;
/// let i = AggregateInput::text(Some("东湖区.json"), "{}").as_plan();
/// assert_eq!(i.kind, Some(DocumentKind::Plan));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AggregateInput {
    /// 标识 / a name for the input (its file name); absent → it is named by its content hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// 文档类型 / `plan` to use it as a plan; absent → detected from its keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DocumentKind>,
    /// 内容 / the input itself.
    pub content: InputContent,
    /// 说明 / findings made before the roll-up (how a Word / Excel file was imported, where its
    /// 报送时间 came from, why it could not be read); copied into the input's record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Diagnostic>,
    /// 文件修改时间 / the file's own modification time, when known: decides between two reports
    /// of a unit carrying the same 报送时间 (the later file counts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_modified: Option<DateTime<FixedOffset>>,
}

impl AggregateInput {
    /// An input from JSON text.
    ///
    /// ```
    /// let i = learning_week::aggregate::AggregateInput::text(None, "[");
    /// assert!(i.id.is_none());
    /// ```
    pub fn text(id: Option<&str>, text: impl Into<String>) -> Self {
        AggregateInput {
            id: id.map(str::to_owned),
            kind: None,
            content: InputContent::Text(text.into()),
            notes: Vec::new(),
            file_modified: None,
        }
    }

    /// An input from a JSON value.
    ///
    /// ```
    /// let i = learning_week::aggregate::AggregateInput::json(Some("x"), serde_json::json!({}));
    /// assert_eq!(i.id.as_deref(), Some("x"));
    /// ```
    pub fn json(id: Option<&str>, value: Value) -> Self {
        AggregateInput {
            id: id.map(str::to_owned),
            kind: None,
            content: InputContent::Json(value),
            notes: Vec::new(),
            file_modified: None,
        }
    }

    /// A typed submission.
    ///
    /// ```
    /// use learning_week::{aggregate::AggregateInput, Submission};
    /// let s: Submission = serde_json::from_str(r#"{"summary": {"host_unit": "东湖区"}}"#).unwrap();
    /// assert!(matches!(AggregateInput::submission(None, &s).content, learning_week::aggregate::InputContent::Json(_)));
    /// ```
    pub fn submission(id: Option<&str>, submission: &Submission<'_>) -> Self {
        Self::json(id, serde_json::to_value(submission).unwrap_or(Value::Null))
    }

    /// A file of a unit's package that is not its 总结表, assigned to `unit` (see [`InputContent::Material`]).
    ///
    /// ```
    /// use learning_week::aggregate::{aggregate, AggregateInput};
    /// use learning_week::MaterialKind;
    /// let i = AggregateInput::material(Some("东湖区典型案例.docx"), "东湖区", MaterialKind::TypicalCase);
    /// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[i], &Default::default());
    /// assert_eq!(r.accounting.materials[0].material, Some(MaterialKind::TypicalCase));
    /// assert!(r.accounting.is_balanced() && r.reported_units.is_empty());
    /// ```
    pub fn material(id: Option<&str>, unit: &str, kind: crate::notice::MaterialKind) -> Self {
        AggregateInput::with_content(id, InputContent::Material { unit: unit.to_owned(), kind })
    }

    /// A file with the same bytes as the earlier file `of` (see [`InputContent::ExactCopy`]).
    ///
    /// ```
    /// use learning_week::aggregate::{aggregate, AggregateInput, RejectReason};
    /// let i = AggregateInput::exact_copy(Some("东湖区总结表(1).docx"), "东湖区总结表.docx");
    /// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[i], &Default::default());
    /// assert_eq!(r.accounting.rejected[0].reason, Some(RejectReason::ExactCopy));
    /// ```
    pub fn exact_copy(id: Option<&str>, of: &str) -> Self {
        AggregateInput::with_content(id, InputContent::ExactCopy { of: of.to_owned() })
    }

    /// A file refused before the roll-up, with its reason, the unit it names (if one) and the
    /// finding that says why (see [`InputContent::Refused`]).
    ///
    /// ```
    /// use learning_week::aggregate::{aggregate, AggregateInput, RejectReason};
    /// let d = learning_week::api::unsupported_format(learning_week::api::FileClass::LockFile, "~$a.docx");
    /// let i = AggregateInput::refused(Some("~$a.docx"), RejectReason::LockFile, None, d);
    /// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[i], &Default::default());
    /// assert_eq!(r.accounting.rejected[0].reason, Some(RejectReason::LockFile));
    /// assert_eq!(r.accounting.rejected[0].diagnostics[0].code, "import.unsupported_format");
    /// ```
    pub fn refused(
        id: Option<&str>,
        reason: RejectReason,
        unit: Option<&str>,
        diagnostic: Diagnostic,
    ) -> Self {
        AggregateInput::with_content(
            id,
            InputContent::Refused { reason, unit: unit.map(str::to_owned), diagnostic: Box::new(diagnostic) },
        )
    }

    fn with_content(id: Option<&str>, content: InputContent) -> Self {
        AggregateInput {
            id: id.map(str::to_owned),
            kind: None,
            content,
            notes: Vec::new(),
            file_modified: None,
        }
    }

    /// An input that could not be read as text; `detail` says why.
    ///
    /// ```
    /// let i = learning_week::aggregate::AggregateInput::unreadable(Some("a.json"), "not UTF-8");
    /// assert_eq!(i.id.as_deref(), Some("a.json"));
    /// ```
    pub fn unreadable(id: Option<&str>, detail: impl Into<String>) -> Self {
        AggregateInput {
            id: id.map(str::to_owned),
            kind: None,
            content: InputContent::Unreadable(detail.into()),
            notes: Vec::new(),
            file_modified: None,
        }
    }

    /// Adds findings made before the roll-up (see [`notes`](Self::notes)).
    ///
    /// ```
    /// use learning_week::aggregate::{aggregate, AggregateInput};
    /// let note = learning_week::api::validate_json(None, "{", &Default::default()).diagnostics;
    /// let i = AggregateInput::unreadable(Some("a.docx"), "not a zip").with_notes(note);
    /// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[i], &Default::default());
    /// assert_eq!(r.accounting.rejected[0].diagnostics[0].code, "json.syntax");
    /// ```
    pub fn with_notes(mut self, notes: Vec<Diagnostic>) -> Self {
        self.notes.extend(notes);
        self
    }

    /// The same input with its file's modification time (see [`file_modified`](Self::file_modified)).
    ///
    /// ```
    /// let t = chrono::DateTime::parse_from_rfc3339("2021-12-04T16:30:00+08:00").unwrap();
    /// let i = learning_week::aggregate::AggregateInput::text(None, "{}").with_file_modified(Some(t));
    /// assert_eq!(i.file_modified, Some(t));
    /// ```
    pub fn with_file_modified(mut self, t: Option<DateTime<FixedOffset>>) -> Self {
        self.file_modified = t;
        self
    }

    /// Marks the input as a plan (used for topic coverage, never counted as a submission).
    ///
    /// ```
    /// let i = learning_week::aggregate::AggregateInput::text(None, "{}").as_plan();
    /// assert_eq!(i.kind, Some(learning_week::DocumentKind::Plan));
    /// ```
    pub fn as_plan(mut self) -> Self {
        self.kind = Some(DocumentKind::Plan);
        self
    }
}

/// A submission that was read and recognised: a candidate for its unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
struct Candidate {
    record: InputRecord,
    /// The document; dropped (`None`) as soon as another of its unit's reports supersedes it (see
    /// [`RollupState::keep_best`]). Boxed: a dropped one then weighs a pointer, not the 2 KB of
    /// an empty [`Submission`].
    submission: Option<Box<Submission<'static>>>,
    /// The file's modification time, when known: the tie-breaker of equal 报送时间.
    #[serde(default)]
    file_modified: Option<DateTime<FixedOffset>>,
}

impl Candidate {
    /// The document, or an empty one once dropped.
    fn document(&self) -> &Submission<'static> {
        static EMPTY: std::sync::LazyLock<Submission<'static>> =
            std::sync::LazyLock::new(Submission::default);
        self.submission.as_deref().unwrap_or(&EMPTY)
    }
}

/// What decides which of a unit's submissions is counted: the largest key wins.
/// A time, when known.
type When = Option<DateTime<FixedOffset>>;

fn winner_key(c: &Candidate) -> (When, When, &str, Option<&str>) {
    (c.record.submitted_at, c.file_modified, c.record.content_hash.as_str(), c.record.id.as_deref())
}

/// A plan that was read and recognised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
struct PlanEntry {
    record: InputRecord,
    topics: Vec<String>,
}

/// 汇总中间状态 / a partial roll-up: fold inputs in with [`add`](Self::add), combine partial
/// states with [`merge`](Self::merge), and [`finish`](Self::finish) into a [`CityRollup`].
///
/// `merge` is commutative and associative, and `finish` sorts everything, so
/// `a.merge(b).finish()` is exactly the roll-up of the union, whatever the order of inputs.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateInput, AggregateOptions, RollupState};
/// use learning_week::Notice;
/// let n = Notice::nanchang_2021();
/// let o = AggregateOptions::default();
/// let a = AggregateInput::text(Some("a"), r#"{"submitted_at": "2021-12-01T10:00:00+08:00", "summary": {"year": 2021, "host_unit": "东湖区"}}"#);
/// let b = AggregateInput::text(Some("b"), "not json");
/// let mut left = RollupState::new(&n, &o);
/// left.add(&a);
/// let mut right = RollupState::new(&n, &o);
/// right.add(&b);
/// assert_eq!(left.merge(right).finish(), aggregate(&n, &[b, a], &o));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RollupState {
    notice: Notice,
    inputs: usize,
    candidates: Vec<Candidate>,
    rejected: Vec<InputRecord>,
    plans: Vec<PlanEntry>,
    materials: Vec<InputRecord>,
    /// For each unit, the candidate [`finish`](Self::finish) would count now: the only one of the
    /// unit that keeps its document (see [`keep_best`](Self::keep_best)). A cache: a state read
    /// back without it only keeps more documents until `finish`, which decides on its own.
    #[serde(skip)]
    #[schemars(skip)]
    best: std::collections::HashMap<String, usize>,
    /// Each unit name as written, and the official name it stands for (a cache of
    /// [`Notice::official_unit_name`]).
    #[serde(skip)]
    #[schemars(skip)]
    names: std::collections::HashMap<String, Option<String>>,
}

/// 迟交单位 / a unit whose counted submission arrived after the deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LateUnit {
    /// 单位 / the unit (official name).
    pub unit: String,
    /// 迟交天数 / calendar days late, in the notice's time zone, after grace days.
    pub days_late: i64,
    /// 报送时间 / when it arrived.
    pub submitted_at: DateTime<FixedOffset>,
    /// 输入 / the input counted.
    pub input: String,
}

/// 完成率 / completeness against the notice's jurisdiction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Completeness {
    /// 应报单位数 / units expected.
    pub expected: usize,
    /// 已报单位数 / units that reported (each once).
    pub reported: usize,
    /// 报送率 / reported ÷ expected in percent, rounded to 0.1; never above 100; absent with no units expected.
    pub rate_percent: Option<f64>,
    /// 重复报送的单位 / units that sent more than once (their older inputs are superseded).
    pub duplicate_units: Vec<String>,
    /// 未知报送单位 / unit names as written on inputs outside the jurisdiction.
    pub unknown_senders: Vec<String>,
}

/// 及时性 / timeliness against the notice's deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Timeliness {
    /// 截止日期 / the deadline.
    pub deadline: Option<NaiveDate>,
    /// 截止日当天有效 / whether the deadline day itself is on time.
    pub deadline_inclusive: bool,
    /// 宽限天数 / grace days applied.
    pub grace_days: u32,
    /// 最后按期日 / the last calendar day that counts as on time.
    pub last_on_time_day: Option<NaiveDate>,
    /// 时区 / the notice's UTC offset.
    pub utc_offset: String,
    /// 按期单位 / units whose counted submission was on time.
    pub on_time_units: Vec<String>,
    /// 时间不明 / units whose counted input has no timestamp.
    pub unknown_units: Vec<String>,
}

/// 单位发现 / a roll-up finding about one unit's counted input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitFinding {
    /// 单位 / the unit.
    pub unit: String,
    /// 输入 / the input.
    pub input: String,
    /// 诊断 / the finding.
    pub diagnostic: Diagnostic,
}

/// 报送状态 / whether a unit reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitStatus {
    /// 已报送
    Reported,
    /// 未报送
    Missing,
}

/// 单位一览 / one row per expected unit, in the notice's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitRow {
    /// 单位 / official name.
    pub unit: String,
    /// 状态 / reported or missing.
    pub status: UnitStatus,
    /// 输入 / the input counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    /// 报送时间 / when it arrived.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<DateTime<FixedOffset>>,
    /// 迟交天数 / days late (0 on time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_late: Option<i64>,
    /// 参加活动人数 / participants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<Count>,
    /// 主会场数量 / main venues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_venues: Option<Count>,
    /// 分会场数量 / sub-venues.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_venues: Option<Count>,
    /// 群众满意度 / satisfaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Satisfaction>,
    /// 被替代的报送数 / how many older inputs of this unit were superseded.
    pub superseded: usize,
    /// 校验情况 / validation of the counted input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation: Option<ValidationStatus>,
}

/// 全市汇总 / the city's roll-up of the units' submissions.
///
/// The JSON keys `expected_units`, `reported_units`, `missing_units`, `late_units`, `accounting`,
/// `totals` and `city_summary` are a public contract.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateOptions};
/// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[], &AggregateOptions::default());
/// assert_eq!(r.missing_units.len(), 13);
/// assert_eq!(r.completeness.rate_percent, Some(0.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CityRollup {
    /// 年度 / the notice's year.
    pub year: Option<i32>,
    /// 时区 / the notice's time zone (`+08:00`): every time shown to a person (tables, reports,
    /// workbooks) is in it; the times in this JSON keep the sender's own offset.
    #[serde(default = "default_utc_offset")]
    pub utc_offset: String,
    /// 城市 / the city.
    pub city: Option<String>,
    /// 应报单位数 / units expected (the notice's jurisdiction).
    pub expected_units: usize,
    /// 已报单位 / units that reported, official names in the notice's order.
    pub reported_units: Vec<String>,
    /// 未报单位 / units that did not, official names in the notice's order.
    pub missing_units: Vec<String>,
    /// 完成率 / completeness.
    pub completeness: Completeness,
    /// 迟交单位 / late units with days late, in the notice's order.
    pub late_units: Vec<LateUnit>,
    /// 及时性 / timeliness.
    pub timeliness: Timeliness,
    /// 输入核算 / every input accounted for.
    pub accounting: Accounting,
    /// 合计 / totals with qualifiers.
    pub totals: Totals,
    /// 异常数字 / figures that look like typos (outliers, sub-venues above participants).
    pub outliers: Vec<UnitFinding>,
    /// 群众满意度 / satisfaction across units.
    pub satisfaction: SatisfactionRollup,
    /// 主题覆盖 / the notice's topics and focus items, and who covered them.
    pub topic_coverage: Vec<TopicCoverage>,
    /// 单位一览 / one row per expected unit.
    pub units: Vec<UnitRow>,
    /// 汇总说明 / roll-up level findings (participants of mixed kinds …).
    pub notes: Vec<Diagnostic>,
    /// 全市总结表 / the city's own 总结表.
    pub city_summary: SummaryTable<'static>,
    /// 全市总结表校验 / the city 总结表 validated as a city-level table.
    pub city_summary_validation: ValidationStatus,
}

/// The zone of a roll-up written before it carried one: the notice's default (Beijing time).
fn default_utc_offset() -> String {
    Notice::default().utc_offset().to_string()
}

impl CityRollup {
    /// The notice's time zone, in which every time is shown to a person.
    ///
    /// ```
    /// use learning_week::aggregate::{aggregate, AggregateOptions};
    /// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[], &AggregateOptions::default());
    /// assert_eq!((r.utc_offset.as_str(), r.zone().local_minus_utc()), ("+08:00", 8 * 3600));
    /// ```
    pub fn zone(&self) -> chrono::FixedOffset {
        crate::notice::parse_utc_offset(&self.utc_offset).unwrap_or_else(|| Notice::default().utc_offset())
    }
}

/// Rolls the inputs up against `notice`: the one-call form of [`RollupState`].
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateInput, AggregateOptions};
/// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[AggregateInput::text(Some("x.json"), "{,}")], &AggregateOptions::default());
/// assert_eq!(r.accounting.rejected[0].reason, Some(learning_week::aggregate::RejectReason::Unreadable));
/// ```
pub fn aggregate(notice: &Notice, inputs: &[AggregateInput], options: &AggregateOptions) -> CityRollup {
    aggregate_on(notice, inputs, options, workers_for(inputs.len()))
}

/// Inputs below which a roll-up stays on the calling thread (threads cost more than they save).
const PARALLEL_FROM: usize = 512;

/// How many threads a roll-up of `n` inputs uses: the machine's cores for a large roll-up, one
/// where threads are not available (the WebAssembly package) or not worth it.
fn workers_for(n: usize) -> usize {
    if n < PARALLEL_FROM || cfg!(target_family = "wasm") {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |p| p.get()).min(n / (PARALLEL_FROM / 2)).max(1)
}

/// [`aggregate`] on `workers` threads: each reads and validates a share of the inputs into a
/// [`RollupState`], and the states are merged (the result does not depend on the split, see
/// [`RollupState::merge`]). A share whose thread fails is read again on this thread, so no input
/// is ever lost.
fn aggregate_on(
    notice: &Notice,
    inputs: &[AggregateInput],
    options: &AggregateOptions,
    workers: usize,
) -> CityRollup {
    let fold = |part: &[AggregateInput]| {
        let mut state = RollupState::new(notice, options);
        state.add_all(part);
        state
    };
    if workers <= 1 || inputs.len() < 2 {
        return fold(inputs).finish_on(1);
    }
    let share = inputs.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let parts: Vec<_> = inputs
            .chunks(share)
            .map(|part| (part, std::thread::Builder::new().spawn_scoped(scope, move || fold(part))))
            .collect();
        let mut state = RollupState::new(notice, options);
        for (part, handle) in parts {
            let done = handle.ok().and_then(|h| h.join().ok()).unwrap_or_else(|| fold(part));
            state = state.merge(done);
        }
        state.finish_on(workers)
    })
}

/// The notice as the roll-up applies it (grace days overridden when asked).
fn effective_notice(notice: &Notice, options: &AggregateOptions) -> Notice {
    let mut n = notice.clone();
    if let Some(g) = options.grace_days {
        n.reporting.get_or_insert_with(Default::default).grace_days = Some(g);
    }
    n
}

fn text_of(content: &InputContent) -> Cow<'_, str> {
    match content {
        InputContent::Text(t) | InputContent::Unreadable(t) => Cow::Borrowed(t),
        InputContent::Json(v) => Cow::Owned(crate::json_writer::to_string(v).unwrap_or_default()),
        InputContent::Material { unit, kind } => Cow::Owned(format!("{unit}/{}", kind.as_str())),
        InputContent::ExactCopy { of } => Cow::Owned(format!("copy of {of}")),
        // What was decided, not the message (which names the file, by a path that differs from
        // one front door to another): the same file gets the same hash from every door.
        InputContent::Refused { reason, unit, diagnostic } => Cow::Owned(format!(
            "refused/{}/{}/{}",
            reason.as_str(),
            diagnostic.code,
            unit.as_deref().unwrap_or_default()
        )),
    }
}

impl RollupState {
    /// An empty state for `notice` and `options`. States that are merged must share both.
    ///
    /// ```
    /// use learning_week::aggregate::RollupState;
    /// let s = RollupState::new(&learning_week::Notice::nanchang_2021(), &Default::default());
    /// assert_eq!(s.inputs(), 0);
    /// ```
    pub fn new(notice: &Notice, options: &AggregateOptions) -> Self {
        RollupState {
            notice: effective_notice(notice, options),
            inputs: 0,
            candidates: Vec::new(),
            rejected: Vec::new(),
            plans: Vec::new(),
            materials: Vec::new(),
            best: std::collections::HashMap::new(),
            names: std::collections::HashMap::new(),
        }
    }

    /// How many inputs were added.
    ///
    /// ```
    /// use learning_week::aggregate::{AggregateInput, RollupState};
    /// let mut s = RollupState::new(&learning_week::Notice::nanchang_2021(), &Default::default());
    /// s.add(&AggregateInput::text(None, "x"));
    /// assert_eq!(s.inputs(), 1);
    /// ```
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// Folds one input in. Never fails: an input that cannot be used is recorded as rejected.
    ///
    /// ```
    /// use learning_week::aggregate::{AggregateInput, RollupState};
    /// let mut s = RollupState::new(&learning_week::Notice::nanchang_2021(), &Default::default());
    /// s.add(&AggregateInput::json(None, serde_json::json!({"notice": "not a submission"})));
    /// assert_eq!(s.finish().accounting.rejected.len(), 1);
    /// ```
    pub fn add(&mut self, input: &AggregateInput) {
        self.add_hashed(input, None);
    }

    /// Inputs in fours, their texts hashed together ([`content_hashes`]), then folded in.
    fn add_all(&mut self, inputs: &[AggregateInput]) {
        for four in inputs.chunks(4) {
            let texts: Vec<&[u8]> = four
                .iter()
                .filter_map(|i| match &i.content {
                    InputContent::Text(t) => Some(t.as_bytes()),
                    _ => None,
                })
                .collect();
            let mut hashes = content_hashes(&texts).into_iter();
            for i in four {
                let hash = matches!(i.content, InputContent::Text(_)).then(|| hashes.next()).flatten();
                self.add_hashed(i, hash);
            }
        }
    }

    /// [`add`](Self::add), with the input's content hash when already known.
    fn add_hashed(&mut self, input: &AggregateInput, hash: Option<String>) {
        self.inputs += 1;
        let hash = hash.unwrap_or_else(|| content_hash(text_of(&input.content).as_bytes()));
        let mut record = InputRecord::new(input.id.clone(), hash);
        record.diagnostics.extend(input.notes.iter().cloned());
        // A submission, summary or plan given as text is read straight into the model when the
        // reader is sure of it (`validate_text`: the tree's answer, without the tree).
        if let InputContent::Text(t) = &input.content {
            let text = t.strip_prefix('\u{feff}').unwrap_or(t);
            let object = text.trim_start_matches([' ', '\n', '\t', '\r']).starts_with('{');
            if object && input.kind != Some(DocumentKind::Notice) {
                match validate_text(input.kind, text, &self.notice, None) {
                    Some((DocumentKind::Plan, outcome)) => return self.add_plan_outcome(record, outcome),
                    Some((kind @ (DocumentKind::Submission | DocumentKind::Summary), outcome)) => {
                        return self.add_submission_outcome(record, kind, outcome, input.file_modified)
                    }
                    // A notice, or a text the reader is unsure of: the tree path rejects or reads it.
                    _ => {}
                }
            }
        }
        // Named in the findings of the paths below (not needed by a report read as text).
        let label = record.label();
        // Why an input cannot be read, in Chinese and in English (the same text when it came as one).
        // With the keys the text repeats (the tree kept each one's last value), for the unit's findings.
        type Parsed<'t> = Result<(Json<'t>, Vec<Diagnostic>), ((String, String), Option<Diagnostic>)>;
        let parsed: Parsed<'_> = match &input.content {
            InputContent::Json(v) => Ok((Json::borrowed(v), Vec::new())),
            InputContent::Text(t) => {
                parse_document(t).map_err(|d| ((d.message.clone(), d.message_en.clone()), Some(d)))
            }
            InputContent::Unreadable(detail) => Err(((detail.clone(), detail.clone()), None)),
            InputContent::Material { unit, kind } => {
                record.unit = Some(unit.clone());
                record.material = Some(*kind);
                self.materials.push(record);
                return;
            }
            InputContent::Refused { reason, unit, diagnostic } => {
                record.reason = Some(*reason);
                record.unit = unit.clone();
                // The reason first: it is what a person is shown of the file.
                record.diagnostics.insert(0, (**diagnostic).clone());
                self.rejected.push(record);
                return;
            }
            InputContent::ExactCopy { of } => {
                record.reason = Some(RejectReason::ExactCopy);
                record.superseded_by = Some(of.clone());
                let d = make(&ar::EXACT_COPY, String::new(), params! {"input" => label, "of" => of}, None);
                record.diagnostics.push(d);
                self.rejected.push(record);
                return;
            }
        };
        let (value, repeats) = match parsed {
            Ok((v, repeats)) if v.is_object() => (v, repeats),
            Ok((v, _)) => {
                let ty = crate::decode::json_type(&v);
                let detail = (format!("不是 JSON 对象（{ty}）"), format!("not a JSON object ({ty})"));
                return self.reject(record, RejectReason::Unreadable, &label, detail, None);
            }
            Err((detail, d)) => return self.reject(record, RejectReason::Unreadable, &label, detail, d),
        };
        let kind = input.kind.or_else(|| DocumentKind::detect_tree(&value));
        match kind {
            Some(DocumentKind::Plan) => self.add_plan(record, &value, repeats),
            Some(k @ (DocumentKind::Submission | DocumentKind::Summary)) => {
                self.add_submission(record, k, &value, input.file_modified, repeats)
            }
            other => {
                record.kind = other;
                let kind_zh = other.map_or("未知文档", DocumentKind::as_zh);
                let kind = other.map_or("unknown", DocumentKind::as_str);
                let d = make(
                    &ar::NOT_A_SUBMISSION,
                    String::new(),
                    params! {"input" => label, "kind" => kind, "kind_zh" => kind_zh},
                    None,
                );
                record.reason = Some(RejectReason::NotASubmission);
                record.diagnostics.push(d);
                self.rejected.push(record);
            }
        }
    }

    fn reject(
        &mut self,
        mut record: InputRecord,
        reason: RejectReason,
        label: &str,
        (detail, detail_en): (String, String),
        cause: Option<Diagnostic>,
    ) {
        record.reason = Some(reason);
        let d = make(
            &ar::UNREADABLE,
            String::new(),
            params! {"input" => label, "detail" => detail, "detail_en" => detail_en},
            None,
        );
        record.diagnostics.push(d);
        record.diagnostics.extend(cause);
        self.rejected.push(record);
    }

    /// Recognises the unit and the year; on failure records the rejection and returns `None`.
    fn recognise(
        &mut self,
        mut record: InputRecord,
        written: Option<&str>,
        year: Option<i32>,
        unit_path: &str,
        year_path: &str,
    ) -> Option<InputRecord> {
        record.unit_written = written.map(str::to_owned);
        let official = written.and_then(|w| self.official_unit_name(w));
        let Some(unit) = official else {
            let label = record.label();
            let shown = written.filter(|w| !w.trim().is_empty()).unwrap_or("（未填写 / not given）");
            let d = make(
                &ar::UNKNOWN_UNIT,
                unit_path.to_owned(),
                params! {"input" => label, "written" => shown},
                written.map(|w| Value::String(w.to_owned())).as_ref(),
            );
            record.reason = Some(RejectReason::UnknownUnit);
            record.diagnostics.push(d);
            self.rejected.push(record);
            return None;
        };
        record.unit = Some(unit.clone());
        if let (Some(y), Some(ny)) = (year, self.notice.year) {
            if y != ny {
                let label = record.label();
                let d = make(
                    &ar::WRONG_YEAR,
                    year_path.to_owned(),
                    params! {"input" => label, "unit" => unit, "year" => y, "notice_year" => ny},
                    Some(&Value::from(y)),
                );
                record.reason = Some(RejectReason::WrongYear);
                record.diagnostics.push(d);
                self.rejected.push(record);
                return None;
            }
        }
        Some(record)
    }

    /// [`Notice::official_unit_name`], remembered for each name as written: a roll-up sees the
    /// same dozen names again and again, and folds each once (not once per report).
    fn official_unit_name(&mut self, written: &str) -> Option<String> {
        if let Some(known) = self.names.get(written) {
            return known.clone();
        }
        let official = self.notice.official_unit_name(written).map(str::to_owned);
        self.names.insert(written.to_owned(), official.clone());
        official
    }

    fn add_submission(
        &mut self,
        record: InputRecord,
        kind: DocumentKind,
        value: &Json<'_>,
        file_modified: Option<DateTime<FixedOffset>>,
        repeats: Vec<Diagnostic>,
    ) {
        let mut outcome = validate_tree(Some(kind), value, None, &self.notice, None);
        outcome.diagnostics.splice(0..0, repeats);
        self.add_submission_outcome(record, kind, outcome, file_modified);
    }

    fn add_submission_outcome(
        &mut self,
        mut record: InputRecord,
        kind: DocumentKind,
        outcome: Outcome<Document<'_>>,
        file_modified: Option<DateTime<FixedOffset>>,
    ) {
        record.kind = Some(kind);
        // A row a Word / Excel form gave as text the import could not read (import.kept_as_text:
        // 「1500」 with no 人 or 人次) is one of the unit's findings too, beside the row's own
        // finding (row.missing): what the district wrote, and why it was not read, is then in
        // the list the unit is told to fix, not only on the input's record.
        let mut diagnostics = outcome.diagnostics;
        let prefix = if kind == DocumentKind::Submission { "/summary" } else { "" };
        for d in record.diagnostics.iter().filter(|d| d.code == "import.kept_as_text") {
            let mut d = d.clone();
            d.path = format!("{prefix}{}", d.path);
            diagnostics.push(d);
        }
        record.validation = Some(ValidationStatus::from_owned(diagnostics));
        let submission = match outcome.value {
            Some(Document::Submission(s)) => s,
            Some(Document::Summary(t)) => Submission { summary: Some(t), ..Default::default() },
            _ => Submission::default(),
        };
        let table = submission.summary.as_ref();
        let written = table.and_then(|t| t.host_unit.clone());
        let year = table.and_then(|t| t.year);
        let (unit_path, year_path) = match kind {
            DocumentKind::Summary => ("/host_unit", "/year"),
            _ => ("/summary/host_unit", "/summary/year"),
        };
        let Some(mut record) = self.recognise(record, written.as_deref(), year, unit_path, year_path) else {
            return;
        };
        record.submitted_at = submission.submitted_at;
        record.days_late = submission.submitted_at.and_then(|at| self.notice.days_late(at));
        // A report its unit's best so far already beats is never counted: its document, which
        // borrows from the input, is not made to own its text only to be dropped.
        self.candidates.push(Candidate { record, submission: None, file_modified });
        if self.keep_best(self.candidates.len() - 1) {
            if let Some(c) = self.candidates.last_mut() {
                c.submission = Some(Box::new(submission.into_owned()));
            }
        }
    }

    /// Candidate `i` against the best of its unit so far: the one that loses drops its 总结表
    /// (it can no longer be counted; its record is all a superseded report needs), the one that
    /// wins becomes the best. Among equal keys the later candidate wins, as in `finish`'s order.
    /// So a roll-up of 100,000 reports holds one document per unit, each dropped on the thread
    /// that read it, and never 100,000. Whether candidate `i` is now its unit's best.
    fn keep_best(&mut self, i: usize) -> bool {
        let Some(unit) = self.candidates.get(i).map(|c| c.record.unit.as_deref().unwrap_or_default()) else {
            return false;
        };
        let Some(&j) = self.best.get(unit) else {
            self.best.insert(unit.to_owned(), i);
            return true;
        };
        let (Some(b), Some(c)) = (self.candidates.get(j), self.candidates.get(i)) else { return false };
        let (lost, won) = if winner_key(b) > winner_key(c) { (i, j) } else { (j, i) };
        if won == i {
            let unit = unit.to_owned();
            self.best.insert(unit, i);
        }
        if let Some(loser) = self.candidates.get_mut(lost) {
            loser.submission = None;
        }
        won == i
    }

    fn add_plan(&mut self, record: InputRecord, value: &Json<'_>, repeats: Vec<Diagnostic>) {
        let mut outcome = validate_tree(Some(DocumentKind::Plan), value, None, &self.notice, None);
        outcome.diagnostics.splice(0..0, repeats);
        self.add_plan_outcome(record, outcome);
    }

    fn add_plan_outcome(&mut self, mut record: InputRecord, outcome: Outcome<Document<'_>>) {
        record.kind = Some(DocumentKind::Plan);
        record.validation = Some(ValidationStatus::from_owned(outcome.diagnostics));
        let plan = match outcome.value {
            Some(Document::Plan(p)) => p,
            _ => ActivityPlan::default(),
        };
        let Some(record) = self.recognise(record, plan.unit.as_deref(), plan.year, "/unit", "/year") else {
            return;
        };
        let topics = coverage::topics_in(&self.notice, &coverage::plan_texts(&plan));
        self.plans.push(PlanEntry { record, topics });
    }

    /// Combines two partial states (of the same notice and options) into one.
    ///
    /// ```
    /// use learning_week::aggregate::{AggregateInput, RollupState};
    /// let n = learning_week::Notice::nanchang_2021();
    /// let mut a = RollupState::new(&n, &Default::default());
    /// a.add(&AggregateInput::text(None, "1"));
    /// let b = RollupState::new(&n, &Default::default());
    /// assert_eq!(a.merge(b).inputs(), 1);
    /// ```
    pub fn merge(mut self, other: RollupState) -> RollupState {
        self.inputs += other.inputs;
        let offset = self.candidates.len();
        self.candidates.extend(other.candidates);
        // Each unit's best of `other` against this one's (`other`'s come later: they win ties).
        let mut theirs: Vec<usize> = other.best.into_values().map(|j| j + offset).collect();
        theirs.sort_unstable();
        for j in theirs {
            self.keep_best(j);
        }
        self.rejected.extend(other.rejected);
        self.plans.extend(other.plans);
        self.materials.extend(other.materials);
        self
    }

    /// Produces the roll-up. Everything is sorted, so the result depends only on the set of
    /// inputs, never on their order or on how partial states were merged.
    ///
    /// ```
    /// use learning_week::aggregate::RollupState;
    /// let r = RollupState::new(&learning_week::Notice::nanchang_2021(), &Default::default()).finish();
    /// assert!(r.accounting.is_balanced());
    /// ```
    pub fn finish(self) -> CityRollup {
        let workers = workers_for(self.candidates.len());
        self.finish_on(workers)
    }

    /// [`finish`](Self::finish) on up to `workers` threads (the findings of superseded reports).
    fn finish_on(self, workers: usize) -> CityRollup {
        let RollupState { notice, inputs, candidates, mut rejected, mut plans, mut materials, .. } = self;
        let order: Vec<String> = notice.units().iter().filter_map(|u| u.name.clone()).collect();
        // A unit's place in the notice's order, looked up once per record (not at every
        // comparison of a sort): the first place, as `position` gives.
        let mut places: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (i, o) in order.iter().enumerate() {
            places.entry(o.as_str()).or_insert(i);
        }
        let rank = |unit: Option<&str>| unit.and_then(|u| places.get(u).copied()).unwrap_or(usize::MAX);

        // Latest submitted_at wins; ties go to the larger content hash, then the larger id
        // (then the later added: `keep_best` relies on it). Sorted as (rank, index) pairs, the
        // candidates moved once into place afterwards.
        let mut keyed: Vec<(usize, usize)> =
            candidates.iter().enumerate().map(|(i, c)| (rank(c.record.unit.as_deref()), i)).collect();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| candidates.get(a.1).map(winner_key).cmp(&candidates.get(b.1).map(winner_key)))
                .then(a.1.cmp(&b.1))
        });
        let mut slots: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
        let mut winners: Vec<Candidate> = Vec::new();
        let mut superseded: Vec<(InputRecord, Option<DateTime<FixedOffset>>)> = Vec::new();
        let mut iter = keyed.iter().filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)).peekable();
        while let Some(c) = iter.next() {
            if iter.peek().is_some_and(|next| next.record.unit == c.record.unit) {
                superseded.push((c.record, c.file_modified));
            } else {
                winners.push(c);
            }
        }
        drop(iter);
        drop(slots);
        // What a superseded report is told of its unit's winner, worked out once per unit.
        let show = ShowTime::new(&notice);
        let shown = |r: &InputRecord| r.submitted_at.map_or_else(|| "—".to_owned(), |t| show.show(t));
        let told: Vec<(String, String)> =
            winners.iter().map(|w| (w.record.label(), shown(&w.record))).collect();
        let winner_of: Vec<Option<usize>> =
            superseded.iter().map(|(s, _)| winners.iter().position(|w| w.record.unit == s.unit)).collect();
        let mut superseded_of = vec![0usize; winners.len()];
        for k in winner_of.iter().flatten() {
            if let Some(n) = superseded_of.get_mut(*k) {
                *n += 1;
            }
        }
        // The finding of each superseded report, made on `workers` threads (each report's own;
        // a share whose thread fails is made on this one), then put in place in order.
        let findings = |from: usize, to: usize| -> Vec<Option<(String, Diagnostic)>> {
            let (part, ks) =
                (superseded.get(from..to).unwrap_or_default(), winner_of.get(from..to).unwrap_or_default());
            part.iter()
                .zip(ks)
                .map(|((s, s_modified), k)| {
                    let k = (*k)?;
                    let (w, (label, at)) = (winners.get(k)?, told.get(k)?);
                    Some((label.clone(), supersede(s, *s_modified, w, label, at, &show)))
                })
                .collect()
        };
        let n = superseded.len();
        let made: Vec<Option<(String, Diagnostic)>> = if workers <= 1 || n < PARALLEL_FROM {
            findings(0, n)
        } else {
            let share = n.div_ceil(workers);
            let findings = &findings;
            std::thread::scope(|scope| {
                let parts: Vec<_> = (0..n)
                    .step_by(share)
                    .map(|from| {
                        let to = (from + share).min(n);
                        (
                            from,
                            to,
                            std::thread::Builder::new().spawn_scoped(scope, move || findings(from, to)),
                        )
                    })
                    .collect();
                let mut made = Vec::with_capacity(n);
                for (from, to, handle) in parts {
                    made.extend(
                        handle.ok().and_then(|h| h.join().ok()).unwrap_or_else(|| findings(from, to)),
                    );
                }
                made
            })
        };
        let superseded: Vec<InputRecord> = superseded
            .into_iter()
            .zip(made)
            .map(|((mut s, _), made)| {
                if let Some((winner, d)) = made {
                    s.superseded_by = Some(winner);
                    s.diagnostics.push(d);
                }
                s
            })
            .collect();
        sort_keyed(
            &mut rejected,
            |r| (r.reason, rank(r.unit.as_deref())),
            |a, b| a.sort_key().cmp(&b.sort_key()),
        );
        sort_keyed(&mut materials, |m| rank(m.unit.as_deref()), |a, b| a.sort_key().cmp(&b.sort_key()));
        sort_keyed(
            &mut plans,
            |p| rank(p.record.unit.as_deref()),
            |a, b| a.record.sort_key().cmp(&b.record.sort_key()),
        );

        let unit_of = |c: &Candidate| c.record.unit.clone().unwrap_or_default();
        let reported_units: Vec<String> = winners.iter().map(unit_of).collect();
        let missing_units: Vec<String> =
            order.iter().filter(|u| !reported_units.contains(u)).cloned().collect();
        let expected = order.len();
        // In the order of the sort, each unit once (a clone per unit, not per superseded report).
        let mut duplicate_units: Vec<String> = Vec::new();
        for u in superseded.iter().filter_map(|s| s.unit.as_deref()) {
            if duplicate_units.last().is_none_or(|last| last != u) {
                duplicate_units.push(u.to_owned());
            }
        }
        let mut unknown_senders: Vec<String> = rejected
            .iter()
            .filter(|r| r.reason == Some(RejectReason::UnknownUnit))
            .filter_map(|r| r.unit_written.clone().filter(|w| !w.trim().is_empty()))
            .collect();
        sorting::sort_by(&mut unknown_senders, Ord::cmp);
        unknown_senders.dedup();
        let completeness = Completeness {
            expected,
            reported: reported_units.len(),
            rate_percent: (expected > 0)
                .then(|| (reported_units.len() as f64 * 1000.0 / expected as f64).round() / 10.0),
            duplicate_units,
            unknown_senders,
        };

        let late_units: Vec<LateUnit> = winners
            .iter()
            .filter_map(|c| {
                let days_late = c.record.days_late.filter(|d| *d > 0)?;
                Some(LateUnit {
                    unit: unit_of(c),
                    days_late,
                    submitted_at: c.record.submitted_at?,
                    input: c.record.label(),
                })
            })
            .collect();
        let reporting = notice.reporting.as_ref();
        let timeliness = Timeliness {
            deadline: reporting.and_then(|r| r.deadline),
            deadline_inclusive: reporting.and_then(|r| r.deadline_inclusive).unwrap_or(true),
            grace_days: reporting.and_then(|r| r.grace_days).unwrap_or(0),
            last_on_time_day: notice.last_on_time_day(),
            utc_offset: notice.utc_offset().to_string(),
            on_time_units: winners.iter().filter(|c| c.record.days_late == Some(0)).map(unit_of).collect(),
            unknown_units: winners.iter().filter(|c| c.record.days_late.is_none()).map(unit_of).collect(),
        };

        let figure =
            |f: for<'x> fn(&'x crate::summary::Participation<'static>) -> Option<&'x Count>| -> Vec<(String, Option<Count>)> {
                winners.iter().map(|c| (unit_of(c), participation(c).and_then(f).cloned())).collect()
            };
        let publicity =
            |f: for<'x> fn(&'x crate::summary::Publicity<'static>) -> Option<&'x Count>| -> Vec<(String, Option<Count>)> {
                winners
                    .iter()
                    .map(|c| (unit_of(c), table(c).and_then(|t| t.publicity.as_ref()).and_then(f).cloned()))
                    .collect()
            };
        let totals = Totals {
            participants: totals::sum_counts(&figure(|p| p.participants.as_ref()), true),
            main_venues: totals::sum_counts(&figure(|p| p.main_venues.as_ref()), false),
            sub_venues: totals::sum_counts(&figure(|p| p.sub_venues.as_ref()), false),
            units_total: totals::sum_counts(&figure(|p| p.units_total.as_ref()), false),
            units_participating: totals::sum_counts(&figure(|p| p.units_participating.as_ref()), false),
            text_reports: totals::sum_counts(&publicity(|p| p.text_reports.as_ref()), false),
            image_reports: totals::sum_counts(&publicity(|p| p.image_reports.as_ref()), false),
        };
        let mut notes = Vec::new();
        if totals.participants.is_mixed() {
            let zh: Vec<String> = totals
                .participants
                .by_kind
                .iter()
                .map(|k| format!("{} {} 个单位", k.unit.as_deref().unwrap_or("未注明"), k.units.len()))
                .collect();
            let en: Vec<String> = totals
                .participants
                .by_kind
                .iter()
                .map(|k| format!("{}: {}", k.kind.as_str(), k.units.len()))
                .collect();
            notes.push(make(
                &ar::PARTICIPANTS_MIXED_KINDS,
                String::new(),
                params! {"kinds" => zh.join("，"), "kinds_en" => en.join(", ")},
                None,
            ));
        }

        let outliers = find_outliers(&winners);
        let satisfaction = satisfaction::summarise(
            &winners
                .iter()
                .map(|c| {
                    let t = table(c);
                    (
                        unit_of(c),
                        t.and_then(|t| t.reach.as_ref()).and_then(|r| r.satisfaction.clone()),
                        participation(c).and_then(|p| p.participants.clone()),
                    )
                })
                .collect::<Vec<_>>(),
        );

        let evidence: Vec<coverage::UnitEvidence<'_>> = order
            .iter()
            .map(|u| {
                let winner = winners.iter().find(|c| c.record.unit.as_deref() == Some(u));
                let mut from_plans: Vec<String> = plans
                    .iter()
                    .filter(|p| p.record.unit.as_deref() == Some(u))
                    .flat_map(|p| p.topics.iter().cloned())
                    .collect();
                if let Some(p) = winner.and_then(|c| c.document().plan.as_ref()) {
                    from_plans.extend(coverage::topics_in(&notice, &coverage::plan_texts(p)));
                }
                let from_summary = winner
                    .and_then(table)
                    .map(|t| coverage::topics_in(&notice, &coverage::summary_texts(t)))
                    .unwrap_or_default();
                coverage::UnitEvidence { unit: u, reporting: winner.is_some(), from_plans, from_summary }
            })
            .collect();
        let topic_coverage = coverage::coverage(&notice, &evidence);

        let units: Vec<UnitRow> = order
            .iter()
            .map(|u| {
                let k = winners.iter().position(|c| c.record.unit.as_deref() == Some(u));
                // Every superseded report has its unit's winner (counted above, per winner).
                let superseded = k.and_then(|k| superseded_of.get(k)).copied().unwrap_or(0);
                match k.and_then(|k| winners.get(k)) {
                    None => UnitRow {
                        unit: u.clone(),
                        status: UnitStatus::Missing,
                        input: None,
                        submitted_at: None,
                        days_late: None,
                        participants: None,
                        main_venues: None,
                        sub_venues: None,
                        satisfaction: None,
                        superseded,
                        validation: None,
                    },
                    Some(c) => {
                        let p = participation(c);
                        UnitRow {
                            unit: u.clone(),
                            status: UnitStatus::Reported,
                            input: Some(c.record.label()),
                            submitted_at: c.record.submitted_at,
                            days_late: c.record.days_late,
                            participants: p.and_then(|p| p.participants.clone()),
                            main_venues: p.and_then(|p| p.main_venues.clone()),
                            sub_venues: p.and_then(|p| p.sub_venues.clone()),
                            satisfaction: table(c)
                                .and_then(|t| t.reach.as_ref())
                                .and_then(|r| r.satisfaction.clone()),
                            superseded,
                            validation: c.record.validation.clone(),
                        }
                    }
                }
            })
            .collect();

        let tables: Vec<(String, &SummaryTable<'static>)> =
            winners.iter().filter_map(|c| table(c).map(|t| (unit_of(c), t))).collect();
        let city_summary =
            city_summary::build(&notice, &tables, &totals, &satisfaction, &completeness, &late_units);
        let city_summary_validation =
            ValidationStatus::from_diagnostics(&crate::validate::check_summary(&city_summary, &notice, None));

        let accounting = Accounting {
            inputs,
            included: winners.into_iter().map(|c| c.record).collect(),
            superseded,
            rejected,
            plans: plans.into_iter().map(|p| p.record).collect(),
            materials,
        };
        CityRollup {
            year: notice.year,
            utc_offset: notice.utc_offset().to_string(),
            city: notice.city().map(str::to_owned),
            expected_units: expected,
            reported_units,
            missing_units,
            completeness,
            late_units,
            timeliness,
            accounting,
            totals,
            outliers,
            satisfaction,
            topic_coverage,
            units,
            notes,
            city_summary,
            city_summary_validation,
        }
    }
}

/// Sorts `items` (stably) by `key`, worked out once per item, then by `then`.
fn sort_keyed<T, K: Ord>(
    items: &mut Vec<T>,
    key: impl Fn(&T) -> K,
    then: impl Fn(&T, &T) -> std::cmp::Ordering,
) {
    let mut keyed: Vec<(K, T)> = items.drain(..).map(|t| (key(&t), t)).collect();
    sorting::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0).then_with(|| then(&a.1, &b.1)));
    items.extend(keyed.into_iter().map(|(_, t)| t));
}

/// [`Notice::show_time`] with the notice's zone worked out once: `2021-12-06 00:01 (+08:00)`.
struct ShowTime {
    zone: FixedOffset,
    /// ` (+08:00)`.
    suffix: String,
}

impl ShowTime {
    fn new(notice: &Notice) -> Self {
        let zone = notice.utc_offset();
        ShowTime { zone, suffix: format!(" ({zone})") }
    }

    fn show(&self, t: DateTime<FixedOffset>) -> String {
        let mut out = crate::times::local_minutes(t, self.zone, true);
        out.push_str(&self.suffix);
        out
    }

    /// Two times that decide between reports, each to the second when their minutes are the
    /// same (so 「14:42 晚于 14:42」 is never what a finding says).
    fn show_apart(&self, a: DateTime<FixedOffset>, b: DateTime<FixedOffset>) -> (String, String) {
        let (sa, sb) = (self.show(a), self.show(b));
        if sa != sb {
            return (sa, sb);
        }
        let seconds = |t: DateTime<FixedOffset>| {
            let mut out = crate::times::local_seconds(t, self.zone);
            out.push_str(&self.suffix);
            out
        };
        (seconds(a), seconds(b))
    }
}

/// The finding that `s` is superseded by its unit's winner `w` (labelled `winner`, its 报送时间
/// shown as `winner_at`).
fn supersede(
    s: &InputRecord,
    s_modified: Option<DateTime<FixedOffset>>,
    w: &Candidate,
    winner: &str,
    winner_at: &str,
    show: &ShowTime,
) -> Diagnostic {
    let at = s.submitted_at.map_or_else(|| "—".to_owned(), |t| show.show(t));
    // The same 报送时间: say what decided, never 「较晚」.
    if s.submitted_at.is_some() && s.submitted_at == w.record.submitted_at {
        let (decided, decided_en) = match (s_modified, w.file_modified) {
            (Some(a), Some(b)) if b > a => {
                let (a, b) = show.show_apart(a, b);
                (format!("文件修改时间较晚（{b} 晚于 {a}）"), format!("its file was modified later ({b} after {a})"))
            }
            _ => (
                "文件修改时间相同或未知，按内容摘要次序选定，请核对哪一份是更正稿".to_owned(),
                "the file times are equal or unknown, so the content hash decided — check which is the correction".to_owned(),
            ),
        };
        return make(
            &ar::SUPERSEDED_SAME_TIME,
            "/submitted_at".into(),
            params! {"unit" => s.unit.clone(), "input" => s.label(), "submitted_at" => at,
            "winner" => winner, "decided" => decided, "decided_en" => decided_en},
            None,
        );
    }
    make(
        &ar::DUPLICATE_SUBMISSION,
        "/submitted_at".into(),
        params! {"unit" => s.unit.clone(), "input" => s.label(), "submitted_at" => at,
        "winner" => winner, "winner_submitted_at" => winner_at},
        None,
    )
}

fn table(c: &Candidate) -> Option<&SummaryTable<'static>> {
    c.document().summary.as_ref()
}

fn participation(c: &Candidate) -> Option<&crate::summary::Participation<'static>> {
    table(c).and_then(|t| t.participation.as_ref())
}

/// From how many times the median of the other units a unit's participants are flagged.
pub const OUTLIER_FACTOR: u64 = 10;

/// Flags participants at or above [`OUTLIER_FACTOR`] × the median of the other units (when at least
/// two others gave a figure) and sub-venues above participants.
fn find_outliers(winners: &[Candidate]) -> Vec<UnitFinding> {
    let participants = |c: &Candidate| -> Option<Count> {
        c.document().summary.as_ref()?.participation.as_ref()?.participants.clone()
    };
    let mut values: Vec<u64> = winners.iter().filter_map(|c| participants(c).map(|p| p.value)).collect();
    sorting::sort_by(&mut values, Ord::cmp);
    let mut out = Vec::new();
    for c in winners {
        let unit = c.record.unit.clone().unwrap_or_default();
        let Some(p) = participants(c) else { continue };
        // The others are `values` without one copy of p.value: index past it.
        let others = values.len().saturating_sub(1);
        if others >= 2 {
            let pos = values.partition_point(|v| *v < p.value);
            let at = |k: usize| values.get(if k < pos { k } else { k + 1 }).copied().unwrap_or(0);
            let median2 = if others % 2 == 1 {
                2 * u128::from(at(others / 2))
            } else {
                u128::from(at(others / 2 - 1)) + u128::from(at(others / 2))
            };
            // value ≥ 10 × median  ⇔  2·value ≥ 10 × (2·median), in integers. "At least", not
            // "more than": one extra zero (350000 for 35000) gives exactly ten times.
            if median2 > 0 && 2 * u128::from(p.value) >= u128::from(OUTLIER_FACTOR) * median2 {
                let median = median2 as f64 / 2.0;
                let ratio = ((p.value as f64 / median) * 10.0).round() / 10.0;
                out.push(UnitFinding {
                    unit: unit.clone(),
                    input: c.record.label(),
                    diagnostic: make(
                        &ar::PARTICIPANTS_OUTLIER,
                        "/summary/participation/participants".into(),
                        params! {"unit" => unit.clone(), "value" => p.display_zh(), "median" => median, "ratio" => ratio},
                        Some(&Value::from(p.value)),
                    ),
                });
            }
        }
        let sub = c.document().summary.as_ref().and_then(|t| t.participation.as_ref()?.sub_venues.clone());
        if let Some(sub) = sub {
            let sub_low = if sub.qualifier == Qualifier::AtMost { 0 } else { sub.value };
            let p_high = if p.qualifier == Qualifier::AtLeast { None } else { Some(p.value) };
            if p_high.is_some_and(|h| sub_low > h) {
                out.push(UnitFinding {
                    unit: unit.clone(),
                    input: c.record.label(),
                    diagnostic: make(
                        &ar::SUB_VENUES_EXCEED_PARTICIPANTS,
                        "/summary/participation/sub_venues".into(),
                        params! {"unit" => unit, "sub_venues" => sub.display_zh(), "participants" => p.display_zh(),
                        "related" => ["/summary/participation/participants"]},
                        Some(&Value::from(sub.value)),
                    ),
                });
            }
        }
    }
    out
}
