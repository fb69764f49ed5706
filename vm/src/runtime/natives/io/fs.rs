//! File system operations of dart:io's `File`, `Directory`, `Link` and `FileStat`, on
//! `std::fs`. Each takes plain arguments and returns a plain result, so it runs on the
//! isolate's thread for the synchronous API and on a worker thread for the asynchronous
//! one (see the parent module).

use super::{arg, IoArg, IoResult, IoValue, OsError};
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// The operations [`perform`] knows.
const OPERATIONS: &[&str] = &[
    "exists",
    "type",
    "stat",
    "readBytes",
    "readString",
    "writeBytes",
    "writeString",
    "createFile",
    "delete",
    "rename",
    "copy",
    "length",
    "modified",
    "createDir",
    "list",
    "createTemp",
    "resolve",
    "identical",
    "createLink",
    "linkTarget",
    "cwd",
    "setCwd",
    "systemTemp",
];

pub fn is_operation(op: &str) -> bool {
    OPERATIONS.contains(&op)
}

/// Runs `op`; `None` when it is not a file system operation.
pub fn perform(op: &str, args: &[IoArg]) -> Option<IoResult> {
    let path = arg(args, 0).str();
    Some(match op {
        "exists" => exists(path, arg(args, 1).int().unwrap_or(0)),
        "type" => Ok(IoValue::Int(type_of(path, arg(args, 1).bool()))),
        "stat" => Ok(stat(path)),
        "readBytes" => read_bytes(path, arg(args, 1).int().unwrap_or(0), arg(args, 2).int()),
        "readString" => read_string(path),
        "writeBytes" => write(path, &arg(args, 1).bytes(), arg(args, 2).int().unwrap_or(1)),
        "writeString" => write(
            path,
            arg(args, 1).str().as_bytes(),
            arg(args, 2).int().unwrap_or(1),
        ),
        "createFile" => create_file(path, arg(args, 1).bool(), arg(args, 2).bool()),
        "delete" => delete(path, arg(args, 1).int().unwrap_or(0), arg(args, 2).bool()),
        "rename" => done(fs::rename(path, arg(args, 1).str())),
        "copy" => fs::copy(path, arg(args, 1).str())
            .map(|_| IoValue::Null)
            .map_err(OsError::from),
        "length" => length(path),
        "modified" => fs::metadata(path)
            .map(|m| IoValue::Int(m.mtime() * 1_000_000 + m.mtime_nsec() / 1000))
            .map_err(OsError::from),
        "createDir" => create_dir(path, arg(args, 1).bool()),
        "list" => list(path, arg(args, 1).bool(), arg(args, 2).bool()),
        "createTemp" => create_temp(path),
        "resolve" => fs::canonicalize(path)
            .map(|p| IoValue::Str(p.to_string_lossy().into_owned()))
            .map_err(OsError::from),
        "identical" => identical(path, arg(args, 1).str()),
        "createLink" => create_link(path, arg(args, 1).str(), arg(args, 2).bool()),
        "linkTarget" => fs::read_link(path)
            .map(|p| IoValue::Str(p.to_string_lossy().into_owned()))
            .map_err(OsError::from),
        "cwd" => std::env::current_dir()
            .map(|p| IoValue::Str(p.to_string_lossy().into_owned()))
            .map_err(OsError::from),
        "setCwd" => done(std::env::set_current_dir(path)),
        "systemTemp" => Ok(IoValue::Str(system_temp())),
        _ => return None,
    })
}

fn done(r: std::io::Result<()>) -> IoResult {
    r.map(|_| IoValue::Null).map_err(OsError::from)
}

fn os_error(errno: i32) -> OsError {
    OsError::from(std::io::Error::from_raw_os_error(errno))
}

/// `FileSystemEntityType` indices of io/file.dart.
const TYPE_FILE: i64 = 0;
const TYPE_DIRECTORY: i64 = 1;
const TYPE_LINK: i64 = 2;
const TYPE_SOCKET: i64 = 3;
const TYPE_PIPE: i64 = 4;
const TYPE_NOT_FOUND: i64 = 5;

fn type_of_metadata(m: &fs::Metadata) -> i64 {
    use std::os::unix::fs::FileTypeExt;
    let t = m.file_type();
    if t.is_symlink() {
        TYPE_LINK
    } else if t.is_dir() {
        TYPE_DIRECTORY
    } else if t.is_socket() {
        TYPE_SOCKET
    } else if t.is_fifo() {
        TYPE_PIPE
    } else {
        TYPE_FILE
    }
}

fn type_of(path: &str, follow_links: bool) -> i64 {
    let m = if follow_links {
        fs::metadata(path)
    } else {
        fs::symlink_metadata(path)
    };
    m.map(|m| type_of_metadata(&m)).unwrap_or(TYPE_NOT_FOUND)
}

