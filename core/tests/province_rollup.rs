//! One level up: a province's notice (read from its text) expects its cities; each city's own
//! 总结表 — the roll-up's `city_summary` of its units — is its submission, and the province rolls
//! them up the same way: completeness, timeliness and the accounting identity hold.

use learning_week::api::{aggregate_value, AggregateRequest};
use learning_week::notice::Jurisdiction;
use learning_week::Notice;
use serde_json::{json, Value};

fn province_notice() -> Notice {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/notices/jiangxi-province-2023.txt"),
    )
    .expect("the province's notice");
    Notice::from_text(&text, &Default::default()).notice
}

/// The city's notice of the same year and week: its own jurisdiction from the registry.
fn city_notice(province: &Notice, city: &str) -> Notice {
    let mut n = province.clone();
    n.jurisdiction = Jurisdiction::of_city(city, province.year);
    n.title = Some(format!("关于举办2023年{city}全民终身学习活动周的通知"));
    n
}

fn unit_summary(unit: &str, participants: u64) -> Value {
    json!({
        "summary": {
            "year": 2023, "host_unit": unit,
            "organizers": [{"name": format!("{unit}教育局"), "role": "host"}],
            "participation": {"units_total": 10, "units_participating": 8, "main_venues": 1, "sub_venues": 4,
                "participants": {"value": participants, "qualifier": "exact", "unit": "人次"}},
            "theme_and_content": {"theme": "推进教育数字化，建设学习型社会", "period": {"start": "2023-10-20", "end": "2023-10-26"}},
            "reach": {"satisfaction": "98%"}
        },
        "submitted_at": "2023-10-30T10:00:00+08:00"
    })
}

/// A city's roll-up of two of its units; its `city_summary` is what it sends the province.
fn city_summary(province: &Notice, city: &str, units: [(&str, u64); 2]) -> Value {
    let notice = city_notice(province, city);
    let answer = aggregate_value(&AggregateRequest {
        notice: Some(serde_json::to_value(&notice).expect("a notice serialises")),
        submissions: units.iter().map(|(u, p)| unit_summary(u, *p)).collect(),
        plans: Vec::new(),
        options: Default::default(),
    });
    let rollup = answer.rollup.unwrap_or_else(|| panic!("{city}: {:#?}", answer.diagnostics));
    assert_eq!(rollup.reported_units.len(), 2, "{city}");
    assert_eq!(rollup.city_summary.host_unit.as_deref(), Some(city));
    serde_json::to_value(&rollup.city_summary).expect("a 总结表 serialises")
}

#[test]
fn three_cities_roll_up_into_their_province() {
    let province = province_notice();
    assert_eq!(province.units().len(), 11, "江西省's 11 cities");
    let sent = [
        (
            "南昌市",
            city_summary(&province, "南昌市", [("东湖区", 28600), ("南昌县", 5000)]),
            "2023-11-06T09:00:00+08:00",
        ),
        (
            "九江市",
            city_summary(&province, "九江市", [("濂溪区", 12000), ("浔阳区", 8000)]),
            "2023-11-10T23:00:00+08:00",
        ),
        (
            "赣州市",
            city_summary(&province, "赣州市", [("章贡区", 15000), ("南康区", 3000)]),
            "2023-11-12T09:00:00+08:00",
        ),
    ];
    let submissions: Vec<Value> =
        sent.iter().map(|(_, table, at)| json!({"summary": table, "submitted_at": at})).collect();
    let answer = aggregate_value(&AggregateRequest {
        notice: Some(serde_json::to_value(&province).expect("a notice serialises")),
        submissions,
        plans: Vec::new(),
        options: Default::default(),
    });
    let r = answer.rollup.unwrap_or_else(|| panic!("{:#?}", answer.diagnostics));
    assert_eq!(r.city.as_deref(), Some("江西省"));
    let mut reported = r.reported_units.clone();
    reported.sort();
    assert_eq!(reported, ["九江市", "南昌市", "赣州市"]);
    assert_eq!((r.completeness.expected, r.completeness.reported), (11, 3));
    assert_eq!(r.missing_units.len(), 8);
    assert!(r.accounting.is_balanced());
    // the cities' person-times add up; no 人 is mixed in
    assert_eq!(r.totals.participants.value, Some(28600 + 5000 + 12000 + 8000 + 15000 + 3000));
    assert_eq!(r.totals.participants.unit.as_deref(), Some("人次"));
    // 11月上旬: on time up to 11-10; 赣州市 on 11-12 is two days late
    assert_eq!(r.timeliness.last_on_time_day.map(|d| d.to_string()).as_deref(), Some("2023-11-10"));
    assert_eq!(r.late_units.len(), 1);
    assert_eq!((r.late_units[0].unit.as_str(), r.late_units[0].days_late), ("赣州市", 2));
    // and the province's own 总结表 names the province
    assert_eq!(r.city_summary.host_unit.as_deref(), Some("江西省"));
}
