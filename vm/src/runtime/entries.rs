//! Runtime entries: the Rust functions generated code calls through the thread block.
//!
//! Each has the signature `extern "sysv64" fn(*mut Thread, u64, u64, u64, u64) -> u64`.
//! Object arguments arrive as a pointer to Dart stack slots (arg `i` of `n` at
//! `args[n-1-i]`), which the collector updates, so an entry re-reads them after anything
//! that may allocate. An entry never unwinds: a Dart exception is left pending in the
//! thread and the generated code dispatches it to its handler on return.

use super::isolate::{Fatal, Isolate, IsolatePtr};
use super::layout::*;
use super::object::*;
use super::stack::{Frame, FrameWalker};
use super::thread::{RuntimeEntry, Thread, RUNTIME_ENTRY_COUNT};
use crate::compiler::Selector;
use crate::kernel::ir::{FunctionId, FunctionKind};

pub type Entry = extern "sysv64" fn(*mut Thread, u64, u64, u64, u64) -> u64;

/// The table copied into every thread block, indexed by [`RuntimeEntry`].
pub fn runtime_table() -> [u64; RUNTIME_ENTRY_COUNT] {
    let mut t = [0u64; RUNTIME_ENTRY_COUNT];
    let mut set = |e: RuntimeEntry, f: Entry| t[e as usize] = f as usize as u64;
    set(RuntimeEntry::CompileFunction, rt_compile);
    set(RuntimeEntry::ResolveInstanceCall, rt_resolve_instance_call);
    set(RuntimeEntry::CallNative, rt_call_native);
    set(RuntimeEntry::Allocate, rt_allocate);
    set(RuntimeEntry::Throw, rt_throw);
    set(RuntimeEntry::Rethrow, rt_rethrow);
    set(RuntimeEntry::StackOverflow, rt_stack_overflow);
    set(RuntimeEntry::CopyParameters, rt_copy_parameters);
    set(RuntimeEntry::RaiseError, rt_raise_error);
    set(RuntimeEntry::StringConcat, rt_string_concat);
    set(RuntimeEntry::InstanceOf, rt_instance_of);
    set(RuntimeEntry::CastTo, rt_cast_to);
    set(RuntimeEntry::InitStatic, rt_init_static);
    set(RuntimeEntry::AllocateClosure, rt_allocate_closure);
    set(RuntimeEntry::ListLiteral, rt_list_literal);
    set(RuntimeEntry::MapLiteral, rt_map_literal);
    set(RuntimeEntry::StaticTearOff, rt_static_tear_off);
    set(RuntimeEntry::ResolveClosureCall, rt_resolve_closure_call);
    set(RuntimeEntry::FindHandler, rt_find_handler);
    set(RuntimeEntry::AllocateBox, rt_allocate_box);
    set(RuntimeEntry::InstantiateTypeArgs, rt_instantiate_type_args);
    set(RuntimeEntry::InstanceTypeArgs, rt_instance_type_args);
    set(RuntimeEntry::InstanceOfRuntime, rt_instance_of_runtime);
    set(RuntimeEntry::CastToRuntime, rt_cast_to_runtime);
    set(RuntimeEntry::TypeValue, rt_type_value);
    set(
        RuntimeEntry::AllocateRecord,
        super::records::allocate_entry(),
    );
    set(
        RuntimeEntry::RecordTypeTest,
        super::records::type_test_entry(),
    );
    set(RuntimeEntry::Suspend, super::suspend::rt_suspend);
    set(RuntimeEntry::ServicePoll, rt_service_poll);
    set(RuntimeEntry::ParameterTypeError, rt_parameter_type_error);
    set(
        RuntimeEntry::CheckParameterRuntime,
        rt_check_parameter_runtime,
    );
    set(RuntimeEntry::RememberObject, rt_remember_object);
    t
}

/// The isolate owning `thread`.
///
/// # Safety
/// `thread` must be the thread block of a live isolate, called from its generated code.
unsafe fn isolate<'a>(thread: *mut Thread) -> &'a mut Isolate {
    // SAFETY: per the caller; the isolate installed this back pointer in `init_thread`.
    unsafe { &mut *((*thread).isolate as *mut Isolate) }
}

/// Reads object argument `i` of `n` pushed by generated code.
///
/// # Safety
/// `args` must point at `n` pushed slots.
unsafe fn arg(args: u64, n: u64, i: u64) -> Value {
    // SAFETY: per the caller.
    unsafe { Value(*((args + 8 * (n - 1 - i)) as *const u64)) }
}

/// Ends the process on a fatal condition (a construct the compiler does not support,
/// an internal error): prints the reason in the front end's format and exits.
pub fn die(iso: &mut Isolate, fatal: Fatal) -> ! {
    iso.out.flush();
    match fatal {
        Fatal::Compile(e) => {
            let mut d = crate::front::diagnostics::Diagnostics::new();
            d.error(e.span, e.message);
            eprint!("{}", d.render(&iso.sources));
            std::process::exit(254);
        }
        Fatal::Internal(m) => {
            eprintln!("dartrs: internal error: {m}");
            std::process::exit(70);
        }
    }
}

extern "sysv64" fn rt_compile(thread: *mut Thread, index: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from the lazy-compile stub with its thread.
    let iso = unsafe { isolate(thread) };
    match iso.compile(index as u32) {
        Ok(addr) => addr,
        Err(f) => die(iso, f),
    }
}

extern "sysv64" fn rt_allocate(thread: *mut Thread, cid: u64, size: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with its thread.
    let iso = unsafe { isolate(thread) };
    new_instance(iso, cid as u32, size as usize).0
}

