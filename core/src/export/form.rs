//! The attachment's form as rows of text: the one layout the Word export (and any other
//! renderer of the filled form) draws. Rows, their order and their labels come from the label
//! import's table ([`crate::import`]) and the model's labels ([`Labelled`]), never from here.

use crate::count::Count;
use crate::decode::Labelled;
use crate::import::{Row, ROWS};
use crate::satisfaction::Satisfaction;
use crate::summary::{FeaturedActivity, Participation, SummaryTable};
use crate::text;
use chrono::{Datelike, NaiveDate};

/// The line under the attachment's table.
pub const CLOSING_LINE: &str = "详细的活动情况总结、活动照片、活动录像请另附。";

/// 表格行 / one row of the filled form: its group (the vertically merged cell on the left,
/// absent for the rows that span it), its label, and the value as paragraphs.
///
/// ```
/// use learning_week::{export::form_rows, SummaryTable};
/// let rows = form_rows(&SummaryTable::default());
/// assert_eq!(rows[0].label, "举办县区");
/// assert_eq!(rows[2].group, Some("组织领导"));
/// assert!(rows.iter().all(|r| r.paragraphs.is_empty())); // an empty form
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormRow {
    /// 栏目组 / the group label (组织领导 …); absent for 举办县区, 主办单位及协办单位, 其他.
    pub group: Option<&'static str>,
    /// 栏目 / the row's label as the form prints it.
    pub label: &'static str,
    /// JSON Pointer of what the row shows (relative to the 总结表).
    pub pointer: &'static str,
    /// 内容 / the value, one string per paragraph; empty when the row was not filled.
    pub paragraphs: Vec<String>,
}

/// A count as it should be printed: the text it was read from when that text still says the
/// same number with the same qualifier, else the value with its qualifier (never more precise).
/// A city total of mixed kinds (its figure one kind's sum, person-times first) is printed as the
/// figures per kind its text gives, when that kind's figure is the count — never as one figure
/// that would add 人 to 人次.
///
/// ```
/// use learning_week::{export::count_text, Count, Qualifier};
/// let mut c = Count::new(35000, Qualifier::Approx).with_unit("人次");
/// c.source = Some("约3.5万人次".into());
/// assert_eq!(count_text(&c), "约3.5万人次");
/// c.source = Some("35000人次".into()); // a source that lost the 约 is not trusted
/// assert_eq!(count_text(&c), "约35000人次");
/// let mut mixed = Count::new(237_800, Qualifier::Approx).with_unit("人次");
/// mixed.source = Some("12600人；约237800人次；另9000（未注明单位）".into());
/// assert_eq!(count_text(&mixed), "12600人；约237800人次；另9000（未注明单位）");
/// // A sum across kinds is no such count: its own figure is printed.
/// let mut summed = Count::new(259_400, Qualifier::Approx).with_unit("人次");
/// summed.source = mixed.source.clone();
/// assert_eq!(count_text(&summed), "约259400人次");
/// ```
pub fn count_text(c: &Count) -> String {
    let source = c.source.as_deref().map(str::trim).filter(|s| !s.is_empty());
    match source {
        Some(s) if says(s, c) || is_kinds_of(s, c) => s.to_owned(),
        _ => c.display_zh(),
    }
}

/// Whether `s` still says `c`: its first figure is the value with the qualifier.
fn says(s: &str, c: &Count) -> bool {
    matches!(text::parse_quantity(s), Ok(q) if q.value == c.value && q.qualifier == c.qualifier)
}

