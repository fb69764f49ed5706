//! Natives behind `dart:io` beyond the standard output streams: files and directories,
//! the process environment, standard input, child processes and HTTP.
//!
//! Dart names an operation by a string and passes its arguments in a list
//! (`_ioSync(op, args)`, `_ioStart(port, op, args)` in corelib/io.dart). The arguments
//! are copied out of the heap into [`IoArg`]s and results are built as [`IoValue`]s, plain
//! Rust data, so the same operation runs on the isolate's thread (synchronous API) or on
//! a worker thread (asynchronous API), whose result reaches the isolate as an inbox
//! delivery calling `_ioDispatch(port, kind, value)` (docs/ARCHITECTURE.md decision 27).
//! Operating-system failures are [`OsError`]s: thrown as dart:io `OSError`s on the
//! isolate's thread, delivered as error events otherwise; Dart wraps them in the Dart VM's
//! exceptions.

mod fs;
mod http;
mod process;
mod random_access;
mod stdio;

use super::typed_data::typed_list_parts;
use super::{int_of, iso, new_int, NResult, NativeArgs, NativeError, NativeRegistry};
use crate::runtime::entries::{die, new_string};
use crate::runtime::inbox::Inbox;
use crate::runtime::isolate::{Fatal, Isolate, IsolatePtr, Pending};
use crate::runtime::lists::{growable_add, list_elements, new_growable};
use crate::runtime::object::*;
use crate::runtime::strings::{is_string, string_to_rust};
use std::sync::Arc;

/// An argument of an I/O operation, copied out of the Dart heap.
#[derive(Debug, Clone, PartialEq)]
pub enum IoArg {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    /// A byte-element typed list (`Uint8List`, `Int8List`, ...), copied.
    Bytes(Vec<u8>),
    List(Vec<IoArg>),
}

/// A result of an I/O operation, built into Dart objects on the isolate's thread.
#[derive(Debug, Clone, PartialEq)]
pub enum IoValue {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    /// A `List<int>` of byte values.
    Bytes(Vec<u8>),
    List(Vec<IoValue>),
}

/// An operating-system failure: the `strerror` text and `errno` (-1 when there is none).
#[derive(Debug, Clone, PartialEq)]
pub struct OsError {
    pub message: String,
    pub errno: i64,
}

impl From<std::io::Error> for OsError {
    fn from(e: std::io::Error) -> OsError {
        match e.raw_os_error() {
            Some(code) => OsError {
                message: strerror_text(&e),
                errno: code as i64,
            },
            None => OsError {
                message: e.to_string(),
                errno: -1,
            },
        }
    }
}

