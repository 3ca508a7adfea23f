//! 通知: the city's document, the rulebook for one year's activity week.
//!
//! Every rule reads the notice it is given; none hard-codes 2021 or Nanchang. The built-in
//! [`Notice::nanchang_2021`] is the seed notice (南昌市教育局, 2021), embedded as JSON; any other
//! year or city loads from JSON of the same shape.

use crate::decode::{decode_via_enum, model};
use crate::period::Period;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

model! {
    /// 通知 / the city's notice for one year's activity week.
    ///
    /// ```
    /// use learning_week::Notice;
    /// let n = Notice::nanchang_2021();
    /// assert_eq!(n.theme.as_deref(), Some("庆建党百年华诞，谱终身学习新篇"));
    /// assert_eq!(n.jurisdiction.as_ref().unwrap().units.as_ref().unwrap().len(), 13);
    /// ```
    pub struct Notice {
        /// 发文单位 / issuing authority (南昌市教育局).
        #[validate(required)]
        pub issuer: Option<String> => "发文单位", check non_blank,
        /// 标题 / title of the notice.
        #[validate(required)]
        pub title: Option<String> => "标题", check non_blank,
        /// 年度 / the year of the activity week.
        #[validate(required, range(min = 2000, max = 2100, code = "number.out_of_range"))]
        pub year: Option<i32> => "年度",
        /// 依据文件 / the documents the notice implements (教职成厅函〔2021〕20号 …).
        #[validate(nested)]
        pub references: Option<Vec<DocumentReference>> => "依据文件",
        /// 主送单位 / recipients (各县（区）教体局 …).
        pub recipients: Option<Vec<String>> => "主送单位",
        /// 活动主题 / the theme of the week.
        #[validate(required)]
        pub theme: Option<String> => "活动主题", check non_blank,
        /// 活动时间 / the week, both days inclusive.
        #[validate(required, nested)]
        pub week: Option<Period> => "活动时间",
        /// 活动安排 / what the units are asked to organise (三、活动安排).
        #[validate(nested)]
        pub arrangements: Option<Arrangements> => "活动安排",
        /// 组织要求 / roles, publicity, funding and safety (四、组织要求).
        #[validate(nested)]
        pub organisation: Option<Organisation> => "组织要求",
        /// 报送要求 / the reporting duty (四（四）).
        #[validate(required, nested)]
        pub reporting: Option<ReportingDuty> => "报送要求",
        /// 报送单位 / the reporting units expected: the jurisdiction.
        #[validate(required, nested)]
        pub jurisdiction: Option<Jurisdiction> => "报送单位（辖区）",
        /// 附件 / the attached form (总结表): its title and row labels.
        #[validate(nested)]
        pub attachment: Option<Attachment> => "附件",
    }
}

model! {
    /// 依据文件 / a document the notice refers to.
    pub struct DocumentReference {
        /// 发文单位 / issuer (教育部办公厅).
        pub issuer: Option<String> => "发文单位",
        /// 文件标题 / title.
        pub title: Option<String> => "文件标题",
        /// 文号 / document number (教职成厅函〔2021〕20号).
        #[validate(required)]
        pub number: Option<String> => "文号", check non_blank,
    }
}

model! {
    /// 主题或重点 / a recommended topic or focus item, with the words that reveal it in activity names.
    pub struct Topic {
        /// 标识 / stable key (`double_reduction`, `smart_help_for_elderly`, `vocational_skills` …).
        #[validate(required)]
        pub key: Option<String> => "标识",
        /// 名称 / the notice's name for it (双减, 智慧助老, 职业技能培训 …).
        #[validate(required)]
        pub name: Option<String> => "名称", check non_blank,
        /// 关键词 / words that mark an activity as covering it.
        pub keywords: Option<Vec<String>> => "关键词",
    }
}

impl Topic {
    /// Whether `text` mentions this topic (its name or any keyword).
    ///
    /// ```
    /// use learning_week::Notice;
    /// let n = Notice::nanchang_2021();
    /// let focus = n.focus_items();
    /// assert!(focus.iter().any(|t| t.matches("社区教育服务“双减”进社区")));
    /// ```
    pub fn matches(&self, text: &str) -> bool {
        self.name.as_deref().is_some_and(|n| !n.is_empty() && text.contains(n))
            || self.keywords.iter().flatten().any(|k| !k.is_empty() && text.contains(k.as_str()))
    }
}

