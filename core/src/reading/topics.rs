//! Topics and focus items the national and provincial notices name year after year, with the
//! stable key and the words that reveal them in activity names (the roll-up's topic coverage
//! counts by these). A topic the reader finds that is not here keeps the notice's own words as
//! its name and only keyword, with a key made from its place in the list.

/// `(key, name, keywords)`; `name` is also what the reader looks for.
pub(crate) const KNOWN: &[(&str, &str, &[&str])] = &[
    ("vocational_skills", "职业技能培训", &["职业技能", "技能培训", "职业教育", "职工教育"]),
    ("health_for_all", "全民健康", &["健康", "养生", "体育", "健身"]),
    ("elderly_smart_tech", "老年人运用智能技术教育培训", &["智能技术", "智能手机", "数字技能"]),
    ("workforce_talent", "职工教育与人才发展", &["职工", "人才"]),
    ("rural_revitalisation", "乡村振兴与可持续发展", &["乡村振兴", "农民", "农村", "可持续发展"]),
    ("learning_city", "学习型城市（乡村）建设", &["学习型城市", "学习型乡村", "学习型社区", "学习型组织"]),
    ("lifelong_learning_theory", "全民终身学习理论与实践", &["终身学习理论", "理论与实践"]),
    ("internet_learning", "互联网+全民学习", &["互联网+", "线上学习", "网络课堂", "直播"]),
    ("party_centenary", "庆建党百年", &["建党百年", "党史"]),
    ("reading_for_all", "全民阅读", &["阅读", "读书"]),
    ("double_reduction", "双减", &["双减", "课后服务", "青少年校外教育"]),
    ("smart_help_for_elderly", "智慧助老", &["智慧助老", "智能技术", "智能手机", "数字鸿沟"]),
    ("rural_community_education", "农村社区教育", &["农村", "乡村", "农民", "涉农", "村民"]),
];

/// The known topic named (or spelled) `name`.
pub(crate) fn known(name: &str) -> Option<&'static (&'static str, &'static str, &'static [&'static str])> {
    KNOWN.iter().find(|(_, n, _)| *n == name)
}
