//! `learning-week import`: reads a 总结表 from a JSON object of form label → cell text.

use learning_week::api;
use learning_week::Notice;
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

/// Prints `{summary, diagnostics}` (exit 0); an unreadable file or one that is not a JSON
/// object of strings exits 2.
pub(crate) fn run(labels: &Path, year: Option<i32>) -> ExitCode {
    let text = match crate::read_text(labels) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let value: Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("不是有效的 JSON / {} is not valid JSON: {e}", labels.display());
            return ExitCode::from(2);
        }
    };
    let Some(map) = value.as_object() else {
        eprintln!(
            "应为“栏目 → 内容”的 JSON 对象 / {} is not a JSON object of label → text",
            labels.display()
        );
        return ExitCode::from(2);
    };
    if let Some((label, _)) = map.iter().find(|(_, v)| !v.is_string()) {
        eprintln!("栏目「{label}」的内容不是字符串 / the value of “{label}” is not a string");
        return ExitCode::from(2);
    }
    let year = year.or(Notice::nanchang_2021_ref().year);
    println!("{}", api::import_labels_json(&text, year));
    ExitCode::SUCCESS
}
