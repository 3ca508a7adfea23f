//! Totals with honest qualifiers.
//!
//! A sum's qualifier follows [`Qualifier::combine`]:
//!
//! | + | exact | approx | at_least | at_most |
//! |---|---|---|---|---|
//! | **exact** | exact | approx | at_least | at_most |
//! | **approx** | approx | approx | approx | approx |
//! | **at_least** | at_least | approx | at_least | approx |
//! | **at_most** | at_most | approx | approx | at_most |
//!
//! It is commutative and associative with `exact` as identity, so the order in which units are
//! added never matters, and a total is never more precise than its least precise part. A unit
//! that was counted but gave no figure adds an `at_least` (its share is unknown but not negative),
//! so the total says "at least". People (人) and person-times (人次) are never added: when the
//! units' participants differ in kind, each kind is totalled apart and the overall `value` is
//! absent.

use crate::count::{Count, CountKind, Qualifier};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 分类合计 / the total of one kind of count (people, person-times …).
///
/// ```
/// use learning_week::aggregate::totals::sum_counts;
/// use learning_week::Count;
/// let parts = vec![("东湖区".to_string(), Some(Count::exact(5).with_unit("人")))];
/// let t = sum_counts(&parts, true);
/// assert_eq!(t.by_kind[0].value, 5);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct KindTotal {
    /// 种类 / what is counted.
    pub kind: CountKind,
    /// 合计 / the sum.
    pub value: u64,
    /// 限定词 / the sum's qualifier.
    pub qualifier: Qualifier,
    /// 单位 / the unit word (the parts' own when they agree, else 人 / 人次).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 单位列表 / the reporting units in this sum.
    pub units: Vec<String>,
}

/// 合计 / a total over the reporting units, with its qualifier.
///
/// ```
/// use learning_week::aggregate::totals::sum_counts;
/// use learning_week::{Count, Qualifier};
/// let parts = vec![
///     ("东湖区".to_string(), Some(Count::exact(100))),
///     ("西湖区".to_string(), Some(Count::new(200, Qualifier::Approx))),
/// ];
/// let t = sum_counts(&parts, false);
/// assert_eq!((t.value, t.qualifier), (Some(300), Qualifier::Approx));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Total {
    /// 合计 / the sum; absent when the parts count different kinds (人 and 人次).
    pub value: Option<u64>,
    /// 限定词 / the sum's qualifier (see the module's table).
    pub qualifier: Qualifier,
    /// 单位 / the unit word, when all parts agree on a kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// 计入单位数 / how many reporting units gave a figure.
    pub units_counted: usize,
    /// 未填单位 / reporting units that gave no figure (the total is then at least).
    pub units_without: Vec<String>,
    /// 分类合计 / per-kind totals (participants only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_kind: Vec<KindTotal>,
}

impl Total {
    /// The total as a count, when it is one figure.
    ///
    /// ```
    /// use learning_week::aggregate::totals::sum_counts;
    /// use learning_week::Count;
    /// let t = sum_counts(&[("东湖区".to_string(), Some(Count::exact(3)))], false);
    /// assert_eq!(t.as_count(), Some(Count::exact(3)));
    /// ```
    pub fn as_count(&self) -> Option<Count> {
        self.value.map(|value| Count {
            value,
            qualifier: self.qualifier,
            unit: self.unit.clone(),
            source: None,
        })
    }

    /// Whether the parts count different kinds (no single figure).
    ///
    /// ```
    /// use learning_week::aggregate::totals::sum_counts;
    /// use learning_week::Count;
    /// let t = sum_counts(&[("a".into(), Some(Count::exact(1).with_unit("人"))), ("b".into(), Some(Count::exact(1).with_unit("人次")))], true);
    /// assert!(t.is_mixed());
    /// ```
    pub fn is_mixed(&self) -> bool {
        self.by_kind.len() > 1
    }
}

/// The canonical unit word of a kind (for a sum whose parts wrote different words).
fn kind_word(kind: CountKind) -> Option<&'static str> {
    match kind {
        CountKind::People => Some("人"),
        CountKind::PersonTimes => Some("人次"),
        _ => None,
    }
}

