//! Runs every shared test vector in `tests/vectors/*.json` (the same files the Python and JS
//! suites run) and reports all failures at once, by case name.

use learning_week::api::{self, DocumentKind, ValidateOptions, Validator};
use learning_week::ffi;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")
}

/// The input text of a case: `input_text`, or `input_generated` ({prefix, repeat, count, suffix}:
/// for hostile inputs too large to check in), or `input` serialised.
pub fn case_text(case: &Value) -> String {
    if let Some(t) = case.get("input_text").and_then(Value::as_str) {
        return t.to_owned();
    }
    if let Some(g) = case.get("input_generated") {
        let s = |k: &str| g.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
        let count = g.get("count").and_then(Value::as_u64).unwrap_or(0) as usize;
        return format!("{}{}{}", s("prefix"), s("repeat").repeat(count), s("suffix"));
    }
    serde_json::to_string(case.get("input").unwrap_or(&Value::Null)).unwrap_or_default()
}

fn run_case(case: &Value) -> Result<(), String> {
    let kind = case.get("kind").and_then(Value::as_str).and_then(DocumentKind::from_name);
    let opts: ValidateOptions = match case.get("options") {
        Some(o) => serde_json::from_value(o.clone()).map_err(|e| format!("bad options: {e}"))?,
        None => ValidateOptions::default(),
    };
    let text = case_text(case);
    let field = case.get("field").and_then(Value::as_str);
    let answer = match field {
        Some(f) => api::validate_field_json(kind, &text, f, &opts),
        None => api::validate_json(kind, &text, &opts),
    };
    let mut problems = Vec::new();
    // The compiled validator answers exactly as the one-shot functions (or refuses the notice
    // or plan at construction with the diagnostics they answer).
    match Validator::from_options(&opts) {
        Ok(v) => {
            let compiled = match field {
                Some(f) => v.validate_field_json(kind, &text, f),
                None => v.validate_json(kind, &text),
            };
            if compiled != answer {
                problems.push(format!("the compiled Validator answers {:?}", compiled.codes()));
            }
        }
        Err(e) if e.diagnostics != answer.diagnostics => {
            problems.push(format!("Validator::from_options refused with {:?}", e.diagnostics));
        }
        Err(_) => {}
    }
    let expect = case.get("expect").ok_or("no expect")?;
    if let Some(valid) = expect.get("valid").and_then(Value::as_bool) {
        if valid != answer.valid {
            problems.push(format!("valid: expected {valid}, got {}", answer.valid));
        }
    }
    if let Some(codes) = expect.get("codes").and_then(Value::as_array) {
        let mut want: Vec<String> = codes.iter().filter_map(|c| c.as_str().map(str::to_owned)).collect();
        let mut got: Vec<String> = answer.diagnostics.iter().map(|d| d.code.to_string()).collect();
        want.sort();
        got.sort();
        if want != got {
            problems.push(format!("codes: expected {want:?}, got {got:?}"));
        }
    }
    if let Some(paths) = expect.get("paths").and_then(Value::as_object) {
        for (code, want) in paths {
            let mut want: Vec<String> =
                want.as_array().into_iter().flatten().filter_map(|p| p.as_str().map(str::to_owned)).collect();
            let mut got: Vec<String> =
                answer.diagnostics.iter().filter(|d| d.code == *code).map(|d| d.path.clone()).collect();
            want.sort();
            got.sort();
            if want != got {
                problems.push(format!("paths of {code}: expected {want:?}, got {got:?}"));
            }
        }
    }
    // Every diagnostic is complete and renders the same from its params.
    for d in &answer.diagnostics {
        if d.message.is_empty() || d.message_en.is_empty() {
            problems.push(format!("{}: message not rendered: {:?}", d.code, d.message));
        }
        if !(d.path.is_empty() || d.path.starts_with('/')) {
            problems.push(format!("{}: path {:?} is not a JSON Pointer", d.code, d.path));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn shared_vectors() {
    let dir = vectors_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    let mut failures = Vec::new();
    let mut total = 0;
    let mut fired: BTreeMap<String, usize> = BTreeMap::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("readable");
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        for case in doc.get("cases").and_then(Value::as_array).into_iter().flatten() {
            total += 1;
            let name = case.get("name").and_then(Value::as_str).unwrap_or("?");
            for c in case.pointer("/expect/codes").and_then(Value::as_array).into_iter().flatten() {
                *fired.entry(c.as_str().unwrap_or("").to_owned()).or_default() += 1;
            }
            if let Err(e) = run_case(case) {
                failures.push(format!(
                    "{} :: {name}: {e}",
                    f.file_name().and_then(|n| n.to_str()).unwrap_or("?")
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {total} vectors failed:\n{}", failures.len(), failures.join("\n"));
    assert!(total >= 80, "only {total} vectors");
    // Every rule that validation can emit is exercised by at least one vector; value.unconvertible
    // is a host value's (a cycle, a Map), which no JSON text can be: the Python and JS hostile
    // suites fire it.
    let missing: Vec<String> = learning_week::catalog::descriptors()
        .into_iter()
        .filter(|r| {
            !["text.", "aggregate.", "import.", "reading.", "division."].iter().any(|p| r.code.starts_with(p))
                && r.code != "value.unconvertible"
        })
        .filter(|r| !fired.contains_key(&r.code))
        .map(|r| r.code)
        .collect();
    assert!(missing.is_empty(), "rule codes no vector fires: {missing:?}");
}

/// The bindings answer through `ffi::validate_text` (the document written straight from
/// the typed model): on every vector and example, with every option that changes the answer, its
/// text must be the text of `to_json_string(&validate_binding(..))` to the byte.
#[test]
fn binding_text_is_the_answer_serialised() {
    let mut inputs: Vec<(Option<DocumentKind>, String, Value)> = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(vectors_dir())
        .expect("tests/vectors exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(f).expect("readable")).expect("json");
        for case in doc.get("cases").and_then(Value::as_array).into_iter().flatten() {
            let kind = case.get("kind").and_then(Value::as_str).and_then(DocumentKind::from_name);
            inputs.push((kind, case_text(case), case.get("options").cloned().unwrap_or(Value::Null)));
        }
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/nanchang-2021/submissions");
    for e in std::fs::read_dir(examples).expect("examples").flatten() {
        inputs.push((None, std::fs::read_to_string(e.path()).expect("readable"), Value::Null));
    }
    assert!(inputs.len() > 90, "only {} inputs", inputs.len());
    let mut checked = 0;
    for (kind, text, options) in &inputs {
        for extra in [
            serde_json::json!({}),
            serde_json::json!({"lang": "en"}),
            serde_json::json!({"document": false}),
            serde_json::json!({"document": true, "kind": "summary"}),
        ] {
            let mut o = options.as_object().cloned().unwrap_or_default();
            o.extend(extra.as_object().cloned().unwrap_or_default());
            let o = Value::Object(o).to_string();
            for pointer in [None, Some("/summary/participation/participants"), Some("/host_unit")] {
                let want = api::to_json_string(&ffi::validate(*kind, text, pointer, &o));
                let got = ffi::validate_text(*kind, text, pointer, &o);
                assert_eq!(
                    got,
                    want,
                    "options {o}, pointer {pointer:?}, input {}",
                    text.chars().take(200).collect::<String>()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

/// `tests/vectors/reading/`: the notice reader through the bindings' door (`ffi::read_notice`),
/// as the Python and JS suites call it.
#[test]
fn reading_vectors() {
    let root = vectors_dir().join("../..");
    let text = std::fs::read_to_string(vectors_dir().join("reading/notices.json")).expect("reading vectors");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() >= 8);
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let input = match (case["input_text"].as_str(), case["input_file"].as_str()) {
            (Some(t), _) => t.to_owned(),
            (None, Some(f)) => std::fs::read_to_string(root.join(f)).unwrap_or_else(|e| panic!("{f}: {e}")),
            _ => panic!("{name}: no input"),
        };
        let options = case.get("options").map_or("null".to_owned(), Value::to_string);
        let answer: Value =
            serde_json::from_str(&learning_week::ffi::read_notice_text(Some(input.as_bytes()), "", &options))
                .expect("JSON answer");
        let mut codes: Vec<&str> = answer["diagnostics"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d["code"].as_str())
            .collect();
        codes.sort_unstable();
        let expected: Vec<&str> =
            case["expect"]["codes"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        if codes != expected {
            failures.push(format!("{name}: codes {codes:?}, expected {expected:?}"));
        }
        for (pointer, want) in case["expect"]["values"].as_object().into_iter().flatten() {
            let got = answer["notice"].pointer(pointer).cloned().unwrap_or(Value::Null);
            if &got != want {
                failures.push(format!("{name}: {pointer} = {got}, expected {want}"));
            }
        }
        for (pointer, want) in case["expect"]["sources"].as_object().into_iter().flatten() {
            let s =
                answer["sources"].as_array().into_iter().flatten().find(|s| s["path"] == pointer.as_str());
            let span = s.map(|s| {
                &input[s["span"]["start"].as_u64().unwrap_or(0) as usize
                    ..s["span"]["end"].as_u64().unwrap_or(0) as usize]
            });
            if span != want.as_str() {
                failures.push(format!("{name}: source of {pointer} = {span:?}, expected {want}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
