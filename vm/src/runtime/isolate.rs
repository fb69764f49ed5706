//! An isolate: one program's heap, statics, compiled code and thread block, and the
//! operations on them that the runtime entries build on — lazy compilation, calls from
//! Rust into Dart, allocation with collection, and the GC's root set.

use super::classes::ClassTable;
use super::natives::NativeRegistry;
use super::object::{Value, CID_BOOL, CID_NULL};
use super::output::Output;
use super::thread::{Thread, RUNTIME_ENTRY_COUNT};
use crate::code_heap::CodeHeap;
use crate::compiler::x64::stubs;
use crate::compiler::{CompileContext, CompileError, CompiledFunction, HandlerEntry, Selector};
use crate::front::intern::Symbol;
use crate::front::source::{SourceMap, Span};
use crate::heap::Heap;
use crate::kernel::ir::{ConstId, DartType, FieldId, FunctionId, Program};
use std::collections::HashMap;
use std::sync::Arc;

/// A pointer to the isolate running on this thread, for runtime code that calls back
/// into Dart: Dart code re-enters the runtime, which borrows the isolate again, so such
/// code cannot hold a `&mut Isolate` across the call. The discipline: every borrow taken
/// with [`IsolatePtr::get`] ends before the next call into Dart (`Isolate::invoke`) and
/// before another `get`. Making one is the unsafe step; holding one promises the
/// isolate outlives it.
#[derive(Clone, Copy)]
pub struct IsolatePtr(*mut Isolate);

impl IsolatePtr {
    pub fn new(iso: &mut Isolate) -> IsolatePtr {
        IsolatePtr(iso)
    }

    /// # Safety
    /// `thread` must be the thread block of a live isolate (generated code passes its own).
    pub unsafe fn from_thread(thread: *mut Thread) -> IsolatePtr {
        // SAFETY: per the caller; `init_thread` stored this back pointer.
        IsolatePtr(unsafe { (*thread).isolate } as *mut Isolate)
    }

    /// A pointer for tests of code that only passes it along, never dereferences it.
    #[cfg(test)]
    pub fn dangling_for_tests() -> IsolatePtr {
        IsolatePtr(std::ptr::null_mut())
    }

    /// A short borrow of the isolate (see the type's discipline).
    #[allow(clippy::mut_from_ref)]
    pub fn get<'a>(self) -> &'a mut Isolate {
        // SAFETY: the pointer was made from a live isolate that outlives this handle, and
        // callers keep borrows from overlapping (the type's documented discipline).
        unsafe { &mut *self.0 }
    }
}

/// A Dart exception is pending in the thread block (the error of operations that may
/// run Dart code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pending;

/// Flags of a run that change what the isolate does.
#[derive(Clone, Debug, Default)]
pub struct IsolateOptions {
    pub trace_compiler: bool,
    pub verbose_gc: bool,
    pub gc_stress: bool,
    pub asserts: bool,
}

/// Compiled code of one entry index, as the stack walker needs it.
pub struct CodeInfo {
    pub start: u64,
    pub size: u32,
    pub handlers: Vec<HandlerEntry>,
    pub positions: Vec<(u32, Span)>,
}

/// An argument shape at a call site.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ArgDesc {
    /// Positional arguments, including the receiver/closure where there is one.
    pub positional: u32,
    pub named: Vec<Symbol>,
    /// A type-argument vector is passed too, right after the receiver (if any).
    pub type_args: bool,
}

/// Set in the argument-descriptor id a call site passes when no static type vouches for
/// its arguments (a call through `dynamic` or `Function`, `Function.apply`): the callee's
/// prologue then checks every typed parameter (decision 39). `Isolate::argdesc_shape`
/// reads the shape of either form.
pub const DYNAMIC_CALL: u32 = 1 << 24;

impl ArgDesc {
    /// Every pushed value: receiver, type arguments, positional and named arguments.
    pub fn count(&self) -> u32 {
        self.positional + self.named.len() as u32 + self.type_args as u32
    }
}

pub struct IcSite {
    pub selector: Selector,
    pub argdesc: u32,
}

/// Addresses of the shared stubs in the code heap.
#[derive(Default, Clone, Copy)]
pub struct StubAddresses {
    pub entry_trampoline: u64,
    pub entry_exception_exit: u64,
    pub lazy_compile: u64,
    pub unwind: u64,
    pub write_barrier: u64,
}

/// The code generator of a JIT isolate. AOT isolates have none: every call into the
/// emitter goes through this table, so a binary that only loads snapshots
/// (`dartrs-aot-runtime`) never references it and the linker leaves it out.
#[derive(Clone, Copy)]
pub struct CodeGenerator {
    pub function: fn(&mut dyn CompileContext, FunctionId) -> Result<CompiledFunction, CompileError>,
    pub synthetic: fn(
        &mut dyn CompileContext,
        u32,
        &crate::kernel::ir::Function,
    ) -> Result<CompiledFunction, CompileError>,
}

