//! JIT compile latency per function (debug mode's lazy compiler): `Isolate::compile` of
//! one generated function that has not been compiled yet, for small (one expression),
//! medium (~30 lines) and large (~110 lines) functions.
//!
//! Every iteration compiles a different function of the group; when the isolate has
//! compiled them all, a fresh isolate is created outside the timed region.

#[allow(dead_code)]
mod common;

use common::Size;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dartrs_vm::front::source::SourceMap;
use dartrs_vm::kernel::ir::Program;
use dartrs_vm::runtime::isolate::{Isolate, IsolateOptions};
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

const PER_SIZE: usize = 200;
const SIZES: [Size; 3] = [Size::Small, Size::Medium, Size::Large];

fn new_isolate(program: &Arc<Program>, sources: &Arc<SourceMap>) -> Box<Isolate> {
    Isolate::new(program.clone(), sources.clone(), IsolateOptions::default())
        .expect("create an isolate")
}

fn bench(c: &mut Criterion) {
    let groups: Vec<(Size, usize)> = SIZES.iter().map(|s| (*s, PER_SIZE)).collect();
    let path = common::write_temp("jit_compile.dart", &common::functions_program(&groups));
    let (program, sources) = common::load(&path);
    let (program, sources) = (Arc::new(program), Arc::new(sources));

    let mut group = c.benchmark_group("jit_compile");
    group.throughput(Throughput::Elements(1));
    for size in SIZES {
        let prefix = format!("{}_", size.name());
        let indices: Vec<u32> = program
            .functions
            .iter()
            .enumerate()
            .filter(|(_, f)| f.qualified_name.starts_with(&prefix))
            .map(|(i, _)| i as u32)
            .collect();
        assert_eq!(indices.len(), PER_SIZE, "functions named {prefix}*");

        // Code size, for the report: compile them all once.
        let mut iso = new_isolate(&program, &sources);
        let bytes: u64 = indices
            .iter()
            .map(|&i| {
                iso.compile(i).expect("compile");
                iso.code_info(i).map_or(0, |c| c.size as u64)
            })
            .sum();
        eprintln!(
            "jit_compile/{}: {} bytes of code per function on average",
            size.name(),
            bytes / indices.len() as u64
        );

        let mut iso = new_isolate(&program, &sources);
        let mut next = 0;
        group.bench_function(size.name(), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    if next == indices.len() {
                        iso = new_isolate(&program, &sources);
                        next = 0;
                    }
                    let index = indices[next];
                    next += 1;
                    let started = Instant::now();
                    let r = iso.compile(black_box(index));
                    total += started.elapsed();
                    r.expect("compile");
                }
                total
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_file(&path);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
