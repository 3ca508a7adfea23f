//! Properties of the roll-up: the accounting identity, order independence, merging, the
//! qualifier algebra; and one run over 10,000 synthetic submissions.

use super::*;
use crate::count::Qualifier::{self, *};
use proptest::prelude::*;

const UNITS: &[&str] =
    &["东湖区", "西湖区", "青云谱区", "湾里区", "湾里管理局", "南昌县", "经开区", "朝阳区", "", "南昌市"];

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop_oneof![Just(Exact), Just(Approx), Just(AtLeast), Just(AtMost)]
}

/// One input as JSON text: a submission, a bare summary, a plan, or garbage.
fn input() -> impl Strategy<Value = String> {
    let submission = (
        0..UNITS.len(),
        prop_oneof![Just(2021), Just(2021), Just(2021), Just(2020)],
        1u32..12,
        0u32..24,
        proptest::option::of((0u64..400_000, qualifier(), prop_oneof![Just(""), Just("人"), Just("人次")])),
        proptest::option::of(0u64..30),
        proptest::option::of(0u32..=100),
        any::<bool>(),
    )
        .prop_map(|(u, year, day, hour, participants, sub, sat, bare)| {
            let mut participation = serde_json::Map::new();
            if let Some((v, q, unit)) = participants {
                let mut c = serde_json::json!({"value": v, "qualifier": q.as_str()});
                if !unit.is_empty() {
                    c["unit"] = unit.into();
                }
                participation.insert("participants".into(), c);
            }
            if let Some(s) = sub {
                participation.insert("sub_venues".into(), s.into());
            }
            participation.insert("featured_activities".into(), serde_json::json!([{"name": "“双减”进社区"}]));
            let mut summary = serde_json::json!({"year": year, "host_unit": UNITS[u], "participation": participation});
            if let Some(s) = sat {
                summary["reach"] = serde_json::json!({"satisfaction": s});
            }
            let v = if bare {
                summary
            } else {
                serde_json::json!({"summary": summary, "submitted_at": format!("2021-12-{day:02}T{hour:02}:00:00+08:00")})
            };
            v.to_string()
        });
    prop_oneof![
        8 => submission,
        1 => (0..UNITS.len()).prop_map(|u| serde_json::json!({"year": 2021, "unit": UNITS[u],
            "activities": [{"name": "智慧助老课堂"}]}).to_string()),
        1 => "\\PC{0,12}",
    ]
}

fn inputs() -> impl Strategy<Value = Vec<AggregateInput>> {
    proptest::collection::vec(input(), 0..24).prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| AggregateInput::text(Some(&format!("in-{i:02}.json")), t))
            .collect()
    })
}

fn notice() -> Notice {
    Notice::nanchang_2021()
}

