//! 报送单位: the jurisdiction the notice addresses. The place comes from the title (南昌市,
//! 江西省, 东湖区); its units from the official division registry (`catalog::divisions`) and the
//! curated zones and bureaus, kept to what the recipients (主送) address; a district's streets
//! and towns from the recipients alone.

use super::Reader;
use crate::catalog::divisions::{self, Division, Level};
use crate::notice::{Jurisdiction, ReportingUnit, UnitKind};

/// What the place of the notice is, in the registry.
pub(crate) enum Place {
    Province(&'static Division),
    City(&'static Division),
    County(&'static Division),
}

/// Finds the notice's place in the registry, and records its province.
pub(crate) fn locate(r: &mut Reader<'_>) -> Option<Place> {
    let name = r.place.clone()?;
    let place = if let Some(p) =
        divisions::find_province(&name).filter(|_| !name.ends_with("市") || is_municipality(&name))
    {
        Place::Province(p)
    } else if let Some(c) = divisions::find_city(&name) {
        Place::City(c)
    } else {
        let counties = divisions::find_county(&name);
        // a county name that repeats (朝阳区) cannot be placed without its city
        match counties.as_slice() {
            [one] => Place::County(one),
            _ => return None,
        }
    };
    let province = match &place {
        Place::Province(p) => Some(*p),
        Place::City(c) => divisions::parent(c.code).filter(|p| p.level == Level::Province).or(Some(*c)),
        Place::County(d) => divisions::parent(d.code).and_then(|c| {
            if c.level == Level::Province {
                Some(c)
            } else {
                divisions::parent(c.code)
            }
        }),
    };
    r.province = province.map(|p| p.name.to_owned());
    Some(place)
}

fn is_municipality(name: &str) -> bool {
    divisions::find_province(name).is_some_and(|p| p.is_municipality())
}

/// Reads the jurisdiction.
pub(crate) fn jurisdiction(
    r: &mut Reader<'_>,
    place: Option<Place>,
    recipients: Option<std::ops::Range<usize>>,
) {
    let year = r.notice.year;
    let recipients_text: Vec<String> = r.notice.recipients.clone().unwrap_or_default();
    let addressed = |u: &ReportingUnit| {
        let generic = match u.kind {
            Some(UnitKind::DevelopmentZone) => {
                recipients_text.iter().any(|t| t.contains("开发区") || t.contains("园区"))
            }
            _ => false,
        };
        let named = std::iter::once(u.name.as_deref().unwrap_or_default())
            .chain(u.aliases.iter().flatten().map(String::as_str))
            .filter(|n| n.chars().count() >= 2)
            .any(|n| recipients_text.iter().any(|t| t.contains(n)));
        generic || named
    };
    let j = match place {
        Some(Place::Province(p)) => Jurisdiction::of_province(p.name, year),
        Some(Place::City(c)) => crate::jurisdiction::county_divisions(c.name, year).map(|(city, units)| {
            let mut list: Vec<ReportingUnit> = units.into_iter().map(|u| u.unit).collect();
            // zones and bureaus report only when the notice addresses them
            list.extend(
                crate::jurisdiction::known_units(city.name, year).into_iter().filter(|u| addressed(u)),
            );
            Jurisdiction { city: Some(city.name.to_owned()), units: Some(list), ..Default::default() }
        }),
        Some(Place::County(d)) => {
            let units: Vec<ReportingUnit> = recipients_text.iter().filter_map(|t| local_unit(t)).collect();
            if units.is_empty() {
                r.unreadable(
                    "/jurisdiction/units",
                    ("报送单位（辖区）", "the reporting units (jurisdiction)"),
                    &recipients_text.join("、"),
                    (
                        "主送单位没有列出各街道、乡镇的名称",
                        "the recipients do not name the streets and towns",
                    ),
                );
                r.notice.jurisdiction =
                    Some(Jurisdiction { city: Some(d.name.to_owned()), units: None, ..Default::default() });
                return;
            }
            Some(Jurisdiction { city: Some(d.name.to_owned()), units: Some(units), ..Default::default() })
        }
        None => None,
    };
    match j {
        Some(j) => {
            if let Some(range) = recipients {
                r.source("/jurisdiction/units", &range);
            }
            r.notice.jurisdiction = Some(j);
        }
        None => {
            let place = r.place.clone().unwrap_or_default();
            if place.is_empty() {
                r.missing("/jurisdiction", "报送单位（辖区）", "the reporting units (jurisdiction)");
            } else {
                r.unreadable(
                    "/jurisdiction",
                    ("报送单位（辖区）", "the reporting units (jurisdiction)"),
                    &place,
                    (
                        "行政区划代码表中没有这个地名（或重名，须注明所属城市）",
                        "the division registry does not know this place (or it repeats: name its city)",
                    ),
                );
            }
        }
    }
}

/// A street, town or township a district's notice addresses: 「公园街道办事处」 → 公园街道.
fn local_unit(recipient: &str) -> Option<ReportingUnit> {
    let t = recipient.trim_start_matches('各');
    let t = ["办事处", "人民政府", "政府", "社区教育学校", "成人文化技术学校", "文化站"]
        .iter()
        .find_map(|s| t.strip_suffix(s))
        .unwrap_or(t);
    let kind = if t.ends_with("街道") {
        UnitKind::Street
    } else if t.ends_with('镇') {
        UnitKind::Town
    } else if t.ends_with('乡') {
        UnitKind::Township
    } else {
        return None;
    };
    // 「各街道」, 「各乡镇」: no name
    if ["街道", "镇", "乡", "乡镇"].contains(&t) || recipient.starts_with('各') {
        return None;
    }
    Some(ReportingUnit {
        name: Some(t.to_owned()),
        kind: Some(kind),
        aliases: Some(Vec::new()),
        ..Default::default()
    })
}