/// One sum of counts: value, qualifier, unit.
fn fold(counts: &[&Count]) -> (u64, Qualifier, Option<String>, CountKind) {
    let value = counts.iter().fold(0u64, |a, c| a.saturating_add(c.value));
    let qualifier = counts.iter().fold(Qualifier::Exact, |q, c| q.combine(c.qualifier));
    let kind = counts.first().map_or(CountKind::Unspecified, |c| c.kind());
    let first_unit = counts.first().and_then(|c| c.unit.clone());
    let unit = if counts.iter().all(|c| c.unit == first_unit) {
        first_unit
    } else {
        kind_word(kind).map(str::to_owned)
    };
    (value, qualifier, unit, kind)
}

/// Sums one figure over the reporting units (given in a fixed order: the result never depends
/// on it). `split_by_kind` keeps people, person-times and unstated counts apart (participants).
///
/// ```
/// use learning_week::aggregate::totals::sum_counts;
/// use learning_week::{Count, Qualifier};
/// let parts = vec![("东湖区".to_string(), Some(Count::exact(10))), ("西湖区".to_string(), None)];
/// let t = sum_counts(&parts, false);
/// assert_eq!((t.value, t.qualifier), (Some(10), Qualifier::AtLeast)); // 西湖区 gave none
/// assert_eq!(t.units_without, vec!["西湖区".to_string()]);
/// ```
pub fn sum_counts(parts: &[(String, Option<Count>)], split_by_kind: bool) -> Total {
    let counted: Vec<(&String, &Count)> =
        parts.iter().filter_map(|(u, c)| c.as_ref().map(|c| (u, c))).collect();
    let units_without: Vec<String> =
        parts.iter().filter(|(_, c)| c.is_none()).map(|(u, _)| u.clone()).collect();
    let missing_q = if units_without.is_empty() { Qualifier::Exact } else { Qualifier::AtLeast };
    let mut by_kind = Vec::new();
    if split_by_kind {
        let mut kinds: Vec<CountKind> = counted.iter().map(|(_, c)| c.kind()).collect();
        kinds.sort();
        kinds.dedup();
        for kind in kinds {
            let these: Vec<&(&String, &Count)> = counted.iter().filter(|(_, c)| c.kind() == kind).collect();
            let counts: Vec<&Count> = these.iter().map(|(_, c)| *c).collect();
            let (value, qualifier, unit, _) = fold(&counts);
            by_kind.push(KindTotal {
                kind,
                value,
                qualifier,
                unit,
                units: these.iter().map(|(u, _)| (*u).clone()).collect(),
            });
        }
    }
    let all: Vec<&Count> = counted.iter().map(|(_, c)| *c).collect();
    let (sum, qualifier, unit, _) = fold(&all);
    let mixed = by_kind.len() > 1;
    Total {
        value: if mixed { None } else { Some(sum) },
        qualifier: qualifier.combine(missing_q),
        unit: if mixed { None } else { unit },
        units_counted: counted.len(),
        units_without,
        by_kind,
    }
}

/// 合计 / the roll-up's totals over the reporting units.
///
/// ```
/// use learning_week::aggregate::{aggregate, AggregateOptions};
/// let r = aggregate(&learning_week::Notice::nanchang_2021(), &[], &AggregateOptions::default());
/// assert_eq!(r.totals.participants.value, Some(0));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Totals {
    /// 参加活动人数 / participants (per kind when units differ: 人 and 人次 are never added).
    pub participants: Total,
    /// 主会场数量 / main venues.
    pub main_venues: Total,
    /// 分会场数量 / sub-venues.
    pub sub_venues: Total,
    /// 全市区数（各单位所辖街道、乡镇等）/ sub-units in the reporting units' areas.
    pub units_total: Total,
    /// 参与活动的数量 / sub-units that took part.
    pub units_participating: Total,
    /// 文字报道 / text reports.
    pub text_reports: Total,
    /// 影像图片报道 / image and video reports.
    pub image_reports: Total,
}

/// A lower bound, in person-times, for participants of mixed kinds: a person counted once is at
/// least one person-time, and a person-time count is itself person-times, so the sum of people,
/// person-times and unstated counts is a true "at least" in 人次. Events and items are left out.
pub(crate) fn person_times_floor(t: &Total) -> Option<Count> {
    let parts: Vec<&KindTotal> = t
        .by_kind
        .iter()
        .filter(|k| matches!(k.kind, CountKind::People | CountKind::PersonTimes | CountKind::Unspecified))
        .collect();
    if parts.is_empty() {
        return None;
    }
    let value = parts.iter().fold(0u64, |a, k| a.saturating_add(k.value));
    let q = parts.iter().fold(Qualifier::AtLeast, |q, k| q.combine(k.qualifier));
    Some(Count { value, qualifier: q, unit: Some("人次".into()), source: None })
}
