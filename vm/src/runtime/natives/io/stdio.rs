//! The process side of dart:io: standard input (line and byte reads on the isolate's
//! thread, a reader thread for `stdin` as a stream), raw bytes to stdout/stderr, `sleep`,
//! `pid` and what `Platform` reports.

use super::{arg, iso, register_handle, IoArg, IoResult, IoValue, OsError, PortSender, Releasable};
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::natives::NativeError;
use std::io::{BufRead, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

type SyncResult = Result<IoResult, NativeError>;

/// Runs `op` if it is one of this module's; `None` otherwise.
pub fn run_sync(p: IsolatePtr, op: &str, args: &[IoArg]) -> Option<SyncResult> {
    let value = |v: IoValue| Some(Ok(Ok(v)));
    match op {
        "pid" => value(IoValue::Int(std::process::id() as i64)),
        "sleep" => {
            let micros = arg(args, 0).int().unwrap_or(0).max(0) as u64;
            iso(p).out.flush();
            std::thread::sleep(std::time::Duration::from_micros(micros));
            value(IoValue::Null)
        }
        "currentRss" => Some(Ok(current_rss())),
        "maxRss" => Some(Ok(max_rss())),
        "processors" => value(IoValue::Int(
            std::thread::available_parallelism().map_or(1, |n| n.get() as i64),
        )),
        "osVersion" => value(IoValue::Str(os_version())),
        "script" => {
            let i = iso(p);
            let uri = i.program.main.map(|m| {
                let lib = i.program.function(m).library;
                i.program.libraries[lib.index()].uri.clone()
            });
            value(IoValue::Str(uri.unwrap_or_default()))
        }
        "hostname" => Some(Ok(hostname())),
        "locale" => value(IoValue::Str(locale())),
        "executable" => value(IoValue::Str(std::env::args().next().unwrap_or_default())),
        "resolvedExecutable" => Some(Ok(std::env::current_exe()
            .map(|p| IoValue::Str(p.to_string_lossy().into_owned()))
            .map_err(OsError::from))),
        "environment" => value(IoValue::List(
            std::env::vars_os()
                .flat_map(|(k, v)| {
                    [
                        IoValue::Str(k.to_string_lossy().into_owned()),
                        IoValue::Str(v.to_string_lossy().into_owned()),
                    ]
                })
                .collect(),
        )),
        "stdoutBytes" | "stderrBytes" => {
            write_bytes(p, op == "stderrBytes", &arg(args, 0).bytes());
            value(IoValue::Null)
        }
        "isTerminal" => {
            let fd = arg(args, 0).int().unwrap_or(0) as libc::c_int;
            // SAFETY: isatty only inspects the descriptor number.
            value(IoValue::Bool(unsafe { libc::isatty(fd) } == 1))
        }
        "terminalSize" => Some(Ok(terminal_size(arg(args, 0).int().unwrap_or(1)))),
        "terminalMode" => Some(Ok(terminal_mode(
            arg(args, 0).str(),
            match arg(args, 1) {
                IoArg::Bool(b) => Some(*b),
                _ => None,
            },
        ))),
        "stdinReadLine" => {
            iso(p).out.flush();
            Some(Ok(read_line(arg(args, 0).bool())))
        }
        "stdinReadByte" => {
            iso(p).out.flush();
            Some(Ok(read_byte()))
        }
        "fileStream" => {
            let sender = PortSender::new(iso(p), arg(args, 0).int().unwrap_or(0));
            let path = arg(args, 1).str().to_string();
            let (start, end) = (arg(args, 2).int().unwrap_or(0), arg(args, 3).int());
            Some(start_file_reader(sender, path, start, end).map(|h| Ok(IoValue::Int(h))))
        }
        "stdinStream" => {
            let port = arg(args, 0).int().unwrap_or(0);
            let sender = PortSender::new(iso(p), port);
            Some(start_stdin_reader(sender).map(|h| Ok(IoValue::Int(h))))
        }
        _ => None,
    }
}

fn write_bytes(p: IsolatePtr, to_stderr: bool, bytes: &[u8]) {
    let out = &mut iso(p).out;
    if to_stderr {
        out.write_stderr_bytes(bytes);
    } else {
        out.write_bytes(bytes);
    }
}

/// A line as the Dart VM's `Stdin.readLineSync` reads it: up to `\n`; without
/// `retain_newlines` a `\n` and a `\r` right before it are dropped. Null at end of input
/// when nothing was read.
fn read_line(retain_newlines: bool) -> IoResult {
    let mut line = Vec::new();
    let n = std::io::stdin()
        .lock()
        .read_until(b'\n', &mut line)
        .map_err(OsError::from)?;
    if n == 0 {
        return Ok(IoValue::Null);
    }
    if !retain_newlines && line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    Ok(IoValue::Bytes(line))
}

fn read_byte() -> IoResult {
    let mut b = [0u8; 1];
    let n = std::io::stdin()
        .lock()
        .read(&mut b)
        .map_err(OsError::from)?;
    Ok(IoValue::Int(if n == 0 { -1 } else { b[0] as i64 }))
}

/// Stops a reader thread (stdin, a file being streamed) after its current read (a
/// blocked read is not interrupted).
pub struct StopFlag {
    pub stop: Arc<AtomicBool>,
}

impl Releasable for StopFlag {
    fn release(self: Box<Self>) {
        self.stop.store(true, Ordering::Relaxed);
    }

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// Reads standard input in chunks on its own thread, each chunk one delivery.
fn start_stdin_reader(sender: PortSender) -> Result<i64, NativeError> {
    let stop = Arc::new(AtomicBool::new(false));
    let handle = register_handle(Box::new(StopFlag { stop: stop.clone() }));
    super::spawn_worker("dartrs-stdin", move || {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let read = std::io::stdin().lock().read(&mut buf);
            if stop.load(Ordering::Relaxed) {
                return;
            }
            match read {
                Ok(0) => break,
                Ok(n) => sender.data(IoValue::Bytes(buf[..n].to_vec())),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    sender.error(OsError::from(e));
                    break;
                }
            }
        }
        sender.done();
    })?;
    Ok(handle)
}

