//! The field checks of the model, each stated once: a [`FieldCheck`] names the check function
//! the decoder runs (through the model's generated field rules, `decode::FieldRules`) and the JSON Schema keywords that
//! say the same (`pattern`, `format`). A model field takes one by name — `=> "举办县区", check
//! non_blank` in the `model!` declaration — and both the decoding check and the schema keyword
//! come from that one line: the field rules call `checks::non_blank` on the value,
//! and the schema generator (feature `schema`) writes [`FieldCheck::pattern`] and
//! [`FieldCheck::format`] where the field is. Hand-written rather than regular expressions so the
//! library (and its WebAssembly package) carries no regex engine; tests check each function
//! against its pattern, code point for code point.

use std::borrow::Cow;
use std::net::IpAddr;

/// One field check: its name (as the model declares it), the code it reports, and the schema
/// keywords that state it for a schema validator.
///
/// ```
/// use learning_week::checks::{field_check, is_non_blank};
/// let c = field_check("non_blank").unwrap();
/// assert_eq!((c.code, c.format), ("row.blank", None));
/// assert!(c.pattern.starts_with("[^"));
/// assert!((c.function)(" 东湖区 ").is_ok() && is_non_blank("东湖区"));
/// assert!(field_check("no_such_check").is_none());
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FieldCheck {
    /// The check's name: the function's name in this module, and what a model field declares.
    pub name: &'static str,
    /// The rule code it reports (`row.blank`, `contact.phone_invalid` …).
    pub code: &'static str,
    /// The function the decoder runs.
    pub function: fn(&str) -> Result<(), CheckFailed>,
    /// The same check as a JSON Schema `pattern` (ECMA 262, read alike by Python and Rust regexes).
    pub pattern: &'static str,
    /// The JSON Schema `format` beside the pattern, if any.
    pub format: Option<&'static str>,
}

/// Every field check, by name.
pub const FIELD_CHECKS: &[FieldCheck] = &[
    FieldCheck {
        name: "non_blank",
        code: "row.blank",
        function: non_blank,
        pattern: NON_BLANK_PATTERN,
        format: None,
    },
    FieldCheck {
        name: "phone",
        code: "contact.phone_invalid",
        function: phone,
        pattern: PHONE_PATTERN,
        format: None,
    },
    FieldCheck {
        name: "email",
        code: "contact.email_invalid",
        function: email,
        pattern: EMAIL_PATTERN,
        format: Some("email"),
    },
];

/// The field check named `name` (what a model field declares), if there is one.
///
/// ```
/// assert_eq!(learning_week::checks::field_check("email").unwrap().format, Some("email"));
/// ```
pub fn field_check(name: &str) -> Option<&'static FieldCheck> {
    FIELD_CHECKS.iter().find(|c| c.name == name)
}

/// `\S` (the library's non-blank test, Rust's Unicode `White_Space`) spelt out as a class, because
/// `\s` differs between regex dialects: JavaScript counts U+FEFF as space but not U+0085, Python
/// counts U+001C–U+001F. Spelt out, the three agree code point for code point (tested).
pub const NON_BLANK_PATTERN: &str =
    "[^\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";

/// The phone pattern the schemas carry: mobile (11 digits, 1[3-9]…) or landline with area code
/// (0791-83989457, (0791)83989457). [`phone`] checks exactly this.
pub const PHONE_PATTERN: &str = r"^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}|\(0[0-9]{2,3}\)[0-9]{7,8})$";

/// A field check that failed: the rule code it reports.
///
/// ```
/// let e = learning_week::checks::non_blank(" ").unwrap_err();
/// assert_eq!(e.code, "row.blank");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckFailed {
    /// The rule code (`row.blank`, `contact.phone_invalid`, `contact.email_invalid`).
    pub code: &'static str,
}

fn fail(code: &'static str) -> CheckFailed {
    CheckFailed { code }
}

/// Whether `text` has at least one character that is not white space (Unicode `White_Space`).
///
/// ```
/// assert!(learning_week::checks::is_non_blank(" 东湖区 "));
/// assert!(!learning_week::checks::is_non_blank("\u{3000}\t"));
/// ```
pub fn is_non_blank(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace())
}

