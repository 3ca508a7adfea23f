//! The city's own 总结表, filled from the roll-up: figures from the totals, rows the units wrote
//! collected under their names, and plainly generated text where the city has nothing else.

use super::satisfaction::SatisfactionRollup;
use super::totals::{one_kind_floor, Total, Totals};
use super::{Completeness, LateUnit};
use crate::count::Count;
use crate::decode::{IntoOwned, Text};
use crate::notice::Notice;
use crate::period::Period;
use crate::plan::Leader;
use crate::satisfaction::Satisfaction;
use crate::summary::{
    FeaturedActivity, Leadership, Organizer, Participation, Publicity, Reach, SummaryTable, ThemeAndContent,
};

/// Generated texts stay well under the decoder's per-field limit, so the table reads back.
const MAX_GENERATED_CHARS: usize = 60_000;

fn cap(s: String) -> String {
    match s.char_indices().nth(MAX_GENERATED_CHARS) {
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or("")),
        None => s,
    }
}

/// `{unit}：{text}` for every unit that wrote the row, joined with `；`.
fn collected<'a>(
    tables: &[(String, &'a SummaryTable<'_>)],
    f: impl Fn(&'a SummaryTable<'_>) -> Option<&'a str>,
) -> String {
    let parts: Vec<String> = tables
        .iter()
        .filter_map(|(u, t)| f(t).map(str::trim).filter(|s| !s.is_empty()).map(|s| format!("{u}：{s}")))
        .collect();
    cap(parts.join("；"))
}

/// A total as the city's 总结表 holds it: the count, with the total's text
/// ([`Total::display_zh`]) as its source whenever the count alone would say less (figures kept
/// apart by kind, units left out), so every output prints that one text. With people and
/// person-times mixed the count's figure is one kind's sum, a lower bound of that kind
/// ([`one_kind_floor`]: person-times first) — kinds are never added, not even into a bound; the
/// figures of every kind stay in the text.
pub(crate) fn city_count(t: &Total) -> Option<Count> {
    let mut c = t.as_count().or_else(|| one_kind_floor(t).map(|(c, _)| c))?;
    let text = t.display_zh();
    if text != c.display_zh() {
        c.source = Some(text);
    }
    Some(c)
}

