//! How long resolving ten years (520 weeks) of the default schedule takes, swaps included.
//! The browser builds a fresh `Schedule` on every what-if, so this is the cost per edit.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rota::{FairnessLedger, Schedule};

#[path = "../tests/common/mod.rs"]
mod common;

fn bench(c: &mut Criterion) {
    let data = std::sync::Arc::new(common::default_inputs());
    c.bench_function("schedule 520 weeks (fresh Schedule)", |b| {
        b.iter(|| {
            let schedule = Schedule::new(black_box(data.clone()));
            black_box(schedule.weeks(0, 520))
        })
    });
    c.bench_function("schedule week 519 (fresh Schedule, resolves 0..=519)", |b| {
        b.iter(|| {
            let schedule = Schedule::new(black_box(data.clone()));
            black_box(schedule.week(519))
        })
    });
    let cached = Schedule::new(data.clone());
    cached.week(519);
    c.bench_function("schedule 52 weeks (cached Schedule)", |b| b.iter(|| black_box(cached.weeks(400, 52))));
    c.bench_function("ledger 520 weeks", |b| {
        b.iter(|| {
            let schedule = Schedule::new(black_box(data.clone()));
            black_box(FairnessLedger::for_range(&schedule, 0, 520))
        })
    });
    let stamp = rota::ics::FeedStamp { built_at: Default::default(), feed_id: "data-engineering.rota".into() };
    c.bench_function("team feed", |b| {
        b.iter(|| {
            let schedule = Schedule::new(black_box(data.clone()));
            black_box(rota::ics::team_feed(&schedule, common::d(2026, 6, 1), &stamp))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
