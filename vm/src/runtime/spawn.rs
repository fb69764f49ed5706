//! `Isolate.spawn`: a new isolate on its own OS thread, with its own heap, code heap (JIT:
//! the same `Arc<Program>`, compiled again lazily; AOT: the parent's snapshot mapped
//! again, its text shared through the page cache) and event loop.
//!
//! The parent copies `[readyPort, entryPoint, message]` into a [`Message`] on its own
//! thread (so an unsendable argument fails there), registers the child's
//! [`IsolateControl`] (so `kill` and listeners work at once) and starts the thread. The
//! child rebuilds the message in its heap and calls `dart:isolate`'s `_startIsolate`,
//! which sends the ready message and calls the entry point, then runs its event loop.
//! An uncaught error goes to the `onError` ports as `[error, stack]` strings, or is
//! printed as `Unhandled exception:`; with `errorsAreFatal` the isolate then ends. At the
//! end its ports close, the `onExit` ports get their messages, and its memory goes away;
//! nothing of it is reachable from another isolate.

use super::agent::AgentFactory;
use super::isolate::{Isolate, IsolatePtr, Pending};
use super::message::Message;
use super::ports::{IsolateControl, Listeners};
use std::sync::Arc;

/// How to make another isolate running the same program (set for AOT isolates; a JIT
/// isolate makes one over its current program).
pub type SpawnRecipe = Arc<dyn Fn() -> Result<Box<Isolate>, String> + Send + Sync>;

/// What `Isolate.spawn` asked for.
pub struct SpawnRequest {
    pub start: Message,
    /// Where the child says it started (or, as a String, why it could not).
    pub ready_port: i64,
    pub debug_name: String,
    pub errors_fatal: bool,
    pub on_exit: Option<(i64, Message)>,
    pub on_error: Option<i64>,
}

/// Starts a child isolate of `parent`; `Err`: why no thread could be started.
pub fn spawn(parent: &mut Isolate, request: SpawnRequest) -> Result<(), String> {
    let make = recipe_of(parent)?;
    let root = super::ports::control_of(parent).root;
    let observer = parent.observer.clone();
    parent.out.set_eager(true);
    let SpawnRequest {
        start,
        ready_port,
        debug_name,
        errors_fatal,
        on_exit,
        on_error,
    } = request;
    let control = IsolateControl::register(
        super::inbox::Inbox::new(),
        debug_name.clone(),
        Listeners {
            on_exit: on_exit.into_iter().collect(),
            on_error: on_error.into_iter().collect(),
            errors_fatal,
        },
        Some(root),
    );
    let child_control = control.clone();
    let started = std::thread::Builder::new()
        .name(format!("dart-{debug_name}"))
        .stack_size(super::run::STACK_SIZE)
        .spawn(move || run_child(make, child_control, start, ready_port, observer));
    if let Err(e) = started {
        control.unregister();
        return Err(format!("cannot start the isolate thread: {e}"));
    }
    Ok(())
}

fn recipe_of(parent: &Isolate) -> Result<SpawnRecipe, String> {
    if let Some(r) = &parent.spawn_recipe {
        return Ok(r.clone());
    }
    if parent.aot.is_some() {
        return Err("this AOT isolate cannot spawn isolates (no snapshot to map again)".into());
    }
    let (program, sources, options) = (
        parent.program.clone(),
        parent.sources.clone(),
        parent.options.clone(),
    );
    Ok(Arc::new(move || {
        Isolate::new(program.clone(), sources.clone(), options.clone())
    }))
}

/// The child's thread: make the isolate, run the entry point and the event loop, report
/// uncaught errors, and clean up.
fn run_child(
    make: SpawnRecipe,
    control: Arc<IsolateControl>,
    start: Message,
    ready_port: i64,
    observer: Option<Arc<dyn AgentFactory>>,
) {
    let mut iso = match make() {
        Ok(iso) => iso,
        Err(e) => {
            super::ports::post(ready_port, Message::string(&e));
            finish(&control);
            return;
        }
    };
    iso.inbox = control.inbox.clone();
    iso.control = Some(control.clone());
    iso.observer = observer.clone();
    iso.out.set_eager(true);
    super::run::set_stack_limit(&mut iso);
    control.attach_interrupt(&mut iso.thread.service_interrupt);
    let p = IsolatePtr::new(&mut iso);
    if let Some(factory) = &observer {
        let agent = factory.attach(p.get());
        p.get().agent = Some(agent.clone());
        agent.started(p);
    }
    let mut result = super::message::import(p, &start)
        .and_then(|root| super::ports::call_isolate_hook(p, "_startIsolate", &[root]))
        .map(|_| ());
    loop {
        if let Ok(()) = result {
            result = super::event_loop::run(p);
            if result.is_ok() {
                break;
            }
        }
        if p.get().terminating {
            break;
        }
        let fatal = report_error(p, &control);
        if fatal {
            break;
        }
        result = Ok(());
    }
    p.get().handles.clear();
    control.unregister();
    super::run::isolate_exiting(p);
    drop(iso);
    finish(&control);
}

/// Sends the `onExit` messages of an isolate that has ended.
fn finish(control: &IsolateControl) {
    control.unregister();
    let on_exit = std::mem::take(&mut control.listeners().on_exit);
    for (port, msg) in on_exit {
        super::ports::post(port, msg);
    }
}

/// Reports the pending (uncaught) exception to the error listeners, or prints it when
/// there are none; returns whether it ends the isolate.
fn report_error(p: IsolatePtr, control: &IsolateControl) -> bool {
    let (listeners, fatal) = {
        let l = control.listeners();
        (l.on_error.clone(), l.errors_fatal)
    };
    if listeners.is_empty() {
        super::run::report_uncaught(p);
        return fatal;
    }
    let (error, stack) = pending_texts(p);
    let msg = Message::strings(&[error, stack]);
    for port in listeners {
        super::ports::post(port, msg.clone());
    }
    fatal
}

/// `error.toString()` and the stack trace's text of the pending exception (cleared).
fn pending_texts(p: IsolatePtr) -> (String, String) {
    let i = p.get();
    let exception = super::object::Value(i.thread.pending_exception);
    let trace = super::object::Value(i.thread.pending_stack_trace);
    i.thread.clear_pending_exception();
    i.handles.push(trace.0);
    let text = super::natives::to_dart_string(p, exception).unwrap_or_else(|Pending| {
        let i = p.get();
        i.thread.clear_pending_exception();
        super::natives::debug_string(i, exception)
    });
    let i = p.get();
    let trace = super::object::Value(i.handles.pop().unwrap_or(trace.0));
    let stack = if trace.0 != 0 && trace.is_heap() {
        super::natives::format_trace(i, trace)
    } else {
        String::new()
    };
    (text, stack)
}
