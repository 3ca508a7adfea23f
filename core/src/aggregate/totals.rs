//! Totals with honest qualifiers.
//!
//! A sum's qualifier follows [`Qualifier::combine`] (the algebra is stated there, once). A unit
//! that was counted but gave no figure — or gave it only as text the readers could not take —
//! is not in the sum: it is named in `units_without`, and adds an `at_least` (its share is
//! unknown but not negative). People (人) and person-times (人次) are never added: when the
//! units' participants differ in kind, each kind is totalled apart and the overall `value` is
//! absent. [`Total::display_zh`] is the one text of a total that every output prints (the
//! city's 总结表, the text and Markdown reports, the workbook, the HTML report).

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

    /// The total as the city's 总结表 and every report write it: one figure when the parts agree
    /// on a kind; else one figure per kind, never added (「12600人；约237800人次；另9000（未注明单位）」:
    /// 人 and 人次 first, any other kind after 另, a count with no unit word marked 未注明单位).
    /// Each figure carries its qualifier by [`Qualifier::combine`]; units that gave no figure are
    /// named as left out (「；未计入：西湖区」) and make every figure a lower bound (余). No figure
    /// at all is 「—」.
    ///
    /// ```
    /// use learning_week::aggregate::totals::sum_counts;
    /// use learning_week::{Count, Qualifier};
    /// let parts = vec![
    ///     ("东湖区".to_string(), Some(Count::exact(12600).with_unit("人"))),
    ///     ("西湖区".to_string(), Some(Count::new(237800, Qualifier::Approx).with_unit("人次"))),
    ///     ("南昌县".to_string(), Some(Count::exact(9000))),
    /// ];
    /// assert_eq!(sum_counts(&parts, true).display_zh(), "12600人；约237800人次；另9000（未注明单位）");
    /// let venues = vec![("东湖区".to_string(), Some(Count::new(139, Qualifier::AtLeast).with_unit("个"))),
    ///                   ("西湖区".to_string(), None)];
    /// assert_eq!(sum_counts(&venues, false).display_zh(), "139余个；未计入：西湖区（无可计入的数字）");
    /// ```
    pub fn display_zh(&self) -> String {
        let left_out = if self.units_without.is_empty() {
            String::new()
        } else {
            format!("；未计入：{}（无可计入的数字）", self.units_without.join("、"))
        };
        let figures = match self.as_count() {
            _ if self.units_counted == 0 && !self.units_without.is_empty() => "—".to_owned(),
            Some(c) => c.display_zh(),
            None if self.by_kind.is_empty() => "—".to_owned(),
            None => {
                let missing =
                    if self.units_without.is_empty() { Qualifier::Exact } else { Qualifier::AtLeast };
                let mut kinds: Vec<&KindTotal> = self.by_kind.iter().collect();
                // 人 and 人次 lead; the rest follow in their kind order.
                let minor = |k: &&KindTotal| !matches!(k.kind, CountKind::People | CountKind::PersonTimes);
                super::sorting::sort_by(&mut kinds, |a, b| minor(a).cmp(&minor(b)));
                kinds
                    .iter()
                    .map(|k| {
                        let c = Count {
                            value: k.value,
                            qualifier: k.qualifier.combine(missing),
                            unit: k.unit.clone(),
                            source: None,
                        };
                        match k.kind {
                            CountKind::People | CountKind::PersonTimes => c.display_zh(),
                            _ if c.unit.is_none() => format!("另{}（未注明单位）", c.display_zh()),
                            _ => format!("另{}", c.display_zh()),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("；")
            }
        };
        format!("{figures}{left_out}")
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
    // The parts' own word when those that wrote one agree (「分会场12个」 beside a bare 「9」 is
    // still 个 in the venues row), else the kind's word.
    let mut words: Vec<&str> = counts.iter().filter_map(|c| c.unit.as_deref()).collect();
    super::sorting::sort_by(&mut words, Ord::cmp);
    words.dedup();
    let unit = match words.as_slice() {
        [] => None,
        [one] => Some((*one).to_owned()),
        _ => kind_word(kind).map(str::to_owned),
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
        super::sorting::sort_by(&mut kinds, Ord::cmp);
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

/// For participants of mixed kinds, the one figure a count can hold without adding kinds (人 and
/// 人次 are never summed): the sum of one kind — person-times if any unit wrote them, else
/// people, else the counts without a unit — as a lower bound of that kind (the other units add
/// to it, by an amount the inputs do not say). Its qualifier follows [`Qualifier::combine`] with
/// 余: an estimate among the parts keeps it 约. Events and items are left out.
pub(crate) fn one_kind_floor(t: &Total) -> Option<(Count, CountKind)> {
    let order = [CountKind::PersonTimes, CountKind::People, CountKind::Unspecified];
    let k = order.iter().find_map(|want| t.by_kind.iter().find(|k| k.kind == *want))?;
    let unit = k.unit.clone().or_else(|| kind_word(k.kind).map(str::to_owned));
    let count =
        Count { value: k.value, qualifier: Qualifier::AtLeast.combine(k.qualifier), unit, source: None };
    Some((count, k.kind))
}
