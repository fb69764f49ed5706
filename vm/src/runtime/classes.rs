//! The class table: which runtime class ids stand for which kernel class, instance sizes,
//! and method lookup by selector (what an inline-cache miss asks).

use super::object::*;
use crate::compiler::Selector;
use crate::front::intern::Symbol;
use crate::kernel::ir::{ClassId, FieldId, FunctionId, FunctionKind, NativeClassKind, Program};
use std::collections::HashMap;

/// What a selector resolves to in a class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Function(FunctionId),
    /// Implicit accessor of an instance field (slot, is_setter).
    Field {
        slot: u32,
        setter: bool,
    },
    /// A getter used as a method: `obj.callback(x)` calls the getter, then the result.
    GetterThenCall(FunctionId),
    FieldThenCall(u32),
    /// A method read as a getter: a tear-off (bound closure).
    TearOff(FunctionId),
}

pub struct ClassTable {
    /// Kernel class of each runtime class id (index = cid).
    cid_class: Vec<Option<ClassId>>,
    class_cid: Vec<u32>,
    slots: Vec<u32>,
    lookup_cache: HashMap<(u32, Selector), Option<Target>>,
}

impl ClassTable {
    pub fn new(program: &Program) -> ClassTable {
        let n = program.classes.len();
        let mut cid_class = vec![None; FIRST_PROGRAM_CID as usize + n];
        let mut class_cid = vec![0; n];
        for (i, c) in program.classes.iter().enumerate() {
            let id = ClassId(i as u32);
            let own = FIRST_PROGRAM_CID + i as u32;
            cid_class[own as usize] = Some(id);
            class_cid[i] = own;
            let builtin: &[u32] = match native_kind(program, id, c.name) {
                Some(NativeClassKind::Null) => &[CID_NULL],
                Some(NativeClassKind::Bool) => &[CID_BOOL],
                Some(NativeClassKind::Int) => &[CID_SMI, CID_MINT],
                Some(NativeClassKind::Double) => &[CID_DOUBLE],
                Some(NativeClassKind::String) => &[CID_ONE_BYTE_STRING, CID_TWO_BYTE_STRING],
                Some(NativeClassKind::List) => &[CID_ARRAY, CID_GROWABLE_LIST, CID_IMMUTABLE_ARRAY],
                Some(NativeClassKind::Map) => &[CID_MAP, CID_CONST_MAP],
                Some(NativeClassKind::Closure) => &[CID_CLOSURE],
                Some(NativeClassKind::Record) => &[CID_RECORD],
                Some(NativeClassKind::Type) => &[CID_TYPE],
                Some(NativeClassKind::StackTrace) => &[CID_STACK_TRACE],
                None if is_core_class(program, id, "Set") => &[CID_SET],
                None if is_library_class(program, id, "dart:typed_data", "_ByteStore") => {
                    &[CID_BYTES]
                }
                None => &[],
            };
            for &cid in builtin {
                cid_class[cid as usize] = Some(id);
            }
        }
        let slots = (0..n)
            .map(|i| compute_slots(program, ClassId(i as u32)))
            .collect();
        ClassTable {
            cid_class,
            class_cid,
            slots,
            lookup_cache: HashMap::new(),
        }
    }

    pub fn cid_of(&self, class: ClassId) -> u32 {
        self.class_cid[class.index()]
    }

    pub fn class_of_cid(&self, cid: u32) -> Option<ClassId> {
        self.cid_class.get(cid as usize).copied().flatten()
    }

    pub fn instance_slots(&self, class: ClassId) -> u32 {
        self.slots[class.index()]
    }

    /// Resolves `selector` for instances of runtime class `cid`.
    pub fn lookup(&mut self, program: &Program, cid: u32, selector: Selector) -> Option<Target> {
        if let Some(t) = self.lookup_cache.get(&(cid, selector)) {
            return *t;
        }
        let t = self
            .class_of_cid(cid)
            .and_then(|c| lookup_in_hierarchy(program, c, selector));
        self.lookup_cache.insert((cid, selector), t);
        t
    }

    /// Whether class `sub` is `sup` or extends/implements/mixes it in, transitively.
    pub fn is_subclass(&self, program: &Program, sub: ClassId, sup: ClassId) -> bool {
        let mut stack = vec![sub];
        let mut seen = vec![false; program.classes.len()];
        while let Some(c) = stack.pop() {
            if c == sup {
                return true;
            }
            if std::mem::replace(&mut seen[c.index()], true) {
                continue;
            }
            let class = program.class(c);
            stack.extend(class.superclass);
            stack.extend(class.mixins.iter().copied());
            stack.extend(class.interfaces.iter().copied());
        }
        false
    }
}

