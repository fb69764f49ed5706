//! Watching the program's source files: the directories holding them are watched (so
//! editors that save by writing a new file and renaming it are seen too), events are
//! debounced (an editor's burst of writes is one reload) and filtered to the program's
//! files whose modification time or size changed (reading a file, as a reload does,
//! raises access events too), and each burst becomes one [`Command::Reload`].

use super::{Command, Commands};
use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Events closer together than this are one change. An editor's save is one write, or
/// a write and a rename, well within it; every millisecond here is a millisecond of
/// reload latency (the debouncer emits about this long after the last event).
const DEBOUNCE: Duration = Duration::from_millis(5);

pub struct Watcher {
    debouncer: Debouncer<RecommendedWatcher>,
    files: Arc<Mutex<HashMap<PathBuf, Option<Stamp>>>>,
    dirs: HashSet<PathBuf>,
}

impl Watcher {
    pub fn new(commands: Commands) -> Result<Watcher, String> {
        let files: Arc<Mutex<HashMap<PathBuf, Option<Stamp>>>> = Arc::default();
        let watched = files.clone();
        let debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
            let Ok(events) = result else {
                return;
            };
            let mut files = super::lock(&watched);
            let mut changed = false;
            for e in events {
                if let Some(stamp) = files.get_mut(&e.path) {
                    let now = stamp_of(&e.path);
                    changed |= *stamp != now;
                    *stamp = now;
                }
            }
            if changed {
                commands.send(Command::Reload);
            }
        })
        .map_err(|e| e.to_string())?;
        Ok(Watcher {
            debouncer,
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
                if let Err(e) = self
                    .debouncer
                    .watcher()
                    .watch(dir, RecursiveMode::NonRecursive)
                {
                    eprintln!("dartrs: cannot watch '{}': {e}", dir.display());
                }
            }
        }
    }
}

/// What tells a write from a read: modification time and size.
type Stamp = (std::time::SystemTime, u64);

fn stamp_of(path: &std::path::Path) -> Option<Stamp> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}
