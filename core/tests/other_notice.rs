//! A notice for another city and year drives the same rules: nothing is hard-coded to 2021 Nanchang.

use learning_week::api::{self, DocumentKind, ValidateOptions};
use learning_week::Notice;
use serde_json::{json, Value};

fn jiujiang_2022() -> Value {
    let mut n: Value = serde_json::from_str(Notice::nanchang_2021_json()).expect("embedded notice");
    n["issuer"] = json!("九江市教育局");
    n["title"] = json!("关于举办2022年九江市全民终身学习活动周的通知");
    n["year"] = json!(2022);
    n["theme"] = json!("喜迎二十大，学习新征程");
    n["week"] = json!({"start": "2022-10-31", "end": "2022-11-06"});
    n["reporting"]["deadline"] = json!("2022-11-20");
    n["reporting"]["deadline_inclusive"] = json!(false);
    n["reporting"]["grace_days"] = json!(1);
    n["arrangements"]["focus_items"] = json!([{"key": "reading", "name": "全民阅读", "keywords": ["阅读"]}]);
    n["jurisdiction"] = json!({"city": "九江市", "units": [
        {"name": "浔阳区", "kind": "district", "aliases": [], "rural": false},
        {"name": "濂溪区", "kind": "district", "aliases": ["庐山区"], "rural": true}
    ]});
    n
}

fn summary(unit: &str, year: i32, start: &str, end: &str, theme: &str) -> Value {
    json!({
        "year": year, "host_unit": unit,
        "organizers": [{"name": "区教体局", "role": "host"}],
        "leadership": {"issuing_departments": ["区教体局"], "attending_leaders": [{"title": "副区长"}],
                       "coordinating_department": "区社区学院", "planning_department": "区教体局"},
        "participation": {"units_total": 8, "units_participating": 8, "main_venues": 1, "sub_venues": 6,
                          "participants": {"value": 12000, "qualifier": "approx", "unit": "人次"},
                          "featured_activities": [{"name": "全民阅读进社区"}]},
        "theme_and_content": {"theme": theme, "content": "读书分享会", "outcomes": "良好",
                              "period": {"start": start, "end": end}},
        "reach": {"scope": "全区街道", "satisfaction": 97, "self_assessment": "圆满完成"},
        "publicity": {"scope": "区政府网站", "text_reports": 4, "image_reports": 9}
    })
}

fn codes(doc: &Value, kind: DocumentKind, notice: &Value) -> Vec<String> {
    let opts = ValidateOptions { notice: Some(notice.clone()), plan: None };
    let a = api::validate_value(Some(kind), doc, &opts);
    a.diagnostics.into_iter().map(|d| d.code.to_string()).collect()
}

#[test]
fn another_city_and_year_is_checked_by_its_own_notice() {
    let n = jiujiang_2022();
    let ok = summary("浔阳区", 2022, "2022-10-31", "2022-11-06", "以“喜迎二十大 学习新征程”为主题");
    assert!(codes(&ok, DocumentKind::Summary, &n).is_empty(), "{:?}", codes(&ok, DocumentKind::Summary, &n));

    // A Nanchang unit, the 2021 year, week and theme are all wrong under this notice (the theme is
    // 2021's national one, and the finding says so).
    let wrong = summary("东湖区", 2021, "2021-11-22", "2021-11-28", "庆建党百年华诞，谱终身学习新篇");
    let c = codes(&wrong, DocumentKind::Summary, &n);
    for want in ["unit.unknown", "year.mismatch", "period.outside_week", "theme.other_year"] {
        assert!(c.iter().any(|x| x == want), "{want} missing from {c:?}");
    }

    // Its own alias is recognised.
    let alias = summary("庐山区", 2022, "2022-10-31", "2022-11-06", "喜迎二十大，学习新征程");
    assert_eq!(codes(&alias, DocumentKind::Summary, &n), vec!["unit.alias_normalised"]);
}

#[test]
fn deadline_exclusive_with_grace_days() {
    let n = jiujiang_2022();
    let sub = |at: &str| {
        json!({"summary": summary("浔阳区", 2022, "2022-10-31", "2022-11-06", "喜迎二十大，学习新征程"),
               "submitted_at": at,
               "materials": [{"kind": "work_summary", "file_name": "a.docx"}, {"kind": "summary_table", "file_name": "b.docx"},
                             {"kind": "typical_case", "file_name": "c.docx"}, {"kind": "stamped_scan", "file_name": "d.pdf"}]})
    };
    // Exclusive deadline 11-20 → last day 11-19, plus one grace day → 11-20 is still on time.
    assert!(codes(&sub("2022-11-20T18:00:00+08:00"), DocumentKind::Submission, &n).is_empty());
    let late = codes(&sub("2022-11-21T09:00:00+08:00"), DocumentKind::Submission, &n);
    assert_eq!(late, vec!["submission.late"]);
}

#[test]
fn an_incoherent_notice_is_reported_not_used() {
    let mut n = jiujiang_2022();
    n["week"] = json!({"start": "2022-11-06", "end": "2022-10-31"});
    n["jurisdiction"]["units"][1]["aliases"] = json!(["浔阳区"]);
    let opts = ValidateOptions { notice: Some(n), plan: None };
    let a = api::validate_value(Some(DocumentKind::Summary), &json!({"host_unit": "浔阳区"}), &opts);
    assert!(!a.valid);
    assert!(a.diagnostics.iter().all(|d| d.document.as_deref() == Some("notice")));
    let c: Vec<&str> = a.codes();
    assert!(c.contains(&"notice.week_inverted") && c.contains(&"notice.unit_name_ambiguous"), "{c:?}");
}

/// An unknown unit's message names the unit it most likely means, in both languages.
#[test]
fn an_unknown_unit_is_told_the_likely_one() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/nanchang-2021/submissions/xinjian.submission.json"
    ))
    .expect("the example");
    let text = text.replace("\"host_unit\": \"新建区\"", "\"host_unit\": \"新建县\"");
    let answer = learning_week::api::validate_json(None, &text, &Default::default());
    let d = answer.diagnostics.iter().find(|d| d.code == "unit.unknown").expect("unit.unknown");
    assert!(d.message.starts_with("“新建县”不是本通知的报送单位（是否应为“新建区”？）；"), "{}", d.message);
    assert!(d.message_en.contains("(did you mean \"新建区\"?)"), "{}", d.message_en);
}
