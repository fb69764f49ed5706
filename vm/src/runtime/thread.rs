//! The thread block: the one structure generated code reaches through its pinned
//! register (`r14`). Everything machine code needs at run time — the stack limit, the
//! canonical null/true/false, the function entry table, inline-cache and static-field
//! tables, runtime entry points and stub addresses — is at a fixed offset from it, which
//! is what keeps generated code free of absolute addresses (DESIGN.md decision 2).

use super::object::Value;
use std::mem::offset_of;

/// Runtime entry points generated code calls through `call [r14 + RT + 8*i]`.
/// Each is an `extern "sysv64" fn(*mut Thread, u64, u64, u64, u64) -> u64`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub enum RuntimeEntry {
    /// (fid) -> entry address; compiles the function (lazy-compile stub).
    CompileFunction,
    /// (site, receiver) -> entry index; fills the call site's inline cache.
    ResolveInstanceCall,
    /// (native index, args pointer, argc) -> result.
    CallNative,
    /// (cid, size_words) -> new object.
    Allocate,
    /// (exception) -> never returns normally: sets the pending exception with a trace.
    Throw,
    /// () -> rethrows the exception being handled (keeps its trace).
    Rethrow,
    /// () -> raises StackOverflowError.
    StackOverflow,
    /// (fid, argdesc, args pointer, locals pointer) -> copies/defaults parameters.
    CopyParameters,
    /// (kind, value) -> raises a runtime error of `kind` (see `runtime::errors`).
    RaiseError,
    /// (count, parts pointer) -> a new string concatenating the parts (each a String).
    StringConcat,
    /// (type index, value) -> true/false (`is`).
    InstanceOf,
    /// (type index, value) -> value or raises TypeError (`as`).
    CastTo,
    /// (field id) -> value; runs a static field's lazy initialiser.
    InitStatic,
    /// (fid, captures count, captures pointer) -> new closure.
    AllocateClosure,
    /// (list literal: count, elements pointer) -> new growable list.
    ListLiteral,
    /// (map literal: count, entries pointer) -> new map.
    MapLiteral,
    /// (fid) -> canonical closure of a static function.
    StaticTearOff,
    /// (closure, argdesc) -> entry index to call with the closure as argument 0.
    ResolveClosureCall,
    /// () -> finds the handler of the pending exception from the exit frame and stores
    /// its pc/fp/sp in the thread (called by the unwind stub).
    FindHandler,
    /// (value) -> boxed copy for a captured variable.
    AllocateBox,
    /// (template, env count, env vectors pointer) -> type-argument vector (Smi id).
    InstantiateTypeArgs,
    /// (class, receiver pointer) -> the receiver's type arguments as that class.
    InstanceTypeArgs,
    /// (value, vector of one type) -> true/false (`is T` with `T` known at run time).
    InstanceOfRuntime,
    /// (value, vector of one type) -> value or raises TypeError.
    CastToRuntime,
    /// (vector of one type) -> its canonical Type object.
    TypeValue,

    /// (shape id, count, fields pointer) -> new record.
    AllocateRecord,
    /// (type index, is_cast, value) -> `is`/`as` against a record type (no cache).
    RecordTypeTest,
    /// (hidden local, resume pc) -> copies the calling frame into its `_SuspendState`
    /// (see `runtime::suspend`) and returns the state.
    Suspend,
    /// () -> answers the VM service's requests (called when `service_interrupt` is set, at
    /// function entry and loop back edges; may block while the isolate is paused).
    ServicePoll,
    /// (type index, fid, parameter local, value) -> raises the TypeError of a parameter
    /// that failed its check against a closed declared type.
    ParameterTypeError,
    /// (fid, parameter local, value, vector of one type) -> checks a parameter against a
    /// declared type known at run time; raises TypeError when it fails.
    CheckParameterRuntime,
    /// (object) -> records it in the remembered set (the write barrier's slow path,
    /// called through `write_barrier_stub`, which saves every register).
    RememberObject,
}

pub const RUNTIME_ENTRY_COUNT: usize = RuntimeEntry::RememberObject as usize + 1;

/// Frame marker in `[rbp - 8]` of an entry frame (Rust calling into Dart).
pub const ENTRY_FRAME_MARKER: u64 = u64::MAX - 1;