/// A new instance with every field null.
pub fn new_instance(iso: &mut Isolate, cid: u32, size_words: usize) -> Value {
    let obj = iso.allocate(cid, size_words);
    let null = iso.null().0;
    for i in 0..size_words - 1 {
        // SAFETY: `obj` has `size_words - 1` field slots.
        unsafe { obj.set_slot(i, null) };
    }
    obj
}

extern "sysv64" fn rt_allocate_box(thread: *mut Thread, args: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with one pushed argument.
    let iso = unsafe { isolate(thread) };
    let b = iso.allocate(CID_BOX, 1 + BOX_SLOTS);
    // SAFETY: re-read after the allocation; `b` has one slot.
    unsafe { b.set_slot(BOX_VALUE, arg(args, 1, 0).0) };
    b.0
}

// ---------------------------------------------------------------------------------------
// Exceptions
// ---------------------------------------------------------------------------------------

/// Entry index standing for an `<asynchronous suspension>` line in a stack trace.
pub const ASYNC_GAP: u32 = u32::MAX;

/// Captures the current stack (from the exit frame) as a StackTrace object.
///
/// A resumed `async` frame ends the synchronous part (what called it is the event loop's
/// machinery); the functions awaiting it follow, each after an [`ASYNC_GAP`] pair printed
/// as `<asynchronous suspension>`, as the Dart VM prints asynchronous stack traces.
pub fn capture_stack_trace(iso: &mut Isolate) -> Value {
    let mut pairs = Vec::new();
    // Frames are recorded with their absolute pc, which finds the right code even when a
    // hot reload replaces the function's code before the trace is printed.
    let offset = |_: &Isolate, _: u32, pc: u64| pc;
    for frame in FrameWalker::from_exit(&iso.thread) {
        if let Frame::Dart { entry, pc, fp, .. } = frame {
            pairs.push((entry, offset(iso, entry, pc)));
            if let Some(state) = super::suspend::resumed_async_state(iso, entry, fp) {
                pairs.push((ASYNC_GAP, 0));
                for (awaiter, pc) in super::suspend::awaiters(iso, state) {
                    pairs.push((awaiter, offset(iso, awaiter, pc)));
                    pairs.push((ASYNC_GAP, 0));
                }
                break;
            }
        }
    }
    let frames = iso.allocate(CID_ARRAY, 1 + ARRAY_HEADER_SLOTS + 2 * pairs.len());
    // SAFETY: `frames` has room for the header slots and 2 * len elements.
    unsafe {
        frames.set_slot(ARRAY_LENGTH, Value::smi(2 * pairs.len() as i64).0);
        frames.set_slot(ARRAY_TYPE_ARGS, Value::smi(0).0);
        for (i, (e, off)) in pairs.iter().enumerate() {
            frames.set_slot(array_element_slot(2 * i), Value::smi(*e as i64).0);
            frames.set_slot(array_element_slot(2 * i + 1), Value::smi(*off as i64).0);
        }
    }
    iso.handles.push(frames.0);
    let trace = iso.allocate(CID_STACK_TRACE, 1 + STACK_TRACE_SLOTS);
    let frames = Value(iso.handles.pop().unwrap_or(frames.0));
    // SAFETY: `trace` has one slot.
    unsafe { trace.set_slot(STACK_TRACE_FRAMES, frames.0) };
    trace
}

/// Makes `exception` pending with a trace of the current stack.
pub fn throw_value(iso: &mut Isolate, exception: Value) {
    iso.handles.push(exception.0);
    let trace = capture_stack_trace(iso);
    let exception = Value(iso.handles.pop().unwrap_or(exception.0));
    record_error_stack_trace(iso, exception, trace);
    iso.thread.pending_exception = exception.0;
    iso.thread.pending_stack_trace = trace.0;
}

/// An `Error` remembers the stack trace of its first throw (`Error.stackTrace`).
pub fn record_error_stack_trace(iso: &mut Isolate, exception: Value, trace: Value) {
    if exception.is_smi() {
        return;
    }
    // SAFETY: a live heap object (the exception being thrown).
    let cid = unsafe { exception.cid() };
    let program = iso.program.clone();
    let (Some(class), Some(error)) = (iso.classes.class_of_cid(cid), program.core_class("Error"))
    else {
        return;
    };
    if !iso.classes.is_subclass(&program, class, error) {
        return;
    }
    let field = program
        .class(error)
        .instance_fields
        .iter()
        .map(|&f| program.field(f))
        .find(|f| f.name.as_str() == "_stackTrace");
    let Some(slot) = field.map(|f| f.slot as usize) else {
        return;
    };
    // SAFETY: `exception` is an instance of a subclass of `Error`, which lays out
    // `_stackTrace` at `slot`.
    unsafe {
        if exception.slot(slot) == iso.null().0 {
            exception.set_slot(slot, trace.0);
        }
    }
}

extern "sysv64" fn rt_throw(thread: *mut Thread, args: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with one pushed argument.
    let iso = unsafe { isolate(thread) };
    let exception = unsafe { arg(args, 1, 0) };
    throw_value(iso, exception);
    0
}

extern "sysv64" fn rt_rethrow(thread: *mut Thread, args: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with two pushed arguments.
    unsafe {
        (*thread).pending_exception = arg(args, 2, 0).0;
        (*thread).pending_stack_trace = arg(args, 2, 1).0;
    }
    0
}

