//! The isolate's end of the service: registers the isolate, publishes its state, answers
//! the mail the server sends at safepoints (or blocks in the pause loop answering it),
//! runs `ext.*` service extensions, and turns GC, output, `postEvent` and lifecycle
//! changes into stream events. Everything here runs on the isolate's thread.

use super::inspect;
use super::interrupt::InterruptCell;
use super::registry::{lock, IsolateSlot, Mail, Published, Registry};
use crate::heap::GcStats;
use crate::runtime::agent::{IsolateAgent, LogRecord, OutputStream};
use crate::runtime::event_loop::{LoopHost, ObserverReload};
use crate::runtime::isolate::{Isolate, IsolatePtr};
use crate::runtime::object::Value;
use crate::runtime::reload::{ReloadFailure, ReloadReport};
use crate::timeline;
use base64::Engine;
use dartrs_devtools_protocol::backend::{IsolateRequest, Reply, RpcResult};
use dartrs_devtools_protocol::jsonrpc::{codes, RpcError};
use dartrs_devtools_protocol::server::now_millis;
use dartrs_devtools_protocol::streams::StreamId;
use dartrs_devtools_protocol::types::{to_value, Event, IsolateFlag, IsolateRef};
use serde_json::{json, Map};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

pub struct ServiceAgent {
    registry: Arc<Registry>,
    number: u64,
    isolate: IsolateRef,
    published: Arc<Mutex<Published>>,
    mailbox: Mutex<Receiver<Mail>>,
    interrupt: Arc<InterruptCell>,
    pause_on_start: bool,
    pause_requested: Cell<bool>,
    paused: Cell<bool>,
    /// Extension calls that arrived while paused: they run after `resume`.
    deferred: RefCell<Vec<(IsolateRequest, Reply)>>,
    /// `reloadSources` requests waiting for a point where reloading is safe (an
    /// event-loop turn, or the pause before `main`).
    pending_reloads: RefCell<Vec<(IsolateRequest, Reply)>>,
    /// A reload asked to pause the isolate afterwards (`pause: true`).
    pause_after_reload: Cell<bool>,
}

impl ServiceAgent {
    /// Registers `iso` with the service and taps its output.
    pub fn attach(
        registry: &Arc<Registry>,
        iso: &mut Isolate,
        pause_on_start: bool,
    ) -> Rc<dyn IsolateAgent> {
        let number = registry.next_isolate_number();
        // Spawned isolates are named by their debug name (the main isolate has none yet).
        let name = iso
            .control
            .as_ref()
            .map_or("main", |c| c.debug_name.as_str());
        let isolate = IsolateRef::new(number, name, number);
        let (libraries, root_lib) = inspect::libraries(iso);
        let published = Arc::new(Mutex::new(Published {
            isolate: isolate.clone(),
            start_time: now_millis(),
            runnable: false,
            paused: false,
            pause_event: Event::new("None", Some(isolate.clone()), now_millis()),
            root_lib,
            libraries,
            extension_rpcs: Vec::new(),
            reloading: false,
            flags: vec![IsolateFlag {
                name: "enable_asserts".into(),
                value_as_string: iso.options.asserts.to_string(),
            }],
        }));
        let (tx, rx) = std::sync::mpsc::channel();
        let interrupt = Arc::new(InterruptCell::new(&mut iso.thread));
        registry.register(IsolateSlot {
            number,
            published: published.clone(),
            mailbox: tx,
            interrupt: interrupt.clone(),
            reload_waker: iso.loop_host.as_ref().and_then(|h| h.waker()),
        });
        let agent = Rc::new(ServiceAgent {
            registry: registry.clone(),
            number,
            isolate,
            published,
            mailbox: Mutex::new(rx),
            interrupt,
            pause_on_start,
            pause_requested: Cell::new(false),
            paused: Cell::new(false),
            deferred: RefCell::new(Vec::new()),
            pending_reloads: RefCell::new(Vec::new()),
            pause_after_reload: Cell::new(false),
        });
        let tap = agent.clone();
        iso.out
            .set_tap(Box::new(move |stream, text| tap.wrote(stream, text)));
        timeline::name_current_thread("dart-main");
        agent
    }

    fn event(&self, kind: &str) -> Event {
        Event::new(kind, Some(self.isolate.clone()), now_millis())
    }

