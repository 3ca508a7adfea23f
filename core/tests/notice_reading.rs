//! The notice reader on the seed (the built-in notice is its output plus documented
//! corrections), on notices of other years, levels and deadline kinds, and on what is no notice.

use learning_week::notice::{DeadlineKind, UnitKind};
use learning_week::reading::{Corrections, NoticeReading, ReadOptions};
use learning_week::Notice;
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../data/nanchang-2021.notice.txt");

fn read(text: &str) -> NoticeReading {
    Notice::from_text(text, &ReadOptions::default())
}

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/notices").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn codes(r: &NoticeReading) -> Vec<&str> {
    r.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn the_built_in_notice_is_the_seed_read_plus_the_documented_corrections() {
    let r = read(SEED);
    let fixes: Corrections = serde_json::from_str(include_str!("../data/nanchang-2021.corrections.json"))
        .expect("corrections decode");
    assert!(fixes.corrections.iter().all(|c| !c.why.trim().is_empty()), "every correction says why");
    assert!(fixes.corrections.len() <= 5, "a small set of corrections");
    let corrected = r.corrected(&fixes).expect("the corrections apply");
    assert_eq!(corrected, Notice::nanchang_2021(), "run scripts/gen-builtin-notice.sh");
    // nothing on the seed is missing or unreadable: only infos (市 / 省 spelled out)
    assert!(r.diagnostics.iter().all(|d| d.code == "reading.expanded"), "{:#?}", r.diagnostics);
}

#[test]
fn the_seed_gives_what_the_notice_says() {
    let n = read(SEED).notice;
    assert_eq!(n.issuer.as_deref(), Some("南昌市教育局"));
    assert_eq!(n.theme.as_deref(), Some("庆建党百年华诞，谱终身学习新篇"));
    let week = n.week.as_ref().unwrap();
    assert_eq!(
        (week.start.unwrap().to_string(), week.end.unwrap().to_string()),
        ("2021-11-22".into(), "2021-11-28".into())
    );
    let rep = n.reporting.as_ref().unwrap();
    assert_eq!(rep.deadline.unwrap().to_string(), "2021-12-05");
    assert_eq!(rep.deadline_inclusive, Some(true));
    let kinds: Vec<&str> = rep.materials.iter().flatten().map(|m| m.kind.unwrap().as_str()).collect();
    assert_eq!(kinds, ["work_summary", "summary_table", "typical_case", "stamped_scan"]);
    assert_eq!(rep.materials.as_ref().unwrap()[2].count, Some(1));
    assert_eq!(rep.materials.as_ref().unwrap()[3].format.as_deref(), Some("pdf"));
    assert_eq!(
        rep.formats.as_deref(),
        Some(&["电子版".to_string(), "盖章后扫描件（PDF格式）".to_string()][..])
    );
    assert_eq!(rep.email.as_deref(), Some("14582472@qq.com"));
    assert_eq!(rep.contacts.as_ref().unwrap().len(), 2);
    let refs: Vec<&str> = n.references.iter().flatten().filter_map(|r| r.number.as_deref()).collect();
    assert_eq!(refs, ["教职成厅函〔2021〕20号", "赣教职成办函〔2021〕26号"]);
    let focus: Vec<&str> = n.focus_items().iter().filter_map(|t| t.name.as_deref()).collect();
    assert_eq!(focus, ["双减", "智慧助老"]);
    let units: Vec<&str> = n.units().iter().filter_map(|u| u.name.as_deref()).collect();
    assert_eq!(units.len(), 13);
    for u in ["东湖区", "红谷滩区", "湾里管理局", "南昌高新技术产业开发区", "南昌小蓝经济技术开发区"]
    {
        assert!(units.contains(&u), "{u} in {units:?}");
    }
    assert!(!units.contains(&"湾里区"), "abolished in 2019; an alias now");
    assert_eq!(n.official_unit_name("湾里区"), Some("湾里管理局"));
    assert_eq!(n.attachment.as_ref().unwrap().row_labels.as_ref().unwrap().len(), 21);
}

#[test]
fn every_value_keeps_the_words_it_came_from() {
    let r = read(SEED);
    assert!(r.sources.len() >= 25, "{}", r.sources.len());
    for s in &r.sources {
        assert_eq!(s.span.of(SEED), s.text, "{}", s.path);
        assert!(!s.text.is_empty(), "{}", s.path);
    }
    let theme = r.sources.iter().find(|s| s.path == "/theme").unwrap();
    assert_eq!(theme.text, "庆建党百年华诞，谱终身学习新篇");
    let title = r.sources.iter().find(|s| s.path == "/title").unwrap();
    assert_eq!(title.text, "关于举办 2021 年南昌市全民终身学习 活动周的通知", "the original, spaces and all");
    // in JavaScript's and Python's own offsets too
    let utf16 = Notice::from_text(
        SEED,
        &ReadOptions { offsets: learning_week::text::Offsets::Utf16, ..Default::default() },
    );
    let t = utf16.sources.iter().find(|s| s.path == "/theme").unwrap();
    let units: Vec<u16> = SEED.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&units[t.span.start..t.span.end]), theme.text);
}