#[repr(C)]
pub struct Thread {
    /// Generated code compares `rsp` against this at every function entry.
    pub stack_limit: u64,
    /// Bump-allocation window of the heap's active space, used by inline allocation in
    /// generated code. The isolate syncs it with the heap around Rust-side allocation.
    pub alloc_top: u64,
    pub alloc_end: u64,
    pub null_value: Value,
    pub true_value: Value,
    pub false_value: Value,
    /// Code address per entry index (kernel function ids first, then synthetic entries).
    pub entry_table: *const u64,
    /// Inline caches: two words per call site, `[class id, entry index]`.
    pub ic_table: *mut u64,
    /// Current values of static fields, by `FieldId` (a sentinel until initialised).
    pub statics: *mut u64,
    /// Values of compile-time constants, by `ConstId`.
    pub constants: *const u64,
    /// Top Dart frame at the most recent call into the runtime: fp, sp and pc.
    pub exit_fp: u64,
    pub exit_sp: u64,
    pub exit_pc: u64,
    /// An exception raised by the runtime, not yet delivered to a handler, and its stack
    /// trace. One is pending exactly when the trace is not 0: the exception itself may be
    /// any value, the Smi 0 (raw 0) included (`throw 0`).
    pub pending_exception: u64,
    pub pending_stack_trace: u64,
    /// Where the unwind stub continues after a handler was found.
    pub handler_pc: u64,
    pub handler_fp: u64,
    pub handler_sp: u64,
    /// Sentinel in uninitialised static-field slots.
    pub uninitialized_static: u64,
    /// Addresses of shared stubs (lazy compile, unwind).
    pub lazy_compile_stub: u64,
    pub unwind_stub: u64,
    /// Back pointer to the owning isolate (runtime entries reach the VM state through it).
    pub isolate: *mut u8,
    /// Non-zero when the VM service asked this isolate to stop at its next safepoint.
    /// Written by the service thread (atomically, see `service::interrupt`), read by
    /// generated code at function entry and loop back edges.
    pub service_interrupt: u64,
    /// The nursery (start address, size in bytes) and the write barrier's slow-path stub:
    /// generated code records a store of a nursery object into an object outside it.
    pub nursery_start: u64,
    pub nursery_size: u64,
    pub write_barrier_stub: u64,
    pub runtime: [u64; RUNTIME_ENTRY_COUNT],
}

macro_rules! thread_offset {
    ($($name:ident => $field:ident),* $(,)?) => {
        $(pub const $name: i32 = offset_of!(Thread, $field) as i32;)*
    };
}

thread_offset! {
    STACK_LIMIT => stack_limit,
    ALLOC_TOP => alloc_top,
    ALLOC_END => alloc_end,
    NULL => null_value,
    TRUE => true_value,
    FALSE => false_value,
    ENTRY_TABLE => entry_table,
    IC_TABLE => ic_table,
    STATICS => statics,
    CONSTANTS => constants,
    EXIT_FP => exit_fp,
    EXIT_SP => exit_sp,
    EXIT_PC => exit_pc,
    PENDING_EXCEPTION => pending_exception,
    PENDING_STACK_TRACE => pending_stack_trace,
    HANDLER_PC => handler_pc,
    HANDLER_FP => handler_fp,
    HANDLER_SP => handler_sp,
    UNINITIALIZED_STATIC => uninitialized_static,
    LAZY_COMPILE_STUB => lazy_compile_stub,
    UNWIND_STUB => unwind_stub,
    SERVICE_INTERRUPT => service_interrupt,
    NURSERY_START => nursery_start,
    NURSERY_SIZE => nursery_size,
    WRITE_BARRIER_STUB => write_barrier_stub,
}

/// Offset of runtime entry `e` from the thread register.
pub fn runtime_offset(e: RuntimeEntry) -> i32 {
    (offset_of!(Thread, runtime) + 8 * e as usize) as i32
}

impl Thread {
    /// Is an exception pending (see `pending_stack_trace`)?
    pub fn has_pending_exception(&self) -> bool {
        self.pending_stack_trace != 0
    }

    pub fn clear_pending_exception(&mut self) {
        self.pending_exception = 0;
        self.pending_stack_trace = 0;
    }

    pub fn new() -> Box<Thread> {
        Box::new(Thread {
            stack_limit: 0,
            alloc_top: 0,
            alloc_end: 0,
            null_value: Value(0),
            true_value: Value(0),
            false_value: Value(0),
            entry_table: std::ptr::null(),
            ic_table: std::ptr::null_mut(),
            statics: std::ptr::null_mut(),
            constants: std::ptr::null(),
            exit_fp: 0,
            exit_sp: 0,
            exit_pc: 0,
            pending_exception: 0,
            pending_stack_trace: 0,
            handler_pc: 0,
            handler_fp: 0,
            handler_sp: 0,
            uninitialized_static: 0,
            lazy_compile_stub: 0,
            unwind_stub: 0,
            isolate: std::ptr::null_mut(),
            service_interrupt: 0,
            nursery_start: 0,
            nursery_size: 0,
            write_barrier_stub: 0,
            runtime: [0; RUNTIME_ENTRY_COUNT],
        })
    }

    pub fn bool_value(&self, b: bool) -> Value {
        if b {
            self.true_value
        } else {
            self.false_value
        }
    }
}
