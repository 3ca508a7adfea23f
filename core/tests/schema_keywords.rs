//! The field constraints reach the JSON Schemas, field by field: `required` rows, the validator
//! attributes (length, range, email, regex), the reader's own limits (65,536 characters, counts
//! 0 … 10^12), and the rules a schema cannot state are listed as the examples of `$defs/LibraryRule`. Also: the
//! portable patterns mean what the library's regexes mean, every description is bilingual, and
//! the edge cases of `schemas/conformance/edge-cases.json` are the library's verdicts.

use learning_week::decode::FieldFindings;
use learning_week::decode::{MAX_COUNT, MAX_TEXT_CHARS};
use learning_week::schema::{
    all, library_rules, DATETIME_PATTERN, EMAIL_PATTERN, NON_BLANK_PATTERN, NOT_SCHEMA_QUESTIONS,
    ROLLUP_PREFIX, RULES_DEF, SCHEMA_CODES,
};
use learning_week::{api, catalog::descriptors as catalog, DocumentKind};
use serde_json::{json, Value};
use std::collections::BTreeSet;

fn schema(file: &str) -> Value {
    all().into_iter().find(|(n, _)| *n == file).map(|(_, s)| s).unwrap_or_else(|| panic!("no {file}"))
}

/// Follows a local `$ref`, and an optional row's `anyOf: [X, {type: null}]` to X.
fn resolve<'a>(root: &'a Value, mut v: &'a Value) -> &'a Value {
    loop {
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            if v.get("properties").is_none() && v.get("type").is_none() {
                let name = r.trim_start_matches("#/$defs/");
                v = &root["$defs"][name];
                continue;
            }
        }
        if let Some(branches) = v.get("anyOf").and_then(Value::as_array) {
            let non_null: Vec<&Value> =
                branches.iter().filter(|b| b.get("type") != Some(&json!("null"))).collect();
            if non_null.len() == 1 && branches.len() == 2 {
                v = non_null[0];
                continue;
            }
        }
        return v;
    }
}

/// The schema of the field at `path` (`*` = an array item), without following the last `$ref`.
fn field<'a>(root: &'a Value, path: &str) -> &'a Value {
    let mut v = root;
    for token in path.split('/').skip(1) {
        let here = resolve(root, v);
        v = if token == "*" { &here["items"] } else { &here["properties"][token] };
        assert!(!v.is_null(), "no schema at {path} (stopped at {token})");
    }
    v
}