    /// Answers every request waiting in the mailbox.
    fn drain(&self, iso: IsolatePtr) {
        loop {
            // The guard ends with the statement: answering may run Dart code, which may
            // reach another safepoint and drain again.
            let mail = lock(&self.mailbox).try_recv();
            match mail {
                Ok(Mail::Pause) => self.pause_requested.set(true),
                Ok(Mail::Resume) => {}
                Ok(Mail::Request(request, reply)) => self.answer(iso, request, reply),
                Err(_) => return,
            }
        }
    }

    fn answer(&self, iso: IsolatePtr, request: IsolateRequest, reply: Reply) {
        let result = match request {
            IsolateRequest::GetStack { limit } => Ok(to_value(&inspect::stack(iso.get(), limit))),
            IsolateRequest::GetMemoryUsage => Ok(to_value(&inspect::memory_usage(iso.get()))),
            IsolateRequest::GetAllocationProfile { gc, .. } => {
                if gc {
                    iso.get().collect(0);
                }
                let mut profile = inspect::allocation_profile(iso.get());
                profile.date_last_service_gc = gc.then(now_millis);
                Ok(to_value(&profile))
            }
            request @ IsolateRequest::ReloadSources { .. } => {
                return self.pending_reloads.borrow_mut().push((request, reply));
            }
            IsolateRequest::Extension { method, params } if self.paused.get() => {
                let request = IsolateRequest::Extension { method, params };
                return self.deferred.borrow_mut().push((request, reply));
            }
            IsolateRequest::Extension { method, params } => {
                self.call_extension(iso, &method, &params)
            }
            other => Err(RpcError::internal(format!(
                "{other:?} is answered by the service thread"
            ))),
        };
        reply.send(result);
    }

    /// Stops the isolate until a client resumes it, answering requests meanwhile. With
    /// `host` (paused where reloading is safe) `reloadSources` is answered while paused.
    fn pause_loop(&self, iso: IsolatePtr, kind: &str, mut host: Option<&mut dyn LoopHost>) {
        self.paused.set(true);
        let top = inspect::top_frame(iso.get());
        let mut event = self.event(kind);
        event.top_frame = top.clone();
        {
            let mut p = lock(&self.published);
            p.paused = true;
            p.pause_event = event.clone();
        }
        self.registry.post(StreamId::Debug, event);
        timeline::instant(
            timeline::Stream::Debugger,
            "Paused",
            Some(json!({ "kind": kind })),
        );
        loop {
            let mail = lock(&self.mailbox).recv();
            match mail {
                Ok(Mail::Resume) | Err(_) => break,
                Ok(Mail::Pause) => {}
                Ok(Mail::Request(request, reply)) => self.answer(iso, request, reply),
            }
            if let Some(host) = host.as_deref_mut() {
                self.run_reloads(iso, host);
                // Already paused: a reload's `pause` is satisfied.
                self.pause_after_reload.set(false);
            }
        }
        let mut resume = self.event("Resume");
        resume.top_frame = if kind == "PauseStart" { None } else { top };
        {
            let mut p = lock(&self.published);
            p.paused = false;
            p.pause_event = resume.clone();
        }
        self.registry.post(StreamId::Debug, resume);
        timeline::instant(timeline::Stream::Debugger, "Resumed", None);
        self.paused.set(false);
        self.interrupt.clear();
        let deferred = std::mem::take(&mut *self.deferred.borrow_mut());
        for (request, reply) in deferred {
            self.answer(iso, request, reply);
        }
    }

