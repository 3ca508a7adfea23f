//! Checked views: a 总结表 that validated without errors, with the rows the form requires as
//! plain values instead of `Option`s — the pydantic habit of a validated model. The lenient
//! model ([`SummaryTable`]) stays for half-filled forms; nothing changes in the JSON.
//!
//! ```
//! use learning_week::{checked::CheckedSummary, SummaryTable};
//! let t = SummaryTable { host_unit: Some("东湖区".into()), ..Default::default() };
//! let missing = t.into_checked().unwrap_err(); // rows are missing: the lenient model comes back
//! assert_eq!(missing.host_unit.as_deref(), Some("东湖区"));
//! ```

use crate::count::Count;
use crate::notice::Role;
use crate::plan::Leader;
use crate::satisfaction::Satisfaction;
use crate::summary::{
    FeaturedActivity, Leadership, Organizer, Participation, Publicity, Reach, SummaryTable, ThemeAndContent,
};
use chrono::NaiveDate;

/// A 总结表 whose required rows are all there.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedSummary {
    /// 年度
    pub year: i32,
    /// 举办县区
    pub host_unit: String,
    /// 主办单位及协办单位 (at least one)
    pub organizers: Vec<CheckedOrganizer>,
    /// 组织领导
    pub leadership: CheckedLeadership,
    /// 活动参与情况
    pub participation: CheckedParticipation,
    /// 活动主题与内容
    pub theme_and_content: CheckedThemeAndContent,
    /// 活动的群众性
    pub reach: CheckedReach,
    /// 宣传报道
    pub publicity: CheckedPublicity,
    /// 其他 (optional on the form)
    pub other: Option<String>,
}

/// 主办单位及协办单位: one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedOrganizer {
    /// 单位名称
    pub name: String,
    /// 角色, when the form gives it (never guessed)
    pub role: Option<Role>,
}

/// 组织领导
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedLeadership {
    /// 下发活动文件的部门 (at least one)
    pub issuing_departments: Vec<String>,
    /// 出席活动（开幕式）的领导 (at least one)
    pub attending_leaders: Vec<Leader<'static>>,
    /// 具体协调部门
    pub coordinating_department: String,
    /// 制定活动方案部门
    pub planning_department: String,
}

/// 活动参与情况
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedParticipation {
    /// 全市区数
    pub units_total: Count,
    /// 参与活动的数量
    pub units_participating: Count,
    /// 主会场数量
    pub main_venues: Count,
    /// 分会场数量
    pub sub_venues: Count,
    /// 参加活动人数
    pub participants: Count,
    /// 有特色的活动
    pub featured_activities: Vec<FeaturedActivity<'static>>,
}

/// 活动主题与内容
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedThemeAndContent {
    /// 活动主题
    pub theme: String,
    /// 活动内容
    pub content: String,
    /// 活动成效
    pub outcomes: String,
    /// 活动时间: first day
    pub start: NaiveDate,
    /// 活动时间: last day, inclusive
    pub end: NaiveDate,
}

/// 活动的群众性
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedReach {
    /// 活动范围
    pub scope: String,
    /// 群众满意度 (optional on the form)
    pub satisfaction: Option<Satisfaction>,
    /// 自我评价
    pub self_assessment: String,
}

/// 宣传报道
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedPublicity {
    /// 宣传范围
    pub scope: String,
    /// 文字报道
    pub text_reports: Count,
    /// 影像图片报道
    pub image_reports: Count,
}

/// The parts of a table, taken out; `None` as soon as a required one is absent.
fn take(t: &mut SummaryTable<'_>) -> Option<CheckedSummary> {
    use crate::decode::IntoOwned;
    let text = |s: &Option<crate::decode::Text<'_>>| s.as_deref().map(str::to_owned);
    let organizers = t
        .organizers
        .as_ref()?
        .iter()
        .map(|o: &Organizer<'_>| Some(CheckedOrganizer { name: text(&o.name)?, role: o.role }))
        .collect::<Option<Vec<_>>>()
        .filter(|v| !v.is_empty())?;
    let l: &Leadership<'_> = t.leadership.as_ref()?;
    let leadership = CheckedLeadership {
        issuing_departments: l
            .issuing_departments
            .as_ref()
            .filter(|v| !v.is_empty())?
            .iter()
            .map(|s| s.to_string())
            .collect(),
        attending_leaders: l.attending_leaders.clone().filter(|v| !v.is_empty())?.into_owned(),
        coordinating_department: text(&l.coordinating_department)?,
        planning_department: text(&l.planning_department)?,
    };
    let p: &Participation<'_> = t.participation.as_ref()?;
    let participation = CheckedParticipation {
        units_total: p.units_total.clone()?,
        units_participating: p.units_participating.clone()?,
        main_venues: p.main_venues.clone()?,
        sub_venues: p.sub_venues.clone()?,
        participants: p.participants.clone()?,
        featured_activities: p.featured_activities.clone()?.into_owned(),
    };
    let c: &ThemeAndContent<'_> = t.theme_and_content.as_ref()?;
    let period = c.period.as_ref()?;
    let theme_and_content = CheckedThemeAndContent {
        theme: text(&c.theme)?,
        content: text(&c.content)?,
        outcomes: text(&c.outcomes)?,
        start: period.start?,
        end: period.end?,
    };
    let r: &Reach<'_> = t.reach.as_ref()?;
    let reach = CheckedReach {
        scope: text(&r.scope)?,
        satisfaction: r.satisfaction.clone(),
        self_assessment: text(&r.self_assessment)?,
    };
    let pb: &Publicity<'_> = t.publicity.as_ref()?;
    let publicity = CheckedPublicity {
        scope: text(&pb.scope)?,
        text_reports: pb.text_reports.clone()?,
        image_reports: pb.image_reports.clone()?,
    };
    Some(CheckedSummary {
        year: t.year?,
        host_unit: text(&t.host_unit)?,
        organizers,
        leadership,
        participation,
        theme_and_content,
        reach,
        publicity,
        other: text(&t.other),
    })
}

impl<'a> SummaryTable<'a> {
    /// The checked view of this table, or the table itself back (boxed) when a required row is absent
    /// (validate it to learn which: `row.missing` names each).
    ///
    /// ```
    /// use learning_week::SummaryTable;
    /// let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nanchang-2021/submissions/donghu.submission.json")).unwrap();
    /// let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    /// let t: SummaryTable = serde_json::from_value(v["summary"].clone()).unwrap();
    /// let c = t.into_checked().unwrap();
    /// assert_eq!((c.year, c.host_unit.as_str()), (2021, "东湖区"));
    /// assert!(c.theme_and_content.start <= c.theme_and_content.end);
    /// ```
    pub fn into_checked(mut self) -> Result<CheckedSummary, Box<SummaryTable<'a>>> {
        take(&mut self).ok_or_else(|| Box::new(self))
    }
}
