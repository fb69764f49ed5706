//! Running one command once: wall time from spawn to exit, time to the first byte on
//! stdout, exit status, captured output, and the child's own peak RSS.
//!
//! The child is reaped with `wait4`, which returns the resource usage of exactly that
//! child (the same numbers `/usr/bin/time -v` prints, without a wrapper process in the
//! timed path, and unlike `getrusage(RUSAGE_CHILDREN)` not a maximum over every child
//! reaped so far).

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    TimedOut,
    SpawnFailed(String),
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub exit: Exit,
    pub wall: Duration,
    /// From spawn to the first byte read from the child's stdout.
    pub first_output: Option<Duration>,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Peak resident set size of the child in KiB (`ru_maxrss` on Linux).
    pub max_rss_kib: Option<u64>,
}

impl Outcome {
    fn spawn_failed(msg: String) -> Outcome {
        Outcome {
            exit: Exit::SpawnFailed(msg),
            wall: Duration::ZERO,
            first_output: None,
            stdout: Vec::new(),
            stderr: Vec::new(),
            max_rss_kib: None,
        }
    }
}

struct Reaped {
    status: libc::c_int,
    rusage: libc::rusage,
    at: Instant,
}

/// Runs `cmd` to completion (or until `timeout`, then kills its process group).
pub fn run_once(cmd: &mut Command, timeout: Duration) -> Outcome {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let start = Instant::now();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => return Outcome::spawn_failed(e.to_string()),
    };
    let pid = child.id() as libc::pid_t;
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let mut first = None;
        let mut chunk = [0u8; 16384];
        loop {
            match out.read(&mut chunk) {
                Ok(0) => break,
                Ok(k) => {
                    if first.is_none() {
                        first = Some(Instant::now());
                    }
                    buf.extend_from_slice(&chunk[..k]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        (buf, first)
    });
    let err_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let mut status: libc::c_int = 0;
        // SAFETY: rusage is plain old data; an all-zero value is valid.
        let mut rusage: libc::rusage = unsafe { std::mem::zeroed() };
        loop {
            // SAFETY: waits for our own child; the pointers are to live locals.
            let r = unsafe { libc::wait4(pid, &mut status, 0, &mut rusage) };
            if r == -1 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            let _ = tx.send((
                r,
                Reaped {
                    status,
                    rusage,
                    at: Instant::now(),
                },
            ));
            break;
        }
    });
    let mut timed_out = false;
    let (r, reaped) = match rx.recv_timeout(timeout) {
        Ok(v) => v,
        Err(_) => {
            timed_out = true;
            // The child is not reaped yet, so its pid (and process group) is still ours.
            // SAFETY: plain kill(2) of our own process group.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
            rx.recv().expect("waiter thread")
        }
    };
    // The child is reaped; `Child` has no Drop behaviour to worry about.
    drop(child);
    let (stdout, first) = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    let wall = reaped.at.duration_since(start);
    let exit = if timed_out {
        Exit::TimedOut
    } else if r == -1 {
        Exit::SpawnFailed(format!("wait4: {}", std::io::Error::last_os_error()))
    } else if libc::WIFEXITED(reaped.status) {
        Exit::Code(libc::WEXITSTATUS(reaped.status))
    } else if libc::WIFSIGNALED(reaped.status) {
        Exit::Signal(libc::WTERMSIG(reaped.status))
    } else {
        Exit::Code(-1)
    };
    let max_rss_kib = if r == -1 {
        None
    } else {
        u64::try_from(reaped.rusage.ru_maxrss).ok()
    };
    Outcome {
        exit,
        wall,
        first_output: first.map(|t| t.duration_since(start)),
        stdout,
        stderr,
        max_rss_kib,
    }
}

/// First line of a tool's version output, if the tool runs at all.
pub fn tool_version(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = if out.stdout.is_empty() {
        out.stderr
    } else {
        out.stdout
    };
    Some(
        String::from_utf8_lossy(&text)
            .lines()
            .next()
            .unwrap_or("")
            .trim()
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_status_and_rss() {
        let o = run_once(
            Command::new("sh").args(["-c", "echo hi; echo err >&2; exit 3"]),
            Duration::from_secs(10),
        );
        assert_eq!(o.exit, Exit::Code(3));
        assert_eq!(o.stdout, b"hi\n");
        assert_eq!(o.stderr, b"err\n");
        assert!(o.first_output.is_some());
        assert!(o.max_rss_kib.unwrap_or(0) > 0);
    }

    #[test]
    fn kills_on_timeout() {
        let o = run_once(
            Command::new("sh").args(["-c", "sleep 5"]),
            Duration::from_millis(100),
        );
        assert_eq!(o.exit, Exit::TimedOut);
        assert!(o.wall < Duration::from_secs(4));
    }

    #[test]
    fn reports_spawn_failure() {
        let o = run_once(
            &mut Command::new("/nonexistent/dartrs-bench-test"),
            Duration::from_secs(1),
        );
        assert!(matches!(o.exit, Exit::SpawnFailed(_)));
    }
}
