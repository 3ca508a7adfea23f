//! A city's or a province's jurisdiction from the official divisions: the registry's
//! county-level divisions (`catalog::divisions`, the 2023 statistical codes) with the curated
//! changes of `core/data/known-units.json` applied for the year asked, plus the units that report
//! like county-level ones without being divisions there — development zones and management
//! bureaus (南昌高新技术产业开发区, 湾里管理局) — each with the document that establishes it.
//!
//! Years: the snapshot shows mid-2023. A division the curated list does not mention is taken to
//! be in force in every year; one it bounds (`since` / `until`, inclusive years of the activity
//! week) only in those years. An abolished division is not its own unit after its last year: its
//! successor carries its old name as an alias (湾里区 → 湾里管理局 from 2020). `year: None`
//! means the snapshot's present.
//!
//! Kinds from the official name: …区 district, …县 / 自治县 / 旗 county, …市 county-level city,
//! a statistical functional zone (code 71–79) a development zone (a 管理区 / 管理局 a management
//! bureau). `rural` is `Some(true)` for counties and county-level cities only; a district's or a
//! zone's rural duty is the notice's to say, so it stays `None`.

use crate::catalog::divisions::{self, Division, Level};
use crate::notice::{Jurisdiction, ReportingUnit, UnitKind};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// 依据 / where a curated entry comes from.
///
/// ```
/// let bureau = learning_week::jurisdiction::curated().units.iter().find(|u| u.name == "湾里管理局").unwrap();
/// assert!(bureau.source.document.contains("赣府字〔2019〕66号"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitSource {
    /// 文件 / the document (批复, 通知, official page) that establishes the entry.
    pub document: String,
    /// 网址 / its address, when known.
    pub url: Option<String>,
}

/// A curated change of a division the 2023 snapshot cannot show: a former division (湾里区,
/// until 2019) or a division set up later (红谷滩区, since 2020).
///
/// ```
/// let c = learning_week::jurisdiction::curated().divisions.iter().find(|c| c.name == "湾里区").unwrap();
/// assert_eq!((c.code.as_str(), c.until, c.successor.as_deref()), ("360105", Some(2019), Some("湾里管理局")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DivisionChange {
    /// The city it belongs to.
    pub city: String,
    /// Its six-digit code.
    pub code: String,
    /// Its official name.
    pub name: String,
    /// The first year it is in force (inclusive), if bounded.
    #[serde(default)]
    pub since: Option<i32>,
    /// The last year it is in force (inclusive), if bounded.
    #[serde(default)]
    pub until: Option<i32>,
    /// The unit that carries its name after it (an alias of that unit).
    #[serde(default)]
    pub successor: Option<String>,
    /// The document that establishes the change.
    pub source: UnitSource,
}

/// A curated unit that reports like a county-level unit but is no division of the registry.
///
/// ```
/// let z = learning_week::jurisdiction::curated().units.iter().find(|u| u.name == "南昌经济技术开发区").unwrap();
/// assert_eq!(z.kind, learning_week::notice::UnitKind::DevelopmentZone);
/// assert!(z.aliases.contains(&"经开区".to_string()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownUnit {
    /// The city it reports to.
    pub city: String,
    /// Its official name.
    pub name: String,
    /// Its kind (development zone, management bureau …).
    pub kind: UnitKind,
    /// Other names still written.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The first year it reports (inclusive), if bounded.
    #[serde(default)]
    pub since: Option<i32>,
    /// The last year it reports (inclusive), if bounded.
    #[serde(default)]
    pub until: Option<i32>,
    /// The document that establishes it.
    pub source: UnitSource,
}

/// The curated list (`core/data/known-units.json`).
///
/// ```
/// let c = learning_week::jurisdiction::curated();
/// assert!(c.units.iter().all(|u| !u.source.document.is_empty()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Curated {
    /// Changes of divisions.
    pub divisions: Vec<DivisionChange>,
    /// Units that are no division.
    pub units: Vec<KnownUnit>,
}

static CURATED: LazyLock<Curated> = LazyLock::new(|| {
    // Embedded and tested (`curated_list_is_consistent`): a failure is a build defect, and the
    // registry then answers without curated entries rather than panicking.
    serde_json::from_str(include_str!("../data/known-units.json")).unwrap_or_default()
});

/// The curated zones, bureaus and changes, with their sources.
///
/// ```
/// assert!(learning_week::jurisdiction::curated().divisions.len() >= 2);
/// ```
pub fn curated() -> &'static Curated {
    &CURATED
}

