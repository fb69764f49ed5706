//! Natives behind `dart:isolate`: ports, sending (the copy happens here, on the sender's
//! thread), spawning, and the control operations on isolates (kill, listeners, exit).
//!
//! A copy that fails returns the `ArgumentError` text to the Dart side, which throws it;
//! everything else about ports and isolates lives in `runtime::ports` and
//! `runtime::spawn`.

use super::{int_of, iso, new_int, NResult, NativeArgs, NativeError, NativeRegistry};
use crate::runtime::entries::new_string;
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::message::{self, Message, SendError};
use crate::runtime::object::Value;
use crate::runtime::ports;

pub fn register(r: &mut NativeRegistry) {
    r.add("Isolate_openPort", |p, _| {
        let id = ports::open_port(iso(p));
        Ok(new_int(iso(p), id))
    });
    r.add("Isolate_closePort", |p, a| {
        if let Some(id) = int_of(a.get(0)) {
            ports::close_port(iso(p), id);
        }
        Ok(iso(p).null())
    });
    r.add("Isolate_setKeepAlive", |p, a| {
        let keep = a.get(1) == iso(p).bool_value(true);
        if let Some(id) = int_of(a.get(0)) {
            ports::set_keep_alive(iso(p), id, keep);
        }
        Ok(iso(p).null())
    });
    r.add("Isolate_send", |p, a| {
        let port = int_of(a.get(0)).unwrap_or(0);
        match copy(p, a.get(1))? {
            Ok(msg) => {
                ports::post(port, msg);
                Ok(iso(p).null())
            }
            Err(text) => Ok(text),
        }
    });
    r.add("Isolate_newCapability", |p, _| {
        Ok(new_int(iso(p), ports::fresh_id()))
    });
    r.add("Isolate_spawn", spawn);
    r.add("Isolate_current", |p, a| {
        let which = int_of(a.get(0)).unwrap_or(0);
        let c = ports::control_of(iso(p));
        let id = match which {
            0 => c.control_port,
            1 => c.pause_capability,
            _ => c.terminate_capability,
        };
        Ok(new_int(iso(p), id))
    });
    r.add("Isolate_debugName", |p, a| {
        let control = int_of(a.get(0)).and_then(ports::find_isolate);
        Ok(match control {
            Some(c) => new_string(iso(p), &c.debug_name),
            None => iso(p).null(),
        })
    });
    r.add("Isolate_kill", |p, a| {
        let immediate = int_of(a.get(1)) == Some(0);
        let Some(target) = int_of(a.get(0)).and_then(ports::find_isolate) else {
            return Ok(iso(p).null());
        };
        let own = iso(p).control.as_ref().map(|c| c.control_port);
        if own == Some(target.control_port) && immediate {
            ports::terminate(p);
            return Err(NativeError::Pending);
        }
        target.request_kill(immediate);
        Ok(iso(p).null())
    });
    r.add("Isolate_addOnExitListener", |p, a| {
        let port = int_of(a.get(1)).unwrap_or(0);
        let msg = match copy(p, a.get(2))? {
            Ok(m) => m,
            Err(text) => return Ok(text),
        };
        if let Some(c) = int_of(a.get(0)).and_then(ports::find_isolate) {
            let mut l = c.listeners();
            l.on_exit.retain(|(q, _)| *q != port);
            l.on_exit.push((port, msg));
        }
        Ok(iso(p).null())
    });
    r.add("Isolate_removeOnExitListener", |p, a| {
        let port = int_of(a.get(1)).unwrap_or(0);
        if let Some(c) = int_of(a.get(0)).and_then(ports::find_isolate) {
            c.listeners().on_exit.retain(|(q, _)| *q != port);
        }
        Ok(iso(p).null())
    });
    r.add("Isolate_addErrorListener", |p, a| {
        let port = int_of(a.get(1)).unwrap_or(0);
        if let Some(c) = int_of(a.get(0)).and_then(ports::find_isolate) {
            let mut l = c.listeners();
            if !l.on_error.contains(&port) {
                l.on_error.push(port);
            }
        }
        Ok(iso(p).null())
    });
    r.add("Isolate_removeErrorListener", |p, a| {
        let port = int_of(a.get(1)).unwrap_or(0);
        if let Some(c) = int_of(a.get(0)).and_then(ports::find_isolate) {
            c.listeners().on_error.retain(|q| *q != port);
        }
        Ok(iso(p).null())
    });
    r.add("Isolate_setErrorsFatal", |p, a| {
        let fatal = a.get(1) == iso(p).bool_value(true);
        if let Some(c) = int_of(a.get(0)).and_then(ports::find_isolate) {
            c.listeners().errors_fatal = fatal;
        }
        Ok(iso(p).null())
    });
    r.add("Isolate_ping", |p, a| {
        let port = int_of(a.get(1)).unwrap_or(0);
        let msg = match copy(p, a.get(2))? {
            Ok(m) => m,
            Err(text) => return Ok(text),
        };
        if let Some(c) = int_of(a.get(0)).and_then(ports::find_isolate) {
            // The answer leaves when the target handles the ping as an event.
            c.inbox.post(Box::new(move |_| {
                ports::post(port, msg);
                Ok(())
            }));
        }
        Ok(iso(p).null())
    });
    r.add("Isolate_exit", |p, a| {
        if let Some(port) = int_of(a.get(0)) {
            match copy(p, a.get(1))? {
                Ok(msg) => ports::post(port, msg),
                Err(text) => return Ok(text),
            }
        }
        ports::terminate(p);
        Err(NativeError::Pending)
    });
}

