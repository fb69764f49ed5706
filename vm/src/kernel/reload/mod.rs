//! Hot reload on the IR: matching a freshly resolved program against the one running,
//! validating the change with the Dart VM's rules, and laying the new program out so
//! that every surviving declaration keeps its id.
//!
//! Why stable ids: generated code, frames (their markers), closures, instances (class
//! ids), static slots and constant slots all hold ids of the running program. Rather than
//! rewrite those, the new program is renumbered into the old id space ([`remap`]):
//! a declaration matched by library URI + owner + name (+ kind) gets the old id, a new
//! one gets a fresh id after all ids in use, and an old one without a match stays where
//! it is (orphaned: no library or class lists it, but closures and frames that still
//! use it keep working). Function ids are entry indices, and the isolate's synthetic
//! entries (tear-off forwarders, field accessors) follow the program's functions, so new
//! functions start after `first_free_entry` and the gap is filled with placeholders.

pub mod remap;
pub mod reuse;

use crate::front::intern::Symbol;
use crate::front::source::{FileId, Span};
use crate::kernel::ir::*;
use remap::IdMap;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::hash::Hash;

/// Why a reload was refused; the text is the Dart VM's where it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection(pub String);

/// Where a slot of a migrated instance gets its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotSource {
    /// The old instance's slot (a field of that name existed before).
    Old(u32),
    /// A new field whose every constructor initialises it to this constant.
    Constant(ConstId),
    /// A new field without an initialiser.
    Null,
    /// A new field whose initialiser is not a constant: the slot holds the runtime's
    /// not-yet-initialised sentinel, and the getter the reload gives the field
    /// ([`LAZY_FIELD_NATIVE`]) runs the initialiser on the first read, as the Dart VM
    /// does.
    Lazy,
}

/// The native behind the getter of a field a reload added to live instances:
/// `(receiver, field id)` → the field's value, running its initialiser (the field's
/// `initializer` function) when the slot still holds the not-yet-initialised sentinel.
pub const LAZY_FIELD_NATIVE: &str = "Reload_lazyField";

/// A class whose instances change shape: `slots[i]` fills slot `i` of the new instance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutChange {
    pub class: ClassId,
    pub slots: Vec<SlotSource>,
}

/// What applying a reload does to the program (see [`ReloadPlan::apply`]).
#[derive(Debug, Default)]
pub struct ReloadPlan {
    libraries: Vec<(LibraryId, Library)>,
    classes: Vec<(ClassId, Class)>,
    fields: Vec<(FieldId, Field)>,
    functions: Vec<(FunctionId, Function)>,
    constants: Vec<Constant>,
    /// Length of the function table before new functions (placeholders fill the gap).
    first_new_function: u32,
    main: Option<FunctionId>,
    core: CoreClasses,
    /// Functions whose code must be dropped (their body was replaced).
    pub reset: Vec<FunctionId>,
    /// Classes whose instances must be migrated.
    pub layouts: Vec<LayoutChange>,
}

impl ReloadPlan {
    /// Patches `program` (the running one, as passed to [`plan_reload`]) into the new one.
    /// The replaced declarations are freed off this thread in a hot session
    /// (`kernel::parse::drop_in_background`).
    pub fn apply(self, program: &mut Program) {
        fn put<T>(
            table: &mut Vec<T>,
            at: usize,
            value: T,
            filler: impl Fn() -> T,
            replaced: &mut Vec<T>,
        ) {
            while table.len() <= at {
                table.push(filler());
            }
            replaced.push(std::mem::replace(&mut table[at], value));
        }
        let mut libraries = Vec::new();
        for (id, l) in self.libraries {
            put(
                &mut program.libraries,
                id.index(),
                l,
                placeholder_library,
                &mut libraries,
            );
        }
        let mut classes = Vec::new();
        for (id, c) in self.classes {
            put(
                &mut program.classes,
                id.index(),
                c,
                placeholder_class,
                &mut classes,
            );
        }
        let mut fields = Vec::new();
        for (id, f) in self.fields {
            put(
                &mut program.fields,
                id.index(),
                f,
                placeholder_field,
                &mut fields,
            );
        }
        while program.functions.len() < self.first_new_function as usize {
            program.functions.push(placeholder_function());
        }
        let mut functions = Vec::new();
        for (id, f) in self.functions {
            put(
                &mut program.functions,
                id.index(),
                f,
                placeholder_function,
                &mut functions,
            );
        }
        crate::kernel::parse::drop_in_background((libraries, classes, fields, functions));
        program.constants.extend(self.constants);
        program.main = self.main;
        program.core = self.core;
    }
}

