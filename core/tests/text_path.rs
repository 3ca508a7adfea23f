//! The text path (`validate::validate_text`: the model read straight from the JSON text) answers
//! exactly what the tree path (`validate_tree` on `json::parse`) answers — same document, same
//! diagnostics, paths and messages — on every example, every shared test vector, and damaged and
//! hostile variants of them, for the whole document and for one field
//! (`validate::validate_field_text`); and it is the path the examples take.

use learning_week::json;
use learning_week::validate::{validate_field_text, validate_text, validate_tree};
use learning_week::{ActivityPlan, DocumentKind, Notice};
use proptest::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const KINDS: [Option<DocumentKind>; 5] = [
    None,
    Some(DocumentKind::Notice),
    Some(DocumentKind::Plan),
    Some(DocumentKind::Summary),
    Some(DocumentKind::Submission),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

/// Every example document's text.
fn examples() -> Vec<String> {
    let mut files = Vec::new();
    json_files(&root().join("examples"), &mut files);
    files.sort();
    files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
}

/// The input text of every case of the shared vectors (the validation groups).
fn vector_texts() -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(root().join("tests/vectors")) else { return out };
    for e in entries.flatten() {
        if e.path().extension().is_none_or(|x| x != "json") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(e.path()) else { continue };
        let Ok(v) = serde_json::from_str::<Value>(&text) else { continue };
        for case in v.get("cases").and_then(Value::as_array).into_iter().flatten() {
            if let Some(t) = case.get("input_text").and_then(Value::as_str) {
                out.push(t.to_owned());
            } else if let Some(i) = case.get("input") {
                out.push(serde_json::to_string(i).unwrap_or_default());
            }
        }
    }
    out
}

fn plan() -> ActivityPlan<'static> {
    let mut files = Vec::new();
    json_files(&root().join("examples/nanchang-2021/plans"), &mut files);
    files.sort();
    let text = std::fs::read_to_string(&files[0]).expect("an example plan");
    serde_json::from_str(&text).expect("the example plan reads")
}

/// Fields a form re-checks, of each kind (and the whole document, `""`), with neighbours that
/// blame one another, a list, an item, and pointers no kind has.
const FIELDS: [&str; 16] = [
    "",
    "/host_unit",
    "/year",
    "/participation/units_total",
    "/participation/participants",
    "/reach/satisfaction",
    "/activities/0/period",
    "/activities",
    "/summary/participation/participants",
    "/summary/participation/units_participating",
    "/summary/host_unit",
    "/plan/activities/0/name",
    "/submitted_at",
    "/materials/0",
    "/no_such_field",
    "host_unit",
];

/// Whether the text path took `text` (of `kind`); panics when its answer differs from the tree's.
fn agree(text: &str, kind: Option<DocumentKind>, notice: &Notice, plan: Option<&ActivityPlan>) -> bool {
    agree_field(text, kind, None, notice, plan)
}

/// [`agree`] for one field (`Some(pointer)`) or the whole document (`None`).
fn agree_field(
    text: &str,
    kind: Option<DocumentKind>,
    field: Option<&str>,
    notice: &Notice,
    plan: Option<&ActivityPlan>,
) -> bool {
    let fast = validate_field_text(kind, text, field, notice, plan);
    if field.is_none() {
        assert_eq!(fast, validate_text(kind, text, notice, plan), "validate_text is the whole document's");
    }
    let Some((k, fast)) = fast else { return false };
    let stripped = text.strip_prefix('\u{feff}').unwrap_or(text);
    let tree = json::parse(stripped)
        .unwrap_or_else(|e| panic!("the text path read what the tree refuses ({e}): {text:?}"));
    assert_eq!(Some(k), kind.or_else(|| DocumentKind::detect_tree(&tree)), "{text:?}");
    let slow = validate_tree(kind, &tree, field, notice, plan);
    assert_eq!(fast, slow, "the text path and the tree differ on {kind:?} {field:?} {text:?}");
    // Byte for byte: the diagnostics as JSON text too.
    assert_eq!(
        serde_json::to_string(&fast.diagnostics).expect("diagnostics as JSON"),
        serde_json::to_string(&slow.diagnostics).expect("diagnostics as JSON")
    );
    true
}

