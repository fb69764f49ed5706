//! Pause of one full collection (`Isolate::collect`) for a given amount of live data:
//! a linked list of nodes built with `Isolate::allocate` and rooted through
//! `iso.handles`. Each node is a two-element `Array` (next, payload) of 5 words plus a
//! boxed double payload of 2 words: 56 bytes, two objects, two pointers.
//!
//! Nothing dies between collections, so every collection copies the whole live heap
//! (the semispace collector's worst case, and its pause for that heap size).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dartrs_vm::front::source::SourceMap;
use dartrs_vm::kernel::ir::Program;
use dartrs_vm::runtime::isolate::{Isolate, IsolateOptions};
use dartrs_vm::runtime::layout::array_element_slot;
use dartrs_vm::runtime::lists::new_array;
use dartrs_vm::runtime::object::{Value, CID_ARRAY, CID_DOUBLE};
use std::sync::Arc;
use std::time::{Duration, Instant};

const NODE_BYTES: usize = 56;
const LIVE_MIB: [usize; 3] = [1, 8, 64];

/// An isolate with a program of just `main`, nothing compiled.
fn isolate() -> Box<Isolate> {
    let mut sources = SourceMap::new();
    let mut diags = dartrs_vm::front::diagnostics::Diagnostics::new();
    let dir = std::env::temp_dir().join(format!("dartrs-micro-gc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let path = dir.join("main.dart");
    std::fs::write(&path, "void main() {}\n").expect("write main.dart");
    let program: Program = dartrs_vm::kernel::loader::load_program(
        &path,
        &Default::default(),
        &mut sources,
        &mut diags,
    )
    .expect("load main.dart");
    let _ = std::fs::remove_dir_all(&dir);
    Isolate::new(
        Arc::new(program),
        Arc::new(sources),
        IsolateOptions::default(),
    )
    .expect("create an isolate")
}

/// Builds a list of `nodes` nodes rooted in a new handle; returns the handle's index.
fn build_list(iso: &mut Isolate, nodes: usize) -> usize {
    let root = iso.handles.len();
    iso.handles.push(iso.null().0);
    for i in 0..nodes {
        // Any allocation may move the list: keep the new node in a handle while the
        // payload is allocated, and read the head from its handle afterwards.
        let node = new_array(iso, CID_ARRAY, 2);
        // SAFETY: a fresh array of two elements.
        unsafe { node.set_slot(array_element_slot(0), iso.handles[root]) };
        iso.handles[root] = node.0;
        let payload = iso.allocate(CID_DOUBLE, 2);
        // SAFETY: a boxed double has one raw word; the head node has two elements.
        unsafe {
            payload.set_slot(0, (i as f64).to_bits());
            Value(iso.handles[root]).set_slot(array_element_slot(1), payload.0);
        }
    }
    root
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("gc_pause");
    for mib in LIVE_MIB {
        let live = mib << 20;
        let mut iso = isolate();
        let _root = build_list(&mut iso, live / NODE_BYTES);
        // Settle the semispace size for this live heap before measuring.
        iso.collect(0);
        iso.collect(0);
        eprintln!(
            "gc_pause/{mib}MiB: {} KiB live, semispace {} KiB",
            iso.heap.used_bytes() / 1024,
            iso.heap.capacity_bytes() / 1024
        );
        group.throughput(Throughput::Bytes(iso.heap.used_bytes() as u64));
        group.sample_size(if mib >= 8 { 10 } else { 30 });
        group.bench_with_input(
            BenchmarkId::new("live", format!("{mib}MiB")),
            &mib,
            |b, _| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let started = Instant::now();
                        iso.collect(0);
                        total += started.elapsed();
                    }
                    total
                })
            },
        );
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
