//! The timeline recorder: a bounded ring buffer of trace events (GC, compilation, isolate
//! lifecycle, and the program's own `dart:developer` `Timeline` events), shared by every
//! thread of the process, read by the VM service (`getVMTimeline`, the `Timeline` stream)
//! and written out in Chrome's trace event format.
//!
//! Recording is cheap when a stream is off: [`enabled`] is one relaxed atomic load, and
//! callers build nothing before checking it. When the buffer is full the oldest events are
//! overwritten (the Dart VM's "ring" recorder).

use serde_json::{json, Map, Value};
use std::borrow::Cow;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::Mutex;

/// A timeline stream (the Dart VM's names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Api,
    Compiler,
    CompilerVerbose,
    Dart,
    Debugger,
    Embedder,
    Gc,
    Isolate,
    Vm,
}

impl Stream {
    pub const ALL: [Stream; 9] = [
        Stream::Api,
        Stream::Compiler,
        Stream::CompilerVerbose,
        Stream::Dart,
        Stream::Debugger,
        Stream::Embedder,
        Stream::Gc,
        Stream::Isolate,
        Stream::Vm,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stream::Api => "API",
            Stream::Compiler => "Compiler",
            Stream::CompilerVerbose => "CompilerVerbose",
            Stream::Dart => "Dart",
            Stream::Debugger => "Debugger",
            Stream::Embedder => "Embedder",
            Stream::Gc => "GC",
            Stream::Isolate => "Isolate",
            Stream::Vm => "VM",
        }
    }

    pub fn from_name(name: &str) -> Option<Stream> {
        Stream::ALL.into_iter().find(|s| s.name() == name)
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Events kept before the oldest are overwritten.
pub const CAPACITY: usize = 1 << 16;

/// One trace event. `ph` is the Chrome phase: `B`/`E` (slice begin/end), `X` (complete,
/// with `dur`), `i` (instant), `b`/`n`/`e` (async, with `id`), `s`/`t`/`f` (flow).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEvent {
    pub name: Cow<'static, str>,
    pub stream: Stream,
    pub ph: char,
    pub ts: i64,
    pub dur: Option<i64>,
    pub tid: u64,
    pub id: Option<u64>,
    /// The `args` object as JSON text (parsed only when the event is read).
    pub args: Option<String>,
}

struct Ring {
    events: VecDeque<TimelineEvent>,
    /// Sequence number of `events[0]`.
    first_seq: u64,
    threads: Vec<(u64, String)>,
}

static ENABLED: AtomicU32 = AtomicU32::new(0);
static RING: Mutex<Ring> = Mutex::new(Ring {
    events: VecDeque::new(),
    first_seq: 0,
    threads: Vec::new(),
});
static NEXT_TASK_ID: AtomicU64 = AtomicU64::new(1);

fn ring() -> std::sync::MutexGuard<'static, Ring> {
    // A panic while recording cannot leave the ring inconsistent (every update is a
    // single push/pop), so a poisoned lock is still usable.
    RING.lock().unwrap_or_else(|p| p.into_inner())
}

/// Whether `stream` is being recorded (the check before building an event).
#[inline]
pub fn enabled(stream: Stream) -> bool {
    ENABLED.load(Ordering::Relaxed) & stream.bit() != 0
}

/// Records exactly the streams named (unknown names are ignored, `all` enables every
/// stream); returns the names now recorded.
pub fn set_recorded_streams(names: &[String]) -> Vec<String> {
    let mut bits = 0;
    for n in names {
        if n == "all" {
            bits = u32::MAX;
        } else if let Some(s) = Stream::from_name(n) {
            bits |= s.bit();
        }
    }
    ENABLED.store(bits, Ordering::Relaxed);
    recorded_streams()
}

pub fn recorded_streams() -> Vec<String> {
    Stream::ALL
        .into_iter()
        .filter(|s| enabled(*s))
        .map(|s| s.name().to_string())
        .collect()
}

pub fn available_streams() -> Vec<String> {
    Stream::ALL.iter().map(|s| s.name().to_string()).collect()
}

