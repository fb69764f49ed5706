//! Inline fast paths for `dart:typed_data`: `list[i]` and `list[i] = v` on `Uint8List`s
//! (and their views) load or store the byte directly, and `list.length` on any typed
//! list reads its length field; everything else (other element types, bad indexes,
//! non-Smi values) falls back to the instance call, which checks and throws exactly.
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

/// Where the emitter finds a typed list's parts.
pub(super) struct TypedLayout {
    /// `_Uint8List`, `_Uint8ArrayView`: byte reads and writes.
    writable_bytes: [i32; 2],
    /// `_UnmodifiableUint8ArrayView`: byte reads only.
    readonly_bytes: i32,
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
        Some(TypedLayout {
            writable_bytes: [cid(class("_Uint8List")?), cid(class("_Uint8ArrayView")?)],
            readonly_bytes: cid(class("_UnmodifiableUint8ArrayView")?),
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

    /// With a typed list in rax known to be a byte list and a Smi index in rcx: checks
    /// the index (jumping to `slow`) and leaves the element's address minus
    /// `STORE_DATA_DISP` in rax. Clobbers rdx and rcx.
    fn byte_address(&mut self, t: &TypedLayout, slow: DynamicLabel) {
        dynasm!(self.ops
            ; .arch x64
            // Tagged Smis compare like their values; a negative index is a huge unsigned.
            ; cmp rcx, QWORD [rax + t.length]
            ; jae =>slow
            ; mov rdx, QWORD [rax + t.offset]
            ; sar rdx, 1
            ; sar rcx, 1
            ; add rdx, rcx
            ; mov rax, QWORD [rax + t.store]
            ; add rax, rdx
        );
    }

    /// Jumps to `hit` when the class id in edx is one of `cids`.
    fn cid_in(&mut self, cids: &[i32], hit: DynamicLabel) {
        for &c in cids {
            dynasm!(self.ops ; .arch x64 ; cmp edx, c ; je =>hit);
        }
    }

    /// On the slow path of `receiver[index]` (receiver in rax, index in rcx): loads the
    /// byte of a `Uint8List` into rax as a Smi, pops the receiver and jumps to `done`;
    /// falls through (rax, rcx intact) otherwise.
    pub(super) fn typed_index_get(&mut self, done: DynamicLabel) {
        let Some(t) = self.typed_layout() else {
            return;
        };
        let (miss, hit) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
        dynasm!(self.ops
            ; .arch x64
            ; test al, 1
            ; jz =>miss
            ; test cl, 1
            ; jnz =>miss
            ; mov edx, DWORD [rax + CID_DISP]
        );
        self.cid_in(
            &[t.writable_bytes[0], t.writable_bytes[1], t.readonly_bytes],
            hit,
        );
        dynasm!(self.ops ; .arch x64 ; jmp =>miss ; =>hit ; push rax ; push rcx);
        let restore = self.ops.new_dynamic_label();
        self.byte_address(&t, restore);
        dynasm!(self.ops
            ; .arch x64
            ; movzx eax, BYTE [rax + STORE_DATA_DISP]
            ; shl rax, 1
            ; add rsp, 24
            ; jmp =>done
            ; =>restore
            ; pop rcx
            ; pop rax
            ; =>miss
        );
    }

    /// On the slow path of `receiver[index] = value` (receiver in rax, index in rcx,
    /// value in r8): stores a Smi value's low byte into a writable `Uint8List`, pops the
    /// receiver and index, leaves the value in rax and jumps to `done`; falls through
    /// (rax, rcx, r8 intact) otherwise.
    pub(super) fn typed_index_set(&mut self, done: DynamicLabel) {
        let Some(t) = self.typed_layout() else {
            return;
        };
        let (miss, hit) = (self.ops.new_dynamic_label(), self.ops.new_dynamic_label());
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
        self.cid_in(&t.writable_bytes, hit);
        dynasm!(self.ops ; .arch x64 ; jmp =>miss ; =>hit ; push rax ; push rcx);
        let restore = self.ops.new_dynamic_label();
        self.byte_address(&t, restore);
        dynasm!(self.ops
            ; .arch x64
            ; mov rdx, r8
            ; sar rdx, 1
            ; mov BYTE [rax + STORE_DATA_DISP], dl
            ; mov rax, r8
            ; add rsp, 32
            ; jmp =>done
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
