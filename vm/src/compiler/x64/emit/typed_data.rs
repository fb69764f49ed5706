//! Inline fast paths for `dart:typed_data`: `list[i]` and `list[i] = v` on the typed
//! lists whose elements always fit a Smi (8-, 16- and 32-bit integers, views included)
//! load or store the element directly, and `list.length` on any typed list reads its
//! length field; everything else (64-bit and float elements, clamping stores, bad
//! indexes, non-Smi values, unmodifiable stores) falls back to the instance call, which
//! checks and throws exactly.
//!
//! The class ids and field slots come from the program: the concrete classes of
//! `dart:typed_data` and the fields `_store`, `offsetInBytes` and `_length` of
//! `_TypedListBase` (see `corelib/typed_data.dart`). Programs that do not import
//! dart:typed_data get no extra code.

use super::Emitter;
use crate::kernel::ir::{ClassId, Program};
use crate::runtime::layout::BYTES_HEADER_SLOTS;
use crate::runtime::object::{field_disp, CID_DISP, FIRST_PROGRAM_CID};
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi};

/// An element type the inline paths handle: its width and signedness.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Elem {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
}

impl Elem {
    /// log2 of the element width.
    fn shift(self) -> u8 {
        match self {
            Elem::I8 | Elem::U8 => 0,
            Elem::I16 | Elem::U16 => 1,
            Elem::I32 | Elem::U32 => 2,
        }
    }
}

/// The element types with inline paths: (type name, element, stores inline). Clamped
/// stores need clamping, so they take the operator.
const ELEMS: [(&str, Elem, bool); 7] = [
    ("Int8", Elem::I8, true),
    ("Uint8", Elem::U8, true),
    ("Uint8Clamped", Elem::U8, false),
    ("Int16", Elem::I16, true),
    ("Uint16", Elem::U16, true),
    ("Int32", Elem::I32, true),
    ("Uint32", Elem::U32, true),
];

/// Where the emitter finds a typed list's parts.
pub(super) struct TypedLayout {
    /// Per element type: the class ids read inline (lists, views, unmodifiable views)
    /// and those written inline (lists and views).
    elems: Vec<(Elem, Vec<i32>, Vec<i32>)>,
    /// Every concrete typed list class id lies in this range, and every class in it is a
    /// typed list or abstract (so never an instance's class).
    all: (i32, i32),
    store: i32,
    offset: i32,
    length: i32,
}

/// Displacement, from a tagged store pointer, of its first byte.
const STORE_DATA_DISP: i32 = field_disp(BYTES_HEADER_SLOTS);

fn cid(c: ClassId) -> i32 {
    (FIRST_PROGRAM_CID + c.0) as i32
}

impl TypedLayout {
    pub(super) fn of(program: &Program) -> Option<TypedLayout> {
        let lib = program
            .libraries
            .iter()
            .find(|l| l.uri == "dart:typed_data")?;
        let class = |name: &str| {
            lib.classes
                .iter()
                .copied()
                .find(|&c| program.class(c).name.as_str() == name)
        };
        let base = class("_TypedListBase")?;
        let field = |name: &str| {
            let cl = program.class(base);
            cl.instance_fields
                .iter()
                .map(|&f| program.field(f))
                .find(|f| f.name.as_str() == name)
                .map(|f| field_disp(f.slot as usize))
        };
        let is_typed = |mut c: ClassId| loop {
            if c == base {
                return true;
            }
            match program.class(c).superclass {
                Some(s) => c = s,
                None => return false,
            }
        };
        let concrete: Vec<ClassId> = lib
            .classes
            .iter()
            .copied()
            .filter(|&c| !program.class(c).is_abstract && is_typed(c))
            .collect();
        let lo = concrete.iter().map(|c| c.0).min()?;
        let hi = concrete.iter().map(|c| c.0).max()?;
        let contiguous = (lo..=hi).all(|i| {
            let c = ClassId(i);
            program.class(c).is_abstract || is_typed(c)
        });
        if !contiguous {
            return None;
        }
        let mut elems = Vec::new();
        for (name, elem, stores) in ELEMS {
            let list = cid(class(&format!("_{name}List"))?);
            let view = cid(class(&format!("_{name}ArrayView"))?);
            let frozen = cid(class(&format!("_Unmodifiable{name}ArrayView"))?);
            let writes = if stores { vec![list, view] } else { Vec::new() };
            elems.push((elem, vec![list, view, frozen], writes));
        }
        Some(TypedLayout {
            elems,
            all: (cid(ClassId(lo)), cid(ClassId(hi))),
            store: field("_store")?,
            offset: field("offsetInBytes")?,
            length: field("_length")?,
        })
    }
}

