//! Watching the program's source files: the directories holding them are watched (so
//! editors that save by writing a new file and renaming it are seen too), events are
//! grouped into saves, filtered to the program's files whose modification time or size
//! changed (reading a file, as a reload does, raises access events too), and each save
//! becomes one [`Command::Reload`].
//!
//! When a save is complete: a file closed after writing, or renamed into place, is a
//! finished save and reloads at once. Any other change (a write without a close event,
//! as on platforms whose watcher reports none) waits until the file has been quiet for
//! [`QUIET`], so an editor's burst of writes is still one reload.

use super::{Command, Commands};
use notify::event::{AccessKind, AccessMode, ModifyKind, RenameMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a change without a completion event waits for more writes. Every
/// millisecond here is a millisecond of reload latency for such changes.
const QUIET: Duration = Duration::from_millis(5);

/// The program's files and the stamp each had when last seen.
type Files = Arc<Mutex<HashMap<PathBuf, Option<Stamp>>>>;

pub struct Watcher {
    watcher: RecommendedWatcher,
    files: Files,
    dirs: HashSet<PathBuf>,
}

impl Watcher {
    pub fn new(commands: Commands) -> Result<Watcher, String> {
        let files: Files = Arc::default();
        let (tx, rx) = channel();
        let watcher = notify::recommended_watcher(tx).map_err(|e| e.to_string())?;
        let watched = files.clone();
        std::thread::Builder::new()
            .name("dartrs-watch".into())
            .spawn(move || group_saves(rx, watched, commands))
            .map_err(|e| e.to_string())?;
        Ok(Watcher {
            watcher,
            files,
            dirs: HashSet::new(),
        })
    }

    /// Adds `files` (the program's current sources) to the watched set.
    pub fn watch(&mut self, files: &[PathBuf]) {
        let mut set = super::lock(&self.files);
        for f in files {
            set.entry(f.clone()).or_insert_with(|| stamp_of(f));
            let Some(dir) = f.parent() else {
                continue;
            };
            if self.dirs.insert(dir.to_path_buf()) {
                if let Err(e) = self.watcher.watch(dir, RecursiveMode::NonRecursive) {
                    eprintln!("dartrs: cannot watch '{}': {e}", dir.display());
                }
            }
        }
    }
}

/// The watcher thread: turns raw events into one reload per save. Ends when the
/// watcher (the sender) is dropped.
fn group_saves(events: Receiver<notify::Result<Event>>, files: Files, commands: Commands) {
    // Files changed without a completion event, and when they last changed.
    let mut quieting: HashMap<PathBuf, Instant> = HashMap::new();
    loop {
        let next = match quieting.values().min() {
            Some(&last) => {
                events.recv_timeout((last + QUIET).saturating_duration_since(Instant::now()))
            }
            None => events.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let mut saved = Vec::new();
        match next {
            Ok(event) => {
                note(event, &files, &mut quieting, &mut saved);
                // Events already queued belong to the same moment: take them too.
                while let Ok(event) = events.try_recv() {
                    note(event, &files, &mut quieting, &mut saved);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return,
        }
        let now = Instant::now();
        quieting.retain(|path, &mut last| {
            let quiet = now.duration_since(last) >= QUIET;
            if quiet {
                saved.push(path.clone());
            }
            !quiet
        });
        if changed(&files, &saved) {
            commands.send(Command::Reload);
        }
    }
}

/// Sorts one event's watched files into finished saves and changes still quieting.
fn note(
    event: notify::Result<Event>,
    files: &Files,
    quieting: &mut HashMap<PathBuf, Instant>,
    saved: &mut Vec<PathBuf>,
) {
    let Ok(event) = event else {
        return;
    };
    let finished = matches!(
        event.kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    );
    let changing = matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    );
    let files = super::lock(files);
    for path in event.paths {
        if !files.contains_key(&path) {
            continue;
        }
        if finished {
            quieting.remove(&path);
            saved.push(path);
        } else if changing {
            quieting.insert(path, Instant::now());
        }
    }
}

/// Whether any of `paths` has a new stamp (recording it).
fn changed(files: &Files, paths: &[PathBuf]) -> bool {
    let mut files = super::lock(files);
    let mut changed = false;
    for path in paths {
        if let Some(stamp) = files.get_mut(path) {
            let now = stamp_of(path);
            changed |= *stamp != now;
            *stamp = now;
        }
    }
    changed
}

/// What tells a write from a read: modification time and size.
type Stamp = (std::time::SystemTime, u64);

fn stamp_of(path: &std::path::Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}