/// The x64 emitter, for JIT isolates.
pub const X64_CODE_GENERATOR: CodeGenerator = CodeGenerator {
    function: crate::compiler::x64::emit::compile_function,
    synthetic: crate::compiler::x64::emit::compile_synthetic,
};

/// A fatal condition that ends the program (not a Dart exception).
#[derive(Debug)]
pub enum Fatal {
    Compile(CompileError),
    Internal(String),
}

pub struct Isolate {
    pub thread: Box<Thread>,
    pub program: Arc<Program>,
    pub sources: Arc<SourceMap>,
    pub options: IsolateOptions,
    pub heap: Heap,
    /// Where the JIT installs code; `None` in AOT mode, where all code comes from the
    /// snapshot and nothing is ever compiled.
    pub code_heap: Option<CodeHeap>,
    /// What compiles functions; `None` in AOT mode.
    pub codegen: Option<CodeGenerator>,
    /// AOT mode: the mapped snapshot (kept alive while its code may run) and what it says
    /// about entries without code.
    pub aot: Option<AotCode>,
    /// While building an AOT snapshot: a copy of the machine code installed for each entry
    /// index (the snapshot writer lays these out; the code heap copy is never run).
    pub build_code: Option<HashMap<u32, Vec<u8>>>,
    /// While building an AOT snapshot: the class hierarchy analysis that lets the
    /// emitter compile instance calls without dispatch (never in the JIT).
    pub cha: Option<Box<crate::snapshot::cha::Hierarchy>>,
    pub entries: Vec<u64>,
    pub code: Vec<Option<CodeInfo>>,
    /// What each synthetic entry (accessor stub, tear-off forwarder) is, in the order
    /// they were made, and its entry index (increasing). Before any hot reload these are
    /// the indices after the kernel functions; a reload lays new functions out after
    /// them, so older synthetic entries can sit below `program.functions.len()`.
    pub synthetic: Vec<SyntheticEntry>,
    pub synthetic_entries: Vec<u32>,
    /// Code replaced by a hot reload: frames (and suspended `async` frames) started
    /// before it still run it, so the stack walker finds it by entry index and pc.
    pub retired_code: Vec<(u32, CodeInfo)>,
    /// Hot reloads applied to this isolate.
    pub reloads: u32,
    /// Acts at every event-loop turn (the hot-reload session in debug mode).
    pub loop_host: Option<Box<dyn super::event_loop::LoopHost>>,
    /// Port messages and I/O completions other threads hand to this isolate.
    pub inbox: Arc<super::inbox::Inbox>,
    /// Open things that may still post to `inbox` (receive ports, pending I/O): while any
    /// is open the event loop waits for them instead of ending the program.
    pub event_sources: u32,
    pub ic_table: Vec<u64>,
    pub ic_sites: Vec<IcSite>,
    pub argdescs: Vec<ArgDesc>,
    pub(crate) argdesc_index: HashMap<ArgDesc, u32>,
    pub types: Vec<DartType>,
    /// Reified runtime types and type-argument vectors.
    pub rtt: super::rtt::RuntimeTypes,
    /// The runtime type of each entry of `types`, once a type test needed it.
    pub type_rt: Vec<Option<super::rtt::RtTypeId>>,
    pub statics: Vec<u64>,
    pub constants: Vec<u64>,
    pub(crate) constant_slots: HashMap<ConstId, u32>,
    pub natives: NativeRegistry,
    pub positions: Vec<Span>,
    pub classes: ClassTable,
    pub accessor_entries: HashMap<(u32, bool), u32>,
    pub tear_offs: HashMap<u32, Value>,
    /// Values Rust code keeps across allocations (GC roots, updated when objects move).
    pub handles: Vec<u64>,
    pub stubs: StubAddresses,
    pub out: Output,
    /// The exit code when `main` returns (`exitCode = n` in dart:io).
    pub exit_code: i32,
    pub next_identity_hash: u32,
    /// Canonical `Type` objects by class id.
    pub type_objects: HashMap<i64, Value>,
    /// Record shapes (ids stored in records) and record runtime types.
    pub record_shapes: super::records::RecordShapes,
    /// Per entry index, the last argument shape it was called with and where each of its
    /// parameters comes from for that shape (monomorphic cache for `CopyParameters`).
    pub param_plans: Vec<Option<(u32, Arc<[ParamSource]>)>>,
    /// Field slots of `_SuspendState` (suspendable functions).
    pub suspend_layout: Option<super::suspend::SuspendLayout>,
    /// The attached observer (the VM service), if any.
    pub agent: Option<std::rc::Rc<dyn super::agent::IsolateAgent>>,
    /// Compiled regular expressions; a `RegExp` object holds its index.
    pub regexps: super::regexp::RegExpTable,
    /// What attaches observers to isolates: spawned isolates get one too.
    pub observer: Option<Arc<dyn super::agent::AgentFactory>>,
    /// This isolate as other isolates reach it (made when `dart:isolate` is first used).
    pub control: Option<Arc<super::ports::IsolateControl>>,
    /// Open receive ports of this isolate, and whether each keeps it alive.
    pub ports: HashMap<i64, bool>,
    /// The isolate is ending (`Isolate.exit`, a kill): exceptions skip every Dart handler.
    pub terminating: bool,
    /// How `Isolate.spawn` makes another isolate of this program (AOT); `None`: over
    /// the current program in JIT mode.
    pub spawn_recipe: Option<super::spawn::SpawnRecipe>,
    /// What `SendPort.send` shares instead of copying (canonical objects by address).
    pub send_index: Option<Box<super::message::CanonicalIndex>>,
}