/// The timeline clock: monotonic microseconds (the clock of `Timeline.now`).
pub fn now_micros() -> i64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given; CLOCK_MONOTONIC always exists.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut ts) };
    ts.tv_sec * 1_000_000 + ts.tv_nsec / 1_000
}

/// The calling thread's id as the trace shows it.
pub fn current_tid() -> u64 {
    thread_local! {
        static TID: u64 = {
            // SAFETY: gettid has no preconditions.
            (unsafe { libc::syscall(libc::SYS_gettid) }) as u64
        };
    }
    TID.with(|t| *t)
}

/// Names the calling thread in traces (a `thread_name` metadata event).
pub fn name_current_thread(name: &str) {
    let tid = current_tid();
    let mut r = ring();
    r.threads.retain(|(t, _)| *t != tid);
    r.threads.push((tid, name.to_string()));
}

/// A fresh id for async events and flows.
pub fn next_task_id() -> u64 {
    NEXT_TASK_ID.fetch_add(1, Ordering::Relaxed)
}

/// Adds `event` (the caller checked [`enabled`]).
pub fn record(event: TimelineEvent) {
    let mut r = ring();
    if r.events.len() >= CAPACITY {
        r.events.pop_front();
        r.first_seq += 1;
    }
    r.events.push_back(event);
}

/// Records a complete slice `[start, now)` on `stream` if it is enabled.
pub fn complete(
    stream: Stream,
    name: impl Into<Cow<'static, str>>,
    start: i64,
    args: Option<Value>,
) {
    if !enabled(stream) {
        return;
    }
    let now = now_micros();
    record(TimelineEvent {
        name: name.into(),
        stream,
        ph: 'X',
        ts: start,
        dur: Some(now - start),
        tid: current_tid(),
        id: None,
        args: args.map(|a| a.to_string()),
    });
}

/// Records an instant event on `stream` if it is enabled.
pub fn instant(stream: Stream, name: impl Into<Cow<'static, str>>, args: Option<Value>) {
    if !enabled(stream) {
        return;
    }
    record(TimelineEvent {
        name: name.into(),
        stream,
        ph: 'i',
        ts: now_micros(),
        dur: None,
        tid: current_tid(),
        id: None,
        args: args.map(|a| a.to_string()),
    });
}

/// Forgets every recorded event.
pub fn clear() {
    let mut r = ring();
    let n = r.events.len() as u64;
    r.events.clear();
    r.first_seq += n;
}

/// An event in Chrome trace format.
pub fn to_chrome(e: &TimelineEvent, pid: u32) -> Value {
    let mut m = Map::new();
    m.insert("name".into(), Value::String(e.name.to_string()));
    m.insert("cat".into(), Value::String(e.stream.name().into()));
    m.insert("tid".into(), json!(e.tid));
    m.insert("pid".into(), json!(pid));
    m.insert("ts".into(), json!(e.ts));
    m.insert("ph".into(), Value::String(e.ph.to_string()));
    if let Some(d) = e.dur {
        m.insert("dur".into(), json!(d));
    }
    if let Some(id) = e.id {
        m.insert("id".into(), Value::String(format!("{id:x}")));
    }
    if e.ph == 'i' {
        // Thread-scoped instant events (Chrome's default scope is global).
        m.insert("s".into(), Value::String("t".into()));
    }
    let args = e
        .args
        .as_deref()
        .and_then(|a| serde_json::from_str::<Value>(a).ok())
        .filter(Value::is_object)
        .unwrap_or_else(|| json!({}));
    m.insert("args".into(), args);
    Value::Object(m)
}

/// `thread_name` metadata events for every named thread.
pub fn thread_name_events() -> Vec<Value> {
    let pid = std::process::id();
    ring()
        .threads
        .iter()
        .map(|(tid, name)| {
            json!({"name": "thread_name", "ph": "M", "pid": pid, "tid": tid, "args": {"name": name}})
        })
        .collect()
}

