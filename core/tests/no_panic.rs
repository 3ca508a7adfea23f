//! No input may panic: wasm32 aborts the whole module on panic and pyo3 turns a panic into a
//! BaseException. Arbitrary JSON goes through every entry point, as document and as context.

use learning_week::api::{self, DocumentKind, ValidateOptions};
use learning_week::ffi;
use proptest::prelude::*;
use serde_json::{json, Map, Value};

const KEYS: &[&str] = &[
    "year",
    "host_unit",
    "organizers",
    "leadership",
    "participation",
    "theme_and_content",
    "reach",
    "publicity",
    "other",
    "units_total",
    "units_participating",
    "main_venues",
    "sub_venues",
    "participants",
    "featured_activities",
    "theme",
    "content",
    "outcomes",
    "period",
    "start",
    "end",
    "scope",
    "satisfaction",
    "self_assessment",
    "text_reports",
    "image_reports",
    "value",
    "qualifier",
    "unit",
    "summary",
    "submitted_at",
    "materials",
    "plan",
    "kind",
    "file_name",
    "format",
    "activities",
    "opening_ceremony",
    "date",
    "name",
    "jurisdiction",
    "units",
    "aliases",
    "week",
    "reporting",
    "deadline",
    "level",
    "role",
    "x",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        ".{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "2021-11-22",
            "2021-11-31",
            "2021-12-05T23:59:00+08:00",
            "约3.5万人次",
            "满意",
            "at_least",
            "湾里区",
            "",
            " ",
            "1e400",
            "pdf",
            "hybrid",
            "typical_case",
        ])
        .prop_map(|s| Value::String(s.into())),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|kv| Value::Object(
                kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect::<Map<_, _>>()
            )),
        ]
    })
}

fn kinds() -> impl Strategy<Value = Option<DocumentKind>> {
    prop::sample::select(vec![
        None,
        Some(DocumentKind::Summary),
        Some(DocumentKind::Plan),
        Some(DocumentKind::Submission),
        Some(DocumentKind::Notice),
    ])
}