fn opts() -> AggregateOptions {
    AggregateOptions::default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_input_is_accounted_for_once(inputs in inputs()) {
        let r = aggregate(&notice(), &inputs, &opts());
        let a = &r.accounting;
        prop_assert_eq!(a.inputs, inputs.len());
        prop_assert!(a.is_balanced());
        prop_assert_eq!(r.reported_units.len() + r.missing_units.len(), r.expected_units);
        prop_assert!(r.completeness.rate_percent.is_some_and(|p| (0.0..=100.0).contains(&p)));
        prop_assert_eq!(a.included.len(), r.reported_units.len());
        prop_assert_eq!(r.city_summary.host_unit.as_deref(), Some("南昌市"));
    }

    #[test]
    fn order_does_not_matter(inputs in inputs().prop_shuffle(), seed in any::<u64>()) {
        let mut shuffled = inputs.clone();
        // a second, different order: rotate by the seed and reverse
        let k = if shuffled.is_empty() { 0 } else { (seed as usize) % shuffled.len() };
        shuffled.rotate_left(k);
        shuffled.reverse();
        prop_assert_eq!(aggregate(&notice(), &inputs, &opts()), aggregate(&notice(), &shuffled, &opts()));
    }

    #[test]
    fn merging_partial_states_equals_aggregating_the_union(inputs in inputs(), cut in any::<prop::sample::Index>()) {
        let k = if inputs.is_empty() { 0 } else { cut.index(inputs.len() + 1) };
        let (left, right) = inputs.split_at(k);
        let fold = |part: &[AggregateInput]| {
            let mut s = RollupState::new(&notice(), &opts());
            for i in part {
                s.add(i);
            }
            s
        };
        let whole = aggregate(&notice(), &inputs, &opts());
        prop_assert_eq!(&fold(left).merge(fold(right)).finish(), &whole);
        prop_assert_eq!(&fold(right).merge(fold(left)).finish(), &whole);
    }

    #[test]
    fn threads_give_the_same_roll_up(inputs in inputs(), workers in 2usize..5) {
        prop_assert_eq!(aggregate_on(&notice(), &inputs, &opts(), workers), aggregate_on(&notice(), &inputs, &opts(), 1));
    }

    #[test]
    fn nothing_panics_on_any_text(texts in proptest::collection::vec("\\PC{0,40}", 0..8)) {
        let inputs: Vec<AggregateInput> = texts.into_iter().map(|t| AggregateInput::text(None, t)).collect();
        let r = aggregate(&notice(), &inputs, &opts());
        prop_assert!(r.accounting.is_balanced());
        let _ = r.to_text(crate::Lang::Zh);
        let _ = r.to_markdown(crate::Lang::En);
    }

    #[test]
    fn qualifier_combine_is_commutative(a in qualifier(), b in qualifier()) {
        prop_assert_eq!(a.combine(b), b.combine(a));
    }

    #[test]
    fn qualifier_combine_is_associative(a in qualifier(), b in qualifier(), c in qualifier()) {
        prop_assert_eq!(a.combine(b).combine(c), a.combine(b.combine(c)));
    }

    #[test]
    fn exact_is_the_identity(a in qualifier()) {
        prop_assert_eq!(a.combine(Exact), a);
        prop_assert_eq!(Exact.combine(a), a);
    }

    #[test]
    fn a_sum_is_never_more_precise_than_its_parts(a in qualifier(), b in qualifier()) {
        // exact (0) is more precise than a one-sided bound (1), which is more precise than approx (2).
        let rank = |q: Qualifier| match q { Exact => 0, AtLeast | AtMost => 1, Approx => 2 };
        let c = a.combine(b);
        prop_assert!(rank(c) >= rank(a).max(rank(b)));
        // and a one-sided bound only survives when both parts agree with it
        if matches!(c, AtLeast | AtMost) {
            prop_assert!([a, b].iter().all(|q| *q == c || *q == Exact));
        }
    }

    #[test]
    fn bounds_of_a_sum_hold_for_every_true_value(
        parts in proptest::collection::vec((0u64..1000, qualifier(), 0u64..1000), 1..6)
    ) {
        // For each written (value, qualifier), pick a true value the qualifier allows; the
        // total's qualifier must then allow the true sum.
        let mut written = 0u64;
        let mut truth = 0u64;
        let mut q = Exact;
        for (v, qual, delta) in &parts {
            let t = match qual {
                Exact => *v,
                AtLeast => v + delta,
                AtMost => v.saturating_sub(*delta),
                Approx => v + delta / 10,
            };
            written += v;
            truth += t;
            q = q.combine(*qual);
        }
        match q {
            Exact => prop_assert_eq!(truth, written),
            AtLeast => prop_assert!(truth >= written),
            AtMost => prop_assert!(truth <= written),
            Approx => {}
        }
    }
}

