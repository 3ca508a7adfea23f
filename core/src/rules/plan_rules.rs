//! Rules over the activity plan (活动计划和实施方案（含开幕式）), against the notice.

use super::{params, Ctx, Findings, Registered};
use crate::catalog::plan::*;
use crate::period::Overlap;
use crate::plan::ActivityPlan;
use serde_json::Value;

fn plan<'a>(ctx: &Ctx<'a>) -> Option<(&'a ActivityPlan<'a>, &'a str)> {
    ctx.subject_plan()
}

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

fn empty_list(l: Option<&Vec<crate::decode::Text<'_>>>) -> bool {
    l.is_none_or(|l| l.iter().all(|s| s.trim().is_empty()))
}

fn opening_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let required =
        ctx.notice.arrangements.as_ref().and_then(|a| a.opening_ceremony_required).unwrap_or(false);
    if required && p.opening_ceremony.is_none() {
        out.emit(
            &OPENING_MISSING,
            format!("{pre}/opening_ceremony"),
            params! {"related" => ["notice#/arrangements/opening_ceremony_required"]},
            None,
        );
    }
}

fn opening_outside_week(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let (Some(d), Some(week)) = (p.opening_ceremony.as_ref().and_then(|o| o.date), ctx.notice.week.as_ref())
    else {
        return;
    };
    let Some((ws, we)) = week.bounds() else { return };
    if !week.contains(d) {
        out.emit(
            &OPENING_OUTSIDE_WEEK,
            format!("{pre}/opening_ceremony/date"),
            params! {"date" => d.to_string(), "week_start" => ws.to_string(), "week_end" => we.to_string(), "related" => ["notice#/week"]},
            Some(&Value::String(d.to_string())),
        );
    }
}

fn no_activities(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    if p.activities.as_ref().is_some_and(|a| a.is_empty()) {
        out.emit(&NO_ACTIVITIES, format!("{pre}/activities"), params! {}, None);
    }
}

fn activity_outside_week(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let Some(week) = ctx.notice.week.as_ref() else { return };
    let Some((ws, we)) = week.bounds() else { return };
    for (i, a) in p.activities.iter().flatten().enumerate() {
        let Some(period) = &a.period else { continue };
        let Some((s, e)) = period.bounds() else { continue };
        let (how, how_en) = match period.overlap(week) {
            Some(Overlap::Disjoint) => ("完全", "wholly"),
            Some(Overlap::Partial) => ("部分", "partly"),
            _ => continue,
        };
        out.emit(
            &ACTIVITY_OUTSIDE_WEEK,
            format!("{pre}/activities/{i}/period"),
            params! {"name" => a.name.clone().unwrap_or_default(), "start" => s.to_string(), "end" => e.to_string(),
                     "how" => how, "how_en" => how_en, "week_start" => ws.to_string(), "week_end" => we.to_string(),
                     "related" => ["notice#/week"]},
            None,
        );
    }
}

fn focus_item_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let Some(acts) = &p.activities else { return };
    let texts: Vec<String> = acts.iter().map(|a| a.search_text()).collect();
    for (i, item) in ctx.notice.focus_items().iter().enumerate() {
        if !texts.iter().any(|t| item.matches(t)) {
            out.emit(
                &FOCUS_ITEM_MISSING,
                format!("{pre}/activities"),
                params! {"item" => item.name.clone().unwrap_or_default(), "key" => item.key.clone().unwrap_or_default(),
                         "related" => [format!("notice#/arrangements/focus_items/{i}")]},
                None,
            );
        }
    }
}

fn rural_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let Some(written) = p.unit.as_deref() else { return };
    let official = ctx.notice.official_unit_name(written);
    let Some(unit) = ctx.notice.units().iter().find(|u| u.name.as_deref() == official) else { return };
    if unit.rural != Some(true) {
        return;
    }
    let Some(duty) = ctx.notice.arrangements.as_ref().and_then(|a| a.rural_duty.as_ref()) else { return };
    let has_outreach = !empty_list(p.rural_outreach.as_ref());
    let has_activity = p.activities.iter().flatten().any(|a| duty.matches(&a.search_text()));
    if !has_outreach && !has_activity {
        out.emit(
            &RURAL_MISSING,
            format!("{pre}/rural_outreach"),
            params! {"unit" => unit.name.clone().unwrap_or_default(),
            "related" => [format!("{pre}/activities"), "notice#/arrangements/rural_duty".to_string()]},
            None,
        );
    }
}

fn epidemic_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let required =
        ctx.notice.organisation.as_ref().and_then(|o| o.epidemic_responsibility_required).unwrap_or(false);
    if required && blank(p.epidemic_prevention.as_ref().and_then(|e| e.responsible.as_deref())) {
        out.emit(&EPIDEMIC_MISSING, format!("{pre}/epidemic_prevention/responsible"), params! {}, None);
    }
}

fn safety_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let required = ctx.notice.organisation.as_ref().and_then(|o| o.safety_required).unwrap_or(false);
    if required && empty_list(p.safety_measures.as_ref()) {
        out.emit(&SAFETY_MISSING, format!("{pre}/safety_measures"), params! {}, None);
    }
}

fn funding_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    let required = ctx.notice.organisation.as_ref().and_then(|o| o.funding_required).unwrap_or(false);
    if required && blank(p.funding.as_deref()) {
        out.emit(&FUNDING_MISSING, format!("{pre}/funding"), params! {}, None);
    }
}

fn publicity_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((p, pre)) = plan(ctx) else { return };
    if empty_list(p.publicity_channels.as_ref()) {
        let channels =
            ctx.notice.organisation.as_ref().and_then(|o| o.publicity_channels.clone()).unwrap_or_default();
        out.emit(
            &PUBLICITY_MISSING,
            format!("{pre}/publicity_channels"),
            params! {"channels" => channels},
            None,
        );
    }
}

/// The checks of this file, each with the rule it carries.
pub(crate) const CHECKS: &[Registered] = &[
    (&OPENING_MISSING, opening_missing),
    (&OPENING_OUTSIDE_WEEK, opening_outside_week),
    (&NO_ACTIVITIES, no_activities),
    (&ACTIVITY_OUTSIDE_WEEK, activity_outside_week),
    (&FOCUS_ITEM_MISSING, focus_item_missing),
    (&RURAL_MISSING, rural_missing),
    (&EPIDEMIC_MISSING, epidemic_missing),
    (&SAFETY_MISSING, safety_missing),
    (&FUNDING_MISSING, funding_missing),
    (&PUBLICITY_MISSING, publicity_missing),
];