    /// Runs the Dart handler of service extension `method` through dart:developer's
    /// `_invokeExtension`, which answers `R<json>` or `E<code>:<details>`.
    fn call_extension(
        &self,
        iso: IsolatePtr,
        method: &str,
        params: &Map<String, serde_json::Value>,
    ) -> RpcResult {
        if !lock(&self.published)
            .extension_rpcs
            .iter()
            .any(|m| m == method)
        {
            return Err(RpcError::new(
                codes::METHOD_NOT_FOUND,
                format!("Unknown method \"{method}\""),
            ));
        }
        let Some(invoke) = developer_function(iso.get(), "_invokeExtension") else {
            return Err(RpcError::internal("dart:developer is not loaded"));
        };
        let mut flat = Vec::with_capacity(params.len() * 2);
        for (k, v) in params {
            flat.push(k.clone());
            flat.push(v.as_str().map_or_else(|| v.to_string(), str::to_string));
        }
        let args = extension_arguments(iso.get(), method, &flat);
        let desc = iso.get().argdesc_for(2, &[]);
        let result = Isolate::invoke(iso, invoke.0, &args, desc);
        let i = iso.get();
        let answer = match result {
            // SAFETY: a value returned by Dart code.
            Ok(v) if unsafe { crate::runtime::strings::is_string(v) } => {
                // SAFETY: checked to be a string just above.
                unsafe { crate::runtime::strings::string_to_rust(v) }
            }
            Ok(_) => return Err(RpcError::internal("_invokeExtension returned a non-string")),
            Err(_) => {
                i.thread.clear_pending_exception();
                return Err(RpcError::new(
                    codes::EXTENSION_ERROR,
                    "the extension handler threw",
                ));
            }
        };
        decode_extension_answer(&answer)
    }
}

impl ServiceAgent {
    /// Answers the waiting `reloadSources` requests by reloading through `host` (only
    /// called where reloading is safe).
    fn run_reloads(&self, iso: IsolatePtr, host: &mut dyn LoopHost) {
        loop {
            let next = self.pending_reloads.borrow_mut().pop();
            let Some((request, reply)) = next else {
                return;
            };
            let IsolateRequest::ReloadSources {
                pause,
                root_lib_uri,
                packages_uri,
                ..
            } = request
            else {
                continue;
            };
            let result = observer_reload(root_lib_uri.as_deref(), packages_uri.as_deref())
                .map(|r| reload_report(host.reload_for_observer(iso, &r)));
            if pause && result.as_ref().is_ok_and(|r| r["success"] == true) {
                self.pause_after_reload.set(true);
            }
            lock(&self.published).reloading = false;
            reply.send(result);
        }
    }
}

/// The reload `reloadSources`' `rootLibUri` and `packagesUri` ask for (file URIs or
/// paths).
fn observer_reload(root: Option<&str>, packages: Option<&str>) -> Result<ObserverReload, RpcError> {
    let path = |name: &str, uri: &str| -> Result<std::path::PathBuf, RpcError> {
        let path = uri.strip_prefix("file://").unwrap_or(uri);
        let scheme = path.split_once(':').map(|(s, _)| s);
        if path.is_empty() || scheme.is_some_and(|s| s.len() > 1 && !s.contains('/')) {
            return Err(RpcError::invalid_params(format!(
                "reloadSources: invalid '{name}' parameter: '{uri}' is not a file URI or path"
            )));
        }
        Ok(std::path::PathBuf::from(path))
    };
    Ok(ObserverReload {
        root: root.map(|u| path("rootLibUri", u)).transpose()?,
        packages: packages.map(|u| path("packagesUri", u)).transpose()?,
    })
}

/// The protocol's `ReloadReport` (the Dart VM's shape: library counts on success, one
/// `ReasonForCancelling` notice with the rejection or the compile errors otherwise).
fn reload_report(outcome: Result<ReloadReport, ReloadFailure>) -> serde_json::Value {
    match outcome {
        Ok(r) => json!({
            "type": "ReloadReport",
            "success": true,
            "details": {
                "finalLibraryCount": r.libraries_total,
                "receivedLibraryCount": r.libraries_changed,
                "loadedLibraryCount": r.libraries_changed,
                "savedLibraryCount": r.libraries_total.saturating_sub(r.libraries_changed),
            },
        }),
        Err(ReloadFailure::Rejected(message) | ReloadFailure::CompileErrors(message)) => json!({
            "type": "ReloadReport",
            "success": false,
            "notices": [{ "type": "ReasonForCancelling", "message": message }],
        }),
    }
}