model! {
    /// 活动安排 / what the notice asks the units to organise.
    pub struct Arrangements {
        /// 须制定活动计划和实施方案 / a plan is required.
        pub plan_required: Option<bool> => "须制定活动方案",
        /// 方案须含开幕式 / the plan must include an opening ceremony.
        pub opening_ceremony_required: Option<bool> => "方案须含开幕式",
        /// 推荐主题 / recommended topics (职业技能培训, 全民健康 …).
        #[validate(nested)]
        pub recommended_topics: Option<Vec<Topic>> => "推荐主题",
        /// 推荐形式 / recommended forms (讲座, 培训, 观摩, 座谈 …).
        pub recommended_forms: Option<Vec<String>> => "推荐形式",
        /// 参与对象 / target groups (从业人员, 社区居民, 老年人群).
        pub target_groups: Option<Vec<String>> => "参与对象",
        /// 重点开展 / focus items (双减, 智慧助老): a plan without them gets a warning.
        #[validate(nested)]
        pub focus_items: Option<Vec<Topic>> => "重点开展",
        /// 涉农县区要求 / the duty of rural units to run rural community education.
        #[validate(nested)]
        pub rural_duty: Option<Topic> => "涉农县区要求",
        /// 鼓励内容 / encouraged content (社会主义核心价值观, 传统文化, 科学技术, 全民阅读).
        pub encouraged_content: Option<Vec<String>> => "鼓励内容",
        /// 场馆开放 / school venues to open to citizens (图书馆, 科技馆, 体育场馆).
        pub open_venues: Option<Vec<String>> => "场馆开放",
    }
}

/// 角色 / a role in organising the week (主办 / 承办 / 协办 / 组织实施 / 支持).
///
/// ```
/// use learning_week::Role;
/// assert_eq!(serde_json::to_string(&Role::Undertaker).unwrap(), "\"undertaker\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 主办
    Host,
    /// 承办
    Undertaker,
    /// 协办
    CoOrganiser,
    /// 组织实施
    Implementer,
    /// 支持
    Supporter,
}

impl Role {
    /// Every role's JSON name.
    pub const NAMES: [&'static str; 5] = ["host", "undertaker", "co_organiser", "implementer", "supporter"];

    /// The Chinese word for the role.
    ///
    /// ```
    /// assert_eq!(learning_week::Role::CoOrganiser.as_zh(), "协办");
    /// ```
    pub fn as_zh(self) -> &'static str {
        match self {
            Role::Host => "主办",
            Role::Undertaker => "承办",
            Role::CoOrganiser => "协办",
            Role::Implementer => "组织实施",
            Role::Supporter => "支持",
        }
    }

    /// The role a Chinese word names: [`Role::as_zh`]'s words, and 具体实施 and 提供支持 as
    /// notices write them.
    ///
    /// ```
    /// use learning_week::Role;
    /// assert_eq!(Role::from_zh("组织实施"), Some(Role::Implementer));
    /// assert_eq!(Role::from_zh("提供支持"), Some(Role::Supporter));
    /// assert_eq!(Role::from_zh("主持"), None);
    /// ```
    pub fn from_zh(word: &str) -> Option<Role> {
        let word = word.trim();
        ROLE_WORDS.iter().find(|(w, _)| *w == word).map(|(_, role)| *role)
    }
}
decode_via_enum!(Role, Role::NAMES);

/// The words that name a role ([`Role::from_zh`]), longest first, so that a text ending in one
/// (「…提供支持」, 「…支持」) is matched by the longest.
pub(crate) const ROLE_WORDS: &[(&str, Role)] = &[
    ("组织实施", Role::Implementer),
    ("具体实施", Role::Implementer),
    ("提供支持", Role::Supporter),
    ("主办", Role::Host),
    ("承办", Role::Undertaker),
    ("协办", Role::CoOrganiser),
    ("支持", Role::Supporter),
];

model! {
    /// 组织分工 / one role and the organisations holding it.
    pub struct RoleAssignment {
        /// 角色 / role.
        #[validate(required)]
        pub role: Option<Role> => "角色",
        /// 单位 / organisations.
        pub organisations: Option<Vec<String>> => "单位",
    }
}