fn in_force(since: Option<i32>, until: Option<i32>, year: Option<i32>) -> bool {
    match year {
        // The present: whatever has not ended.
        None => until.is_none(),
        Some(y) => since.is_none_or(|s| s <= y) && until.is_none_or(|u| y <= u),
    }
}

/// The kind of a registry entry as a reporting unit, from its official name and code.
///
/// ```
/// use learning_week::catalog::divisions::by_code;
/// use learning_week::jurisdiction::kind_of;
/// use learning_week::notice::UnitKind;
/// assert_eq!(kind_of(by_code("360402").unwrap()), Some(UnitKind::District)); // 濂溪区
/// assert_eq!(kind_of(by_code("360423").unwrap()), Some(UnitKind::County)); // 武宁县
/// assert_eq!(kind_of(by_code("360481").unwrap()), Some(UnitKind::CountyLevelCity)); // 瑞昌市
/// assert_eq!(kind_of(by_code("360400").unwrap()), Some(UnitKind::City)); // 九江市
/// assert_eq!(kind_of(by_code("130171").unwrap()), Some(UnitKind::DevelopmentZone));
/// ```
pub fn kind_of(d: &Division) -> Option<UnitKind> {
    kind_of_name(d.name, d.level, d.is_functional_zone())
}

fn kind_of_name(name: &str, level: Level, zone: bool) -> Option<UnitKind> {
    match level {
        Level::Province => None,
        Level::City => Some(UnitKind::City),
        Level::County if zone => Some(if name.ends_with("管理区") || name.ends_with("管理局") {
            UnitKind::ManagementBureau
        } else {
            UnitKind::DevelopmentZone
        }),
        Level::County if name.ends_with('区') => Some(UnitKind::District),
        Level::County if name.ends_with('县') || name.ends_with('旗') => Some(UnitKind::County),
        Level::County if name.ends_with('市') => Some(UnitKind::CountyLevelCity),
        Level::County => None,
    }
}

fn rural_of(kind: Option<UnitKind>) -> Option<bool> {
    matches!(kind, Some(UnitKind::County | UnitKind::CountyLevelCity)).then_some(true)
}

/// 来源 / where a unit of a registry answer comes from.
///
/// ```
/// use learning_week::jurisdiction::{units_of_city, Origin};
/// let (_, units) = units_of_city("南昌市", Some(2021)).unwrap();
/// let origin = |n: &str| units.iter().find(|u| u.name() == n).map(|u| u.origin);
/// assert_eq!(origin("东湖区"), Some(Origin::Registry));
/// assert_eq!(origin("红谷滩区"), Some(Origin::CuratedDivision)); // since 2020
/// assert_eq!(origin("湾里管理局"), Some(Origin::CuratedUnit));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "UnitOrigin")]
pub enum Origin {
    /// 登记数据中的区划 / a division of the registry snapshot.
    Registry,
    /// 整理清单中的区划调整 / a former division or a bounded one, from the curated list.
    CuratedDivision,
    /// 整理清单中的非区划单位 / a unit of the curated list that is no division (a zone, a bureau).
    CuratedUnit,
}

/// A reporting unit as the registry knows it: the notice's unit, its code when it is a division,
/// where it comes from and, for curated entries, the years and the source.
///
/// ```
/// let (_, units) = learning_week::jurisdiction::units_of_city("南昌市", Some(2021)).unwrap();
/// let bureau = units.iter().find(|u| u.name() == "湾里管理局").unwrap();
/// assert_eq!(bureau.origin, learning_week::jurisdiction::Origin::CuratedUnit);
/// assert_eq!(bureau.code, None);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RegistryUnit {
    /// The unit, as a notice lists it.
    pub unit: ReportingUnit,
    /// Its six-digit code, for a division.
    pub code: Option<String>,
    /// Where it comes from.
    pub origin: Origin,
    /// The first year it is in force (inclusive), when the curated list bounds it.
    pub since: Option<i32>,
    /// The last year it is in force (inclusive), when the curated list bounds it.
    pub until: Option<i32>,
    /// The source of a curated entry.
    pub source: Option<&'static UnitSource>,
}

impl RegistryUnit {
    /// The unit's official name.
    ///
    /// ```
    /// let (_, units) = learning_week::jurisdiction::units_of_city("九江市", None).unwrap();
    /// assert_eq!(units[0].name(), "濂溪区");
    /// ```
    pub fn name(&self) -> &str {
        self.unit.name.as_deref().unwrap_or_default()
    }
}