pub(crate) fn build(
    notice: &Notice,
    tables: &[(String, &SummaryTable<'_>)],
    totals: &Totals,
    satisfaction: &SatisfactionRollup,
    completeness: &Completeness,
    late: &[LateUnit],
) -> SummaryTable<'static> {
    let city = notice.city().unwrap_or("全市").to_owned();
    let issuer = notice.issuer.clone().unwrap_or_else(|| format!("{city}教育局"));
    let recipient =
        notice.reporting.as_ref().and_then(|r| r.recipient.clone()).unwrap_or_else(|| issuer.clone());

    let mut organizers: Vec<Organizer<'static>> = Vec::new();
    for ra in notice.organisation.iter().flat_map(|o| o.roles.iter().flatten()) {
        for name in ra.organisations.iter().flatten() {
            organizers.push(Organizer {
                name: Some(name.clone().into()),
                role: ra.role,
                ..Default::default()
            });
        }
    }
    if organizers.is_empty() {
        organizers.push(Organizer {
            name: Some(issuer.clone().into()),
            role: Some(crate::Role::Host),
            ..Default::default()
        });
    }

    let mut leaders: Vec<Leader<'static>> = Vec::new();
    for (u, t) in tables {
        for l in t.leadership.iter().flat_map(|l| l.attending_leaders.iter().flatten()) {
            let title = l.title.as_deref().map(|x| format!("{u}·{x}")).or_else(|| Some(u.clone()));
            let name = l.name.as_deref().map(|n| Text::Owned(n.to_owned()));
            let leader = Leader { title: title.map(Text::Owned), name, ..Default::default() };
            if !leaders.contains(&leader) {
                leaders.push(leader);
            }
        }
    }

    let featured: Vec<FeaturedActivity<'static>> = tables
        .iter()
        .flat_map(|(u, t)| {
            t.participation.iter().flat_map(|p| p.featured_activities.iter().flatten()).filter_map(move |f| {
                let name = f.name.as_deref().map(str::trim).filter(|n| !n.is_empty())?;
                Some(FeaturedActivity {
                    name: Some(format!("{u}：{name}").into()),
                    description: IntoOwned::into_owned(f.description.clone()),
                    topics: IntoOwned::into_owned(f.topics.clone()),
                    ..Default::default()
                })
            })
        })
        .collect();

    let participants = city_count(&totals.participants);

    let mut period = None::<(chrono::NaiveDate, chrono::NaiveDate)>;
    for (_, t) in tables {
        if let Some((s, e)) =
            t.theme_and_content.as_ref().and_then(|c| c.period.as_ref()).and_then(Period::bounds)
        {
            period = Some(period.map_or((s, e), |(ps, pe)| (ps.min(s), pe.max(e))));
        }
    }
    let period = match period {
        Some((s, e)) => Period::new(s, e),
        None => notice.week.clone().unwrap_or_default(),
    };

    let reported = completeness.reported;
    let expected = completeness.expected;
    let rate = completeness.rate_percent.map_or_else(|| "—".to_owned(), |r| format!("{r}%"));
    let content = {
        let units: Vec<&str> = tables.iter().map(|(u, _)| u.as_str()).collect();
        let mut s = format!(
            "{city}{expected}个县（区）、开发区、管理局中，{reported}个报送了活动周总结（{}）。各单位有特色的活动共{}项。",
            units.join("、"),
            featured.len()
        );
        let contents = collected(tables, |t| t.theme_and_content.as_ref()?.content.as_deref());
        if !contents.is_empty() {
            s.push_str("各单位活动内容：");
            s.push_str(&contents);
        }
        cap(s)
    };
    // Each figure is its total's one text, unit word and all: no word is added after it (a
    // sentence that wrote 「分会场{}个」 printed 「139余个个」).
    let outcomes = {
        let t = totals;
        let mut s = format!(
            "参加活动人数合计{}，主会场{}、分会场{}，文字报道{}、影像图片报道{}。",
            t.participants.display_zh(),
            t.main_venues.display_zh(),
            t.sub_venues.display_zh(),
            t.text_reports.display_zh(),
            t.image_reports.display_zh(),
        );
        if let (true, Some((floor, kind))) = (t.participants.is_mixed(), one_kind_floor(&t.participants)) {
            // The figure the count holds is one kind's sum: say which, and that it is a bound.
            let kind_zh = match kind {
                crate::CountKind::PersonTimes => "人次",
                crate::CountKind::People => "人",
                _ => "未注明单位的数字",
            };
            let floor_zh = floor.display_zh();
            s.push_str(&format!(
                "（各单位参加人数计量单位不一，人与人次分别合计、未相加；数值一栏只计{kind_zh}部分{floor_zh}，为该部分下限。）"
            ));
        }
        let outcomes = collected(tables, |t| t.theme_and_content.as_ref()?.outcomes.as_deref());
        if !outcomes.is_empty() {
            s.push_str(&outcomes);
        }
        cap(s)
    };

    let scope = {
        let s = collected(tables, |t| t.reach.as_ref()?.scope.as_deref());
        if s.is_empty() {
            format!("{city}{reported}个报送单位")
        } else {
            s
        }
    };
    let self_assessment = {
        let late_txt = if late.is_empty() {
            "均按期报送".to_owned()
        } else {
            let l: Vec<String> = late.iter().map(|l| format!("{}迟交{}天", l.unit, l.days_late)).collect();
            l.join("、")
        };
        let mut s = format!("报送率{rate}（{reported}/{expected}），{late_txt}。");
        let own = collected(tables, |t| t.reach.as_ref()?.self_assessment.as_deref());
        if !own.is_empty() {
            s.push_str(&own);
        }
        cap(s)
    };
    let sat = satisfaction.mean_percent().map(Satisfaction::Percent);

    let publicity_scope = {
        let s = collected(tables, |t| t.publicity.as_ref()?.scope.as_deref());
        if s.is_empty() {
            format!("{city}各报送单位")
        } else {
            s
        }
    };

    let missing_note = if completeness.expected > completeness.reported {
        format!("本表仅汇总已报送的{reported}个单位。")
    } else {
        String::new()
    };
    let other = format!(
        "本表由{recipient}根据各单位报送的总结表汇总生成。{missing_note}数量的限定词（约、余、不到）按汇总规则合并。"
    );

    SummaryTable {
        year: notice.year,
        host_unit: Some(city.clone().into()),
        organizers: Some(organizers),
        leadership: Some(Leadership {
            issuing_departments: Some(vec![issuer.clone().into()]),
            attending_leaders: Some(leaders),
            coordinating_department: Some(recipient.clone().into()),
            planning_department: Some(issuer.into()),
            ..Default::default()
        }),
        participation: Some(Participation {
            units_total: Some(Count::exact(expected as u64)),
            units_participating: Some(Count::exact(reported as u64)),
            main_venues: city_count(&totals.main_venues),
            sub_venues: city_count(&totals.sub_venues),
            participants,
            featured_activities: Some(featured),
            ..Default::default()
        }),
        theme_and_content: Some(ThemeAndContent {
            theme: notice.theme.clone().map(Text::Owned),
            content: Some(content.into()),
            outcomes: Some(outcomes.into()),
            period: Some(period),
            ..Default::default()
        }),
        reach: Some(Reach {
            scope: Some(scope.into()),
            satisfaction: sat,
            self_assessment: Some(self_assessment.into()),
            ..Default::default()
        }),
        publicity: Some(Publicity {
            scope: Some(publicity_scope.into()),
            text_reports: city_count(&totals.text_reports),
            image_reports: city_count(&totals.image_reports),
            ..Default::default()
        }),
        other: Some(other.into()),
        ..Default::default()
    }
}