fn is_core_class(program: &Program, id: ClassId, name: &str) -> bool {
    is_library_class(program, id, "dart:core", name)
}

fn is_library_class(program: &Program, id: ClassId, library: &str, name: &str) -> bool {
    let c = program.class(id);
    c.name.as_str() == name && program.libraries[c.library.index()].uri == library
}

/// The native layout of a kernel class: from the IR when the resolver set it, otherwise
/// by the class's name in `dart:core`.
fn native_kind(program: &Program, id: ClassId, name: Symbol) -> Option<NativeClassKind> {
    let c = program.class(id);
    if c.native_kind.is_some() {
        return c.native_kind;
    }
    if program.libraries[c.library.index()].uri != "dart:core" {
        return None;
    }
    Some(match name.as_str() {
        "Null" => NativeClassKind::Null,
        "bool" => NativeClassKind::Bool,
        "int" => NativeClassKind::Int,
        "double" => NativeClassKind::Double,
        "String" => NativeClassKind::String,
        "List" => NativeClassKind::List,
        "Map" => NativeClassKind::Map,
        "Function" => NativeClassKind::Closure,
        "Record" => NativeClassKind::Record,
        "Type" => NativeClassKind::Type,
        "StackTrace" => NativeClassKind::StackTrace,
        _ => return None,
    })
}

fn compute_slots(program: &Program, class: ClassId) -> u32 {
    let mut max = 0;
    let mut stack = vec![class];
    while let Some(c) = stack.pop() {
        let cl = program.class(c);
        for &f in &cl.instance_fields {
            max = max.max(program.field(f).slot + 1);
        }
        if let Some(s) = cl.type_args_slot {
            max = max.max(s + 1);
        }
        stack.extend(cl.superclass);
        stack.extend(cl.mixins.iter().copied());
    }
    max
}

/// Classes searched for members of `class`, most specific first: the class, its mixins
/// (last applied first), then its superclass chain likewise.
fn linearization(program: &Program, class: ClassId) -> Vec<ClassId> {
    let mut order = Vec::new();
    let mut c = Some(class);
    while let Some(id) = c {
        order.push(id);
        let cl = program.class(id);
        order.extend(cl.mixins.iter().rev().copied());
        c = cl.superclass;
        if order.len() > program.classes.len() * 4 {
            break;
        }
    }
    order
}

/// The instance field of `class` (declared by it or inherited) stored in `slot`.
pub fn instance_field_at(program: &Program, class: ClassId, slot: u32) -> Option<FieldId> {
    linearization(program, class).into_iter().find_map(|c| {
        program
            .class(c)
            .instance_fields
            .iter()
            .copied()
            .find(|&f| program.field(f).slot == slot)
    })
}

fn lookup_in_hierarchy(program: &Program, class: ClassId, selector: Selector) -> Option<Target> {
    for c in linearization(program, class) {
        if let Some(t) = lookup_in_class(program, c, selector) {
            return Some(t);
        }
    }
    None
}

fn lookup_in_class(program: &Program, class: ClassId, selector: Selector) -> Option<Target> {
    let cl = program.class(class);
    let find = |name: Symbol, kinds: &[FunctionKind]| {
        cl.methods.iter().copied().find(|&f| {
            let func = program.function(f);
            func.name == name && kinds.contains(&func.kind)
        })
    };
    // Later fields win: a class's own fields follow its mixins' copies, and a later
    // mixin's field overrides an earlier one's (`A with M1, M2`).
    let field = |name: Symbol, need_setter: bool| {
        cl.instance_fields
            .iter()
            .rev()
            .map(|&f| program.field(f))
            .find(|f| f.name == name && (!need_setter || !f.is_final || f.is_late))
    };
    match selector {
        Selector::Method(name) => {
            if let Some(f) = find(name, &[FunctionKind::Method]) {
                return Some(Target::Function(f));
            }
            if let Some(f) = find(name, &[FunctionKind::Getter]) {
                return Some(Target::GetterThenCall(f));
            }
            field(name, false).map(|f| Target::FieldThenCall(f.slot))
        }
        Selector::Getter(name) => {
            if let Some(f) = find(name, &[FunctionKind::Getter]) {
                return Some(Target::Function(f));
            }
            if let Some(f) = field(name, false) {
                return Some(Target::Field {
                    slot: f.slot,
                    setter: false,
                });
            }
            find(name, &[FunctionKind::Method]).map(Target::TearOff)
        }
        Selector::Setter(name) => {
            if let Some(f) = find(name, &[FunctionKind::Setter]) {
                return Some(Target::Function(f));
            }
            field(name, true).map(|f| Target::Field {
                slot: f.slot,
                setter: true,
            })
        }
    }
}