model! {
    /// 组织要求 / roles, epidemic prevention, publicity, funding and safety duties.
    pub struct Organisation {
        /// 组织分工 / who hosts, undertakes, implements and supports.
        #[validate(nested)]
        pub roles: Option<Vec<RoleAssignment>> => "组织分工",
        /// 疫情防控主体责任须明确 / plans must name who is responsible for epidemic prevention.
        pub epidemic_responsibility_required: Option<bool> => "须明确疫情防控主体责任",
        /// 安全措施须落实 / plans must state safety measures.
        pub safety_required: Option<bool> => "须落实安全措施",
        /// 经费保障 / plans must provide funding.
        pub funding_required: Option<bool> => "须提供经费保障",
        /// 宣传渠道 / publicity channels the units are asked to use.
        pub publicity_channels: Option<Vec<String>> => "宣传渠道",
        /// 宣传推广 / promotions to publicise (百姓学习之星, 终身学习品牌).
        pub promotions: Option<Vec<String>> => "宣传推广",
        /// 宣传内容 / what to publicise (教研先进单位和个人, 服务乡村振兴典型做法 …).
        pub publicity_topics: Option<Vec<String>> => "宣传内容",
        /// 办会原则 / safe, frugal, efficient (安全、节俭、高效).
        pub principles: Option<Vec<String>> => "办会原则",
    }
}

/// 报送材料种类 / a kind of material in a unit's package.
///
/// ```
/// use learning_week::MaterialKind;
/// assert_eq!(serde_json::to_string(&MaterialKind::TypicalCase).unwrap(), "\"typical_case\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MaterialKind {
    /// 工作总结材料
    WorkSummary,
    /// 总结表
    SummaryTable,
    /// 典型活动案例
    TypicalCase,
    /// 盖章后扫描件（PDF格式）
    StampedScan,
    /// 其他（照片、录像 …）
    Other,
}

impl MaterialKind {
    /// Every kind's JSON name.
    pub const NAMES: [&'static str; 5] =
        ["work_summary", "summary_table", "typical_case", "stamped_scan", "other"];

    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(learning_week::MaterialKind::StampedScan.as_str(), "stamped_scan");
    /// ```
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The notice's word for the material.
    ///
    /// ```
    /// assert_eq!(learning_week::MaterialKind::WorkSummary.as_zh(), "工作总结材料");
    /// ```
    pub fn as_zh(self) -> &'static str {
        match self {
            MaterialKind::WorkSummary => "工作总结材料",
            MaterialKind::SummaryTable => "总结表",
            MaterialKind::TypicalCase => "典型活动案例",
            MaterialKind::StampedScan => "盖章后扫描件（PDF格式）",
            MaterialKind::Other => "其他材料",
        }
    }

    /// The material in English, as messages name it.
    ///
    /// ```
    /// assert_eq!(learning_week::MaterialKind::StampedScan.as_en(), "stamped scan (PDF)");
    /// ```
    pub fn as_en(self) -> &'static str {
        match self {
            MaterialKind::WorkSummary => "work summary",
            MaterialKind::SummaryTable => "总结表 (summary table)",
            MaterialKind::TypicalCase => "typical case",
            MaterialKind::StampedScan => "stamped scan (PDF)",
            MaterialKind::Other => "other material",
        }
    }
}
decode_via_enum!(MaterialKind, MaterialKind::NAMES);

model! {
    /// 须报送材料 / one required material and how many of it.
    pub struct RequiredMaterial {
        /// 材料种类 / kind.
        #[validate(required)]
        pub kind: Option<MaterialKind> => "材料种类",
        /// 数量 / how many: exactly this many (1 典型活动案例).
        #[validate(range(min = 1, max = 100, code = "number.out_of_range"))]
        pub count: Option<u32> => "数量",
        /// 格式 / required file format (`pdf` for the stamped scan).
        pub format: Option<String> => "格式",
    }
}

model! {
    /// 联系人 / a contact person with phone.
    pub struct Contact {
        /// 姓名 / name.
        #[validate(required)]
        pub name: Option<String> => "姓名", check non_blank,
        /// 单位 / organisation.
        pub organisation: Option<String> => "单位",
        /// 电话 / phone: mobile (11 digits) or landline with area code.
        #[validate(required)]
        pub phone: Option<String> => "电话", check phone,
    }
}

