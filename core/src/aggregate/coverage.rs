//! Topic coverage: for each topic and focus item the notice recommends, which units covered it,
//! read from their plans' activities and their 总结表's featured activities.

use crate::notice::{Notice, Topic};
use crate::plan::ActivityPlan;
use crate::summary::SummaryTable;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 覆盖单位 / a unit that covered a topic, and where that was seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CoveringUnit {
    /// 单位 / the unit (official name).
    pub unit: String,
    /// 见于方案 / an activity of its plan matches.
    pub from_plan: bool,
    /// 见于总结表 / a featured activity of its 总结表 matches.
    pub from_summary: bool,
}

/// 主题覆盖 / one recommended topic or focus item and the units that covered it.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateInput, AggregateOptions};
/// let sub = serde_json::json!({"submitted_at": "2021-12-01T10:00:00+08:00", "summary": {"year": 2021,
///     "host_unit": "东湖区", "participation": {"featured_activities": [{"name": "“双减”课后服务进社区"}]}}});
/// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[AggregateInput::json(None, sub)], &AggregateOptions::default());
/// let dr = r.topic_coverage.iter().find(|t| t.key.as_deref() == Some("double_reduction")).unwrap();
/// assert!(dr.focus);
/// assert_eq!(dr.units[0].unit, "东湖区");
/// assert!(dr.units[0].from_summary && !dr.units[0].from_plan);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TopicCoverage {
    /// 标识 / the topic's key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// 名称 / the notice's name for it.
    pub name: String,
    /// 重点开展 / a focus item (双减, 智慧助老) rather than a recommended topic.
    pub focus: bool,
    /// 覆盖单位 / units that covered it, in the notice's order.
    pub units: Vec<CoveringUnit>,
    /// 未覆盖的报送单位 / reporting units that did not (by what they sent).
    pub reporting_units_not_covering: Vec<String>,
}

/// The texts of a plan's activities, for matching.
pub(crate) fn plan_texts(plan: &ActivityPlan<'_>) -> Vec<String> {
    plan.activities.iter().flatten().map(|a| a.search_text()).collect()
}

/// The texts of a 总结表's featured activities (name, description, topics), for matching.
pub(crate) fn summary_texts(table: &SummaryTable<'_>) -> Vec<String> {
    let featured = table.participation.as_ref().and_then(|p| p.featured_activities.as_ref());
    featured
        .into_iter()
        .flatten()
        .map(|f| {
            let mut s = f.name.as_deref().unwrap_or_default().to_owned();
            for t in f.description.iter().chain(f.topics.iter().flatten()) {
                s.push(' ');
                s.push_str(t);
            }
            s
        })
        .collect()
}

/// The keys (or names) of the notice's topics that any of `texts` mentions.
pub(crate) fn topics_in(notice: &Notice, texts: &[String]) -> Vec<String> {
    notice.topics().into_iter().filter(|t| texts.iter().any(|x| t.matches(x))).map(topic_id).collect()
}

/// A topic's identity: its key, else its name.
pub(crate) fn topic_id(t: &Topic) -> String {
    t.key.clone().or_else(|| t.name.clone()).unwrap_or_default()
}

/// One unit's evidence: topic ids seen in its plans and in its 总结表.
pub(crate) struct UnitEvidence<'a> {
    pub unit: &'a str,
    pub reporting: bool,
    pub from_plans: Vec<String>,
    pub from_summary: Vec<String>,
}

/// Builds the coverage table; `evidence` is in the notice's unit order.
pub(crate) fn coverage(notice: &Notice, evidence: &[UnitEvidence<'_>]) -> Vec<TopicCoverage> {
    let focus_ids: Vec<String> = notice.focus_items().iter().map(topic_id).collect();
    // A notice lists a handful of topics: a Vec is enough to skip the repeats.
    let mut seen: Vec<(String, bool)> = Vec::new();
    let mut out = Vec::new();
    for t in notice.topics() {
        let id = topic_id(t);
        let focus = focus_ids.contains(&id);
        if seen.iter().any(|(i, f)| *i == id && *f == focus) {
            continue;
        }
        seen.push((id.clone(), focus));
        let mut units = Vec::new();
        let mut not_covering = Vec::new();
        for e in evidence {
            let from_plan = e.from_plans.contains(&id);
            let from_summary = e.from_summary.contains(&id);
            if from_plan || from_summary {
                units.push(CoveringUnit { unit: e.unit.to_owned(), from_plan, from_summary });
            } else if e.reporting {
                not_covering.push(e.unit.to_owned());
            }
        }
        out.push(TopicCoverage {
            key: t.key.clone(),
            name: t.name.clone().unwrap_or_default(),
            focus,
            units,
            reporting_units_not_covering: not_covering,
        });
    }
    out
}
