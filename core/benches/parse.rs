//! The quantity parser (`text::parse_quantity`) over 10k strings in the style of the corpus
//! (tests/vectors/text/quantity.json, then the same texts with the digits re-drawn).
//! `cargo bench -p learning-week --bench parse`.

mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use learning_week::text::parse_quantity;
use std::hint::black_box;

const N: usize = 10_000;

fn parse(c: &mut Criterion) {
    let strings = common::quantity_strings(N);
    let ok = strings.iter().filter(|s| parse_quantity(s).is_ok()).count();
    println!("parse_quantity: {ok} of {N} strings read");

    let mut g = c.benchmark_group("parse_quantity");
    g.throughput(Throughput::Elements(N as u64));
    g.bench_function("10k", |b| {
        b.iter(|| {
            for s in &strings {
                let _ = black_box(parse_quantity(black_box(s)));
            }
        })
    });
    g.finish();
    common::print_summary("parse_quantity", &[("10k", Some(N as u64))]);
}

criterion_group!(benches, parse);
criterion_main!(benches);