/// `row.blank` unless the text has a character that is not white space.
///
/// ```
/// assert!(learning_week::checks::non_blank("东湖区").is_ok());
/// assert_eq!(learning_week::checks::non_blank("  ").unwrap_err().code, "row.blank");
/// ```
pub fn non_blank(text: &str) -> Result<(), CheckFailed> {
    if is_non_blank(text) {
        Ok(())
    } else {
        Err(fail("row.blank"))
    }
}

fn all_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

fn area_code(s: &str) -> bool {
    s.starts_with('0') && all_digits(s, 3, 4)
}

/// Whether `text` is a phone number of [`PHONE_PATTERN`]'s shapes.
///
/// ```
/// use learning_week::checks::is_phone;
/// assert!(is_phone("17770022118") && is_phone("0791-83989457") && is_phone("(0791)83989457"));
/// assert!(!is_phone("1777002211") && !is_phone("电话"));
/// ```
pub fn is_phone(text: &str) -> bool {
    let mobile = text.len() == 11
        && text.starts_with('1')
        && matches!(text.as_bytes().get(1), Some(b'3'..=b'9'))
        && all_digits(text, 11, 11);
    if mobile {
        return true;
    }
    if let Some(rest) = text.strip_prefix('(') {
        return rest.split_once(')').is_some_and(|(area, local)| area_code(area) && all_digits(local, 7, 8));
    }
    if let Some((area, local)) = text.split_once('-') {
        return area_code(area) && all_digits(local, 7, 8);
    }
    // Area code and number written together: 3 or 4 digits of area code, 7 or 8 of number.
    text.starts_with('0')
        && (3..=4).any(|n| {
            text.get(..n).is_some_and(area_code) && text.get(n..).is_some_and(|l| all_digits(l, 7, 8))
        })
}

/// `contact.phone_invalid` unless [`is_phone`].
///
/// ```
/// assert_eq!(learning_week::checks::phone("12345").unwrap_err().code, "contact.phone_invalid");
/// ```
pub fn phone(text: &str) -> Result<(), CheckFailed> {
    if is_phone(text) {
        Ok(())
    } else {
        Err(fail("contact.phone_invalid"))
    }
}

fn ldh_label(label: &str, letter: impl Fn(char) -> bool) -> bool {
    let n = label.chars().count();
    (1..=63).contains(&n)
        && label.chars().all(|c| letter(c) || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

fn ascii_domain(domain: &str) -> bool {
    !domain.is_empty() && domain.split('.').all(|l| ldh_label(l, |c| c.is_ascii_alphanumeric()))
}

/// Full-width letters, digits and dots (「１６３．ｃｏｍ」, 「。」) folded to ASCII, as IDNA's
/// mapping would; other characters as they are.
fn fold_width(domain: &str) -> Cow<'_, str> {
    let fold = |c: char| match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3002}' | '\u{FF61}' => '.',
        _ => c,
    };
    if domain.chars().any(|c| fold(c) != c) {
        Cow::Owned(domain.chars().map(fold).collect())
    } else {
        Cow::Borrowed(domain)
    }
}

/// Whether `text` is an e-mail address: the WHATWG grammar (the one the `validator` crate and
/// browsers use) — an ASCII local part of at most 64 characters, then a domain of LDH labels or an
/// address literal `[…]` holding an IP address. A domain written with full-width characters is
/// read after folding them to ASCII; an internationalised domain (邮箱@例子.中国) is accepted when
/// each label is letters, digits and inner hyphens.
///
/// ```
/// use learning_week::checks::is_email;
/// assert!(is_email("ncjyj@163.com") && is_email("a@[127.0.0.1]") && is_email("a@１６３.com") && is_email("a@例子.中国"));
/// assert!(!is_email("ncjyj163.com") && !is_email("a b@163.com") && !is_email("a@-x.com"));
/// ```
pub fn is_email(text: &str) -> bool {
    let Some((user, domain)) = text.rsplit_once('@') else { return false };
    const USER_PUNCT: &str = ".!#$%&'*+/=?^_`{|}~-";
    let user_ok = !user.is_empty()
        && user.chars().count() <= 64
        && user.chars().all(|c| c.is_ascii_alphanumeric() || USER_PUNCT.contains(c));
    if !user_ok || domain.chars().count() > 255 {
        return false;
    }
    if ascii_domain(domain) {
        return true;
    }
    if let Some(ip) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) {
        return !ip.is_empty()
            && ip.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
            && ip.parse::<IpAddr>().is_ok();
    }
    let folded = fold_width(domain);
    if folded.is_ascii() {
        return ascii_domain(&folded.to_ascii_lowercase());
    }
    folded.split('.').all(|l| ldh_label(l, char::is_alphanumeric))
}

