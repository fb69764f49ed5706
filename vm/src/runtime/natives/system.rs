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

/// `count` (at most 8) bytes from the operating system's entropy source, as a
/// little-endian non-negative integer when `count < 8`. Falls back to the clock and the
/// process id if `getrandom` fails, which Linux only does for invalid arguments.
fn os_random_bytes(count: usize) -> u64 {
    let mut buf = [0u8; 8];
    let want = count.min(8);
    let mut filled = 0;
    while filled < want {
        // SAFETY: the pointer and length describe the unfilled tail of `buf`, which lives
        // for the whole call; getrandom writes at most that many bytes.
        let n = unsafe { libc::getrandom(buf[filled..want].as_mut_ptr().cast(), want - filled, 0) };
        if n <= 0 {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(0);
            let mixed = nanos ^ (std::process::id() as u64).rotate_left(32);
            buf[filled..want].copy_from_slice(&mixed.to_le_bytes()[filled..want]);
            break;
        }
        filled += n as usize;
    }
    u64::from_le_bytes(buf)
}

fn entropy() -> i64 {
    os_random_bytes(8) as i64
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
    r.add("SecureRandom_getBytes", |p, a| -> NResult {
        let count = int_of(a.get(0)).unwrap_or(1).clamp(1, 7) as usize;
        Ok(new_int(iso(p), os_random_bytes(count) as i64))
    });
    r.add("Uri_currentDirectory", |p, _| {
        let dir = std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "/".to_string());
        Ok(crate::runtime::entries::new_string(iso(p), &dir))
    });
}