/// What an AOT isolate knows about the code it runs: the snapshot's mappings (which must
/// outlive every call into its text) and, for entries without code, why.
pub struct AotCode {
    /// Owns the mapped snapshot; never read, only kept alive.
    pub keep_alive: Box<dyn std::any::Any>,
    /// Entries whose compilation failed when the snapshot was built (e.g. an unsupported
    /// construct): calling one reports the error, exactly as the JIT does on first call.
    pub failures: HashMap<u32, CompileError>,
}

/// Where a parameter's value comes from at a call: an argument, or a default constant.
#[derive(Clone, Copy, Debug)]
pub enum ParamSource {
    Arg(u32),
    Value(u64),
}

#[derive(Clone, Debug)]
pub enum SyntheticEntry {
    FieldGetter(u32),
    FieldSetter(u32),
    ReturnFirstArgument,
    /// The closure function of a tear-off: takes the closure as argument 0 and calls
    /// `target` with the other arguments (and, when `bound`, the receiver the closure
    /// captured), as the Dart VM's implicit closure functions do.
    Forwarder {
        target: FunctionId,
        bound: bool,
        function: Arc<crate::kernel::ir::Function>,
    },
}

const CODE_HEAP_BYTES: usize = 256 << 20;

/// `external` members whose `vm:external-name` names a machine-code stub installed as the
/// function's code, not a native in the registry.
pub const STUB_NATIVES: &[&str] = &["SuspendState_resume"];

impl Isolate {
    /// Where the identity hash codes of a new isolate's objects start.
    pub const FIRST_IDENTITY_HASH: u32 = 0x2545_f491;

    /// Creates an isolate for `program`, with stubs installed and every function's entry
    /// slot pointing at the lazy-compile stub.
    pub fn new(
        program: Arc<Program>,
        sources: Arc<SourceMap>,
        options: IsolateOptions,
    ) -> Result<Box<Isolate>, String> {
        let code_heap = CodeHeap::new(CODE_HEAP_BYTES)
            .map_err(|e| format!("cannot reserve the code heap: {e}"))?;
        let mut iso = Isolate::bare(program, sources, options, Some(code_heap));
        iso.codegen = Some(X64_CODE_GENERATOR);
        iso.install_stubs()?;
        iso.init_thread();
        iso.give_alloc_window();
        Ok(iso)
    }

    /// An AOT isolate: no code heap and no compiler. The snapshot loader fills the stubs,
    /// entries and tables, then calls [`Isolate::finish_aot_setup`].
    pub fn new_aot(
        program: Arc<Program>,
        sources: Arc<SourceMap>,
        options: IsolateOptions,
        aot: AotCode,
    ) -> Box<Isolate> {
        let mut iso = Isolate::bare(program, sources, options, None);
        iso.aot = Some(aot);
        iso
    }

    /// Completes an AOT isolate once `stubs` and `entries` are set.
    pub fn finish_aot_setup(&mut self) {
        self.init_thread();
        self.give_alloc_window();
    }

    fn bare(
        program: Arc<Program>,
        sources: Arc<SourceMap>,
        options: IsolateOptions,
        code_heap: Option<CodeHeap>,
    ) -> Box<Isolate> {
        let classes = ClassTable::new(&program);
        let suspend_layout = super::suspend::SuspendLayout::find(&program, &classes);
        let mut iso = Box::new(Isolate {
            thread: Thread::new(),
            natives: NativeRegistry::new(),
            program,
            sources,
            options,
            heap: Heap::new(),
            code_heap,
            codegen: None,
            aot: None,
            build_code: None,
            cha: None,
            entries: Vec::new(),
            code: Vec::new(),
            synthetic: Vec::new(),
            synthetic_entries: Vec::new(),
            retired_code: Vec::new(),
            reloads: 0,
            loop_host: None,
            inbox: super::inbox::Inbox::new(),
            event_sources: 0,
            ic_table: Vec::new(),
            ic_sites: Vec::new(),
            argdescs: Vec::new(),
            argdesc_index: HashMap::new(),
            types: Vec::new(),
            rtt: super::rtt::RuntimeTypes::new(),
            type_rt: Vec::new(),
            statics: Vec::new(),
            constants: Vec::new(),
            constant_slots: HashMap::new(),
            positions: Vec::new(),
            classes,
            accessor_entries: HashMap::new(),
            tear_offs: HashMap::new(),
            handles: Vec::new(),
            stubs: StubAddresses::default(),
            out: Output::new(),
            exit_code: 0,
            next_identity_hash: Isolate::FIRST_IDENTITY_HASH,
            type_objects: HashMap::new(),
            record_shapes: Default::default(),
            param_plans: Vec::new(),
            suspend_layout,
            agent: None,
            regexps: Default::default(),
            observer: None,
            control: None,
            ports: HashMap::new(),
            terminating: false,
            spawn_recipe: None,
            send_index: None,
        });
        if iso.options.gc_stress {
            // Mostly scavenges (they exercise the write barrier), a full one now and then.
            iso.heap.full_every = 8;
        }
        iso.heap.install_barrier();
        iso
    }

