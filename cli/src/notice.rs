//! `learning-week notice read FILE`: reads a published notice (.txt or .docx) into notice JSON.

use clap::ValueEnum;
use learning_week::reading::{Corrections, ReadOptions};
use learning_week::{api, Lang};
use std::path::Path;
use std::process::ExitCode;

/// What `notice read` prints.
#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum ReadFormat {
    /// 通知 JSON（可保存、修改后用 --notice 使用）；诊断写到标准错误 / the notice JSON; findings on stderr
    Json,
    /// 读到的各项与诊断 / what was read, and the findings
    Text,
    /// 通知、诊断与每项的原文位置（JSON）/ notice, findings and every value's source span (JSON)
    Reading,
}

/// Reads `file`; exit 0 when read with nothing to fix, 1 when the reader flagged parts (warnings
/// or errors), 2 when the file is no notice or cannot be read.
pub(crate) fn read(
    file: &Path,
    city: Option<String>,
    year: Option<i32>,
    corrections: Option<&Path>,
    format: ReadFormat,
    lang: Lang,
) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("无法读取文件 / cannot read {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let reading = api::read_notice(&bytes, &ReadOptions { city, year, ..Default::default() });
    let line = |d: &learning_week::catalog::Diagnostic| crate::diagnostic_line(d, lang);
    if !reading.is_notice() {
        for d in &reading.diagnostics {
            eprintln!("{}: {}", file.display(), line(d).trim_start());
        }
        return ExitCode::from(2);
    }
    let notice = match corrections {
        None => reading.notice.clone(),
        Some(path) => {
            let fixes: Result<Corrections, String> = crate::read_text(path)
                .and_then(|t| serde_json::from_str(&t).map_err(|e| format!("{}: {e}", path.display())));
            match fixes.map(|f| reading.corrected(&f).map_err(|e| e.to_string())) {
                Ok(Ok(n)) => n,
                Ok(Err(e)) | Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    let flagged = reading.diagnostics.iter().any(|d| d.severity != learning_week::Severity::Info);
    match format {
        ReadFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&notice).unwrap_or_default());
            for d in &reading.diagnostics {
                eprintln!("{}", line(d));
            }
        }
        ReadFormat::Reading => {
            let mut v = serde_json::to_value(&reading).unwrap_or_default();
            v["notice"] = serde_json::to_value(&notice).unwrap_or_default();
            println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        }
        ReadFormat::Text => {
            println!("{}", file.display());
            for s in &reading.sources {
                let value = serde_json::to_value(&notice)
                    .ok()
                    .and_then(|v| v.pointer(&s.path).map(|x| x.to_string()))
                    .unwrap_or_default();
                let shown: String = value.chars().take(120).collect();
                println!("  {:<36} {shown}", s.path);
            }
            for d in &reading.diagnostics {
                println!("{}", line(d));
            }
        }
    }
    ExitCode::from(if flagged { 1 } else { 0 })
}
