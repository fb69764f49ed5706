//! AOT compile time of a 10,000-line program: `snapshot::builder::build` (tree shaking,
//! compiling every reachable function, laying out code and metadata) plus writing the
//! ELF file, for a generated program whose `main` reaches every class and function. The
//! front end is outside the timed region (its throughput has its own benchmark).

#[allow(dead_code)]
mod common;

use common::Size;
use criterion::{criterion_group, criterion_main, Criterion};
use dartrs_vm::snapshot::{builder, elf, BuildOptions, Features, SnapshotMode};
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::Duration;

const LINES: usize = 10_000;

/// Classes and functions as in `common::mixed_program`, with a `main` that calls every
/// function and uses every class (so tree shaking keeps them all).
fn reachable_program(lines: usize) -> String {
    let mut out = String::from("int helper(int a, int b) => (a + b) % 7;\n\n");
    let mut calls = String::new();
    let mut i = 0;
    while out.lines().count() < lines {
        common::class(&mut out, i);
        common::function(&mut out, "s_", i, Size::Small);
        common::function(&mut out, "m_", i, Size::Medium);
        let _ = writeln!(calls, "  t += s_{i}(3, xs) + m_{i}(3, xs);");
        let _ = writeln!(calls, "  t += C{i}(1, 2.0).scaled(2).sum;");
        if i % 4 == 0 {
            common::function(&mut out, "l_", i, Size::Large);
            let _ = writeln!(calls, "  t += l_{i}(3, xs);");
        }
        i += 1;
    }
    out.push_str("void main() {\n  final xs = <int>[1, 2, 3];\n  var t = 0;\n");
    out.push_str(&calls);
    out.push_str("  print(t);\n}\n");
    out
}

fn bench(c: &mut Criterion) {
    let text = reachable_program(LINES);
    let path = common::write_temp("aot_compile.dart", &text);
    let (program, sources) = common::load(&path);
    let (program, sources) = (Arc::new(program), Arc::new(sources));
    let options = BuildOptions {
        features: Features {
            mode: SnapshotMode::Release,
            asserts: false,
        },
        trace_compiler: false,
    };
    let image = builder::build(program.clone(), sources.clone(), options).expect("build");
    let bytes = elf::write_elf(&image).expect("write the ELF file");
    eprintln!(
        "aot_compile: {} lines, snapshot {} KiB",
        text.lines().count(),
        bytes.len() / 1024
    );

    let mut group = c.benchmark_group("aot_compile");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("10k_lines", |b| {
        b.iter(|| {
            let image = builder::build(program.clone(), sources.clone(), options).expect("build");
            elf::write_elf(&image).expect("write the ELF file")
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
