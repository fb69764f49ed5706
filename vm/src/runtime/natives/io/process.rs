//! Child processes for dart:io's `Process`: `run`/`runSync` collect the whole output on
//! a worker thread (or the isolate's), `start` spawns the child at once and hands its
//! output to ports from one reader thread per pipe, its exit code from a waiter thread,
//! and its standard input to a writer thread Dart feeds by handle.

use super::{
    arg, iso, register_handle, spawn_worker, with_handle, IoArg, IoResult, IoValue, OsError,
    PortSender, Releasable,
};
use crate::runtime::isolate::IsolatePtr;
use crate::runtime::natives::NativeError;
use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::mpsc;

type SyncResult = Result<IoResult, NativeError>;

/// What every way of starting a process takes:
/// `[executable, arguments, workingDirectory, environment [k, v, ...], includeParentEnvironment, runInShell]`.
fn command(args: &[IoArg]) -> Command {
    let executable = arg(args, 0).str();
    let arguments = arg(args, 1).strings();
    let mut cmd = if arg(args, 5).bool() {
        // As the Dart VM: every word single-quoted, so the shell only runs the command.
        let line = std::iter::once(executable.to_string())
            .chain(arguments)
            .map(|w| format!("'{}'", w.replace('\'', "'\"'\"'")))
            .collect::<Vec<_>>()
            .join(" ");
        let mut c = Command::new("/bin/sh");
        c.arg("-c").arg(line);
        c
    } else {
        let mut c = Command::new(executable);
        c.args(arguments);
        c
    };
    if let IoArg::Str(dir) = arg(args, 2) {
        cmd.current_dir(dir);
    }
    if !arg(args, 4).bool() {
        cmd.env_clear();
    }
    let env = arg(args, 3).strings();
    for pair in env.chunks(2) {
        if let [k, v] = pair {
            cmd.env(k, v);
        }
    }
    cmd
}

/// The Dart VM's exit code: the status, or minus the signal that ended the child.
fn exit_code(status: ExitStatus) -> i64 {
    match (status.code(), status.signal()) {
        (Some(code), _) => code as i64,
        (None, Some(signal)) => -(signal as i64),
        (None, None) => 0,
    }
}