/// A finding as the catalog promises it: a known code with its severity, a JSON Pointer path,
/// both messages rendered, and a param for every placeholder of the rule's templates.
fn well_formed(d: &learning_week::Diagnostic) -> bool {
    let rule = d.code.rule();
    // Placeholders outside `[[…]]` (an optional part, dropped when its params are absent).
    let placeholders = |t: &str| -> Vec<String> {
        let mut required = String::new();
        let mut rest = t;
        while let Some((before, after)) = rest.split_once("[[") {
            required.push_str(before);
            rest = after.split_once("]]").map_or("", |(_, tail)| tail);
        }
        required.push_str(rest);
        required
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect()
    };
    let params_given = placeholders(rule.message)
        .iter()
        .chain(&placeholders(rule.message_en))
        .all(|p| d.params.contains_key(p));
    rule.severity == d.severity
        && (d.path.is_empty() || d.path.starts_with('/'))
        && !d.message.is_empty()
        && !d.message_en.is_empty()
        && params_given
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_documents_never_panic(kind in kinds(), v in json_value()) {
        let a = api::validate_value(kind, &v, &ValidateOptions::default());
        for d in &a.diagnostics {
            prop_assert!(well_formed(d), "{:?}", d);
        }
        // A document that is not an object is never valid; an object of no known kind neither.
        if !v.is_object() || (kind.is_none() && DocumentKind::detect(&v).is_none()) {
            prop_assert!(!a.valid);
        }
        let text = serde_json::to_string(&v).unwrap_or_default();
        let b = api::validate_json(kind, &text, &ValidateOptions::default());
        prop_assert_eq!(a.codes(), b.codes());
    }

    #[test]
    fn arbitrary_context_documents_never_panic(v in json_value(), n in json_value(), p in json_value()) {
        let opts = ValidateOptions { notice: Some(n), plan: Some(p) };
        let _ = api::validate_value(None, &v, &opts);
        let req = json!({"input": v, "notice": opts.notice, "plan": opts.plan}).to_string();
        let out = ffi::validate_request_text(&req);
        prop_assert!(serde_json::from_str::<Value>(&out).is_ok());
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,64}") {
        let a = api::validate_json(None, &s, &ValidateOptions::default());
        for d in &a.diagnostics {
            prop_assert!(well_formed(d), "{:?}", d);
        }
        // Text that is not JSON is exactly one json.syntax / json.too_deep finding.
        if serde_json::from_str::<Value>(&s).is_err() {
            prop_assert_eq!(a.diagnostics.len(), 1);
            prop_assert!(matches!(a.codes()[0], "json.syntax" | "json.too_deep"));
        }
        let _ = ffi::validate_request_text(&s);
    }

    #[test]
    fn arbitrary_field_checks_never_panic(kind in kinds(), v in json_value(), pointer in "(/[a-z_0-9~]{0,12}){0,3}|\\PC{0,8}") {
        let a = api::validate_field_value(kind, &v, &pointer, &ValidateOptions::default());
        for d in &a.diagnostics {
            prop_assert!(well_formed(d), "{:?}", d);
        }
        // A field re-check only ever reports at or below its pointer, or about the pointer itself.
        if !pointer.is_empty() && pointer.starts_with('/') {
            let whole = api::validate_value(kind, &v, &ValidateOptions::default());
            for d in a.diagnostics.iter().filter(|d| d.document.is_none()) {
                prop_assert!(whole.diagnostics.iter().any(|w| w.code == d.code), "{} not in the whole answer", d.code);
            }
        }
    }

    #[test]
    fn arbitrary_rollups_never_panic_and_account_for_every_input(items in prop::collection::vec(json_value(), 0..6)) {
        let n = items.len();
        let a = api::aggregate_json(&json!({"submissions": &items}).to_string());
        let rollup = a.rollup.expect("a list of submissions always rolls up");
        prop_assert!(rollup.accounting.is_balanced());
        prop_assert_eq!(rollup.accounting.inputs, n);
        // The list itself is not a request: answered with a diagnostic, not thrown.
        let bare = api::aggregate_json(&Value::Array(items).to_string());
        prop_assert!(bare.ok || !bare.diagnostics.is_empty());
    }

    #[test]
    fn arbitrary_label_imports_never_panic(v in json_value()) {
        let out = ffi::import_labels_text(&v.to_string(), Some(2021));
        prop_assert!(serde_json::from_str::<Value>(&out).is_ok_and(|a| a["diagnostics"].is_array()));
    }

    #[test]
    fn arbitrary_parse_requests_never_panic(parser in prop::sample::select(&["quantity", "percent", "period", "venues", "units", "names", "nope"][..]), text in "\\PC{0,40}", year in prop::option::of(-5000i32..5000)) {
        let out = ffi::parse_request_text(&json!({"parser": parser, "text": text, "year": year}).to_string());
        let a: Value = serde_json::from_str(&out).expect("answer is JSON");
        prop_assert!(a["ok"].as_bool() == Some(!a["value"].is_null()) || a["error"].is_object());
    }

    #[test]
    fn mutated_valid_documents_never_panic(path in prop::collection::vec(prop::sample::select(KEYS), 1..4), v in json_value()) {
        let mut doc = json!({
            "year": 2021, "host_unit": "东湖区",
            "participation": {"units_total": 10, "units_participating": 9, "main_venues": 1, "sub_venues": 3,
                              "participants": {"value": 35000, "qualifier": "approx", "unit": "人次"}},
            "theme_and_content": {"theme": "庆建党百年华诞，谱终身学习新篇", "period": {"start": "2021-11-22", "end": "2021-11-28"}}
        });
        let mut cur = &mut doc;
        for k in &path[..path.len() - 1] {
            if !cur.get(*k).is_some_and(Value::is_object) {
                cur[*k] = json!({});
            }
            cur = &mut cur[*k];
        }
        cur[*path.last().unwrap_or(&"x")] = v;
        let _ = api::validate_value(Some(DocumentKind::Summary), &doc, &ValidateOptions::default());
        let sub = json!({"summary": doc, "submitted_at": "2021-12-01T10:00:00+08:00", "materials": []});
        let _ = api::validate_value(None, &sub, &ValidateOptions::default());
    }
}