/// `[method, [k1, v1, k2, v2, ...]]` as Dart values (rooted in the handle stack while
/// they are built).
fn extension_arguments(iso: &mut Isolate, method: &str, flat: &[String]) -> [Value; 2] {
    use crate::runtime::entries::new_string;
    use crate::runtime::lists;
    let base = iso.handles.len();
    let m = new_string(iso, method);
    iso.handles.push(m.0);
    let list = lists::new_growable(iso, flat.len());
    iso.handles.push(list.0);
    for s in flat {
        let v = new_string(iso, s);
        iso.handles.push(v.0);
        lists::growable_add(iso, base + 1, base + 2);
        iso.handles.pop();
    }
    let args = [Value(iso.handles[base]), Value(iso.handles[base + 1])];
    iso.handles.truncate(base);
    args
}

/// Decodes `_invokeExtension`'s answer.
fn decode_extension_answer(answer: &str) -> RpcResult {
    if let Some(json) = answer.strip_prefix('R') {
        return match serde_json::from_str::<serde_json::Value>(json) {
            Ok(v) if v.is_object() => Ok(v),
            _ => Err(RpcError::internal(format!(
                "the extension's result is not a JSON object: {json}"
            ))),
        };
    }
    let body = answer.strip_prefix('E').unwrap_or(answer);
    let (code, details) = body.split_once(':').unwrap_or(("-32603", body));
    let code = code.parse().unwrap_or(codes::INTERNAL_ERROR);
    Err(RpcError::new(code, details))
}

/// A top-level function of `dart:developer`, if the program loaded it.
fn developer_function(iso: &Isolate, name: &str) -> Option<crate::kernel::ir::FunctionId> {
    let sym = crate::front::intern::Symbol::intern(name);
    iso.program
        .libraries
        .iter()
        .filter(|l| l.uri == "dart:developer")
        .flat_map(|l| l.functions.iter())
        .copied()
        .find(|&f| iso.program.function(f).name == sym)
}

impl IsolateAgent for ServiceAgent {
    fn started(&self, iso: IsolatePtr) {
        lock(&self.published).runnable = true;
        self.registry
            .post(StreamId::Isolate, self.event("IsolateStart"));
        self.registry
            .post(StreamId::Isolate, self.event("IsolateRunnable"));
        timeline::instant(timeline::Stream::Isolate, "IsolateRunnable", None);
        if self.pause_on_start {
            // Before `main` no Dart frame is on the stack: the host may reload here.
            let mut host = iso.get().loop_host.take();
            let reloader = host.as_mut().map(|h| h.as_mut() as &mut dyn LoopHost);
            self.pause_loop(iso, "PauseStart", reloader);
            iso.get().loop_host = host;
        } else {
            lock(&self.published).pause_event = self.event("Resume");
        }
    }

    fn safepoint(&self, iso: IsolatePtr, mut host: Option<&mut dyn LoopHost>) {
        self.interrupt.clear();
        self.drain(iso);
        loop {
            if let Some(host) = host.as_mut() {
                self.run_reloads(iso, &mut **host as &mut dyn LoopHost);
            }
            // A nested safepoint (Dart code run while paused) never pauses again.
            let kind = if self.paused.get() {
                None
            } else if self.pause_after_reload.replace(false) {
                Some("PausePostRequest")
            } else if self.pause_requested.replace(false) {
                Some("PauseInterrupted")
            } else {
                None
            };
            let Some(kind) = kind else {
                self.pause_requested.set(false);
                return;
            };
            self.pause_loop(
                iso,
                kind,
                host.as_mut().map(|h| &mut **h as &mut dyn LoopHost),
            );
        }
    }

    fn loop_turn(&self, iso: IsolatePtr, host: &mut dyn LoopHost) {
        self.interrupt.clear();
        self.drain(iso);
        loop {
            self.run_reloads(iso, host);
            let kind = if self.pause_after_reload.replace(false) {
                "PausePostRequest"
            } else if self.pause_requested.replace(false) {
                "PauseInterrupted"
            } else {
                return;
            };
            self.pause_loop(iso, kind, Some(&mut *host));
        }
    }

    fn reloaded(&self, applied: bool) {
        let mut event = self.event("IsolateReload");
        let status = if applied { "success" } else { "failure" };
        event.extra.insert("status".into(), status.into());
        self.registry.post(StreamId::Isolate, event);
    }

