//! `learning-week import`: reads a 总结表 from a JSON object of form label → cell text.

use learning_week::api;
use learning_week::ffi;
use learning_week::Lang;
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
    println!("{}", ffi::import_labels_text(&text, year));
    ExitCode::SUCCESS
}

/// `learning-week import FILE.docx|FILE.xlsx`: prints the import answer (JSON, or the
/// diagnostics and the table as text). Exit 0 when every row was read, 1 when something was kept
/// as text or not recognised (a person should look), 2 when the file cannot be used (not a
/// .docx/.xlsx, hostile, no 总结表 in it) or cannot be read.
pub(crate) fn run_file(path: &Path, year: Option<i32>, json: bool, lang: Lang) -> ExitCode {
    let Some(format) = api::OfficeFormat::from_file_name(&path.to_string_lossy()) else {
        eprintln!(
            "只能导入 .docx 或 .xlsx 文件 / only .docx and .xlsx files can be imported: {}",
            path.display()
        );
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("无法读取文件 / cannot read {}: {e}", path.display());
            return ExitCode::from(2);
        }
    };
    let year = year.or(Notice::nanchang_2021_ref().year);
    let answer = api::import_office(format, &bytes, year);
    if json {
        println!("{}", api::to_json_string(&answer));
    } else {
        let read = answer.diagnostics.iter().filter(|d| d.code == "import.parsed").count();
        println!(
            "{}: {read} 栏已读取 / rows read, {} 警告 / warnings, {} 错误 / errors",
            path.display(),
            answer.warnings,
            answer.errors
        );
        for d in &answer.diagnostics {
            println!("{}", crate::diagnostic_line(d, lang));
        }
        if let Some(s) = &answer.summary {
            println!("{}", serde_json::to_string_pretty(s).unwrap_or_default());
        }
    }
    ExitCode::from(match (answer.errors, answer.warnings) {
        (0, 0) => 0,
        (0, _) => 1,
        _ => 2,
    })
}