extern "sysv64" fn rt_find_handler(thread: *mut Thread, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from the unwind stub with its thread.
    let iso = unsafe { isolate(thread) };
    for frame in FrameWalker::from_exit(&iso.thread) {
        match frame {
            Frame::Entry { fp } => {
                iso.thread.handler_pc = iso.stubs.entry_exception_exit;
                iso.thread.handler_fp = fp;
                iso.thread.handler_sp =
                    fp - 8 * crate::compiler::x64::frame::ENTRY_FRAME_WORDS as u64;
                return 0;
            }
            // An ending isolate unwinds to the entry frame without running handlers.
            Frame::Dart { .. } if iso.terminating => continue,
            Frame::Dart { entry, pc, fp, .. } => {
                let Some(code) = iso.code_at(entry, pc) else {
                    continue;
                };
                let offset = pc.wrapping_sub(code.start) as u32;
                // The pc is a return address: the faulting instruction ends just before it.
                let found = code
                    .handlers
                    .iter()
                    .find(|h| h.start < offset && offset <= h.end);
                if let Some((handler, sp_slots)) =
                    found.map(|h| (code.start + h.handler as u64, h.sp_slots))
                {
                    iso.thread.handler_pc = handler;
                    iso.thread.handler_fp = fp;
                    iso.thread.handler_sp = fp - 8 - 8 * sp_slots as u64;
                    return 0;
                }
            }
        }
    }
    die(
        iso,
        Fatal::Internal("an exception escaped every frame, including the entry frame".into()),
    )
}

/// Throws a Dart error by calling one of dart:core's `_throwX` entry points.
/// Leaves the exception pending (the call never returns normally).
pub fn throw_core_error(iso: IsolatePtr, entry_point: &str, args: &[Value]) {
    // SAFETY: callers pass the live isolate and hold no borrow of it across this call.
    let i = iso.get();
    let Some(f) = i.core_function(entry_point) else {
        die(
            i,
            Fatal::Internal(format!("dart:core has no entry point '{entry_point}'")),
        )
    };
    let desc = i.argdesc_for(args.len() as u32, &[]);
    // SAFETY: as above.
    let result = Isolate::invoke(iso, f.0, args, desc);
    if result.is_ok() {
        // SAFETY: as above.
        let i = iso.get();
        die(
            i,
            Fatal::Internal(format!("'{entry_point}' returned instead of throwing")),
        );
    }
}

extern "sysv64" fn rt_service_poll(thread: *mut Thread, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with its thread; the exit frame is recorded, so
    // the agent may walk the stack, collect and call Dart.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    if iso_ptr
        .get()
        .control
        .as_ref()
        .is_some_and(|c| c.kill_requested())
    {
        // `Isolate.kill(priority: immediate)`: the generated code unwinds after this call.
        iso_ptr.get().thread.service_interrupt = 0;
        super::ports::terminate(iso_ptr);
        return 0;
    }
    // The host (the hot-reload session) is taken out for the call, so a safepoint reached
    // by Dart code the agent or host runs from here does not reload again.
    let mut host = iso_ptr.get().loop_host.take();
    match super::agent::agent_of(iso_ptr) {
        Some(agent) => agent.safepoint(
            iso_ptr,
            host.as_mut()
                .map(|h| h.as_mut() as &mut dyn super::event_loop::LoopHost),
        ),
        // The flag is cleared before the host reads its commands: a command sent after
        // this raises it again.
        None => iso_ptr.get().thread.service_interrupt = 0,
    }
    if let Some(host) = host.as_mut() {
        host.safepoint(iso_ptr);
    }
    iso_ptr.get().loop_host = host;
    0
}

extern "sysv64" fn rt_stack_overflow(thread: *mut Thread, _: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from a function prologue with its thread.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    // The error is built by Dart code: let it use the stack's reserve below the limit.
    // SAFETY: the thread block is live.
    let limit = unsafe { (*thread).stack_limit };
    unsafe { (*thread).stack_limit = limit.saturating_sub(super::run::STACK_RESERVE as u64 / 2) };
    throw_core_error(iso_ptr, "_throwStackOverflow", &[]);
    // SAFETY: as above.
    unsafe { (*thread).stack_limit = limit };
    0
}

extern "sysv64" fn rt_raise_error(
    thread: *mut Thread,
    args: u64,
    kind: u64,
    pos: u64,
    _: u64,
) -> u64 {
    use super::errors::ErrorKind;
    // SAFETY: called from generated code with one pushed argument.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let value = unsafe { arg(args, 1, 0) };
    match ErrorKind::from_raw(kind) {
        Some(ErrorKind::NullCheck) => throw_core_error(iso_ptr, "_throwNullCheckError", &[]),
        Some(ErrorKind::Assertion) => {
            // SAFETY: no other borrow is live here.
            let iso = iso_ptr.get();
            let text = super::errors::failed_assertion_text(iso, pos as u32);
            let s = new_string(iso, &text);
            throw_core_error(iso_ptr, "_throwAssertionFailure", &[s, value]);
        }
        Some(ErrorKind::AbstractCall) | None => {
            // SAFETY: no other borrow is live here.
            let iso = iso_ptr.get();
            let s = new_string(iso, "Cannot call an abstract member");
            throw_core_error(iso_ptr, "_throwUnsupported", &[s]);
        }
    }
    0
}

// ---------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------