/// Matches `new` against `old`, validates, and plans the renumbered program. New
/// functions get ids from `first_free_entry` (the isolate's entry-table length) up.
pub fn plan_reload(
    old: &Program,
    new: Program,
    first_free_entry: u32,
) -> Result<ReloadPlan, Rejection> {
    plan_reload_keeping(old, new, first_free_entry, &[])
}

/// [`plan_reload`] where the functions `kept` of `new` were left unlowered
/// (`reuse::BodyReuse`): each keeps the running function it matches, IR and code, as
/// core functions do. Every one of them must match one (the caller loads again without
/// reuse when this is refused).
pub fn plan_reload_keeping(
    old: &Program,
    mut new: Program,
    first_free_entry: u32,
    kept: &[FunctionId],
) -> Result<ReloadPlan, Rejection> {
    tracing::debug!(
        target: "dartrs::reload",
        old_functions = old.functions.len(),
        new_functions = new.functions.len(),
        old_constants = old.constants.len(),
        old_classes = old.classes.len(),
        old_fields = old.fields.len(),
        "planning"
    );
    let mut reused = vec![false; new.functions.len()];
    for f in kept {
        if let Some(r) = reused.get_mut(f.index()) {
            *r = true;
        }
    }
    let started = std::time::Instant::now();
    let mut map = match_declarations(old, &new, first_free_entry, &reused);
    let matched = started.elapsed();
    if kept.iter().any(|f| {
        map.functions
            .get(f.index())
            .is_none_or(|&id| id as usize >= old.functions.len())
    }) {
        return Err(Rejection(
            "a kept function body has no running function".into(),
        ));
    }
    validate_classes(old, &new, &map)?;
    map_constants(old, &mut new, &mut map);
    let constants = started.elapsed();
    let first_new_constant = old.constants.len() as u32;
    let mut plan = ReloadPlan {
        first_new_function: first_free_entry.max(old.functions.len() as u32),
        main: new.main.map(|m| map.function(m)),
        core: remap_core(&new.core, &map),
        ..ReloadPlan::default()
    };
    let (layouts, lazy) = layout_changes(old, &new, &map)?;
    plan.layouts = layouts;
    // Constants new to the program, in their new order (their ids were assigned so).
    let mut fresh: Vec<(u32, Constant)> = std::mem::take(&mut new.constants)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| map.constants[*i] >= first_new_constant)
        .map(|(i, mut c)| {
            map.constant_value(&mut c);
            (map.constants[i], c)
        })
        .collect();
    fresh.sort_by_key(|(id, _)| *id);
    fresh.dedup_by_key(|(id, _)| *id);
    plan.constants = fresh.into_iter().map(|(_, c)| c).collect();
    let laid_out = started.elapsed();
    take_declarations(old, new, &map, &reused, &mut plan);
    attach_lazy_getters(old, &mut plan, &lazy);
    let us = |d: std::time::Duration| d.as_micros() as u64;
    tracing::debug!(
        target: "dartrs::reload",
        match_us = us(matched),
        constants_us = us(constants - matched),
        layouts_us = us(laid_out - constants),
        take_us = us(started.elapsed() - laid_out),
        "planned"
    );
    Ok(plan)
}

