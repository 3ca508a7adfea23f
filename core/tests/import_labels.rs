//! Importing a 总结表 from the form's own labels: typed rows, qualifiers, diagnostics, and
//! nothing the person wrote dropped.

use learning_week::{CountKind, Qualifier, Satisfaction, Severity, SummaryTable};
use std::collections::BTreeMap;

fn form() -> BTreeMap<String, String> {
    [
        ("举办县区：", "东湖区"),
        ("主办单位及协办单位", "东湖区教育体育局、东湖区文明办、东湖区社区学院"),
        ("组织领导-下发活动文件的部门", "区教体局、区委宣传部"),
        ("出席活动(开幕式)的领导：", "区委常委、宣传部部长，区教体局局长"),
        ("具体协调部门", "区教体局职成科"),
        ("制定活动方案部门 ", "区社区学院"),
        ("全市區數及參與活動的數量", "全区10个街道，10个参与"),
        ("主会场及分会场数量:", "主会场1个、分会场12个"),
        ("参加活动人数", "约3.5万人次"),
        ("有特色的活动", "智慧助老课堂、家庭教育讲座"),
        ("活动主题", "庆建党百年华诞 谱终身学习新篇"),
        ("活动内容", "读书分享、技能培训、非遗体验"),
        ("活动成效", "营造了浓厚的学习氛围"),
        ("活动时间", "11月22日至28日"),
        ("活动范围（包括参与活动的街道、企事业单位等）", "10个街道及辖区企事业单位"),
        ("群众满意度", "98%以上"),
        ("自我评价", "组织有力"),
        ("宣传范围", "区融媒体中心、微信公众号"),
        ("文字报道", "成千上万篇"),
        ("影像图片报道", "图片300余张"),
        ("备注", "详见附件照片"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

#[test]
fn typed_rows_keep_their_qualifiers() {
    let r = SummaryTable::from_labeled_text(&form(), Some(2021));
    let s = &r.summary;
    assert_eq!(s.year, Some(2021));
    assert_eq!(s.host_unit.as_deref(), Some("东湖区"));
    let orgs = s.organizers.as_ref().unwrap();
    assert_eq!(orgs.len(), 3);
    assert!(orgs.iter().all(|o| o.role.is_none()));
    let l = s.leadership.as_ref().unwrap();
    assert_eq!(l.issuing_departments.as_ref().unwrap(), &["区教体局", "区委宣传部"]);
    assert!(!l.attending_leaders.as_ref().unwrap().is_empty());
    assert!(l.attending_leaders.as_ref().unwrap().iter().all(|x| x.title.is_some() && x.name.is_none()));
    assert_eq!(l.planning_department.as_deref(), Some("区社区学院"));

    let p = s.participation.as_ref().unwrap();
    assert_eq!(p.units_total.as_ref().unwrap().value, 10);
    assert_eq!(p.units_participating.as_ref().unwrap().value, 10);
    assert_eq!(p.main_venues.as_ref().unwrap().value, 1);
    assert_eq!(p.sub_venues.as_ref().unwrap().value, 12);
    let people = p.participants.as_ref().unwrap();
    assert_eq!(
        (people.value, people.qualifier, people.kind()),
        (35_000, Qualifier::Approx, CountKind::PersonTimes)
    );
    assert_eq!(people.source.as_deref(), Some("约3.5万人次"));
    let featured: Vec<_> =
        p.featured_activities.as_ref().unwrap().iter().map(|f| f.name.clone().unwrap()).collect();
    assert_eq!(featured, ["智慧助老课堂", "家庭教育讲座"]);

    let period = s.theme_and_content.as_ref().unwrap().period.as_ref().unwrap();
    assert_eq!(period.start.unwrap().to_string(), "2021-11-22");
    assert_eq!(period.end.unwrap().to_string(), "2021-11-28");
    match s.reach.as_ref().unwrap().satisfaction.as_ref().unwrap() {
        Satisfaction::Percent(x) => assert_eq!((x.value, x.qualifier), (98.0, Qualifier::AtLeast)),
        other => panic!("expected a percentage, got {other:?}"),
    }
    let pubs = s.publicity.as_ref().unwrap();
    assert!(pubs.text_reports.is_none(), "成千上万篇 is vague: not guessed");
    let images = pubs.image_reports.as_ref().unwrap();
    assert_eq!((images.value, images.qualifier), (300, Qualifier::AtLeast));
}

#[test]
fn diagnostics_say_what_was_read_refused_and_unknown() {
    let r = SummaryTable::from_labeled_text(&form(), Some(2021));
    let find = |code: &str, path: &str| r.diagnostics.iter().find(|d| d.code == code && d.path == path);
    let read = find("import.parsed", "/participation/participants").unwrap();
    assert_eq!(read.severity, Severity::Info);
    assert_eq!(read.params["qualifier"], "approx");
    assert_eq!(read.params["value"], 35_000);
    assert_eq!(read.params["label"], "参加活动人数");
    assert_eq!(find("import.parsed", "/participation/sub_venues").unwrap().params["value"], 12);
    assert_eq!(find("import.parsed", "/reach/satisfaction").unwrap().params["qualifier"], "at_least");
    assert!(find("import.parsed", "/theme_and_content/period").is_some());

    let kept = find("import.kept_as_text", "/publicity/text_reports").unwrap();
    assert_eq!(kept.severity, Severity::Warning);
    assert_eq!(kept.params["refusal"], "text.vague");
    assert_eq!(kept.params["text"], "成千上万篇");
    assert!(kept.message.contains("成千上万篇"));

    let unknown = find("import.unknown_label", "/other").unwrap();
    assert_eq!(unknown.params["label"], "备注");
    assert_eq!(r.diagnostics.iter().filter(|d| d.severity != Severity::Info).count(), 2);

    let other = r.summary.other.as_deref().unwrap();
    assert!(other.contains("【文字报道】成千上万篇"));
    assert!(other.contains("【备注】详见附件照片"));
}

#[test]
fn nothing_written_is_dropped() {
    let input = form();
    let r = SummaryTable::from_labeled_text(&input, Some(2021));
    let summary = serde_json::to_string(&r.summary).unwrap();
    for (label, text) in &input {
        // Typed rows keep the cell as `source` or as the parsed diagnostic's `text`; refused
        // and unknown rows keep it in `other`.
        let in_summary = summary.contains(text.as_str());
        let in_diagnostic =
            r.diagnostics.iter().any(|d| d.code == "import.parsed" && d.params["text"] == *text);
        assert!(in_summary || in_diagnostic, "{label}: {text} was dropped");
        if !r.diagnostics.iter().any(|d| d.code == "import.parsed" && d.params["text"] == *text) {
            assert!(summary.contains(&format!("【{label}】{text}")), "{label}: {text} not kept in other");
        }
    }
    // every cell is accounted for by exactly one kind of diagnostic
    for text in input.values() {
        assert!(r.diagnostics.iter().any(|d| d.params["text"] == *text), "{text} has no diagnostic");
    }
}

#[test]
fn api_answers_summary_and_diagnostics() {
    let json = serde_json::to_string(&form()).unwrap();
    let a: serde_json::Value =
        serde_json::from_str(&learning_week::ffi::import_labels_text(&json, Some(2021))).unwrap();
    assert_eq!(a["summary"]["participation"]["main_venues"]["value"], 1);
    assert!(a["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "import.kept_as_text"));
    let bad: serde_json::Value =
        serde_json::from_str(&learning_week::ffi::import_labels_text(r#"{"活动主题": ["x"]}"#, None))
            .unwrap();
    assert_eq!(bad["diagnostics"][0]["code"], "type.invalid");
    assert_eq!(bad["diagnostics"][0]["path"], "/活动主题");
}

#[test]
fn images_and_videos_stay_apart_and_typed_units_add_up() {
    let r = SummaryTable::from_labeled_text(
        [
            ("影像图片报道", "图片200余张，视频5个"),
            ("全市区数及参与活动的数量", "全区4个乡镇、1个街道，全部参与"),
        ],
        Some(2021),
    );
    let p = r.summary.publicity.as_ref().expect("publicity");
    let images = p.image_reports.as_ref().expect("images");
    let videos = p.video_reports.as_ref().expect("videos");
    assert_eq!((images.value, images.qualifier), (200, Qualifier::AtLeast));
    assert_eq!(
        (videos.value, videos.qualifier, videos.source.as_deref()),
        (5, Qualifier::Exact, Some("5个"))
    );
    let u = r.summary.participation.as_ref().expect("participation");
    assert_eq!(u.units_total.as_ref().map(|c| c.value), Some(5));
    assert_eq!(u.units_participating.as_ref().map(|c| c.value), Some(5));
    assert!(r.diagnostics.iter().all(|d| d.code == "import.parsed"), "{:?}", r.diagnostics);
}

#[test]
fn a_figure_of_another_year_is_kept_as_text_with_its_reason() {
    let r = SummaryTable::from_labeled_text([("参加活动人数", "2019年参与人数达5万人")], Some(2021));
    assert!(r.summary.participation.is_none());
    assert_eq!(r.summary.other.as_deref(), Some("【参加活动人数】2019年参与人数达5万人"));
    let kept = r.diagnostics.iter().find(|d| d.code == "import.kept_as_text").expect("kept");
    assert_eq!(kept.params["refusal"], "text.not_row_figure");
    assert_eq!(kept.params["refusal_reason"], "other_year");
    // The same cell in a 2019 report is that year's figure.
    let r = SummaryTable::from_labeled_text([("参加活动人数", "2019年参与人数达5万人")], Some(2019));
    assert_eq!(r.summary.participation.and_then(|p| p.participants).map(|c| c.value), Some(50_000));
}

/// The 有特色的活动 cell: a line written as the export writes an activity (name：description,
/// topics in a closing bracket) is one activity with its commas; a plain line is a list of names.
#[test]
fn featured_activities_keep_their_descriptions_and_topics() {
    let read = |cell: &str| {
        let t = SummaryTable::from_labeled_text([("有特色的活动".to_owned(), cell.to_owned())], Some(2021))
            .summary;
        t.participation
            .and_then(|p| p.featured_activities)
            .unwrap_or_default()
            .into_iter()
            .map(|f| {
                let topics = f.topics.unwrap_or_default().iter().map(|t| t.to_string()).collect::<Vec<_>>();
                (f.name.unwrap_or_default().into_owned(), f.description.map(|d| d.into_owned()), topics)
            })
            .collect::<Vec<_>>()
    };
    let none: Vec<String> = Vec::new();
    assert_eq!(
        read("“双减”课后服务进社区：公园街道社区教育学校，主题活动日（涉及主题：双减、青少年校外教育）\n乡村振兴农民夜校：石鼻镇村民学校，培训（主题：学习型城市（乡村）建设）"),
        [
            ("“双减”课后服务进社区".to_owned(), Some("公园街道社区教育学校，主题活动日".to_owned()), vec!["双减".to_owned(), "青少年校外教育".to_owned()]),
            ("乡村振兴农民夜校".to_owned(), Some("石鼻镇村民学校，培训".to_owned()), vec!["学习型城市（乡村）建设".to_owned()]),
        ]
    );
    // Written by hand: a list of names, on one line or several, is split as before.
    assert_eq!(
        read("读书会、诗词诵读会\n智慧助老课堂"),
        [
            ("读书会".to_owned(), None, none.clone()),
            ("诗词诵读会".to_owned(), None, none.clone()),
            ("智慧助老课堂".to_owned(), None, none.clone())
        ]
    );
    // A colon inside quotes or brackets is no name's end.
    assert_eq!(
        read("“读书：分享”会，周末"),
        [("“读书：分享”会".to_owned(), None, none.clone()), ("周末".to_owned(), None, none.clone())]
    );
    // A name and its topics, with no description.
    assert_eq!(
        read("读书分享会（涉及主题：全民阅读）"),
        [("读书分享会".to_owned(), None, vec!["全民阅读".to_owned()])]
    );
}

/// An organiser's closing bracket that names a role is its role; any other bracket is its name's.
#[test]
fn organisers_keep_the_role_their_bracket_names() {
    use learning_week::Role;
    let cell = "东湖区教育体育局（主办）、东湖区社区教育学院(组织实施)、保税区(金港镇)、（协办）";
    let t = SummaryTable::from_labeled_text([("主办单位及协办单位".to_owned(), cell.to_owned())], Some(2021))
        .summary;
    let orgs: Vec<(String, Option<Role>)> = t
        .organizers
        .unwrap_or_default()
        .into_iter()
        .map(|o| (o.name.unwrap_or_default().into_owned(), o.role))
        .collect();
    assert_eq!(
        orgs,
        [
            ("东湖区教育体育局".to_owned(), Some(Role::Host)),
            ("东湖区社区教育学院".to_owned(), Some(Role::Implementer)),
            ("保税区(金港镇)".to_owned(), None),
            ("（协办）".to_owned(), None),
        ]
    );
}
