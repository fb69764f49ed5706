//! Resolver tests: multi-file fixtures under `tests/kernel/`, golden diagnostics in the
//! Dart front end's format, and IR snapshots of small programs.

use dartrs_vm::front::diagnostics::Diagnostics;
use dartrs_vm::front::source::SourceMap;
use dartrs_vm::kernel::{dump, ir, load_program, LoadOptions};
use std::path::Path;

/// Loads a fixture (path relative to the crate) and returns the program and the
/// rendered diagnostics.
fn load(path: &str) -> (Option<ir::Program>, String) {
    let mut sources = SourceMap::new();
    let mut diags = Diagnostics::new();
    let program = load_program(Path::new(path), &LoadOptions::default(), &mut sources, &mut diags);
    (program, diags.render(&sources))
}

fn load_ok(path: &str) -> ir::Program {
    let (p, d) = load(path);
    assert_eq!(d, "", "unexpected diagnostics");
    p.expect("program")
}

#[test]
fn hello_world_resolves() {
    let p = load_ok("tests/kernel/hello/main.dart");
    let main = p.main.expect("main");
    assert_eq!(p.function(main).qualified_name, "main");
    insta::assert_snapshot!(dump::dump_program(&p));
}

/// `DARTRS_DUMP_CORE=path cargo test dump_core` writes the lowered core libraries there.
#[test]
fn dump_core_when_asked() {
    let Ok(out) = std::env::var("DARTRS_DUMP_CORE") else {
        return;
    };
    let p = load_ok("tests/kernel/hello/main.dart");
    std::fs::write(out, dump::dump_all(&p)).expect("write dump");
}

/// Prints the rendered diagnostics of every error fixture (for writing goldens).
#[test]
fn print_error_fixtures_when_asked() {
    if std::env::var("DARTRS_PRINT_ERRORS").is_err() {
        return;
    }
    let mut names: Vec<_> = std::fs::read_dir("tests/kernel/errors").expect("dir").flatten().map(|e| e.path()).collect();
    names.sort();
    for path in names {
        let (_, d) = load(path.to_str().expect("utf8"));
        println!("=== {}\n{d}", path.display());
    }
}

#[test]
fn imports_prefixes_parts_cycles_and_packages() {
    let p = load_ok("tests/kernel/imports/main.dart");
    insta::assert_snapshot!(dump::dump_program(&p));
}

#[test]
fn show_and_hide_restrict_imported_names() {
    let (p, d) = load("tests/kernel/imports/hidden.dart");
    assert!(p.is_none());
    assert_eq!(
        d,
        "tests/kernel/imports/hidden.dart:5:9: Error: Method not found: 'secret'.
  print(secret());
        ^^^^^^
tests/kernel/imports/hidden.dart:6:9: Error: Method not found: 'Circle'.
  print(Circle());
        ^^^^^^
"
    );
}

#[test]
fn platform_libraries_resolve() {
    load_ok("tests/kernel/imports/platform.dart");
}

/// The IR of the main library of a lowering fixture.
fn lowered(name: &str) -> String {
    let p = load_ok(&format!("tests/kernel/lowering/{name}.dart"));
    dump::dump_program(&p)
}

#[test]
fn lowering_closures() {
    insta::assert_snapshot!(lowered("closures"));
}

#[test]
fn lowering_sugar() {
    insta::assert_snapshot!(lowered("sugar"));
}

#[test]
fn lowering_classes() {
    insta::assert_snapshot!(lowered("classes"));
}

#[test]
fn lowering_control_flow() {
    insta::assert_snapshot!(lowered("control"));
}