/// Builds the new → merged id map: matched declarations keep the old id. Keys borrow
/// the programs' names (no string is built per declaration: a reload matches the whole
/// program, core library included, and this is on its latency path).
fn match_declarations(
    old: &Program,
    new: &Program,
    first_free_entry: u32,
    reused: &[bool],
) -> IdMap {
    fn lib_key(p: &Program, l: LibraryId) -> &str {
        p.libraries[l.index()].uri.as_str()
    }
    let mut map = IdMap::default();
    let old_libs: FxHashMap<&str, u32> = (0..old.libraries.len() as u32)
        .map(|i| (lib_key(old, LibraryId(i)), i))
        .collect();
    let mut next = old.libraries.len() as u32;
    map.libraries = (0..new.libraries.len() as u32)
        .map(|i| fresh_or(old_libs.get(lib_key(new, LibraryId(i))).copied(), &mut next))
        .collect();

    let old_classes = keyed(old.classes.iter().map(|c| class_key(old, c)));
    let mut next = old.classes.len() as u32;
    map.classes = occurrences(new.classes.iter().map(|c| class_key(new, c)))
        .map(|k| fresh_or(old_classes.get(&k).copied(), &mut next))
        .collect();

    let old_fields = keyed(old.fields.iter().map(|f| field_key(old, f)));
    let mut next = old.fields.len() as u32;
    map.fields = occurrences(new.fields.iter().map(|f| field_key(new, f)))
        .map(|k| fresh_or(old_fields.get(&k).copied(), &mut next))
        .collect();

    // Old functions that can never match (user closures, placeholders) are left out:
    // each reload adds some, and a session may reload hundreds of times.
    let candidates: Vec<u32> = (0..old.functions.len() as u32)
        .filter(|&i| {
            let f = &old.functions[i as usize];
            matchable(old, f) && f.qualified_name != PLACEHOLDER_NAME
        })
        .collect();
    let old_functions: FxHashMap<_, u32> = occurrences(
        candidates
            .iter()
            .map(|&i| function_key(old, &old.functions[i as usize])),
    )
    .zip(candidates.iter().copied())
    .collect();
    let mut next = first_free_entry.max(old.functions.len() as u32);
    map.functions = occurrences(new.functions.iter().map(|f| function_key(new, f)))
        .zip(&new.functions)
        .enumerate()
        .map(|(i, (k, f))| {
            let matched = old_functions
                .get(&k)
                .copied()
                .filter(|&o| matchable(new, f) && same_signature(&old.functions[o as usize], f));
            // A core function is the same declaration in every load (its IR may be
            // incomplete: `LoadOptions::skip_core_bodies` leaves what lowering fills in,
            // such as natives and async markers, unset).
            let matched = matched.or_else(|| {
                old_functions
                    .get(&k)
                    .copied()
                    .filter(|_| reused[i] || is_core_function(new, FunctionId(i as u32)))
            });
            fresh_or(matched, &mut next)
        })
        .collect();
    map
}

fn fresh_or(matched: Option<u32>, next: &mut u32) -> u32 {
    matched.unwrap_or_else(|| {
        *next += 1;
        *next - 1
    })
}

/// Pairs each key with its repetition count (1 for the first), so equal names match in
/// order.
fn occurrences<K: Hash + Eq + Clone>(
    keys: impl Iterator<Item = K>,
) -> impl Iterator<Item = (K, u32)> {
    let mut seen: FxHashMap<K, u32> = FxHashMap::default();
    keys.map(move |k| {
        let n = seen.entry(k.clone()).or_insert(0);
        *n += 1;
        (k, *n)
    })
}

fn keyed<K: Hash + Eq + Clone>(keys: impl Iterator<Item = K>) -> FxHashMap<(K, u32), u32> {
    occurrences(keys)
        .enumerate()
        .map(|(i, k)| (k, i as u32))
        .collect()
}

/// Whether function `f` of `p` is wholly the core library's: declared in a `dart:`
/// library and, when a member, of a `dart:` class. (A core mixin's method copied into a
/// user class is user code: its IR depends on that class's layout.) Core functions are
/// identical in every load of a process, so a reload keeps the running ones with their
/// code and does not lower their bodies again (`LoadOptions::skip_core_bodies`).
pub(crate) fn is_core_function(p: &Program, f: FunctionId) -> bool {
    let Some(f) = p.functions.get(f.index()) else {
        return false;
    };
    is_dart_library(p, f.library)
        && f.owner.is_none_or(|c| {
            p.classes
                .get(c.index())
                .is_some_and(|c| is_dart_library(p, c.library))
        })
}

fn is_dart_library(p: &Program, l: LibraryId) -> bool {
    p.libraries
        .get(l.index())
        .is_some_and(|l| l.uri.starts_with("dart:"))
}