fn unit(name: &str, kind: Option<UnitKind>, aliases: Vec<String>, rural: Option<bool>) -> ReportingUnit {
    ReportingUnit {
        name: Some(name.to_owned()),
        kind,
        aliases: Some(aliases),
        rural,
        ..ReportingUnit::default()
    }
}

fn same_city(curated_city: &str, city: &Division) -> bool {
    divisions::find_city(curated_city).is_some_and(|c| c.code == city.code)
}

/// The county-level divisions of a city in force in `year` (curated changes applied), in code
/// order; `None` when the registry has no such city (or municipality).
///
/// ```
/// let (city, units) = learning_week::jurisdiction::county_divisions("南昌市", Some(2018)).unwrap();
/// assert_eq!(city.code, "360100");
/// let names: Vec<_> = units.iter().map(|u| u.name()).collect();
/// assert!(names.contains(&"湾里区") && !names.contains(&"红谷滩区"));
/// ```
pub fn county_divisions(city: &str, year: Option<i32>) -> Option<(&'static Division, Vec<RegistryUnit>)> {
    let city = divisions::find_city(city)?;
    let changes: Vec<&DivisionChange> =
        CURATED.divisions.iter().filter(|c| same_city(&c.city, city)).collect();
    let mut out: Vec<RegistryUnit> = Vec::new();
    for d in divisions::counties_of(city) {
        let change = changes.iter().find(|c| c.code == d.code);
        let (since, until) = change.map_or((None, None), |c| (c.since, c.until));
        if !in_force(since, until, year) {
            continue;
        }
        let kind = kind_of(d);
        out.push(RegistryUnit {
            unit: unit(d.name, kind, Vec::new(), rural_of(kind)),
            code: Some(d.code.to_owned()),
            origin: if change.is_some() { Origin::CuratedDivision } else { Origin::Registry },
            since,
            until,
            source: change.map(|c| &c.source),
        });
    }
    // Former divisions the snapshot no longer has.
    for c in changes.iter().filter(|c| divisions::by_code(&c.code).is_none()) {
        if in_force(c.since, c.until, year) {
            let kind = kind_of_name(&c.name, Level::County, false);
            out.push(RegistryUnit {
                unit: unit(&c.name, kind, Vec::new(), rural_of(kind)),
                code: Some(c.code.clone()),
                origin: Origin::CuratedDivision,
                since: c.since,
                until: c.until,
                source: Some(&c.source),
            });
        }
    }
    out.sort_by(|a, b| a.code.cmp(&b.code));
    Some((city, out))
}

/// The curated units of a city — development zones, management bureaus — that report in `year`,
/// with their aliases, the former divisions they succeed added as aliases (湾里区 → 湾里管理局);
/// empty for a city the list does not know.
///
/// ```
/// use learning_week::jurisdiction::known_units;
/// let units = known_units("南昌市", Some(2021));
/// assert_eq!(units.len(), 4);
/// let bureau = units.iter().find(|u| u.name.as_deref() == Some("湾里管理局")).unwrap();
/// assert_eq!(bureau.aliases.as_deref(), Some(&["湾里".to_string(), "湾里区".to_string()][..]));
/// assert!(known_units("南昌市", Some(2018)).iter().all(|u| u.name.as_deref() != Some("湾里管理局")));
/// ```
pub fn known_units(city: &str, year: Option<i32>) -> Vec<ReportingUnit> {
    known_registry_units(city, year).into_iter().map(|u| u.unit).collect()
}

fn known_registry_units(city: &str, year: Option<i32>) -> Vec<RegistryUnit> {
    let Some(city) = divisions::find_city(city) else {
        return Vec::new();
    };
    let ended = |c: &&DivisionChange| match (year, c.until) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(y), Some(u)) => u < y,
    };
    CURATED
        .units
        .iter()
        .filter(|u| same_city(&u.city, city) && in_force(u.since, u.until, year))
        .map(|u| {
            let mut aliases = u.aliases.clone();
            for c in CURATED.divisions.iter().filter(|c| same_city(&c.city, city)).filter(ended) {
                if c.successor.as_deref() == Some(u.name.as_str()) && !aliases.contains(&c.name) {
                    aliases.push(c.name.clone());
                }
            }
            RegistryUnit {
                unit: unit(&u.name, Some(u.kind), aliases, None),
                code: None,
                origin: Origin::CuratedUnit,
                since: u.since,
                until: u.until,
                source: Some(&u.source),
            }
        })
        .collect()
}

