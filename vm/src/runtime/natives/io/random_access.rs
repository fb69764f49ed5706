//! dart:io's `RandomAccessFile`: an open file kept in the handle table, shared with the
//! worker threads that run its asynchronous operations (Dart allows one at a time).

use super::{
    arg, register_handle, release, spawn_worker, with_handle, IoArg, IoResult, IoValue, OsError,
    PortSender, Releasable,
};
use crate::runtime::natives::NativeError;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

type Shared = Arc<Mutex<File>>;

struct OpenFile {
    file: Shared,
}

impl Releasable for OpenFile {
    fn release(self: Box<Self>) {}

    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// `[path, FileMode index]` → handle. Append modes open for writing and start at the end
/// (the Dart VM seeks; it does not use `O_APPEND`).
fn open(args: &[IoArg]) -> IoResult {
    let path = arg(args, 0).str();
    let mode = arg(args, 1).int().unwrap_or(0);
    let mut options = OpenOptions::new();
    match mode {
        0 => options.read(true),
        1 => options.read(true).write(true).create(true).truncate(true),
        2 => options.read(true).write(true).create(true),
        3 => options.write(true).create(true).truncate(true),
        _ => options.write(true).create(true),
    };
    let mut file = options.open(path).map_err(OsError::from)?;
    if mode == 2 || mode == 4 {
        file.seek(SeekFrom::End(0)).map_err(OsError::from)?;
    }
    let handle = register_handle(Box::new(OpenFile {
        file: Arc::new(Mutex::new(file)),
    }));
    Ok(IoValue::Int(handle))
}

fn shared(handle: i64) -> Option<Shared> {
    with_handle(handle, |h| {
        h.as_any_mut()
            .downcast_mut::<OpenFile>()
            .map(|f| f.file.clone())
    })
    .flatten()
}

/// Operation `what` on an open file with arguments `a` (count, bytes, position, length).
fn perform(file: &Shared, what: &str, a: &IoArg) -> IoResult {
    let mut f = file.lock().unwrap_or_else(|e| e.into_inner());
    let os = OsError::from;
    Ok(match what {
        "read" => {
            let wanted = a.int().unwrap_or(0).max(0) as u64;
            let mut buf = Vec::new();
            (&mut *f).take(wanted).read_to_end(&mut buf).map_err(os)?;
            IoValue::Bytes(buf)
        }
        "readByte" => {
            let mut b = [0u8; 1];
            let n = f.read(&mut b).map_err(os)?;
            IoValue::Int(if n == 0 { -1 } else { b[0] as i64 })
        }
        "write" => {
            f.write_all(&a.bytes()).map_err(os)?;
            IoValue::Null
        }
        "position" => IoValue::Int(f.stream_position().map_err(os)? as i64),
        "setPosition" => {
            f.seek(SeekFrom::Start(a.int().unwrap_or(0).max(0) as u64))
                .map_err(os)?;
            IoValue::Null
        }
        "truncate" => {
            f.set_len(a.int().unwrap_or(0).max(0) as u64).map_err(os)?;
            IoValue::Null
        }
        "length" => IoValue::Int(f.metadata().map_err(os)?.len() as i64),
        "flush" => {
            f.sync_all().map_err(os)?;
            IoValue::Null
        }
        _ => {
            return Err(OsError {
                message: format!("unknown file operation {what}"),
                errno: -1,
            })
        }
    })
}

fn closed() -> OsError {
    OsError {
        message: "File closed".to_string(),
        errno: -1,
    }
}

/// `rafOpen`, and `raf [handle, what, argument]` (`close` releases the handle).
pub fn run_sync(op: &str, args: &[IoArg]) -> Option<Result<IoResult, NativeError>> {
    match op {
        "rafOpen" => Some(Ok(open(args))),
        "raf" => {
            let handle = arg(args, 0).int().unwrap_or(0);
            let what = arg(args, 1).str();
            if what == "close" {
                release(handle);
                return Some(Ok(Ok(IoValue::Null)));
            }
            Some(Ok(match shared(handle) {
                Some(file) => perform(&file, what, arg(args, 2)),
                None => Err(closed()),
            }))
        }
        _ => None,
    }
}

/// `rafOpen` and `raf` on a worker thread.
pub fn start_async(
    op: &str,
    args: &[IoArg],
    sender: &PortSender,
) -> Option<Result<(), NativeError>> {
    let sender = sender.clone();
    match op {
        "rafOpen" => {
            let args = args.to_vec();
            Some(spawn_worker("dartrs-file", move || {
                sender.result(open(&args))
            }))
        }
        "raf" => {
            let handle = arg(args, 0).int().unwrap_or(0);
            let what = arg(args, 1).str().to_string();
            if what == "close" {
                release(handle);
                sender.data(IoValue::Null);
                return Some(Ok(()));
            }
            let Some(file) = shared(handle) else {
                sender.error(closed());
                return Some(Ok(()));
            };
            let a = arg(args, 2).clone();
            Some(spawn_worker("dartrs-file", move || {
                sender.result(perform(&file, &what, &a))
            }))
        }
        _ => None,
    }
}