    fn collected(&self, iso: &Isolate, stats: &GcStats) {
        let Some(events) = self.registry.events() else {
            return;
        };
        if !events.is_listened(StreamId::Gc) {
            return;
        }
        let mut event = self.event("GC");
        let space = |name: &str, used: usize, capacity: usize, collections: u64, micros: u64| {
            json!({
                "type": "HeapSpace", "name": name, "vmName": name,
                "collections": collections, "used": used, "capacity": capacity,
                "external": 0, "time": micros as f64 / 1e6,
            })
        };
        let new = space(
            "new",
            stats.after_bytes,
            stats.capacity_bytes,
            iso.heap.collections,
            stats.micros,
        );
        event.extra.insert("new".into(), new);
        event.extra.insert("old".into(), space("old", 0, 0, 0, 0));
        events.post(StreamId::Gc, event);
    }

    fn wrote(&self, stream: OutputStream, text: &str) {
        let id = match stream {
            OutputStream::Stdout => StreamId::Stdout,
            OutputStream::Stderr => StreamId::Stderr,
        };
        let Some(events) = self.registry.events() else {
            return;
        };
        if events.is_listened(id) {
            let mut event = self.event("WriteEvent");
            event.bytes = Some(base64::engine::general_purpose::STANDARD.encode(text));
            events.post(id, event);
        }
    }

    fn extension_registered(&self, method: &str) {
        lock(&self.published)
            .extension_rpcs
            .push(method.to_string());
        let mut event = self.event("ServiceExtensionAdded");
        event.extension_rpc = Some(method.to_string());
        self.registry.post(StreamId::Isolate, event);
    }

    fn post_event(&self, kind: &str, data_json: &str) {
        let mut event = self.event("Extension");
        event.extension_kind = Some(kind.to_string());
        event.extension_data = serde_json::from_str(data_json)
            .ok()
            .filter(serde_json::Value::is_object);
        event.extension_data.get_or_insert_with(|| json!({}));
        self.registry.post(StreamId::Extension, event);
    }

    fn log(&self, record: &LogRecord) {
        let Some(events) = self.registry.events() else {
            return;
        };
        if !events.is_listened(StreamId::Logging) {
            return;
        }
        let text = |s: Option<&str>| match s {
            Some(s) => json!({
                "type": "@Instance", "kind": "String", "id": "objects/log",
                "identityHashCode": 0, "valueAsString": s, "length": s.encode_utf16().count(),
                "class": {"type": "@Class", "id": "classes/string", "name": "String",
                          "library": {"type": "@Library", "id": "libraries/core", "name": "dart.core", "uri": "dart:core"}},
            }),
            None => json!({
                "type": "@Instance", "kind": "Null", "id": "objects/null",
                "identityHashCode": 0, "valueAsString": "null",
                "class": {"type": "@Class", "id": "classes/null", "name": "Null",
                          "library": {"type": "@Library", "id": "libraries/core", "name": "dart.core", "uri": "dart:core"}},
            }),
        };
        let mut event = self.event("Logging");
        event.log_record = Some(json!({
            "type": "LogRecord",
            "message": text(Some(&record.message)),
            "time": record.time_millis,
            "level": record.level,
            "sequenceNumber": record.sequence_number,
            "loggerName": text(Some(&record.name)),
            "zone": text(None),
            "error": text(record.error.as_deref()),
            "stackTrace": text(record.stack_trace.as_deref()),
        }));
        events.post(StreamId::Logging, event);
    }

    fn exiting(&self, _iso: IsolatePtr) {
        self.interrupt.detach();
        self.registry.unregister(self.number);
        // Requests still queued get the `Collected` sentinel (their replies are dropped).
        while lock(&self.mailbox).try_recv().is_ok() {}
        self.deferred.borrow_mut().clear();
        self.pending_reloads.borrow_mut().clear();
        timeline::instant(timeline::Stream::Isolate, "IsolateExit", None);
        self.registry
            .post(StreamId::Isolate, self.event("IsolateExit"));
    }
}

#[cfg(test)]
mod tests {
    use super::decode_extension_answer;

    #[test]
    fn extension_answers() {
        assert_eq!(
            decode_extension_answer(r#"R{"a":1}"#).ok(),
            Some(serde_json::json!({"a": 1}))
        );
        let e = decode_extension_answer("E-32000:boom: bad").unwrap_err();
        assert_eq!((e.code, e.details()), (-32000, Some("boom: bad")));
        assert!(decode_extension_answer("R[1]").is_err());
    }
}