/// `[columns, lines]` of the terminal on `fd`.
fn terminal_size(fd: i64) -> IoResult {
    // SAFETY: `winsize` is plain old data that TIOCGWINSZ fills; a descriptor that is not
    // a terminal is an error result.
    unsafe {
        let mut w: libc::winsize = std::mem::zeroed();
        if libc::ioctl(fd as libc::c_int, libc::TIOCGWINSZ, &mut w) != 0 {
            return Err(OsError::from(std::io::Error::last_os_error()));
        }
        Ok(IoValue::List(vec![
            IoValue::Int(w.ws_col as i64),
            IoValue::Int(w.ws_row as i64),
        ]))
    }
}

/// Reads (`set` None) or sets one local-mode flag of the terminal on stdin: `echo`
/// (ECHO), `echoNewline` (ECHONL) or `line` (ICANON).
fn terminal_mode(flag: &str, set: Option<bool>) -> IoResult {
    let bit = match flag {
        "echo" => libc::ECHO,
        "echoNewline" => libc::ECHONL,
        _ => libc::ICANON,
    };
    // SAFETY: `termios` is plain old data that tcgetattr fills; tcsetattr only reads it.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(0, &mut t) != 0 {
            return Err(OsError::from(std::io::Error::last_os_error()));
        }
        let Some(on) = set else {
            return Ok(IoValue::Bool(t.c_lflag & bit != 0));
        };
        if on {
            t.c_lflag |= bit;
        } else {
            t.c_lflag &= !bit;
        }
        if libc::tcsetattr(0, libc::TCSANOW, &t) != 0 {
            return Err(OsError::from(std::io::Error::last_os_error()));
        }
    }
    Ok(IoValue::Null)
}

/// Resident set size in bytes, from `/proc/self/statm` (pages).
fn current_rss() -> IoResult {
    let statm = std::fs::read_to_string("/proc/self/statm").map_err(OsError::from)?;
    let pages: i64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    // SAFETY: sysconf only reads a configuration value.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as i64;
    Ok(IoValue::Int(pages * page))
}

/// The largest resident set size so far in bytes (`getrusage` reports KiB).
fn max_rss() -> IoResult {
    // SAFETY: `rusage` is plain old data that getrusage fills.
    unsafe {
        let mut u: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut u) != 0 {
            return Err(OsError::from(std::io::Error::last_os_error()));
        }
        Ok(IoValue::Int(u.ru_maxrss as i64 * 1024))
    }
}

/// Streams bytes `start..end` of a file in 64 KiB chunks from its own thread.
fn start_file_reader(
    sender: PortSender,
    path: String,
    start: i64,
    end: Option<i64>,
) -> Result<i64, NativeError> {
    use std::io::{Seek, SeekFrom};
    let stop = Arc::new(AtomicBool::new(false));
    let handle = register_handle(Box::new(StopFlag { stop: stop.clone() }));
    super::spawn_worker("dartrs-file-read", move || {
        let opened = std::fs::File::open(&path).and_then(|mut f| {
            f.seek(SeekFrom::Start(start.max(0) as u64))?;
            Ok(f)
        });
        let mut file = match opened {
            Ok(f) => f,
            Err(e) => {
                sender.error(OsError::from(e));
                return sender.done();
            }
        };
        let mut left = end.map(|e| (e - start.max(0)).max(0) as u64);
        let mut buf = vec![0u8; 64 * 1024];
        while left != Some(0) && !stop.load(Ordering::Relaxed) {
            let want = left.map_or(buf.len(), |l| (l as usize).min(buf.len()));
            match file.read(&mut buf[..want]) {
                Ok(0) => break,
                Ok(n) => {
                    left = left.map(|l| l - n as u64);
                    sender.data(IoValue::Bytes(buf[..n].to_vec()));
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    sender.error(OsError::from(e));
                    break;
                }
            }
        }
        sender.done();
    })?;
    Ok(handle)
}

/// `uname`'s system name, release and version, as the Dart VM reports them.
fn os_version() -> String {
    // SAFETY: `utsname` is plain old data; uname fills it with NUL-terminated strings.
    unsafe {
        let mut u: libc::utsname = std::mem::zeroed();
        if libc::uname(&mut u) != 0 {
            return String::new();
        }
        let field = |f: &[libc::c_char]| {
            std::ffi::CStr::from_ptr(f.as_ptr())
                .to_string_lossy()
                .into_owned()
        };
        format!(
            "{} {} {}",
            field(&u.sysname),
            field(&u.release),
            field(&u.version)
        )
    }
}

fn hostname() -> IoResult {
    let mut buf = [0u8; 256];
    // SAFETY: the buffer is writable for its whole length.
    let r = unsafe { libc::gethostname(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(OsError::from(std::io::Error::last_os_error()));
    }
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(IoValue::Str(
        String::from_utf8_lossy(&buf[..end]).into_owned(),
    ))
}

/// The locale the environment selects (`LC_ALL`, `LC_CTYPE`, `LANG`), else `C`.
fn locale() -> String {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "C".to_string())
}