/// `[pid, exitCode, stdout, stderr]` of a finished child (output as bytes; Dart decodes
/// it with the encodings it was given).
fn run_to_end(args: &[IoArg]) -> IoResult {
    let child = command(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(OsError::from)?;
    let pid = child.id() as i64;
    let out = child.wait_with_output().map_err(OsError::from)?;
    Ok(IoValue::List(vec![
        IoValue::Int(pid),
        IoValue::Int(exit_code(out.status)),
        IoValue::Bytes(out.stdout),
        IoValue::Bytes(out.stderr),
    ]))
}

pub fn run_sync(p: IsolatePtr, op: &str, args: &[IoArg]) -> Option<SyncResult> {
    match op {
        "processRunSync" => {
            iso(p).out.flush();
            Some(Ok(run_to_end(args)))
        }
        "processStart" => Some(start(p, args)),
        "processWrite" => {
            let handle = arg(args, 0).int().unwrap_or(0);
            let bytes = arg(args, 1).bytes();
            let sent = with_handle(handle, |h| {
                h.as_any_mut()
                    .downcast_mut::<ChildInput>()
                    .map(|input| input.send(bytes))
            });
            Some(Ok(Ok(IoValue::Bool(sent.flatten().is_some()))))
        }
        "kill" => {
            let pid = arg(args, 0).int().unwrap_or(0) as libc::pid_t;
            let signal = arg(args, 1).int().unwrap_or(libc::SIGTERM as i64) as libc::c_int;
            // SAFETY: kill only sends a signal; a bad pid or signal is an error result.
            let ok = pid > 0 && unsafe { libc::kill(pid, signal) } == 0;
            Some(Ok(Ok(IoValue::Bool(ok))))
        }
        _ => None,
    }
}

pub fn start_async(
    op: &str,
    args: &[IoArg],
    sender: &PortSender,
) -> Option<Result<(), NativeError>> {
    if op != "processRun" {
        return None;
    }
    let (args, sender) = (args.to_vec(), sender.clone());
    Some(spawn_worker("dartrs-process", move || {
        sender.result(run_to_end(&args))
    }))
}

/// The child's standard input, written by a thread so a full pipe never blocks the
/// isolate; releasing the handle closes the pipe after what was sent.
struct ChildInput {
    to_writer: mpsc::Sender<Vec<u8>>,
}

impl ChildInput {
    fn send(&self, bytes: Vec<u8>) -> Option<()> {
        self.to_writer.send(bytes).ok()
    }
}

impl Releasable for ChildInput {
    fn release(self: Box<Self>) {}

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// `ProcessStartMode` indices of io/process.dart.
const MODE_NORMAL: i64 = 0;
const MODE_INHERIT_STDIO: i64 = 1;
const MODE_DETACHED_WITH_STDIO: i64 = 3;

/// Spawns the child of `args` (plus `[stdoutPort, stderrPort, exitPort, mode]` at 6..10):
/// pipes for the normal and detachedWithStdio modes, the parent's streams for
/// inheritStdio, none when detached; the exit code goes to its port only when attached
/// (normal, inheritStdio). `[pid, stdinHandle]`, or the spawn failure.
fn start(p: IsolatePtr, args: &[IoArg]) -> SyncResult {
    let port = |k: usize| PortSender::new(iso(p), arg(args, k).int().unwrap_or(0));
    let (out_port, err_port, exit_port) = (port(6), port(7), port(8));
    let mode = arg(args, 9).int().unwrap_or(MODE_NORMAL);
    let has_stdio = mode == MODE_NORMAL || mode == MODE_DETACHED_WITH_STDIO;
    let attached = mode == MODE_NORMAL || mode == MODE_INHERIT_STDIO;
    let stdio = || {
        if has_stdio {
            Stdio::piped()
        } else if mode == MODE_INHERIT_STDIO {
            Stdio::inherit()
        } else {
            Stdio::null()
        }
    };
    if mode == MODE_INHERIT_STDIO {
        // The child writes to the same streams: what the program wrote comes first.
        iso(p).out.flush();
    }
    let mut child = match command(args)
        .stdin(stdio())
        .stdout(stdio())
        .stderr(stdio())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return Ok(Err(OsError::from(e))),
    };
    let pid = child.id() as i64;
    if let Some(out) = child.stdout.take() {
        spawn_worker("dartrs-process-out", move || pump(out, out_port))?;
    }
    if let Some(err) = child.stderr.take() {
        spawn_worker("dartrs-process-err", move || pump(err, err_port))?;
    }
    let (to_writer, from_isolate) = mpsc::channel::<Vec<u8>>();
    if let Some(mut input) = child.stdin.take() {
        spawn_worker("dartrs-process-in", move || {
            for bytes in from_isolate {
                if input.write_all(&bytes).is_err() {
                    break;
                }
            }
        })?;
    }
    let stdin_handle = register_handle(Box::new(ChildInput { to_writer }));
    // A detached child is still reaped, but nobody hears of its exit.
    spawn_worker("dartrs-process-wait", move || {
        let status = child.wait();
        if attached {
            exit_port.result(
                status
                    .map(|s| IoValue::Int(exit_code(s)))
                    .map_err(OsError::from),
            )
        }
    })?;
    Ok(Ok(IoValue::List(vec![
        IoValue::Int(pid),
        IoValue::Int(stdin_handle),
    ])))
}

/// Copies a pipe to a port in chunks until it ends.
fn pump(mut from: impl Read, to: PortSender) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => to.data(IoValue::Bytes(buf[..n].to_vec())),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                to.error(OsError::from(e));
                break;
            }
        }
    }
    to.done();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> IoArg {
        IoArg::Str(t.to_string())
    }

    #[test]
    fn run_collects_output_and_exit_code() {
        let args = vec![
            s("sh"),
            IoArg::List(vec![s("-c"), s("echo out; echo err >&2; exit 3")]),
            IoArg::Null,
            IoArg::List(vec![]),
            IoArg::Bool(true),
            IoArg::Bool(false),
        ];
        let IoValue::List(r) = run_to_end(&args).expect("sh runs") else {
            panic!("not a list")
        };
        assert_eq!(r[1], IoValue::Int(3));
        assert_eq!(r[2], IoValue::Bytes(b"out\n".to_vec()));
        assert_eq!(r[3], IoValue::Bytes(b"err\n".to_vec()));
    }

    #[test]
    fn a_missing_executable_is_an_os_error() {
        let args = vec![s("/no/such/program"), IoArg::List(vec![])];
        let e = run_to_end(&args).expect_err("cannot start");
        assert_eq!(e.errno, 2);
    }
}