/// A class: library URI and name.
fn class_key<'p>(p: &'p Program, c: &Class) -> (&'p str, Symbol) {
    (p.libraries[c.library.index()].uri.as_str(), c.name)
}

fn owner_name(p: &Program, c: Option<ClassId>) -> Option<Symbol> {
    c.map(|c| p.class(c).name)
}

/// A field: library URI, owner class name, name, static-ness.
fn field_key<'p>(p: &'p Program, f: &Field) -> (&'p str, Option<Symbol>, Symbol, bool) {
    let (lib, owner) = match f.owner {
        FieldOwner::Library(l) => (l, None),
        FieldOwner::Class(c) => (p.class(c).library, Some(c)),
    };
    (
        p.libraries[lib.index()].uri.as_str(),
        owner_name(p, owner),
        f.name,
        f.is_static,
    )
}

/// A function: library URI, owner class name, qualified name, kind.
fn function_key<'p>(p: &'p Program, f: &'p Function) -> (&'p str, Option<Symbol>, &'p str, u8) {
    (
        p.libraries[f.library.index()].uri.as_str(),
        owner_name(p, f.owner),
        f.qualified_name.as_str(),
        f.kind as u8,
    )
}

/// Closures of user code are never matched: a closure created before the reload keeps
/// the function (and capture layout) it was created from. Core-library closures are:
/// their source never changes.
fn matchable(p: &Program, f: &Function) -> bool {
    f.kind != FunctionKind::Closure || is_dart_library(p, f.library)
}

/// Whether calls compiled against `a` can reach `b` through the same entry: same kind,
/// parameter shape, generic-ness and suspension. Otherwise `b` is a new function and
/// old code keeps calling `a`.
fn same_signature(a: &Function, b: &Function) -> bool {
    let named = |f: &Function| -> Vec<(Symbol, bool)> {
        f.params
            .named
            .iter()
            .map(|n| (n.name, n.required))
            .collect()
    };
    a.kind == b.kind
        && a.async_marker == b.async_marker
        && a.params.receiver_slots == b.params.receiver_slots
        && a.params.required_positional == b.params.required_positional
        && a.params.optional_positional == b.params.optional_positional
        && named(a) == named(b)
        && a.type_params.len() == b.type_params.len()
        && a.type_args_local.is_some() == b.type_args_local.is_some()
        && a.native == b.native
        && a.captures.len() == b.captures.len()
}

/// How the Dart VM prints a class in reload messages.
fn class_text(p: &Program, c: &Class) -> String {
    format!(
        "Library:'{}' Class: {}",
        p.libraries[c.library.index()].uri,
        c.name.as_str()
    )
}

fn validate_classes(old: &Program, new: &Program, map: &IdMap) -> Result<(), Rejection> {
    for (i, nc) in new.classes.iter().enumerate() {
        let Some(oc) = old.classes.get(map.classes[i] as usize) else {
            continue;
        };
        if oc.is_enum && !nc.is_enum {
            return Err(Rejection(format!(
                "Enum class cannot be redefined to be a non-enum class: {}",
                class_text(old, oc)
            )));
        }
        if !oc.is_enum && nc.is_enum {
            return Err(Rejection(format!(
                "Class cannot be redefined to be a enum class: {}",
                class_text(old, oc)
            )));
        }
        if oc.type_params.len() != nc.type_params.len() {
            return Err(Rejection(format!(
                "Limitation: type parameters have changed for {}",
                class_text(old, oc)
            )));
        }
    }
    Ok(())
}

/// Children of a constant (they are mapped first).
fn constant_children(c: &Constant) -> Vec<ConstId> {
    match c {
        Constant::List { elements, .. } | Constant::Set { elements, .. } => elements.clone(),
        Constant::Map { entries, .. } => entries.iter().flat_map(|(k, v)| [*k, *v]).collect(),
        Constant::Instance { fields, .. } => fields.iter().map(|(_, v)| *v).collect(),
        Constant::Record { positional, named } => positional
            .iter()
            .copied()
            .chain(named.iter().map(|(_, v)| *v))
            .collect(),
        _ => Vec::new(),
    }
}

