//! Rules over the 总结表: cross-field, against the notice, against the plan.

use super::{params, Ctx, Findings, Registered};
use crate::catalog::summary::*;
use crate::count::{Count, Qualifier};
use crate::notice::UnitMatch;
use crate::period::Overlap;
use crate::summary::SummaryTable;
use crate::text_match::{normalise_name, normalised_chars};
use crate::CountKind;
use serde_json::Value;

fn json<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// The lowest value a qualified count can stand for.
fn lower(c: &Count) -> u64 {
    match c.qualifier {
        Qualifier::AtMost => 0,
        _ => c.value,
    }
}

/// The highest value a qualified count can stand for (`None`: unbounded).
fn upper(c: &Count) -> Option<u64> {
    match c.qualifier {
        Qualifier::AtLeast => None,
        _ => Some(c.value),
    }
}

fn summary<'a>(ctx: &Ctx<'a>) -> Option<(&'a SummaryTable<'a>, &'a str)> {
    ctx.summary
}

fn units_exceed_total(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    let Some(p) = &t.participation else { return };
    let (Some(part), Some(total)) = (&p.units_participating, &p.units_total) else { return };
    if upper(total).is_some_and(|u| lower(part) > u) {
        out.emit(
            &UNITS_EXCEED_TOTAL,
            format!("{pre}/participation/units_participating"),
            params! {
                "participating" => part.display_zh(),
                "total" => total.display_zh(),
                "related" => [format!("{pre}/participation/units_total")],
            },
            Some(&json(part)),
        );
    }
}

fn no_main_venue(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    if let Some(m) = t.participation.as_ref().and_then(|p| p.main_venues.as_ref()) {
        if m.is_certainly_zero() {
            out.emit(&NO_MAIN_VENUE, format!("{pre}/participation/main_venues"), params! {}, Some(&json(m)));
        }
    }
}

fn featured_empty(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    if t.participation.as_ref().and_then(|p| p.featured_activities.as_ref()).is_some_and(|f| f.is_empty()) {
        out.emit(&FEATURED_EMPTY, format!("{pre}/participation/featured_activities"), params! {}, None);
    }
}

fn participants_not_people(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    if let Some(c) = t.participation.as_ref().and_then(|p| p.participants.as_ref()) {
        // 场 or 项, or a unit no kind knows (人头, 人数): none of them says people or person-times.
        let unknown_unit =
            c.kind() == CountKind::Unspecified && c.unit.as_deref().is_some_and(|u| !u.trim().is_empty());
        if matches!(c.kind(), CountKind::Events | CountKind::Items) || unknown_unit {
            out.emit(
                &PARTICIPANTS_NOT_PEOPLE,
                format!("{pre}/participation/participants"),
                params! {"unit" => c.unit.clone().unwrap_or_default()},
                Some(&json(c)),
            );
        }
    }
}