/// The C library's message for an OS error (Rust's `Display` appends " (os error N)").
fn strerror_text(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.rfind(" (os error ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

pub type IoResult = Result<IoValue, OsError>;

/// What a delivery tells a port (`_kData`, `_kError`, `_kDone` in io.dart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PortEvent {
    Data = 0,
    Error = 1,
    Done = 2,
}

/// Where a worker thread sends what it produced for one Dart port.
#[derive(Clone)]
pub struct PortSender {
    inbox: Arc<Inbox>,
    port: i64,
}

impl PortSender {
    pub fn new(iso: &Isolate, port: i64) -> PortSender {
        PortSender {
            inbox: iso.inbox.clone(),
            port,
        }
    }

    pub fn send(&self, event: PortEvent, value: IoValue) {
        let port = self.port;
        self.inbox
            .post(Box::new(move |p| dispatch(p, port, event, &value)));
    }

    pub fn data(&self, value: IoValue) {
        self.send(PortEvent::Data, value);
    }

    pub fn error(&self, e: OsError) {
        self.send(
            PortEvent::Error,
            IoValue::List(vec![IoValue::Str(e.message), IoValue::Int(e.errno)]),
        );
    }

    pub fn done(&self) {
        self.send(PortEvent::Done, IoValue::Null);
    }

    /// Data for `Ok`, an error event for `Err`.
    pub fn result(&self, r: IoResult) {
        match r {
            Ok(v) => self.data(v),
            Err(e) => self.error(e),
        }
    }
}

/// A top-level function of library `uri` the runtime calls (`_ioDispatch`,
/// `_throwOSError`, dart:typed_data's `_uint8ListOfStore`).
fn library_function(i: &Isolate, uri: &str, name: &str) -> Option<u32> {
    let sym = crate::front::intern::Symbol::intern(name);
    i.program
        .libraries
        .iter()
        .filter(|l| l.uri == uri)
        .flat_map(|l| l.functions.iter())
        .copied()
        .find(|&f| i.program.function(f).name == sym)
        .map(|f| f.0)
}

/// Calls `name` of library `uri` with `args` (rooted by the caller or freshly made).
fn call_library(p: IsolatePtr, uri: &str, name: &str, args: &[Value]) -> Result<Value, Pending> {
    let i = iso(p);
    let Some(f) = library_function(i, uri, name) else {
        die(
            i,
            Fatal::Internal(format!("{uri} has no entry point '{name}'")),
        )
    };
    let desc = i.argdesc_for(args.len() as u32, &[]);
    Isolate::invoke(p, f, args, desc)
}

fn call_io(p: IsolatePtr, name: &str, args: &[Value]) -> Result<Value, Pending> {
    call_library(p, "dart:io", name, args)
}

/// Runs on the isolate's thread: hands `value` to `_ioDispatch`.
fn dispatch(p: IsolatePtr, port: i64, event: PortEvent, value: &IoValue) -> Result<(), Pending> {
    let v = to_dart(p, value)?;
    let i = iso(p);
    i.handles.push(v.0);
    let port = new_int(i, port);
    let v = Value(i.handles.pop().unwrap_or(v.0));
    call_io(p, "_ioDispatch", &[port, Value::smi(event as i64), v]).map(|_| ())
}

/// Builds `v` in the isolate's heap; byte lists become `Uint8List`s (which Dart code
/// builds, so this may call Dart: `Err` when that threw).
pub fn to_dart(p: IsolatePtr, v: &IoValue) -> Result<Value, Pending> {
    let i = iso(p);
    Ok(match v {
        IoValue::Null => i.null(),
        IoValue::Bool(b) => i.bool_value(*b),
        IoValue::Int(n) => new_int(i, *n),
        IoValue::Str(s) => new_string(i, s),
        IoValue::Bytes(b) => {
            let store = crate::runtime::bytes::new_store_from(i, b);
            call_library(p, "dart:typed_data", "_uint8ListOfStore", &[store])?
        }
        IoValue::List(items) => list_of(p, items)?,
    })
}

fn list_of(p: IsolatePtr, items: &[IoValue]) -> Result<Value, Pending> {
    let i = iso(p);
    let base = i.handles.len();
    let list = new_growable(i, items.len());
    i.handles.push(list.0);
    for item in items {
        let v = match to_dart(p, item) {
            Ok(v) => v,
            Err(e) => {
                iso(p).handles.truncate(base);
                return Err(e);
            }
        };
        let i = iso(p);
        i.handles.push(v.0);
        growable_add(i, base, base + 1);
        i.handles.truncate(base + 1);
    }
    let i = iso(p);
    let list = Value(i.handles[base]);
    i.handles.truncate(base);
    Ok(list)
}

/// Copies a Dart value out of the heap (strings, ints, bools, null and lists of them).
fn from_dart(i: &mut Isolate, v: Value) -> Result<IoArg, NativeError> {
    if v.is_smi() || int_of(v).is_some() {
        return Ok(IoArg::Int(int_of(v).unwrap_or(0)));
    }
    if v == i.null() {
        return Ok(IoArg::Null);
    }
    if v == i.bool_value(true) || v == i.bool_value(false) {
        return Ok(IoArg::Bool(v == i.bool_value(true)));
    }
    if let Some(parts) = typed_list_parts(i, v).filter(|t| t.kind.width() == 1) {
        // SAFETY: nothing allocates while the bytes are copied out.
        if let Some(bytes) = unsafe { parts.bytes() } {
            return Ok(IoArg::Bytes(bytes.to_vec()));
        }
    }
    // SAFETY: a valid heap value, read as a string or list only when it is one.
    unsafe {
        if is_string(v) {
            return Ok(IoArg::Str(string_to_rust(v)));
        }
        if crate::runtime::lists::is_list_cid(v.cid()) {
            let mut out = Vec::new();
            for e in list_elements(v) {
                out.push(from_dart(i, e)?);
            }
            return Ok(IoArg::List(out));
        }
    }
    let shown = super::debug_string(i, v);
    Err(NativeError::Throw {
        entry_point: "_throwArgumentError",
        args: vec![
            super::ThrowArg::Str(shown),
            super::ThrowArg::Null,
            super::ThrowArg::Str("dart:io cannot pass this value to the system".into()),
        ],
    })
}

impl IoArg {
    pub fn str(&self) -> &str {
        match self {
            IoArg::Str(s) => s,
            _ => "",
        }
    }

    pub fn int(&self) -> Option<i64> {
        match self {
            IoArg::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn bool(&self) -> bool {
        matches!(self, IoArg::Bool(true))
    }

    /// A list of ints as bytes (each truncated to its low 8 bits, as the Dart VM does).
    pub fn bytes(&self) -> Vec<u8> {
        match self {
            IoArg::Bytes(b) => b.clone(),
            IoArg::List(items) => items.iter().map(|a| a.int().unwrap_or(0) as u8).collect(),
            _ => Vec::new(),
        }
    }

    pub fn strings(&self) -> Vec<String> {
        match self {
            IoArg::List(items) => items.iter().map(|a| a.str().to_string()).collect(),
            _ => Vec::new(),
        }
    }
}

/// Argument `i` of an operation (`Null` when the Dart side passed fewer).
pub fn arg(args: &[IoArg], i: usize) -> &IoArg {
    const NULL: IoArg = IoArg::Null;
    args.get(i).unwrap_or(&NULL)
}

/// The operation name and arguments of `_ioSync`/`_ioStart` (at `first`, `first + 1`).
fn op_and_args(
    p: IsolatePtr,
    a: &NativeArgs,
    first: usize,
) -> Result<(String, Vec<IoArg>), NativeError> {
    let i = iso(p);
    let op = match from_dart(i, a.get(first))? {
        IoArg::Str(s) => s,
        _ => String::new(),
    };
    let args = match from_dart(i, a.get(first + 1))? {
        IoArg::List(l) => l,
        _ => Vec::new(),
    };
    Ok((op, args))
}

/// Throws `e` as a dart:io `OSError`.
fn throw_os_error(p: IsolatePtr, e: OsError) -> NativeError {
    let i = iso(p);
    let message = new_string(i, &e.message);
    i.handles.push(message.0);
    let errno = new_int(i, e.errno);
    let message = Value(i.handles.pop().unwrap_or(message.0));
    // `_throwOSError` never returns normally: its exception is pending either way.
    let _ = call_io(p, "_throwOSError", &[message, errno]);
    NativeError::Pending
}

fn unknown_op(op: &str) -> NativeError {
    NativeError::Unsupported(format!("dart:io has no operation '{op}'"))
}

/// `_ioSync('isDirectBytes', [list])`: whether `list` is a typed list of bytes the runtime
/// reads in place (answered before the arguments are copied, which would refuse other
/// typed lists). `None` for every other operation.
fn direct_bytes(p: IsolatePtr, a: &NativeArgs) -> Option<bool> {
    let op = a.get(0);
    // SAFETY: valid values, read as a string or list only when they are one.
    unsafe {
        if !is_string(op) || string_to_rust(op) != "isDirectBytes" {
            return None;
        }
        let list = a.get(1);
        if !crate::runtime::lists::is_list_cid(list.cid())
            || crate::runtime::lists::list_len(list) != 1
        {
            return Some(false);
        }
        let value = crate::runtime::lists::list_get(list, 0);
        Some(typed_list_parts(iso(p), value).is_some_and(|t| t.kind.width() == 1))
    }
}

/// `_ioSync(op, args)`: operations that need the isolate first, then the blocking ones.
fn io_sync(p: IsolatePtr, a: &NativeArgs) -> NResult {
    if let Some(answer) = direct_bytes(p, a) {
        return Ok(iso(p).bool_value(answer));
    }
    let (op, args) = op_and_args(p, a, 0)?;
    let result = match stdio::run_sync(p, &op, &args) {
        Some(r) => r?,
        None => match process::run_sync(p, &op, &args) {
            Some(r) => r?,
            None => match http::run_sync(p, &op, &args) {
                Some(r) => r?,
                None => match random_access::run_sync(&op, &args) {
                    Some(r) => r?,
                    None => fs::perform(&op, &args).ok_or_else(|| unknown_op(&op))?,
                },
            },
        },
    };
    match result {
        Ok(v) => to_dart(p, &v).map_err(|_| NativeError::Pending),
        Err(e) => Err(throw_os_error(p, e)),
    }
}

/// `_ioStart(port, op, args)`: a blocking operation on a worker thread.
fn io_start(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let port = int_of(a.get(0)).unwrap_or(0);
    let (op, args) = op_and_args(p, a, 1)?;
    let sender = PortSender::new(iso(p), port);
    if let Some(started) = process::start_async(&op, &args, &sender) {
        started?;
        return Ok(iso(p).null());
    }
    if let Some(started) = http::start_async(&op, &args, &sender) {
        started?;
        return Ok(iso(p).null());
    }
    if let Some(started) = random_access::start_async(&op, &args, &sender) {
        started?;
        return Ok(iso(p).null());
    }
    if !fs::is_operation(&op) {
        return Err(unknown_op(&op));
    }
    spawn_worker("dartrs-io", move || {
        let result = fs::perform(&op, &args).unwrap_or_else(|| {
            Err(OsError {
                message: format!("unknown operation {op}"),
                errno: -1,
            })
        });
        sender.result(result);
    })?;
    Ok(iso(p).null())
}

/// Starts a named worker thread; failing to start one is an error of the operation.
pub fn spawn_worker(name: &str, work: impl FnOnce() + Send + 'static) -> Result<(), NativeError> {
    std::thread::Builder::new()
        .name(name.to_string())
        .spawn(work)
        .map(|_| ())
        .map_err(|e| NativeError::Unsupported(format!("dart:io could not start a thread: {e}")))
}

pub fn register(r: &mut NativeRegistry) {
    r.add("Io_sync", io_sync);
    r.add("Io_start", io_start);
    r.add("Io_sourceOpened", |p, _| {
        let i = iso(p);
        i.event_sources += 1;
        Ok(i.null())
    });
    r.add("Io_sourceClosed", |p, _| {
        let i = iso(p);
        i.event_sources = i.event_sources.saturating_sub(1);
        Ok(i.null())
    });
    r.add("Io_release", |p, a| {
        if let Some(handle) = int_of(a.get(0)) {
            release(handle);
        }
        Ok(iso(p).null())
    });
}

/// Things Dart can let go of by handle (stdin readers, child stdin pipes, servers).
pub trait Releasable: Send {
    fn release(self: Box<Self>);
    /// For operations on one kind of thing (writing to a child's stdin).
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
}

type Handles = std::collections::HashMap<i64, Box<dyn Releasable>>;

fn handles() -> std::sync::MutexGuard<'static, Handles> {
    use std::sync::{Mutex, OnceLock};
    static HANDLES: OnceLock<Mutex<Handles>> = OnceLock::new();
    HANDLES
        .get_or_init(|| Mutex::new(Handles::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// Registers `thing` and returns its handle (never 0, unique in the process).
pub fn register_handle(thing: Box<dyn Releasable>) -> i64 {
    use std::sync::atomic::{AtomicI64, Ordering};
    static NEXT: AtomicI64 = AtomicI64::new(1);
    let handle = NEXT.fetch_add(1, Ordering::Relaxed);
    handles().insert(handle, thing);
    handle
}

/// Runs `f` on the registered thing, if it is still there.
pub fn with_handle<R>(handle: i64, f: impl FnOnce(&mut Box<dyn Releasable>) -> R) -> Option<R> {
    handles().get_mut(&handle).map(f)
}

pub fn release(handle: i64) {
    let thing = handles().remove(&handle);
    if let Some(thing) = thing {
        thing.release();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_carry_the_c_library_text_and_errno() {
        let e = std::fs::read("/definitely/not/here").expect_err("missing file");
        let os = OsError::from(e);
        assert_eq!(os.message, "No such file or directory");
        assert_eq!(os.errno, 2);
    }
}
