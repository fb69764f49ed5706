//! Suspending and resuming the frames of `sync*` and `async` functions, after the Dart
//! VM's design (`SuspendStub`/`ResumeStub` and `_SuspendState` in its async patch).
//!
//! A suspendable function runs on the native stack like any other. At a suspension point
//! (`yield`, `await`, the start of a `sync*` body) the [`rt_suspend`] entry copies the
//! frame's words — locals and expression temporaries, all tagged (frame.rs) — into the
//! `_SuspendState` object the function keeps in a hidden local, together with the resume
//! address; the function then returns to its caller. `_SuspendState._resume` is a stub
//! (`stubs::resume_stub`) that pushes a fresh frame, copies the words back and jumps to the
//! resume address. The state and its frame are ordinary heap objects (a Dart instance and
//! an Array), so the collector traces suspended frames like any other data.

use super::entries::{die, new_instance};
use super::isolate::{Fatal, Isolate};
use super::layout::*;
use super::object::*;
use super::thread::Thread;
use crate::compiler::x64::frame::local_disp;
use crate::front::intern::Symbol;
use crate::kernel::ir::Program;

/// Where the runtime finds the fields of `dart:async`'s `_SuspendState`, and those of
/// `_Future` and `_FutureListener` it follows to list the awaiters of a suspended frame.
#[derive(Clone, Copy, Debug)]
pub struct SuspendLayout {
    pub cid: u32,
    /// Words after the header.
    pub slots: usize,
    pub frame_size: usize,
    pub entry: usize,
    pub pc: usize,
    pub frame: usize,
    pub function_data: usize,
    pub future_cid: u32,
    pub future_listeners: usize,
    pub listener_cid: u32,
    pub listener_next: usize,
    pub listener_awaiter: usize,
}

/// Class id and field-slot lookup of a `dart:async` class.
struct AsyncClass<'p> {
    program: &'p Program,
    class: &'p crate::kernel::ir::Class,
    cid: u32,
    slots: usize,
}

impl<'p> AsyncClass<'p> {
    fn find(
        program: &'p Program,
        classes: &super::classes::ClassTable,
        name: &str,
    ) -> Option<Self> {
        let name = Symbol::intern(name);
        let (id, class) = program.classes.iter().enumerate().find(|(_, c)| {
            c.name == name && program.libraries[c.library.index()].uri == "dart:async"
        })?;
        let class_id = crate::kernel::ir::ClassId(id as u32);
        Some(AsyncClass {
            program,
            class,
            cid: classes.cid_of(class_id),
            slots: classes.instance_slots(class_id) as usize,
        })
    }

    fn slot(&self, field: &str) -> Option<usize> {
        let sym = Symbol::intern(field);
        self.class
            .instance_fields
            .iter()
            .map(|&f| self.program.field(f))
            .find(|f| f.name == sym)
            .map(|f| f.slot as usize)
    }
}

impl SuspendLayout {
    /// Finds the classes in `dart:async` (None if the program lacks them).
    pub fn find(program: &Program, classes: &super::classes::ClassTable) -> Option<Self> {
        let state = AsyncClass::find(program, classes, "_SuspendState")?;
        let future = AsyncClass::find(program, classes, "_Future")?;
        let listener = AsyncClass::find(program, classes, "_FutureListener")?;
        Some(SuspendLayout {
            cid: state.cid,
            slots: state.slots,
            frame_size: state.slot("_frameSize")?,
            entry: state.slot("_entry")?,
            pc: state.slot("_pc")?,
            frame: state.slot("_frame")?,
            function_data: state.slot("_functionData")?,
            future_cid: future.cid,
            future_listeners: future.slot("_resultOrListeners")?,
            listener_cid: listener.cid,
            listener_next: listener.slot("_nextListener")?,
            listener_awaiter: listener.slot("awaiter")?,
        })
    }
}

/// The `_SuspendState` of the frame at `fp` running entry `entry`, when that frame is an
/// `async` function that has been resumed (it runs on behalf of the event loop: what is
/// below it on the stack is machinery, and its callers are its awaiters).
pub fn resumed_async_state(iso: &Isolate, entry: u32, fp: u64) -> Option<Value> {
    let l = iso.suspend_layout?;
    let func = iso.function_for_entry(entry)?;
    if func.async_marker != crate::kernel::ir::AsyncMarker::Async || func.native.is_some() {
        return None;
    }
    let hidden = (func.locals.len() as u32).max(func.params.receiver_slots + func.params.count());
    // SAFETY: `fp` is a live frame of this function, whose hidden local is at this slot.
    let v = Value(unsafe { *((fp as i64 + local_disp(hidden) as i64) as *const u64) });
    is_state(v, &l).then_some(v)
}

/// The functions awaiting the future of suspended state `state`, as (entry, resume pc)
/// pairs: each awaiter is the `await` listener that is its future's only listener.
pub fn awaiters(iso: &Isolate, state: Value) -> Vec<(u32, u64)> {
    let mut out = Vec::new();
    let Some(l) = iso.suspend_layout else {
        return out;
    };
    let mut state = state;
    // SAFETY: every value read is checked for its class before its fields are read.
    unsafe {
        for _ in 0..1000 {
            let future = Value(state.slot(l.function_data));
            if !(future.is_heap() && future.cid() == l.future_cid) {
                break;
            }
            let listener = Value(future.slot(l.future_listeners));
            if !(listener.is_heap() && listener.cid() == l.listener_cid)
                || listener.slot(l.listener_next) != iso.null().0
            {
                break;
            }
            let awaiter = Value(listener.slot(l.listener_awaiter));
            if !is_state(awaiter, &l) {
                break;
            }
            let entry = Value(awaiter.slot(l.entry)).smi_value() as u32;
            let pc = Value(awaiter.slot(l.pc)).smi_value() as u64;
            out.push((entry, pc));
            state = awaiter;
        }
    }
    out
}