/// Constants are canonical across the reload: a new constant equal (after renumbering)
/// to an old one gets the old id, so `identical` holds between old and new code.
fn map_constants(old: &Program, new: &mut Program, map: &mut IdMap) {
    let key = |c: &Constant| postcard::to_allocvec(c).unwrap_or_default();
    let mut old_ids: HashMap<Vec<u8>, u32> = HashMap::new();
    for (i, c) in old.constants.iter().enumerate() {
        old_ids.entry(key(c)).or_insert(i as u32);
    }
    map.constants = vec![u32::MAX; new.constants.len()];
    let mut next = old.constants.len() as u32;
    // Depth-first so children are mapped before their parents.
    for root in 0..new.constants.len() {
        let mut stack = vec![(root, false)];
        while let Some((i, expanded)) = stack.pop() {
            if map.constants[i] != u32::MAX {
                continue;
            }
            let children = constant_children(&new.constants[i]);
            if !expanded
                && children
                    .iter()
                    .any(|c| map.constants[c.index()] == u32::MAX)
            {
                stack.push((i, true));
                stack.extend(children.iter().map(|c| (c.index(), false)));
                continue;
            }
            let mut c = new.constants[i].clone();
            map.constant_value(&mut c);
            let k = key(&c);
            map.constants[i] = match old_ids.get(&k) {
                Some(&o) => o,
                None => {
                    old_ids.insert(k, next);
                    next += 1;
                    next - 1
                }
            };
        }
    }
}

fn remap_core(core: &CoreClasses, map: &IdMap) -> CoreClasses {
    let m = |c: Option<ClassId>| c.map(|c| map.class(c));
    CoreClasses {
        object: m(core.object),
        null: m(core.null),
        bool_: m(core.bool_),
        int: m(core.int),
        double: m(core.double),
        num: m(core.num),
        string: m(core.string),
        list: m(core.list),
        map: m(core.map),
        function: m(core.function),
    }
}

/// Moves the new declarations (renumbered) into the plan. Core-library declarations are
/// identical to the running ones and are left alone (their code stays valid).
fn take_declarations(
    old: &Program,
    new: Program,
    map: &IdMap,
    reused: &[bool],
    plan: &mut ReloadPlan,
) {
    let core_functions: Vec<bool> = (0..new.functions.len() as u32)
        .map(|f| is_core_function(&new, FunctionId(f)))
        .collect();
    let Program {
        libraries,
        classes,
        functions,
        fields,
        ..
    } = new;
    // The new program's core library is dropped unused: off the reload's thread.
    let mut unused_functions = Vec::new();
    let keep_old = |merged: u32, old_len: usize, lib: LibraryId, p: &Program| {
        (merged as usize) < old_len && is_dart_library(p, lib)
    };
    for (i, mut l) in libraries.into_iter().enumerate() {
        let id = map.libraries[i];
        if (id as usize) < old.libraries.len() && l.uri.starts_with("dart:") {
            continue;
        }
        map.library_decl(&mut l);
        plan.libraries.push((LibraryId(id), l));
    }
    for (i, mut c) in classes.into_iter().enumerate() {
        let id = map.classes[i];
        if keep_old(id, old.classes.len(), map.library(c.library), old) {
            continue;
        }
        map.class_decl(&mut c);
        plan.classes.push((ClassId(id), c));
    }
    for (i, mut f) in fields.into_iter().enumerate() {
        let id = map.fields[i];
        let lib = match f.owner {
            FieldOwner::Library(l) => map.library(l),
            FieldOwner::Class(c) => old
                .classes
                .get(map.class(c).index())
                .map_or(LibraryId(u32::MAX), |c| c.library),
        };
        if keep_old(id, old.fields.len(), lib, old) {
            continue;
        }
        map.field_decl(&mut f);
        plan.fields.push((FieldId(id), f));
    }
    for (i, mut f) in functions.into_iter().enumerate() {
        let id = map.functions[i];
        // Matched core functions and kept user bodies keep their IR and code; the new
        // ones have no body (`LoadOptions::skip_core_bodies`, `reuse_bodies`).
        if (id as usize) < old.functions.len() && (core_functions[i] || reused[i]) {
            unused_functions.push(f);
            continue;
        }
        map.function_decl(&mut f);
        if (id as usize) < old.functions.len() {
            plan.reset.push(FunctionId(id));
        }
        plan.functions.push((FunctionId(id), f));
    }
    crate::kernel::parse::drop_in_background(unused_functions);
}

