//! The rows of 活动参与情况 given as text in a JSON 总结表 take their own figure: a text naming
//! both venues (主会场1个、分会场12个) or both unit figures gives each row its own, never the
//! first figure; the figures of these cells are the values of the answer's document.

use learning_week::api::{self, DocumentKind};
use serde_json::{json, Value};

/// The document's `participation/KEY` value after reading `text` there, and the codes found.
fn read(key: &str, text: &str) -> (Option<Value>, Vec<String>) {
    let doc = json!({"host_unit": "东湖区", "participation": {key: text}});
    let a = api::validate_json(Some(DocumentKind::Summary), &doc.to_string(), &Default::default());
    let at = format!("/participation/{key}");
    let codes = a.diagnostics.iter().filter(|d| d.path == at).map(|d| d.code.to_string()).collect();
    let value = a.document.and_then(|d| d.pointer(&format!("/participation/{key}/value")).cloned());
    (value, codes)
}

#[test]
fn each_row_takes_its_own_figure_of_a_text_naming_both() {
    assert_eq!(
        read("sub_venues", "主会场1个、分会场12个"),
        (Some(json!(12)), vec!["count.from_text".to_owned()])
    );
    assert_eq!(
        read("main_venues", "主会场1个、分会场12个"),
        (Some(json!(1)), vec!["count.from_text".to_owned()])
    );
    assert_eq!(read("units_participating", "全区10个街道，9个参与").0, Some(json!(9)));
    assert_eq!(read("units_total", "全区10个街道，9个参与").0, Some(json!(10)));
    assert_eq!(read("sub_venues", "12个").0, Some(json!(12)));
}

#[test]
fn a_figure_of_another_row_or_kind_is_refused_not_taken() {
    for (key, text) in [
        ("main_venues", "分会场12个"),
        ("sub_venues", "主、分会场共13个"),
        ("sub_venues", "3.5万人"),
        ("main_venues", "1200人次"),
        ("units_total", "10人"),
    ] {
        let (value, codes) = read(key, text);
        assert_eq!(value, None, "{key} = {text}");
        assert!(codes.contains(&"text.kind_missing".to_owned()), "{key} = {text}: {codes:?}");
    }
}

#[test]
fn the_whole_cell_is_the_source() {
    let doc = json!({"host_unit": "东湖区", "participation": {"sub_venues": "主会场1个、分会场12个"}});
    let a = api::validate_json(Some(DocumentKind::Summary), &doc.to_string(), &Default::default());
    let source = a.document.and_then(|d| d.pointer("/participation/sub_venues/source").cloned());
    assert_eq!(source, Some(json!("主会场1个、分会场12个")));
}