/// The events overlapping `[origin, origin + extent]` (all when not given), with the
/// covered time range: what `getVMTimeline` returns.
pub fn snapshot(origin: Option<i64>, extent: Option<i64>) -> (Vec<Value>, i64, i64) {
    let pid = std::process::id();
    let lo = origin.unwrap_or(i64::MIN);
    let hi = match (origin, extent) {
        (Some(o), Some(x)) => o.saturating_add(x),
        _ => i64::MAX,
    };
    let mut out = thread_name_events();
    let (mut first, mut last) = (i64::MAX, i64::MIN);
    for e in ring().events.iter() {
        let end = e.ts + e.dur.unwrap_or(0);
        if end < lo || e.ts > hi {
            continue;
        }
        first = first.min(e.ts);
        last = last.max(end);
        out.push(to_chrome(e, pid));
    }
    if first > last {
        let now = now_micros();
        return (out, origin.unwrap_or(now), 0);
    }
    let origin = origin.unwrap_or(first);
    (out, origin, last - origin)
}

/// Appends the events recorded after position `cursor` to `out` (preceded by the thread
/// names when there are any) and returns the new position. `u64::MAX` only asks for the
/// current position.
pub fn events_since(cursor: u64, out: &mut Vec<Value>) -> u64 {
    let pid = std::process::id();
    let names = thread_name_events();
    let r = ring();
    let end = r.first_seq + r.events.len() as u64;
    if cursor == u64::MAX {
        return end;
    }
    let skip = cursor.saturating_sub(r.first_seq) as usize;
    if skip < r.events.len() {
        out.extend(names);
        out.extend(r.events.iter().skip(skip).map(|e| to_chrome(e, pid)));
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The recorder is process-wide: tests that use it run one at a time.
    static SERIAL: Mutex<()> = Mutex::new(());

    #[test]
    fn disabled_streams_record_nothing_and_enabled_ones_do() {
        let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
        set_recorded_streams(&[]);
        let start = events_since(u64::MAX, &mut Vec::new());
        complete(Stream::Gc, "Scavenge", now_micros(), None);
        let mut out = Vec::new();
        assert_eq!(events_since(start, &mut out), start);
        assert!(out.is_empty());

        assert_eq!(
            set_recorded_streams(&["GC".into(), "Bogus".into()]),
            vec!["GC"]
        );
        complete(Stream::Gc, "Scavenge", now_micros(), Some(json!({"n": 1})));
        instant(Stream::Dart, "ignored", None);
        let next = events_since(start, &mut out);
        assert_eq!(next, start + 1);
        let e = out.iter().find(|e| e["ph"] == "X").expect("the slice");
        assert_eq!(e["name"], "Scavenge");
        assert_eq!(e["cat"], "GC");
        assert_eq!(e["args"]["n"], 1);
        assert!(e["dur"].as_i64().is_some_and(|d| d >= 0));
        set_recorded_streams(&[]);
    }

    #[test]
    fn the_ring_overwrites_the_oldest() {
        let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
        set_recorded_streams(&["Dart".into()]);
        clear();
        for i in 0..CAPACITY + 10 {
            instant(Stream::Dart, format!("e{i}"), None);
        }
        let (events, _, _) = snapshot(None, None);
        let named: Vec<_> = events.iter().filter(|e| e["ph"] == "i").collect();
        assert_eq!(named.len(), CAPACITY);
        assert_eq!(named[0]["name"], "e10");
        clear();
        assert!(snapshot(None, None).0.iter().all(|e| e["ph"] == "M"));
        set_recorded_streams(&[]);
    }

    #[test]
    fn chrome_format() {
        let e = TimelineEvent {
            name: "work".into(),
            stream: Stream::Dart,
            ph: 'b',
            ts: 10,
            dur: None,
            tid: 3,
            id: Some(255),
            args: Some("{\"k\":\"v\"}".into()),
        };
        let v = to_chrome(&e, 7);
        assert_eq!(
            v,
            json!({"name": "work", "cat": "Dart", "tid": 3, "pid": 7, "ts": 10, "ph": "b", "id": "ff", "args": {"k": "v"}})
        );
    }
}
