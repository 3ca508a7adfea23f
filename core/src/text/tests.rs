//! Property tests and invariants of the text parsers (the vectors in `tests/vectors/text/`
//! hold the case-by-case expectations).

use super::*;
use crate::count::{CountKind, Qualifier};
use proptest::prelude::*;

/// Every code a parser can emit, each with a text that triggers it.
const TRIGGERS: &[(&crate::catalog::Rule, &str)] = &[
    (&code::NO_NUMBER, "赢得了市民的广泛好评"),
    (&code::KIND_MISSING, "1500"),
    (&code::VAGUE, "成千上万人"),
    (&code::NOT_INTEGER, "1.23456万"),
    (&code::TOO_LARGE, "10万亿人"),
    (&code::NUMBER_MALFORMED, "共1?00人参加"),
    (&code::PERCENT_OUT_OF_RANGE, "120%"),
    (&code::RATIO_ONLY, "区县举办活动周占比达到了100%"),
    (&code::ROLE_UNKNOWN, "二十三个"),
    (&code::YEAR_MISSING, "11月22日"),
    (&code::DATE_GARBLED, "市教育局于1025日下发"),
    (&code::DATE_INVALID, "11月31日"),
    (&code::PERIOD_INVERTED, "2021年11月28日至22日"),
    (&code::NOT_ROW_FIGURE, "年均服务居民8万人次"),
    (&code::FIGURE_SET_ASIDE, "原计划2000人参加，实际到场2600余人"),
    (&code::SEVERAL_FIGURES, "开幕式300人，系列活动2万人次"),
    (&code::PARTS_MISMATCH, "合计1.2万人次，其中开幕式2000人次、分会场9000人次"),
    (&code::PARTS_OTHER_KIND, "3000人，其中线上2000人次"),
];

/// The `text.*` codes that are warnings: a value was read, something beside it is flagged.
const WARNINGS: &[&str] = &["text.figure_set_aside", "text.parts_mismatch", "text.parts_other_kind"];

fn any_error(text: &str) -> Option<TextError> {
    parse_quantity(text)
        .err()
        .filter(|e| e.code != code::NO_NUMBER.code || text.contains("好评"))
        .or_else(|| parse_percent(text).err().filter(|e| e.code == code::PERCENT_OUT_OF_RANGE.code))
        .or_else(|| {
            parse_units(text)
                .err()
                .filter(|e| e.code == code::RATIO_ONLY.code || e.code == code::ROLE_UNKNOWN.code)
        })
        .or_else(|| parse_period(text, None).err())
}

/// The refusal, else the first warning, of a 参加活动人数 cell in a 2021 report.
fn cell_finding(text: &str) -> Option<TextError> {
    match read_count_cell(text, CellRow::Participants, &ReadContext { year: Some(2021) }) {
        Ok(c) => c.warnings.into_iter().next(),
        Err(e) => Some(e),
    }
}

#[test]
fn every_code_has_one_rule_and_renders_completely() {
    let mut seen = std::collections::BTreeSet::new();
    for r in code::RULES {
        assert!(r.code.starts_with("text."), "{}", r.code);
        assert!(seen.insert(r.code), "duplicate {}", r.code);
        let expected = if WARNINGS.contains(&r.code) { Severity::Warning } else { Severity::Error };
        assert_eq!(r.severity, expected, "{}", r.code);
        assert!(!r.description.is_empty() && !r.description_en.is_empty());
    }
    assert_eq!(code::RULES.len(), TRIGGERS.len());
    for (code, text) in TRIGGERS {
        let e = cell_finding(text)
            .filter(|e| e.code == code.code)
            .or_else(|| any_error(text))
            .unwrap_or_else(|| panic!("{text} gave no error"));
        assert_eq!(e.code, code.code, "{text}");
        assert!(
            !e.message.contains('{') && !e.message_en.contains('{'),
            "{}: {} / {}",
            code.code,
            e.message,
            e.message_en
        );
        assert!(e.message_en.is_ascii() || e.message_en.contains('“'), "{}", e.message_en);
        assert_eq!(&*e.source, *text);
        assert!(e.params.contains_key("text"));
        assert!(e.to_string().starts_with(code.code));
    }
}

#[test]
fn spans_point_into_the_original_text() {
    let text = "參與(cān yù)人群達到１１５萬余人";
    let q = parse_quantity(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.value, 1_150_000);
    assert_eq!(q.phrase(), "１１５萬余人");
    assert_eq!(q.to_count().source.as_deref(), Some("１１５萬余人"));
    let p = parse_period("于２０２１年１１月２２日～２８日举行", None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.phrase(), "２０２１年１１月２２日～２８日");
}

