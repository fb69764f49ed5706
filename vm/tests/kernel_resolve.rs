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
    let program = load_program(
        Path::new(path),
        &LoadOptions::default(),
        &mut sources,
        &mut diags,
    );
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
    let mut names: Vec<_> = std::fs::read_dir("tests/kernel/errors")
        .expect("dir")
        .flatten()
        .map(|e| e.path())
        .collect();
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

#[test]
fn lowering_records() {
    insta::assert_snapshot!(lowered("records"));
}

// Golden diagnostics, one fixture per error kind (texts as the Dart front end words them).

#[test]
fn error_() {
    assert_eq!(
        load("tests/kernel/errors/amb").1,
        "tests/kernel/errors/amb:1:1: Error: Error when reading 'tests/kernel/errors/amb': No such file or directory
"
    );
}

#[test]
fn error_ambiguous_import() {
    assert_eq!(
        load("tests/kernel/errors/ambiguous_import.dart").1,
        "tests/kernel/errors/ambiguous_import.dart:5:9: Error: 'shared' is imported from both 'tests/kernel/errors/amb/a.dart' and 'tests/kernel/errors/amb/b.dart'.
  print(shared());
        ^^^^^^
"
    );
}

#[test]
fn error_arg_count() {
    assert_eq!(
        load("tests/kernel/errors/arg_count.dart").1,
        "tests/kernel/errors/arg_count.dart:5:6: Error: Too many positional arguments: 1 allowed, but 2 found.
Try removing the extra positional arguments.
  add(1, 2);
     ^
tests/kernel/errors/arg_count.dart:6:6: Error: Too few positional arguments: 1 required, 0 given.
  add();
     ^
tests/kernel/errors/arg_count.dart:7:8: Error: Required named parameter 'x' must be provided.
  named();
       ^
tests/kernel/errors/arg_count.dart:8:15: Error: No named parameter with the name 'y'.
  named(x: 1, y: 2);
              ^
"
    );
}

#[test]
fn error_assign_final() {
    assert_eq!(
        load("tests/kernel/errors/assign_final.dart").1,
        "tests/kernel/errors/assign_final.dart:5:3: Error: Can't assign to the final variable 'x'.
  x = 2;
  ^
tests/kernel/errors/assign_final.dart:7:3: Error: Can't assign to the const variable 'y'.
  y += 1;
  ^
"
    );
}

#[test]
fn error_await_sync() {
    assert_eq!(
        load("tests/kernel/errors/await_sync.dart").1,
        "tests/kernel/errors/await_sync.dart:4:11: Error: 'await' can only be used in 'async' or 'async*' methods.
  var x = await f();
          ^^^^^
"
    );
}

#[test]
fn error_duplicate() {
    assert_eq!(
        load("tests/kernel/errors/duplicate.dart").1,
        "tests/kernel/errors/duplicate.dart:8:6: Error: 'f' is already declared in this scope.
void f() {}
     ^
tests/kernel/errors/duplicate.dart:7:6: Context: Previous declaration of 'f'.
void f() {}
     ^
tests/kernel/errors/duplicate.dart:3:7: Error: 'a' is already declared in this scope.
  var a = 2;
      ^
tests/kernel/errors/duplicate.dart:2:7: Context: Previous declaration of 'a'.
  var a = 1;
      ^
"
    );
}

#[test]
fn error_misc() {
    assert_eq!(
        load("tests/kernel/errors/misc.dart").1,
        "tests/kernel/errors/misc.dart:8:3: Error: The superclass, 'Base', has no unnamed constructor that takes no arguments.
  Derived();
  ^^^^^^^
tests/kernel/errors/misc.dart:12:3: Error: The class 'Shape' is abstract and can't be instantiated.
  Shape();
  ^^^^^
tests/kernel/errors/misc.dart:13:3: Error: Type 'Unknown' not found.
  Unknown u;
  ^^^^^^^
tests/kernel/errors/misc.dart:14:9: Error: The integer literal 9223372036854775808 can't be represented in 64 bits.
Try using the BigInt class if you need an integer larger than 9,223,372,036,854,775,807 or less than -9,223,372,036,854,775,808.
  print(9223372036854775808);
        ^^^^^^^^^^^^^^^^^^^
tests/kernel/errors/misc.dart:16:9: Error: Local variable 'y' can't be referenced before it is declared.
  print(y);
        ^
tests/kernel/errors/misc.dart:18:3: Error: A break statement can't be used outside of a loop or switch statement.
Try removing the break statement.
  break;
  ^^^^^
"
    );
}