/// A deterministic stream of pseudo-random numbers (no dependency needed for a fixed test).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn ten_thousand_synthetic_submissions_are_all_accounted_for() {
    let mut rng = Lcg(2021);
    let mut inputs = Vec::with_capacity(10_000);
    for i in 0..10_000u64 {
        let unit = UNITS[rng.next(UNITS.len() as u64) as usize];
        let text = match rng.next(20) {
            0 => "{\"summary\": ".to_owned(),
            1 => serde_json::json!({"year": 2021, "unit": unit, "activities": []}).to_string(),
            _ => serde_json::json!({
                "submitted_at": format!("2021-12-{:02}T{:02}:{:02}:00+08:00", 1 + rng.next(10), rng.next(24), rng.next(60)),
                "summary": {"year": if rng.next(10) == 0 { 2020 } else { 2021 }, "host_unit": unit,
                    "participation": {"participants": rng.next(60_000)}}
            })
            .to_string(),
        };
        inputs.push(AggregateInput::text(Some(&format!("synthetic/{i:05}.json")), text));
    }
    let r = aggregate(&notice(), &inputs, &opts());
    let a = &r.accounting;
    assert_eq!(a.inputs, 10_000);
    assert!(
        a.is_balanced(),
        "{} + {} + {} + {} != 10000",
        a.included.len(),
        a.superseded.len(),
        a.rejected.len(),
        a.plans.len()
    );
    assert!(a.included.len() <= r.expected_units);
    assert!(r.completeness.rate_percent.is_some_and(|p| p <= 100.0));
    assert!(a.superseded.len() > 1000 && a.rejected.len() > 1000, "the mix exercises every path");
}

#[test]
fn latest_submission_wins_and_the_older_one_says_why() {
    let s = |at: &str, n: u64| {
        AggregateInput::json(
            Some(at),
            serde_json::json!({"submitted_at": at, "summary": {"year": 2021, "host_unit": "东湖区",
                "participation": {"participants": n}}}),
        )
    };
    let r = aggregate(
        &notice(),
        &[s("2021-12-03T09:00:00+08:00", 2), s("2021-12-01T09:00:00+08:00", 1)],
        &opts(),
    );
    assert_eq!(r.totals.participants.value, Some(2));
    let old = &r.accounting.superseded[0];
    assert_eq!(old.id.as_deref(), Some("2021-12-01T09:00:00+08:00"));
    assert_eq!(old.superseded_by.as_deref(), Some("2021-12-03T09:00:00+08:00"));
    assert_eq!(old.diagnostics[0].code, "aggregate.duplicate_submission");
    assert_eq!(r.completeness.duplicate_units, vec!["东湖区"]);
}

#[test]
fn people_and_person_times_are_never_added() {
    let s = |unit: &str, c: serde_json::Value| {
        AggregateInput::json(
            None,
            serde_json::json!({"submitted_at": "2021-12-01T09:00:00+08:00", "summary": {"year": 2021,
                "host_unit": unit, "participation": {"participants": c, "featured_activities": [{"name": "x"}],
                "main_venues": 1}}}),
        )
    };
    let r = aggregate(
        &notice(),
        &[
            s("东湖区", serde_json::json!({"value": 100, "unit": "人"})),
            s("西湖区", serde_json::json!({"value": 300, "unit": "人次"})),
        ],
        &opts(),
    );
    let p = &r.totals.participants;
    assert_eq!(p.value, None);
    assert_eq!(p.by_kind.len(), 2);
    assert!(r.notes.iter().any(|d| d.code == "aggregate.participants_mixed_kinds"));
    // The city table's figure is one kind's sum (人次), a bound of that kind: 人 and 人次 are
    // never added, not even into a bound; its text keeps every kind.
    let c = r.city_summary.participation.as_ref().and_then(|p| p.participants.clone());
    let text = Some("100人；300人次".to_owned());
    assert_eq!(c, Some(Count { value: 300, qualifier: AtLeast, unit: Some("人次".into()), source: text }));
    let outcomes = r.city_summary.theme_and_content.and_then(|t| t.outcomes).unwrap_or_default();
    assert!(outcomes.starts_with("参加活动人数合计100人；300人次，"), "{outcomes}");
    assert!(outcomes.contains("数值一栏只计人次部分300余人次，为该部分下限。"), "{outcomes}");
    assert!(!outcomes.contains("400"), "{outcomes}");
}

#[test]
fn an_extra_zero_is_flagged() {
    let s = |unit: &str, n: u64, sub: u64| {
        AggregateInput::json(
            None,
            serde_json::json!({"submitted_at": "2021-12-01T09:00:00+08:00", "summary": {"year": 2021,
                "host_unit": unit, "participation": {"participants": n, "sub_venues": sub}}}),
        )
    };
    let r = aggregate(
        &notice(),
        &[s("东湖区", 35_000, 3), s("西湖区", 30_000, 4), s("青山湖区", 350_000, 5), s("南昌县", 20, 40)],
        &opts(),
    );
    let codes: Vec<(&str, &str)> =
        r.outliers.iter().map(|o| (o.unit.as_str(), o.diagnostic.code.as_str())).collect();
    assert_eq!(
        codes,
        vec![
            ("青山湖区", "aggregate.participants_outlier"),
            ("南昌县", "aggregate.sub_venues_exceed_participants")
        ]
    );
}

