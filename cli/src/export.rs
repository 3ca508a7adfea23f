//! `learning-week export summary --format docx FILE.json -o OUT.docx`: the filled 总结表 in the
//! attachment's layout, ready to print, stamp and scan; and the roll-up files of
//! `aggregate --out report.html|rollup.xlsx`.
//!
//! FILE.json is a 总结表 or a submission (its `summary`), told apart by its keys as `validate`
//! does. Exit 0 when the file was written; 2 when the input, the notice or the output path
//! cannot be used (the diagnostics say why). A half-filled table is exported as it is: checking
//! it is `validate`'s job.

use learning_week::aggregate::CityRollup;
use learning_week::api::{self, ExportError};
use learning_week::ffi;
use learning_week::{DocumentKind, Lang};
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

/// Export formats of the 总结表.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub(crate) enum SummaryFormat {
    /// Word (.docx), A4
    Docx,
}

fn report(e: &ExportError, lang: Lang) {
    match e {
        ExportError::Input(diags) => {
            eprintln!("输入无法导出 / the input cannot be exported:");
            for d in diags {
                eprintln!("{}", crate::diagnostic_line(d, lang));
            }
        }
        other => eprintln!("{other}"),
    }
}

fn write(out: &Path, bytes: &[u8]) -> ExitCode {
    match std::fs::write(out, bytes) {
        Ok(()) => {
            eprintln!("已写入 / wrote {} ({} bytes)", out.display(), bytes.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("无法写入 / cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

/// Runs `export summary`.
pub(crate) fn summary(
    file: &Path,
    notice: Option<&Path>,
    _format: SummaryFormat,
    out: &Path,
    lang: Lang,
) -> ExitCode {
    let (text, notice) = match (
        crate::read_text(file),
        notice.map(|n| crate::context_text(DocumentKind::Notice, n, lang)).transpose(),
    ) {
        (Ok(t), Ok(n)) => (t, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let options = serde_json::json!({"notice": notice.map(Value::String)}).to_string();
    match ffi::summary_docx_from_text(&text, &options) {
        Ok(bytes) => write(out, &bytes),
        Err(e) => {
            report(&e, lang);
            ExitCode::from(2)
        }
    }
}

/// The roll-up file formats, told by the output's extension.
pub(crate) enum RollupFile {
    Html,
    Xlsx,
}

impl RollupFile {
    /// The format of `path` from its extension, or a message saying which ones are known.
    pub(crate) fn of(path: &Path) -> Result<RollupFile, String> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm") => Ok(RollupFile::Html),
            Some("xlsx") => Ok(RollupFile::Xlsx),
            _ => Err(format!(
                "无法从扩展名判断输出格式（可用 .html、.xlsx）/ cannot tell the output format of {} from its extension (use .html or .xlsx)",
                path.display()
            )),
        }
    }
}

/// Writes the roll-up to `out` in `format`.
pub(crate) fn rollup(r: &CityRollup, format: &RollupFile, out: &Path, lang: Lang) -> ExitCode {
    let bytes = match format {
        RollupFile::Html => Ok(api::rollup_html(r).into_bytes()),
        RollupFile::Xlsx => api::rollup_xlsx(r),
    };
    match bytes {
        Ok(b) => write(out, &b),
        Err(e) => {
            report(&e, lang);
            ExitCode::from(2)
        }
    }
}