/// Whether `s` gives figures of people, person-times and unstated counts — the city's sums kept
/// apart by kind — of which `c` is the one kind's figure a count holds (person-times first, then
/// people, then unstated; a bound of that kind: [`crate::Qualifier::combine`] with 余).
fn is_kinds_of(s: &str, c: &Count) -> bool {
    use crate::count::{CountKind, Qualifier};
    let Ok(figures) = text::find_quantities(s).into_iter().collect::<Result<Vec<_>, _>>() else {
        return false;
    };
    let order = [CountKind::PersonTimes, CountKind::People, CountKind::Unspecified];
    if figures.len() < 2 || !figures.iter().all(|q| order.contains(&q.kind)) {
        return false;
    }
    let Some(held) = order.iter().find_map(|want| figures.iter().find(|q| q.kind == *want)) else {
        return false;
    };
    held.value == c.value && Qualifier::AtLeast.combine(held.qualifier) == c.qualifier
}

/// 群众满意度 as it should be printed (same policy as [`count_text`]).
///
/// ```
/// use learning_week::{export::satisfaction_text, Satisfaction};
/// let s: Satisfaction = serde_json::from_str(r#"{"value": 98, "qualifier": "at_least", "source": "98%以上"}"#).unwrap();
/// assert_eq!(satisfaction_text(&s), "98%以上");
/// let s: Satisfaction = serde_json::from_str(r#""非常满意""#).unwrap();
/// assert_eq!(satisfaction_text(&s), "非常满意");
/// ```
pub fn satisfaction_text(s: &Satisfaction) -> String {
    match s {
        Satisfaction::Level(l) => l.as_str().to_owned(),
        Satisfaction::Percent(p) => {
            let source = p.source.as_deref().map(str::trim).filter(|s| !s.is_empty());
            let agrees = |s: &str| match text::parse_percent(s) {
                Ok(text::SatisfactionText::Percent { value, qualifier, .. }) => {
                    value == p.value && qualifier == p.qualifier
                }
                _ => false,
            };
            match source {
                Some(s) if agrees(s) => s.to_owned(),
                _ => p.display_zh(),
            }
        }
    }
}

fn date_zh(d: NaiveDate, with_year: bool) -> String {
    if with_year {
        format!("{}年{}月{}日", d.year(), d.month(), d.day())
    } else {
        format!("{}月{}日", d.month(), d.day())
    }
}

