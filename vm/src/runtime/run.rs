//! Running a program: the isolate's thread (with a stack big enough for deep Dart
//! recursion and a guard reserve below the limit generated code checks), the call of
//! `main`, and the report of an uncaught exception with the Dart VM's exit code.

use super::agent::AgentFactory;
use super::entries::new_string;
use super::isolate::{Isolate, IsolateOptions, IsolatePtr, Pending};
use super::object::Value;
use crate::front::source::SourceMap;
use crate::kernel::ir::Program;
use std::sync::Arc;

/// Stack of the thread that runs Dart code.
pub const STACK_SIZE: usize = 64 << 20;
/// Headroom below the limit generated code checks, for the runtime (and for building the
/// StackOverflowError) once the limit is hit.
pub const STACK_RESERVE: usize = 2 << 20;

/// Exit code of a program stopped by an uncaught exception (as `dart run`).
pub const EXIT_UNCAUGHT: i32 = 255;

/// Runs `main` of `program` (JIT) and returns the process exit code. `observer` attaches
/// an agent (the VM service) to the isolate before `main` runs.
pub fn run_program(
    program: Arc<Program>,
    sources: Arc<SourceMap>,
    options: IsolateOptions,
    args: Vec<String>,
    observer: Option<Arc<dyn AgentFactory>>,
) -> i32 {
    run_isolate(
        move || Isolate::new(program, sources, options),
        args,
        observer,
    )
}

/// Runs `main` of the isolate `iso`, made or restarted on this thread (which must be an
/// isolate thread: [`on_isolate_thread`]), with `host` acting at every event-loop turn
/// (the hot-reload session) and `observer` attached (the VM service); returns the exit
/// code. The isolate stays with the caller, which may run it again after
/// [`super::restart::reset`].
pub fn run_hosted_here(
    iso: &mut Isolate,
    args: &[String],
    host: Box<dyn super::event_loop::LoopHost>,
    observer: Option<Arc<dyn AgentFactory>>,
) -> i32 {
    let mut host = host;
    host.attach(iso);
    iso.loop_host = Some(host);
    let code = run_on_this_thread(iso, args, observer);
    // The host belongs to this run (it holds the session's side of its commands).
    iso.loop_host = None;
    code
}

/// Makes an isolate with `make` on the isolate thread, runs its `main` and returns the
/// process exit code. `make` reports why it could not build one.
pub fn run_isolate<F>(make: F, args: Vec<String>, observer: Option<Arc<dyn AgentFactory>>) -> i32
where
    F: FnOnce() -> Result<Box<Isolate>, String> + Send + 'static,
{
    on_isolate_thread(move || match make() {
        Ok(mut iso) => run_on_this_thread(&mut iso, &args, observer),
        Err(e) => {
            eprintln!("dartrs: {e}");
            70
        }
    })
}

/// Runs `f` on a new thread with the stack Dart code needs ([`STACK_SIZE`]) and returns
/// its exit code (70 when the thread could not start or panicked).
pub fn on_isolate_thread<F>(f: F) -> i32
where
    F: FnOnce() -> i32 + Send + 'static,
{
    let worker = std::thread::Builder::new()
        .name("dart-main".into())
        .stack_size(STACK_SIZE)
        .spawn(f);
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => code,
        Ok(Err(_)) => {
            eprintln!("dartrs: internal error: the isolate thread panicked");
            70
        }
        Err(e) => {
            eprintln!("dartrs: cannot start the isolate thread: {e}");
            70
        }
    }
}

fn run_on_this_thread(
    iso: &mut Isolate,
    args: &[String],
    observer: Option<Arc<dyn AgentFactory>>,
) -> i32 {
    let Some(main) = iso.program.main else {
        eprintln!("dartrs: the program has no 'main' function");
        return 254;
    };
    set_stack_limit(iso);
    iso.observer = observer.clone();
    let iso_ptr = IsolatePtr::new(iso);
    if let Some(factory) = &observer {
        let agent = factory.attach(iso_ptr.get());
        iso_ptr.get().agent = Some(agent.clone());
        agent.started(iso_ptr);
    }
    let iso = iso_ptr.get();
    let main_args = main_arguments(iso, main, args);
    let desc = iso.argdesc_for(main_args.len() as u32, &[]);
    let started = crate::timeline::now_micros();
    // SAFETY: the isolate lives on this thread for the whole call; no borrow is held.
    let result = Isolate::invoke(iso_ptr, main.0, &main_args, desc);
    crate::timeline::complete(crate::timeline::Stream::Isolate, "RunMain", started, None);
    let result = result.and_then(|_| super::event_loop::run(iso_ptr));
    let iso = iso_ptr.get();
    iso.handles.clear();
    let code = match result {
        Ok(_) => iso.exit_code,
        // `Isolate.exit` (or a kill) ended the main isolate: a normal end.
        Err(Pending) if iso.terminating => iso.exit_code,
        Err(Pending) => {
            report_uncaught(iso_ptr);
            EXIT_UNCAUGHT
        }
    };
    super::ports::end_program(iso_ptr.get());
    isolate_exiting(iso_ptr);
    code
}

/// Sets the limit generated code checks for stack overflow, for an isolate about to run
/// on this thread (which has [`STACK_SIZE`] of stack).
pub fn set_stack_limit(iso: &mut Isolate) {
    let marker = 0u8;
    let here = &marker as *const u8 as u64;
    iso.thread.stack_limit = here - (STACK_SIZE - STACK_RESERVE) as u64;
}

/// Flushes the program's output and tells the agent the isolate is going away.
pub fn isolate_exiting(iso_ptr: IsolatePtr) {
    iso_ptr.get().out.flush();
    // Its ports close: later messages to them are dropped.
    if let Some(control) = iso_ptr.get().control.take() {
        control.unregister();
    }
    if let Some(agent) = iso_ptr.get().agent.take() {
        agent.exiting(iso_ptr);
    }
}

/// `main()` or `main(List<String> args)`.
fn main_arguments(
    iso: &mut Isolate,
    main: crate::kernel::ir::FunctionId,
    args: &[String],
) -> Vec<Value> {
    if iso.program.function(main).params.positional() == 0 {
        return Vec::new();
    }
    let list = super::lists::new_growable(iso, args.len());
    iso.handles.push(list.0);
    for a in args {
        let s = new_string(iso, a);
        iso.handles.push(s.0);
        super::lists::growable_add(iso, 0, 1);
        iso.handles.pop();
    }
    vec![Value(iso.handles[0])]
}

/// Prints `Unhandled exception:`, the exception's `toString()` and its stack trace.
pub fn report_uncaught(iso_ptr: IsolatePtr) {
    // SAFETY: the isolate is live; borrows below end before each call into Dart.
    let iso = iso_ptr.get();
    let exception = Value(iso.thread.pending_exception);
    let trace = Value(iso.thread.pending_stack_trace);
    iso.thread.clear_pending_exception();
    iso.handles.push(trace.0);
    let text = super::natives::to_dart_string(iso_ptr, exception).unwrap_or_else(|Pending| {
        // SAFETY: as above.
        let iso = iso_ptr.get();
        iso.thread.clear_pending_exception();
        super::natives::debug_string(iso, exception)
    });
    // SAFETY: as above.
    let iso = iso_ptr.get();
    let trace = Value(iso.handles.pop().unwrap_or(trace.0));
    let frames = if trace.0 != 0 {
        super::natives::format_trace(iso, trace)
    } else {
        String::new()
    };
    iso.out
        .write_stderr(&format!("Unhandled exception:\n{text}\n{frames}"));
}
