//! 群众满意度 across units: a participant-weighted mean of the percentages, the extremes, the
//! levels counted, and the units that gave none.

use crate::count::{Count, Qualifier};
use crate::satisfaction::{Satisfaction, SatisfactionLevel};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// 权重 / one unit's percentage and the weight it got in the mean.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SatisfactionWeight {
    /// 单位 / the reporting unit.
    pub unit: String,
    /// 满意率 / the percentage it gave.
    pub percent: f64,
    /// 限定词 / its qualifier.
    pub qualifier: Qualifier,
    /// 权重 / its participants figure; absent (and left out of the weighted mean) when it gave none.
    pub weight: Option<u64>,
}

/// 单位满意率 / a unit with its percentage (for the minimum and maximum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UnitPercent {
    /// 单位 / the reporting unit.
    pub unit: String,
    /// 满意率 / the percentage.
    pub percent: f64,
    /// 限定词 / its qualifier.
    pub qualifier: Qualifier,
}

/// 等级计数 / how many units answered with one level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LevelCount {
    /// 等级 / the level.
    pub level: SatisfactionLevel,
    /// 单位数 / how many units.
    pub count: usize,
    /// 单位 / which units.
    pub units: Vec<String>,
}

/// 满意度汇总 / satisfaction across the reporting units.
///
/// ```
/// use learning_week::aggregate::satisfaction::summarise;
/// use learning_week::{Count, Satisfaction};
/// let rows = vec![
///     ("东湖区".to_string(), serde_json::from_str::<Satisfaction>("90").ok(), Some(Count::exact(100))),
///     ("西湖区".to_string(), serde_json::from_str::<Satisfaction>("100").ok(), Some(Count::exact(300))),
///     ("南昌县".to_string(), None, Some(Count::exact(5))),
/// ];
/// let s = summarise(&rows);
/// // 97.5, but whole numbers went in: rounded to one, and so 约.
/// assert_eq!((s.weighted_mean, s.qualifier), (Some(98.0), learning_week::Qualifier::Approx));
/// assert_eq!(s.min.as_ref().unwrap().unit, "东湖区");
/// assert_eq!(s.units_without, vec!["南昌县".to_string()]);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SatisfactionRollup {
    /// 加权平均 / mean of the percentages weighted by participants, rounded to the inputs'
    /// precision (as many decimals as the most precise percentage that went in: 98% and 97%
    /// give a whole number, 98.5% one decimal); never more precise than what was written. The
    /// weights are of one kind: when the units' figures mix 人 and 人次, each weighted unit counts
    /// alike and the mean is 约; an estimated weight (约, 余) makes it 约 as well.
    pub weighted_mean: Option<f64>,
    /// 各单位同权 / true when the units' participant figures mix 人 and 人次, so the mean counts
    /// every unit alike (a plain mean of their percentages) rather than by participants: what
    /// the reports then call it.
    #[serde(default)]
    pub unweighted: bool,
    /// 限定词 / the mean's qualifier: the parts' qualifiers combined ([`Qualifier::combine`]),
    /// and 约 (approx) when the rounding changed the mean.
    pub qualifier: Qualifier,
    /// 权重 / every percentage and its weight, in unit order.
    pub weights: Vec<SatisfactionWeight>,
    /// 最低 / the lowest percentage and its unit.
    pub min: Option<UnitPercent>,
    /// 最高 / the highest percentage and its unit.
    pub max: Option<UnitPercent>,
    /// 等级 / units per level, best first (every level listed, zero counts included).
    pub levels: Vec<LevelCount>,
    /// 未填单位 / reporting units that gave no satisfaction.
    pub units_without: Vec<String>,
}

const LEVELS: [SatisfactionLevel; 4] = [
    SatisfactionLevel::VerySatisfied,
    SatisfactionLevel::Satisfied,
    SatisfactionLevel::FairlySatisfied,
    SatisfactionLevel::Dissatisfied,
];

/// The decimals a percentage was written with (98 → 0, 98.5 → 1), at most two.
fn decimals(p: f64) -> usize {
    let text = format!("{p}");
    text.split_once('.').map_or(0, |(_, d)| d.len()).min(2)
}

impl SatisfactionRollup {
    /// The weighted mean as the city's 总结表 and every report write it, with its qualifier
    /// (「约98%」); `None` when no unit gave a weighted percentage.
    ///
    /// ```
    /// use learning_week::aggregate::satisfaction::summarise;
    /// use learning_week::{Count, Satisfaction};
    /// let sat = |t: &str| serde_json::from_str::<Satisfaction>(t).ok();
    /// let rows = vec![
    ///     ("东湖区".to_string(), sat(r#"{"value": 98, "qualifier": "at_least"}"#), Some(Count::exact(9800))),
    ///     ("西湖区".to_string(), sat("97"), Some(Count::exact(100))),
    /// ];
    /// // 97.9899…: no input wrote decimals, so the mean has none, and the rounding makes it 约.
    /// assert_eq!(summarise(&rows).mean_zh().as_deref(), Some("约98%"));
    /// ```
    pub fn mean_zh(&self) -> Option<String> {
        self.mean_percent().map(|p| p.display_zh())
    }