/// Kinds: 0 a file (devices and pipes count, as in the Dart VM), 1 a directory, 2 a link.
fn exists(path: &str, kind: i64) -> IoResult {
    let found = match kind {
        0 => fs::metadata(path).is_ok_and(|m| !m.is_dir()),
        1 => fs::metadata(path).is_ok_and(|m| m.is_dir()),
        _ => fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()),
    };
    Ok(IoValue::Bool(found))
}

fn micros(secs: i64, nanos: i64) -> i64 {
    secs * 1_000_000 + nanos / 1000
}

/// `[type, changed, modified, accessed, mode, size]`, or null when nothing is there.
fn stat(path: &str) -> IoValue {
    let Ok(m) = fs::metadata(path) else {
        return IoValue::Null;
    };
    IoValue::List(vec![
        IoValue::Int(type_of_metadata(&m)),
        IoValue::Int(micros(m.ctime(), m.ctime_nsec())),
        IoValue::Int(micros(m.mtime(), m.mtime_nsec())),
        IoValue::Int(micros(m.atime(), m.atime_nsec())),
        IoValue::Int(m.mode() as i64),
        IoValue::Int(m.size() as i64),
    ])
}

fn read_bytes(path: &str, start: i64, end: Option<i64>) -> IoResult {
    let data = fs::read(path).map_err(OsError::from)?;
    let len = data.len() as i64;
    let from = start.clamp(0, len) as usize;
    let to = end.unwrap_or(len).clamp(from as i64, len) as usize;
    Ok(IoValue::Bytes(data[from..to].to_vec()))
}

/// The text, or the offset of the first malformed UTF-8 sequence as an int.
fn read_string(path: &str) -> IoResult {
    let data = fs::read(path).map_err(OsError::from)?;
    Ok(match String::from_utf8(data) {
        Ok(s) => IoValue::Str(s),
        Err(e) => IoValue::Int(e.utf8_error().valid_up_to() as i64),
    })
}

/// Writes `bytes` with dart:io `FileMode` index `mode` (read 0, write 1, append 2,
/// writeOnly 3, writeOnlyAppend 4).
fn write(path: &str, bytes: &[u8], mode: i64) -> IoResult {
    let mut options = OpenOptions::new();
    match mode {
        0 => options.read(true),
        1 => options.read(true).write(true).create(true).truncate(true),
        2 => options.read(true).append(true).create(true),
        3 => options.write(true).create(true).truncate(true),
        _ => options.append(true).create(true),
    };
    let mut file = options.open(path).map_err(OsError::from)?;
    file.write_all(bytes).map_err(OsError::from)?;
    Ok(IoValue::Null)
}

fn create_file(path: &str, recursive: bool, exclusive: bool) -> IoResult {
    if recursive {
        if let Some(parent) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            fs::create_dir_all(parent).map_err(OsError::from)?;
        }
    }
    let mut options = OpenOptions::new();
    options.write(true);
    if exclusive {
        options.create_new(true);
    } else {
        options.create(true);
    }
    options.open(path).map_err(OsError::from)?;
    Ok(IoValue::Null)
}

/// Kinds as in [`exists`]; `recursive` removes whatever is there, directories with
/// their contents (a link itself, never its target).
fn delete(path: &str, kind: i64, recursive: bool) -> IoResult {
    if recursive {
        let m = fs::symlink_metadata(path).map_err(OsError::from)?;
        return done(if m.is_dir() {
            fs::remove_dir_all(path)
        } else {
            fs::remove_file(path)
        });
    }
    match kind {
        1 => done(fs::remove_dir(path)),
        2 => {
            let m = fs::symlink_metadata(path).map_err(OsError::from)?;
            if !m.file_type().is_symlink() {
                return Err(os_error(libc::EINVAL));
            }
            done(fs::remove_file(path))
        }
        _ => done(fs::remove_file(path)),
    }
}

fn length(path: &str) -> IoResult {
    let m = fs::metadata(path).map_err(OsError::from)?;
    if m.is_dir() {
        return Err(os_error(libc::EISDIR));
    }
    Ok(IoValue::Int(m.len() as i64))
}

fn create_dir(path: &str, recursive: bool) -> IoResult {
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Ok(IoValue::Null);
    }
    done(if recursive {
        fs::create_dir_all(path)
    } else {
        fs::create_dir(path)
    })
}

/// Entries as `[type, path, ...]`, a directory before its contents; with `follow_links`
/// a link counts as what it points to (and linked directories are entered once).
fn list(path: &str, recursive: bool, follow_links: bool) -> IoResult {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    if let Ok(m) = fs::metadata(path) {
        seen.insert((m.dev(), m.ino()));
    }
    list_into(path, recursive, follow_links, &mut seen, &mut out, true)?;
    Ok(IoValue::List(out))
}