/// Instance layout of a class: the field name (or `None` for the type-argument slot)
/// of every slot, inherited ones included.
fn layout(p: &Program, class: ClassId) -> Vec<Option<Option<Symbol>>> {
    let mut slots: Vec<Option<Option<Symbol>>> = Vec::new();
    let mut put = |slot: u32, what: Option<Symbol>| {
        let slot = slot as usize;
        if slots.len() <= slot {
            slots.resize(slot + 1, None);
        }
        slots[slot] = Some(what);
    };
    let mut stack = vec![class];
    let mut visited = 0;
    while let Some(c) = stack.pop() {
        visited += 1;
        if visited > p.classes.len() * 4 {
            break;
        }
        let cl = p.class(c);
        for &f in &cl.instance_fields {
            put(p.field(f).slot, Some(p.field(f).name));
        }
        if let Some(s) = cl.type_args_slot {
            put(s, None);
        }
        stack.extend(cl.superclass);
        stack.extend(cl.mixins.iter().copied());
    }
    slots
}

/// Classes (matched, user code) whose instance layout changes, with how to fill each
/// new slot. A class with constant instances cannot change its fields (constants are
/// immortal and never migrated); removing one is the Dart VM's own rejection.
fn layout_changes(
    old: &Program,
    new: &Program,
    map: &IdMap,
) -> Result<(Vec<LayoutChange>, Vec<FieldId>), Rejection> {
    let mut changes = Vec::new();
    let mut lazy = Vec::new();
    for i in 0..new.classes.len() {
        let id = map.classes[i];
        let Some(oc) = old.classes.get(id as usize) else {
            continue;
        };
        if is_dart_library(old, oc.library) || oc.native_kind.is_some() {
            continue;
        }
        let before = layout(old, ClassId(id));
        let after = layout(new, ClassId(i as u32));
        if before == after {
            continue;
        }
        let has_constants = old
            .constants
            .iter()
            .any(|c| matches!(c, Constant::Instance { class, .. } if class.0 == id));
        if has_constants {
            let kept = before.iter().flatten().all(|f| after.contains(&Some(*f)));
            return Err(Rejection(if kept {
                format!(
                    "dartrs does not support changing the fields of a class with constant instances yet: {}",
                    class_text(old, oc)
                )
            } else {
                format!("Const class cannot remove fields: {}", class_text(old, oc))
            }));
        }
        let slots = after
            .iter()
            .map(|what| match what {
                Some(what) => match before.iter().position(|b| b.as_ref() == Some(what)) {
                    Some(s) => SlotSource::Old(s as u32),
                    None => added_field_source(new, ClassId(i as u32), *what, map, &mut lazy),
                },
                None => SlotSource::Null,
            })
            .collect();
        changes.push(LayoutChange {
            class: ClassId(id),
            slots,
        });
    }
    lazy.sort_by_key(|f: &FieldId| f.0);
    lazy.dedup();
    Ok((changes, lazy))
}

/// How a slot for field `name` (new to `class`'s instances) is filled: its constant, its
/// initialiser on first read (the field, renumbered, goes to `lazy`), or null.
fn added_field_source(
    new: &Program,
    class: ClassId,
    name: Option<Symbol>,
    map: &IdMap,
    lazy: &mut Vec<FieldId>,
) -> SlotSource {
    if let Some(c) = new_field_value(new, class, name) {
        return SlotSource::Constant(map.constant(c));
    }
    let declared = name.and_then(|name| declaring_field(new, class, name));
    match declared {
        Some(f) if new.field(f).initializer.is_some() => {
            lazy.push(map.field(f));
            SlotSource::Lazy
        }
        _ => SlotSource::Null,
    }
}

/// The instance field `name` of `class` or the nearest superclass declaring it.
fn declaring_field(p: &Program, class: ClassId, name: Symbol) -> Option<FieldId> {
    let mut c = Some(class);
    let mut steps = 0;
    while let Some(id) = c {
        steps += 1;
        if steps > p.classes.len() {
            return None;
        }
        let cl = p.class(id);
        if let Some(&f) = cl
            .instance_fields
            .iter()
            .find(|&&f| p.field(f).name == name)
        {
            return Some(f);
        }
        c = cl.superclass;
    }
    None
}

