//! `learning-week divisions NAME`: what the registry of official divisions knows about a name
//! (core's `ffi::divisions`; this file only prints it).

use crate::Format;
use learning_week::api;
use learning_week::ffi::{self, DivisionEntry};
use std::io::Write;
use std::process::ExitCode;

fn entry(d: &DivisionEntry) -> String {
    format!("{} {}", d.name, d.code)
}

/// Prints the answer (JSON, or one line per unit); an unknown or ambiguous name: the answer's
/// message in both languages on stderr, exit 1.
pub(crate) fn run(query: &str, year: Option<i32>, format: Format) -> ExitCode {
    let a = ffi::divisions(query, year);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match format {
        Format::Json => writeln!(out, "{}", api::to_json_string(&a)),
        Format::Text => write_text(&mut out, &a),
    };
    if written.is_err() {
        return ExitCode::from(2);
    }
    match &a.error {
        Some(d) => {
            eprintln!("{}\n{}", d.message, d.message_en);
            ExitCode::from(1)
        }
        None => ExitCode::SUCCESS,
    }
}

fn write_text(out: &mut impl Write, a: &ffi::DivisionsAnswer) -> std::io::Result<()> {
    let Some(d) = &a.division else {
        return Ok(()); // the message goes to stderr
    };
    let parent = a.parent.as_ref().map(|p| format!("  ({})", entry(p))).unwrap_or_default();
    let year = a.year.map(|y| format!("  [{y}]")).unwrap_or_default();
    writeln!(out, "{}{parent}{year}", entry(d))?;
    for u in &a.units {
        let kind = u.kind.map(|k| serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_owned)));
        let mut line = format!(
            "  {:<6}  {}  {}",
            u.code.as_deref().unwrap_or("-"),
            u.name,
            kind.flatten().unwrap_or_default()
        );
        if !u.aliases.is_empty() {
            line.push_str(&format!("  别称 / aliases: {}", u.aliases.join("、")));
        }
        match (u.since, u.until) {
            (None, None) => {}
            (s, e) => line.push_str(&format!(
                "  [{}–{}]",
                s.map(|y| y.to_string()).unwrap_or_default(),
                e.map(|y| y.to_string()).unwrap_or_default()
            )),
        }
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "数据 / data: {} {} ({}), {}",
        a.source.package, a.source.version, a.source.license, a.source.data
    )
}