fn period_inverted(ctx: &Ctx<'_>, out: &mut Findings) {
    // Where each period sits, written only for one that is inverted.
    enum At<'p> {
        Summary(&'p str),
        Activity(&'p str, usize),
    }
    let summary_period = summary(ctx).and_then(|(t, pre)| {
        let p = t.theme_and_content.as_ref()?.period.as_ref()?;
        Some((p, At::Summary(pre)))
    });
    let plan_periods = ctx.subject_plan().into_iter().flat_map(|(p, pre)| {
        p.activities
            .iter()
            .flatten()
            .enumerate()
            .filter_map(move |(i, a)| a.period.as_ref().map(|period| (period, At::Activity(pre, i))))
    });
    for (p, at) in summary_period.into_iter().chain(plan_periods) {
        if let (Some(s), Some(e)) = (p.start, p.end) {
            if s > e {
                let at = match at {
                    At::Summary(pre) => format!("{pre}/theme_and_content/period"),
                    At::Activity(pre, i) => format!("{pre}/activities/{i}/period"),
                };
                out.emit(
                    &PERIOD_INVERTED,
                    format!("{at}/end"),
                    params! {"start" => s.to_string(), "end" => e.to_string(), "related" => [format!("{at}/start")]},
                    Some(&Value::String(e.to_string())),
                );
            }
        }
    }
}

fn period_vs_week(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    let Some(p) = t.theme_and_content.as_ref().and_then(|c| c.period.as_ref()) else { return };
    let Some(week) = &ctx.notice.week else { return };
    let (Some((s, e)), Some((ws, we))) = (p.bounds(), week.bounds()) else { return };
    let rule = match p.overlap(week) {
        Some(Overlap::Disjoint) => &PERIOD_OUTSIDE_WEEK,
        Some(Overlap::Partial) => &PERIOD_PARTLY_OUTSIDE_WEEK,
        _ => return,
    };
    // Blame the end that is outside (the start when both are).
    let blamed = if s < ws || s > we { "start" } else { "end" };
    out.emit(
        rule,
        format!("{pre}/theme_and_content/period/{blamed}"),
        params! {"start" => s.to_string(), "end" => e.to_string(),
        "week_start" => ws.to_string(), "week_end" => we.to_string(),
        "related" => [format!("{pre}/theme_and_content/period"), "notice#/week".to_string()]},
        Some(&Value::String(if blamed == "start" { s } else { e }.to_string())),
    );
}

/// The one unit `written` most likely means, if exactly one: the same place with another
/// county-level suffix (新建县 for 新建区, since 2015 a district), or the name with one character
/// mistyped (青山胡区).
fn likely_unit<'n>(written: &str, names: &[&'n str]) -> Option<&'n str> {
    /// The place's name without its county-level suffix (新建 of 新建区), when two characters
    /// or more are left.
    fn stem(n: &str) -> &str {
        const SUFFIXES: &[&str] = &["自治县", "管理局", "县", "区", "市", "旗"];
        SUFFIXES.iter().find_map(|s| n.strip_suffix(s)).filter(|s| s.chars().count() >= 2).unwrap_or(n)
    }
    let written = written.trim();
    let one_off = |n: &str| {
        n.chars().count() == written.chars().count()
            && n.chars().zip(written.chars()).filter(|(a, b)| a != b).count() == 1
    };
    let mut found = names.iter().copied().filter(|n| stem(n) == stem(written) || one_off(n));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

fn unit_known(ctx: &Ctx<'_>, out: &mut Findings) {
    let mut check = |written: &str, path: String| match ctx.notice.find_unit(written) {
        Some(UnitMatch::City) => {}
        // Official, but written differently (traditional characters, spaces): say so.
        Some(UnitMatch::Official(u)) if u.name.as_deref() == Some(written) => {}
        Some(UnitMatch::Official(u)) | Some(UnitMatch::Alias(u)) => out.emit(
            &UNIT_ALIAS,
            path,
            params! {"written" => written, "official" => u.name.clone().unwrap_or_default()},
            Some(&Value::String(written.to_owned())),
        ),
        None => {
            let names: Vec<&str> = ctx.notice.units().iter().filter_map(|u| u.name.as_deref()).collect();
            let mut params = params! {"written" => written, "expected" => names.clone(), "related" => ["notice#/jurisdiction/units"]};
            if let Some(s) = likely_unit(written, &names) {
                params.insert("suggestion".into(), s.into());
            }
            out.emit(&UNIT_UNKNOWN, path, params, Some(&Value::String(written.to_owned())));
        }
    };
    if let Some((t, pre)) = ctx.summary {
        if let Some(h) = t.host_unit.as_deref().filter(|h| !h.trim().is_empty()) {
            check(h, format!("{pre}/host_unit"));
        }
    }
    if let Some((p, pre)) = ctx.subject_plan() {
        if let Some(u) = p.unit.as_deref().filter(|h| !h.trim().is_empty()) {
            check(u, format!("{pre}/unit"));
        }
    }
}

fn year_mismatch(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some(ny) = ctx.notice.year else { return };
    let docs = [ctx.summary.map(|(t, p)| (t.year, p)), ctx.subject_plan().map(|(t, p)| (t.year, p))];
    for (year, pre) in docs.into_iter().flatten() {
        if let Some(y) = year.filter(|y| *y != ny) {
            out.emit(
                &YEAR_MISMATCH,
                format!("{pre}/year"),
                params! {"year" => y, "notice_year" => ny, "related" => ["notice#/year"]},
                Some(&Value::from(y)),
            );
        }
    }
}

/// The themes written in the documents of `ctx`, with their pointers.
fn written_themes<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = (&'a str, String)> {
    let docs = [
        ctx.summary.and_then(|(t, p)| {
            t.theme_and_content
                .as_ref()?
                .theme
                .as_deref()
                .map(|th| (th, format!("{p}/theme_and_content/theme")))
        }),
        ctx.subject_plan().and_then(|(t, p)| t.theme.as_deref().map(|th| (th, format!("{p}/theme")))),
    ];
    docs.into_iter().flatten().filter(|(th, _)| !th.trim().is_empty())
}

