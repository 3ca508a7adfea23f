//! 总结表: the attachment's form, every row typed; free-text rows stay text.
//!
//! JSON keys are a public contract (web forms, Python users, outside tests):
//! `year`, `host_unit`, `organizers`, `leadership`, `participation`, `theme_and_content`,
//! `reach`, `publicity`, `other`.

use crate::count::Count;
use crate::decode::{model, Text};
use crate::notice::Role;
use crate::period::Period;
use crate::plan::Leader;
use crate::satisfaction::Satisfaction;

model! {
    /// 总结表 / the summary table a unit fills after the week.
    ///
    /// ```
    /// use learning_week::SummaryTable;
    /// let t: SummaryTable = serde_json::from_str(r#"{"year": 2021, "host_unit": "东湖区"}"#).unwrap();
    /// assert_eq!(t.host_unit.as_deref(), Some("东湖区"));
    /// assert!(t.participation.is_none()); // half-filled tables are representable
    /// ```
    pub struct SummaryTable<'a> {
        /// 年度 / the year of the week reported on.
        #[validate(required)]
        pub year: Option<i32> => "年度",
        /// 举办县区 / the reporting unit (official name or an alias the notice knows).
        #[validate(required)]
        pub host_unit: Option<Text<'a>> => "举办县区", check non_blank,
        /// 主办单位及协办单位 / organisers with their roles.
        #[validate(required, length(min = 1, code = "row.blank"), nested)]
        pub organizers: Option<Vec<Organizer<'a>>> => "主办单位及协办单位",
        /// 组织领导 / leadership.
        #[validate(required, nested)]
        pub leadership: Option<Leadership<'a>> => "组织领导",
        /// 活动参与情况 / participation.
        #[validate(required, nested)]
        pub participation: Option<Participation<'a>> => "活动参与情况",
        /// 活动主题与内容 / theme and content.
        #[validate(required, nested)]
        pub theme_and_content: Option<ThemeAndContent<'a>> => "活动主题与内容",
        /// 活动的群众性 / reach.
        #[validate(required, nested)]
        pub reach: Option<Reach<'a>> => "活动的群众性",
        /// 宣传报道 / publicity.
        #[validate(required, nested)]
        pub publicity: Option<Publicity<'a>> => "宣传报道",
        /// 其他 / anything else.
        pub other: Option<Text<'a>> => "其他",
    }
}

model! {
    /// 主办单位及协办单位 / one organiser and its role.
    pub struct Organizer<'a> {
        /// 单位名称 / organisation name.
        #[validate(required)]
        pub name: Option<Text<'a>> => "单位名称", check non_blank,
        /// 角色 / role (主办 host, 承办 undertaker, 协办 co_organiser, 组织实施 implementer, 支持 supporter).
        pub role: Option<Role> => "角色",
    }
}

model! {
    /// 组织领导 / leadership rows.
    pub struct Leadership<'a> {
        /// 下发活动文件的部门 / departments that issued the unit's documents.
        #[validate(required, length(min = 1, code = "row.blank"))]
        pub issuing_departments: Option<Vec<Text<'a>>> => "下发活动文件的部门", each non_blank,
        /// 出席活动（开幕式）的领导 / leaders who attended (title and name).
        #[validate(required, length(min = 1, code = "row.blank"), nested)]
        pub attending_leaders: Option<Vec<Leader<'a>>> => "出席活动（开幕式）的领导",
        /// 具体协调部门 / coordinating department.
        #[validate(required)]
        pub coordinating_department: Option<Text<'a>> => "具体协调部门", check non_blank,
        /// 制定活动方案部门 / department that drew up the plan.
        #[validate(required)]
        pub planning_department: Option<Text<'a>> => "制定活动方案部门", check non_blank,
    }
}

model! {
    /// 有特色的活动 / one featured activity.
    pub struct FeaturedActivity<'a> {
        /// 活动名称 / name, as in the plan.
        #[validate(required)]
        pub name: Option<Text<'a>> => "活动名称", check non_blank,
        /// 活动简介 / short description.
        pub description: Option<Text<'a>> => "活动简介",
        /// 涉及主题 / topics it covered (双减, 智慧助老, 职业技能培训 …).
        pub topics: Option<Vec<Text<'a>>> => "涉及主题",
    }
}

