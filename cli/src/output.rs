//! Text output for people: one header line per file, one line per finding.

use crate::diagnostic_line;
use learning_week::api::ValidationAnswer;
use learning_week::Lang;
use std::io::Write;
use std::path::Path;

/// Writes one file's answer as text.
pub(crate) fn write_answer(
    out: &mut impl Write,
    file: &Path,
    a: &ValidationAnswer,
    lang: Lang,
) -> std::io::Result<()> {
    let kind = a.kind.map(|k| k.as_str()).unwrap_or("?");
    let verdict = match (a.valid, lang == Lang::En) {
        (true, false) => "通过",
        (false, false) => "未通过",
        (true, true) => "valid",
        (false, true) => "invalid",
    };
    if lang == Lang::En {
        writeln!(
            out,
            "{} ({kind}): {verdict}, {} error(s), {} warning(s)",
            file.display(),
            a.errors,
            a.warnings
        )?;
    } else {
        writeln!(
            out,
            "{}（{kind}）：{verdict}，错误 {} 个，警告 {} 个",
            file.display(),
            a.errors,
            a.warnings
        )?;
    }
    for d in &a.diagnostics {
        writeln!(out, "{}", diagnostic_line(d, lang))?;
        // The command line's own hint: core's messages name no front door's flags.
        if d.code == "document.kind_unknown" {
            let hint = if lang == Lang::En { "name the kind with" } else { "用以下选项指明类型：" };
            writeln!(out, "          {hint} --kind summary|plan|submission|notice")?;
        }
    }
    Ok(())
}