/// The field whose lazy getter `f` is (see [`lazy_getter`]), if it is one.
fn lazy_getter_field(p: &Program, f: &Function) -> Option<FieldId> {
    let Some(Stmt {
        kind: StmtKind::Return(Some(value)),
        ..
    }) = &f.body
    else {
        return None;
    };
    let ExprKind::Native { name, args } = &value.kind else {
        return None;
    };
    if f.kind != FunctionKind::Getter || name.as_str() != LAZY_FIELD_NATIVE {
        return None;
    }
    match args.get(1).map(|a| &a.kind) {
        Some(ExprKind::Const(c)) => match p.constants.get(c.index()) {
            Some(Constant::Int(id)) => u32::try_from(*id).ok().map(FieldId),
            _ => None,
        },
        _ => None,
    }
}

/// `get name => Reload_lazyField(this, field)`: the getter of a field added to live
/// instances; `field_id` is the constant holding the field's id.
fn lazy_getter(field: &Field, field_id: ConstId, owner: ClassId, class: &Class) -> Function {
    let span = field.span;
    let expr = |kind: ExprKind| Expr {
        kind,
        span,
        ty: DartType::Dynamic,
    };
    Function {
        name: field.name,
        qualified_name: format!("{}.{}", class.name, field.name),
        kind: FunctionKind::Getter,
        library: class.library,
        owner: Some(owner),
        span,
        async_marker: AsyncMarker::Sync,
        params: Parameters {
            receiver_slots: 1,
            ..Parameters::default()
        },
        locals: vec![Local {
            name: Symbol::intern("this"),
            span,
            is_final: true,
            is_late: false,
            captured: false,
            ty: DartType::Dynamic,
        }],
        body: Some(Stmt {
            kind: StmtKind::Return(Some(expr(ExprKind::Native {
                name: Symbol::intern(LAZY_FIELD_NATIVE),
                args: vec![expr(ExprKind::This), expr(ExprKind::Const(field_id))],
            }))),
            span,
        }),
        captures: Vec::new(),
        native: None,
        return_type: field.ty.clone(),
        type_params: Vec::new(),
        type_args_local: None,
        default_type_args: Vec::new(),
        param_checks: Vec::new(),
    }
}

/// Gives every field added to live instances in this reload (`added`, renumbered) and
/// every field that got one in an earlier reload and still exists a lazy getter in its
/// class (migrated instances may still hold the sentinel, however old the reload).
/// Getters from earlier reloads keep their ids and code.
fn attach_lazy_getters(old: &Program, plan: &mut ReloadPlan, added: &[FieldId]) {
    let live: HashMap<FieldId, (ClassId, Field)> = plan
        .fields
        .iter()
        .filter_map(|(id, f)| match f.owner {
            FieldOwner::Class(c) if !f.is_static => Some((*id, (c, f.clone()))),
            _ => None,
        })
        .collect();
    let mut getters: Vec<(ClassId, FunctionId)> = Vec::new();
    let mut have: Vec<FieldId> = Vec::new();
    for class in &old.classes {
        for &m in &class.methods {
            let Some(field) = lazy_getter_field(old, old.function(m)) else {
                continue;
            };
            if let Some((owner, _)) = live.get(&field) {
                getters.push((*owner, m));
                have.push(field);
            }
        }
    }
    let mut next = plan
        .functions
        .iter()
        .map(|(id, _)| id.0 + 1)
        .max()
        .unwrap_or(0)
        .max(plan.first_new_function)
        .max(old.functions.len() as u32);
    for field in added {
        let Some((owner, f)) = live.get(field) else {
            continue;
        };
        if have.contains(field) {
            continue;
        }
        let Some(class) = plan
            .classes
            .iter()
            .find(|(id, _)| id == owner)
            .map(|(_, c)| c)
        else {
            continue;
        };
        // Constants new to the program follow the old ones, in order.
        let constant = ConstId(old.constants.len() as u32 + plan.constants.len() as u32);
        let getter = lazy_getter(f, constant, *owner, class);
        plan.constants.push(Constant::Int(field.0 as i64));
        let id = FunctionId(next);
        next += 1;
        plan.functions.push((id, getter));
        getters.push((*owner, id));
    }
    for (owner, getter) in getters {
        if let Some((_, class)) = plan.classes.iter_mut().find(|(id, _)| *id == owner) {
            class.methods.push(getter);
        }
    }
}