/// Free text as paragraphs: one per line, blank lines kept out, a blank text is no paragraph.
fn lines(s: Option<&crate::decode::Text<'_>>) -> Vec<String> {
    match s {
        Some(s) if !s.trim().is_empty() => s
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .split('\n')
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

/// The two figures a row of two counts reads from a cell (either may be missing).
type TwoFigures = (Option<text::Quantity>, Option<text::Quantity>);

/// Two labelled counts on one line (全市区数：共10；参与活动的数量：10), from the model's labels;
/// `lead` goes before the first figure (共 marks a total, so the label import reads it back).
/// Two counts read from one cell share its text as their source (「全区10个街道，10个参与」):
/// that text is the line, as written, when the row's own reader (`read_back`) still reads both
/// figures from it; never written twice inside the labels.
fn pair(
    p: Option<&Participation>,
    lead: &str,
    a: (&str, Option<&Count>),
    b: (&str, Option<&Count>),
    read_back: fn(&str) -> Option<TwoFigures>,
) -> Vec<String> {
    fn source(c: Option<&Count>) -> Option<&str> {
        c.and_then(|c| c.source.as_deref()).map(str::trim).filter(|s| !s.is_empty())
    }
    let shared = source(a.1).filter(|s| Some(*s) == source(b.1));
    if let Some(s) = shared {
        let same = |q: Option<text::Quantity>, c: Option<&Count>| match (q, c) {
            (Some(q), Some(c)) => q.value == c.value && q.qualifier == c.qualifier,
            _ => false,
        };
        if read_back(s).is_some_and(|(x, y)| same(x, a.1) && same(y, b.1)) {
            return vec![s.to_owned()];
        }
    }
    let parts: Vec<String> = [(a, lead), (b, "")]
        .into_iter()
        .filter_map(|((key, c), lead)| {
            // A shared source that no longer says both figures is no one figure's text either.
            let figure = |c: &Count| if shared.is_some() { c.display_zh() } else { count_text(c) };
            c.map(|c| format!("{}：{lead}{}", Participation::label(&[key]).unwrap_or(key), figure(c)))
        })
        .collect();
    if p.is_none() || parts.is_empty() {
        Vec::new()
    } else {
        vec![parts.join("；")]
    }
}

/// The units row's two figures as the label import reads them from `s`.
fn units_read_back(s: &str) -> Option<TwoFigures> {
    let u = text::read_units_cell(s, &text::ReadContext::default()).ok()?.units;
    Some((u.units_total, u.units_participating))
}

/// The venues row's two figures as the label import reads them from `s`.
fn venues_read_back(s: &str) -> Option<TwoFigures> {
    let v = text::read_venues_cell(s, &text::ReadContext::default()).ok()?.venues;
    Some((v.main_venues, v.sub_venues))
}

fn featured(f: &FeaturedActivity) -> Option<String> {
    let name = f.name.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let description = f.description.as_deref().map(str::trim).filter(|s| !s.is_empty());
    let topics: Vec<&str> = f.topics.iter().flatten().map(|t| t.trim()).filter(|t| !t.is_empty()).collect();
    let mut out = String::new();
    if let Some(n) = name {
        // A name holding a colon (the city's 「东湖区：…」) is set in 「」, so the colon before the
        // description is the one the label import splits at.
        if n.contains(['：', ':']) {
            out.push('「');
            out.push_str(n);
            out.push('」');
        } else {
            out.push_str(n);
        }
    }
    if let Some(d) = description {
        if !out.is_empty() {
            out.push('：');
        }
        out.push_str(d);
    }
    if !topics.is_empty() {
        let label = FeaturedActivity::label(&["topics"]).unwrap_or("topics");
        out.push_str(&format!("（{label}：{}）", topics.join("、")));
    }
    (!out.is_empty()).then_some(out)
}

fn value(t: &SummaryTable, row: Row) -> Vec<String> {
    let l = t.leadership.as_ref();
    let p = t.participation.as_ref();
    let tc = t.theme_and_content.as_ref();
    let r = t.reach.as_ref();
    let pb = t.publicity.as_ref();
    let count = |c: Option<&Count>| c.map(count_text).into_iter().collect::<Vec<_>>();
    match row {
        Row::Year => t.year.map(|y| y.to_string()).into_iter().collect(),
        Row::HostUnit => lines(t.host_unit.as_ref()),
        Row::Organizers => t
            .organizers
            .iter()
            .flatten()
            .filter_map(|o| {
                let name = o.name.as_deref().map(str::trim).filter(|s| !s.is_empty());
                match (name, o.role) {
                    (Some(n), Some(role)) => Some(format!("{n}（{}）", role.as_zh())),
                    (Some(n), None) => Some(n.to_owned()),
                    (None, Some(role)) => Some(format!("（{}）", role.as_zh())),
                    (None, None) => None,
                }
            })
            .collect(),
        Row::IssuingDepartments => l
            .and_then(|l| l.issuing_departments.as_ref())
            .into_iter()
            .flatten()
            .filter(|d| !d.trim().is_empty())
            .map(|d| d.to_string())
            .collect(),
        Row::AttendingLeaders => l
            .and_then(|l| l.attending_leaders.as_ref())
            .into_iter()
            .flatten()
            .filter_map(|x| {
                let parts: Vec<&str> = [x.title.as_deref(), x.name.as_deref()]
                    .into_iter()
                    .flatten()
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                (!parts.is_empty()).then(|| parts.join(" "))
            })
            .collect(),
        Row::CoordinatingDepartment => lines(l.and_then(|l| l.coordinating_department.as_ref())),
        Row::PlanningDepartment => lines(l.and_then(|l| l.planning_department.as_ref())),
        Row::Units => pair(
            p,
            "共",
            ("units_total", p.and_then(|p| p.units_total.as_ref())),
            ("units_participating", p.and_then(|p| p.units_participating.as_ref())),
            units_read_back,
        ),
        Row::Venues => pair(
            p,
            "",
            ("main_venues", p.and_then(|p| p.main_venues.as_ref())),
            ("sub_venues", p.and_then(|p| p.sub_venues.as_ref())),
            venues_read_back,
        ),
        Row::Participants => count(p.and_then(|p| p.participants.as_ref())),
        Row::Featured => p
            .and_then(|p| p.featured_activities.as_ref())
            .into_iter()
            .flatten()
            .filter_map(featured)
            .collect(),
        Row::Theme => lines(tc.and_then(|x| x.theme.as_ref())),
        Row::Content => lines(tc.and_then(|x| x.content.as_ref())),
        Row::Outcomes => lines(tc.and_then(|x| x.outcomes.as_ref())),
        Row::Period => match tc.and_then(|x| x.period.as_ref()).map(|p| (p.start, p.end)) {
            Some((Some(s), Some(e))) => {
                vec![format!("{}—{}", date_zh(s, true), date_zh(e, e.year() != s.year()))]
            }
            Some((Some(s), None)) => vec![format!("{}—", date_zh(s, true))],
            Some((None, Some(e))) => vec![format!("—{}", date_zh(e, true))],
            _ => Vec::new(),
        },
        Row::ReachScope => lines(r.and_then(|x| x.scope.as_ref())),
        Row::Satisfaction => {
            r.and_then(|x| x.satisfaction.as_ref()).map(satisfaction_text).into_iter().collect()
        }
        Row::SelfAssessment => lines(r.and_then(|x| x.self_assessment.as_ref())),
        Row::PublicityScope => lines(pb.and_then(|x| x.scope.as_ref())),
        Row::TextReports => count(pb.and_then(|x| x.text_reports.as_ref())),
        // The videos counted apart (「图片200余张，视频5个」) stay apart: a line of their own.
        Row::ImageReports => {
            let mut out = count(pb.and_then(|x| x.image_reports.as_ref()));
            if let Some(v) = pb.and_then(|x| x.video_reports.as_ref()).map(count_text) {
                // Already in the cell as written (its source names both): not twice.
                if !out.iter().any(|line| line.contains(&v)) {
                    out.push(format!("视频{v}"));
                }
            }
            out
        }
        Row::Other => lines(t.other.as_ref()),
    }
}

/// The group a row sits in: the model's label of the first key of its pointer, for the rows
/// below a group (the others span the group column).
fn group(row: Row, pointer: &str) -> Option<&'static str> {
    if matches!(row, Row::Year | Row::HostUnit | Row::Organizers | Row::Other) {
        return None;
    }
    let first = pointer.split('/').nth(1)?;
    SummaryTable::label(&[first])
}

/// The filled form, row by row in the attachment's order (the year is in the title, not a row).
///
/// ```
/// use learning_week::{export::form_rows, SummaryTable};
/// let t: SummaryTable = serde_json::from_str(r#"{"participation": {"units_total": 10, "units_participating": 9},
///     "theme_and_content": {"period": {"start": "2021-11-22", "end": "2021-11-28"}}}"#).unwrap();
/// let rows = form_rows(&t);
/// let row = |label: &str| rows.iter().find(|r| r.label == label).unwrap().paragraphs.clone();
/// assert_eq!(row("全市区数及参与活动的数量"), vec!["全市区数：共10；参与活动的数量：9"]);
/// assert_eq!(row("活动时间"), vec!["2021年11月22日—11月28日"]);
/// assert_eq!(rows.last().unwrap().label, "其他");
/// ```
pub fn form_rows(t: &SummaryTable) -> Vec<FormRow> {
    ROWS.iter()
        .filter(|(row, ..)| *row != Row::Year)
        .map(|(row, label, pointer, _)| FormRow {
            group: group(*row, pointer),
            label,
            pointer,
            paragraphs: value(t, *row),
        })
        .collect()
}