#[test]
fn a_province_notice_addresses_its_cities_and_a_ten_day_deadline_is_judged_by_its_last_day() {
    let r = read(&fixture("jiangxi-province-2023.txt"));
    let n = &r.notice;
    assert_eq!(n.city(), Some("江西省"));
    assert_eq!(n.units().len(), 11);
    assert!(n.units().iter().all(|u| u.kind == Some(UnitKind::City)));
    let term = n.reporting.as_ref().unwrap().deadline_term.as_ref().unwrap();
    assert_eq!(term.kind, Some(DeadlineKind::TenDays));
    assert_eq!(n.last_on_time_day().unwrap().to_string(), "2023-11-10");
    assert!(codes(&r).contains(&"reading.deadline_term"));
    assert!(codes(&r).contains(&"reading.part_missing"), "no attachment in this notice");
}

#[test]
fn a_district_notice_addresses_its_streets_and_towns_and_a_relative_deadline_is_not_decided() {
    let r = read(&fixture("donghu-district-2024.txt"));
    let n = &r.notice;
    let units: Vec<(&str, UnitKind)> =
        n.units().iter().map(|u| (u.name.as_deref().unwrap(), u.kind.unwrap())).collect();
    assert_eq!(
        units,
        [
            ("公园街道", UnitKind::Street),
            ("滕王阁街道", UnitKind::Street),
            ("豫章街道", UnitKind::Street),
            ("扬子洲镇", UnitKind::Town)
        ]
    );
    assert_eq!(n.week.as_ref().unwrap().end.unwrap().to_string(), "2024-11-24");
    assert!(codes(&r).contains(&"reading.week_from_start"));
    let term = n.undecidable_deadline().expect("relative to an event");
    assert_eq!((term.after.as_deref(), term.within.as_deref()), (Some("启动仪式"), Some("一个月")));
    assert!(n.last_on_time_day().is_none());
}

#[test]
fn a_deadline_to_be_announced_stays_unresolved_and_the_validator_says_it_cannot_decide() {
    let r = read(&fixture("jiujiang-2025-unresolved.txt"));
    let n = r.notice.clone();
    assert_eq!(n.undecidable_deadline().unwrap().kind, Some(DeadlineKind::Unresolved));
    // the zone the recipients name is a unit; 九江市's county-level divisions are the others
    assert!(n.units().iter().any(|u| u.name.as_deref() == Some("九江经济技术开发区")));
    assert!(n.units().iter().any(|u| u.name.as_deref() == Some("濂溪区")));
    // read from text, it drives the same rules as one loaded from JSON
    let json = serde_json::to_string(&n).unwrap();
    let v = learning_week::api::Validator::from_json(&json).expect("the notice read compiles");
    let submission = r#"{"summary": {"host_unit": "濂溪区"}, "submitted_at": "2026-01-05T10:00:00+08:00"}"#;
    let a = v.validate_json(Some(learning_week::DocumentKind::Submission), submission);
    assert!(a.diagnostics.iter().any(|d| d.code == "submission.deadline_undecided"), "{:#?}", a.diagnostics);
    assert!(!a.diagnostics.iter().any(|d| d.code == "submission.late"));
}