    fn install_stubs(&mut self) -> Result<(), String> {
        let full = |_| "the code heap is full".to_string();
        let Some(heap) = self.code_heap.as_mut() else {
            return Err("an AOT isolate has no code heap".into());
        };
        let (entry, exit_off) = stubs::entry_trampoline();
        let entry_at = heap.install(&entry).map_err(full)? as u64;
        self.stubs = StubAddresses {
            entry_trampoline: entry_at,
            entry_exception_exit: entry_at + exit_off as u64,
            lazy_compile: heap.install(&stubs::lazy_compile_stub()).map_err(full)? as u64,
            unwind: heap.install(&stubs::unwind_stub()).map_err(full)? as u64,
            write_barrier: heap.install(&stubs::write_barrier_stub()).map_err(full)? as u64,
        };
        let n = self.program.functions.len();
        self.entries = vec![self.stubs.lazy_compile; n];
        self.code = (0..n).map(|_| None).collect();
        Ok(())
    }

    fn init_thread(&mut self) {
        let null = self.heap.allocate_immortal(CID_NULL, 1);
        let t = self.heap.allocate_immortal(CID_BOOL, 1);
        let f = self.heap.allocate_immortal(CID_BOOL, 1);
        // A unique object no Dart code can see marks uninitialised static fields.
        let sentinel = self.heap.allocate_immortal(CID_NULL, 1);
        self.statics = vec![sentinel.0; self.program.fields.len()];
        let self_ptr = self as *mut Isolate as *mut u8;
        let th = &mut *self.thread;
        th.null_value = null;
        th.true_value = t;
        th.false_value = f;
        th.uninitialized_static = sentinel.0;
        th.lazy_compile_stub = self.stubs.lazy_compile;
        th.unwind_stub = self.stubs.unwind;
        th.write_barrier_stub = self.stubs.write_barrier;
        let (nursery_start, nursery_size) = self.heap.nursery_bounds();
        th.nursery_start = nursery_start;
        th.nursery_size = nursery_size;
        th.isolate = self_ptr;
        th.runtime = super::entries::runtime_table();
        debug_assert_eq!(th.runtime.len(), RUNTIME_ENTRY_COUNT);
        self.sync_tables();
    }

    /// Points the thread at the current tables (they may have been reallocated).
    pub fn sync_tables(&mut self) {
        let th = &mut *self.thread;
        th.entry_table = self.entries.as_ptr();
        th.ic_table = self.ic_table.as_mut_ptr();
        th.statics = self.statics.as_mut_ptr();
        th.constants = self.constants.as_ptr();
    }

    pub fn null(&self) -> Value {
        self.thread.null_value
    }

    pub fn bool_value(&self, b: bool) -> Value {
        self.thread.bool_value(b)
    }

    // -----------------------------------------------------------------------------------
    // Compilation
    // -----------------------------------------------------------------------------------

    fn codegen(&self) -> Result<CodeGenerator, Fatal> {
        self.codegen
            .ok_or_else(|| Fatal::Internal("this isolate has no code generator".into()))
    }

    /// Compiles the function at entry index `index` and installs it; returns its address.
    pub fn compile(&mut self, index: u32) -> Result<u64, Fatal> {
        if let Some(code) = self.code.get(index as usize).and_then(|c| c.as_ref()) {
            return Ok(code.start);
        }
        if self.aot.is_some() {
            return Err(self.missing_aot_code(index));
        }
        let started = std::time::Instant::now();
        let timeline_start = crate::timeline::now_micros();
        let fid = FunctionId(index);
        let compiled = match self.stub_body(fid)? {
            Some(code) => crate::compiler::CompiledFunction {
                code,
                handlers: Vec::new(),
                positions: Vec::new(),
            },
            None => (self.codegen()?.function)(self, fid).map_err(Fatal::Compile)?,
        };
        let start = self.install_code(index, &compiled.code)?;
        let size = compiled.code.len() as u32;
        if self.options.trace_compiler {
            let name = &self.program.function(fid).qualified_name;
            let micros = started.elapsed().as_micros();
            self.out.flush();
            eprintln!("[compiler] {name}: {size} bytes in {micros} us");
        }
        tracing::debug!(target: "dartrs::compiler", index, size, "compiled");
        if crate::timeline::enabled(crate::timeline::Stream::Compiler) {
            let name = &self.program.function(fid).qualified_name;
            let args = serde_json::json!({ "function": name, "codeBytes": size });
            crate::timeline::complete(
                crate::timeline::Stream::Compiler,
                "CompileFunction",
                timeline_start,
                Some(args),
            );
        }
        self.code[index as usize] = Some(CodeInfo {
            start,
            size,
            handlers: compiled.handlers,
            positions: compiled.positions,
        });
        self.entries[index as usize] = start;
        self.sync_tables();
        Ok(start)
    }

