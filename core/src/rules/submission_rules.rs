//! Rules over a unit's package: deadline and materials (四（四）).

use super::{params, Ctx, Findings, Registered};
use crate::catalog::submission::*;
use crate::notice::MaterialKind;
use serde_json::Value;

fn late(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(s) = ctx.submission else { return };
    let Some(at) = s.submitted_at else { return };
    let Some(days) = ctx.notice.days_late(at).filter(|d| *d > 0) else { return };
    // A month or ten days (「12月上旬」) is named as written, with its last day.
    let deadline = ctx.notice.reporting.as_ref().and_then(|r| match (r.deadline, &r.deadline_term) {
        (Some(d), _) => Some(d.to_string()),
        (None, Some(t)) => Some(format!("{}（{}）", t.text.as_deref().unwrap_or("—"), t.until?)),
        (None, None) => None,
    });
    out.emit(
        &LATE,
        "/submitted_at".into(),
        params! {"submitted_at" => at.to_rfc3339(), "submitted_local" => ctx.notice.show_time(at), "deadline" => deadline, "days_late" => days,
        "related" => ["notice#/reporting/deadline"]},
        Some(&Value::String(at.to_rfc3339())),
    );
}

fn deadline_undecided(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(at) = ctx.submission.and_then(|s| s.submitted_at) else { return };
    let Some(term) = ctx.notice.undecidable_deadline() else { return };
    out.emit(
        &DEADLINE_UNDECIDED,
        "/submitted_at".into(),
        params! {"submitted_at" => at.to_rfc3339(), "submitted_local" => ctx.notice.show_time(at),
        "deadline_text" => term.text.as_deref().unwrap_or("—"), "kind" => term.kind.map(|k| k.as_str()),
        "related" => ["notice#/reporting/deadline_term"]},
        Some(&Value::String(at.to_rfc3339())),
    );
}

fn before_week_end(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(at) = ctx.submission.and_then(|s| s.submitted_at) else { return };
    let Some(end) = ctx.notice.week.as_ref().and_then(|w| w.end) else { return };
    if at.with_timezone(&ctx.notice.utc_offset()).date_naive() < end {
        out.emit(
            &BEFORE_WEEK_END,
            "/submitted_at".into(),
            params! {"submitted_at" => at.to_rfc3339(), "submitted_local" => ctx.notice.show_time(at), "week_end" => end.to_string(), "related" => ["notice#/week/end"]},
            Some(&Value::String(at.to_rfc3339())),
        );
    }
}

fn material_checks(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(s) = ctx.submission else { return };
    let Some(sent) = &s.materials else { return };
    let required = ctx.notice.reporting.as_ref().and_then(|r| r.materials.as_ref());
    for (ri, req) in required.into_iter().flatten().enumerate() {
        let Some(kind) = req.kind else { continue };
        let matching: Vec<(usize, &crate::submission::Material)> =
            sent.iter().enumerate().filter(|(_, m)| m.kind == Some(kind)).collect();
        // Built only for a finding: most submissions have none here.
        let names =
            || params! {"material" => kind.as_zh(), "material_en" => kind.as_str(), "kind" => kind.as_str()};
        if matching.is_empty() {
            let mut p = names();
            p.insert("related".into(), Value::from(vec![format!("notice#/reporting/materials/{ri}")]));
            out.emit(&MATERIAL_MISSING, "/materials".into(), p, None);
            continue;
        }
        // Only materials with a fixed number are counted (the notice's "1个典型活动案例");
        // the other rows say "send it", and two files of a work summary are not a defect.
        if kind == MaterialKind::TypicalCase {
            let expected = req.count.unwrap_or(1) as usize;
            if matching.len() != expected {
                let mut p = names();
                p.insert("expected".into(), expected.into());
                p.insert("found".into(), matching.len().into());
                out.emit(&MATERIAL_COUNT, "/materials".into(), p, None);
            }
        }
        if let Some(fmt) = req.format.as_deref() {
            for (i, m) in &matching {
                let found = m.effective_format().unwrap_or_default();
                if !found.eq_ignore_ascii_case(fmt) {
                    let field = if m.format.is_some() { "format" } else { "file_name" };
                    out.emit(
                        &SCAN_NOT_PDF,
                        format!("/materials/{i}/{field}"),
                        params! {"format_expected" => fmt.to_ascii_uppercase(), "format" => found,
                        "related" => [format!("notice#/reporting/materials/{ri}/format")]},
                        m.file_name.as_ref().map(|f| Value::String(f.to_string())).as_ref(),
                    );
                }
            }
        }
    }
}

/// The checks of this file, each with the rule it carries.
pub(crate) const CHECKS: &[Registered] = &[
    (&LATE, late),
    (&DEADLINE_UNDECIDED, deadline_undecided),
    (&BEFORE_WEEK_END, before_week_end),
    (&MATERIAL_MISSING, material_checks),
];