fn agree_all_kinds(text: &str, notice: &Notice, plan: &ActivityPlan) -> usize {
    KINDS
        .iter()
        .map(|&k| agree(text, k, notice, None) as usize + agree(text, k, notice, Some(plan)) as usize)
        .sum()
}

#[test]
fn examples_take_the_text_path_with_the_trees_answer() {
    let (notice, plan) = (Notice::nanchang_2021(), plan());
    let texts = examples();
    assert!(texts.len() > 20, "only {} examples", texts.len());
    for text in &texts {
        // Every example is read by the text path, as detected and as each kind.
        assert_eq!(agree_all_kinds(text, &notice, &plan), 10, "an example left the text path");
    }
}

#[test]
fn vectors_agree() {
    let (notice, plan) = (Notice::nanchang_2021(), plan());
    let texts = vector_texts();
    assert!(texts.len() > 100, "only {} vector cases", texts.len());
    let taken: usize = texts.iter().map(|t| agree_all_kinds(t, &notice, &plan)).sum();
    assert!(taken > 500, "the text path took only {taken} readings");
}

#[test]
fn one_field_takes_the_text_path_with_the_trees_answer() {
    let (notice, plan) = (Notice::nanchang_2021(), plan());
    let mut taken = 0;
    for text in examples() {
        for field in FIELDS {
            for kind in KINDS {
                taken += agree_field(&text, kind, Some(field), &notice, Some(&plan)) as usize;
            }
        }
    }
    // Every vector case, as detected, each with a field of its own and one of another kind.
    for (i, text) in vector_texts().iter().enumerate() {
        for field in [FIELDS[i % FIELDS.len()], FIELDS[(i * 7 + 3) % FIELDS.len()]] {
            taken += agree_field(text, None, Some(field), &notice, Some(&plan)) as usize;
        }
    }
    assert!(taken > 1000, "the text path took only {taken} field readings");
}

/// What a caller of the API gets for one field is the same from JSON text (the text path, when
/// the pointer names a field of the kind) as from a JSON value (the tree), whatever the pointer.
#[test]
fn one_field_answers_alike_from_text_and_from_a_value() {
    use learning_week::api::{validate_field_json, validate_field_value};
    let options = Default::default();
    for text in examples().iter().chain(vector_texts().iter().step_by(11)) {
        let Ok(value) = serde_json::from_str::<Value>(text) else { continue };
        for field in FIELDS.iter().chain(&["/participation/partcipants", "/summary/no_such", "/plan"]) {
            for kind in [None, Some(DocumentKind::Summary), Some(DocumentKind::Submission)] {
                let (a, b) = (
                    validate_field_json(kind, text, field, &options),
                    validate_field_value(kind, &value, field, &options),
                );
                // A key the text repeats is the text's own finding: a value cannot hold it.
                if a.diagnostics.iter().any(|d| d.code == "json.duplicate_key") {
                    continue;
                }
                assert_eq!(a, b, "{kind:?} {field:?} {text:?}");
            }
        }
    }
}

