//! `learning-week aggregate`: roll the units' submissions up into the city's report.
//!
//! PATHs are files or folders; folders are walked for every file (sorted, so runs are
//! repeatable), and each file goes through core's inbox (`Validator::inbox_inputs`, the policy
//! Python and the browser share): JSON is read, a Word (.docx, .doc) / Excel 总结表 is imported
//! and counted as a submission — its 报送时间 from `--submitted-at`, else the document's modified
//! date, else the file's modification time, its record saying which (`import.submitted_at_source`)
//! —, a work summary, typical case or stamped scan joins its unit's package, and every other file
//! (a lock file, a WPS file, a scan naming no unit …) is a rejected input with its reason: none
//! is skipped.
//! A file that cannot be read or parsed is a rejected input, not a usage error; a path that does
//! not exist or an unusable notice is (exit 2). Missing units are a finding, not a failure (exit 0).
//! `--out report.html|rollup.xlsx` also writes the roll-up as an HTML report or a workbook (the
//! format from the extension; another extension is a usage error, exit 2, before any work).

use learning_week::aggregate::{AggregateInput, AggregateOptions};
use learning_week::api::{self, ValidateOptions};
use learning_week::{DocumentKind, Lang};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output format of the roll-up.
#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub(crate) enum AggregateFormat {
    /// 可粘贴进邮件的文本表 / a plain-text report
    Text,
    /// 完整 JSON / the full roll-up as JSON
    Json,
    /// Markdown
    Markdown,
}

/// Expands PATHs into files with their input ids: a file as given (its path as written), a
/// folder walked for every file, each named by its path inside the folder (core's
/// `folder_inputs`, as Python names a folder's files).
fn collect(paths: &[PathBuf]) -> Result<Vec<(String, PathBuf)>, String> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            // Core's folder policy (links followed, each folder once), as Python reads a folder.
            let found = learning_week::api::folder_inputs(p)
                .map_err(|e| format!("无法读取文件夹 / cannot read folder {}: {e}", p.display()))?;
            files.extend(found);
        } else if p.exists() {
            files.push((p.display().to_string(), p.clone()));
        } else {
            return Err(format!("路径不存在 / no such file or folder: {}", p.display()));
        }
    }
    Ok(files)
}

/// Reads `--submitted-at` as the notice reads a time: RFC 3339, or a date (the start of that day
/// in the notice's own time zone, `Notice::read_time`).
fn parse_time(
    notice: &learning_week::Notice,
    text: &str,
) -> Result<chrono::DateTime<chrono::FixedOffset>, String> {
    notice.read_time(text).ok_or_else(|| {
        format!(
            "--submitted-at 应为 RFC 3339 时间或日期 / --submitted-at must be RFC 3339 or YYYY-MM-DD: {text}"
        )
    })
}

/// Runs the subcommand.
pub(crate) fn run(
    notice: Option<&Path>,
    format: AggregateFormat,
    grace_days: Option<u32>,
    lang: Lang,
    out: Option<&Path>,
    submitted_at: Option<&str>,
    paths: &[PathBuf],
) -> ExitCode {
    let out = match out.map(|o| crate::export::RollupFile::of(o).map(|f| (o, f))).transpose() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let notice_text = match notice.map(|n| crate::context_text(DocumentKind::Notice, n, lang)).transpose() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let validator = match api::Validator::from_options(&ValidateOptions {
        notice: notice_text.map(serde_json::Value::String),
        plan: None,
    }) {
        Ok(v) => v,
        Err(api::CompileError { diagnostics: diags }) => {
            eprintln!("通知无法使用 / the notice cannot be used:");
            for d in &diags {
                eprintln!("{}", crate::diagnostic_line(d, lang));
            }
            return ExitCode::from(2);
        }
    };
    let given = match submitted_at.map(|t| parse_time(validator.notice(), t)).transpose() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let files = match collect(paths) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    // Every file, read as bytes with its modification time, then through core's inbox together
    // (a 总结表 meets the materials of its unit's package); a file that cannot be read at all
    // is a rejected input with the reason.
    let mut inputs: Vec<AggregateInput> = Vec::with_capacity(files.len());
    let mut inbox: Vec<api::InboxFile> = Vec::with_capacity(files.len());
    for (name, f) in files {
        match std::fs::read(&f) {
            Ok(bytes) => {
                let mtime = std::fs::metadata(&f)
                    .and_then(|m| m.modified())
                    .ok()
                    .map(|t| chrono::DateTime::<chrono::Utc>::from(t).fixed_offset());
                inbox.push(api::InboxFile { name, bytes, modified: mtime });
            }
            Err(e) => inputs
                .push(AggregateInput::unreadable(Some(&name), format!("无法读取文件 / cannot read: {e}"))),
        }
    }
    let refs: Vec<&api::InboxFile> = inbox.iter().collect();
    let mut bar = Progress::new(refs.len());
    inputs.extend(validator.inbox_inputs_with_progress(&refs, given, &mut |p| bar.show(p)));
    bar.finish();
    let rollup = validator.aggregate(&inputs, &AggregateOptions { grace_days });
    match format {
        AggregateFormat::Json => {
            println!(
                "{}",
                serde_json::to_string_pretty(&rollup).unwrap_or_else(|_| api::to_json_string(&rollup))
            )
        }
        AggregateFormat::Text => print!("{}", rollup.to_text(lang)),
        AggregateFormat::Markdown => print!("{}", rollup.to_markdown(lang)),
    }
    match out {
        Some((path, format)) => crate::export::rollup(&rollup, &format, path, lang),
        None => ExitCode::SUCCESS,
    }
}

/// A progress bar on stderr while a long folder is read — only when stderr is a terminal and
/// the folder holds many files, so logs and pipes get nothing.
struct Progress {
    on: bool,
    drawn: bool,
}

impl Progress {
    /// Folders smaller than this are read too fast to need a bar.
    const MIN_FILES: usize = 20;

    fn new(total: usize) -> Self {
        use std::io::IsTerminal;
        Progress { on: total >= Self::MIN_FILES && std::io::stderr().is_terminal(), drawn: false }
    }

    fn show(&mut self, p: api::InboxProgress<'_>) {
        if !self.on {
            return;
        }
        let width = 30;
        let filled = p.done * width / p.total.max(1);
        let name: String = p.name.rsplit(['/', '\\']).next().unwrap_or(p.name).chars().take(40).collect();
        eprint!(
            "\r读取 / reading [{}{}] {}/{} {name:<40}",
            "#".repeat(filled),
            " ".repeat(width - filled),
            p.done,
            p.total
        );
        self.drawn = true;
    }

    fn finish(&self) {
        if self.drawn {
            eprintln!();
        }
    }
}