#[test]
fn what_is_no_notice_gets_one_clear_finding_in_bounded_time() {
    let noise: String = (0..3_000_000u32).map(|i| char::from(b'a' + (i % 26) as u8)).collect();
    let cjk_noise: String = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严".chars().cycle().take(1_000_000).collect();
    let letter = "王老师：\n您好！下周的会议改到周三上午九点，请准时参加。\n此致\n敬礼\n李明\n";
    let summary = "举办县区\t东湖区\t\n参加活动人数\t约3.5万人次\t\n群众满意度\t98%\t\n";
    for (what, text) in [
        ("empty", ""),
        ("blank", "  \n\t\n"),
        ("noise", noise.as_str()),
        ("cjk noise", cjk_noise.as_str()),
        ("letter", letter),
        ("summary", summary),
    ] {
        let started = Instant::now();
        let r = read(text);
        assert!(started.elapsed() < Duration::from_secs(5), "{what}: {:?}", started.elapsed());
        assert!(!r.is_notice(), "{what}");
        assert_eq!(r.diagnostics.len(), 1, "{what}: {:#?}", r.diagnostics);
        let d = &r.diagnostics[0];
        assert!(!d.message.is_empty() && !d.message_en.is_empty() && d.message != d.message_en, "{what}");
    }
    // bytes: a PDF, an old .doc, another encoding, a broken .docx
    for (what, bytes) in [
        ("pdf", b"%PDF-1.7 scan".to_vec()),
        ("doc", vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        ("gbk", vec![0xC4, 0xCF, 0xB2, 0xFD]),
        ("broken docx", b"PK\x03\x04broken".to_vec()),
    ] {
        let r = learning_week::api::read_notice(&bytes, &ReadOptions::default());
        assert!(!r.is_notice() || !r.diagnostics.is_empty(), "{what}");
        assert_eq!(r.diagnostics.len(), 1, "{what}: {:#?}", r.diagnostics);
        assert_eq!(r.notice, Notice::default(), "{what}");
    }
}

#[test]
fn a_notice_without_its_parts_says_which_are_missing_never_guesses() {
    let r = read("关于举办2030年某某市全民终身学习活动周的通知\n一、活动主题\n\n二、其他\n无\n");
    let missing: Vec<&str> =
        r.diagnostics.iter().filter(|d| d.code == "reading.part_missing").map(|d| d.path.as_str()).collect();
    for p in ["/theme", "/week", "/reporting"] {
        assert!(missing.contains(&p), "{p} in {missing:?}");
    }
    assert!(r.notice.week.is_none() && r.notice.theme.is_none());
    assert!(r.notice.reporting.as_ref().is_none_or(|d| d.deadline.is_none()));
    // 某某市 is no city of the registry: the jurisdiction is left empty with the reason
    assert!(r.diagnostics.iter().any(|d| d.path == "/jurisdiction" && d.code == "reading.part_unreadable"));
    assert!(r.notice.jurisdiction.is_none());
}

#[test]
fn a_notice_with_a_letterhead_a_title_over_two_lines_and_a_month_deadline() {
    let r = read(&fixture("xinyu-2025-month.txt"));
    let n = &r.notice;
    assert_eq!(n.title.as_deref(), Some("关于举办2025年新余市全民终身学习活动周的通知"));
    assert_eq!(n.issuer.as_deref(), Some("新余市教育局"));
    assert_eq!(n.theme.as_deref(), Some("学习型社会，你我共建"));
    // 〔〕 inside square brackets
    assert_eq!(n.references.as_ref().unwrap()[0].number.as_deref(), Some("赣教职成字〔2025〕8号"));
    let term = n.reporting.as_ref().unwrap().deadline_term.as_ref().unwrap();
    assert_eq!((term.kind, term.text.as_deref()), (Some(DeadlineKind::Month), Some("2025年12月底")));
    assert_eq!(n.last_on_time_day().unwrap().to_string(), "2025-12-31");
    let kinds: Vec<&str> =
        n.reporting.as_ref().unwrap().materials.iter().flatten().map(|m| m.kind.unwrap().as_str()).collect();
    assert_eq!(kinds, ["work_summary", "summary_table"], "「将…总结材料及《总结表》报送至…」");
    // a focus item the known topics do not have keeps the notice's words
    assert_eq!(n.focus_items()[0].name.as_deref(), Some("数字素养提升"));
    assert_eq!(n.attachment.as_ref().unwrap().row_labels.as_ref().unwrap(), &["举办县区", "参加活动人数"]);
    assert_eq!(n.city(), Some("新余市"));
    assert!(
        r.diagnostics.iter().all(|d| d.code != "reading.part_missing"
            || d.path == "/arrangements"
            || d.path == "/reporting/materials"
            || d.path == "/attachment"),
        "{:#?}",
        r.diagnostics
    );
}

/// Inputs the fuzz target once crashed on (tests/fixtures/notices/regressions/): read without a
/// panic, every span inside the text and naming its words.
#[test]
fn fuzz_regressions_read_without_a_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/notices/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("the regressions folder") {
        let bytes = std::fs::read(entry.expect("an entry").path()).expect("readable");
        let r = learning_week::api::read_notice(&bytes, &ReadOptions::default());
        if let Ok(text) = std::str::from_utf8(&bytes) {
            for s in &r.sources {
                assert_eq!(s.span.of(text), s.text, "{}", s.path);
            }
        }
        n += 1;
    }
    assert!(n >= 1, "no regression inputs in {}", dir.display());
}
