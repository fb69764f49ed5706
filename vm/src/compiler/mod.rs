//! The compiler: kernel IR to x86-64 machine code. One emitter serves the JIT (one
//! function at a time, on first call) and, later, AOT (whole program).
//!
//! The generated code is position-independent: it reaches runtime entries, stubs, the
//! entry table and constants through the thread register, and jumps only within itself.

pub mod x64;

use crate::front::intern::Symbol;
use crate::front::source::Span;
use crate::kernel::ir::{ClassId, DartType, FieldId, FunctionId};

/// Machine code for one function, before it is installed in the code heap.
pub struct CompiledFunction {
    pub code: Vec<u8>,
    /// Exception handlers, innermost first.
    pub handlers: Vec<HandlerEntry>,
    /// Source position of each call's return address (offset into `code`), for stack
    /// traces; sorted by offset.
    pub positions: Vec<(u32, Span)>,
}

/// One try-region of a function: pcs in `[start, end)` are handled at `handler`, which
/// runs with `sp_slots` words between the frame marker and the stack pointer.
#[derive(Clone, Copy, Debug, serde::Serialize, serde::Deserialize)]
pub struct HandlerEntry {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub sp_slots: u32,
    pub depth: u32,
}

/// Why a function could not be compiled. Reported loudly: the program stops with the
/// message, it never runs wrong code.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CompileError {
    pub span: Span,
    pub message: String,
}

/// What the emitter needs from the VM while compiling: ids for call sites, argument
/// shapes, types and natives, and object layouts.
pub trait CompileContext {
    fn program(&self) -> &crate::kernel::ir::Program;
    fn program_arc(&self) -> std::sync::Arc<crate::kernel::ir::Program>;
    /// A fresh cache site for a type test (`is`/`as`), in the inline-cache table.
    fn new_type_test_site(&mut self) -> u32;
    /// A fresh inline-cache site for an instance call/get/set.
    fn new_ic_site(&mut self, selector: Selector, argdesc: u32) -> u32;
    /// Interned argument descriptor: positional count plus named-argument names.
    fn argdesc(&mut self, positional: u32, named: &[Symbol]) -> u32;
    /// An argument descriptor whose call also passes a type-argument vector (pushed right
    /// after the receiver, before the positional arguments).
    fn argdesc_with_type_args(&mut self, positional: u32, named: &[Symbol]) -> u32;
    /// The vector of closed types `types`, interned now (the emitter folds it).
    fn closed_type_args(&mut self, types: &[DartType]) -> u32;
    /// Registers an instantiation template (types over the names of each environment entry).
    fn type_template(&mut self, types: &[DartType], env_names: Vec<Vec<Symbol>>) -> u32;
    /// Interned runtime type for `is`/`as`/`catch on`.
    fn type_index(&mut self, ty: &DartType) -> u32;
    fn native_index(&mut self, name: Symbol) -> Option<u32>;
    /// Runtime class id of a kernel class.
    fn class_cid(&self, class: ClassId) -> u32;
    /// Number of field slots in instances of `class` (inherited included).
    fn instance_slots(&self, class: ClassId) -> u32;
    /// Makes sure constant `id` has a value in the constant table; returns its index.
    fn constant_slot(&mut self, id: crate::kernel::ir::ConstId) -> Result<u32, String>;
    fn static_slot(&self, field: FieldId) -> u32;
    /// Whether `assert` statements are compiled (debug mode, or `--enable-asserts`).
    fn asserts_enabled(&self) -> bool;
    /// Interned source position, for messages that quote source (failed assertions).
    fn position_id(&mut self, span: Span) -> u32;
    /// Interned id of a record shape (what records store, so shape tests are one compare).
    fn record_shape_id(&mut self, shape: &crate::kernel::ir::RecordShape) -> u32;
    /// A top-level function of `dart:async` that compiled suspendable functions call
    /// (`_awaitHelper`, `_returnAsync`, ...).
    fn async_helper(&self, name: &str) -> Option<FunctionId>;
    /// Entry index of a function (its kernel id).
    fn entry_index(&self, f: FunctionId) -> u32 {
        f.0
    }
    /// AOT builds only: what an instance call of `selector` with argument shape `argdesc`
    /// on a receiver of static type `receiver` can do without dispatch, when class
    /// hierarchy analysis finds one target for every class whose instances the receiver
    /// can be. `None` (always, in the JIT: its code stays patchable for hot reload) keeps
    /// the inline-cache call.
    fn devirtualize(
        &mut self,
        _receiver: &DartType,
        _selector: Selector,
        _argdesc: u32,
    ) -> Option<Devirtualized> {
        None
    }
}

/// An instance call site compiled without dispatch: when the receiver's class id is in
/// one of `cids` (inclusive ranges), `target` runs; any other receiver (null, a class
/// the analysis did not expect) takes the ordinary inline-cache call, so a static type
/// that lied can cost speed but never correctness.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Devirtualized {
    pub cids: Vec<(u32, u32)>,
    pub target: DirectTarget,
}

/// What a devirtualised call site does for the expected receivers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectTarget {
    /// A direct call of the one implementation (through the entry table, no cache).
    Call(FunctionId),
    /// An implicit field getter, or a getter or method whose body returns the field:
    /// one load from that slot of the receiver.
    LoadField(u32),
    /// An implicit field setter: one store into the slot (with the write barrier).
    StoreField(u32),
    /// A getter or method whose body returns a constant.
    Constant(crate::kernel::ir::ConstId),
}

/// Entries per inline-cache (and type-test cache) site: class id and target/answer.
pub const IC_WAYS: u32 = 4;
/// Words per site in the inline-cache table.
pub const IC_SITE_WORDS: usize = 2 * IC_WAYS as usize;

/// Byte offsets, from the table's base, of the class id and the value of `way` of `site`.
pub fn ic_entry_offsets(site: u32, way: u32) -> (i32, i32) {
    let entry = 8 * (IC_SITE_WORDS as i32 * site as i32 + 2 * way as i32);
    (entry, entry + 8)
}

/// What an instance call site looks up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Selector {
    Method(Symbol),
    Getter(Symbol),
    Setter(Symbol),
}
