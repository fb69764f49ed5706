//! The backend the protocol server talks to: the isolates the VM serves, what each one
//! publishes about itself, and the timeline recorder. Runs on the server's thread and
//! never touches an isolate's memory: isolate questions become [`Mail`] for the isolate.

use super::interrupt::InterruptCell;
use crate::runtime::event_loop::LoopWaker;
use crate::timeline;
use dartrs_devtools_protocol::backend::{EventSender, IsolateRequest, Reply, ServiceBackend};
use dartrs_devtools_protocol::jsonrpc::{codes, RpcError};
use dartrs_devtools_protocol::streams::StreamId;
use dartrs_devtools_protocol::types::{
    to_value, Event, Flag, FlagList, Isolate, IsolateFlag, IsolateGroup, IsolateGroupRef,
    IsolateRef, LibraryRef, Sentinel, Success, Timeline, TimelineFlags, Vm,
};
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// What reaches an isolate's mailbox.
pub enum Mail {
    /// A request the isolate answers itself.
    Request(IsolateRequest, Reply),
    /// Stop at the next safepoint (already acknowledged to the client).
    Pause,
    /// Leave the pause loop (already acknowledged to the client).
    Resume,
}

/// What an isolate publishes for the server (plain data, updated by the isolate).
#[derive(Clone, Debug)]
pub struct Published {
    pub isolate: IsolateRef,
    pub start_time: i64,
    pub runnable: bool,
    pub paused: bool,
    pub pause_event: Event,
    pub root_lib: Option<LibraryRef>,
    pub libraries: Vec<LibraryRef>,
    pub extension_rpcs: Vec<String>,
    pub flags: Vec<IsolateFlag>,
    /// A `reloadSources` is waiting for, or in, its event-loop turn.
    pub reloading: bool,
}

/// One served isolate.
pub struct IsolateSlot {
    pub number: u64,
    pub published: Arc<Mutex<Published>>,
    pub mailbox: std::sync::mpsc::Sender<Mail>,
    pub interrupt: Arc<InterruptCell>,
    /// Wakes the isolate's event loop for a reload; `None`: the isolate cannot be
    /// reloaded (AOT, or no hot-reload host).
    pub reload_waker: Option<LoopWaker>,
}

pub struct Registry {
    start_time: i64,
    flags: Vec<Flag>,
    isolates: Mutex<Vec<IsolateSlot>>,
    next_number: AtomicU64,
    events: OnceLock<EventSender>,
}

/// Locks `m`, ignoring poisoning (every update under these locks is a plain assignment).
pub fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Registry {
    pub fn new(flags: Vec<Flag>) -> Registry {
        Registry {
            start_time: dartrs_devtools_protocol::server::now_millis(),
            flags,
            isolates: Mutex::new(Vec::new()),
            next_number: AtomicU64::new(1),
            events: OnceLock::new(),
        }
    }

    pub fn set_events(&self, events: EventSender) {
        let _ = self.events.set(events);
    }

    pub fn events(&self) -> Option<&EventSender> {
        self.events.get()
    }

    pub fn start_time(&self) -> i64 {
        self.start_time
    }

    pub fn next_isolate_number(&self) -> u64 {
        self.next_number.fetch_add(1, Ordering::Relaxed)
    }

    pub fn register(&self, slot: IsolateSlot) {
        lock(&self.isolates).push(slot);
    }

    pub fn unregister(&self, number: u64) {
        lock(&self.isolates).retain(|s| s.number != number);
    }

    /// Posts `event` on `stream` when someone listens.
    pub fn post(&self, stream: StreamId, event: Event) {
        if let Some(events) = self.events() {
            if events.is_listened(stream) {
                events.post(stream, event);
            }
        }
    }

    fn refs(&self) -> Vec<IsolateRef> {
        lock(&self.isolates)
            .iter()
            .map(|s| lock(&s.published).isolate.clone())
            .collect()
    }
}

/// Hands `reloadSources` to the isolate's next event-loop turn: one at a time (108
/// while another is pending), and only for isolates that can reload (100 in AOT modes).
fn send_reload(slot: &IsolateSlot, request: IsolateRequest, reply: Reply) {
    let Some(wake) = &slot.reload_waker else {
        return reply.send(Err(RpcError::new(
            codes::FEATURE_DISABLED,
            "hot reload is only available in debug (JIT) mode",
        )));
    };
    {
        let mut p = lock(&slot.published);
        if p.reloading {
            return reply.send(Err(RpcError::new(
                codes::ISOLATE_IS_RELOADING,
                "a reload of this isolate is already in progress",
            )));
        }
        p.reloading = true;
    }
    if slot.mailbox.send(Mail::Request(request, reply)).is_ok() {
        slot.interrupt.request();
        wake();
    }
}

