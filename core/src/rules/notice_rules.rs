//! Rules over a notice loaded from JSON: a notice is a rulebook and must itself be coherent.

use super::{params, Ctx, Findings, Registered};
use crate::catalog::notice::*;
use crate::notice::{fold_name, parse_utc_offset};
use serde_json::Value;
use std::collections::BTreeMap;

fn week_inverted(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(w) = &ctx.notice.week else { return };
    if let (Some(s), Some(e)) = (w.start, w.end) {
        if s > e {
            out.emit(
                &WEEK_INVERTED,
                "/week/end".into(),
                params! {"start" => s.to_string(), "end" => e.to_string(), "related" => ["/week/start"]},
                Some(&Value::String(e.to_string())),
            );
        }
    }
}

fn deadline_before_week_end(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(d) = ctx.notice.reporting.as_ref().and_then(|r| r.deadline) else { return };
    let Some(end) = ctx.notice.week.as_ref().and_then(|w| w.end) else { return };
    if d < end {
        out.emit(
            &DEADLINE_BEFORE_WEEK_END,
            "/reporting/deadline".into(),
            params! {"deadline" => d.to_string(), "week_end" => end.to_string(), "related" => ["/week/end"]},
            Some(&Value::String(d.to_string())),
        );
    }
}

fn deadline_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(r) = ctx.notice.reporting.as_ref() else { return };
    if r.deadline.is_none() && r.deadline_term.is_none() {
        out.emit(&DEADLINE_MISSING, "/reporting/deadline".into(), params! {}, None);
    }
}

fn jurisdiction_empty(ctx: &Ctx<'_>, out: &mut Findings) {
    if ctx.notice.jurisdiction.as_ref().and_then(|j| j.units.as_ref()).is_some_and(|u| u.is_empty()) {
        out.emit(&JURISDICTION_EMPTY, "/jurisdiction/units".into(), params! {}, None);
    }
}

fn name_ambiguous(ctx: &Ctx<'_>, out: &mut Findings) {
    let mut seen: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for (i, u) in ctx.notice.units().iter().enumerate() {
        let official = u.name.clone().unwrap_or_default();
        let names = u
            .name
            .iter()
            .map(|n| (n, "name".to_string()))
            .chain(u.aliases.iter().flatten().enumerate().map(|(j, a)| (a, format!("aliases/{j}"))));
        for (n, field) in names {
            let key = fold_name(n);
            if key.is_empty() {
                continue;
            }
            match seen.get(&key) {
                Some((first_i, first)) if *first_i != i => out.emit(
                    &NAME_AMBIGUOUS,
                    format!("/jurisdiction/units/{i}/{field}"),
                    params! {"name" => n, "first" => first, "second" => official,
                    "related" => [format!("/jurisdiction/units/{first_i}")]},
                    Some(&Value::String(n.clone())),
                ),
                Some(_) => {}
                None => {
                    seen.insert(key, (i, official.clone()));
                }
            }
        }
    }
}

fn offset_invalid(ctx: &Ctx<'_>, out: &mut Findings) {
    if let Some(o) = ctx.notice.reporting.as_ref().and_then(|r| r.utc_offset.as_deref()) {
        if parse_utc_offset(o).is_none() {
            out.emit(
                &OFFSET_INVALID,
                "/reporting/utc_offset".into(),
                params! {"value" => o},
                Some(&Value::String(o.into())),
            );
        }
    }
}

/// The checks of this file, each with the rule it carries.
pub(crate) const CHECKS: &[Registered] = &[
    (&WEEK_INVERTED, week_inverted),
    (&DEADLINE_BEFORE_WEEK_END, deadline_before_week_end),
    (&DEADLINE_MISSING, deadline_missing),
    (&JURISDICTION_EMPTY, jurisdiction_empty),
    (&NAME_AMBIGUOUS, name_ambiguous),
    (&OFFSET_INVALID, offset_invalid),
];