    /// Machine code for the `external` functions implemented by a stub rather than a
    /// native call (they manipulate frames): see [`STUB_NATIVES`].
    fn stub_body(&self, fid: FunctionId) -> Result<Option<Vec<u8>>, Fatal> {
        match self.program.function(fid).native.map(|n| n.as_str()) {
            Some("SuspendState_resume") => match &self.suspend_layout {
                Some(l) => Ok(Some(stubs::resume_stub(l))),
                None => Err(Fatal::Internal(
                    "dart:async has no usable _SuspendState".into(),
                )),
            },
            _ => Ok(None),
        }
    }

    /// Copies code for entry `index` into the code heap (keeping a copy when building a
    /// snapshot); returns its address.
    fn install_code(&mut self, index: u32, code: &[u8]) -> Result<u64, Fatal> {
        let Some(heap) = self.code_heap.as_mut() else {
            return Err(Fatal::Internal(
                "an AOT isolate cannot install code (it has no compiler)".into(),
            ));
        };
        let start = heap
            .install(code)
            .map_err(|e| Fatal::Internal(e.to_string()))? as u64;
        if let Some(kept) = self.build_code.as_mut() {
            kept.insert(index, code.to_vec());
        }
        Ok(start)
    }

    /// Why an AOT isolate has no code for entry `index`: its compilation failed at build
    /// time (reported as the JIT would), or tree shaking removed it (a shaker bug: loud).
    fn missing_aot_code(&self, index: u32) -> Fatal {
        if let Some(e) = self.aot.as_ref().and_then(|a| a.failures.get(&index)) {
            return Fatal::Compile(e.clone());
        }
        let name = self
            .function_for_entry(index)
            .map_or_else(|| format!("entry {index}"), |f| f.qualified_name.clone());
        Fatal::Internal(format!(
            "'{name}' was removed from the AOT snapshot by tree shaking but is called"
        ))
    }

    /// In AOT mode a stub or forwarder the snapshot lacks cannot be made at run time.
    fn no_aot_stub(&self, what: &str) -> Result<(), Fatal> {
        if self.aot.is_some() {
            return Err(Fatal::Internal(format!(
                "{what} is not in the AOT snapshot (a tree-shaking bug)"
            )));
        }
        Ok(())
    }

    /// Entry index of the implicit getter/setter of instance field slot `slot`.
    pub fn accessor_entry(&mut self, slot: u32, setter: bool) -> Result<u32, Fatal> {
        if let Some(&e) = self.accessor_entries.get(&(slot, setter)) {
            return Ok(e);
        }
        self.no_aot_stub(&format!("the field accessor of slot {slot}"))?;
        let code = if setter {
            stubs::field_setter(slot)
        } else {
            stubs::field_getter(slot)
        };
        let index = self.entries.len() as u32;
        let start = self.install_code(index, &code)?;
        self.entries.push(start);
        self.code.push(None);
        self.push_synthetic(
            index,
            if setter {
                SyntheticEntry::FieldSetter(slot)
            } else {
                SyntheticEntry::FieldGetter(slot)
            },
        );
        self.accessor_entries.insert((slot, setter), index);
        self.sync_tables();
        Ok(index)
    }

    /// Records `(cid, value)` in cache site `site`: the first free way, or (when all are
    /// taken) the last way after shifting the others down.
    pub fn ic_insert(&mut self, site: u32, cid: u32, value: u64) {
        let base = site as usize * crate::compiler::IC_SITE_WORDS;
        let Some(entries) = self
            .ic_table
            .get_mut(base..base + crate::compiler::IC_SITE_WORDS)
        else {
            return;
        };
        let ways = entries.len() / 2;
        let way = (0..ways)
            .find(|&w| entries[2 * w] == u32::MAX as u64)
            .unwrap_or_else(|| {
                entries.copy_within(2.., 0);
                ways - 1
            });
        entries[2 * way] = cid as u64;
        entries[2 * way + 1] = value;
    }

    /// Entry index of the frameless stub that returns its (only) argument.
    pub fn return_first_argument_entry(&mut self) -> Result<u32, Fatal> {
        if let Some(i) = self
            .synthetic
            .iter()
            .position(|s| matches!(s, SyntheticEntry::ReturnFirstArgument))
        {
            return Ok(self.synthetic_entries[i]);
        }
        self.no_aot_stub("the identity stub")?;
        let index = self.entries.len() as u32;
        let start = self.install_code(index, &stubs::field_getter_identity())?;
        self.entries.push(start);
        self.code.push(None);
        self.push_synthetic(index, SyntheticEntry::ReturnFirstArgument);
        self.sync_tables();
        Ok(index)
    }