/// Copies `value` for sending: `Ok(Err(text))` is the `ArgumentError` message to throw.
fn copy(p: IsolatePtr, value: Value) -> Result<Result<Message, Value>, NativeError> {
    let i = iso(p);
    // Output written before a send is seen before anything the receiver prints after it.
    i.out.flush();
    match message::export(i, value) {
        Ok(m) => Ok(Ok(m)),
        Err(SendError::Illegal(text)) => Ok(Err(new_string(iso(p), &text))),
        Err(SendError::Unsupported(text)) => Err(NativeError::Unsupported(text)),
    }
}

/// `_spawn(readyPort, [readyPort, entryPoint, message], errorsAreFatal, onExit,
/// onExitResponse, onError, debugName)`: returns null, or the ArgumentError text.
fn spawn(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let ready_port = int_of(a.get(0)).unwrap_or(0);
    let start = match copy(p, a.get(1))? {
        Ok(m) => m,
        Err(text) => return Ok(text),
    };
    let errors_fatal = a.get(2) == iso(p).bool_value(true);
    let on_exit = match int_of(a.get(3)) {
        Some(port) => match copy(p, a.get(4))? {
            Ok(m) => Some((port, m)),
            Err(text) => return Ok(text),
        },
        None => None,
    };
    let on_error = int_of(a.get(5));
    let name = a.get(6);
    // SAFETY: `debugName` is a String or null (the Dart signature says so).
    let debug_name = if unsafe { crate::runtime::strings::is_string(name) } {
        unsafe { crate::runtime::strings::string_to_rust(name) }
    } else {
        entry_name(p, a.get(1)).unwrap_or_else(|| "isolate".to_string())
    };
    let request = crate::runtime::spawn::SpawnRequest {
        start,
        ready_port,
        debug_name,
        errors_fatal,
        on_exit,
        on_error,
    };
    match crate::runtime::spawn::spawn(iso(p), request) {
        Ok(()) => Ok(iso(p).null()),
        Err(e) => Err(NativeError::Unsupported(e)),
    }
}

/// The qualified name of the entry point in `start` (`[readyPort, entryPoint, message]`),
/// which names an isolate spawned without a `debugName` (as the Dart VM names it).
fn entry_name(p: IsolatePtr, start: Value) -> Option<String> {
    use crate::runtime::layout::*;
    use crate::runtime::object::{CID_CLOSURE, CID_GROWABLE_LIST};
    let i = iso(p);
    // SAFETY: `start` is the growable list literal `_spawn`'s caller builds, with three
    // elements; the entry point is a closure, whose slot 0 is its entry index.
    unsafe {
        if !start.is_heap() || start.cid() != CID_GROWABLE_LIST {
            return None;
        }
        let data = Value(start.slot(GROWABLE_DATA));
        let entry = Value(data.slot(array_element_slot(1)));
        if !entry.is_heap() || entry.cid() != CID_CLOSURE {
            return None;
        }
        let index = Value(entry.slot(CLOSURE_FUNCTION)).smi_value() as u32;
        let target = match i.synthetic_at(index) {
            Some(crate::runtime::isolate::SyntheticEntry::Forwarder { target, .. }) => *target,
            Some(_) => return None,
            None => crate::kernel::ir::FunctionId(index),
        };
        let f = i.program.functions.get(target.0 as usize)?;
        Some(f.qualified_name.to_string())
    }
}
