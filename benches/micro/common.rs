//! Shared by the micro-benchmarks: generated Dart source and loading it into a program.

use dartrs_vm::front::diagnostics::Diagnostics;
use dartrs_vm::front::source::SourceMap;
use dartrs_vm::kernel::ir::Program;
use dartrs_vm::kernel::loader::{load_program, LoadOptions};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How big a generated function is: `Small` is one expression, `Medium` three loop
/// blocks (~30 lines), `Large` twelve (~110 lines).
#[derive(Clone, Copy, Debug)]
pub enum Size {
    Small,
    Medium,
    Large,
}

impl Size {
    pub fn name(self) -> &'static str {
        match self {
            Size::Small => "small",
            Size::Medium => "medium",
            Size::Large => "large",
        }
    }

    fn blocks(self) -> usize {
        match self {
            Size::Small => 0,
            Size::Medium => 3,
            Size::Large => 12,
        }
    }
}

/// One top-level function `<prefix><i>(int n, List<int> xs)`: loops, branches, list
/// indexing, arithmetic, string interpolation and a call.
pub fn function(out: &mut String, prefix: &str, i: usize, size: Size) {
    let _ = writeln!(out, "int {prefix}{i}(int n, List<int> xs) {{");
    if size.blocks() == 0 {
        let _ = writeln!(out, "  return n * {} + xs.length;", i + 1);
        let _ = writeln!(out, "}}\n");
        return;
    }
    let _ = writeln!(out, "  var acc = {i};");
    for b in 0..size.blocks() {
        let _ = writeln!(out, "  for (var j = 0; j < n; j++) {{");
        let _ = writeln!(out, "    if (j % {} == 0) {{", b + 2);
        let _ = writeln!(out, "      acc += xs[j % xs.length] * {};", b + 1);
        let _ = writeln!(out, "    }} else if (acc > {}) {{", 1000 * (b + 1));
        let _ = writeln!(out, "      acc = (acc ^ j) & 0xffffff;");
        let _ = writeln!(out, "    }} else {{");
        let _ = writeln!(out, "      acc = acc * 3 - j;");
        let _ = writeln!(out, "    }}");
        let _ = writeln!(out, "  }}");
        let _ = writeln!(out, "  final s{b} = 'v$acc:${{xs.length}}';");
        let _ = writeln!(out, "  acc += s{b}.length + helper(acc, {b});");
    }
    let _ = writeln!(out, "  return acc;");
    let _ = writeln!(out, "}}\n");
}

/// A class with fields, a constructor, a getter, methods and an override.
pub fn class(out: &mut String, i: usize) {
    let _ = writeln!(out, "class C{i} {{");
    let _ = writeln!(out, "  int x;");
    let _ = writeln!(out, "  double y;");
    let _ = writeln!(out, "  final List<int> items = <int>[];");
    let _ = writeln!(out, "  C{i}(this.x, this.y);");
    let _ = writeln!(out, "  int get sum => x + y.toInt() + items.length;");
    let _ = writeln!(out, "  C{i} scaled(int k) => C{i}(x * k, y * k);");
    let _ = writeln!(out, "  void add(int v) {{");
    let _ = writeln!(out, "    if (v > x) {{");
    let _ = writeln!(out, "      items.add(v - x);");
    let _ = writeln!(out, "    }} else {{");
    let _ = writeln!(out, "      items.add(v);");
    let _ = writeln!(out, "    }}");
    let _ = writeln!(out, "  }}");
    let _ = writeln!(out, "  @override");
    let _ = writeln!(
        out,
        "  String toString() => 'C{i}($x, $y, ${{items.length}})';"
    );
    let _ = writeln!(out, "}}\n");
}

const PRELUDE: &str = "int helper(int a, int b) => (a + b) % 7;\n\n";

/// A program with `counts[k]` functions of `sizes[k]` named `<size>_<i>` and a `main`
/// that calls one of each.
pub fn functions_program(groups: &[(Size, usize)]) -> String {
    let mut out = String::from(PRELUDE);
    for (size, n) in groups {
        for i in 0..*n {
            function(&mut out, &format!("{}_", size.name()), i, *size);
        }
    }
    out.push_str("void main() {\n  final xs = <int>[1, 2, 3];\n  var t = 0;\n");
    for (size, n) in groups {
        if *n > 0 {
            let _ = writeln!(out, "  t += {}_0(10, xs);", size.name());
        }
    }
    out.push_str("  print(t);\n}\n");
    out
}

/// A program of about `lines` lines: classes and functions of every size, interleaved.
pub fn mixed_program(lines: usize) -> String {
    let mut out = String::from(PRELUDE);
    let mut i = 0;
    while out.lines().count() < lines {
        class(&mut out, i);
        function(&mut out, "s_", i, Size::Small);
        function(&mut out, "m_", i, Size::Medium);
        if i % 4 == 0 {
            function(&mut out, "l_", i, Size::Large);
        }
        i += 1;
    }
    out.push_str("void main() {\n  final xs = <int>[1, 2, 3];\n");
    out.push_str("  print(m_0(10, xs) + C0(1, 2.0).scaled(3).sum);\n}\n");
    out
}

/// Writes `text` to a fresh file in the temporary directory.
pub fn write_temp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dartrs-micro-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a temporary directory");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write the generated program");
    path
}

/// Loads and resolves the program at `path`; panics with the diagnostics on errors.
pub fn load(path: &Path) -> (Program, SourceMap) {
    let mut sources = SourceMap::new();
    let mut diags = Diagnostics::new();
    let program = load_program(path, &LoadOptions::default(), &mut sources, &mut diags);
    match program {
        Some(p) if !diags.has_errors() => (p, sources),
        _ => panic!(
            "the generated program does not load:\n{}",
            diags.render(&sources)
        ),
    }
}