/// A written theme next to the notice's: the theme, its pointer, the notice's theme, the finding.
pub(crate) type ThemeRow = (String, String, String, super::themes::ThemeFinding);

/// Each written theme next to the notice's: one finding per theme, from one of the three checks
/// below (the same theme, a near miss, another year's national theme, another theme). Worked out
/// once per call ([`Ctx::themes`]), whichever check asks first.
fn theme_findings<'c>(ctx: &'c Ctx<'_>) -> &'c [ThemeRow] {
    ctx.themes.get_or_init(|| {
        let Some(nt) = ctx.notice.theme.as_deref() else { return Vec::new() };
        let notice = super::themes::NoticeTheme::new(nt, ctx.notice.year);
        written_themes(ctx)
            .map(|(th, path)| (th.to_owned(), path, nt.to_owned(), notice.classify(th)))
            .collect()
    })
}

fn theme_mismatch(ctx: &Ctx<'_>, out: &mut Findings) {
    for (theme, path, nt, f) in theme_findings(ctx) {
        if *f == super::themes::ThemeFinding::Other {
            out.emit(
                &THEME_MISMATCH,
                path.clone(),
                params! {"theme" => theme, "notice_theme" => nt, "related" => ["notice#/theme"]},
                Some(&Value::String(theme.clone())),
            );
        }
    }
}

fn theme_near_miss(ctx: &Ctx<'_>, out: &mut Findings) {
    for (theme, path, nt, f) in theme_findings(ctx) {
        if let super::themes::ThemeFinding::NearMiss { written, difference, difference_en } = f {
            out.emit(
                &THEME_NEAR_MISS,
                path.clone(),
                params! {
                    "theme" => theme, "written" => written, "notice_theme" => nt,
                    "difference" => difference, "difference_en" => difference_en, "related" => ["notice#/theme"]
                },
                Some(&Value::String(theme.clone())),
            );
        }
    }
}

fn theme_other_year(ctx: &Ctx<'_>, out: &mut Findings) {
    for (theme, path, nt, f) in theme_findings(ctx) {
        if let super::themes::ThemeFinding::OtherYear { year, theme: national, source } = f {
            out.emit(
                &THEME_OTHER_YEAR,
                path.clone(),
                params! {
                    "theme" => theme, "year" => year, "national_theme" => national, "source" => source,
                    "notice_theme" => nt, "related" => ["notice#/theme"]
                },
                Some(&Value::String(theme.clone())),
            );
        }
    }
}

fn satisfaction_missing(ctx: &Ctx<'_>, out: &mut Findings) {
    let Some((t, pre)) = summary(ctx) else { return };
    if let Some(r) = &t.reach {
        if r.satisfaction.is_none() && !ctx.satisfaction_written {
            out.emit(&SATISFACTION_MISSING, format!("{pre}/reach/satisfaction"), params! {}, None);
        }
    }
}

fn featured_not_in_plan(ctx: &Ctx<'_>, out: &mut Findings) {
    let (Some((t, pre)), Some((plan, plan_pre))) = (ctx.summary, ctx.plan) else { return };
    let Some(acts) = &plan.activities else { return };
    let Some(featured) = t.participation.as_ref().and_then(|p| p.featured_activities.as_ref()) else {
        return;
    };
    let names = || acts.iter().filter_map(|a| a.name.as_deref());
    // The planned names normalised, written out only if a featured name equals none of them.
    let normalised: std::cell::OnceCell<Vec<String>> = std::cell::OnceCell::new();
    for (i, f) in featured.iter().enumerate() {
        let Some(name) = f.name.as_deref().filter(|n| !n.trim().is_empty()) else { continue };
        // Equal, or one inside the other (only the longer can hold the shorter). Equality is
        // looked for first, character by character as normalised: it is the common case, and a
        // substring search costs far more.
        let equal = names().any(|p| {
            let mut p = normalised_chars(p).peekable();
            p.peek().is_some() && p.eq(normalised_chars(name))
        });
        if equal {
            continue;
        }
        let n = normalise_name(name);
        let planned = normalised.get_or_init(|| names().map(normalise_name).collect());
        let found = planned.iter().any(|p| {
            !p.is_empty()
                && match p.len().cmp(&n.len()) {
                    std::cmp::Ordering::Equal => false,
                    std::cmp::Ordering::Greater => p.contains(&n),
                    std::cmp::Ordering::Less => n.contains(p.as_str()),
                }
        });
        if !found {
            out.emit(
                &FEATURED_NOT_IN_PLAN,
                format!("{pre}/participation/featured_activities/{i}/name"),
                params! {"name" => name, "related" => [format!("{plan_pre}/activities")]},
                Some(&Value::String(name.to_owned())),
            );
        }
    }
}