extern "sysv64" fn rt_resolve_instance_call(
    thread: *mut Thread,
    receiver_slot: u64,
    site: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from an inline-cache miss with a pointer to the receiver's slot.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let iso = iso_ptr.get();
    let receiver = unsafe { Value(*(receiver_slot as *const u64)) };
    // SAFETY: a valid value from the Dart stack.
    let cid = unsafe { receiver.cid() };
    let (selector, argdesc) = {
        let s = &iso.ic_sites[site as usize];
        (s.selector, s.argdesc)
    };
    if cid == CID_CLOSURE && selector == Selector::Method(crate::front::intern::well_known().call) {
        // `f.call(args)` and calls of function-typed values: the closure is the receiver.
        return resolve_closure(iso_ptr, receiver, argdesc);
    }
    if cid == CID_CLOSURE && selector == Selector::Getter(crate::front::intern::well_known().call) {
        // `f.call` is `f` itself.
        return match iso.return_first_argument_entry() {
            Ok(e) => e as u64,
            Err(f) => die(iso, f),
        };
    }
    if cid == CID_RECORD {
        if let Some(entry) =
            super::records::resolve_field(iso_ptr, receiver_slot, selector, argdesc)
        {
            return entry;
        }
    }
    let program = iso.program.clone();
    let target = iso.classes.lookup(&program, cid, selector);
    let resolved = match target {
        Some(super::classes::Target::Function(f)) if accepts(iso, f, argdesc) => Some((f.0, true)),
        Some(super::classes::Target::Field { slot, setter }) => {
            // A dynamic store into a typed field is checked like a setter's parameter:
            // on every call, so such a site is not cached.
            let checked = setter && argdesc & super::isolate::DYNAMIC_CALL != 0;
            if checked && !dynamic_field_store_allowed(iso_ptr, receiver_slot, cid, slot) {
                return 0;
            }
            match iso_ptr.get().accessor_entry(slot, setter) {
                Ok(e) => Some((e, !checked)),
                Err(f) => die(iso_ptr.get(), f),
            }
        }
        Some(super::classes::Target::FieldThenCall(slot)) => {
            // Replace the receiver by the field's value and call that as a function.
            // SAFETY: `receiver` is an instance with this field slot.
            let callee = unsafe { Value(receiver.slot(slot as usize)) };
            unsafe { *(receiver_slot as *mut u64) = callee.0 };
            return resolve_value_call(iso_ptr, callee, receiver_slot, argdesc);
        }
        Some(super::classes::Target::GetterThenCall(getter)) => {
            let desc = iso.argdesc_for(1, &[]);
            // SAFETY: no borrow of the isolate is held across the call.
            let Ok(callee) = Isolate::invoke(iso_ptr, getter.0, &[receiver], desc) else {
                return 0;
            };
            unsafe { *(receiver_slot as *mut u64) = callee.0 };
            return resolve_value_call(iso_ptr, callee, receiver_slot, argdesc);
        }
        Some(super::classes::Target::TearOff(f)) => {
            let closure = super::closures::bound_tear_off(iso, f, receiver_slot);
            match closure {
                Ok(e) => Some((e, false)),
                Err(fatal) => die(iso, fatal),
            }
        }
        _ => None,
    };
    match resolved {
        Some((entry, cacheable)) => {
            if cacheable {
                iso.ic_insert(site as u32, cid, entry as u64);
            }
            entry as u64
        }
        None => {
            match super::errors::forward_to_no_such_method(
                iso_ptr,
                cid,
                receiver_slot,
                selector,
                argdesc,
            ) {
                Some(Ok(entry)) => return entry as u64,
                Some(Err(())) => return 0,
                None => {}
            }
            super::errors::throw_no_such_method(iso_ptr, receiver_slot, selector, argdesc);
            0
        }
    }
}

/// For a store through `dynamic` into the field in `slot` of the receiver (class id
/// `cid`): whether the value (pushed after the receiver) has the field's declared type;
/// throws the TypeError a setter's parameter check would (`of 'field'`) when not.
fn dynamic_field_store_allowed(
    iso_ptr: IsolatePtr,
    receiver_slot: u64,
    cid: u32,
    slot: u32,
) -> bool {
    let iso = iso_ptr.get();
    let program = iso.program.clone();
    let Some(class) = iso.classes.class_of_cid(cid) else {
        return true;
    };
    let Some(field) = super::classes::instance_field_at(&program, class, slot) else {
        return true;
    };
    let field = program.field(field);
    // SAFETY: the call site pushed the receiver, then the value right below it.
    let (receiver, value) = unsafe {
        (
            Value(*(receiver_slot as *const u64)),
            Value(*((receiver_slot - 8) as *const u64)),
        )
    };
    let declared = match &field.ty {
        crate::kernel::ir::DartType::Dynamic | crate::kernel::ir::DartType::Void => return true,
        ty if ty.is_open() => {
            let crate::kernel::ir::FieldOwner::Class(owner) = field.owner else {
                return true;
            };
            let names = program.class(owner).type_params.clone();
            let args = super::types::class_and_args(iso, receiver)
                .and_then(|(c, a)| iso.rtt.super_args(&program, c, a, owner))
                .unwrap_or(super::rtt::TypeArgsId::EMPTY);
            let env: super::rtt::Env = &[(&names, args)];
            let vector = iso
                .rtt
                .instantiate_vector(&program, std::slice::from_ref(ty), env);
            iso.rtt.arg(vector, 0)
        }
        ty => {
            let vector = iso
                .rtt
                .instantiate_vector(&program, std::slice::from_ref(ty), &[]);
            iso.rtt.arg(vector, 0)
        }
    };
    if super::types::instance_of_rt(iso, value, declared) {
        return true;
    }
    let ty = iso.rtt.name(&program, declared);
    throw_parameter_type_error(iso_ptr, value, &ty, field.name.as_str());
    false
}