#[test]
fn a_notice_without_a_year_takes_the_tree() {
    let mut notice = Notice::nanchang_2021();
    notice.year = None;
    assert!(validate_text(None, r#"{"host_unit": "东湖区"}"#, &notice, None).is_none());
}

/// Damaged and hostile variants of the examples: each either leaves the text path or gets the
/// tree's answer.
#[test]
fn damaged_examples_agree() {
    let (notice, plan) = (Notice::nanchang_2021(), plan());
    let donghu =
        std::fs::read_to_string(root().join("examples/nanchang-2021/submissions/donghu.submission.json"))
            .unwrap();
    let mut variants = vec![
        format!("\u{feff}{donghu}"),
        format!("{donghu} x"),
        format!("{donghu}\n\n"),
        donghu.replacen("{", "{\"summary\": null, ", 1),
        donghu.replacen("{", "{\"summary\": 5, ", 1),
        donghu.replacen("{", "{\"extra_key\": {\"a\": [1, 2]}, ", 1),
        donghu.replacen("\"year\"", "\"year\": 2021, \"year\"", 1),
        donghu.replacen("\"year\": 2021", "\"year\": 2021.0", 1),
        donghu.replacen("\"year\": 2021", "\"year\": -2021", 1),
        donghu.replacen("\"year\": 2021", "\"year\": 1e3", 1),
        donghu.replacen("\"year\": 2021", "\"year\": \"2021\"", 1),
        donghu.replace("\"host_unit\": \"东湖区\"", "\"host_unit\": \"\\u4e1c\\u6e56\\u533a\""),
        donghu.replace("\"host_unit\": \"东湖区\"", "\"host_unit\": \"  \""),
        donghu.replace("\"host_unit\": \"东湖区\"", "\"hots_unit\": \"东湖区\""),
        donghu.replace("\"satisfaction\"", "\"satisfactio\""),
        donghu.replace(":", " : "),
        donghu.replace(",", " ,\n"),
        donghu.replace("[", "[null, "),
        donghu.replace("[", "[[], "),
        donghu.replace("]", ", null]"),
        donghu.replace("]", ",]"),
        // The first key tells a summary, a later one a submission: read again as a submission.
        format!("{{\"host_unit\": \"东湖区\", {}", &donghu[1..]),
        format!("{{\"year\": 2021, {}", &donghu[1..]),
        format!("[{donghu}]"),
        format!("{{\"summary\": {donghu}}}"),
        format!("{}{donghu}{}", "{\"a\":".repeat(70), "}".repeat(70)),
        format!("{}1{}", "[".repeat(200), "]".repeat(200)),
    ];
    let bytes = donghu.as_bytes();
    let step = (donghu.len() / 97).max(1);
    for cut in (0..donghu.len()).step_by(step).filter(|&i| donghu.is_char_boundary(i)) {
        variants.push(donghu[..cut].to_owned());
        for insert in ["\"", "\\", ",", "]", "}", "{", "[", ":", "null", "\u{1}", "0", "-", "\"k\":1,"] {
            variants.push(format!("{}{insert}{}", &donghu[..cut], &donghu[cut..]));
        }
        if bytes[cut].is_ascii() && cut < donghu.len() {
            variants.push(format!("{}{}", &donghu[..cut], &donghu[cut + 1..]));
        }
    }
    let mut taken = 0;
    for v in &variants {
        for kind in [None, Some(DocumentKind::Submission), Some(DocumentKind::Summary)] {
            taken += agree(v, kind, &notice, Some(&plan)) as usize;
        }
    }
    assert!(taken > 100, "the text path took only {taken} damaged readings");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn damaged_documents_agree(
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        insert in prop::sample::select(vec!["", "\"", "\\", ",", "]", "}", "{", "[", ":", " ", "\u{1}", "0", "-", "e", "u", "null", "\"x\":", "东"]),
        kind in prop::sample::select(KINDS.to_vec()),
    ) {
        let texts = examples();
        let text = &texts[which.index(texts.len())];
        let mut cut = at.index(text.len() + 1);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let notice = Notice::nanchang_2021();
        agree(&format!("{}{insert}{}", &text[..cut], &text[cut..]), kind, &notice, None);
        agree(&text[..cut], kind, &notice, None);
        let field = Some(FIELDS[which.index(FIELDS.len())]);
        agree_field(&format!("{}{insert}{}", &text[..cut], &text[cut..]), kind, field, &notice, None);
    }
}

/// A roll-up of texts (read straight into the model) is the roll-up of the same documents given
/// as JSON values (read through the tree): every example and every vector case, all in one.
#[test]
fn a_rollup_of_texts_is_the_rollup_of_their_values() {
    use learning_week::aggregate::{aggregate, AggregateInput};
    let values: Vec<Value> = examples()
        .iter()
        .chain(vector_texts().iter())
        .filter_map(|t| serde_json::from_str::<Value>(t).ok())
        .filter(Value::is_object)
        .collect();
    assert!(values.len() > 100, "only {} documents", values.len());
    let id = |i: usize| format!("input-{i}.json");
    let texts: Vec<AggregateInput> = values
        .iter()
        .enumerate()
        .map(|(i, v)| AggregateInput::text(Some(&id(i)), serde_json::to_string(v).expect("JSON text")))
        .collect();
    let trees: Vec<AggregateInput> =
        values.iter().enumerate().map(|(i, v)| AggregateInput::json(Some(&id(i)), v.clone())).collect();
    let notice = Notice::nanchang_2021();
    let (a, b) =
        (aggregate(&notice, &texts, &Default::default()), aggregate(&notice, &trees, &Default::default()));
    assert!(a == b, "the roll-ups differ");
    assert_eq!(serde_json::to_string(&a).expect("report"), serde_json::to_string(&b).expect("report"));
}
