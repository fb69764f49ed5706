//! Natives that talk to the process: `dart:io`'s stdout/stderr/exit, the monotonic clock
//! behind `Stopwatch`, and the entropy behind unseeded `Random`.

use super::{int_of, iso, new_int, NResult, NativeArgs, NativeError, NativeRegistry};
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::strings::{is_string, string_to_rust};

fn text(p: IsolatePtr, a: &NativeArgs, i: usize) -> String {
    let v = a.get(i);
    // SAFETY: a valid value, read as a string only if it is one.
    unsafe {
        if is_string(v) {
            string_to_rust(v)
        } else {
            super::debug_string(iso(p), v)
        }
    }
}

pub(super) fn monotonic_micros() -> i64 {
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_micros() as i64
}

fn entropy() -> i64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i64)
        .unwrap_or(0);
    nanos ^ (std::process::id() as i64).rotate_left(32)
}

pub fn register(r: &mut NativeRegistry) {
    r.add("Io_exit", |p, a| {
        let code = int_of(a.get(0)).unwrap_or(0);
        iso(p).out.flush();
        Err(NativeError::Exit((code & 0xff) as i32))
    });
    r.add("Io_exitCodeSet", |p, a| {
        let i = iso(p);
        i.exit_code = int_of(a.get(0)).unwrap_or(0) as i32;
        Ok(i.null())
    });
    r.add("Io_writeStdout", |p, a| {
        let s = text(p, a, 0);
        let i = iso(p);
        i.out.write_str(&s);
        Ok(i.null())
    });
    r.add("Io_writeStderr", |p, a| {
        let s = text(p, a, 0);
        let i = iso(p);
        i.out.write_stderr(&s);
        Ok(i.null())
    });
    r.add("Stopwatch_now", |p, _| {
        Ok(new_int(iso(p), monotonic_micros()))
    });
    r.add("DateTime_nowMicros", |p, _| {
        let micros = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_micros() as i64)
            .unwrap_or(0);
        Ok(new_int(iso(p), micros))
    });
    r.add("Random_seed", |p, _| Ok(new_int(iso(p), entropy())));
    r.add("Uri_currentDirectory", |p, _| {
        let dir = std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "/".to_string());
        Ok(crate::runtime::entries::new_string(iso(p), &dir))
    });
    r.add("Random_nextIntUnseeded", |p, a| -> NResult {
        let max = int_of(a.get(0)).unwrap_or(1).max(1);
        let v = (entropy().unsigned_abs() % max as u64) as i64;
        Ok(new_int(iso(p), v))
    });
}
