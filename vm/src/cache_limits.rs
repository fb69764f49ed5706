//! Keeps the run cache bounded. `driver::cache_dir` holds an entry per script run in
//! debug mode (`.program`) and per script run from a snapshot (`.aot` with its `.deps`);
//! without a limit it would gain one for every script ever run, and a run killed while
//! writing would leave its temporary file forever. After each store the cache drops
//! stale temporary files and, past `MAX_ENTRIES`, the least recently used entries. A
//! hit refreshes the modification time of the entry's marker: a `.program` itself, the
//! `.deps` of an `.aot` (the snapshot file is left as it was built).

use std::path::Path;
use std::time::{Duration, SystemTime};

/// Entries (`.program` and `.aot` files) the cache keeps at most.
pub const MAX_ENTRIES: usize = 256;

/// A temporary file this old belongs to a writer that is gone.
const STALE_TEMPORARY: Duration = Duration::from_secs(600);

/// Entries used this recently stay, whatever the count: another process may be between
/// finding one and opening it.
const IN_USE: Duration = Duration::from_secs(60);

/// Marks the entry at `path` as just used.
pub fn touch(path: &Path) {
    if let Ok(file) = std::fs::File::options().append(true).open(marker(path)) {
        let _ = file.set_modified(SystemTime::now());
    }
}

/// The file whose modification time says when entry `path` was last used.
fn marker(path: &Path) -> std::path::PathBuf {
    if path.extension().is_some_and(|e| e == "aot") {
        path.with_extension("deps")
    } else {
        path.to_path_buf()
    }
}

/// Removes stale temporary files from `dir` and, when it holds more than `max_entries`
/// entries, the least recently used ones (an `.aot` with its `.deps`) down to three
/// quarters of `max_entries`, sparing any used in the last minute. Other processes may be pruning or reading at the same
/// time: every failure is ignored. Returns how many files were removed.
pub fn prune(dir: &Path, max_entries: usize) -> usize {
    let Ok(listing) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut entries = Vec::new();
    let mut removed = 0;
    for item in listing.flatten() {
        let path = item.path();
        // A file that vanished since the listing was renamed into place or removed by
        // its writer, which may be about to create one of the same name: leave it.
        let Ok(modified) = item.metadata().and_then(|m| m.modified()) else {
            continue;
        };
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext.starts_with("tmp") {
            let age = now.duration_since(modified).unwrap_or_default();
            if age > STALE_TEMPORARY && std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        } else if ext == "program" || ext == "aot" {
            let used = std::fs::metadata(marker(&path))
                .and_then(|m| m.modified())
                .unwrap_or(modified);
            entries.push((used, path));
        }
    }
    if entries.len() <= max_entries {
        return removed;
    }
    entries.sort();
    let excess = entries.len() - max_entries * 3 / 4;
    let idle = |used: &SystemTime| now.duration_since(*used).unwrap_or_default() > IN_USE;
    for (_, path) in entries
        .into_iter()
        .take(excess)
        .filter(|(used, _)| idle(used))
    {
        if std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
        if path.extension().is_some_and(|e| e == "aot") {
            let _ = std::fs::remove_file(path.with_extension("deps"));
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path, name: &str, age_secs: u64) {
        let path = dir.join(name);
        std::fs::write(&path, b"x").unwrap();
        let when = SystemTime::now() - Duration::from_secs(age_secs);
        std::fs::File::options()
            .append(true)
            .open(&path)
            .unwrap()
            .set_modified(when)
            .unwrap();
    }

    #[test]
    fn keeps_the_most_recently_used_entries_and_drops_stale_temporaries() {
        let dir = std::env::temp_dir().join(format!("dartrs-cache-prune-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for i in 0..6 {
            // Entry 0 is the oldest.
            file(&dir, &format!("p{i}.program"), 1000 - i * 10);
        }
        file(&dir, "a.aot", 5000);
        file(&dir, "a.deps", 5000);
        file(&dir, "b.aot", 5000);
        file(&dir, "b.deps", 5000);
        touch(&dir.join("b.aot"));
        file(&dir, "old.program.tmp42", 3600);
        file(&dir, "fresh.program.tmp43", 1);
        // A hit refreshes the oldest program entry; p9 is too recent to go.
        touch(&dir.join("p0.program"));
        file(&dir, "p9.program", 30);
        let removed = prune(&dir, 4);
        let mut left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let _ = std::fs::remove_dir_all(&dir);
        // 9 entries, limit 4: the 6 least recently used go (a.aot takes its .deps); p0
        // and b.aot were touched, p9 was used 30 s ago.
        let expected = [
            "b.aot",
            "b.deps",
            "fresh.program.tmp43",
            "p0.program",
            "p9.program",
        ];
        assert_eq!(left, expected);
        assert_eq!(removed, 1 + 6);
    }

    #[test]
    fn a_small_cache_is_left_alone() {
        let dir = std::env::temp_dir().join(format!("dartrs-cache-small-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        file(&dir, "x.program", 100);
        assert_eq!(prune(&dir, 4), 0);
        assert!(dir.join("x.program").exists());
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(prune(&dir, 4), 0, "a missing directory is not an error");
    }
}