model! {
    /// 报送要求 / the reporting duty: deadline, materials, formats, where to send.
    pub struct ReportingDuty {
        /// 截止日期 / deadline date (12月5日); absent only when `deadline_term` says how the
        /// notice gives it (`notice.deadline_missing` otherwise).
        pub deadline: Option<NaiveDate> => "截止日期",
        /// 截止时间（非具体日期）/ the deadline as the notice gives it when it is not a plain date
        /// (「12月上旬」, 「2025年12月」, 「另行通知」, 「启动仪式后一个月内」); `deadline` is then absent.
        #[validate(nested)]
        pub deadline_term: Option<DeadlineTerm> => "截止时间（非具体日期）",
        /// 截止日当天是否有效 / whether a package sent on the deadline day is on time.
        /// 「12月5日前」 is read as inclusive (the usual reading in official notices); set `false` for a strict reading.
        pub deadline_inclusive: Option<bool> => "截止日当天有效",
        /// 宽限天数 / grace period in days (default 0).
        #[validate(range(min = 0, max = 365, code = "number.out_of_range"))]
        pub grace_days: Option<u32> => "宽限天数",
        /// 时区 / UTC offset of the deadline (`+08:00`).
        pub utc_offset: Option<String> => "时区",
        /// 须报送材料 / required materials.
        #[validate(nested)]
        pub materials: Option<Vec<RequiredMaterial>> => "须报送材料",
        /// 报送形式 / formats: electronic and stamped PDF scan.
        pub formats: Option<Vec<String>> => "报送形式",
        /// 报送至 / the receiving office.
        pub recipient: Option<String> => "报送至",
        /// 邮箱 / e-mail address.
        pub email: Option<String> => "邮箱", check email,
        /// 联系人及电话 / contacts.
        #[validate(nested)]
        pub contacts: Option<Vec<Contact>> => "联系人及电话",
    }
}

/// 截止时间的写法 / how a deadline that is not a plain date is given.
///
/// ```
/// use learning_week::notice::DeadlineKind;
/// assert_eq!(serde_json::to_string(&DeadlineKind::TenDays).unwrap(), "\"ten_days\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineKind {
    /// 某月（2025年12月）: on time up to the month's last day.
    Month,
    /// 上旬 / 中旬 / 下旬 (12月上旬): on time up to the ten days' last day.
    TenDays,
    /// 相对某事件（启动仪式后一个月内）: the day is not known until the event's date is.
    Relative,
    /// 另行通知: the notice gives no date.
    Unresolved,
}

impl DeadlineKind {
    /// Every kind's JSON name.
    pub const NAMES: [&'static str; 4] = ["month", "ten_days", "relative", "unresolved"];

    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(learning_week::notice::DeadlineKind::Unresolved.as_str(), "unresolved");
    /// ```
    pub fn as_str(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}
decode_via_enum!(DeadlineKind, DeadlineKind::NAMES);

model! {
    /// 截止时间（非具体日期）/ a deadline that is a month, ten days, relative to an event, or not yet given.
    ///
    /// ```
    /// use learning_week::notice::{DeadlineKind, DeadlineTerm};
    /// let t: DeadlineTerm = serde_json::from_str(
    ///     r#"{"kind": "ten_days", "text": "12月上旬", "from": "2021-12-01", "until": "2021-12-10"}"#).unwrap();
    /// assert_eq!(t.kind, Some(DeadlineKind::TenDays));
    /// ```
    pub struct DeadlineTerm {
        /// 类别 / month, ten days, relative or unresolved.
        #[validate(required)]
        pub kind: Option<DeadlineKind> => "类别",
        /// 原文 / the words of the notice (「12月上旬前」).
        pub text: Option<String> => "原文",
        /// 起始日 / the first day of the month or ten days.
        pub from: Option<NaiveDate> => "起始日",
        /// 最后一日 / the last day of the month or ten days: a package up to this day is on time.
        pub until: Option<NaiveDate> => "最后一日",
        /// 起算事件 / the event a relative deadline counts from (启动仪式).
        pub after: Option<String> => "起算事件",
        /// 期限 / the time allowed after the event, as written (一个月).
        pub within: Option<String> => "期限",
    }
}

model! {
    /// 附件 / the notice's attachment: the form's title and its row labels.
    ///
    /// ```
    /// let n = learning_week::Notice::nanchang_2021();
    /// let a = n.attachment.unwrap();
    /// assert_eq!(a.title.as_deref(), Some("2021年南昌市全民终身学习活动周总结表"));
    /// assert!(a.row_labels.unwrap().iter().any(|l| l == "群众满意度"));
    /// ```
    pub struct Attachment {
        /// 附件标题 / the attachment's title.
        pub title: Option<String> => "附件标题",
        /// 栏目 / the form's row labels, in order.
        pub row_labels: Option<Vec<String>> => "栏目",
    }
}

/// 报送单位类别 / the kind of a reporting unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// 区
    District,
    /// 县
    County,
    /// 开发区
    DevelopmentZone,
    /// 管理局（湾里管理局）
    ManagementBureau,
    /// 县级市 / county-level city（瑞昌市）
    CountyLevelCity,
    /// 地级市 / prefecture-level city（九江市）: a unit of a province's notice
    City,
    /// 街道 / street (subdistrict): a unit of a district's notice
    Street,
    /// 镇 / town
    Town,
    /// 乡 / township
    Township,
}

impl UnitKind {
    /// Every kind's JSON name, in the order of the variants.
    pub const NAMES: [&'static str; 9] = [
        "district",
        "county",
        "development_zone",
        "management_bureau",
        "county_level_city",
        "city",
        "street",
        "town",
        "township",
    ];
}
decode_via_enum!(UnitKind, UnitKind::NAMES);

model! {
    /// 报送单位 / a county, district, zone or bureau expected to report.
    pub struct ReportingUnit {
        /// 正式名称 / official name.
        #[validate(required)]
        pub name: Option<String> => "正式名称", check non_blank,
        /// 类别 / kind.
        pub kind: Option<UnitKind> => "类别",
        /// 别称 / other names still written (湾里区, 高新区 …).
        pub aliases: Option<Vec<String>> => "别称",
        /// 涉农县区 / a rural unit, which must run rural community education.
        pub rural: Option<bool> => "涉农县区",
    }
}

model! {
    /// 辖区 / the city and its reporting units.
    pub struct Jurisdiction {
        /// 城市 / the city (南昌市); a city-level 总结表 names it as host unit.
        #[validate(required)]
        pub city: Option<String> => "城市",
        /// 报送单位 / the units expected to report.
        #[validate(required, nested)]
        pub units: Option<Vec<ReportingUnit>> => "报送单位",
    }
}

/// How a written unit name was recognised.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UnitMatch<'a> {
    /// The official name, as written (spaces and bracket widths aside).
    Official(&'a ReportingUnit),
    /// An alias, normalised to the official name.
    Alias(&'a ReportingUnit),
    /// The city itself (a city-level table).
    City,
}

/// Folds spacing, bracket widths and traditional characters so 「湾里 管理局」, 「灣里管理局」
/// and 「湾里管理局」 compare equal.
pub(crate) fn fold_name(s: &str) -> String {
    folded_chars(s).collect()
}

/// The characters of [`fold_name`]`(s)`, without building the string.
fn folded_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '（' => '(',
        '）' => ')',
        c => crate::text_match::simplify(c),
    })
}