    /// The weighted mean as a percentage with its qualifier (what the city's 总结表 holds).
    ///
    /// ```
    /// use learning_week::aggregate::satisfaction::summarise;
    /// assert!(summarise(&[]).mean_percent().is_none());
    /// ```
    pub fn mean_percent(&self) -> Option<crate::satisfaction::Percent> {
        self.weighted_mean.map(|value| crate::satisfaction::Percent {
            value,
            qualifier: self.qualifier,
            source: Some(
                if self.unweighted {
                    "各单位满意率的平均（各单位人数与人次不同，不按人数加权）"
                } else {
                    "各单位满意率按参加人数加权平均"
                }
                .into(),
            ),
        })
    }
}

/// Summarises `(unit, satisfaction, participants)` rows given in unit order.
pub fn summarise(rows: &[(String, Option<Satisfaction>, Option<Count>)]) -> SatisfactionRollup {
    let mut weights = Vec::new();
    let mut levels: Vec<LevelCount> =
        LEVELS.iter().map(|l| LevelCount { level: *l, count: 0, units: Vec::new() }).collect();
    let mut units_without = Vec::new();
    for (unit, sat, participants) in rows {
        match sat {
            Some(Satisfaction::Percent(p)) => weights.push(SatisfactionWeight {
                unit: unit.clone(),
                percent: p.value,
                qualifier: p.qualifier,
                weight: participants.as_ref().map(|c| c.value).filter(|w| *w > 0),
            }),
            Some(Satisfaction::Level(l)) => {
                if let Some(lc) = levels.iter_mut().find(|lc| lc.level == *l) {
                    lc.count += 1;
                    lc.units.push(unit.clone());
                }
            }
            None => units_without.push(unit.clone()),
        }
    }
    // The weights are the units' participant figures, of one kind: 人 and 人次 are never put
    // on one scale. When the figures mix kinds, every weighted unit counts alike (and the mean
    // is 约); a weight that is itself an estimate or a bound makes the mean 约 too.
    let figures: Vec<&Count> = rows
        .iter()
        .filter(|(_, sat, _)| matches!(sat, Some(Satisfaction::Percent(_))))
        .filter_map(|(_, _, c)| c.as_ref().filter(|c| c.value > 0))
        .collect();
    let mixed_kinds = figures.windows(2).any(|w| w[0].kind() != w[1].kind());
    let estimated_weights = figures.iter().any(|c| c.qualifier != Qualifier::Exact);
    let (mut num, mut den) = (0f64, 0f64);
    let mut qualifier = Qualifier::Exact;
    for w in &weights {
        if let Some(weight) = w.weight {
            let weight = if mixed_kinds { 1.0 } else { weight as f64 };
            num += w.percent * weight;
            den += weight;
            qualifier = qualifier.combine(w.qualifier);
        }
    }
    if den > 0.0 && (mixed_kinds || estimated_weights) {
        qualifier = qualifier.combine(Qualifier::Approx);
    }
    // Never more precise than the inputs: round to the most decimals any weighted input wrote
    // (at most two), and say 约 when that rounding changed the mean.
    let places =
        weights.iter().filter(|w| w.weight.is_some()).map(|w| decimals(w.percent)).max().unwrap_or(0);
    let scale = 10f64.powi(places as i32);
    let weighted_mean = (den > 0.0).then(|| {
        let raw = num / den;
        let rounded = (raw * scale).round() / scale;
        if (rounded - raw).abs() > 1e-9 {
            qualifier = qualifier.combine(Qualifier::Approx);
        }
        rounded
    });
    let pick = |better: fn(f64, f64) -> bool| {
        weights.iter().fold(None::<&SatisfactionWeight>, |best, w| match best {
            Some(b) if !better(w.percent, b.percent) => Some(b),
            _ => Some(w),
        })
    };
    let as_unit = |w: &SatisfactionWeight| UnitPercent {
        unit: w.unit.clone(),
        percent: w.percent,
        qualifier: w.qualifier,
    };
    SatisfactionRollup {
        weighted_mean,
        unweighted: mixed_kinds && den > 0.0,
        qualifier: if weighted_mean.is_some() { qualifier } else { Qualifier::Exact },
        min: pick(|a, b| a < b).map(as_unit),
        max: pick(|a, b| a > b).map(as_unit),
        weights,
        levels,
        units_without,
    }
}
