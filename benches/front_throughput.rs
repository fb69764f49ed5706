//! Front-end throughput: generates a large, realistic Dart program (~100k lines of
//! classes, methods, loops, string interpolation, collections, patterns) and reports
//! lexing and lex+parse speed in lines per second, as the median of several runs.
//!
//! Run with `cargo bench --bench front_throughput`.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use dartrs_vm::front::diagnostics::Diagnostics;
use dartrs_vm::front::lexer;
use dartrs_vm::front::parser::parse_compilation_unit;
use dartrs_vm::front::source::{FileId, SourceMap};

/// Counts heap allocations, so the report can show how allocation-heavy parsing is.
struct Counting;

static ALLOCATIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static BYTES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
/// Counting is switched on only for the one measured parse, so the timed runs pay
/// nothing but a relaxed load per allocation.
static COUNTING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn count(bytes: usize) {
    if COUNTING.load(std::sync::atomic::Ordering::Relaxed) {
        ALLOCATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        BYTES.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed);
    }
}

unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { std::alloc::System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from `alloc` above with this layout.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { std::alloc::System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const TARGET_LINES: usize = 100_000;
const RUNS: usize = 9;

/// One block of varied, idiomatic code; `i` keeps names distinct across copies.
fn unit(out: &mut String, i: usize) {
    let _ = write!(
        out,
        r#"/// A shape with an id, generated copy {i}.
abstract class Shape{i} implements Comparable<Shape{i}> {{
  final String name;
  final List<double> sides;
  static int created = 0;

  Shape{i}(this.name, {{List<double>? sides}}) : sides = sides ?? const [] {{
    created++;
  }}

  double get area;

  double perimeter() {{
    var total = 0.0;
    for (var i = 0; i < sides.length; i++) {{
      total += sides[i];
    }}
    return total;
  }}

  @override
  int compareTo(Shape{i} other) => area.compareTo(other.area);

  @override
  String toString() => 'Shape{i}($name, area: ${{area.toStringAsFixed(2)}}, sides: ${{sides.length}})';
}}

class Rect{i} extends Shape{i} {{
  final double width, height;
  Rect{i}(this.width, this.height) : super('rect', sides: [width, height, width, height]);

  @override
  double get area => width * height;

  Map<String, Object?> toJson() => {{
        'kind': 'rect',
        'width': width,
        'height': height,
        if (width == height) 'square': true,
        for (final s in sides) 'side${{sides.indexOf(s)}}': s,
      }};
}}

String describe{i}(Object? value) => switch (value) {{
      null => 'nothing',
      int n when n < 0 => 'negative $n',
      Rect{i}(:final width, :final height) => 'rect ${{width}}x$height',
      [var first, ...] => 'list starting with $first',
      _ => 'something else',
    }};

Future<int> process{i}(List<Shape{i}> shapes, {{int limit = 10}}) async {{
  final byName = <String, List<Shape{i}>>{{}};
  var count = 0;
  for (final shape in shapes) {{
    byName.putIfAbsent(shape.name, () => []).add(shape);
    if (count++ > limit) break;
  }}
  final sorted = shapes.where((s) => s.area > 1.0).toList()..sort();
  try {{
    await Future<void>.delayed(Duration.zero);
  }} on StateError catch (e) {{
    print('error: $e');
  }}
  return sorted.length + byName.length * 2 - (count ~/ 3);
}}

"#
    );
}

/// CPU time used by this process (all threads, user + system). During a parse only the
/// parser thread runs, so this is the parse's cost on one core, unaffected by other
/// processes competing for the machine (which wall-clock time is not).
fn cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe {
        libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts);
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn generate() -> String {
    let mut src = String::with_capacity(TARGET_LINES * 40);
    src.push_str("import 'dart:async';\nimport 'dart:math' as math;\n\n");
    let mut i = 0;
    while src.lines().count() < TARGET_LINES {
        // Counting lines is slow; add many units between checks.
        for _ in 0..100 {
            unit(&mut src, i);
            i += 1;
        }
    }
    src
}

/// Median and best of the runs (the best shows the cost without interference from
/// other processes on a shared machine).
fn median_and_best(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[0])
}

fn main() {
    let src = generate();
    let lines = src.lines().count();
    println!(
        "front_throughput: {} lines, {:.1} MiB of Dart",
        lines,
        src.len() as f64 / (1 << 20) as f64
    );

    let mut sources = SourceMap::new();
    let file = sources.add_virtual("bench.dart", &src);

    // Sanity: the generated program must be valid Dart as far as the parser knows.
    let mut diags = Diagnostics::new();
    COUNTING.store(true, std::sync::atomic::Ordering::Relaxed);
    let unit = parse_compilation_unit(&sources, file, &mut diags);
    COUNTING.store(false, std::sync::atomic::Ordering::Relaxed);
    let allocs = ALLOCATIONS.load(std::sync::atomic::Ordering::Relaxed);
    let bytes = BYTES.load(std::sync::atomic::Ordering::Relaxed);
    assert!(
        diags.items.is_empty(),
        "generated program has errors:\n{}",
        diags.render(&sources)
    );
    println!(
        "  {} top-level declarations, {} heap allocations ({:.1} per line, {:.1} MiB)",
        unit.declarations.len(),
        allocs,
        allocs as f64 / lines as f64,
        bytes as f64 / (1 << 20) as f64
    );
    drop(unit);

    let mut lex_times = Vec::new();
    let mut parse_times = Vec::new();
    let mut parse_cpu = Vec::new();
    for _ in 0..RUNS {
        let mut d = Diagnostics::new();
        let t = Instant::now();
        let out = lexer::lex(&src, FileId(0), &mut d);
        lex_times.push(t.elapsed());
        std::hint::black_box(out);

        let mut d = Diagnostics::new();
        let (t, c) = (Instant::now(), cpu_time());
        let unit = parse_compilation_unit(&sources, file, &mut d);
        parse_times.push(t.elapsed());
        parse_cpu.push(cpu_time().saturating_sub(c));
        std::hint::black_box(unit);
    }
    let rate = |d: Duration| lines as f64 / d.as_secs_f64();
    let report = |what: &str, times: Vec<Duration>| {
        let (median, best) = median_and_best(times);
        println!(
            "  {what:<22} {:>8.2} ms  {:>10.0} lines/s  (median of {RUNS}; best {:.0} lines/s)",
            median.as_secs_f64() * 1e3,
            rate(median),
            rate(best)
        );
    };
    report("lex only, wall:", lex_times);
    report("lex + parse, wall:", parse_times);
    report("lex + parse, CPU:", parse_cpu);
    resolve_throughput(&src, lines);
}

/// Loading and resolving the same program from disk (imports of the embedded core
/// libraries included): the whole front end up to the kernel IR, as `dartrs run` does it.
fn resolve_throughput(src: &str, lines: usize) {
    let dir = std::env::temp_dir().join(format!("dartrs-front-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bench.dart");
    // The resolver does not accept async functions yet: resolve a synchronous variant.
    let sync_src = src
        .replace(") async {", ") {")
        .replace("await ", "")
        .replace("Future<int> process", "int process")
        .replace("Future<void>.delayed(Duration.zero);", "Duration.zero;");
    let program = format!("{sync_src}\nvoid main() {{}}\n");
    if let Err(e) = std::fs::write(&path, program) {
        println!("  resolve: cannot write {}: {e}", path.display());
        return;
    }
    let options = dartrs_vm::kernel::LoadOptions::default();
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..RUNS {
        let mut sources = SourceMap::new();
        let mut diags = Diagnostics::new();
        let (t, c) = (Instant::now(), cpu_time());
        let program = dartrs_vm::kernel::load_program(&path, &options, &mut sources, &mut diags);
        times.push(t.elapsed());
        cpu.push(cpu_time().saturating_sub(c));
        if program.is_none() || diags.has_errors() {
            let report = diags.render(&sources);
            let first: Vec<&str> = report.lines().take(6).collect();
            println!(
                "  resolve: the generated program does not resolve ({} errors), not measured:",
                diags.error_count()
            );
            println!("    {}", first.join("\n    "));
            let _ = std::fs::remove_dir_all(&dir);
            return;
        }
        std::hint::black_box(program);
    }
    let _ = std::fs::remove_dir_all(&dir);
    for (what, times) in [
        ("load + parse + resolve, wall:", times),
        ("load + parse + resolve, CPU:", cpu),
    ] {
        let (median, best) = median_and_best(times);
        println!(
            "  {what:<30} {:>8.2} ms  {:>10.0} lines/s  (median of {RUNS}; best {:.0} lines/s)",
            median.as_secs_f64() * 1e3,
            lines as f64 / median.as_secs_f64(),
            lines as f64 / best.as_secs_f64()
        );
    }
}