/// Whether `candidate` folds to `folded` (already folded): [`fold_name`]`(candidate) == folded`,
/// stopping at the first difference instead of folding every candidate of a lookup.
fn folds_to(candidate: &str, folded: &str) -> bool {
    folded_chars(candidate).eq(folded.chars())
}

/// Splits 「南昌经济技术开发区(经开区)」 into the name and the bracketed alias (after folding).
fn bracketed(folded: &str) -> Option<(&str, &str)> {
    let inner = folded.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    Some((&inner[..open], &inner[open + 1..]))
}

const NANCHANG_2021: &str = include_str!("../data/nanchang-2021.notice.json");

/// The embedded seed notice, decoded once — by the decoder every custom notice goes through
/// (`Validator::from_json`), not by serde's derived `Deserialize`: that keeps serde's generated
/// code for the notice types out of the WebAssembly module, which never needs it otherwise.
static NANCHANG: LazyLock<Notice> = LazyLock::new(|| {
    use crate::decode::Decode as _;
    // Tested in `embedded_notice_is_valid`; a failure here is a build defect, not an input error.
    let mut d = crate::decode::Decoder::new("");
    crate::json::parse(NANCHANG_2021).ok().and_then(|v| Notice::decode(&v, &mut d)).unwrap_or_default()
});

impl Notice {
    /// The built-in 2021 Nanchang notice (the seed), decoded from the embedded JSON.
    ///
    /// ```
    /// let n = learning_week::Notice::nanchang_2021();
    /// assert_eq!(n.year, Some(2021));
    /// assert_eq!(n.reporting.as_ref().unwrap().deadline.unwrap().to_string(), "2021-12-05");
    /// ```
    pub fn nanchang_2021() -> Notice {
        NANCHANG.clone()
    }

