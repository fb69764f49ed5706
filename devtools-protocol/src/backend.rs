//! The boundary between the server and the VM. The server asks VM-wide questions through
//! [`ServiceBackend`] (answered from data the VM publishes for it, never from the Dart
//! heap) and sends everything about an isolate as an [`IsolateRequest`] message, which the
//! isolate's own thread answers at its next safepoint. Events travel the other way through
//! an [`EventSender`], which never blocks the VM.

use crate::jsonrpc::RpcError;
use crate::streams::{StreamId, StreamSet};
use crate::types::{Event, FlagList, IsolateGroup, Timeline, TimelineFlags, Vm};
use serde_json::{Map, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// The answer to a request: a protocol object as JSON, or an RPC error.
pub type RpcResult = Result<Value, RpcError>;

/// A request for one isolate's thread.
#[derive(Clone, Debug, PartialEq)]
pub enum IsolateRequest {
    GetIsolate,
    GetStack {
        limit: Option<usize>,
    },
    GetMemoryUsage,
    GetAllocationProfile {
        reset: bool,
        gc: bool,
    },
    Pause,
    Resume,
    /// `reloadSources`: `rootLibUri` / `packagesUri` replace the program's root library
    /// and package configuration for this and later reloads; `pause` pauses the isolate
    /// after the reload; `force` asks to reload unchanged libraries too.
    ReloadSources {
        force: bool,
        pause: bool,
        root_lib_uri: Option<String>,
        packages_uri: Option<String>,
    },
    /// A service extension (`ext.*`) registered by the program; `params` are the
    /// request's parameters as strings (the Dart handler receives `Map<String, String>`).
    Extension {
        method: String,
        params: Map<String, Value>,
    },
}

/// Where an isolate's answer goes (any thread may answer; answering twice is impossible).
pub struct Reply(tokio::sync::oneshot::Sender<RpcResult>);

impl Reply {
    pub fn new() -> (Reply, tokio::sync::oneshot::Receiver<RpcResult>) {
        let (tx, rx) = tokio::sync::oneshot::channel();
        (Reply(tx), rx)
    }

    /// Sends the answer; a client that went away meanwhile is not an error.
    pub fn send(self, result: RpcResult) {
        let _ = self.0.send(result);
    }
}

/// What the VM implements for the server. Methods are called on the server's thread and
/// must not block on an isolate.
pub trait ServiceBackend: Send + Sync + 'static {
    /// The `VM` object (isolates as the VM last published them).
    fn vm(&self) -> Vm;
    /// The group with id `id` (`isolateGroups/N`), if it exists.
    fn isolate_group(&self, id: &str) -> Option<IsolateGroup>;
    fn flags(&self) -> FlagList;
    /// Delivers `request` to isolate `isolate_id`. The backend answers `reply` itself
    /// when it can (an unknown isolate gets the `Collected` sentinel).
    fn send_to_isolate(&self, isolate_id: &str, request: IsolateRequest, reply: Reply);

    fn timeline(&self, origin_micros: Option<i64>, extent_micros: Option<i64>) -> Timeline;
    fn timeline_flags(&self) -> TimelineFlags;
    /// Enables exactly these timeline streams (unknown names are ignored); returns the
    /// streams now recorded.
    fn set_timeline_flags(&self, streams: &[String]) -> Vec<String>;
    fn timeline_micros(&self) -> i64;
    fn clear_timeline(&self);
    /// Appends the events recorded after `cursor` (Chrome trace format) to `out` and
    /// returns the new cursor. `cursor == u64::MAX` asks for the current position only.
    fn timeline_events_since(&self, cursor: u64, out: &mut Vec<Value>) -> u64;
}

/// Capacity of the queue of events from the VM to the server.
pub const EVENT_QUEUE: usize = 8192;

/// The VM's end of the event queue. Posting never blocks: when the server is behind,
/// events are dropped and counted.
#[derive(Clone)]
pub struct EventSender {
    tx: tokio::sync::mpsc::Sender<(StreamId, Event)>,
    listened: Arc<StreamSet>,
    dropped: Arc<AtomicU64>,
}

impl EventSender {
    pub(crate) fn new(
        tx: tokio::sync::mpsc::Sender<(StreamId, Event)>,
        listened: Arc<StreamSet>,
    ) -> EventSender {
        EventSender {
            tx,
            listened,
            dropped: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Whether some client listens to `stream` (cheap: lets the VM skip building events).
    pub fn is_listened(&self, stream: StreamId) -> bool {
        self.listened.contains(stream)
    }

    /// Posts `event` on `stream`.
    pub fn post(&self, stream: StreamId, event: Event) {
        if self.tx.try_send((stream, event)).is_err() {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Events lost because the server could not keep up.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}