    /// The function at entry index `index`: a program function or a synthesised forwarder.
    pub fn function_for_entry(&self, index: u32) -> Option<&crate::kernel::ir::Function> {
        match self.synthetic_at(index) {
            None => self.program.functions.get(index as usize),
            Some(SyntheticEntry::Forwarder { function, .. }) => Some(function),
            Some(_) => None,
        }
    }

    /// The synthetic entry at entry index `index`, if it is one.
    pub fn synthetic_at(&self, index: u32) -> Option<&SyntheticEntry> {
        let first = self.synthetic_entries.first()?;
        if index < *first {
            return None;
        }
        let i = self.synthetic_entries.binary_search(&index).ok()?;
        self.synthetic.get(i)
    }

    /// Records synthetic entry `what` at entry index `index` (always the newest index).
    pub fn push_synthetic(&mut self, index: u32, what: SyntheticEntry) {
        self.synthetic.push(what);
        self.synthetic_entries.push(index);
    }

    /// Entry index of the tear-off forwarder of `target` (compiled on first use).
    pub fn forwarder_entry(&mut self, target: FunctionId, bound: bool) -> Result<u32, Fatal> {
        let existing = self.synthetic.iter().position(
            |s| matches!(s, SyntheticEntry::Forwarder { target: t, bound: b, .. } if *t == target && *b == bound),
        );
        if let Some(i) = existing {
            return Ok(self.synthetic_entries[i]);
        }
        self.no_aot_stub(&format!(
            "the tear-off of '{}'",
            self.program.function(target).qualified_name
        ))?;
        let function = Arc::new(super::closures::forwarder_function(
            &self.program,
            target,
            bound,
        ));
        let index = self.entries.len() as u32;
        self.entries.push(self.stubs.lazy_compile);
        self.code.push(None);
        self.push_synthetic(
            index,
            SyntheticEntry::Forwarder {
                target,
                bound,
                function: function.clone(),
            },
        );
        let compiled =
            (self.codegen()?.synthetic)(self, index, &function).map_err(Fatal::Compile)?;
        let start = self.install_code(index, &compiled.code)?;
        let size = compiled.code.len() as u32;
        self.code[index as usize] = Some(CodeInfo {
            start,
            size,
            handlers: compiled.handlers,
            positions: compiled.positions,
        });
        self.entries[index as usize] = start;
        self.sync_tables();
        Ok(index)
    }

    /// Code info and function id of the code containing `entry` (None for stubs).
    pub fn code_info(&self, entry: u32) -> Option<&CodeInfo> {
        self.code.get(entry as usize).and_then(|c| c.as_ref())
    }

    /// The code of entry `entry` that contains `pc` (a return address or resume point):
    /// the current code, or code a hot reload replaced that a frame still runs.
    pub fn code_at(&self, entry: u32, pc: u64) -> Option<&CodeInfo> {
        let contains = |c: &CodeInfo| pc >= c.start && pc <= c.start + c.size as u64;
        match self.code_info(entry) {
            Some(c) if contains(c) || self.retired_code.is_empty() => Some(c),
            current => self
                .retired_code
                .iter()
                .rev()
                .find(|(e, c)| *e == entry && contains(c))
                .map(|(_, c)| c)
                .or(current),
        }
    }

    // -----------------------------------------------------------------------------------
    // Allocation and collection
    // -----------------------------------------------------------------------------------

    /// Allocates an object, collecting garbage first if the semispace is full. The body
    /// is filled with `fill` (null for instances, Smi 0 for raw data).
    pub fn allocate(&mut self, cid: u32, size_words: usize) -> Value {
        self.take_alloc_window();
        if self.options.gc_stress {
            self.collect(size_words);
        }
        let v = match self.heap.try_allocate(cid, size_words) {
            Some(v) => v,
            None => {
                self.collect(size_words);
                self.heap
                    .try_allocate(cid, size_words)
                    .expect("a collection sized for the request always makes room")
            }
        };
        self.give_alloc_window();
        v
    }

    /// Generated code bump-allocates through the thread's window: take its top back
    /// before the heap allocates or collects.
    fn take_alloc_window(&mut self) {
        if self.thread.alloc_top != 0 {
            self.heap.top = self.thread.alloc_top as *mut u64;
        }
    }

    /// Hands the heap's window to generated code (an empty one under `--gc-stress`, so
    /// every allocation reaches the runtime and collects).
    fn give_alloc_window(&mut self) {
        self.thread.alloc_top = self.heap.top as u64;
        self.thread.alloc_end = if self.options.gc_stress {
            self.heap.top as u64
        } else {
            self.heap.end as u64
        };
    }

    pub fn collect(&mut self, need_words: usize) {
        self.take_alloc_window();
        self.collect_inner(need_words);
        self.give_alloc_window();
    }

