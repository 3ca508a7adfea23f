//! 活动计划和实施方案（含开幕式）: what a unit plans before the week.

use crate::count::Count;
use crate::decode::{decode_via_enum, model, Text};
use crate::period::Period;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

model! {
    /// 活动计划和实施方案 / a unit's activity plan, including the opening ceremony.
    ///
    /// ```
    /// use learning_week::ActivityPlan;
    /// let p: ActivityPlan = serde_json::from_str(r#"{"unit": "南昌县", "activities": [{"name": "乡村振兴讲堂"}]}"#).unwrap();
    /// assert_eq!(p.activities.unwrap()[0].name.as_deref(), Some("乡村振兴讲堂"));
    /// ```
    pub struct ActivityPlan<'a> {
        /// 年度 / year.
        #[validate(required)]
        pub year: Option<i32> => "年度",
        /// 县区 / the unit that made the plan.
        #[validate(required)]
        pub unit: Option<Text<'a>> => "县区", check non_blank,
        /// 制定方案部门 / drafting department.
        #[validate(required)]
        pub drafting_department: Option<Text<'a>> => "制定方案部门", check non_blank,
        /// 活动主题 / theme.
        #[validate(required)]
        pub theme: Option<Text<'a>> => "活动主题", check non_blank,
        /// 开幕式 / opening ceremony.
        #[validate(nested)]
        pub opening_ceremony: Option<OpeningCeremony<'a>> => "开幕式",
        /// 活动安排 / planned activities.
        #[validate(required, nested)]
        pub activities: Option<Vec<Activity<'a>>> => "活动安排",
        /// 疫情防控 / epidemic prevention: who is responsible, what measures.
        #[validate(nested)]
        pub epidemic_prevention: Option<EpidemicPrevention<'a>> => "疫情防控",
        /// 安全措施 / safety measures.
        pub safety_measures: Option<Vec<Text<'a>>> => "安全措施",
        /// 经费保障 / funding.
        pub funding: Option<Text<'a>> => "经费保障",
        /// 宣传渠道 / publicity channels.
        pub publicity_channels: Option<Vec<Text<'a>>> => "宣传渠道",
        /// 向市民开放的场馆 / venues opened to citizens.
        pub open_venues: Option<Vec<Text<'a>>> => "开放场馆",
        /// 农村社区教育 / rural outreach (required of 涉农县区).
        pub rural_outreach: Option<Vec<Text<'a>>> => "农村社区教育",
    }
}

model! {
    /// 领导 / a leader: title and name.
    pub struct Leader<'a> {
        /// 职务 / title (区教体局局长).
        pub title: Option<Text<'a>> => "职务",
        /// 姓名 / name.
        pub name: Option<Text<'a>> => "姓名",
    }
}

model! {
    /// 开幕式 / the opening ceremony.
    pub struct OpeningCeremony<'a> {
        /// 日期 / date.
        #[validate(required)]
        pub date: Option<NaiveDate> => "日期",
        /// 地点 / venue.
        #[validate(required)]
        pub venue: Option<Text<'a>> => "地点", check non_blank,
        /// 出席领导 / leaders expected.
        #[validate(nested)]
        pub leaders: Option<Vec<Leader<'a>>> => "出席领导",
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
    pub struct Activity<'a> {
        /// 活动名称 / name.
        #[validate(required)]
        pub name: Option<Text<'a>> => "活动名称", check non_blank,
        /// 主题 / topics (双减, 智慧助老, 职业技能培训 …).
        pub topics: Option<Vec<Text<'a>>> => "主题",
        /// 形式 / form (讲座, 培训, 观摩, 座谈 …).
        pub form: Option<Text<'a>> => "形式",
        /// 方式 / online, offline or hybrid.
        pub mode: Option<Mode> => "方式",
        /// 时间 / dates.
        #[validate(nested)]
        pub period: Option<Period> => "时间",
        /// 地点 / venue.
        pub venue: Option<Text<'a>> => "地点",
        /// 承办单位 / organiser.
        pub organiser: Option<Text<'a>> => "承办单位",
        /// 参与对象 / target groups.
        pub target_groups: Option<Vec<Text<'a>>> => "参与对象",
        /// 预计参与人数 / expected participants.
        pub expected_participants: Option<Count> => "预计参与人数",
    }
}

impl Activity<'_> {
    /// Name, topics and form joined, for topic matching.
    ///
    /// ```
    /// use learning_week::plan::Activity;
    /// let a: Activity = serde_json::from_str(r#"{"name": "智慧助老课堂", "topics": ["智能技术"]}"#).unwrap();
    /// assert!(a.search_text().contains("智能技术"));
    /// ```
    pub fn search_text(&self) -> String {
        let parts = || self.topics.iter().flatten().chain(self.form.iter());
        let len = self.name.as_deref().map_or(0, str::len) + parts().map(|t| t.len() + 1).sum::<usize>();
        let mut s = String::with_capacity(len);
        s.push_str(self.name.as_deref().unwrap_or_default());
        for t in parts() {
            s.push(' ');
            s.push_str(t);
        }
        s
    }
}

model! {
    /// 疫情防控 / epidemic prevention: the responsible party and the measures.
    pub struct EpidemicPrevention<'a> {
        /// 主体责任单位 / who bears the responsibility.
        pub responsible: Option<Text<'a>> => "主体责任单位",
        /// 防控措施 / measures.
        pub measures: Option<Vec<Text<'a>>> => "防控措施",
    }
}