#[test]
fn grace_days_can_be_overridden() {
    let i = AggregateInput::json(
        None,
        serde_json::json!({"submitted_at": "2021-12-06T09:00:00+08:00", "summary": {"year": 2021, "host_unit": "东湖区"}}),
    );
    assert_eq!(aggregate(&notice(), std::slice::from_ref(&i), &opts()).late_units.len(), 1);
    let r = aggregate(&notice(), &[i], &AggregateOptions { grace_days: Some(1) });
    assert!(r.late_units.is_empty());
    assert_eq!(r.timeliness.on_time_units, vec!["东湖区"]);
}

#[test]
fn a_large_roll_up_on_threads_equals_one_thread() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nanchang-2021/submissions");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("examples")
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).expect("readable"))
        .collect();
    texts.push("{ not json".into());
    let inputs: Vec<AggregateInput> = (0..PARALLEL_FROM * 2)
        .map(|i| AggregateInput::text(Some(format!("{i}.json").as_str()), texts[i % texts.len()].clone()))
        .collect();
    let n = crate::Notice::nanchang_2021();
    let threaded = aggregate(&n, &inputs, &AggregateOptions::default());
    assert_eq!(threaded, aggregate_on(&n, &inputs, &AggregateOptions::default(), 1));
    assert_eq!(threaded.accounting.inputs, inputs.len());
    assert!(threaded.accounting.is_balanced());
}

#[test]
fn dropping_superseded_documents_changes_nothing() {
    // 600 reports of the 13 example units, many per unit, with repeated times and ids (equal
    // winner keys): the state keeps one document per unit as it goes, and so does a merge.
    // The reference keeps every document (one-input states put together without `merge`).
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/nanchang-2021/submissions");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("examples").flatten().map(|e| e.path()).collect();
    paths.sort();
    let examples: Vec<serde_json::Value> = paths
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).expect("readable")).expect("json"))
        .collect();
    let inputs: Vec<AggregateInput> = (0..600)
        .map(|i| {
            let mut doc = examples[i % examples.len()].clone();
            doc["submitted_at"] = format!("2021-12-0{}T10:00:00+08:00", 1 + (i * 7) % 6).into();
            doc["summary"]["participation"]["sub_venues"] = (i % 5).into();
            AggregateInput::text(Some(format!("{}.json", i % 11).as_str()), doc.to_string())
        })
        .collect();
    let n = crate::Notice::nanchang_2021();
    let o = AggregateOptions::default();
    let mut compacted = RollupState::new(&n, &o);
    for i in &inputs {
        compacted.add(i);
    }
    let mut reference = RollupState::new(&n, &o);
    for i in &inputs {
        let mut one = RollupState::new(&n, &o);
        one.add(i);
        reference.inputs += one.inputs;
        reference.candidates.extend(one.candidates);
        reference.rejected.extend(one.rejected);
        reference.plans.extend(one.plans);
        reference.materials.extend(one.materials);
    }
    let merged = inputs.chunks(7).fold(RollupState::new(&n, &o), |acc, part| {
        let mut s = RollupState::new(&n, &o);
        for i in part {
            s.add(i);
        }
        acc.merge(s)
    });
    let units: std::collections::HashSet<_> =
        reference.candidates.iter().map(|c| c.record.unit.clone()).collect();
    let kept = |s: &RollupState| s.candidates.iter().filter(|c| c.submission.is_some()).count();
    assert_eq!(kept(&reference), reference.candidates.len());
    assert_eq!((kept(&compacted), kept(&merged)), (units.len(), units.len()));
    let (a, b, c) = (compacted.finish(), reference.finish(), merged.finish());
    assert_eq!(a, b);
    assert_eq!(a, c);
    assert_eq!(a.accounting.inputs, 600);
    assert!(a.completeness.duplicate_units.len() >= 12);
}