/// Whether function `f` can be called with argument shape `argdesc` (receiver included).
pub fn accepts(iso: &Isolate, f: FunctionId, argdesc: u32) -> bool {
    let Some(func) = iso.function_for_entry(f.0) else {
        return false;
    };
    let d = iso.argdesc_shape(argdesc);
    let p = &func.params;
    if d.type_args && func.type_args_local.is_none() {
        return false;
    }
    let positional = d.positional.saturating_sub(p.receiver_slots);
    if positional < p.required_positional || positional > p.positional() {
        return false;
    }
    if !d
        .named
        .iter()
        .all(|n| p.named.iter().any(|np| np.name == *n))
    {
        return false;
    }
    p.named
        .iter()
        .filter(|np| np.required)
        .all(|np| d.named.contains(&np.name))
}

pub(super) fn resolve_closure(iso_ptr: IsolatePtr, callee: Value, argdesc: u32) -> u64 {
    // SAFETY: no other borrow of the isolate is live in callers at this point.
    let iso = iso_ptr.get();
    if callee.is_heap() && unsafe { callee.cid() } == CID_CLOSURE {
        // SAFETY: a closure's slot 0 is its entry index.
        let entry = unsafe { Value(callee.slot(CLOSURE_FUNCTION)).smi_value() } as u32;
        if accepts(iso, FunctionId(entry), argdesc) {
            return entry as u64;
        }
    }
    super::errors::throw_no_such_method_value(
        iso_ptr,
        callee,
        crate::front::intern::well_known().call,
    );
    0
}

/// Calling `callee`, a value just read from a field or getter into the callee's slot
/// `slot`: a closure's own entry, else the value's `call` method or `noSuchMethod`.
pub(super) fn resolve_value_call(
    iso_ptr: IsolatePtr,
    callee: Value,
    slot: u64,
    argdesc: u32,
) -> u64 {
    // SAFETY: a valid value read from a live object.
    let cid = unsafe { callee.cid() };
    if cid == CID_CLOSURE {
        return resolve_closure(iso_ptr, callee, argdesc);
    }
    call_method_of(iso_ptr, cid, slot, argdesc)
}

extern "sysv64" fn rt_resolve_closure_call(
    thread: *mut Thread,
    closure_slot: u64,
    argdesc: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with a pointer to the callee's slot.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let callee = unsafe { Value(*(closure_slot as *const u64)) };
    // SAFETY: a valid value from the Dart stack.
    let cid = unsafe { callee.cid() };
    if cid != CID_CLOSURE {
        return call_method_of(iso_ptr, cid, closure_slot, argdesc as u32);
    }
    resolve_closure(iso_ptr, callee, argdesc as u32)
}

/// Calling an object that is not a closure (`f(x)` where `f` holds an instance): its
/// class's `call` method, else its `noSuchMethod` override, else NoSuchMethodError for
/// `call` with the arguments. The callee's slot is the receiver's.
fn call_method_of(iso_ptr: IsolatePtr, cid: u32, slot: u64, argdesc: u32) -> u64 {
    let selector = Selector::Method(crate::front::intern::well_known().call);
    let iso = iso_ptr.get();
    let program = iso.program.clone();
    if let Some(super::classes::Target::Function(f)) = iso.classes.lookup(&program, cid, selector) {
        if accepts(iso, f, argdesc) {
            return f.0 as u64;
        }
    }
    match super::errors::forward_to_no_such_method(iso_ptr, cid, slot, selector, argdesc) {
        Some(Ok(entry)) => return entry as u64,
        Some(Err(())) => return 0,
        None => {}
    }
    super::errors::throw_no_such_method(iso_ptr, slot, selector, argdesc);
    0
}

extern "sysv64" fn rt_copy_parameters(
    thread: *mut Thread,
    fid: u64,
    argdesc: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from a prologue: exit_fp is the callee's frame.
    let iso = unsafe { isolate(thread) };
    let fp = iso.thread.exit_fp;
    // Plans depend on the shape only: a dynamic call shares its static twin's plan.
    let desc = Value(argdesc).smi_value() as u32 & !super::isolate::DYNAMIC_CALL;
    let plan = match iso.param_plans.get(fid as usize) {
        Some(Some((d, plan))) if *d == desc => plan.clone(),
        _ => {
            let plan = param_plan(iso, fid as u32, desc);
            if iso.param_plans.len() <= fid as usize {
                iso.param_plans.resize(fid as usize + 1, None);
            }
            iso.param_plans[fid as usize] = Some((desc, plan.clone()));
            plan
        }
    };
    let argc = iso.argdesc_shape(desc).count() as u64;
    for (slot, source) in plan.iter().enumerate() {
        let v = match *source {
            // SAFETY: the caller pushed `argc` arguments above the return address.
            super::isolate::ParamSource::Arg(i) => unsafe {
                *((fp + 16 + 8 * (argc - 1 - i as u64)) as *const u64)
            },
            super::isolate::ParamSource::Value(v) => v,
        };
        // SAFETY: the prologue reserved the parameter locals below the marker.
        unsafe { *((fp as i64 - 16 - 8 * slot as i64) as *mut u64) = v };
    }
    0
}