model! {
    /// 活动参与情况 / participation rows.
    pub struct Participation<'a> {
        /// 全市区数 / units (streets, towns, sub-units) in the reporting area.
        #[validate(required)]
        pub units_total: Option<Count> => "全市区数",
        /// 参与活动的数量 / how many of them took part.
        #[validate(required)]
        pub units_participating: Option<Count> => "参与活动的数量",
        /// 主会场数量 / main venues.
        #[validate(required)]
        pub main_venues: Option<Count> => "主会场数量",
        /// 分会场数量 / sub-venues.
        #[validate(required)]
        pub sub_venues: Option<Count> => "分会场数量",
        /// 参加活动人数 / participants (人 or 人次, with qualifier).
        #[validate(required)]
        pub participants: Option<Count> => "参加活动人数",
        /// 有特色的活动 / featured activities.
        #[validate(required, nested)]
        pub featured_activities: Option<Vec<FeaturedActivity<'a>>> => "有特色的活动",
    }
}

model! {
    /// 活动主题与内容 / theme and content rows.
    pub struct ThemeAndContent<'a> {
        /// 活动主题 / theme (should carry the notice's theme).
        #[validate(required)]
        pub theme: Option<Text<'a>> => "活动主题", check non_blank,
        /// 活动内容 / content.
        #[validate(required)]
        pub content: Option<Text<'a>> => "活动内容", check non_blank,
        /// 活动成效 / outcomes.
        #[validate(required)]
        pub outcomes: Option<Text<'a>> => "活动成效", check non_blank,
        /// 活动时间 / period of the unit's activities.
        #[validate(required, nested)]
        pub period: Option<Period> => "活动时间",
    }
}

model! {
    /// 活动的群众性 / reach rows.
    pub struct Reach<'a> {
        /// 活动范围（包括参与活动的街道、企事业单位等）/ scope.
        #[validate(required)]
        pub scope: Option<Text<'a>> => "活动范围（包括参与活动的街道、企事业单位等）", check non_blank,
        /// 群众满意度 / satisfaction: a percentage or a level; may be absent (most real summaries give none).
        pub satisfaction: Option<Satisfaction> => "群众满意度",
        /// 自我评价 / self-assessment.
        #[validate(required)]
        pub self_assessment: Option<Text<'a>> => "自我评价", check non_blank,
    }
}

model! {
    /// 宣传报道 / publicity rows.
    pub struct Publicity<'a> {
        /// 宣传范围 / scope (channels and media).
        #[validate(required)]
        pub scope: Option<Text<'a>> => "宣传范围", check non_blank,
        /// 文字报道 / number of text reports.
        #[validate(required)]
        pub text_reports: Option<Count> => "文字报道",
        /// 影像图片报道 / number of image and video reports.
        #[validate(required)]
        pub image_reports: Option<Count> => "影像图片报道",
        /// 影像图片报道中的视频 / the videos of 影像图片报道 when the cell counts them apart
        /// (「图片200余张，视频5个」): never added to the images.
        pub video_reports: Option<Count> => "影像图片报道（视频）",
    }
}

impl SummaryTable<'_> {
    /// Pointers (relative to the table) of list items that say nothing: a department name that is
    /// blank, a leader with neither title nor name. Checked with the field rules (`row.blank`).
    ///
    /// ```
    /// use learning_week::SummaryTable;
    /// let t: SummaryTable = serde_json::from_str(
    ///     r#"{"leadership": {"issuing_departments": ["区教体局", " "], "attending_leaders": [{}]}}"#).unwrap();
    /// assert_eq!(t.blank_items(), vec!["/leadership/issuing_departments/1", "/leadership/attending_leaders/0"]);
    /// ```
    pub fn blank_items(&self) -> Vec<String> {
        let blank = |s: &Option<Text<'_>>| s.as_deref().is_none_or(|s| !crate::checks::is_non_blank(s));
        let Some(l) = &self.leadership else { return Vec::new() };
        // The lists whose items the model declares `each non_blank` (issuing_departments).
        let mut out: Vec<String> = l
            .each_checked()
            .into_iter()
            .flat_map(|(field, check, items)| {
                items
                    .into_iter()
                    .enumerate()
                    .filter(|(_, item)| (check.function)(item).is_err())
                    .map(move |(i, _)| format!("/leadership/{field}/{i}"))
            })
            .collect();
        // A leader needs a title or a name: a rule across two fields, stated here and, for the
        // schema, by the generator's `leaders_not_blank`.
        let leaders = l.attending_leaders.iter().flatten().enumerate();
        out.extend(
            leaders
                .filter(|(_, x)| blank(&x.title) && blank(&x.name))
                .map(|(i, _)| format!("/leadership/attending_leaders/{i}")),
        );
        out
    }
}
