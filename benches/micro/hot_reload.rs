//! Hot-reload latency: `runtime::reload::reload` of an isolate running a ~5,000-line
//! program after one function body changed — re-running the front end on the program,
//! matching it against the running one, renumbering, and applying (entries reset,
//! caches cleared). Each iteration alternates between two versions of the file. The
//! end-to-end figure a user sees adds the watcher's debounce (5 ms) and the first call's
//! compilation of the new body: `cargo bench -p dartrs-cli --bench hot_reload_session`
//! measures that.

#[allow(dead_code)]
mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use dartrs_vm::kernel::LoadOptions;
use dartrs_vm::runtime::isolate::{Isolate, IsolateOptions};
use dartrs_vm::runtime::reload::reload;
use std::sync::Arc;
use std::time::Duration;

const LINES: usize = 5_000;

fn bench(c: &mut Criterion) {
    let original = common::mixed_program(LINES);
    let edited = original.replacen("return n * 1 + xs.length;", "return n * 2 + xs.length;", 1);
    assert_ne!(original, edited, "the edit must change the program");
    // As in a hot session: the core library's parsed units are kept between reloads.
    dartrs_vm::kernel::parse::keep_core_units();
    let path = common::write_temp("hot_reload.dart", &original);
    let (program, sources) = common::load(&path);
    let mut iso = Isolate::new(
        Arc::new(program),
        Arc::new(sources),
        IsolateOptions::default(),
    )
    .expect("create an isolate");
    let load = LoadOptions::default();

    let mut group = c.benchmark_group("hot_reload");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(15));
    let mut flip = false;
    group.bench_function("5k_lines_one_body", |b| {
        b.iter(|| {
            flip = !flip;
            let text = if flip { &edited } else { &original };
            std::fs::write(&path, text).expect("write the edit");
            reload(&mut iso, &path, &load).expect("the reload applies")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