impl Emitter<'_> {
    fn typed_layout(&self) -> Option<TypedLayout> {
        TypedLayout::of(&self.ctx.program_arc())
    }

    /// With a typed list in rax whose elements are `elem` and a Smi index in rcx:
    /// checks the index (jumping to `slow`) and leaves the element's address minus
    /// `STORE_DATA_DISP` in rax. Clobbers rdx and rcx.
    fn element_address(&mut self, t: &TypedLayout, elem: Elem, slow: DynamicLabel) {
        dynasm!(self.ops
            ; .arch x64
            // Tagged Smis compare like their values; a negative index is a huge unsigned.
            ; cmp rcx, QWORD [rax + t.length]
            ; jae =>slow
            ; mov rdx, QWORD [rax + t.offset]
            ; sar rdx, 1
        );
        // rcx is 2 * index: scale it to index * width.
        match elem.shift() {
            0 => dynasm!(self.ops ; .arch x64 ; sar rcx, 1),
            1 => {}
            _ => dynasm!(self.ops ; .arch x64 ; shl rcx, 1),
        }
        dynasm!(self.ops
            ; .arch x64
            ; add rdx, rcx
            ; mov rax, QWORD [rax + t.store]
            ; add rax, rdx
        );
    }

    /// Loads the element at rax + `STORE_DATA_DISP` into rax, extended to 64 bits.
    fn load_element(&mut self, elem: Elem) {
        const D: i32 = STORE_DATA_DISP;
        match elem {
            Elem::I8 => dynasm!(self.ops ; .arch x64 ; movsx rax, BYTE [rax + D]),
            Elem::U8 => dynasm!(self.ops ; .arch x64 ; movzx eax, BYTE [rax + D]),
            Elem::I16 => dynasm!(self.ops ; .arch x64 ; movsx rax, WORD [rax + D]),
            Elem::U16 => dynasm!(self.ops ; .arch x64 ; movzx eax, WORD [rax + D]),
            Elem::I32 => dynasm!(self.ops ; .arch x64 ; movsxd rax, DWORD [rax + D]),
            Elem::U32 => dynasm!(self.ops ; .arch x64 ; mov eax, DWORD [rax + D]),
        }
    }

    /// Stores the low bits of rdx as the element at rax + `STORE_DATA_DISP`.
    fn store_element(&mut self, elem: Elem) {
        const D: i32 = STORE_DATA_DISP;
        match elem.shift() {
            0 => dynasm!(self.ops ; .arch x64 ; mov BYTE [rax + D], dl),
            1 => dynasm!(self.ops ; .arch x64 ; mov WORD [rax + D], dx),
            _ => dynasm!(self.ops ; .arch x64 ; mov DWORD [rax + D], edx),
        }
    }

    /// Jumps to `hit` when the class id in edx is one of `cids`.
    fn cid_in(&mut self, cids: &[i32], hit: DynamicLabel) {
        for &c in cids {
            dynasm!(self.ops ; .arch x64 ; cmp edx, c ; je =>hit);
        }
    }

    /// On the slow path of `receiver[index]` (receiver in rax, index in rcx): loads an
    /// element of a typed list with Smi-sized elements into rax as a Smi, pops the
    /// receiver and jumps to `done`; falls through (rax, rcx intact) otherwise.
    pub(super) fn typed_index_get(&mut self, done: DynamicLabel) {
        let Some(t) = self.typed_layout() else {
            return;
        };
        let miss = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; test al, 1
            ; jz =>miss
            ; test cl, 1
            ; jnz =>miss
            ; mov edx, DWORD [rax + CID_DISP]
        );
        let hits: Vec<_> = t
            .elems
            .iter()
            .map(|_| self.ops.new_dynamic_label())
            .collect();
        for ((_, reads, _), &hit) in t.elems.iter().zip(&hits) {
            self.cid_in(reads, hit);
        }
        dynasm!(self.ops ; .arch x64 ; jmp =>miss);
        let restore = self.ops.new_dynamic_label();
        for (&(elem, _, _), &hit) in t.elems.iter().zip(&hits) {
            dynasm!(self.ops ; .arch x64 ; =>hit ; push rax ; push rcx);
            self.element_address(&t, elem, restore);
            self.load_element(elem);
            dynasm!(self.ops
                ; .arch x64
                ; shl rax, 1
                ; add rsp, 24
                ; jmp =>done
            );
        }
        dynasm!(self.ops
            ; .arch x64
            ; =>restore
            ; pop rcx
            ; pop rax
            ; =>miss
        );
    }

    /// On the slow path of `receiver[index] = value` (receiver in rax, index in rcx,
    /// value in r8): stores a Smi value's low bits into a writable typed list with
    /// Smi-sized elements, pops the receiver and index, leaves the value in rax and jumps
    /// to `done`; falls through (rax, rcx, r8 intact) otherwise.
    pub(super) fn typed_index_set(&mut self, done: DynamicLabel) {
        let Some(t) = self.typed_layout() else {
            return;
        };
        let miss = self.ops.new_dynamic_label();
        dynasm!(self.ops
            ; .arch x64
            ; test al, 1
            ; jz =>miss
            ; test cl, 1
            ; jnz =>miss
            ; test r8b, 1
            ; jnz =>miss
            ; mov edx, DWORD [rax + CID_DISP]
        );
        let writable: Vec<_> = t.elems.iter().filter(|(_, _, w)| !w.is_empty()).collect();
        let hits: Vec<_> = writable
            .iter()
            .map(|_| self.ops.new_dynamic_label())
            .collect();
        for ((_, _, writes), &hit) in writable.iter().zip(&hits) {
            self.cid_in(writes, hit);
        }
        dynasm!(self.ops ; .arch x64 ; jmp =>miss);
        let restore = self.ops.new_dynamic_label();
        for (&&(elem, _, _), &hit) in writable.iter().zip(&hits) {
            dynasm!(self.ops ; .arch x64 ; =>hit ; push rax ; push rcx);
            self.element_address(&t, elem, restore);
            dynasm!(self.ops ; .arch x64 ; mov rdx, r8 ; sar rdx, 1);
            self.store_element(elem);
            dynasm!(self.ops
                ; .arch x64
                ; mov rax, r8
                ; add rsp, 32
                ; jmp =>done
            );
        }
        dynasm!(self.ops
            ; .arch x64
            ; =>restore
            ; pop rcx
            ; pop rax
            ; =>miss
        );
    }

    /// On the slow path of `receiver.length` (receiver in rax): any typed list's length
    /// field, then a jump to `done`; falls through (rax intact) otherwise.
    pub(super) fn typed_length_get(&mut self, done: DynamicLabel) {
        let Some(t) = self.typed_layout() else {
            return;
        };
        let miss = self.ops.new_dynamic_label();
        let (lo, span) = (t.all.0, t.all.1 - t.all.0);
        dynasm!(self.ops
            ; .arch x64
            ; test al, 1
            ; jz =>miss
            ; mov edx, DWORD [rax + CID_DISP]
            ; sub edx, lo
            ; cmp edx, span
            ; ja =>miss
            ; mov rax, QWORD [rax + t.length]
            ; jmp =>done
            ; =>miss
        );
    }
}