/// For a call of entry `fid` with argument shape `desc`: where each parameter (receiver
/// first) takes its value from. Defaults are immortal constants, so their values are
/// stable.
fn param_plan(
    iso: &mut Isolate,
    fid: u32,
    desc: u32,
) -> std::sync::Arc<[super::isolate::ParamSource]> {
    use super::isolate::ParamSource;
    let Some(func) = iso.function_for_entry(fid) else {
        die(
            iso,
            Fatal::Internal(format!("parameters of unknown entry {fid}")),
        )
    };
    let p = func.params.clone();
    let type_args_local = func.type_args_local;
    let default_type_args = func.default_type_args.clone();
    let d = iso.argdesc_shape(desc).clone();
    // The vector, when passed, sits right after the receiver.
    let ta = d.type_args as u32;
    let mut plan = Vec::with_capacity((p.receiver_slots + p.count() + 1) as usize);
    for i in 0..p.receiver_slots + p.positional() {
        if i < d.positional {
            plan.push(ParamSource::Arg(if i < p.receiver_slots {
                i
            } else {
                i + ta
            }));
        } else {
            let k = (i - p.receiver_slots - p.required_positional) as usize;
            plan.push(ParamSource::Value(default_value(
                iso,
                p.positional_defaults.get(k).copied().flatten(),
            )));
        }
    }
    for np in &p.named {
        match d.named.iter().position(|n| *n == np.name) {
            Some(k) => plan.push(ParamSource::Arg(d.positional + ta + k as u32)),
            None => plan.push(ParamSource::Value(default_value(iso, np.default))),
        }
    }
    if let Some(local) = type_args_local {
        if local.0 as usize != plan.len() {
            die(
                iso,
                Fatal::Internal(format!("entry {fid}: type arguments not after parameters")),
            )
        }
        plan.push(if d.type_args {
            ParamSource::Arg(p.receiver_slots)
        } else if default_type_args.is_empty() {
            ParamSource::Value(Value::smi(0).0)
        } else {
            use crate::compiler::CompileContext;
            let id = iso.closed_type_args(&default_type_args);
            ParamSource::Value(Value::smi(id as i64).0)
        });
    }
    plan.into()
}

fn default_value(iso: &mut Isolate, c: Option<crate::kernel::ir::ConstId>) -> u64 {
    use crate::compiler::CompileContext;
    match c {
        None => iso.null().0,
        Some(id) => match iso.constant_slot(id) {
            Ok(s) => iso.constants[s as usize],
            Err(m) => die(iso, Fatal::Internal(m)),
        },
    }
}

extern "sysv64" fn rt_call_native(
    thread: *mut Thread,
    index: u64,
    argc: u64,
    first: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from a native function body or a Native expression.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let args = super::natives::NativeArgs {
        first: first as *const u64,
        count: argc as usize,
    };
    let f = iso_ptr.get().natives.get(index as u32);
    // SAFETY: no other borrow of the isolate is live during the native.
    let result = f(iso_ptr, &args);
    match result {
        Ok(v) => v.0,
        Err(e) => {
            super::natives::raise(iso_ptr, e);
            0
        }
    }
}

// ---------------------------------------------------------------------------------------
// Statics, closures, literals, strings, types
// ---------------------------------------------------------------------------------------

extern "sysv64" fn rt_init_static(thread: *mut Thread, field: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with its thread.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    super::statics::initialize(iso_ptr, field as u32)
}

extern "sysv64" fn rt_allocate_closure(
    thread: *mut Thread,
    args: u64,
    entry: u64,
    n: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with `n` pushed boxes.
    let iso = unsafe { isolate(thread) };
    let captures = if n == 0 {
        iso.null()
    } else {
        let a = iso.allocate(CID_ARRAY, 1 + ARRAY_HEADER_SLOTS + n as usize);
        // SAFETY: `a` has room for n elements; args re-read after allocation.
        unsafe {
            a.set_slot(ARRAY_LENGTH, Value::smi(n as i64).0);
            a.set_slot(ARRAY_TYPE_ARGS, Value::smi(0).0);
            for i in 0..n {
                a.set_slot(array_element_slot(i as usize), arg(args, n, i).0);
            }
        }
        a
    };
    iso.handles.push(captures.0);
    let c = iso.allocate(CID_CLOSURE, 1 + CLOSURE_SLOTS);
    let captures = iso.handles.pop().unwrap_or(captures.0);
    // SAFETY: `c` has CLOSURE_SLOTS slots.
    unsafe {
        c.set_slot(CLOSURE_FUNCTION, Value::smi(entry as i64).0);
        c.set_slot(CLOSURE_CAPTURES, captures);
        c.set_slot(CLOSURE_BOUND_RECEIVER, iso.null().0);
    }
    c.0
}

/// The canonical closure of a static function (immortal, so tear-offs are identical).
pub fn static_tear_off(iso: &mut Isolate, entry: u32) -> Value {
    if let Some(&v) = iso.tear_offs.get(&entry) {
        return v;
    }
    let forwarder = match iso.forwarder_entry(FunctionId(entry), false) {
        Ok(f) => f,
        Err(f) => die(iso, f),
    };
    let c = iso.heap.allocate_immortal(CID_CLOSURE, 1 + CLOSURE_SLOTS);
    // SAFETY: `c` has CLOSURE_SLOTS slots.
    unsafe {
        c.set_slot(CLOSURE_FUNCTION, Value::smi(forwarder as i64).0);
        c.set_slot(CLOSURE_CAPTURES, iso.null().0);
        c.set_slot(CLOSURE_BOUND_RECEIVER, iso.null().0);
    }
    iso.tear_offs.insert(entry, c);
    c
}

extern "sysv64" fn rt_static_tear_off(
    thread: *mut Thread,
    entry: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with its thread.
    let iso = unsafe { isolate(thread) };
    let program = iso.program.clone();
    if let Some(f) = program.functions.get(entry as usize) {
        if f.kind == FunctionKind::Closure {
            die(
                iso,
                Fatal::Internal("static tear-off of a closure function".into()),
            );
        }
    }
    static_tear_off(iso, entry as u32).0
}

