//! Matching, validation and layout planning of reloads on small programs.

use super::*;
use crate::front::diagnostics::Diagnostics;
use crate::front::source::SourceMap;
use crate::kernel::{load_program, LoadOptions};

/// Resolves `text` as `main.dart` in a fresh directory, loading into `sources`.
fn resolve(dir: &std::path::Path, text: &str, sources: &mut SourceMap) -> Program {
    let path = dir.join("main.dart");
    std::fs::write(&path, text).expect("write fixture");
    let mut diags = Diagnostics::new();
    let p = load_program(&path, &LoadOptions::default(), sources, &mut diags);
    assert!(!diags.has_errors(), "{}", diags.render(sources));
    p.expect("program")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dartrs-reload-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Plans a reload from `before` to `after`; returns the old program, the plan result
/// and the entry count used.
fn plan(name: &str, before: &str, after: &str) -> (Program, Result<ReloadPlan, Rejection>) {
    let dir = temp_dir(name);
    let mut sources = SourceMap::new();
    let old = resolve(&dir, before, &mut sources);
    let mut reload_sources = sources.for_reload();
    let new = resolve(&dir, after, &mut reload_sources);
    let entries = old.functions.len() as u32 + 3;
    let result = plan_reload(&old, new, entries);
    let _ = std::fs::remove_dir_all(&dir);
    (old, result)
}

fn find_function(p: &Program, qualified: &str) -> FunctionId {
    let i = p
        .functions
        .iter()
        .position(|f| f.qualified_name == qualified)
        .unwrap_or_else(|| panic!("no function {qualified}"));
    FunctionId(i as u32)
}

#[test]
fn surviving_declarations_keep_their_ids_and_new_ones_follow_the_entries() {
    let before =
        "class A { int f() => 1; }\nint g() => 2;\nvoid main() { print(A().f() + g()); }\n";
    let after = "class A { int f() => 10; int h() => 3; }\nint g() => 20;\nvoid main() { print(A().f() + g()); }\n";
    let (old, result) = plan("ids", before, after);
    let plan = result.expect("accepted");
    let mut merged = old.clone();
    let entries = old.functions.len() as u32 + 3;
    plan.apply(&mut merged);
    for name in ["A.f", "g", "main"] {
        assert_eq!(
            find_function(&old, name),
            find_function(&merged, name),
            "{name}"
        );
    }
    let h = find_function(&merged, "A.h");
    assert!(
        h.0 >= entries,
        "new function {h:?} must not collide with synthetic entries"
    );
    assert_eq!(
        merged.functions[old.functions.len()].qualified_name,
        "<synthetic entry>"
    );
    let a = merged.classes.iter().position(|c| c.name.as_str() == "A");
    assert_eq!(a, old.classes.iter().position(|c| c.name.as_str() == "A"));
    let a = &merged.classes[a.expect("A")];
    assert!(a.methods.contains(&h), "the class lists the added method");
}

#[test]
fn changed_signature_makes_a_new_function_and_keeps_the_old_one() {
    let before = "int g(int a) => a;\nvoid main() { print(g(1)); }\n";
    let after = "int g(int a, int b) => a + b;\nvoid main() { print(g(1, 2)); }\n";
    let (old, result) = plan("signature", before, after);
    let mut merged = old.clone();
    result.expect("accepted").apply(&mut merged);
    let old_g = find_function(&old, "g");
    assert_eq!(merged.function(old_g).params.required_positional, 1);
    let library = merged
        .libraries
        .iter()
        .find(|l| l.uri.ends_with("main.dart"))
        .expect("root library");
    let new_g = library
        .functions
        .iter()
        .copied()
        .find(|&f| merged.function(f).qualified_name == "g")
        .expect("g listed");
    assert_ne!(new_g, old_g);
    assert_eq!(merged.function(new_g).params.required_positional, 2);
}

#[test]
fn replaced_user_functions_are_reset_core_ones_are_not() {
    let (old, result) = plan(
        "reset",
        "void main() { print(1); }\n",
        "void main() { print(2); }\n",
    );
    let plan = result.expect("accepted");
    let main = find_function(&old, "main");
    assert!(plan.reset.contains(&main));
    assert!(plan
        .reset
        .iter()
        .all(|f| !old.libraries[old.function(*f).library.index()]
            .uri
            .starts_with("dart:")));
}

#[test]
fn enum_to_class_is_rejected_with_the_vm_text() {
    let (_, result) = plan(
        "enum",
        "enum Fruit { apple }\nvoid main() { print(Fruit.apple); }\n",
        "class Fruit { final int zero = 0; }\nvoid main() { print(Fruit()); }\n",
    );
    let Rejection(text) = result.expect_err("rejected");
    assert!(
        text.starts_with("Enum class cannot be redefined to be a non-enum class: Library:'file://"),
        "{text}"
    );
    assert!(text.ends_with("main.dart' Class: Fruit"), "{text}");
}

#[test]
fn class_to_enum_and_type_parameter_changes_are_rejected() {
    let (_, result) = plan(
        "toenum",
        "class Fruit {}\nvoid main() {}\n",
        "enum Fruit { apple }\nvoid main() {}\n",
    );
    assert!(result
        .expect_err("rejected")
        .0
        .starts_with("Class cannot be redefined to be a enum class: "));
    let (_, result) = plan(
        "typarams",
        "class Box<T> {}\nvoid main() {}\n",
        "class Box<T, U> {}\nvoid main() {}\n",
    );
    assert!(result
        .expect_err("rejected")
        .0
        .starts_with("Limitation: type parameters have changed for Library:'"));
}

#[test]
fn const_class_cannot_remove_fields() {
    let (_, result) = plan(
        "constfields",
        "class P { final int x; final int y; const P(this.x, this.y); }\nconst p = P(1, 2);\nvoid main() { print(p.x); }\n",
        "class P { final int x; const P(this.x); }\nconst p = P(1);\nvoid main() { print(p.x); }\n",
    );
    assert!(result
        .expect_err("rejected")
        .0
        .starts_with("Const class cannot remove fields: Library:'"));
}

#[test]
fn added_fields_are_planned_by_name_with_constant_initialisers() {
    let (old, result) = plan(
        "layout",
        "class C { int a = 1; int b = 2; }\nvoid main() { print(C().a); }\n",
        "class C { int b = 2; int added = 7; int a = 1; String? later; }\nvoid main() { print(C().a); }\n",
    );
    let plan = result.expect("accepted");
    let c = old
        .classes
        .iter()
        .position(|c| c.name.as_str() == "C")
        .expect("C");
    let change = plan
        .layouts
        .iter()
        .find(|l| l.class.index() == c)
        .expect("C changes shape");
    assert_eq!(change.slots[0], SlotSource::Old(1), "b moved to slot 0");
    assert!(
        matches!(change.slots[1], SlotSource::Constant(_)),
        "{:?}",
        change.slots
    );
    assert_eq!(change.slots[2], SlotSource::Old(0), "a moved to slot 2");
    assert_eq!(change.slots[3], SlotSource::Null);
}

#[test]
fn unchanged_layouts_need_no_migration_and_constants_stay_canonical() {
    let (old, result) = plan(
        "consts",
        "const xs = [1, 2];\nclass C { int a = 1; }\nvoid main() { print(xs); }\n",
        "const xs = [1, 2];\nconst ys = [3];\nclass C { int a = 1; int m() => 2; }\nvoid main() { print(xs); print(ys); }\n",
    );
    let plan = result.expect("accepted");
    assert!(plan.layouts.is_empty());
    let mut merged = old.clone();
    let old_count = old.constants.len();
    plan.apply(&mut merged);
    // (Compared as text: `double.nan` is a constant and not equal to itself.)
    let text = |c: &[Constant]| format!("{c:?}");
    assert_eq!(text(&merged.constants[..old_count]), text(&old.constants));
    // Only `[3]` is new (`3` too, if it was not a constant before).
    assert!(merged.constants.len() - old_count <= 2);
}

/// Resolves `text` as a reload does (instance fields get initialiser functions).
fn resolve_for_reload(dir: &std::path::Path, text: &str, sources: &mut SourceMap) -> Program {
    let path = dir.join("main.dart");
    std::fs::write(&path, text).expect("write fixture");
    let mut diags = Diagnostics::new();
    let opts = LoadOptions {
        instance_field_initializers: true,
        skip_core_bodies: true,
        ..LoadOptions::default()
    };
    let p = load_program(&path, &opts, sources, &mut diags);
    assert!(!diags.has_errors(), "{}", diags.render(sources));
    p.expect("program")
}

/// The lazy getter of field `name` in class `class` of `p`, if it has one.
fn lazy_getter_of(p: &Program, class: &str, name: &str) -> Option<FunctionId> {
    let c = p.classes.iter().find(|c| c.name.as_str() == class)?;
    c.methods.iter().copied().find(|&m| {
        let f = p.function(m);
        f.name.as_str() == name && lazy_getter_field(p, f).is_some()
    })
}

#[test]
fn added_fields_with_non_constant_initialisers_get_a_lazy_getter_that_later_reloads_keep() {
    let dir = temp_dir("lazy");
    let mut sources = SourceMap::new();
    let v0 = "class C { int a = 1; }\nvoid main() { print(C().a); }\n";
    let v1 = "class C { int a = 1; List<int> xs = [1]; }\nvoid main() { print(C().a); }\n";
    let v2 = "class C { int a = 2; List<int> xs = [1]; }\nvoid main() { print(C().a); }\n";
    let old = resolve(&dir, v0, &mut sources);
    let mut s1 = sources.for_reload();
    let new = resolve_for_reload(&dir, v1, &mut s1);
    let entries = old.functions.len() as u32;
    let plan1 = plan_reload(&old, new, entries).expect("accepted");
    let c = old
        .classes
        .iter()
        .position(|c| c.name.as_str() == "C")
        .expect("C");
    let change = plan1
        .layouts
        .iter()
        .find(|l| l.class.index() == c)
        .expect("C changes shape");
    assert_eq!(change.slots, vec![SlotSource::Old(0), SlotSource::Lazy]);
    let mut merged = old.clone();
    plan1.apply(&mut merged);
    let getter = lazy_getter_of(&merged, "C", "xs").expect("a lazy getter for xs");
    let field = lazy_getter_field(&merged, merged.function(getter)).expect("its field");
    assert!(merged.field(field).initializer.is_some());

    // The next reload (no layout change) keeps the getter, with its id.
    let mut s2 = s1.for_reload();
    let newer = resolve_for_reload(&dir, v2, &mut s2);
    let entries = merged.functions.len() as u32;
    let plan2 = plan_reload(&merged, newer, entries).expect("accepted");
    assert!(plan2.layouts.is_empty());
    let mut merged2 = merged.clone();
    plan2.apply(&mut merged2);
    assert_eq!(lazy_getter_of(&merged2, "C", "xs"), Some(getter));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The core functions of `p` that have a body.
fn core_bodies(p: &Program) -> Vec<FunctionId> {
    (0..p.functions.len() as u32)
        .map(FunctionId)
        .filter(|&f| is_core_function(p, f) && p.function(f).body.is_some())
        .collect()
}

#[test]
fn a_reload_lowers_only_user_bodies_and_keeps_the_running_core_library() {
    let dir = temp_dir("core");
    let mut sources = SourceMap::new();
    let text = |v: u32| {
        format!(
            "import 'dart:async';\nint f() => {v};\n\
             void main() {{ print([f()].map((x) => x + 1)); Future.value(f()).then(print); }}\n"
        )
    };
    let old = resolve(&dir, &text(1), &mut sources);
    let mut reload_sources = sources.for_reload();
    let new = resolve_for_reload(&dir, &text(2), &mut reload_sources);
    // The running program's core library was lowered; the reload's was not (only
    // functions made for user code on demand, such as constructor tear-offs, may be).
    let running = core_bodies(&old).len();
    assert!(running > 1000, "the core library has {running} bodies");
    assert!(
        core_bodies(&new).len() < 20,
        "{:?}",
        core_bodies(&new).len()
    );
    assert!(new.function(find_function(&new, "f")).body.is_some());

    let entries = old.functions.len() as u32;
    let plan = plan_reload(&old, new, entries).expect("accepted");
    assert!(plan.reset.iter().all(|&f| !is_core_function(&old, f)));
    let mut merged = old.clone();
    plan.apply(&mut merged);
    // Every core function keeps its id and its IR, body included.
    for f in (0..old.functions.len() as u32).map(FunctionId) {
        if is_core_function(&old, f) {
            assert_eq!(
                format!("{:?}", merged.function(f)),
                format!("{:?}", old.function(f)),
                "{}",
                old.function(f).qualified_name
            );
        }
    }
    // Every core function the new program declared matched a running one (natives,
    // generic and async functions included, whose IR lowering completes).
    let added: Vec<&str> = (old.functions.len() as u32..merged.functions.len() as u32)
        .map(FunctionId)
        .filter(|&f| is_core_function(&merged, f))
        .map(|f| merged.function(f).qualified_name.as_str())
        .collect();
    assert!(added.is_empty(), "core functions added: {added:?}");
    let f = find_function(&merged, "f");
    assert_eq!(f, find_function(&old, "f"));
    let body = |p: &Program| format!("{:?}", p.function(f).body);
    assert_ne!(body(&merged), body(&old), "f has the new body");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn copies_of_core_mixin_methods_in_a_user_class_are_replaced() {
    let program = |fields: &str| {
        format!(
            "import 'dart:collection';\n\
             class Bag<E> with IterableMixin<E> {{ {fields} final List<E> items; Bag(this.items);\n\
             Iterator<E> get iterator => items.iterator; }}\n\
             void main() {{ print(Bag<int>([1]).toList()); }}\n"
        )
    };
    let (old, result) = plan("mixin", &program(""), &program("int count = 0;"));
    let plan = result.expect("accepted");
    // The copy of `IterableMixin._view` reads `E` from a `Bag`, whose layout changed:
    // its code must not be kept.
    let copy = (0..old.functions.len() as u32)
        .map(FunctionId)
        .find(|&f| {
            let func = old.function(f);
            func.name.as_str() == "_view"
                && func
                    .owner
                    .is_some_and(|c| old.class(c).name.as_str() == "Bag")
        })
        .expect("Bag has a copy of _view");
    assert!(!is_core_function(&old, copy));
    assert!(plan.reset.contains(&copy));
}

/// Plans a reload from `before` to `after` as `runtime::reload` does, leaving unlowered
/// the bodies the edit cannot have changed; returns the old program, the names of the
/// functions kept and the plan.
fn plan_keeping(name: &str, before: &str, after: &str) -> (Program, Vec<String>, ReloadPlan) {
    let dir = temp_dir(name);
    let mut sources = SourceMap::new();
    let old = resolve(&dir, before, &mut sources);
    let reuse = std::sync::Arc::new(reuse::BodyReuse::of(&old, &sources));
    let mut reload_sources = sources.for_reload();
    let path = dir.join("main.dart");
    std::fs::write(&path, after).expect("write fixture");
    let opts = LoadOptions {
        instance_field_initializers: true,
        skip_core_bodies: true,
        reuse_bodies: Some(reuse.clone()),
        ..LoadOptions::default()
    };
    let mut diags = Diagnostics::new();
    let new = load_program(&path, &opts, &mut reload_sources, &mut diags).expect("program");
    assert!(!diags.has_errors(), "{}", diags.render(&reload_sources));
    let kept = reuse.skipped();
    let mut names: Vec<String> = kept
        .iter()
        .map(|&f| new.function(f).qualified_name.clone())
        .collect();
    names.sort();
    let entries = old.functions.len() as u32;
    let plan = plan_reload_keeping(&old, new, entries, &kept).expect("accepted");
    let _ = std::fs::remove_dir_all(&dir);
    (old, names, plan)
}

#[test]
fn an_edit_inside_one_body_keeps_the_other_functions_with_their_code() {
    let before = "class A {\n  int a() => 1;\n}\nint b() {\n  return 2;\n}\nint c() => 3;\n\
                  void main() { print(A().a() + b() + c()); }\n";
    let after = before.replace("return 2;", "return 20 + 2;");
    let (old, kept, plan) = plan_keeping("keep-before", before, &after);
    assert_eq!(kept, vec!["A.a", "c", "main"]);
    let a = find_function(&old, "A.a");
    for name in ["A.a", "c", "main"] {
        assert!(
            !plan.reset.contains(&find_function(&old, name)),
            "{name} keeps its code"
        );
    }
    assert!(
        plan.reset.contains(&find_function(&old, "b")),
        "b is lowered again"
    );
    let mut merged = old.clone();
    plan.apply(&mut merged);
    assert_eq!(find_function(&merged, "A.a"), a);
    assert!(
        merged.function(a).body.is_some(),
        "the running body is kept"
    );
}

#[test]
fn edits_beyond_one_body_keep_nothing() {
    let funcs = "void x() {}\nvoid y() {}\n";
    // The edit looks as if inside g's new body, but it removed h's declaration.
    let before =
        format!("{funcs}void g() {{ x(); }}\nvoid h() {{ y(); }}\nvoid main() {{ g(); }}\n");
    let after = format!("{funcs}void g() {{ x(); y(); }}\nvoid main() {{ g(); }}\n");
    let (_, kept, _) = plan_keeping("merged-bodies", &before, &after);
    assert!(kept.is_empty(), "{kept:?}");
    // A signature changed.
    let before = format!("{funcs}int g() => 1;\nvoid main() {{ print(g()); }}\n");
    let after = format!("{funcs}num g() => 1;\nvoid main() {{ print(g()); }}\n");
    let (_, kept, _) = plan_keeping("signature", &before, &after);
    assert!(kept.is_empty(), "{kept:?}");
    // Nothing changed: every declared function with a body is kept.
    let (_, kept, plan) = plan_keeping("unchanged", &before, &before);
    assert_eq!(kept, vec!["g", "main", "x", "y"]);
    assert!(plan.reset.is_empty(), "{:?}", plan.reset);
}