/// The constant an added field `name` of `class` gets: when every generative
/// constructor of the class that declares it stores the same constant into it (a
/// constant field initialiser is inlined so), that constant.
fn new_field_value(p: &Program, class: ClassId, name: Option<Symbol>) -> Option<ConstId> {
    let name = name?;
    let mut c = Some(class);
    while let Some(id) = c {
        let cl = p.class(id);
        if let Some(&field) = cl
            .instance_fields
            .iter()
            .find(|&&f| p.field(f).name == name)
        {
            let mut found = None;
            for &ctor in &cl.constructors {
                let body = p.function(ctor).body.as_ref()?;
                let value = constant_store(body, field)?;
                if found.is_some_and(|f| f != value) {
                    return None;
                }
                found = Some(value);
            }
            return found;
        }
        c = cl.superclass;
    }
    None
}

/// The constant a constructor body stores into `field` of `this` among its leading
/// statements (where initialisers are inlined).
fn constant_store(body: &Stmt, field: FieldId) -> Option<ConstId> {
    let stmts: &[Stmt] = match &body.kind {
        StmtKind::Block(list) => list,
        _ => std::slice::from_ref(body),
    };
    stmts.iter().find_map(|s| match &s.kind {
        StmtKind::Expr(Expr {
            kind:
                ExprKind::FieldSet {
                    receiver,
                    field: f,
                    value,
                },
            ..
        }) if *f == field && matches!(receiver.kind, ExprKind::This) => match value.kind {
            ExprKind::Const(c) => Some(c),
            _ => None,
        },
        StmtKind::Block(_) => constant_store(s, field),
        _ => None,
    })
}

fn nowhere() -> Span {
    Span::new(FileId(0), 0, 0)
}

fn placeholder_library() -> Library {
    Library {
        uri: String::new(),
        file: FileId(0),
        parts: Vec::new(),
        classes: Vec::new(),
        functions: Vec::new(),
        fields: Vec::new(),
    }
}

fn placeholder_class() -> Class {
    Class {
        name: Symbol::intern("<removed>"),
        library: LibraryId(0),
        span: nowhere(),
        is_abstract: true,
        is_enum: false,
        superclass: None,
        mixins: Vec::new(),
        interfaces: Vec::new(),
        instance_fields: Vec::new(),
        static_fields: Vec::new(),
        methods: Vec::new(),
        constructors: Vec::new(),
        static_methods: Vec::new(),
        native_kind: None,
        type_params: Vec::new(),
        supertypes: Vec::new(),
        type_args_slot: None,
    }
}

fn placeholder_field() -> Field {
    Field {
        name: Symbol::intern("<removed>"),
        owner: FieldOwner::Library(LibraryId(0)),
        span: nowhere(),
        is_static: true,
        is_final: false,
        is_const: false,
        is_late: false,
        initializer: None,
        slot: 0,
        ty: DartType::Dynamic,
    }
}

/// The name of [`placeholder_function`]s (never a Dart function's name).
const PLACEHOLDER_NAME: &str = "<synthetic entry>";

/// Stands in the function table at the entry index of a synthetic entry (a forwarder or
/// accessor the isolate made before a reload); never compiled or called as such.
pub fn placeholder_function() -> Function {
    Function {
        name: Symbol::intern(PLACEHOLDER_NAME),
        qualified_name: PLACEHOLDER_NAME.into(),
        kind: FunctionKind::Static,
        library: LibraryId(0),
        owner: None,
        span: nowhere(),
        async_marker: AsyncMarker::Sync,
        params: Parameters::default(),
        locals: Vec::new(),
        body: None,
        captures: Vec::new(),
        native: None,
        return_type: DartType::Dynamic,
        type_params: Vec::new(),
        type_args_local: None,
        default_type_args: Vec::new(),
        param_checks: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