    /// A collection that migrates instances of reshaped classes (hot reload).
    pub fn collect_morphing(&mut self, morph: &crate::heap::Morph) {
        self.take_alloc_window();
        self.collect_with(0, Some(morph));
        self.give_alloc_window();
    }

    fn collect_inner(&mut self, need_words: usize) {
        self.collect_with(need_words, None)
    }

    fn collect_with(&mut self, need_words: usize, morph: Option<&crate::heap::Morph>) {
        let timeline_start = crate::timeline::now_micros();
        let thread: &Thread = &self.thread;
        let statics = &mut self.statics;
        let handles = &mut self.handles;
        let tear_offs = &mut self.tear_offs;
        let pending = [thread.pending_exception, thread.pending_stack_trace];
        let mut pending_roots = pending;
        let stats = self.heap.collect_morphing(
            need_words,
            &mut |visit| {
                super::stack::visit_frame_slots(thread, visit);
                statics.iter_mut().for_each(&mut *visit);
                handles.iter_mut().for_each(&mut *visit);
                for v in tear_offs.values_mut() {
                    visit(&mut v.0);
                }
                for p in pending_roots.iter_mut().filter(|p| **p != 0) {
                    visit(p);
                }
            },
            morph,
        );
        self.thread.pending_exception = pending_roots[0];
        self.thread.pending_stack_trace = pending_roots[1];
        #[cfg(debug_assertions)]
        self.verify_after_collection();
        if crate::timeline::enabled(crate::timeline::Stream::Gc) {
            let args = serde_json::json!({
                "usedBefore": stats.before_bytes,
                "usedAfter": stats.after_bytes,
                "capacity": stats.capacity_bytes,
            });
            crate::timeline::complete(
                crate::timeline::Stream::Gc,
                match stats.kind {
                    crate::heap::GcKind::Scavenge => "CollectNewGeneration",
                    crate::heap::GcKind::Full => "CollectOldGeneration",
                },
                timeline_start,
                Some(args),
            );
        }
        if let Some(agent) = self.agent.clone() {
            agent.collected(self, &stats);
        }
        if self.options.verbose_gc {
            self.out.flush();
            let kind = match stats.kind {
                crate::heap::GcKind::Scavenge => "scavenge",
                crate::heap::GcKind::Full => "full",
            };
            eprintln!(
                "[gc] {kind} #{}: {} KiB -> {} KiB (capacity {} KiB), {} us",
                self.heap.collections,
                stats.before_bytes / 1024,
                stats.after_bytes / 1024,
                stats.capacity_bytes / 1024,
                stats.micros
            );
        }
    }

    /// Debug builds: the heap and the frames must be consistent after every collection.
    #[cfg(debug_assertions)]
    fn verify_after_collection(&self) {
        let max_cid = super::object::FIRST_PROGRAM_CID as usize + self.program.classes.len();
        if let Err(problem) = self
            .heap
            .verify(|cid| (cid as usize) < max_cid && cid != super::object::CID_SMI)
        {
            panic!("heap verification failed after a collection: {problem}");
        }
        for frame in super::stack::FrameWalker::from_exit(&self.thread) {
            if let super::stack::Frame::Dart { entry, .. } = frame {
                assert!(
                    (entry as usize) < self.entries.len(),
                    "frame marker {entry} is not an entry index"
                );
            }
        }
    }

    // -----------------------------------------------------------------------------------
    // Calling Dart from Rust
    // -----------------------------------------------------------------------------------

    /// Calls entry index `index` with `args` (receiver first where there is one). Returns
    /// `Err(Pending)` when the call ended with an exception, which stays pending.
    pub fn invoke(
        iso: IsolatePtr,
        index: u32,
        args: &[Value],
        argdesc: u32,
    ) -> Result<Value, Pending> {
        let (thread, trampoline, entry) = {
            let i = iso.get();
            (
                &mut *i.thread as *mut Thread,
                i.stubs.entry_trampoline,
                i.entries[index as usize],
            )
        };
        type Trampoline =
            unsafe extern "sysv64" fn(*mut Thread, u64, *const Value, u64, u64, u64) -> u64;
        // SAFETY: `trampoline` is the entry stub installed by `install_stubs`, which has
        // exactly this signature; `args` stays alive during the call; no borrow of the
        // isolate is held across it.
        let result = unsafe {
            let f: Trampoline = std::mem::transmute(trampoline as usize);
            let desc = Value::smi(argdesc as i64).0;
            f(
                thread,
                entry,
                args.as_ptr(),
                args.len() as u64,
                desc,
                index as u64,
            )
        };
        if iso.get().thread.has_pending_exception() {
            Err(Pending)
        } else {
            Ok(Value(result))
        }
    }

    /// The shape of argument descriptor `id` (with or without `DYNAMIC_CALL`).
    pub fn argdesc_shape(&self, id: u32) -> &ArgDesc {
        &self.argdescs[(id & !DYNAMIC_CALL) as usize]
    }

