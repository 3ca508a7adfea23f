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

#[cfg(test)]
mod tests {
    use super::{local_minutes, parse_ymd};
    use chrono::{DateTime, FixedOffset, NaiveDate};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn local_minutes_is_chronos_format(secs in -70_000_000_000i64..250_000_000_000, off in -86_399i32..86_399) {
            let zone = FixedOffset::east_opt(off).unwrap_or(FixedOffset::east_opt(0).unwrap());
            if let Some(t) = DateTime::from_timestamp(secs, 0).map(|t| t.fixed_offset()) {
                prop_assert_eq!(local_minutes(t, zone, true), t.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string());
                prop_assert_eq!(local_minutes(t, zone, false), t.with_timezone(&zone).format("%m-%d %H:%M").to_string());
            }
        }

        #[test]
        fn parse_ymd_is_parse_from_str(text in "[ 0-9+-]{0,12}") {
            prop_assert_eq!(parse_ymd(&text), NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok());
        }
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