fn list_into(
    dir: &str,
    recursive: bool,
    follow_links: bool,
    seen: &mut std::collections::HashSet<(u64, u64)>,
    out: &mut Vec<IoValue>,
    top: bool,
) -> Result<(), OsError> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if top => return Err(OsError::from(e)),
        // A subdirectory that cannot be read is skipped, its entry already listed.
        Err(_) => return Ok(()),
    };
    for entry in entries {
        let entry = entry.map_err(OsError::from)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let child = if dir.ends_with('/') {
            format!("{dir}{name}")
        } else {
            format!("{dir}/{name}")
        };
        let own = fs::symlink_metadata(&child).map_err(OsError::from)?;
        let mut kind = type_of_metadata(&own);
        if kind == TYPE_LINK && follow_links {
            // A broken link stays a link.
            if let Ok(target) = fs::metadata(&child) {
                kind = type_of_metadata(&target);
            }
        }
        let kind = if kind == TYPE_DIRECTORY || kind == TYPE_LINK {
            kind
        } else {
            TYPE_FILE
        };
        out.push(IoValue::Int(kind));
        out.push(IoValue::Str(child.clone()));
        if recursive && kind == TYPE_DIRECTORY {
            let id = fs::metadata(&child).map(|m| (m.dev(), m.ino()));
            if id.is_ok_and(|id| seen.insert(id)) {
                list_into(&child, recursive, follow_links, seen, out, false)?;
            }
        }
    }
    Ok(())
}

/// `mkdtemp` on `prefix` followed by six random characters.
fn create_temp(prefix: &str) -> IoResult {
    let mut template = prefix.as_bytes().to_vec();
    template.extend_from_slice(b"XXXXXX\0");
    if template[..template.len() - 1].contains(&0) {
        return Err(os_error(libc::EINVAL));
    }
    // SAFETY: `template` is a writable NUL-terminated buffer ending in "XXXXXX", as
    // mkdtemp requires; it rewrites those six bytes in place.
    let made = unsafe { libc::mkdtemp(template.as_mut_ptr() as *mut libc::c_char) };
    if made.is_null() {
        return Err(OsError::from(std::io::Error::last_os_error()));
    }
    template.pop();
    Ok(IoValue::Str(
        String::from_utf8_lossy(&template).into_owned(),
    ))
}

fn identical(a: &str, b: &str) -> IoResult {
    let ma = fs::metadata(a).map_err(OsError::from)?;
    let mb = fs::metadata(b).map_err(OsError::from)?;
    Ok(IoValue::Bool(ma.dev() == mb.dev() && ma.ino() == mb.ino()))
}

fn create_link(path: &str, target: &str, recursive: bool) -> IoResult {
    if recursive {
        if let Some(parent) = Path::new(path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            fs::create_dir_all(parent).map_err(OsError::from)?;
        }
    }
    done(std::os::unix::fs::symlink(target, path))
}

/// `$TMPDIR` or `/tmp`, without a trailing separator (as the Dart VM answers).
fn system_temp() -> String {
    let dir = std::env::var("TMPDIR")
        .ok()
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "/tmp".to_string());
    let trimmed = dir.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(op: &str, args: Vec<IoArg>) -> IoResult {
        perform(op, &args).expect("a file system operation")
    }

    #[test]
    fn write_read_and_delete_a_temporary_file() {
        let dir = match run(
            "createTemp",
            vec![IoArg::Str(format!("{}/fs_test", system_temp()))],
        ) {
            Ok(IoValue::Str(d)) => d,
            other => panic!("createTemp gave {other:?}"),
        };
        let file = format!("{dir}/a.txt");
        let s = |t: &str| IoArg::Str(t.to_string());
        run("writeString", vec![s(&file), s("héllo"), IoArg::Int(1)]).expect("write");
        run("writeString", vec![s(&file), s("!"), IoArg::Int(2)]).expect("append");
        assert_eq!(
            run("readString", vec![s(&file)]),
            Ok(IoValue::Str("héllo!".into()))
        );
        assert_eq!(run("length", vec![s(&file)]), Ok(IoValue::Int(7)));
        assert_eq!(
            run("readBytes", vec![s(&file), IoArg::Int(1), IoArg::Int(3)]),
            Ok(IoValue::Bytes(vec![0xc3, 0xa9]))
        );
        let listed = run("list", vec![s(&dir), IoArg::Bool(false), IoArg::Bool(true)]);
        assert_eq!(
            listed,
            Ok(IoValue::List(vec![
                IoValue::Int(TYPE_FILE),
                IoValue::Str(file.clone())
            ]))
        );
        run("delete", vec![s(&dir), IoArg::Int(1), IoArg::Bool(true)]).expect("delete");
        let gone = run("readString", vec![s(&file)]).expect_err("deleted");
        assert_eq!(gone.errno, 2);
    }

    #[test]
    fn malformed_utf8_reports_its_offset() {
        let dir = std::env::temp_dir().join(format!("dartrs_fs_{}", std::process::id()));
        fs::create_dir_all(&dir).expect("dir");
        let file = dir.join("bad");
        fs::write(&file, b"ab\xffc").expect("write");
        let path = file.to_string_lossy().into_owned();
        assert_eq!(read_string(&path), Ok(IoValue::Int(2)));
        fs::remove_dir_all(&dir).expect("cleanup");
    }
}