/// Every unit a city's notice of `year` can expect to report: its county-level divisions in
/// force, then its curated zones and bureaus; with the city's registry entry. `None` for a name
/// the registry does not know as a city or municipality.
///
/// ```
/// let (city, units) = learning_week::jurisdiction::units_of_city("九江", None).unwrap();
/// assert_eq!(city.name, "九江市");
/// assert_eq!(units.len(), 13 + 1); // 13 divisions, 九江经济技术开发区
/// ```
pub fn units_of_city(city: &str, year: Option<i32>) -> Option<(&'static Division, Vec<RegistryUnit>)> {
    let (division, mut units) = county_divisions(city, year)?;
    units.extend(known_registry_units(division.name, year));
    Some((division, units))
}

/// The units of a province's notice: its prefecture-level cities (kind `city`), in code order —
/// or, for a municipality, its districts and counties as [`units_of_city`] gives them.
///
/// ```
/// let (p, units) = learning_week::jurisdiction::units_of_province("江西", None).unwrap();
/// assert_eq!((p.code, units.len()), ("360000", 11));
/// assert_eq!(units[0].name(), "南昌市");
/// ```
pub fn units_of_province(
    province: &str,
    year: Option<i32>,
) -> Option<(&'static Division, Vec<RegistryUnit>)> {
    let p = divisions::find_province(province)?;
    if p.is_municipality() {
        return units_of_city(p.name, year);
    }
    let units = divisions::cities_of(p)
        .into_iter()
        .map(|c| RegistryUnit {
            unit: unit(c.name, Some(UnitKind::City), Vec::new(), None),
            code: Some(c.code.to_owned()),
            origin: Origin::Registry,
            since: None,
            until: None,
            source: None,
        })
        .collect();
    Some((p, units))
}

impl Jurisdiction {
    /// A city's jurisdiction for `year` from the registry and the curated list: its county-level
    /// divisions in force (changes applied), then its zones and bureaus, aliases included.
    /// `None` for a name the registry does not know as a city (or municipality).
    ///
    /// ```
    /// use learning_week::notice::Jurisdiction;
    /// let j = Jurisdiction::of_city("南昌市", Some(2021)).unwrap();
    /// assert_eq!(j.city.as_deref(), Some("南昌市"));
    /// assert_eq!(j.units.as_ref().unwrap().len(), 13);
    /// assert!(Jurisdiction::of_city("南昌市", Some(2018)).unwrap().units.unwrap().iter().any(|u| u.name.as_deref() == Some("湾里区")));
    /// assert!(Jurisdiction::of_city("不存在市", None).is_none());
    /// ```
    pub fn of_city(city: &str, year: Option<i32>) -> Option<Jurisdiction> {
        let (division, units) = units_of_city(city, year)?;
        Some(jurisdiction(division, units))
    }

    /// A province's jurisdiction: its prefecture-level cities as units (a municipality's: its
    /// districts and counties). `None` for a name the registry does not know as a province.
    ///
    /// ```
    /// use learning_week::notice::{Jurisdiction, UnitKind};
    /// let j = Jurisdiction::of_province("江西省", Some(2021)).unwrap();
    /// let units = j.units.unwrap();
    /// assert_eq!(units.len(), 11);
    /// assert!(units.iter().all(|u| u.kind == Some(UnitKind::City)));
    /// ```
    pub fn of_province(province: &str, year: Option<i32>) -> Option<Jurisdiction> {
        let (division, units) = units_of_province(province, year)?;
        Some(jurisdiction(division, units))
    }
}

