//! 活动计划和实施方案（含开幕式）: what a unit plans before the week.

use crate::count::Count;
use crate::decode::{decode_via_enum, model};
use crate::notice::NON_BLANK;
use crate::period::Period;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use validator::Validate;

model! {
    /// 活动计划和实施方案 / a unit's activity plan, including the opening ceremony.
    ///
    /// ```
    /// use learning_week::ActivityPlan;
    /// let p: ActivityPlan = serde_json::from_str(r#"{"unit": "南昌县", "activities": [{"name": "乡村振兴讲堂"}]}"#).unwrap();
    /// assert_eq!(p.activities.unwrap()[0].name.as_deref(), Some("乡村振兴讲堂"));
    /// ```
    pub struct ActivityPlan {
        /// 年度 / year.
        #[validate(required)]
        #[schemars(title = "年度")]
        pub year: Option<i32>,
        /// 县区 / the unit that made the plan.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "县区")]
        pub unit: Option<String>,
        /// 制定方案部门 / drafting department.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "制定方案部门")]
        pub drafting_department: Option<String>,
        /// 活动主题 / theme.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "活动主题")]
        pub theme: Option<String>,
        /// 开幕式 / opening ceremony.
        #[validate(nested)]
        #[schemars(title = "开幕式")]
        pub opening_ceremony: Option<OpeningCeremony>,
        /// 活动安排 / planned activities.
        #[validate(required, nested)]
        #[schemars(title = "活动安排")]
        pub activities: Option<Vec<Activity>>,
        /// 疫情防控 / epidemic prevention: who is responsible, what measures.
        #[validate(nested)]
        #[schemars(title = "疫情防控")]
        pub epidemic_prevention: Option<EpidemicPrevention>,
        /// 安全措施 / safety measures.
        #[schemars(title = "安全措施")]
        pub safety_measures: Option<Vec<String>>,
        /// 经费保障 / funding.
        #[schemars(title = "经费保障")]
        pub funding: Option<String>,
        /// 宣传渠道 / publicity channels.
        #[schemars(title = "宣传渠道")]
        pub publicity_channels: Option<Vec<String>>,
        /// 向市民开放的场馆 / venues opened to citizens.
        #[schemars(title = "开放场馆")]
        pub open_venues: Option<Vec<String>>,
        /// 农村社区教育 / rural outreach (required of 涉农县区).
        #[schemars(title = "农村社区教育")]
        pub rural_outreach: Option<Vec<String>>,
    }
}

model! {
    /// 领导 / a leader: title and name.
    pub struct Leader {
        /// 职务 / title (区教体局局长).
        #[schemars(title = "职务")]
        pub title: Option<String>,
        /// 姓名 / name.
        #[schemars(title = "姓名")]
        pub name: Option<String>,
    }
}

model! {
    /// 开幕式 / the opening ceremony.
    pub struct OpeningCeremony {
        /// 日期 / date.
        #[validate(required)]
        #[schemars(title = "日期")]
        pub date: Option<NaiveDate>,
        /// 地点 / venue.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "地点")]
        pub venue: Option<String>,
        /// 出席领导 / leaders expected.
        #[validate(nested)]
        #[schemars(title = "出席领导")]
        pub leaders: Option<Vec<Leader>>,
    }
}

/// 活动方式 / online, offline or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// 线上
    Online,
    /// 线下
    Offline,
    /// 线上线下相结合
    Hybrid,
}

impl Mode {
    /// Every mode's JSON name.
    pub const NAMES: [&'static str; 3] = ["online", "offline", "hybrid"];
}
decode_via_enum!(Mode, Mode::NAMES);

model! {
    /// 活动 / one planned activity.
    pub struct Activity {
        /// 活动名称 / name.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "活动名称")]
        pub name: Option<String>,
        /// 主题 / topics (双减, 智慧助老, 职业技能培训 …).
        #[schemars(title = "主题")]
        pub topics: Option<Vec<String>>,
        /// 形式 / form (讲座, 培训, 观摩, 座谈 …).
        #[schemars(title = "形式")]
        pub form: Option<String>,
        /// 方式 / online, offline or hybrid.
        #[schemars(title = "方式")]
        pub mode: Option<Mode>,
        /// 时间 / dates.
        #[validate(nested)]
        #[schemars(title = "时间")]
        pub period: Option<Period>,
        /// 地点 / venue.
        #[schemars(title = "地点")]
        pub venue: Option<String>,
        /// 承办单位 / organiser.
        #[schemars(title = "承办单位")]
        pub organiser: Option<String>,
        /// 参与对象 / target groups.
        #[schemars(title = "参与对象")]
        pub target_groups: Option<Vec<String>>,
        /// 预计参与人数 / expected participants.
        #[schemars(title = "预计参与人数")]
        pub expected_participants: Option<Count>,
    }
}

impl Activity {
    /// Name, topics and form joined, for topic matching.
    ///
    /// ```
    /// use learning_week::plan::Activity;
    /// let a: Activity = serde_json::from_str(r#"{"name": "智慧助老课堂", "topics": ["智能技术"]}"#).unwrap();
    /// assert!(a.search_text().contains("智能技术"));
    /// ```
    pub fn search_text(&self) -> String {
        let mut s = self.name.clone().unwrap_or_default();
        for t in self.topics.iter().flatten().chain(self.form.iter()) {
            s.push(' ');
            s.push_str(t);
        }
        s
    }
}

model! {
    /// 疫情防控 / epidemic prevention: the responsible party and the measures.
    pub struct EpidemicPrevention {
        /// 主体责任单位 / who bears the responsibility.
        #[schemars(title = "主体责任单位")]
        pub responsible: Option<String>,
        /// 防控措施 / measures.
        #[schemars(title = "防控措施")]
        pub measures: Option<Vec<String>>,
    }
}