    /// A shared reference to the built-in notice (no clone).
    ///
    /// ```
    /// assert_eq!(learning_week::Notice::nanchang_2021_ref().year, Some(2021));
    /// ```
    pub fn nanchang_2021_ref() -> &'static Notice {
        &NANCHANG
    }

    /// The embedded notice's JSON text, exactly as shipped.
    ///
    /// ```
    /// assert!(learning_week::Notice::nanchang_2021_json().contains("南昌市教育局"));
    /// ```
    pub fn nanchang_2021_json() -> &'static str {
        NANCHANG_2021
    }

    /// The reporting units (empty when the notice has none).
    ///
    /// ```
    /// let n = learning_week::Notice::nanchang_2021();
    /// assert!(n.units().iter().any(|u| u.name.as_deref() == Some("湾里管理局")));
    /// ```
    pub fn units(&self) -> &[ReportingUnit] {
        self.jurisdiction.as_ref().and_then(|j| j.units.as_deref()).unwrap_or(&[])
    }

    /// The city's name, if given.
    ///
    /// ```
    /// assert_eq!(learning_week::Notice::nanchang_2021().city(), Some("南昌市"));
    /// ```
    pub fn city(&self) -> Option<&str> {
        self.jurisdiction.as_ref().and_then(|j| j.city.as_deref())
    }

    /// Recognises a written unit name: official, alias, or the city itself.
    ///
    /// ```
    /// use learning_week::{Notice, notice::UnitMatch};
    /// let n = Notice::nanchang_2021();
    /// match n.find_unit("湾里区") {
    ///     Some(UnitMatch::Alias(u)) => assert_eq!(u.name.as_deref(), Some("湾里管理局")),
    ///     other => panic!("{other:?}"),
    /// }
    /// assert!(n.find_unit("朝阳区").is_none());
    /// // traditional characters and a bracketed alias are recognised too
    /// assert!(matches!(n.find_unit("東湖區"), Some(UnitMatch::Official(_))));
    /// assert!(matches!(n.find_unit("南昌经济技术开发区（经开区）"), Some(UnitMatch::Official(_))));
    /// // after the city's own name, as a district may head its form
    /// assert!(matches!(n.find_unit("南昌市南昌县"), Some(UnitMatch::Official(u)) if u.name.as_deref() == Some("南昌县")));
    /// assert!(matches!(n.find_unit("南昌市"), Some(UnitMatch::City)));
    /// ```
    pub fn find_unit(&self, written: &str) -> Option<UnitMatch<'_>> {
        let w = fold_name(written);
        if w.is_empty() {
            return None;
        }
        if let Some(found) = self.find_folded(&w) {
            return Some(found);
        }
        // 「南昌市南昌县」, 「南昌市高新区」: a unit written after its city's name.
        if let Some(rest) =
            self.city().map(fold_name).and_then(|c| w.strip_prefix(c.as_str()).map(str::to_owned))
        {
            if let Some(found) = self.find_folded(&rest).filter(|m| !matches!(m, UnitMatch::City)) {
                return Some(found);
            }
        }
        // 「南昌经济技术开发区（经开区）」: the name with its alias in brackets.
        let (name, alias) = bracketed(&w)?;
        self.find_folded(name).or_else(|| self.find_folded(alias))
    }

    fn find_folded(&self, w: &str) -> Option<UnitMatch<'_>> {
        if let Some(u) = self.units().iter().find(|u| u.name.as_deref().is_some_and(|n| folds_to(n, w))) {
            return Some(UnitMatch::Official(u));
        }
        if let Some(u) = self.units().iter().find(|u| u.aliases.iter().flatten().any(|a| folds_to(a, w))) {
            return Some(UnitMatch::Alias(u));
        }
        if self.city().is_some_and(|c| folds_to(c, w)) {
            return Some(UnitMatch::City);
        }
        None
    }

    /// The official name for a written unit name, when it is one of the jurisdiction.
    ///
    /// ```
    /// let n = learning_week::Notice::nanchang_2021();
    /// assert_eq!(n.official_unit_name("经开区"), Some("南昌经济技术开发区"));
    /// ```
    pub fn official_unit_name(&self, written: &str) -> Option<&str> {
        match self.find_unit(written)? {
            UnitMatch::Official(u) | UnitMatch::Alias(u) => u.name.as_deref(),
            UnitMatch::City => None,
        }
    }

    /// The recommended topics and the focus items, in that order.
    ///
    /// ```
    /// let n = learning_week::Notice::nanchang_2021();
    /// assert!(n.topics().iter().any(|t| t.name.as_deref() == Some("全民健康")));
    /// ```
    pub fn topics(&self) -> Vec<&Topic> {
        let a = self.arrangements.as_ref();
        a.and_then(|a| a.recommended_topics.as_ref())
            .into_iter()
            .flatten()
            .chain(a.and_then(|a| a.focus_items.as_ref()).into_iter().flatten())
            .collect()
    }

    /// The focus items (重点开展: 双减, 智慧助老 in 2021).
    ///
    /// ```
    /// assert_eq!(learning_week::Notice::nanchang_2021().focus_items().len(), 2);
    /// ```
    pub fn focus_items(&self) -> &[Topic] {
        self.arrangements.as_ref().and_then(|a| a.focus_items.as_deref()).unwrap_or(&[])
    }
}

