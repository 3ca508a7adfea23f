//! Rules over a unit's package: deadline and materials (四（四）).

use super::{params, Check, Ctx, Findings, Rule};
use crate::diagnostic::Severity::*;
use crate::notice::MaterialKind;
use crate::DocumentKind::*;
use serde_json::Value;

pub(crate) const LATE: Rule = Rule {
    code: "submission.late",
    severity: Error,
    documents: &[Submission],
    reads: &["/submitted_at"],
    clause: "四（四）各县区请于12月5日前报送",
    description: "材料须在通知规定的截止日期前报送（按通知所在时区的日历日判断，可设宽限天数）。",
    description_en: "The package must arrive by the notice's deadline (calendar day in the notice's time zone, with optional grace days).",
    message: "报送时间 {submitted_local} 晚于截止日期 {deadline}，迟交 {days_late} 天",
    message_en: "Submitted at {submitted_local}, after the deadline {deadline}: {days_late} day(s) late",
    check: Check::Semantic(late),
};

fn late(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(s) = ctx.submission else { return };
    let Some(at) = s.submitted_at else { return };
    let Some(days) = ctx.notice.days_late(at).filter(|d| *d > 0) else { return };
    let deadline = ctx.notice.reporting.as_ref().and_then(|r| r.deadline).map(|d| d.to_string());
    out.emit(
        &LATE,
        "/submitted_at".into(),
        params! {"submitted_at" => at.to_rfc3339(), "submitted_local" => ctx.notice.show_time(at), "deadline" => deadline, "days_late" => days,
        "related" => ["notice#/reporting/deadline"]},
        Some(&Value::String(at.to_rfc3339())),
    );
}

pub(crate) const BEFORE_WEEK_END: Rule = Rule {
    code: "submission.before_week_end",
    severity: Warning,
    documents: &[Submission],
    reads: &["/submitted_at"],
    clause: "四（四）报送活动周工作总结材料",
    description: "总结材料应在活动周结束后报送；更早的报送时间多为填写错误。",
    description_en: "A summary is sent after the week ends; an earlier timestamp is most likely a typo.",
    message: "报送时间 {submitted_local} 早于活动周结束日 {week_end}",
    message_en: "Submitted at {submitted_local}, before the week ends on {week_end}",
    check: Check::Semantic(before_week_end),
};

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

pub(crate) const MATERIAL_MISSING: Rule = Rule {
    code: "submission.material_missing",
    severity: Error,
    documents: &[Submission],
    reads: &["/materials"],
    clause: "四（四）工作总结材料、总结表和1个典型活动案例；电子版和盖章后扫描件（PDF格式）",
    description: "通知要求的每种材料都必须报送。",
    description_en: "Every material the notice requires must be sent.",
    message: "缺少报送材料：{material}",
    message_en: "Missing material: {material_en}",
    check: Check::Semantic(material_checks),
};

pub(crate) const MATERIAL_COUNT: Rule = Rule {
    code: "submission.material_count",
    severity: Error,
    documents: &[Submission],
    reads: &["/materials"],
    clause: "四（四）1个典型活动案例",
    description: "有数量要求的材料（典型活动案例恰好 1 个）必须符合数量。",
    description_en: "Materials with a set number (exactly one typical case) must match it.",
    message: "{material}应为 {expected} 份，实际 {found} 份",
    message_en: "Expected exactly {expected} of {material_en}, found {found}",
    check: Check::Semantic(|_, _| {}),
};

pub(crate) const SCAN_NOT_PDF: Rule = Rule {
    code: "submission.scan_not_pdf",
    severity: Error,
    documents: &[Submission],
    reads: &["/materials/*/format", "/materials/*/file_name"],
    clause: "四（四）盖章后扫描件（PDF格式）",
    description: "盖章后扫描件必须是 PDF 格式。",
    description_en: "The stamped scan must be a PDF.",
    message: "盖章后扫描件应为 {format_expected} 格式，实际为“{format}”",
    message_en: "The stamped scan must be {format_expected}, found \"{format}\"",
    check: Check::Semantic(|_, _| {}),
};

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
                        params! {"format_expected" => fmt.to_uppercase(), "format" => found,
                        "related" => [format!("notice#/reporting/materials/{ri}/format")]},
                        m.file_name.as_ref().map(|f| Value::String(f.clone())).as_ref(),
                    );
                }
            }
        }
    }
}

pub(crate) const RULES: &[Rule] = &[LATE, BEFORE_WEEK_END, MATERIAL_MISSING, MATERIAL_COUNT, SCAN_NOT_PDF];