#[test]
fn times_shown_to_people_are_in_the_notices_zone_with_its_offset() {
    // 16:01 UTC on the 5th is 00:01 on the 6th in Nanchang: one day late, and shown so.
    let sub = serde_json::json!({"submitted_at": "2021-12-05T16:01:00Z",
        "summary": {"year": 2021, "host_unit": "湾里区"}});
    let notice = crate::Notice::nanchang_2021();
    let r = aggregate(
        &notice,
        &[AggregateInput::json(Some("wanli.json"), sub.clone())],
        &AggregateOptions::default(),
    );
    assert_eq!(r.utc_offset, "+08:00");
    let text = r.to_text(crate::Lang::Zh);
    assert!(text.contains("报送时间(+08:00)"), "{text}");
    assert!(text.contains("12-06 00:01"), "{text}");
    assert!(!text.contains("12-05 16:01"), "{text}");
    // The JSON keeps what the sender wrote.
    assert_eq!(
        r.units.iter().find_map(|u| u.submitted_at).map(|t| t.to_rfc3339()).as_deref(),
        Some("2021-12-05T16:01:00+00:00")
    );
    let a = crate::validate::validate_value(None, &sub, &notice, None);
    let late = a.diagnostics.iter().find(|d| d.code == "submission.late").expect("late");
    assert!(late.message.contains("2021-12-06 00:01 (+08:00)"), "{}", late.message);
    assert_eq!(late.params["submitted_at"], "2021-12-05T16:01:00+00:00");
}

#[test]
fn the_city_summary_never_doubles_a_unit_word() {
    let sub = |unit: &str, venues: &str, reports: &str, images: &str| {
        serde_json::json!({"submitted_at": "2021-12-03T10:00:00+08:00", "summary": {"year": 2021, "host_unit": unit,
            "participation": {"sub_venues": venues}, "publicity": {"text_reports": reports, "image_reports": images}}})
    };
    let inputs = [
        AggregateInput::json(Some("a"), sub("东湖区", "12个", "120余篇", "200张")),
        AggregateInput::json(Some("b"), sub("西湖区", "15个", "240篇", "323张")),
    ];
    let r = aggregate(&crate::Notice::nanchang_2021(), &inputs, &AggregateOptions::default());
    let outcomes = r.city_summary.theme_and_content.and_then(|t| t.outcomes).unwrap_or_default();
    for doubled in ["个个", "篇篇", "张条", "条条"] {
        assert!(!outcomes.contains(doubled), "{doubled} in {outcomes}");
    }
    assert!(outcomes.contains("分会场27个"), "{outcomes}");
    assert!(outcomes.contains("文字报道360余篇"), "{outcomes}");
    assert!(outcomes.contains("影像图片报道523张"), "{outcomes}");
}

#[test]
fn the_qualifier_algebra_holds_for_every_pair() {
    // The table of `Qualifier::combine`, row by row: exact, approx, at_least, at_most.
    let all = [Exact, Approx, AtLeast, AtMost];
    let table = [
        [Exact, Approx, AtLeast, AtMost],
        [Approx, Approx, Approx, Approx],
        [AtLeast, Approx, AtLeast, Approx],
        [AtMost, Approx, Approx, AtMost],
    ];
    for (a, row) in all.iter().zip(table) {
        for (b, want) in all.iter().zip(row) {
            assert_eq!(a.combine(*b), want, "{a:?} + {b:?}");
        }
    }
}

/// Roll-up of units whose 参加活动人数 is given as `(unit, JSON count)`.
fn participants_rollup(parts: &[(&str, serde_json::Value)]) -> CityRollup {
    let inputs: Vec<AggregateInput> = parts
        .iter()
        .map(|(unit, c)| {
            AggregateInput::json(
                Some(unit),
                serde_json::json!({"submitted_at": "2021-12-01T09:00:00+08:00", "summary": {"year": 2021,
                    "host_unit": unit, "participation": {"participants": c}}}),
            )
        })
        .collect();
    aggregate(&crate::Notice::nanchang_2021(), &inputs, &AggregateOptions::default())
}