/// `contact.email_invalid` unless [`is_email`].
///
/// ```
/// assert_eq!(learning_week::checks::email("ncjyj163.com").unwrap_err().code, "contact.email_invalid");
/// ```
pub fn email(text: &str) -> Result<(), CheckFailed> {
    if is_email(text) {
        Ok(())
    } else {
        Err(fail("contact.email_invalid"))
    }
}

/// The e-mail grammar of the `validator` crate (the WHATWG one: ASCII local part of at most 64
/// characters, LDH labels or an address literal; a domain with non-ASCII letters is accepted here
/// and checked by the library after IDNA), as a `pattern` next to `format: email` — Python
/// `jsonschema`'s `email` format only looks for an `@`.
pub const EMAIL_PATTERN: &str = concat!(
    "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@",
    "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*",
    "|\\[[A-Fa-f0-9:.]+\\]",
    "|[^\\s@]*[^\\x00-\\x7F][^\\s@]*)$(?!\\n)"
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn re(p: &str) -> regex::Regex {
        regex::Regex::new(p).expect("pattern")
    }

    #[test]
    fn phone_agrees_with_its_pattern_on_edge_cases() {
        let r = re(PHONE_PATTERN);
        for s in [
            "17770022118",
            "12770022118",
            "1777002211",
            "177700221180",
            "0791-83989457",
            "0791-8398945",
            "079-8398945",
            "07911-8398945",
            "(0791)83989457",
            "(0791)-83989457",
            "(791)83989457",
            "079183989457",
            "07918398945",
            "0798398945",
            "0791838989457",
            "",
            "(",
            "()",
            "0-1234567",
            "0791--83989457",
            "１７７７００２２１１８",
            "0791-８３９８９４５７",
            "电话",
        ] {
            assert_eq!(is_phone(s), r.is_match(s), "{s:?}");
        }
    }

    #[test]
    fn email_agrees_with_validator_on_ascii() {
        use validator::ValidateEmail;
        for s in [
            "a@b",
            "a@b.c",
            "a.b@c-d.e",
            "a@-b.c",
            "a@b-.c",
            "a@b..c",
            "@b.c",
            "a@",
            "a@@b",
            "a b@c.d",
            "a@[127.0.0.1]",
            "a@[::1]",
            "a@[300.1.1.1]",
            "a@[]",
            "\"q\"@b.c",
            "a@b.c\n",
        ] {
            assert_eq!(is_email(s), s.to_string().validate_email(), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn non_blank_agrees_with_backslash_s(s in "\\PC{0,6}|[ \\t\\u{3000}\\u{85}\\u{a0}\\u{feff}\\u{1c}]{0,4}") {
            prop_assert_eq!(is_non_blank(&s), re(r"\S").is_match(&s));
        }

        #[test]
        fn phone_agrees_with_its_pattern(s in "[0-9()\\-]{0,14}|1[0-9]{10}|0[0-9]{2,3}-?[0-9]{6,9}|\\(0[0-9]{2,3}\\)[0-9]{6,9}") {
            prop_assert_eq!(is_phone(&s), re(PHONE_PATTERN).is_match(&s));
        }

        #[test]
        fn email_agrees_with_validator_on_ascii_addresses(s in "[a-z0-9.!#%+-]{0,4}@?[a-z0-9.\\-\\[\\]:]{0,12}") {
            use validator::ValidateEmail;
            // One deliberate difference: validator finds an address literal anywhere at the end of
            // the domain (「a@x[::1]」); the library and the schema pattern want the whole domain.
            let domain = s.rsplit_once('@').map_or("", |(_, d)| d);
            prop_assume!(!domain.contains('[') || domain.starts_with('['));
            prop_assert_eq!(is_email(&s), s.clone().validate_email(), "{:?}", s);
        }
    }
}