#[test]
fn error_missing_import() {
    assert_eq!(
        load("tests/kernel/errors/missing_import.dart").1,
        "tests/kernel/errors/missing_import.dart:1:8: Error: Error when reading 'tests/kernel/errors/does_not_exist.dart': No such file or directory
import 'does_not_exist.dart';
       ^^^^^^^^^^^^^^^^^^^^^
"
    );
}

#[test]
fn error_no_main() {
    assert_eq!(
        load("tests/kernel/errors/no_main.dart").1,
        "tests/kernel/errors/no_main.dart:2:1: Error: No 'main' method found.
Try adding a method named 'main' to your program.
"
    );
}

#[test]
fn error_nullable() {
    assert_eq!(
        load("tests/kernel/errors/nullable.dart").1,
        "tests/kernel/errors/nullable.dart:1:25: Error: Property 'length' cannot be accessed on 'String?' because it is potentially null.
Try accessing using ?. instead.
int len(String? s) => s.length;
                        ^^^^^^
tests/kernel/errors/nullable.dart:2:27: Error: Method 'toUpperCase' cannot be called on 'String?' because it is potentially null.
Try calling using ?. instead.
String up(String? s) => s.toUpperCase();
                          ^^^^^^^^^^^
tests/kernel/errors/nullable.dart:3:22: Error: Operator '+' cannot be called on 'int?' because it is potentially null.
int add(int? a) => a + 1;
                     ^
"
    );
}

#[test]
fn error_undefined_member() {
    assert_eq!(
        load("tests/kernel/errors/undefined_member.dart").1,
        "tests/kernel/errors/undefined_member.dart:6:9: Error: The method 'foo' isn't defined for the class 'Bar'.
 - 'Bar' is from 'tests/kernel/errors/undefined_member.dart'.
Try correcting the name to the name of an existing method, or defining a method named 'foo'.
  Bar().foo();
        ^^^
tests/kernel/errors/undefined_member.dart:7:15: Error: The getter 'lenght' isn't defined for the class 'Bar'.
 - 'Bar' is from 'tests/kernel/errors/undefined_member.dart'.
Try correcting the name to the name of an existing getter, or defining a getter or field named 'lenght'.
  print(Bar().lenght);
              ^^^^^^
tests/kernel/errors/undefined_member.dart:8:9: Error: The setter 'size' isn't defined for the class 'Bar'.
 - 'Bar' is from 'tests/kernel/errors/undefined_member.dart'.
Try correcting the name to the name of an existing setter, or defining a setter or field named 'size'.
  Bar().size = 3;
        ^^^^
tests/kernel/errors/undefined_member.dart:9:15: Error: The operator '+' isn't defined for the class 'Bar'.
 - 'Bar' is from 'tests/kernel/errors/undefined_member.dart'.
Try correcting the operator to an existing operator, or defining a '+' operator.
  print(Bar() + 1);
              ^
"
    );
}

#[test]
fn error_undefined_name() {
    assert_eq!(
        load("tests/kernel/errors/undefined_name.dart").1,
        "tests/kernel/errors/undefined_name.dart:2:9: Error: Undefined name 'x'.
  print(x);
        ^
"
    );
}

#[test]
fn error_unsupported() {
    assert_eq!(
        load("tests/kernel/errors/unsupported.dart").1,
        "tests/kernel/errors/unsupported.dart:3:16: Error: dartrs does not support tear-offs of extension type constructors yet.
  final make = Id.new;
               ^^^^^^
"
    );
}

