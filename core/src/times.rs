//! The two time layouts people read (「2021-12-06 00:01」, 「12-06 00:01」) and the bare date a
//! front door takes (`2021-12-03`), written and read without chrono's strftime machinery:
//! `format("%Y-%m-%d %H:%M")` and `NaiveDate::parse_from_str(_, "%Y-%m-%d")` link the format-string
//! parser (`StrftimeItems`) and the delayed formatter, about 5 KB of the WebAssembly module a
//! form loads first (issue 21). Same text as those calls, byte for byte (the tests compare).

use chrono::format::{parse, Item, Numeric, Pad, Parsed};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};

/// `t` in `zone` as `%Y-%m-%d %H:%M` (`with_year`) or `%m-%d %H:%M` writes it.
///
/// ```
/// use chrono::{DateTime, FixedOffset};
/// let t = DateTime::parse_from_rfc3339("2021-12-05T16:01:00+00:00").unwrap();
/// let cst = FixedOffset::east_opt(8 * 3600).unwrap();
/// assert_eq!(learning_week::times::local_minutes(t, cst, true), "2021-12-06 00:01");
/// assert_eq!(learning_week::times::local_minutes(t, cst, false), "12-06 00:01");
/// ```
pub fn local_minutes(t: DateTime<FixedOffset>, zone: FixedOffset, with_year: bool) -> String {
    let t = t.with_timezone(&zone);
    let mut out = String::with_capacity(16);
    if with_year {
        let year = t.year();
        // As chrono writes `%Y`: four digits, and a sign for a year outside 0..=9999.
        if (0..10_000).contains(&year) {
            out.push_str(&format!("{year:04}-"));
        } else {
            out.push_str(&format!("{year:+05}-"));
        }
    }
    for (n, sep) in [(t.month(), '-'), (t.day(), ' '), (t.hour(), ':'), (t.minute(), '\0')] {
        // Each is below 100 (month, day, hour, minute).
        out.push(char::from(b'0' + (n / 10 % 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
        if sep != '\0' {
            out.push(sep);
        }
    }
    out
}

/// `t` in `zone` as `%Y-%m-%d %H:%M:%S` writes it: [`local_minutes`] with the seconds, for two
/// times the minutes do not tell apart.
///
/// ```
/// use chrono::{DateTime, FixedOffset};
/// let t = DateTime::parse_from_rfc3339("2021-12-05T16:01:07+00:00").unwrap();
/// let cst = FixedOffset::east_opt(8 * 3600).unwrap();
/// assert_eq!(learning_week::times::local_seconds(t, cst), "2021-12-06 00:01:07");
/// ```
pub fn local_seconds(t: DateTime<FixedOffset>, zone: FixedOffset) -> String {
    let mut out = local_minutes(t, zone, true);
    let s = t.with_timezone(&zone).second();
    out.push(':');
    out.push(char::from(b'0' + (s / 10 % 10) as u8));
    out.push(char::from(b'0' + (s % 10) as u8));
    out
}

/// What `NaiveDate::parse_from_str(text, "%Y-%m-%d")` reads: the items that format string
/// stands for, given to chrono's parser directly.
///
/// ```
/// use chrono::NaiveDate;
/// assert_eq!(learning_week::times::parse_ymd("2021-12-03"), NaiveDate::from_ymd_opt(2021, 12, 3));
/// assert_eq!(learning_week::times::parse_ymd("12月3日"), None);
/// ```
pub fn parse_ymd(text: &str) -> Option<NaiveDate> {
    const ITEMS: [Item<'static>; 5] = [
        Item::Numeric(Numeric::Year, Pad::Zero),
        Item::Literal("-"),
        Item::Numeric(Numeric::Month, Pad::Zero),
        Item::Literal("-"),
        Item::Numeric(Numeric::Day, Pad::Zero),
    ];
    let mut parsed = Parsed::new();
    parse(&mut parsed, text, ITEMS.iter()).ok()?;
    parsed.to_naive_date().ok()
}

/// A local date and time written without an offset, as a person or a host language writes it
/// (`2021-12-06T09:00`, `2021-12-06 09:00:30`, Python's naive `isoformat()` with its
/// fraction): the date, `T` or one space, hours and minutes, optional seconds and fraction.
/// Its zone is the reader's to say (the notice's, [`crate::Notice::read_time`]).
///
/// ```
/// use learning_week::times::parse_local;
/// let t = parse_local("2021-12-06T09:00:00.250000").unwrap();
/// assert_eq!(t.to_string(), "2021-12-06 09:00:00.250");
/// assert_eq!(parse_local("2021-12-06 09:00").unwrap().to_string(), "2021-12-06 09:00:00");
/// assert_eq!(parse_local("2021-12-06T25:00"), None);
/// assert_eq!(parse_local("2021-12-06"), None);
/// ```
pub fn parse_local(text: &str) -> Option<chrono::NaiveDateTime> {
    let (date, time) = text.split_once(['T', ' '])?;
    let day = parse_ymd(date)?;
    let (hms, fraction) = match time.split_once('.') {
        Some((hms, f)) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|b| b.is_ascii_digit()) => (hms, f),
        Some(_) => return None,
        None => (time, ""),
    };
    let mut parts = hms.split(':');
    let mut number = |required: bool| -> Option<u32> {
        match parts.next() {
            Some(p) if (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) => p.parse().ok(),
            None if !required => Some(0),
            _ => None,
        }
    };
    let (h, m, sec) = (number(true)?, number(true)?, number(false)?);
    // A fraction belongs to the seconds: `09:00.5` is no time.
    if parts.next().is_some() || (!fraction.is_empty() && hms.matches(':').count() != 2) {
        return None;
    }
    let digits: u32 = if fraction.is_empty() { 0 } else { fraction.parse().ok()? };
    let nanos = digits * 10u32.pow(9 - fraction.len() as u32);
    day.and_hms_nano_opt(h, m, sec, nanos)
}

#[cfg(test)]
mod tests {
    use super::{local_minutes, local_seconds, parse_ymd};
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn local_minutes_is_chronos_format(secs in -70_000_000_000i64..250_000_000_000, off in -86_399i32..86_399) {
            let zone = FixedOffset::east_opt(off).unwrap_or(FixedOffset::east_opt(0).unwrap());
            if let Some(t) = DateTime::from_timestamp(secs, 0).map(|t| t.fixed_offset()) {
                prop_assert_eq!(local_minutes(t, zone, true), t.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string());
                prop_assert_eq!(local_minutes(t, zone, false), t.with_timezone(&zone).format("%m-%d %H:%M").to_string());
                prop_assert_eq!(local_seconds(t, zone), t.with_timezone(&zone).format("%Y-%m-%d %H:%M:%S").to_string());
            }
        }

        #[test]
        fn parse_ymd_is_parse_from_str(text in "[ 0-9+-]{0,12}") {
            prop_assert_eq!(parse_ymd(&text), NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok());
        }
    }

    #[test]
    fn local_times_as_chrono_reads_them() {
        use chrono::NaiveDateTime;
        for text in [
            "2021-12-06T09:00:00",
            "2021-12-06T09:00:00.5",
            "2021-12-06T09:00:00.123456789",
            "2021-12-06 23:59:59",
            "2021-02-29T09:00:00",
            "2021-12-06T24:00:00",
            "2021-12-06T9:00:00",
            "2021-12-06T09:00:00.",
        ] {
            let chrono = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
                .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f"))
                .ok();
            assert_eq!(super::parse_local(text), chrono, "{text:?}");
        }
        assert_eq!(
            super::parse_local("2021-12-06T09:00").map(|t| t.to_string()).as_deref(),
            Some("2021-12-06 09:00:00")
        );
        assert_eq!(super::parse_local("2021-12-06T09:00.5"), None);
    }

    #[test]
    fn dates_as_written() {
        for text in [
            "2021-12-03",
            "2021-1-3",
            " 2021-12-03",
            "2021-12-03 ",
            "+12021-01-01",
            "-0001-12-31",
            "2021-02-30",
            "99-1-1",
            "",
        ] {
            assert_eq!(parse_ymd(text), NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(), "{text:?}");
        }
    }
}
