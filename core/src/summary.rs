//! 总结表: the attachment's form, every row typed; free-text rows stay text.
//!
//! JSON keys are a public contract (web forms, Python users, outside tests):
//! `year`, `host_unit`, `organizers`, `leadership`, `participation`, `theme_and_content`,
//! `reach`, `publicity`, `other`.

use crate::count::Count;
use crate::decode::model;
use crate::notice::{Role, NON_BLANK};
use crate::period::Period;
use crate::plan::Leader;
use crate::satisfaction::Satisfaction;
use validator::Validate;

model! {
    /// 总结表 / the summary table a unit fills after the week.
    ///
    /// ```
    /// use learning_week::SummaryTable;
    /// let t: SummaryTable = serde_json::from_str(r#"{"year": 2021, "host_unit": "东湖区"}"#).unwrap();
    /// assert_eq!(t.host_unit.as_deref(), Some("东湖区"));
    /// assert!(t.participation.is_none()); // half-filled tables are representable
    /// ```
    pub struct SummaryTable {
        /// 年度 / the year of the week reported on.
        #[validate(required)]
        #[schemars(title = "年度")]
        pub year: Option<i32>,
        /// 举办县区 / the reporting unit (official name or an alias the notice knows).
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "举办县区")]
        pub host_unit: Option<String>,
        /// 主办单位及协办单位 / organisers with their roles.
        #[validate(required, nested)]
        #[schemars(title = "主办单位及协办单位")]
        pub organizers: Option<Vec<Organizer>>,
        /// 组织领导 / leadership.
        #[validate(required, nested)]
        #[schemars(title = "组织领导")]
        pub leadership: Option<Leadership>,
        /// 活动参与情况 / participation.
        #[validate(required, nested)]
        #[schemars(title = "活动参与情况")]
        pub participation: Option<Participation>,
        /// 活动主题与内容 / theme and content.
        #[validate(required, nested)]
        #[schemars(title = "活动主题与内容")]
        pub theme_and_content: Option<ThemeAndContent>,
        /// 活动的群众性 / reach.
        #[validate(required, nested)]
        #[schemars(title = "活动的群众性")]
        pub reach: Option<Reach>,
        /// 宣传报道 / publicity.
        #[validate(required, nested)]
        #[schemars(title = "宣传报道")]
        pub publicity: Option<Publicity>,
        /// 其他 / anything else.
        #[schemars(title = "其他")]
        pub other: Option<String>,
    }
}

model! {
    /// 主办单位及协办单位 / one organiser and its role.
    pub struct Organizer {
        /// 单位名称 / organisation name.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "单位名称")]
        pub name: Option<String>,
        /// 角色 / role (主办 host, 承办 undertaker, 协办 co_organiser, 组织实施 implementer, 支持 supporter).
        #[schemars(title = "角色")]
        pub role: Option<Role>,
    }
}

model! {
    /// 组织领导 / leadership rows.
    pub struct Leadership {
        /// 下发活动文件的部门 / departments that issued the unit's documents.
        #[validate(required, length(min = 1, code = "row.blank"))]
        #[schemars(title = "下发活动文件的部门")]
        pub issuing_departments: Option<Vec<String>>,
        /// 出席活动（开幕式）的领导 / leaders who attended (title and name).
        #[validate(required, nested)]
        #[schemars(title = "出席活动（开幕式）的领导")]
        pub attending_leaders: Option<Vec<Leader>>,
        /// 具体协调部门 / coordinating department.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "具体协调部门")]
        pub coordinating_department: Option<String>,
        /// 制定活动方案部门 / department that drew up the plan.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "制定活动方案部门")]
        pub planning_department: Option<String>,
    }
}

model! {
    /// 有特色的活动 / one featured activity.
    pub struct FeaturedActivity {
        /// 活动名称 / name, as in the plan.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "活动名称")]
        pub name: Option<String>,
        /// 活动简介 / short description.
        #[schemars(title = "活动简介")]
        pub description: Option<String>,
        /// 涉及主题 / topics it covered (双减, 智慧助老, 职业技能培训 …).
        #[schemars(title = "涉及主题")]
        pub topics: Option<Vec<String>>,
    }
}

model! {
    /// 活动参与情况 / participation rows.
    pub struct Participation {
        /// 全市区数 / units (streets, towns, sub-units) in the reporting area.
        #[validate(required)]
        #[schemars(title = "全市区数")]
        pub units_total: Option<Count>,
        /// 参与活动的数量 / how many of them took part.
        #[validate(required)]
        #[schemars(title = "参与活动的数量")]
        pub units_participating: Option<Count>,
        /// 主会场数量 / main venues.
        #[validate(required)]
        #[schemars(title = "主会场数量")]
        pub main_venues: Option<Count>,
        /// 分会场数量 / sub-venues.
        #[validate(required)]
        #[schemars(title = "分会场数量")]
        pub sub_venues: Option<Count>,
        /// 参加活动人数 / participants (人 or 人次, with qualifier).
        #[validate(required)]
        #[schemars(title = "参加活动人数")]
        pub participants: Option<Count>,
        /// 有特色的活动 / featured activities.
        #[validate(required, nested)]
        #[schemars(title = "有特色的活动")]
        pub featured_activities: Option<Vec<FeaturedActivity>>,
    }
}

model! {
    /// 活动主题与内容 / theme and content rows.
    pub struct ThemeAndContent {
        /// 活动主题 / theme (should carry the notice's theme).
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "活动主题")]
        pub theme: Option<String>,
        /// 活动内容 / content.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "活动内容")]
        pub content: Option<String>,
        /// 活动成效 / outcomes.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "活动成效")]
        pub outcomes: Option<String>,
        /// 活动时间 / period of the unit's activities.
        #[validate(required, nested)]
        #[schemars(title = "活动时间")]
        pub period: Option<Period>,
    }
}

model! {
    /// 活动的群众性 / reach rows.
    pub struct Reach {
        /// 活动范围（包括参与活动的街道、企事业单位等）/ scope.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "活动范围（包括参与活动的街道、企事业单位等）")]
        pub scope: Option<String>,
        /// 群众满意度 / satisfaction: a percentage or a level; may be absent (most real summaries give none).
        #[schemars(title = "群众满意度")]
        pub satisfaction: Option<Satisfaction>,
        /// 自我评价 / self-assessment.
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "自我评价")]
        pub self_assessment: Option<String>,
    }
}

model! {
    /// 宣传报道 / publicity rows.
    pub struct Publicity {
        /// 宣传范围 / scope (channels and media).
        #[validate(required, regex(path = *NON_BLANK, code = "row.blank"))]
        #[schemars(title = "宣传范围")]
        pub scope: Option<String>,
        /// 文字报道 / number of text reports.
        #[validate(required)]
        #[schemars(title = "文字报道")]
        pub text_reports: Option<Count>,
        /// 影像图片报道 / number of image and video reports.
        #[validate(required)]
        #[schemars(title = "影像图片报道")]
        pub image_reports: Option<Count>,
    }
}