fn period_vs_plan(ctx: &Ctx<'_>, out: &mut Findings) {
    let (Some((t, pre)), Some((plan, plan_pre))) = (ctx.summary, ctx.plan) else { return };
    let Some(period) = t.theme_and_content.as_ref().and_then(|c| c.period.as_ref()) else { return };
    let Some((s, e)) = period.bounds() else { return };
    let mut emit = |what: &str, what_en: &str, date: chrono::NaiveDate, related: String| {
        out.emit(
            &PERIOD_INCONSISTENT_WITH_PLAN,
            format!("{pre}/theme_and_content/period"),
            params! {"start" => s.to_string(), "end" => e.to_string(), "what" => what, "what_en" => what_en,
            "date" => date.to_string(), "related" => [related]},
            None,
        );
    };
    if let Some(d) = plan.opening_ceremony.as_ref().and_then(|o| o.date) {
        if !period.contains(d) {
            emit("开幕式", "opening ceremony", d, format!("{plan_pre}/opening_ceremony/date"));
            return;
        }
    }
    // Only activities planned inside the notice's week are expected inside the summary's period.
    let week = ctx.notice.week.as_ref();
    for (i, a) in plan.activities.iter().flatten().enumerate() {
        let Some((as_, _)) = a.period.as_ref().and_then(|p| p.bounds()) else { continue };
        if week.is_some_and(|w| w.contains(as_)) && !period.contains(as_) {
            emit("活动", "activity", as_, format!("{plan_pre}/activities/{i}/period"));
            return;
        }
    }
}

fn plan_unit_mismatch(ctx: &Ctx<'_>, out: &mut Findings) {
    let (Some((t, pre)), Some((plan, plan_pre))) = (ctx.summary, ctx.plan) else { return };
    let (Some(h), Some(u)) = (t.host_unit.as_deref(), plan.unit.as_deref()) else { return };
    let canon =
        |w: &str| ctx.notice.official_unit_name(w).map(str::to_owned).unwrap_or_else(|| normalise_name(w));
    if canon(h) != canon(u) {
        out.emit(
            &PLAN_UNIT_MISMATCH,
            format!("{pre}/host_unit"),
            params! {"host_unit" => h, "plan_unit" => u, "related" => [format!("{plan_pre}/unit")]},
            Some(&Value::String(h.to_owned())),
        );
    }
}

/// The checks of this file, each with the rule it carries.
pub(crate) const CHECKS: &[Registered] = &[
    (&UNITS_EXCEED_TOTAL, units_exceed_total),
    (&NO_MAIN_VENUE, no_main_venue),
    (&FEATURED_EMPTY, featured_empty),
    (&PARTICIPANTS_NOT_PEOPLE, participants_not_people),
    (&PERIOD_INVERTED, period_inverted),
    (&PERIOD_OUTSIDE_WEEK, period_vs_week),
    (&UNIT_UNKNOWN, unit_known),
    (&YEAR_MISMATCH, year_mismatch),
    (&THEME_MISMATCH, theme_mismatch),
    (&THEME_NEAR_MISS, theme_near_miss),
    (&THEME_OTHER_YEAR, theme_other_year),
    (&SATISFACTION_MISSING, satisfaction_missing),
    (&FEATURED_NOT_IN_PLAN, featured_not_in_plan),
    (&PERIOD_INCONSISTENT_WITH_PLAN, period_vs_plan),
    (&PLAN_UNIT_MISMATCH, plan_unit_mismatch),
];

#[cfg(test)]
mod tests {
    use super::likely_unit;

    #[test]
    fn an_unknown_unit_suggests_the_one_it_most_likely_means() {
        let n = crate::Notice::nanchang_2021();
        let names: Vec<&str> = n.units().iter().filter_map(|u| u.name.as_deref()).collect();
        // The county's name before it became a district, the suffix left off, one character mistyped.
        assert_eq!(likely_unit("新建县", &names), Some("新建区"));
        assert_eq!(likely_unit(" 新建 ", &names), Some("新建区"));
        assert_eq!(likely_unit("青山胡区", &names), Some("青山湖区"));
        assert_eq!(likely_unit("进贤区", &names), Some("进贤县"));
        // Elsewhere, or like two units at once (东湖区 and 西湖区 are each one character off): none.
        assert_eq!(likely_unit("朝阳区", &names), None);
        assert_eq!(likely_unit("北湖区", &names), None);
    }
}