extern "sysv64" fn rt_list_literal(thread: *mut Thread, args: u64, n: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with `n` pushed elements.
    let iso = unsafe { isolate(thread) };
    let list = super::lists::new_growable(iso, n as usize);
    // SAFETY: the list's data array has room for n elements; args re-read after allocation.
    unsafe {
        let data = Value(list.slot(GROWABLE_DATA));
        for i in 0..n {
            data.set_slot(array_element_slot(i as usize), arg(args, n, i).0);
        }
        list.set_slot(GROWABLE_LENGTH, Value::smi(n as i64).0);
    }
    list.0
}

extern "sysv64" fn rt_map_literal(thread: *mut Thread, args: u64, n: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with `2n` pushed keys and values.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    super::maps::map_literal(iso_ptr, args, n)
}

extern "sysv64" fn rt_string_concat(thread: *mut Thread, args: u64, n: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with `n` pushed strings.
    let iso = unsafe { isolate(thread) };
    let mut units: Vec<u16> = Vec::new();
    for i in 0..n {
        // SAFETY: the emitter converted every part to a String.
        unsafe {
            let s = arg(args, n, i);
            if super::strings::is_string(s) {
                units.extend(super::strings::string_units(s));
            } else {
                units.extend(super::strings::utf16_units(&super::natives::debug_string(
                    iso, s,
                )));
            }
        }
    }
    new_string_units(iso, &units).0
}

/// A new (collectable) string.
pub fn new_string(iso: &mut Isolate, s: &str) -> Value {
    new_string_units(iso, &super::strings::utf16_units(s))
}

pub fn new_string_units(iso: &mut Isolate, units: &[u16]) -> Value {
    super::strings::new_string_from_units(units, |cid, size| Some(iso.allocate(cid, size)))
        .expect("isolate allocation never fails")
}

/// Records a type test's answer for the class id of `v` at cache site `site` (catch
/// clauses pass `u64::MAX`: no site).
fn cache_type_test(iso: &mut Isolate, site: u64, v: Value, answer: Value) {
    if let Ok(site) = u32::try_from(site) {
        // SAFETY: a valid value.
        let cid = unsafe { v.cid() };
        iso.ic_insert(site, cid, answer.0);
    }
}

extern "sysv64" fn rt_instance_of(
    thread: *mut Thread,
    args: u64,
    type_index: u64,
    site: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with one pushed argument.
    let iso = unsafe { isolate(thread) };
    let v = unsafe { arg(args, 1, 0) };
    let answer = super::types::instance_of_index(iso, v, type_index as usize);
    let r = iso.bool_value(answer);
    if super::types::type_test_cacheable(iso, v) {
        cache_type_test(iso, site, v, r);
    }
    r.0
}

extern "sysv64" fn rt_cast_to(
    thread: *mut Thread,
    args: u64,
    type_index: u64,
    site: u64,
    implicit: u64,
) -> u64 {
    // SAFETY: called from generated code with one pushed argument.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let iso = iso_ptr.get();
    let v = unsafe { arg(args, 1, 0) };
    if super::types::instance_of_index(iso, v, type_index as usize) {
        if super::types::type_test_cacheable(iso, v) {
            let t = iso.bool_value(true);
            cache_type_test(iso, site, v, t);
        }
        return v.0;
    }
    let ty = iso.types[type_index as usize].clone();
    throw_cast_error(iso_ptr, v, &ty, implicit != 0);
    0
}

/// Throws the TypeError of a failed `v as ty` (`implicit`: of an implicit downcast,
/// whose message the Dart VM does not end with ` in type cast`).
pub fn throw_cast_error(
    iso_ptr: IsolatePtr,
    v: Value,
    ty: &crate::kernel::ir::DartType,
    implicit: bool,
) {
    let iso = iso_ptr.get();
    let message = format!(
        "type '{}' is not a subtype of type '{}'{}",
        super::types::runtime_type_name(iso, v),
        super::types::type_name(iso, ty),
        if implicit { "" } else { " in type cast" }
    );
    let s = new_string(iso, &message);
    throw_core_error(iso_ptr, "_throwTypeError", &[s]);
}

/// The name of parameter local `local` of entry `fid`, for a TypeError's `of 'x'`.
fn parameter_name(iso: &Isolate, fid: u64, local: u64) -> String {
    iso.function_for_entry(fid as u32)
        .and_then(|f| f.locals.get(local as usize))
        .map_or_else(|| "?".to_string(), |l| l.name.as_str().to_string())
}

/// Throws the Dart VM's TypeError for parameter `name` given `v`, whose declared type
/// prints as `ty`.
fn throw_parameter_type_error(iso_ptr: IsolatePtr, v: Value, ty: &str, name: &str) {
    let iso = iso_ptr.get();
    let message = format!(
        "type '{}' is not a subtype of type '{ty}' of '{name}'",
        super::types::runtime_type_name(iso, v),
    );
    let s = new_string(iso, &message);
    throw_core_error(iso_ptr, "_throwTypeError", &[s]);
}

extern "sysv64" fn rt_parameter_type_error(
    thread: *mut Thread,
    args: u64,
    type_index: u64,
    fid: u64,
    local: u64,
) -> u64 {
    // SAFETY: called from a prologue with the parameter's value pushed.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let iso = iso_ptr.get();
    let v = unsafe { arg(args, 1, 0) };
    let ty = super::types::type_name(iso, &iso.types[type_index as usize].clone());
    let name = parameter_name(iso, fid, local);
    throw_parameter_type_error(iso_ptr, v, &ty, &name);
    0
}