    pub fn argdesc_for(&mut self, positional: u32, named: &[Symbol]) -> u32 {
        self.argdesc_full(positional, named, false)
    }

    pub fn argdesc_full(&mut self, positional: u32, named: &[Symbol], type_args: bool) -> u32 {
        let d = ArgDesc {
            positional,
            named: named.to_vec(),
            type_args,
        };
        if let Some(&i) = self.argdesc_index.get(&d) {
            return i;
        }
        let i = self.argdescs.len() as u32;
        self.argdescs.push(d.clone());
        self.argdesc_index.insert(d, i);
        i
    }

    /// Finds a top-level function of `dart:core` by name (the runtime's entry points).
    pub fn core_function(&self, name: &str) -> Option<FunctionId> {
        let sym = Symbol::intern(name);
        self.program
            .libraries
            .iter()
            .filter(|l| l.uri == "dart:core")
            .flat_map(|l| l.functions.iter())
            .copied()
            .find(|&f| self.program.function(f).name == sym)
    }
}

impl Drop for Isolate {
    /// Nobody may reach an isolate that is gone: its ports close and its control forgets
    /// the address of the interrupt word (which lives in this isolate's thread block).
    fn drop(&mut self) {
        if let Some(control) = self.control.take() {
            control.unregister();
        }
    }
}

impl CompileContext for Isolate {
    fn program(&self) -> &Program {
        &self.program
    }

    fn program_arc(&self) -> Arc<Program> {
        self.program.clone()
    }

    fn new_ic_site(&mut self, selector: Selector, argdesc: u32) -> u32 {
        let site = self.ic_sites.len() as u32;
        self.ic_sites.push(IcSite { selector, argdesc });
        // An impossible class id never matches, so the first call always misses.
        for _ in 0..crate::compiler::IC_WAYS {
            self.ic_table.extend_from_slice(&[u32::MAX as u64, 0]);
        }
        self.sync_tables();
        site
    }

    fn new_type_test_site(&mut self) -> u32 {
        // Shares the inline-cache table (two words per site); the selector is unused.
        self.new_ic_site(Selector::Method(Symbol::intern("is")), 0)
    }

    fn argdesc(&mut self, positional: u32, named: &[Symbol]) -> u32 {
        self.argdesc_for(positional, named)
    }

    fn argdesc_with_type_args(&mut self, positional: u32, named: &[Symbol]) -> u32 {
        self.argdesc_full(positional, named, true)
    }

    fn closed_type_args(&mut self, types: &[DartType]) -> u32 {
        let program = self.program.clone();
        self.rtt.instantiate_vector(&program, types, &[]).0
    }

    fn type_template(&mut self, types: &[DartType], env_names: Vec<Vec<Symbol>>) -> u32 {
        self.rtt.templates.push(super::rtt::Template {
            types: types.to_vec(),
            env_names,
        });
        self.rtt.templates.len() as u32 - 1
    }

    fn type_index(&mut self, ty: &DartType) -> u32 {
        if let Some(i) = self.types.iter().position(|t| t == ty) {
            return i as u32;
        }
        self.types.push(ty.clone());
        self.types.len() as u32 - 1
    }

    fn native_index(&mut self, name: Symbol) -> Option<u32> {
        self.natives.index_of(name.as_str())
    }

    fn class_cid(&self, class: crate::kernel::ir::ClassId) -> u32 {
        self.classes.cid_of(class)
    }

    fn instance_slots(&self, class: crate::kernel::ir::ClassId) -> u32 {
        self.classes.instance_slots(class)
    }

    fn constant_slot(&mut self, id: ConstId) -> Result<u32, String> {
        if let Some(&s) = self.constant_slots.get(&id) {
            return Ok(s);
        }
        let v = super::constants::materialize(self, id)?;
        let slot = self.constants.len() as u32;
        self.constants.push(v.0);
        self.constant_slots.insert(id, slot);
        self.sync_tables();
        Ok(slot)
    }

    fn record_shape_id(&mut self, shape: &crate::kernel::ir::RecordShape) -> u32 {
        self.record_shapes.intern(shape)
    }

    fn static_slot(&self, field: FieldId) -> u32 {
        field.0
    }

    fn asserts_enabled(&self) -> bool {
        self.options.asserts
    }

    fn position_id(&mut self, span: Span) -> u32 {
        self.positions.push(span);
        self.positions.len() as u32 - 1
    }

    fn devirtualize(
        &mut self,
        receiver: &DartType,
        selector: Selector,
        argdesc: u32,
    ) -> Option<crate::compiler::Devirtualized> {
        let mut cha = self.cha.take()?;
        let result = cha.devirtualize(self, receiver, selector, argdesc);
        self.cha = Some(cha);
        result
    }

    fn async_helper(&self, name: &str) -> Option<FunctionId> {
        let sym = Symbol::intern(name);
        self.program
            .libraries
            .iter()
            .filter(|l| l.uri == "dart:async")
            .flat_map(|l| l.functions.iter())
            .copied()
            .find(|&f| self.program.function(f).name == sym)
    }
}