#[test]
fn satisfaction_text_serialises_untagged() {
    let p = parse_percent("95%左右").unwrap_or_else(|e| panic!("{e}"));
    let v = serde_json::to_value(&p).unwrap_or_default();
    assert_eq!(v["qualifier"], "approx");
    assert!(v.get("level").is_none());
    let back: SatisfactionText = serde_json::from_value(v).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, p);
    match p.to_satisfaction() {
        crate::satisfaction::Satisfaction::Percent(pc) => {
            assert_eq!(
                (pc.value, pc.qualifier, pc.source.as_deref()),
                (95.0, Qualifier::Approx, Some("95%左右"))
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn chinese_numeral_printer_reads_standard_forms() {
    for (n, s) in [
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (10_000, "一万"),
        (10_500, "一万零五百"),
        (100_000_000, "一亿"),
        (100_000_001, "一亿零一"),
        (1_000_000_000_000, "一万亿"),
    ] {
        assert_eq!(to_chinese_numeral(n), s);
    }
    assert!(!to_chinese_numeral(u64::MAX).is_empty());
}

fn with_separators(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Chars the parsers care about, for soups of near-valid text.
const ALPHABET: &[char] = &[
    '0', '1', '2', '5', '9', '１', '０', '一', '二', '两', '三', '十', '百', '千', '万', '亿', '萬', '億',
    '零', '〇', '点', '.', ',', '，', '、', '约', '余', '多', '近', '不', '到', '足', '以', '上', '下', '左',
    '右', '超', '过', '逾', '%', '％', '百', '分', '之', '年', '月', '日', '号', '至', '-', '—', '~', '～',
    '人', '次', '场', '个', '项', '数', '几', '若', '干', '成', '主', '会', '分', '场', '参', '与', '全',
    '部', '中', '满', '意', '非', '常', '基', '本', '第', '?', '(', ')', '（', '）', ' ', '\u{3000}', 'a',
    'ò', '等', '星', '期',
];

fn soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..40)
        .prop_map(|cs| cs.into_iter().collect())
}

fn check_span(text: &str, span: Span) {
    assert!(
        span.start <= span.end && text.get(span.start..span.end).is_some(),
        "bad span {span:?} in {text:?}"
    );
}

fn exercise(text: &str) {
    for q in find_quantities(text).into_iter().flatten() {
        check_span(text, q.span);
        assert!(q.value <= MAX_VALUE);
    }
    if let Ok(q) = parse_quantity(text) {
        check_span(text, q.span);
    }
    for kind in [crate::count::CountKind::People, crate::count::CountKind::Events] {
        let _ = parse_quantity_of_kind(text, kind);
    }
    match parse_percent(text) {
        Ok(SatisfactionText::Percent { value, span, .. }) => {
            assert!((0.0..=100.0).contains(&value));
            check_span(text, span);
        }
        Ok(SatisfactionText::Level { span, .. }) => check_span(text, span),
        Err(e) => {
            if let Some(s) = e.span {
                check_span(text, s);
            }
        }
    }
    for year in [None, Some(2021)] {
        if let Ok(p) = parse_period(text, year) {
            assert!(p.start <= p.end);
            check_span(text, p.span);
        }
    }
    let _ = parse_venues(text);
    let _ = parse_units(text);
    for item in split_names(text) {
        check_span(text, item.span);
        assert!(!item.text.is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn chinese_numerals_read_back(n in 0u64..1_000_000_000) {
        let s = to_chinese_numeral(n);
        prop_assert_eq!(parse_quantity(&s).map(|q| q.value), Ok(n), "{}", s);
        let q = parse_quantity(&format!("{s}个"));
        prop_assert_eq!(q.as_ref().map(|q| (q.value, q.unit.as_deref())), Ok((n, Some("个"))));
        let q = parse_quantity(&format!("约{s}人"));
        prop_assert_eq!(q.map(|q| (q.value, q.qualifier)), Ok((n, Qualifier::Approx)));
    }

    #[test]
    fn arabic_with_separators_reads_back(n in 0u64..=MAX_VALUE, sep in proptest::sample::select(vec![',', '，']), unit in proptest::sample::select(vec!["", "人", "人次", "场"])) {
        let s = format!("{}{unit}", with_separators(n, sep));
        let q = parse_quantity(&s);
        prop_assert_eq!(q.as_ref().map(|q| q.value), Ok(n), "{}", s);
        prop_assert_eq!(q.map(|q| q.span.end), Ok(s.len()));
    }

    #[test]
    fn wan_decimals_are_exact(int in 0u64..100_000, frac in 0u32..10_000) {
        let s = format!("{int}.{frac:04}万人");
        let q = parse_quantity(&s);
        prop_assert_eq!(q.map(|q| q.value), Ok(int * 10_000 + u64::from(frac)));
    }

    #[test]
    fn no_panic_on_arbitrary_text(text in any::<String>()) {
        exercise(&text);
    }

    #[test]
    fn no_panic_on_char_soup(text in soup()) {
        exercise(&text);
    }
}

#[test]
fn find_quantities_shares_one_copy_of_the_text() {
    // 5,000 quantities in a 40 KB text: one copy of it, not 5,000 (200 MB).
    let text = "参加活动100人，".repeat(5_000);
    let all = crate::text::find_quantities(&text);
    assert_eq!(all.len(), 5_000);
    let first = all[0].as_ref().expect("a quantity");
    assert!(all.iter().all(|q| q.as_ref().is_ok_and(|q| std::sync::Arc::ptr_eq(&q.source, &first.source))));
    assert_eq!(&*first.source, text);
    assert_eq!(all[4_999].as_ref().map(|q| q.phrase()), Ok("100人"));
}

#[test]
fn spans_recount_in_each_languages_units() {
    let text = "😀参与群众共600余人";
    let q = parse_quantity(text).unwrap();
    assert_eq!(q.span.of(text), "600余人");
    let chars: Vec<char> = text.chars().collect();
    let c = q.span.in_offsets(text, Offsets::Chars);
    assert_eq!(chars[c.start..c.end].iter().collect::<String>(), "600余人");
    let units: Vec<u16> = text.encode_utf16().collect();
    let u = q.span.in_offsets(text, Offsets::Utf16);
    assert_eq!(String::from_utf16(&units[u.start..u.end]).unwrap(), "600余人");
    assert_eq!(q.span.in_offsets(text, Offsets::Bytes), q.span);
}

#[test]
fn a_cell_gives_one_reason_and_keeps_the_text() {
    let ctx = ReadContext { year: Some(2021) };
    for (text, reason) in [
        ("年均服务居民8万人次", "average"),
        ("计划开展20场", "projected"),
        ("争取每个街道参与不少于500人", "projected"),
        ("2019年参与人数达5万人", "other_year"),
        ("活动持续7天", "other_measure"),
        ("参与者平均年龄65岁", "other_measure"),
    ] {
        let e = read_count_cell(text, CellRow::Participants, &ctx)
            .err()
            .unwrap_or_else(|| panic!("{text} was read"));
        assert_eq!((e.code.as_str(), e.reason()), ("text.not_row_figure", Some(reason)), "{text}");
        assert_eq!(&*e.source, text);
        assert!(!e.message.contains('{') && !e.message_en.contains('{'), "{}", e.message);
        assert!(!e.params["figure"].as_str().unwrap_or_default().is_empty(), "{text}: no figure named");
    }
    // Without the report's year a written year is not judged; 去年 always is.
    let none = ReadContext::default();
    assert_eq!(
        read_count_cell("2019年参与人数达5万人", CellRow::Participants, &none).map(|c| c.value.value),
        Ok(50_000)
    );
    let e = read_count_cell("去年参与人数为1.5万人", CellRow::Participants, &none).err();
    assert_eq!(e.and_then(|e| e.reason().map(str::to_owned)).as_deref(), Some("other_year"));
}

#[test]
fn several_figures_are_never_summed_across_kinds() {
    let ctx = ReadContext::default();
    let c = read_count_cell("开幕式现场500人，活动周期间共计1.6万人次参与", CellRow::Participants, &ctx)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((c.value.value, c.value.kind, c.parts_add_up), (16_000, CountKind::PersonTimes, None));
    assert_eq!(c.figures.iter().map(|f| f.role).collect::<Vec<_>>(), [FigureRole::Part, FigureRole::Value]);
    let e = read_count_cell("线上1.2万人次，线下3000人次", CellRow::Participants, &ctx).err();
    assert_eq!(e.as_ref().map(|e| e.params["figures"].clone()), Some("1.2万人次、3000人次".into()));
    let c = read_count_cell("合计1.2万人次，其中开幕式2000人次、分会场9000人次", CellRow::Participants, &ctx)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.parts_add_up, Some(false));
    assert_eq!(c.warnings[0].params["sum"], 11_000);
}

#[test]
fn several_figures_are_told_in_the_rows_own_terms() {
    let ctx = ReadContext { year: Some(2021) };
    let r = read_count_cell("区级报道12篇，市级报道8篇", CellRow::TextReports, &ctx).unwrap_err();
    assert_eq!(r.code, "text.several_figures");
    // A row of reports is no count of people: neither 人 nor 人次 is named, its example is 篇.
    assert!(!r.message.contains("人次") && r.message.contains("共计20篇"), "{}", r.message);
    assert!(!r.message_en.contains("人次") && r.message_en.contains("共计20篇"), "{}", r.message_en);
    let p = read_count_cell("开幕式300人，系列活动2万人次", CellRow::Participants, &ctx).unwrap_err();
    assert!(p.message.contains("人与人次不能相加") && p.message_en.contains("人 and 人次 are never added"));
}