extern "sysv64" fn rt_check_parameter_runtime(
    thread: *mut Thread,
    args: u64,
    fid: u64,
    local: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from a prologue with the value and the vector pushed.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let iso = iso_ptr.get();
    let (v, t) = unsafe { (arg(args, 2, 0), arg(args, 2, 1)) };
    let t = single_type_arg(iso, t);
    if super::types::instance_of_rt(iso, v, t) {
        return 0;
    }
    let ty = iso.rtt.name(&iso.program, t);
    let name = parameter_name(iso, fid, local);
    throw_parameter_type_error(iso_ptr, v, &ty, &name);
    0
}

// ---------------------------------------------------------------------------------------
// Reified types
// ---------------------------------------------------------------------------------------

/// A type-argument vector passed by generated code (a Smi id); anything else would be a
/// compiler bug, reported rather than trusted.
fn vector_arg(iso: &mut Isolate, v: Value) -> super::rtt::TypeArgsId {
    if v.is_smi() && iso.rtt.is_vector(v.smi_value()) {
        return super::rtt::TypeArgsId(v.smi_value() as u32);
    }
    die(
        iso,
        Fatal::Internal(format!("not a type-argument vector: {:#x}", v.0)),
    )
}

/// The single type of a one-element vector.
fn single_type_arg(iso: &mut Isolate, v: Value) -> super::rtt::RtTypeId {
    let vector = vector_arg(iso, v);
    iso.rtt.arg(vector, 0)
}

extern "sysv64" fn rt_instantiate_type_args(
    thread: *mut Thread,
    args: u64,
    template: u64,
    n: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with `n` pushed vectors.
    let iso = unsafe { isolate(thread) };
    // Environments are short (a class's and a function's vectors): no allocation.
    let mut inline = [super::rtt::TypeArgsId::EMPTY; 4];
    let mut spilled = Vec::new();
    let env: &[super::rtt::TypeArgsId] = if n as usize <= inline.len() {
        for i in 0..n {
            // SAFETY: `i < n` pushed arguments.
            let v = unsafe { arg(args, n, i) };
            inline[i as usize] = vector_arg(iso, v);
        }
        &inline[..n as usize]
    } else {
        for i in 0..n {
            // SAFETY: `i < n` pushed arguments.
            let v = unsafe { arg(args, n, i) };
            spilled.push(vector_arg(iso, v));
        }
        &spilled
    };
    if let Some(v) = iso.rtt.memoised_instantiation(template as u32, env) {
        return Value::smi(v.0 as i64).0;
    }
    let program = iso.program.clone();
    match iso.rtt.instantiate_template(&program, template as u32, env) {
        Some(v) => Value::smi(v.0 as i64).0,
        None => die(
            iso,
            Fatal::Internal(format!("bad type template {template}")),
        ),
    }
}

extern "sysv64" fn rt_instance_type_args(
    thread: *mut Thread,
    args: u64,
    class: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with the receiver pushed.
    let iso = unsafe { isolate(thread) };
    let receiver = unsafe { arg(args, 1, 0) };
    let class = crate::kernel::ir::ClassId(class as u32);
    let program = iso.program.clone();
    let found = super::types::class_and_args(iso, receiver)
        .and_then(|(c, a)| iso.rtt.super_args(&program, c, a, class));
    Value::smi(found.unwrap_or(super::rtt::TypeArgsId::EMPTY).0 as i64).0
}

extern "sysv64" fn rt_instance_of_runtime(
    thread: *mut Thread,
    args: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with the value and the vector pushed.
    let iso = unsafe { isolate(thread) };
    let (v, t) = unsafe { (arg(args, 2, 0), arg(args, 2, 1)) };
    let t = single_type_arg(iso, t);
    let answer = super::types::instance_of_rt(iso, v, t);
    iso.bool_value(answer).0
}

extern "sysv64" fn rt_cast_to_runtime(
    thread: *mut Thread,
    args: u64,
    implicit: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with the value and the vector pushed.
    let iso_ptr = unsafe { IsolatePtr::from_thread(thread) };
    let iso = iso_ptr.get();
    let (v, t) = unsafe { (arg(args, 2, 0), arg(args, 2, 1)) };
    let t = single_type_arg(iso, t);
    if super::types::instance_of_rt(iso, v, t) {
        return v.0;
    }
    throw_cast_error_rt(iso_ptr, v, t, implicit != 0);
    0
}

/// Throws the TypeError of a failed `as` (`implicit`: of an implicit downcast, whose
/// text has no " in type cast").
pub fn throw_cast_error_rt(iso_ptr: IsolatePtr, v: Value, t: super::rtt::RtTypeId, implicit: bool) {
    let iso = iso_ptr.get();
    let message = format!(
        "type '{}' is not a subtype of type '{}'{}",
        super::types::runtime_type_name(iso, v),
        iso.rtt.name(&iso.program, t),
        if implicit { "" } else { " in type cast" }
    );
    let s = new_string(iso, &message);
    throw_core_error(iso_ptr, "_throwTypeError", &[s]);
}

extern "sysv64" fn rt_type_value(thread: *mut Thread, args: u64, _: u64, _: u64, _: u64) -> u64 {
    // SAFETY: called from generated code with the vector pushed.
    let iso = unsafe { isolate(thread) };
    let v = unsafe { arg(args, 1, 0) };
    let t = single_type_arg(iso, v);
    super::types::type_object(iso, t).0
}

/// The write barrier's slow path: generated code stored a nursery object into `object`,
/// which is outside the nursery and not yet remembered.
extern "sysv64" fn rt_remember_object(
    thread: *mut Thread,
    object: u64,
    _: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from the write-barrier stub with a live heap object.
    let iso = unsafe { isolate(thread) };
    unsafe { iso.heap.remember(Value(object)) };
    0
}