fn layout(iso: &mut Isolate) -> SuspendLayout {
    match iso.suspend_layout {
        Some(l) => l,
        None => die(
            iso,
            Fatal::Internal("dart:async has no usable _SuspendState class".into()),
        ),
    }
}

/// Whether `v` is a `_SuspendState`.
fn is_state(v: Value, l: &SuspendLayout) -> bool {
    // SAFETY: `v` is a valid value read from a frame slot.
    v.is_heap() && unsafe { v.cid() } == l.cid
}

/// `(hidden slot, resume pc) -> state`: copies the calling frame (from the exit frame the
/// call recorded) into the state in local `hidden`, allocating the state (whose function
/// data is then the local's previous value: the future or iterable) and a big enough
/// frame array as needed.
pub(super) extern "sysv64" fn rt_suspend(
    thread: *mut Thread,
    hidden: u64,
    resume_pc: u64,
    _: u64,
    _: u64,
) -> u64 {
    // SAFETY: called from generated code with its thread.
    let iso = unsafe { &mut *((*thread).isolate as *mut Isolate) };
    let l = layout(iso);
    let (fp, sp) = (iso.thread.exit_fp, iso.thread.exit_sp);
    let words = ((fp - 8 - sp) / 8) as usize;
    let slot = (fp as i64 + local_disp(hidden as u32) as i64) as *mut u64;
    // SAFETY (all slot accesses below): `slot` is the hidden local of the live frame
    // described by the exit frame; the collector updates it when objects move, so it is
    // re-read after every allocation.
    let read = move || Value(unsafe { slot.read() });
    if !is_state(read(), &l) {
        let state = new_instance(iso, l.cid, 1 + l.slots);
        // SAFETY: a fresh instance with `l.slots` fields; the hidden local is re-read.
        unsafe {
            state.set_slot(l.function_data, slot.read());
            slot.write(state.0);
        }
    }
    let capacity = {
        // SAFETY: a `_SuspendState`, whose frame field is null or an Array.
        let frame = unsafe { Value(read().slot(l.frame)) };
        if frame.is_heap() && unsafe { frame.cid() } == CID_ARRAY {
            unsafe { Value(frame.slot(ARRAY_LENGTH)).smi_value() as usize }
        } else {
            0
        }
    };
    if capacity < words {
        let array = iso.allocate(CID_ARRAY, 1 + ARRAY_HEADER_SLOTS + words);
        // SAFETY: a fresh array of `words` elements, filled below before any allocation.
        unsafe {
            array.set_slot(ARRAY_LENGTH, Value::smi(words as i64).0);
            array.set_slot(ARRAY_TYPE_ARGS, iso.null().0);
            read().set_slot(l.frame, array.0);
        }
    }
    let state = read();
    // SAFETY: the frame array holds at least `words` elements; the frame words are the
    // live, tagged slots [sp, fp - 8) of the suspending frame; the marker is at fp - 8.
    unsafe {
        let frame = Value(state.slot(l.frame));
        for i in 0..words {
            let word = *((fp - 16 - 8 * i as u64) as *const u64);
            frame.set_slot(array_element_slot(i), word);
        }
        state.set_slot(l.frame_size, Value::smi(words as i64).0);
        state.set_slot(l.entry, *((fp - 8) as *const u64));
        state.set_slot(l.pc, Value::smi(resume_pc as i64).0);
    }
    state.0
}

/// `_SuspendState._clone()`: a state with the same fields and its own copy of the frame.
pub fn clone_state(iso: &mut Isolate, state: Value) -> Value {
    let l = layout(iso);
    iso.handles.push(state.0);
    let copy = new_instance(iso, l.cid, 1 + l.slots);
    iso.handles.push(copy.0);
    // SAFETY: `state` (re-read from the handles) is a `_SuspendState` with a frame array.
    let words = unsafe {
        let state = Value(iso.handles[iso.handles.len() - 2]);
        Value(state.slot(l.frame_size)).smi_value().max(0) as usize
    };
    let array = iso.allocate(CID_ARRAY, 1 + ARRAY_HEADER_SLOTS + words);
    let copy = Value(iso.handles.pop().unwrap_or(copy.0));
    let state = Value(iso.handles.pop().unwrap_or(state.0));
    // SAFETY: both states have `l.slots` fields; the source frame has `words` elements
    // and the fresh array room for them.
    unsafe {
        for i in 0..l.slots {
            copy.set_slot(i, state.slot(i));
        }
        array.set_slot(ARRAY_LENGTH, Value::smi(words as i64).0);
        array.set_slot(ARRAY_TYPE_ARGS, iso.null().0);
        let source = Value(state.slot(l.frame));
        for i in 0..words {
            array.set_slot(array_element_slot(i), source.slot(array_element_slot(i)));
        }
        copy.set_slot(l.frame, array.0);
    }
    copy
}
