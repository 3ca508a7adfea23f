//! A span of calendar days (活动时间, the week, an activity's dates), both ends inclusive.

use crate::decode::model;
use chrono::NaiveDate;

model! {
    /// 活动时间 / a period of whole days, `start` and `end` both inclusive, as ISO dates.
    ///
    /// ```
    /// use learning_week::Period;
    /// let p: Period = serde_json::from_str(r#"{"start": "2021-11-22", "end": "2021-11-28"}"#).unwrap();
    /// assert_eq!(p.days(), Some(7));
    /// ```
    pub struct Period {
        /// 开始日期 / first day (YYYY-MM-DD).
        #[validate(required)]
        pub start: Option<NaiveDate> => "开始日期",
        /// 结束日期 / last day (YYYY-MM-DD), inclusive.
        #[validate(required)]
        pub end: Option<NaiveDate> => "结束日期",
    }
}

impl Period {
    /// A period from two dates.
    ///
    /// ```
    /// use learning_week::Period;
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2021, 11, 22).unwrap();
    /// assert_eq!(Period::new(d, d).days(), Some(1));
    /// ```
    pub fn new(start: NaiveDate, end: NaiveDate) -> Period {
        Period { start: Some(start), end: Some(end), extra: Default::default() }
    }

    /// Both ends, when both are present and in order.
    ///
    /// ```
    /// use learning_week::Period;
    /// assert!(Period::default().bounds().is_none());
    /// ```
    pub fn bounds(&self) -> Option<(NaiveDate, NaiveDate)> {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s <= e => Some((s, e)),
            _ => None,
        }
    }

    /// Number of days covered (inclusive), when the bounds are usable.
    ///
    /// ```
    /// use learning_week::Period;
    /// let p: Period = serde_json::from_str(r#"{"start": "2021-11-28", "end": "2021-11-22"}"#).unwrap();
    /// assert_eq!(p.days(), None); // inverted
    /// ```
    pub fn days(&self) -> Option<i64> {
        self.bounds().map(|(s, e)| (e - s).num_days() + 1)
    }

    /// Whether `date` lies within the period.
    ///
    /// ```
    /// use learning_week::Notice;
    /// use chrono::NaiveDate;
    /// let week = Notice::nanchang_2021().week.unwrap();
    /// assert!(week.contains(NaiveDate::from_ymd_opt(2021, 11, 25).unwrap()));
    /// ```
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.bounds().is_some_and(|(s, e)| s <= date && date <= e)
    }

    /// How `self` relates to `other`: wholly inside, overlapping, or disjoint.
    ///
    /// ```
    /// use learning_week::{Notice, Period, period::Overlap};
    /// use chrono::NaiveDate;
    /// let week = Notice::nanchang_2021().week.unwrap();
    /// let d = |m, d| NaiveDate::from_ymd_opt(2021, m, d).unwrap();
    /// assert_eq!(Period::new(d(11, 20), d(11, 23)).overlap(&week), Some(Overlap::Partial));
    /// ```
    pub fn overlap(&self, other: &Period) -> Option<Overlap> {
        let (s, e) = self.bounds()?;
        let (os, oe) = other.bounds()?;
        Some(if os <= s && e <= oe {
            Overlap::Inside
        } else if e < os || s > oe {
            Overlap::Disjoint
        } else {
            Overlap::Partial
        })
    }
}

/// How one period lies against another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlap {
    /// Wholly inside.
    Inside,
    /// Partly inside.
    Partial,
    /// No day in common.
    Disjoint,
}