fn required(obj: &Value) -> BTreeSet<String> {
    obj.get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// The fields `#[validate(required)]` marks, as the library sees them: an empty value's errors.
fn validator_required<T: FieldFindings + Default>() -> BTreeSet<String> {
    T::default()
        .field_findings()
        .into_iter()
        .filter(|d| d.code == "row.missing")
        .map(|d| d.path.trim_start_matches('/').to_owned())
        .collect()
}

#[test]
fn required_rows_are_the_validator_required_fields_of_every_model_struct() {
    use learning_week::notice::*;
    use learning_week::plan::*;
    use learning_week::submission::Material;
    use learning_week::summary::*;
    macro_rules! check {
        ($file:literal, $path:literal, $t:ty) => {{
            let root = schema($file);
            let obj = resolve(&root, if $path.is_empty() { &root } else { field(&root, $path) });
            assert_eq!(
                required(obj),
                validator_required::<$t>(),
                "{} {}: `required` differs from #[validate(required)] of {}",
                $file,
                $path,
                stringify!($t)
            );
        }};
    }
    check!("summary.schema.json", "", learning_week::SummaryTable);
    check!("summary.schema.json", "/organizers/*", Organizer);
    check!("summary.schema.json", "/leadership", Leadership);
    check!("summary.schema.json", "/participation", Participation);
    check!("summary.schema.json", "/participation/featured_activities/*", FeaturedActivity);
    check!("summary.schema.json", "/theme_and_content", ThemeAndContent);
    check!("summary.schema.json", "/theme_and_content/period", learning_week::Period);
    check!("summary.schema.json", "/reach", Reach);
    check!("summary.schema.json", "/publicity", Publicity);
    check!("plan.schema.json", "", learning_week::ActivityPlan);
    check!("plan.schema.json", "/opening_ceremony", OpeningCeremony);
    check!("plan.schema.json", "/opening_ceremony/leaders/*", Leader);
    check!("plan.schema.json", "/activities/*", Activity);
    check!("plan.schema.json", "/epidemic_prevention", EpidemicPrevention);
    check!("submission.schema.json", "", learning_week::Submission);
    check!("submission.schema.json", "/materials/*", Material);
    check!("submission.schema.json", "/summary", learning_week::SummaryTable);
    check!("submission.schema.json", "/plan", learning_week::ActivityPlan);
    check!("notice.schema.json", "", learning_week::Notice);
    check!("notice.schema.json", "/references/*", DocumentReference);
    check!("notice.schema.json", "/arrangements", Arrangements);
    check!("notice.schema.json", "/arrangements/focus_items/*", Topic);
    check!("notice.schema.json", "/organisation", Organisation);
    check!("notice.schema.json", "/organisation/roles/*", RoleAssignment);
    check!("notice.schema.json", "/reporting", ReportingDuty);
    check!("notice.schema.json", "/reporting/materials/*", RequiredMaterial);
    check!("notice.schema.json", "/reporting/contacts/*", Contact);
    check!("notice.schema.json", "/jurisdiction", Jurisdiction);
    check!("notice.schema.json", "/jurisdiction/units/*", ReportingUnit);
}

#[test]
fn required_rows_do_not_admit_null_and_optional_rows_do() {
    // The library reads null as absent: a required row that is null is `row.missing`.
    let s = schema("summary.schema.json");
    assert!(field(&s, "/host_unit")["type"] == "string");
    assert_eq!(field(&s, "/other")["type"], json!(["string", "null"]));
    assert!(field(&s, "/reach/satisfaction")["anyOf"][1]["type"] == "null");
}

/// One field's keyword, as the table below states it.
fn assert_keyword(file: &str, path: &str, keyword: &str, expected: Value) {
    let root = schema(file);
    let f = field(&root, path);
    let here = if f.get(keyword).is_some() { f } else { resolve(&root, f) };
    assert_eq!(here.get(keyword), Some(&expected), "{file} {path}: {keyword}");
}

#[test]
fn validator_attributes_become_schema_keywords_field_by_field() {
    let nb = json!(NON_BLANK_PATTERN);
    let s = "summary.schema.json";
    // labels: the form's own row labels are the titles
    assert_keyword(s, "/host_unit", "title", json!("举办县区"));
    assert_keyword(s, "/participation/units_total", "title", json!("全市区数"));
    assert_keyword(s, "/reach/satisfaction", "title", json!("群众满意度"));
    // regex(path = NON_BLANK, code = "row.blank") → pattern
    for p in [
        "/host_unit",
        "/organizers/*/name",
        "/leadership/coordinating_department",
        "/leadership/planning_department",
        "/participation/featured_activities/*/name",
        "/theme_and_content/theme",
        "/theme_and_content/content",
        "/theme_and_content/outcomes",
        "/reach/scope",
        "/reach/self_assessment",
        "/publicity/scope",
    ] {
        assert_keyword(s, p, "pattern", nb.clone());
        assert_keyword(s, p, "maxLength", json!(MAX_TEXT_CHARS));
    }
    // length(min = 1, code = "row.blank") → minItems; blank list items → item pattern / anyOf
    assert_keyword(s, "/leadership/issuing_departments", "minItems", json!(1));
    assert_keyword(s, "/leadership/issuing_departments/*", "pattern", nb.clone());
    assert_keyword(s, "/leadership/attending_leaders", "minItems", json!(1));
    let root = schema(s);
    let leader = field(&root, "/leadership/attending_leaders/*");
    assert_eq!(leader["anyOf"][0]["required"], json!(["title"]));
    assert_eq!(leader["anyOf"][1]["properties"]["name"]["pattern"], nb);
    // i32 → its bounds (number.out_of_range)
    assert_keyword(s, "/year", "minimum", json!(i32::MIN));
    assert_keyword(s, "/year", "maximum", json!(i32::MAX));
    // dates
    assert_keyword(s, "/theme_and_content/period/start", "format", json!("date"));

    // 群众满意度: range(min = 0.0, max = 100.0, code = "satisfaction.out_of_range")
    let sat = resolve(&root, field(&root, "/reach/satisfaction"));
    assert_eq!((&sat["anyOf"][0]["minimum"], &sat["anyOf"][0]["maximum"]), (&json!(0), &json!(100)));
    let percent = &root["$defs"]["Percent"]["properties"]["value"];
    assert_eq!((percent["minimum"].as_f64(), percent["maximum"].as_f64()), (Some(0.0), Some(100.0)));
    // ... and the shapes the library reads: number | {value…} | {level} | level | text
    let kinds: Vec<&Value> =
        sat["anyOf"].as_array().unwrap().iter().map(|b| b.get("type").unwrap_or(&Value::Null)).collect();
    assert_eq!(kinds, [&json!("number"), &json!("object"), &json!("object"), &Value::Null, &json!("string")]);

    // counts: integer | qualified object | text, each bounded like the reader (count.negative, count.too_large)
    let count = &root["$defs"]["Count"]["anyOf"];
    assert_eq!(count[0]["type"], "integer");
    assert_eq!((&count[0]["minimum"], &count[0]["maximum"]), (&json!(0), &json!(MAX_COUNT)));
    assert_eq!(count[1]["required"], json!(["value"]));
    assert_eq!(count[1]["properties"]["value"]["maximum"], json!(MAX_COUNT));
    assert_eq!(count[1]["properties"]["unit"]["type"], "string"); // null is refused inside a count
    assert_eq!((&count[2]["type"], &count[2]["maxLength"]), (&json!("string"), &json!(MAX_TEXT_CHARS)));
    for p in ["units_total", "units_participating", "main_venues", "sub_venues", "participants"] {
        assert_keyword(s, &format!("/participation/{p}"), "$ref", json!("#/$defs/Count"));
    }

    let n = "notice.schema.json";
    // email(code = "contact.email_invalid") → format, plus the library's grammar as pattern
    assert_keyword(n, "/reporting/email", "format", json!("email"));
    assert_keyword(n, "/reporting/email", "pattern", json!(EMAIL_PATTERN));
    // regex(path = PHONE, code = "contact.phone_invalid") → pattern (strict end of text)
    assert_keyword(
        n,
        "/reporting/contacts/*/phone",
        "pattern",
        json!(r"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}|\(0[0-9]{2,3}\)[0-9]{7,8})$(?!\n)"),
    );
    // range(…, code = "number.out_of_range") → minimum / maximum
    assert_keyword(n, "/year", "minimum", json!(2000));
    assert_keyword(n, "/year", "maximum", json!(2100));
    assert_keyword(n, "/reporting/grace_days", "minimum", json!(0));
    assert_keyword(n, "/reporting/grace_days", "maximum", json!(365));
    assert_keyword(n, "/reporting/materials/*/count", "minimum", json!(1));
    assert_keyword(n, "/reporting/materials/*/count", "maximum", json!(100));

    let u = "submission.schema.json";
    assert_keyword(u, "/submitted_at", "format", json!("date-time"));
    assert_keyword(u, "/submitted_at", "pattern", json!(DATETIME_PATTERN));
    assert_keyword(u, "/materials/*/file_name", "pattern", nb);
    assert_keyword(u, "/summary/host_unit", "title", json!("举办县区"));
}

/// Walks every subschema (not the examples, not the library rules' definition).
fn walk<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(m) => {
            out.push((at.clone(), v));
            for (k, child) in m {
                if k != "examples" && k != RULES_DEF && k != "default" && k != "const" {
                    walk(child, format!("{at}/{k}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match v.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(ts)) => ts.iter().any(|x| x == t),
        _ => false,
    }
}

#[test]
fn every_string_and_number_of_a_document_is_bounded_like_the_reader() {
    for file in ["notice.schema.json", "plan.schema.json", "summary.schema.json", "submission.schema.json"] {
        let root = schema(file);
        let mut nodes = Vec::new();
        walk(&root, String::new(), &mut nodes);
        for (at, v) in nodes {
            if has_type(v, "string") && v.get("enum").is_none() && v.get("const").is_none() {
                assert_eq!(
                    v.get("maxLength"),
                    Some(&json!(MAX_TEXT_CHARS)),
                    "{file}{at}: string without maxLength"
                );
            }
            if has_type(v, "integer") || has_type(v, "number") {
                assert!(
                    v.get("minimum").is_some() && v.get("maximum").is_some(),
                    "{file}{at}: unbounded number"
                );
            }
            if let Some(f) = v.get("format").and_then(Value::as_str) {
                assert!(["date", "date-time", "email"].contains(&f), "{file}{at}: non-standard format {f}");
            }
        }
    }
}

#[test]
fn non_blank_pattern_is_rusts_non_blank_code_point_for_code_point() {
    let rust = regex::Regex::new(r"\S").unwrap();
    let portable = regex::Regex::new(NON_BLANK_PATTERN).unwrap();
    let mut buf = [0u8; 4];
    for c in (0..=0x3_0000u32).filter_map(char::from_u32) {
        let s = c.encode_utf8(&mut buf);
        assert_eq!(rust.is_match(s), portable.is_match(s), "U+{:04X}", c as u32);
    }
}

/// The pattern without the `(?!\n)` guard (a lookahead the regex crate does not read; it only
/// keeps Python's `$` from matching before a final newline).
fn rust_form(pattern: &str) -> regex::Regex {
    regex::Regex::new(&pattern.replace(r"$(?!\n)", r"\z")).expect("the schema's pattern compiles in Rust")
}

#[test]
fn email_pattern_agrees_with_the_validator_crate() {
    use validator::ValidateEmail;
    let re = rust_form(EMAIL_PATTERN);
    let samples = [
        "nccec@163.com",
        "a@b",
        "a@localhost",
        ".a@x.cn",
        "a..b@x.cn",
        "a@@x.cn",
        "a b@x.cn",
        "用户@x.cn",
        "a@x.cn ",
        " a@x.cn",
        "a@-x.cn",
        "a@x-.cn",
        "a@x_y.cn",
        "a@x..cn",
        "@x.cn",
        "a@",
        "a@x.cn.",
        "first.last+tag@sub.example.org",
        "x@[127.0.0.1]",
        "a@例子.中国",
    ];
    for s in samples {
        assert_eq!(re.is_match(s), s.validate_email(), "{s:?}");
    }
    let long = format!("{}@x.cn", "a".repeat(65));
    assert!(!re.is_match(&long) && !long.as_str().validate_email());
}

#[test]
fn datetime_pattern_accepts_the_shapes_the_library_reads() {
    let re = rust_form(DATETIME_PATTERN);
    for (s, ok) in [
        ("2021-12-03T16:20:00+08:00", true),
        ("2021-12-03t16:20:00+08:00", true),
        ("2021-12-03 16:20:00+08:00", true),
        ("2021-12-03T08:20:00Z", true),
        ("2021-12-03T08:20:00z", true),
        ("2021-12-03T16:20:00.123456789+08:00", true),
        ("2021-12-03T16:20:00+0800", false),
        ("2021-12-03T16:20+08:00", false),
        ("2021-12-03T16:20:00", false),
        ("2021-12-03", false),
    ] {
        assert_eq!(re.is_match(s), ok, "{s}");
        assert_eq!(chrono::DateTime::parse_from_rfc3339(s).is_ok(), ok, "chrono on {s}");
    }
}

#[test]
fn every_rule_is_expressed_by_the_schema_or_listed_as_a_library_rule() {
    let docs = [
        (DocumentKind::Notice, "notice.schema.json"),
        (DocumentKind::Plan, "plan.schema.json"),
        (DocumentKind::Summary, "summary.schema.json"),
        (DocumentKind::Submission, "submission.schema.json"),
    ];
    let listed = |file: &str| -> BTreeSet<String> {
        schema(file)["$defs"][RULES_DEF]["examples"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_owned())
            .collect()
    };
    for (kind, file) in docs {
        let x = listed(file);
        assert_eq!(x, library_rules(kind).into_iter().map(|r| r.code).collect(), "{file}");
        for r in
            catalog().iter().filter(|r| r.documents.contains(&kind) && !r.code.starts_with(ROLLUP_PREFIX))
        {
            let expressed = SCHEMA_CODES.contains(&r.code.as_str());
            let not_a_question = NOT_SCHEMA_QUESTIONS.contains(&r.code.as_str());
            assert!(
                expressed || not_a_question || x.contains(&r.code),
                "{file}: rule {} is neither expressed by the schema nor listed under $defs/LibraryRule",
                r.code
            );
            assert!(
                !(expressed && r.library_only),
                "{} is library-only but listed as schema-expressed",
                r.code
            );
            if r.library_only {
                assert!(
                    x.contains(&r.code),
                    "{file}: library-only rule {} missing from $defs/LibraryRule",
                    r.code
                );
            }
        }
    }
    let entry = &schema("submission.schema.json")["$defs"][RULES_DEF]["examples"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "submission.late")
        .cloned()
        .unwrap();
    assert_eq!(entry["severity"], "error");
    assert!(entry["description"].as_str().unwrap().contains("截止"));
    assert!(entry["description_en"].as_str().unwrap().contains("deadline"));
    let rollup = listed("city-rollup.schema.json");
    let aggregate: BTreeSet<String> =
        catalog().into_iter().map(|r| r.code).filter(|c| c.starts_with(ROLLUP_PREFIX)).collect();
    assert_eq!(rollup, aggregate);
}

#[test]
fn every_description_is_bilingual_and_every_schema_has_a_stable_id() {
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (file, root) in all() {
        assert_eq!(root["$id"], format!("https://learning-week.invalid/schemas/{file}"));
        assert_eq!(root["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let mut nodes = Vec::new();
        walk(&root, String::new(), &mut nodes);
        for (at, v) in nodes {
            if at.contains("/properties/description") {
                continue; // a property named `description`, not a description
            }
            if let Some(Value::String(d)) = v.get("description") {
                assert!(
                    cjk(d) && d.chars().any(|c| c.is_ascii_alphabetic()),
                    "{file}{at}: description not bilingual: {d}"
                );
                assert!(!d.contains("```"), "{file}{at}: rustdoc code left in the description");
            }
        }
    }
}

/// `base` with the value at each pointer of `patch` replaced.
fn patched(base: &Value, patch: &serde_json::Map<String, Value>) -> Value {
    let mut doc = base.clone();
    for (pointer, value) in patch {
        *doc.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer} in the base")) = value.clone();
    }
    doc
}

#[test]
fn edge_cases_state_the_library_verdicts() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas/conformance/edge-cases.json");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut failures = Vec::new();
    for case in file["cases"].as_array().unwrap() {
        let kind = DocumentKind::from_name(case["kind"].as_str().unwrap());
        let doc = patched(&file["bases"][case["base"].as_str().unwrap()], case["patch"].as_object().unwrap());
        let answer = api::validate_value(kind, &doc, &Default::default());
        let mut codes: Vec<String> = answer.diagnostics.iter().map(|d| d.code.to_string()).collect();
        codes.sort();
        let expect = &case["expect"];
        if json!(answer.valid) != expect["valid"] || json!(codes) != expect["codes"] {
            failures.push(format!(
                "{}: expected {expect}, got valid={} codes={codes:?}",
                case["name"], answer.valid
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "schemas/conformance/edge-cases.json disagrees with the library:\n{}",
        failures.join("\n")
    );
}

/// Form builders (RJSF) label a union's options with each branch's `title`: every branch of
/// every `anyOf` / `oneOf` has one, in Chinese, and the options of one union differ.
#[test]
fn every_union_branch_has_a_chinese_title() {
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let mut unions = 0;
    for (file, root) in all() {
        let mut nodes = Vec::new();
        walk(&root, String::new(), &mut nodes);
        for (at, v) in nodes {
            for key in ["anyOf", "oneOf"] {
                let Some(branches) = v.get(key).and_then(Value::as_array) else { continue };
                unions += 1;
                let titles: Vec<&str> = branches
                    .iter()
                    .map(|b| {
                        b["title"]
                            .as_str()
                            .unwrap_or_else(|| panic!("{file}{at}/{key}: a branch without title"))
                    })
                    .collect();
                for t in &titles {
                    // A constant's title is its Chinese name, or the constant itself where the
                    // enum has no Chinese name (api answers' codes).
                    assert!(cjk(t) || key == "oneOf", "{file}{at}/{key}: title {t:?} is not Chinese");
                }
                let distinct: BTreeSet<&&str> = titles.iter().collect();
                assert_eq!(
                    distinct.len(),
                    titles.len(),
                    "{file}{at}/{key}: options share a title: {titles:?}"
                );
            }
        }
    }
    assert!(unions > 100, "{unions}");
    let s = &all().into_iter().find(|(f, _)| *f == "summary.schema.json").unwrap().1;
    let count: Vec<&str> = s["$defs"]["Count"]["anyOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        count,
        ["精确数", "带限定词的数量（约/余/不到）", "文字填写的数量（如“约3.5万人次”“1200余人”）"]
    );
}

/// Each field check is declared once, on the model field (`check non_blank`): the schemas carry
/// its pattern and format from `checks::FIELD_CHECKS`, and no marker or extension keyword is
/// left behind (ajv's default strict mode refuses unknown keywords).
#[test]
fn field_checks_reach_the_schemas_from_their_one_declaration() {
    use learning_week::checks::{field_check, FIELD_CHECKS};
    let mut seen = BTreeSet::new();
    for (file, root) in all() {
        let mut nodes = Vec::new();
        walk(&root, String::new(), &mut nodes);
        for (at, v) in nodes {
            let Some(m) = v.as_object() else { continue };
            for k in m.keys() {
                assert!(
                    !k.starts_with("x-") || at.ends_with("/properties"),
                    "{file}{at}: keyword {k} left in the schema"
                );
            }
            if let Some(p) = m.get("pattern").and_then(Value::as_str) {
                if let Some(c) =
                    FIELD_CHECKS.iter().find(|c| c.pattern == p || format!("{}(?!\n)", c.pattern) == p)
                {
                    seen.insert(c.name);
                    if let Some(f) = c.format {
                        assert_eq!(m.get("format").and_then(Value::as_str), Some(f), "{file}{at}");
                    }
                }
            }
        }
    }
    assert_eq!(seen.len(), FIELD_CHECKS.len(), "every check is used by a field: {seen:?}");
    let phone = &schema("notice.schema.json")["$defs"]["Contact"]["properties"]["phone"];
    assert_eq!(phone["pattern"], format!("{}(?!\\n)", field_check("phone").unwrap().pattern));
}