/// Parses a UTC offset written `+08:00`, `-05:30` or `Z`.
///
/// ```
/// use learning_week::notice::parse_utc_offset;
/// assert_eq!(parse_utc_offset("+08:00").unwrap().local_minus_utc(), 8 * 3600);
/// assert!(parse_utc_offset("CST").is_none());
/// ```
pub fn parse_utc_offset(s: &str) -> Option<chrono::FixedOffset> {
    if s == "Z" {
        return chrono::FixedOffset::east_opt(0);
    }
    let b = s.as_bytes();
    if b.len() != 6 || b[3] != b':' || !(b[0] == b'+' || b[0] == b'-') {
        return None;
    }
    let h: i32 = s.get(1..3)?.parse().ok()?;
    let m: i32 = s.get(4..6)?.parse().ok()?;
    if h > 23 || m > 59 {
        return None;
    }
    let secs = (h * 3600 + m * 60) * if b[0] == b'-' { -1 } else { 1 };
    chrono::FixedOffset::east_opt(secs)
}

impl Notice {
    /// The last calendar day (in the notice's time zone) on which a package is on time:
    /// the deadline (or the day before, when exclusive) plus the grace days.
    ///
    /// ```
    /// let n = learning_week::Notice::nanchang_2021();
    /// assert_eq!(n.last_on_time_day().unwrap().to_string(), "2021-12-05");
    /// ```
    pub fn last_on_time_day(&self) -> Option<NaiveDate> {
        let r = self.reporting.as_ref()?;
        let base = match (r.deadline, r.deadline_term.as_ref()) {
            (Some(deadline), _) if r.deadline_inclusive.unwrap_or(true) => deadline,
            (Some(deadline), _) => deadline.pred_opt()?,
            // 「12月上旬」, 「2025年12月」: on time up to the period's last day; a relative or
            // unresolved deadline has no day yet.
            (None, Some(term)) => match term.kind? {
                DeadlineKind::Month | DeadlineKind::TenDays => term.until?,
                DeadlineKind::Relative | DeadlineKind::Unresolved => return None,
            },
            (None, None) => return None,
        };
        base.checked_add_days(chrono::Days::new(u64::from(r.grace_days.unwrap_or(0))))
    }

    /// The deadline the notice gives without a day that can be judged (「另行通知」,
    /// 「启动仪式后一个月内」): timeliness cannot be decided against it.
    ///
    /// ```
    /// let mut n = learning_week::Notice::nanchang_2021();
    /// assert!(n.undecidable_deadline().is_none());
    /// let r = n.reporting.as_mut().unwrap();
    /// r.deadline = None;
    /// r.deadline_term = Some(serde_json::from_str(r#"{"kind": "unresolved", "text": "另行通知"}"#).unwrap());
    /// assert_eq!(n.undecidable_deadline().unwrap().text.as_deref(), Some("另行通知"));
    /// assert!(n.last_on_time_day().is_none());
    /// ```
    pub fn undecidable_deadline(&self) -> Option<&DeadlineTerm> {
        let r = self.reporting.as_ref()?;
        if r.deadline.is_some() {
            return None;
        }
        let term = r.deadline_term.as_ref()?;
        matches!(term.kind?, DeadlineKind::Relative | DeadlineKind::Unresolved).then_some(term)
    }

    /// The notice's UTC offset (default +08:00, China Standard Time).
    ///
    /// ```
    /// assert_eq!(learning_week::Notice::nanchang_2021().utc_offset().local_minus_utc(), 28800);
    /// ```
    pub fn utc_offset(&self) -> chrono::FixedOffset {
        const CST: i32 = 8 * 3600;
        self.reporting
            .as_ref()
            .and_then(|r| r.utc_offset.as_deref())
            .and_then(parse_utc_offset)
            .or_else(|| chrono::FixedOffset::east_opt(CST))
            .unwrap_or(chrono::Utc.fix())
    }