fn city_participants(r: &CityRollup) -> (Option<Count>, String) {
    let c = r.city_summary.participation.as_ref().and_then(|p| p.participants.clone());
    (
        c,
        r.city_summary
            .theme_and_content
            .as_ref()
            .and_then(|t| t.outcomes.clone())
            .unwrap_or_default()
            .into_owned(),
    )
}

#[test]
fn the_city_total_of_each_qualifier_pair_says_what_its_parts_support() {
    let q = |v: u64, q: &str| serde_json::json!({"value": v, "qualifier": q, "unit": "人次"});
    // (东湖区, 西湖区) → the city's cell
    let cases = [
        (q(100, "exact"), q(20, "exact"), "120人次"),
        (q(100, "approx"), q(20, "exact"), "约120人次"),
        (q(100, "at_least"), q(20, "exact"), "120余人次"),
        (q(100, "approx"), q(20, "at_least"), "约120人次"),
        (q(100, "at_least"), q(20, "at_least"), "120余人次"),
        (q(100, "at_most"), q(20, "exact"), "不超过120人次"),
        (q(100, "at_most"), q(20, "at_least"), "约120人次"),
    ];
    for (a, b, want) in cases {
        let r = participants_rollup(&[("东湖区", a.clone()), ("西湖区", b.clone())]);
        assert_eq!(r.totals.participants.display_zh(), want, "{a} + {b}");
        let (c, outcomes) = city_participants(&r);
        assert_eq!(c.map(|c| c.display_zh()).as_deref(), Some(want), "{a} + {b}");
        assert!(outcomes.starts_with(&format!("参加活动人数合计{want}，")), "{outcomes}");
    }
}

#[test]
fn a_figure_given_only_as_text_is_left_out_and_named() {
    let r = participants_rollup(&[
        ("东湖区", serde_json::json!({"value": 100, "unit": "人次"})),
        ("西湖区", serde_json::json!("参与群众众多")),
    ]);
    let t = &r.totals.participants;
    assert_eq!(t.units_without, vec!["西湖区".to_owned()]);
    assert_eq!(t.display_zh(), "100余人次；未计入：西湖区（无可计入的数字）");
    let (c, outcomes) = city_participants(&r);
    let c = c.unwrap();
    assert_eq!((c.value, c.qualifier), (100, AtLeast));
    assert_eq!(c.source.as_deref(), Some("100余人次；未计入：西湖区（无可计入的数字）"));
    assert!(outcomes.contains("未计入：西湖区"), "{outcomes}");
}

#[test]
fn people_person_times_and_bare_counts_are_summed_apart_in_the_city_table() {
    let r = participants_rollup(&[
        ("东湖区", serde_json::json!({"value": 12600, "unit": "人"})),
        ("西湖区", serde_json::json!({"value": 200000, "qualifier": "approx", "unit": "人次"})),
        ("青云谱区", serde_json::json!({"value": 37800, "unit": "人次"})),
        ("南昌县", serde_json::json!(9000)),
    ]);
    let want = "12600人；约237800人次；另9000（未注明单位）";
    assert_eq!(r.totals.participants.display_zh(), want);
    let (c, outcomes) = city_participants(&r);
    let c = c.unwrap();
    assert_eq!(c.source.as_deref(), Some(want));
    // The figure is the person-times sum alone, an estimate (约 with 余 is 约); nothing is added
    // across kinds.
    assert_eq!((c.value, c.qualifier), (237_800, Approx));
    assert!(outcomes.starts_with(&format!("参加活动人数合计{want}，")), "{outcomes}");
    assert!(outcomes.contains("数值一栏只计人次部分约237800人次，为该部分下限。"), "{outcomes}");
    assert!(!outcomes.contains("259400"), "{outcomes}");
    assert!(!outcomes.contains("约260000"), "{outcomes}");
    // The text report says the same.
    assert!(r.to_text(crate::Lang::Zh).contains(&format!("参加活动人数 / participants: {want}")));
}