#[test]
fn hostile_inputs_are_diagnostics() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let a = api::validate_json(None, &deep, &ValidateOptions::default());
    assert_eq!(a.codes(), vec!["json.too_deep"]);
    let deep_obj = "{\"a\":".repeat(100_000);
    assert_eq!(
        api::validate_json(None, &deep_obj, &ValidateOptions::default()).codes(),
        vec!["json.too_deep"]
    );
    let huge = json!({"host_unit": "东湖区", "other": "长".repeat(3_000_000)});
    let a = api::validate_value(Some(DocumentKind::Summary), &huge, &ValidateOptions::default());
    let d = a.diagnostics.iter().find(|d| d.code == "row.too_long").expect("too long reported");
    assert_eq!(d.path, "/other");
    assert!(d.input.as_ref().and_then(Value::as_str).is_some_and(|s| s.chars().count() <= 201));
    let big = api::validate_json(
        Some(DocumentKind::Summary),
        r#"{"participation": {"participants": 1000000000000000000000000000000}}"#,
        &ValidateOptions::default(),
    );
    assert!(big
        .diagnostics
        .iter()
        .any(|d| d.code == "count.too_large" && d.path == "/participation/participants"));
}

/// A count given as 600,000 characters of figures is refused as too long at once, before the
/// text parsers (which weigh every figure against the others) run.
#[test]
fn a_huge_count_text_is_too_long_before_it_is_read() {
    let text = "约3万人次，".repeat(100_000);
    let doc = serde_json::json!({"host_unit": "东湖区", "participation": {"participants": text}}).to_string();
    let a = learning_week::api::validate_json(
        Some(learning_week::DocumentKind::Summary),
        &doc,
        &Default::default(),
    );
    let at: Vec<&str> = a
        .diagnostics
        .iter()
        .filter(|d| d.path == "/participation/participants")
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(at, ["row.too_long"]);
}

/// Every text parser, as the bindings call it, refuses a text over the bound as `row.too_long`
/// with a short excerpt — not `text.no_number` after weighing 100,000 figures — and so does
/// the label import for a count cell.
#[test]
fn every_text_parser_refuses_a_text_over_the_bound() {
    use learning_week::api::{parse_text, ParseRequest, TextParser};
    use learning_week::text::{CellRow, MAX_TEXT_CHARS};
    let text = "约3万人次，98%，11月22日，主会场1个，9个县区、".repeat(3_000);
    assert!(text.chars().count() > MAX_TEXT_CHARS);
    let rows = [None, None, None, None, None, None, Some(CellRow::Participants), Some(CellRow::Satisfaction)];
    let parsers = [
        TextParser::Quantity,
        TextParser::Percent,
        TextParser::Period,
        TextParser::Venues,
        TextParser::Units,
        TextParser::Names,
        TextParser::Cell,
        TextParser::Cell,
    ];
    for (parser, row) in parsers.into_iter().zip(rows) {
        let a = parse_text(&ParseRequest {
            parser,
            text: text.clone(),
            year: Some(2021),
            of_kind: None,
            row,
            offsets: Default::default(),
        });
        let e = a.error.unwrap_or_else(|| panic!("{parser:?} read a text over the bound"));
        assert_eq!((a.ok, e.code.as_str()), (false, "row.too_long"), "{parser:?}");
        assert_eq!(e.params["max"], MAX_TEXT_CHARS, "{parser:?}");
        assert_eq!(e.params["chars"], text.chars().count(), "{parser:?}");
        assert!(e.params["text"].as_str().is_some_and(|t| t.chars().count() == 21), "{parser:?}");
        assert!(e.message.contains("上限 65536") && e.message_en.contains("limit is 65536"), "{parser:?}");
    }
    let found = learning_week::text::find_quantities(&text);
    assert_eq!(found.len(), 1);
    assert!(found[0].as_ref().is_err_and(|e| e.code == "row.too_long"));
    // Just inside the bound, the text is read.
    let inside = "1".repeat(MAX_TEXT_CHARS - 1) + "人";
    assert!(!matches!(learning_week::text::parse_quantity(&inside), Err(e) if e.code == "row.too_long"));
    let imported = learning_week::SummaryTable::from_labeled_text(
        vec![("参加活动人数".to_string(), text.clone())],
        Some(2021),
    );
    // The label import keeps the cell as text (in 其他, whole) and says why: too long.
    let kept = imported.diagnostics.iter().find(|d| d.code == "import.kept_as_text").expect("kept as text");
    assert_eq!(kept.params["refusal"], "row.too_long");
    assert!(kept.message.chars().count() < 400, "the message quotes an excerpt, not the paste");
    assert!(imported.summary.other.as_deref().is_some_and(|o| o.contains(&text)));
}