fn jurisdiction(division: &Division, units: Vec<RegistryUnit>) -> Jurisdiction {
    Jurisdiction {
        city: Some(division.name.to_owned()),
        units: Some(units.into_iter().map(|u| u.unit).collect()),
        ..Jurisdiction::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::Notice;

    #[test]
    fn curated_list_is_consistent() {
        let parsed: Curated =
            serde_json::from_str(include_str!("../data/known-units.json")).expect("known-units.json decodes");
        assert_eq!(&parsed, curated());
        for c in &parsed.divisions {
            assert!(divisions::find_city(&c.city).is_some(), "{c:?}");
            assert!(c.code.starts_with(&divisions::find_city(&c.city).unwrap().code[..4]), "{c:?}");
            if let Some(successor) = &c.successor {
                assert!(parsed.units.iter().any(|u| &u.name == successor), "{successor}");
            }
        }
        for u in &parsed.units {
            assert!(divisions::find_city(&u.city).is_some(), "{u:?}");
            assert!(!u.source.document.trim().is_empty(), "{u:?}");
            assert!(u.since.zip(u.until).is_none_or(|(s, e)| s <= e), "{u:?}");
        }
    }

    /// The built-in notice's 13 units and aliases come out of the registry and the curated list
    /// (rural flags aside: those are the notice's to say).
    #[test]
    fn nanchang_2021_is_the_built_in_jurisdiction() {
        let built_in = Notice::nanchang_2021();
        let built = built_in.jurisdiction.as_ref().unwrap();
        let ours = Jurisdiction::of_city("南昌市", Some(2021)).unwrap();
        assert_eq!(ours.city, built.city);
        let key = |u: &ReportingUnit| (u.name.clone(), u.kind, u.aliases.clone().unwrap_or_default());
        let mut want: Vec<_> = built.units.as_ref().unwrap().iter().map(key).collect();
        let mut got: Vec<_> = ours.units.as_ref().unwrap().iter().map(key).collect();
        want.sort();
        got.sort();
        assert_eq!(got, want);
        let units = ours.units.unwrap();
        let rural: Vec<_> =
            units.iter().filter(|u| u.rural == Some(true)).filter_map(|u| u.name.as_deref()).collect();
        assert_eq!(rural, ["南昌县", "安义县", "进贤县"]);
        assert!(units.iter().all(|u| u.rural != Some(false)));
    }

    #[test]
    fn wanli_is_a_district_before_2020_and_an_alias_after() {
        let names = |y| {
            Jurisdiction::of_city("南昌市", Some(y))
                .unwrap()
                .units
                .unwrap()
                .into_iter()
                .map(|u| (u.name.unwrap_or_default(), u.kind))
                .collect::<Vec<_>>()
        };
        let y2018 = names(2018);
        assert!(y2018.contains(&("湾里区".to_owned(), Some(UnitKind::District))));
        assert!(!y2018.iter().any(|(n, _)| n == "红谷滩区" || n == "湾里管理局"));
        assert_eq!(y2018.len(), 9 + 3); // 东湖 西湖 青云谱 湾里 青山湖 新建 南昌县 安义 进贤 + 3 zones
        let y2020 = names(2020);
        assert!(!y2020.iter().any(|(n, _)| n == "湾里区"));
        assert!(y2020.iter().any(|(n, _)| n == "红谷滩区"));
        let (_, units) = county_divisions("南昌市", Some(2018)).unwrap();
        let wanli = units.iter().find(|u| u.name() == "湾里区").unwrap();
        assert_eq!((wanli.code.as_deref(), wanli.origin), (Some("360105"), Origin::CuratedDivision));
        // The present: 湾里区 is gone, 红谷滩区 stays.
        let now = Jurisdiction::of_city("南昌", None).unwrap().units.unwrap();
        let has = |n: &str| now.iter().any(|u| u.name.as_deref() == Some(n));
        assert!(has("红谷滩区") && !has("湾里区"));
    }

    #[test]
    fn kinds_follow_the_official_names() {
        let (_, units) = units_of_city("九江市", Some(2021)).unwrap();
        let kind = |n: &str| units.iter().find(|u| u.name() == n).and_then(|u| u.unit.kind);
        assert_eq!(kind("濂溪区"), Some(UnitKind::District));
        assert_eq!(kind("修水县"), Some(UnitKind::County));
        assert_eq!(kind("共青城市"), Some(UnitKind::CountyLevelCity));
        assert_eq!(kind("九江经济技术开发区"), Some(UnitKind::DevelopmentZone));
        let rural = |n: &str| units.iter().find(|u| u.name() == n).and_then(|u| u.unit.rural);
        assert_eq!((rural("修水县"), rural("庐山市"), rural("浔阳区")), (Some(true), Some(true), None));
        // A municipality's province notice lists its districts; 内蒙古's banners are counties.
        let (_, bj) = units_of_province("北京", None).unwrap();
        assert_eq!(bj.len(), 16);
        assert!(bj.iter().all(|u| u.unit.kind == Some(UnitKind::District)));
        let (_, hlbe) = units_of_city("呼伦贝尔市", None).unwrap();
        assert!(hlbe.iter().any(|u| u.unit.kind == Some(UnitKind::County) && u.name().ends_with('旗')));
    }

    #[test]
    fn unknown_names_have_no_jurisdiction() {
        for q in ["", "火星市", "江西省", "東湖區"] {
            assert!(Jurisdiction::of_city(q, Some(2021)).is_none(), "{q}");
        }
        assert!(Jurisdiction::of_province("南昌市", None).is_none());
        assert!(known_units("火星市", None).is_empty());
    }
}