#[test]
fn the_weighted_satisfaction_is_no_more_precise_than_its_inputs() {
    let s = |unit: &str, sat: serde_json::Value, n: u64| {
        AggregateInput::json(
            Some(unit),
            serde_json::json!({"submitted_at": "2021-12-01T09:00:00+08:00", "summary": {"year": 2021,
                "host_unit": unit, "participation": {"participants": n}, "reach": {"satisfaction": sat}}}),
        )
    };
    let n = crate::Notice::nanchang_2021();
    let o = AggregateOptions::default();
    // 98%以上 and 97% with 9800 and 100 participants: 97.9899…, whole numbers in → 约98%.
    let r = aggregate(
        &n,
        &[
            s("东湖区", serde_json::json!({"value": 98, "qualifier": "at_least"}), 9800),
            s("西湖区", serde_json::json!(97), 100),
        ],
        &o,
    );
    assert_eq!((r.satisfaction.weighted_mean, r.satisfaction.qualifier), (Some(98.0), Approx));
    assert_eq!(r.satisfaction.mean_zh().as_deref(), Some("约98%"));
    let sat = r.city_summary.reach.as_ref().and_then(|x| x.satisfaction.clone());
    assert!(matches!(sat, Some(crate::Satisfaction::Percent(p)) if p.display_zh() == "约98%"));
    // One decimal written: one decimal kept.
    let r = aggregate(
        &n,
        &[s("东湖区", serde_json::json!(98.5), 100), s("西湖区", serde_json::json!(97), 200)],
        &o,
    );
    assert_eq!((r.satisfaction.weighted_mean, r.satisfaction.qualifier), (Some(97.5), Exact));
    // No rounding needed: the qualifier is the parts' own.
    let r = aggregate(
        &n,
        &[
            s("东湖区", serde_json::json!({"value": 98, "qualifier": "at_least"}), 100),
            s("西湖区", serde_json::json!(96), 100),
        ],
        &o,
    );
    assert_eq!(r.satisfaction.mean_zh().as_deref(), Some("97%以上"));
}

#[test]
fn satisfaction_weights_are_never_people_and_person_times_on_one_scale() {
    let s = |unit: &str, sat: f64, participants: serde_json::Value| {
        AggregateInput::json(
            Some(unit),
            serde_json::json!({"submitted_at": "2021-12-01T09:00:00+08:00", "summary": {"year": 2021,
                "host_unit": unit, "participation": {"participants": participants}, "reach": {"satisfaction": sat}}}),
        )
    };
    let n = crate::Notice::nanchang_2021();
    let o = AggregateOptions::default();
    // 100人 and 1000人次 are not one scale: each unit counts alike, and the mean is 约.
    let r = aggregate(
        &n,
        &[
            s("东湖区", 98.0, serde_json::json!({"value": 100, "unit": "人"})),
            s("西湖区", 90.0, serde_json::json!({"value": 1000, "unit": "人次"})),
        ],
        &o,
    );
    assert_eq!((r.satisfaction.weighted_mean, r.satisfaction.qualifier), (Some(94.0), Approx));
    // …and it is called what it is: not a weighted mean.
    assert!(r.satisfaction.unweighted);
    let source = r.satisfaction.mean_percent().and_then(|p| p.source).unwrap_or_default();
    assert!(source.contains("不按人数加权"), "{source}");
    let text = r.to_text(crate::Lang::Zh);
    assert!(text.contains("各单位同权") && !text.contains("加权平均"), "{text}");
    // One kind: weighted by the figures; an estimated figure makes the mean 约.
    let r = aggregate(
        &n,
        &[
            s("东湖区", 98.0, serde_json::json!({"value": 100, "unit": "人次"})),
            s("西湖区", 90.0, serde_json::json!({"value": 300, "unit": "人次"})),
        ],
        &o,
    );
    assert_eq!((r.satisfaction.weighted_mean, r.satisfaction.qualifier), (Some(92.0), Exact));
    assert!(!r.satisfaction.unweighted);
    let r = aggregate(
        &n,
        &[
            s("东湖区", 98.0, serde_json::json!({"value": 100, "qualifier": "approx", "unit": "人次"})),
            s("西湖区", 90.0, serde_json::json!({"value": 300, "unit": "人次"})),
        ],
        &o,
    );
    assert_eq!((r.satisfaction.weighted_mean, r.satisfaction.qualifier), (Some(92.0), Approx));
}

