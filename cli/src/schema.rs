//! `learning-week schema`: writes (or checks) the JSON Schemas of `schemas/`.
//!
//! The schemas come from [`learning_week::schema::all_with_examples`]; their `examples` are read
//! here from the example folder (`examples/nanchang-2021/` by default: its `*.plan.json` and
//! `*.submission.json`, named by their path inside the folder so the output is the same on every
//! machine). Run it from the repository root: `learning-week schema --out schemas/`.

use learning_week::schema::{all_with_examples, file_text, Examples};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Every `*.json` under `dir` as `(path relative to dir with '/', text)`, sorted by path.
pub(crate) fn example_files(dir: &Path) -> Result<Vec<(String, String)>, String> {
    fn walk(root: &Path, dir: &Path, depth: usize, out: &mut Vec<(String, String)>) -> Result<(), String> {
        if depth > 8 {
            return Ok(());
        }
        let entries = std::fs::read_dir(dir).map_err(|e| {
            format!("无法读取示例文件夹 / cannot read the example folder {}: {e}", dir.display())
        })?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(root, &p, depth + 1, out)?;
            } else if p.extension().is_some_and(|x| x == "json") {
                let rel = p.strip_prefix(root).unwrap_or(&p);
                let name =
                    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                out.push((name, crate::read_text(&p)?));
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(dir, dir, 0, &mut out)?;
    Ok(out)
}

/// Runs the subcommand: writes every schema into `out`, or with `check` only compares and
/// exits 1 when a file differs or is missing.
pub(crate) fn run(out: &Path, examples: &Path, check: bool) -> ExitCode {
    let files = match example_files(examples) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let schemas = all_with_examples(&Examples::from_files(&files));
    if !check {
        if let Err(e) = std::fs::create_dir_all(out) {
            eprintln!("无法创建文件夹 / cannot create {}: {e}", out.display());
            return ExitCode::from(2);
        }
    }
    let mut stale = 0;
    for (name, schema) in &schemas {
        let path = out.join(name);
        let text = file_text(schema);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                println!("过期 / out of date: {}", path.display());
                stale += 1;
            }
        } else if let Err(e) = std::fs::write(&path, text) {
            eprintln!("无法写入 / cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        } else {
            println!("{}", path.display());
        }
    }
    if stale > 0 {
        println!("重新生成 / regenerate with: learning-week schema --out {}", out.display());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
