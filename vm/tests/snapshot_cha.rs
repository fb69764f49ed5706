//! Class hierarchy analysis in AOT snapshots: which instance call sites the builder
//! compiled without dispatch (`SnapshotImage::call_sites`), and which it must keep
//! dynamic — a class implemented by another allocated class, a `noSuchMethod` override,
//! a subclass override, a field overridden by a getter. The corpus programs in
//! `tests/language/devirtualization/` check that the compiled code computes the same
//! results as dispatch.

use dartrs_vm::driver::{build_snapshot, AotOptions};
use dartrs_vm::snapshot::builder::CallSite;
use dartrs_vm::snapshot::SnapshotMode;

fn call_sites(test: &str, source: &str) -> Vec<CallSite> {
    let dir = std::env::temp_dir().join(format!("dartrs-cha-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("app.dart");
    std::fs::write(&script, source).expect("write program");
    let options = AotOptions {
        packages: None,
        enable_asserts: false,
        mode: SnapshotMode::Release,
        trace_compiler: false,
        print_snapshot_sizes: false,
        analyze_size: None,
    };
    let Ok((_, image, _)) = build_snapshot(&script, &options) else {
        panic!("the program compiles");
    };
    let _ = std::fs::remove_dir_all(&dir);
    image.call_sites
}

/// How the sites calling `selector` on receivers of class `receiver` were compiled
/// (sorted, duplicates removed).
fn compiled(sites: &[CallSite], receiver: &str, selector: &str) -> Vec<String> {
    let mut out: Vec<String> = sites
        .iter()
        .filter(|s| s.receiver == receiver && s.selector == selector)
        .map(|s| s.compiled_as.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

const SINGLE: &str = r#"
class Point {
  int x;
  final int y;
  Point(this.x, this.y);
  int sum() => x + y;
  int get ex => x;
  int get seven => 7;
}

abstract class Shape { int area(); }
class Square extends Shape {
  final int side;
  Square(this.side);
  int area() => side * side;
}

void main() {
  final p = Point(1, 2);
  p.x = 5;
  Shape s = Square(3);
  print(p.sum() + p.x + p.y + p.ex + p.seven + s.area());
}
"#;

#[test]
fn single_implementations_are_called_directly_and_leaves_inlined() {
    let sites = call_sites("single", SINGLE);
    assert_eq!(compiled(&sites, "Point", "sum"), ["call Point.sum"]);
    assert_eq!(compiled(&sites, "Point", "set:x"), ["store slot 0"]);
    assert_eq!(compiled(&sites, "Point", "get:x"), ["load slot 0"]);
    assert_eq!(compiled(&sites, "Point", "get:y"), ["load slot 1"]);
    // A getter returning a field, and one returning a constant.
    assert_eq!(compiled(&sites, "Point", "get:ex"), ["load slot 0"]);
    assert_eq!(compiled(&sites, "Point", "get:seven"), ["constant"]);
    // The only allocated subclass of an abstract class.
    assert_eq!(compiled(&sites, "Shape", "area"), ["call Square.area"]);
}

const CONSERVATIVE: &str = r#"
class Animal {
  String sound() => 'generic';
  int legs = 4;
  String kind() => 'animal';
}
class Robot implements Animal {
  String sound() => 'beep';
  int get legs => 0;
  set legs(int v) {}
  String kind() => 'robot';
}
class Dog extends Animal {
  String sound() => 'woof';
}
class Ghost implements Animal {
  dynamic noSuchMethod(Invocation i) => 'boo';
}
class Lonely {
  String hello(String who) => 'hi ' + who;
  dynamic noSuchMethod(Invocation i) => 'nsm';
}
class Override {
  String m() => 'base';
}
class Late extends Override {
  String m() => 'sub';
}

void main() {
  final List<Animal> all = [Animal(), Robot(), Dog()];
  for (final a in all) print('${a.sound()} ${a.legs}');
  Animal g = Ghost();
  print(g.kind());
  final Lonely l = Lonely();
  print(l.hello('you'));
  Override o = Override();
  print(o.m());
  print(Late().m());
}
"#;

#[test]
fn calls_with_several_possible_targets_stay_dynamic() {
    let sites = call_sites("conservative", CONSERVATIVE);
    // Implemented by Robot, overridden by Dog.
    assert_eq!(compiled(&sites, "Animal", "sound"), ["dynamic"]);
    // A field in Animal, a getter in Robot.
    assert_eq!(compiled(&sites, "Animal", "get:legs"), ["dynamic"]);
    // Ghost has no `kind`: dispatch ends in its noSuchMethod.
    assert_eq!(compiled(&sites, "Animal", "kind"), ["dynamic"]);
    // A noSuchMethod override does not stop a member the class has from being direct.
    assert_eq!(compiled(&sites, "Lonely", "hello"), ["call Lonely.hello"]);
    // A subclass allocated anywhere in the program overrides the method.
    assert_eq!(compiled(&sites, "Override", "m"), ["dynamic"]);
}
