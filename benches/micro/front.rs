//! Front-end throughput on a generated program of about 10,000 lines (classes and
//! functions of every size), in lines per second:
//!
//! - `front/parse`: lex + parse of the one file (`parse_compilation_unit`);
//! - `front/load`: `load_program`, i.e. reading, lexing and parsing the file *and
//!   `dart:core`*, then resolving everything into kernel IR. `dart:core`'s share is a
//!   constant; `front/load_core_only` measures it on a two-line program, so the
//!   difference is the cost of the 10,000 lines.

#[allow(dead_code)]
mod common;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dartrs_vm::front::diagnostics::Diagnostics;
use dartrs_vm::front::parser::parse_compilation_unit;
use dartrs_vm::front::source::SourceMap;
use std::hint::black_box;
use std::time::Duration;

const LINES: usize = 10_000;

fn bench(c: &mut Criterion) {
    let text = common::mixed_program(LINES);
    let lines = text.lines().count() as u64;
    let path = common::write_temp("front.dart", &text);
    let small = common::write_temp("front_small.dart", "void main() {\n}\n");
    // Check once that the program is valid, so the timings are of the successful path.
    let (program, _) = common::load(&path);
    eprintln!(
        "front: {lines} lines, {} bytes, {} functions after resolution",
        text.len(),
        program.functions.len()
    );

    let mut group = c.benchmark_group("front");
    group.throughput(Throughput::Elements(lines));
    group.bench_function("parse", |b| {
        let mut sources = SourceMap::new();
        let file = sources.add_virtual("front.dart", &text);
        b.iter(|| {
            let mut diags = Diagnostics::new();
            let unit = parse_compilation_unit(&sources, file, &mut diags);
            assert!(!diags.has_errors());
            black_box(unit)
        })
    });
    group.bench_function("load", |b| b.iter(|| black_box(common::load(&path))));
    group.finish();
    // No throughput here: two lines, almost all of the time is dart:core.
    c.bench_function("front/load_core_only", |b| {
        b.iter(|| black_box(common::load(&small)))
    });
    let _ = std::fs::remove_file(&path);
    let _ = std::fs::remove_file(&small);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