    /// Days late for a package received at `at` (0 when on time), judged by the calendar day in
    /// the notice's time zone; `None` when the notice sets no deadline.
    ///
    /// ```
    /// use chrono::DateTime;
    /// let n = learning_week::Notice::nanchang_2021();
    /// let at = DateTime::parse_from_rfc3339("2021-12-07T09:00:00+08:00").unwrap();
    /// assert_eq!(n.days_late(at), Some(2));
    /// let at = DateTime::parse_from_rfc3339("2021-12-05T23:59:00+08:00").unwrap();
    /// assert_eq!(n.days_late(at), Some(0));
    /// // 17:00 UTC on the 5th is already the 6th in Nanchang.
    /// let at = DateTime::parse_from_rfc3339("2021-12-05T17:00:00Z").unwrap();
    /// assert_eq!(n.days_late(at), Some(1));
    /// ```
    pub fn days_late(&self, at: chrono::DateTime<chrono::FixedOffset>) -> Option<i64> {
        let last = self.last_on_time_day()?;
        let local_day = at.with_timezone(&self.utc_offset()).date_naive();
        Some((local_day - last).num_days().max(0))
    }

    /// A time as people read it: in the notice's own time zone, with the offset named
    /// (「2021-12-06 00:01 (+08:00)」), whatever offset it was sent with.
    ///
    /// ```
    /// use chrono::DateTime;
    /// let n = learning_week::Notice::nanchang_2021();
    /// let t = DateTime::parse_from_rfc3339("2021-12-05T16:01:00+00:00").unwrap();
    /// assert_eq!(n.show_time(t), "2021-12-06 00:01 (+08:00)");
    /// ```
    pub fn show_time(&self, t: chrono::DateTime<chrono::FixedOffset>) -> String {
        let zone = self.utc_offset();
        format!("{} ({zone})", crate::times::local_minutes(t, zone, true))
    }

    /// Reads a time as a front door takes it (`--submitted-at`, a form's date field): RFC 3339; a
    /// date and time without an offset (`2021-12-03T10:00`, a naive Python `datetime`), which is
    /// that time in the notice's own time zone; or a bare date (`2021-12-03`), the start of that
    /// day there — never the machine's zone, never a front door's guess. `None` for anything else.
    ///
    /// ```
    /// let n = learning_week::Notice::nanchang_2021();
    /// assert_eq!(n.read_time("2021-12-03").unwrap().to_rfc3339(), "2021-12-03T00:00:00+08:00");
    /// assert_eq!(n.read_time("2021-12-03T10:00:00Z").unwrap().to_rfc3339(), "2021-12-03T10:00:00+00:00");
    /// assert_eq!(n.read_time("2021-12-03T10:00:00").unwrap().to_rfc3339(), "2021-12-03T10:00:00+08:00");
    /// assert!(n.read_time("12月3日").is_none());
    /// let mut other = n.clone();
    /// other.reporting.as_mut().unwrap().utc_offset = Some("-05:00".into());
    /// assert_eq!(other.read_time("2021-12-03").unwrap().to_rfc3339(), "2021-12-03T00:00:00-05:00");
    /// ```
    pub fn read_time(&self, text: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        let text = text.trim();
        if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
            return Some(t);
        }
        // A date and time without an offset (a naive Python datetime, a form's local time) is
        // the notice's local time, as a bare date is the start of its day there.
        let local = match crate::times::parse_local(text) {
            Some(t) => t,
            None => crate::times::parse_ymd(text)?.and_hms_opt(0, 0, 0)?,
        };
        local.and_local_timezone(self.utc_offset()).single()
    }
}

use chrono::Offset as _;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::{Decode, Decoder};

    #[test]
    fn embedded_notice_is_valid() {
        let v: serde_json::Value = serde_json::from_str(NANCHANG_2021).expect("embedded notice is JSON");
        let mut d = Decoder::new("");
        let n = Notice::decode(&crate::json::Json::borrowed(&v), &mut d).expect("decodes");
        assert!(d.diagnostics.is_empty(), "{:#?}", d.diagnostics);
        assert!(crate::decode::FieldFindings::field_findings(&n).is_empty());
        assert_eq!(n, Notice::nanchang_2021());
        // serde's derived `Deserialize` reads the same notice (the CLI and Python use it).
        assert_eq!(serde_json::from_str::<Notice>(NANCHANG_2021).expect("serde reads it"), n);
        assert_eq!(n.units().len(), 13);
    }
}