#[test]
fn error_records() {
    assert_eq!(
        load("tests/kernel/errors/records.dart").1,
        "tests/kernel/errors/records.dart:1:31: Error: Property '$1' cannot be accessed on '(int, int)?' because it is potentially null.
Try accessing using ?. instead.
int first((int, int)? p) => p.$1;
                              ^^
tests/kernel/errors/records.dart:5:11: Error: The getter '$3' isn't defined for the type '(int, {int a})'.
Try correcting the name to the name of an existing getter, or defining a getter or field named '$3'.
  print(r.$3);
          ^^
tests/kernel/errors/records.dart:6:5: Error: The method 'foo' isn't defined for the type '(int, {int a})'.
Try correcting the name to the name of an existing method, or defining a method named 'foo'.
  r.foo();
    ^^^
tests/kernel/errors/records.dart:7:18: Error: Duplicated field name 'a' in record literal.
  var d = (a: 1, a: 2);
                 ^
tests/kernel/errors/records.dart:8:12: Error: Record field names can't be private.
  var e = (_x: 1, hashCode: 2, $1: 3, 4);
           ^^
tests/kernel/errors/records.dart:8:19: Error: Record field names can't be the same as a member from 'Object'.
  var e = (_x: 1, hashCode: 2, $1: 3, 4);
                  ^^^^^^^^
tests/kernel/errors/records.dart:8:32: Error: Record field names can't be a dollar sign followed by an integer when integer is the index of a positional field.
  var e = (_x: 1, hashCode: 2, $1: 3, 4);
                               ^^
tests/kernel/errors/records.dart:9:17: Error: Record field names can't be private.
  (int, {String _p}) t;
                ^^
"
    );
}

/// Every Dart file the test suites have (parser corpus, diagnostics cases, our fixtures)
/// goes through loading and resolution without panicking, whatever it reports.
#[test]
fn resolver_never_panics_on_test_sources() {
    let mut files = Vec::new();
    for dir in ["tests/parser", "tests/diagnostics", "tests/kernel"] {
        collect_dart_files(Path::new(dir), &mut files);
    }
    assert!(files.len() > 20, "found only {} files", files.len());
    for f in files {
        let path = f.to_string_lossy().to_string();
        let result = std::panic::catch_unwind(|| load(&path));
        assert!(result.is_ok(), "resolver panicked on {path}");
    }
}

fn collect_dart_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_dart_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "dart") {
            out.push(p);
        }
    }
}

/// `DARTRS_PRINT_DIR=dir` prints the diagnostics of every file in `dir` (for review).
#[test]
fn print_dir_when_asked() {
    let Ok(dir) = std::env::var("DARTRS_PRINT_DIR") else {
        return;
    };
    let mut files = Vec::new();
    collect_dart_files(Path::new(&dir), &mut files);
    files.sort();
    for f in files {
        let (_, d) = load(&f.to_string_lossy());
        println!("=== {}\n{d}", f.display());
    }
}

/// Valid programs (all of them run correctly on the JIT) resolve without diagnostics.
#[test]
fn valid_programs_have_no_false_errors() {
    let mut files = Vec::new();
    collect_dart_files(Path::new("tests/kernel/programs"), &mut files);
    assert!(files.len() >= 4);
    for f in files {
        let (p, d) = load(&f.to_string_lossy());
        assert_eq!(d, "", "diagnostics for {}", f.display());
        assert!(p.is_some());
    }
}

/// `DARTRS_DUMP=file.dart` prints that program's IR (for review).
#[test]
fn dump_when_asked() {
    let Ok(path) = std::env::var("DARTRS_DUMP") else {
        return;
    };
    let (p, d) = load(&path);
    println!("{d}");
    if let Some(p) = p {
        println!("{}", dump::dump_program(&p));
    }
}

#[test]
fn lowering_literal_context_types() {
    insta::assert_snapshot!(lowered("inference"));
}

/// A machine-generated long expression (a 3000-deep `+` chain) resolves on the loader's
/// own large stack, whatever the caller's stack size.
#[test]
fn deep_expressions_do_not_overflow_the_stack() {
    let dir = std::env::temp_dir().join(format!("dartrs-deep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("deep.dart");
    let sum = vec!["1"; 3000].join(" + ");
    std::fs::write(&file, format!("void main() {{\n  print({sum});\n}}\n")).expect("write");
    let (p, d) = load(&file.to_string_lossy());
    assert_eq!(d, "");
    assert!(p.is_some());
    let _ = std::fs::remove_dir_all(&dir);
}
