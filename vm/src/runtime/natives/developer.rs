//! Natives of `dart:developer`: timeline events into the VM's recorder, and service
//! extensions, `postEvent` and `log` handed to the isolate's agent (the VM service).

use super::{int_of, iso, new_int, NResult, NativeArgs, NativeRegistry};
use crate::runtime::agent::{agent_of, LogRecord};
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::object::Value;
use crate::runtime::strings::{is_string, string_to_rust};
use crate::timeline::{self, Stream, TimelineEvent};

/// Argument `i` as text (`None` for null or a non-string).
fn string_arg(a: &NativeArgs, i: usize) -> Option<String> {
    let v: Value = a.get(i);
    // SAFETY: a valid value, read as a string only if it is one.
    unsafe { is_string(v).then(|| string_to_rust(v)) }
}

fn report(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let null = iso(p).null();
    let stream = string_arg(a, 1)
        .and_then(|c| Stream::from_name(&c))
        .unwrap_or(Stream::Dart);
    if !timeline::enabled(stream) {
        return Ok(null);
    }
    let phase = string_arg(a, 0)
        .and_then(|s| s.chars().next())
        .unwrap_or('i');
    let id = int_of(a.get(3)).unwrap_or(0);
    timeline::record(TimelineEvent {
        name: string_arg(a, 2).unwrap_or_default().into(),
        stream,
        ph: phase,
        ts: timeline::now_micros(),
        dur: None,
        tid: timeline::current_tid(),
        id: matches!(phase, 'b' | 'n' | 'e' | 's' | 't' | 'f').then_some(id as u64),
        args: string_arg(a, 4),
    });
    Ok(null)
}

fn log(p: IsolatePtr, a: &NativeArgs) -> NResult {
    let record = LogRecord {
        name: string_arg(a, 0).unwrap_or_default(),
        message: string_arg(a, 1).unwrap_or_default(),
        level: int_of(a.get(2)).unwrap_or(0),
        sequence_number: int_of(a.get(3)).unwrap_or(0),
        time_millis: int_of(a.get(4)).unwrap_or(0),
        error: string_arg(a, 5),
        stack_trace: string_arg(a, 6),
    };
    if let Some(agent) = agent_of(p) {
        agent.log(&record);
    }
    Ok(iso(p).null())
}

pub fn register(r: &mut NativeRegistry) {
    r.add("Developer_timelineReport", report);
    r.add("Developer_timelineNow", |p, _| {
        Ok(new_int(iso(p), timeline::now_micros()))
    });
    r.add("Developer_timelineDartEnabled", |p, _| {
        Ok(iso(p).bool_value(timeline::enabled(Stream::Dart)))
    });
    r.add("Developer_timelineNextTaskId", |p, _| {
        Ok(new_int(iso(p), timeline::next_task_id() as i64))
    });
    r.add("Developer_registerExtension", |p, a| {
        if let (Some(agent), Some(method)) = (agent_of(p), string_arg(a, 0)) {
            agent.extension_registered(&method);
        }
        Ok(iso(p).null())
    });
    r.add("Developer_postEvent", |p, a| {
        if let (Some(agent), Some(kind)) = (agent_of(p), string_arg(a, 0)) {
            agent.post_event(&kind, &string_arg(a, 1).unwrap_or_default());
        }
        Ok(iso(p).null())
    });
    r.add("Developer_log", log);
}