fn group_of(r: &IsolateRef) -> IsolateGroupRef {
    let number = r
        .isolate_group_id
        .trim_start_matches("isolateGroups/")
        .parse()
        .unwrap_or(0);
    IsolateGroupRef::new(number, &r.name)
}

/// The full `Isolate` object from what the isolate published.
fn isolate_object(p: &Published) -> Isolate {
    let r = &p.isolate;
    Isolate {
        ty: "Isolate".into(),
        id: r.id.clone(),
        number: r.number.clone(),
        name: r.name.clone(),
        is_system_isolate: false,
        isolate_group_id: r.isolate_group_id.clone(),
        isolate_flags: p.flags.clone(),
        start_time: p.start_time,
        runnable: p.runnable,
        live_ports: 0,
        pause_on_exit: false,
        pause_event: p.pause_event.clone(),
        root_lib: p.root_lib.clone(),
        libraries: p.libraries.clone(),
        breakpoints: Vec::new(),
        exception_pause_mode: "None".into(),
        extension_rpcs: Some(p.extension_rpcs.clone()),
    }
}

impl ServiceBackend for Registry {
    fn vm(&self) -> Vm {
        let version = format!("{} (dartrs) on \"linux_x64\"", crate::VERSION);
        let mut vm = Vm::new("vm", &version, self.start_time);
        vm.isolates = self.refs();
        vm.isolate_groups = vm.isolates.iter().map(group_of).collect();
        vm
    }

    fn isolate_group(&self, id: &str) -> Option<IsolateGroup> {
        let members: Vec<IsolateRef> = self
            .refs()
            .into_iter()
            .filter(|r| r.isolate_group_id == id)
            .collect();
        let first = members.first()?;
        Some(IsolateGroup::new(group_of(first), members))
    }

    fn flags(&self) -> FlagList {
        FlagList::new(self.flags.clone())
    }

    fn send_to_isolate(&self, isolate_id: &str, request: IsolateRequest, reply: Reply) {
        let isolates = lock(&self.isolates);
        let Some(slot) = isolates
            .iter()
            .find(|s| lock(&s.published).isolate.id == isolate_id)
        else {
            return reply.send(Ok(to_value(&Sentinel::collected())));
        };
        let published = lock(&slot.published).clone();
        let success = || Ok(to_value(&Success::new()));
        let mail = match request {
            IsolateRequest::GetIsolate => {
                return reply.send(Ok(to_value(&isolate_object(&published))))
            }
            request @ IsolateRequest::ReloadSources { .. } => {
                return send_reload(slot, request, reply);
            }
            IsolateRequest::Pause if published.paused => return reply.send(success()),
            IsolateRequest::Pause => {
                reply.send(success());
                Mail::Pause
            }
            IsolateRequest::Resume if !published.paused => {
                return reply.send(Err(RpcError::new(
                    codes::ISOLATE_MUST_BE_PAUSED,
                    "the isolate is not paused",
                )))
            }
            IsolateRequest::Resume => {
                reply.send(success());
                Mail::Resume
            }
            other => Mail::Request(other, reply),
        };
        // A closed mailbox drops the reply: the server answers `Collected`.
        if slot.mailbox.send(mail).is_ok() {
            slot.interrupt.request();
        }
    }

    fn timeline(&self, origin: Option<i64>, extent: Option<i64>) -> Timeline {
        let (events, origin, extent) = timeline::snapshot(origin, extent);
        Timeline::new(events, origin, extent)
    }

    fn timeline_flags(&self) -> TimelineFlags {
        TimelineFlags::new(
            "Ring",
            timeline::available_streams(),
            timeline::recorded_streams(),
        )
    }

    fn set_timeline_flags(&self, streams: &[String]) -> Vec<String> {
        timeline::set_recorded_streams(streams)
    }

    fn timeline_micros(&self) -> i64 {
        timeline::now_micros()
    }

    fn clear_timeline(&self) {
        timeline::clear()
    }

    fn timeline_events_since(&self, cursor: u64, out: &mut Vec<Value>) -> u64 {
        timeline::events_since(cursor, out)
    }
}
