//! The city roll-up (`aggregate::aggregate`) over 1k / 10k / 100k synthetic submissions (the
//! examples with unit, counts, satisfaction and submission time varied; JSON text, as read from
//! files). The summary prints the time per submission, which stays flat when growth is linear.
//! Beside it, `content_hash` (FNV-1a over each text, which the roll-up computes for every
//! input) one text at a time against `content_hashes`' four at a time, on 1,000 of the texts.
//! `cargo bench -p learning-week --bench aggregate`.

mod common;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use learning_week::aggregate::{aggregate, content_hash, content_hashes, AggregateInput, AggregateOptions};
use learning_week::Notice;
use std::hint::black_box;
use std::time::Duration;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn roll_up(c: &mut Criterion) {
    let notice = Notice::nanchang_2021();
    let options = AggregateOptions::default();
    let examples = common::example_values();

    let mut g = c.benchmark_group("aggregate");
    g.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_millis(500));
    for n in SIZES {
        let inputs: Vec<AggregateInput> = (0..n)
            .map(|i| {
                let text = serde_json::to_string(&common::synthesise(&examples, i)).unwrap_or_default();
                AggregateInput::text(Some(&format!("{i}.submission.json")), text)
            })
            .collect();
        // Not timed: every input is read as a submission of a known unit.
        if n == SIZES[0] {
            let r = aggregate(&notice, &inputs, &options);
            assert!(r.accounting.is_balanced());
            println!("aggregate/{n}: {} rejected of {n}", r.accounting.rejected.len());
        }
        g.throughput(Throughput::Elements(n as u64));
        g.measurement_time(Duration::from_secs(if n >= 100_000 { 30 } else { 8 }));
        g.bench_with_input(BenchmarkId::from_parameter(n), &inputs, |b, inputs| {
            b.iter(|| aggregate(&notice, black_box(inputs), &options))
        });
    }
    g.finish();

    let ids: Vec<(String, u64)> = SIZES.iter().map(|n| (n.to_string(), *n as u64)).collect();
    let ids: Vec<(&str, Option<u64>)> = ids.iter().map(|(s, n)| (s.as_str(), Some(*n))).collect();
    common::print_summary("aggregate", &ids);
}

fn hashes(c: &mut Criterion) {
    let examples = common::example_values();
    let texts: Vec<String> = (0..1_000)
        .map(|i| serde_json::to_string(&common::synthesise(&examples, i)).unwrap_or_default())
        .collect();
    let bytes: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
    let mut g = c.benchmark_group("content_hash");
    g.sample_size(20).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Bytes(bytes.iter().map(|b| b.len() as u64).sum()));
    g.bench_function("one_by_one", |b| {
        b.iter(|| black_box(&bytes).iter().map(|t| content_hash(t)).collect::<Vec<_>>())
    });
    g.bench_function("four_at_a_time", |b| b.iter(|| content_hashes(black_box(&bytes))));
    g.finish();
}

criterion_group!(benches, roll_up, hashes);
criterion_main!(benches);