#[test]
fn hashes_four_at_a_time_are_the_hashes_one_by_one() {
    // Lengths that differ (the common part, then each text's own tail) and the sizes around 4.
    let texts: Vec<Vec<u8>> =
        (0..23).map(|i| (0..(i * 37) % 101).map(|j| (i * 7 + j * 13) as u8).collect()).collect();
    for n in 0..texts.len() {
        let slices: Vec<&[u8]> = texts.iter().take(n).map(Vec::as_slice).collect();
        let one_by_one: Vec<String> = slices.iter().map(|t| content_hash(t)).collect();
        assert_eq!(content_hashes(&slices), one_by_one, "{n} texts");
    }
}

#[test]
fn a_tie_decided_by_file_times_in_one_minute_shows_the_seconds() {
    // Two reports of 东湖区 with the same 报送时间, their files modified 20 s apart in one minute.
    let text = serde_json::json!({"submitted_at": "2021-12-01T09:00:00+08:00",
        "summary": {"year": 2021, "host_unit": "东湖区"}})
    .to_string();
    let other = text.replace("东湖区\"", "东湖区\",\"other\":\"更正稿\"");
    let t = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    let inputs = [
        AggregateInput::text(Some("a.json"), text).with_file_modified(Some(t("2021-12-02T14:42:10+08:00"))),
        AggregateInput::text(Some("b.json"), other).with_file_modified(Some(t("2021-12-02T14:42:30+08:00"))),
    ];
    let r = aggregate(&crate::Notice::nanchang_2021(), &inputs, &AggregateOptions::default());
    let finding = r
        .accounting
        .superseded
        .iter()
        .flat_map(|x| &x.diagnostics)
        .find(|d| d.code == "aggregate.superseded_same_time");
    let message = finding.map(|d| d.message.clone()).unwrap_or_default();
    assert!(message.contains("14:42:30 (+08:00) 晚于 2021-12-02 14:42:10"), "{message}");
}

#[test]
fn an_unreadable_input_says_why_in_each_language() {
    let inputs = [AggregateInput::text(Some("a.json"), "[1]"), AggregateInput::text(Some("b.json"), "{")];
    let r = aggregate(&crate::Notice::nanchang_2021(), &inputs, &AggregateOptions::default());
    let found: Vec<&crate::Diagnostic> = r
        .accounting
        .rejected
        .iter()
        .flat_map(|x| &x.diagnostics)
        .filter(|d| d.code == "aggregate.unreadable")
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for d in &found {
        assert!(!cjk(&d.message_en), "Chinese in the English message: {}", d.message_en);
        assert!(cjk(&d.message), "{}", d.message);
    }
    assert!(found.iter().any(|d| d.message_en.contains("not a JSON object (array)")), "{found:?}");
}

#[test]
fn a_key_the_text_repeats_is_among_the_units_findings() {
    // The tree path (a repeated key is one the text path hands on) keeps the last value and says
    // so, for a report and for a plan.
    let report = r#"{"submitted_at": "2021-12-01T09:00:00+08:00", "summary": {"year": 2021, "host_unit": "东湖区",
        "participation": {"participants": 1, "participants": 2}}}"#;
    let plan = r#"{"unit": "东湖区", "year": 2021, "year": 2021, "activities": []}"#;
    let r = aggregate(
        &notice(),
        &[
            AggregateInput::text(Some("r.json"), report.to_string()),
            AggregateInput::text(Some("p.json"), plan.to_string()),
        ],
        &opts(),
    );
    assert_eq!(r.totals.participants.value, Some(2));
    let codes = |id: &str| {
        let record =
            r.accounting.included.iter().chain(&r.accounting.plans).find(|x| x.id.as_deref() == Some(id));
        record.and_then(|x| x.validation.as_ref()).map(|v| v.codes.clone()).unwrap_or_default()
    };
    assert!(codes("r.json").contains(&"json.duplicate_key".to_string()), "{:?}", codes("r.json"));
    assert!(codes("p.json").contains(&"json.duplicate_key".to_string()), "{:?}", codes("p.json"));
}
