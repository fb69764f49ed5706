//! The program cache of debug mode: the resolved `kernel::ir::Program` of a script (core
//! library included) kept on disk after a successful load, so that the next `dartrs run`
//! of an unchanged program skips the lexer, parser and resolver (as `dart run` keeps a
//! kernel file). It owns the cache file format and the rules for when an entry may be used.
//!
//! An entry is found by a key: the absolute script path, the working directory (the
//! source map's display paths depend on it) and the load options. Its header carries the
//! VM's version hash (computed at build time over the VM's sources, the embedded core
//! library included, so a changed compiler or core library never reads an old entry; a
//! new build overwrites the old build's entry rather than adding one). It records every
//! source file it was built from (length and checksum) and the package configuration,
//! and is used only when all of them still match. The whole file carries a checksum: a
//! truncated, corrupt or foreign file is ignored and rewritten. Compile errors are never
//! cached. `DARTRS_NO_PROGRAM_CACHE` (any value) turns the cache off.

use crate::driver::{absolute, cache_dir, package_config, write_atomically};
use crate::front::diagnostics::Diagnostics;
use crate::front::intern;
use crate::front::source::SourceMap;
use crate::kernel::ir::{Program, Stmt};
use crate::kernel::loader::{embedded_source, load_program_here, on_kernel_stack, LoadOptions};
use crate::snapshot::format::{checksum, version_hash, VERSION_LEN};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Setting this environment variable (to anything) turns the program cache off.
pub const DISABLE_VAR: &str = "DARTRS_NO_PROGRAM_CACHE";

/// First bytes of a cache file.
const MAGIC: &[u8; 8] = b"dartrsPC";
/// Magic, version hash, payload length, payload checksum.
const HEADER: usize = MAGIC.len() + VERSION_LEN + 8 + 8;

/// One source file an entry was built from. `path` is `None` for the embedded core
/// libraries (their text is the binary's).
#[derive(Serialize, Deserialize, Debug, PartialEq, Eq)]
struct FileRecord {
    uri: String,
    display_path: String,
    path: Option<String>,
    len: u64,
    hash: u64,
}

/// The package configuration the loader used: its path and checksum (`None`s when there
/// was none, or it could not be read).
#[derive(Serialize, Deserialize, Debug, PartialEq, Eq)]
struct PackagesRecord {
    path: Option<String>,
    hash: Option<u64>,
}

/// An entry as written. Function bodies travel beside the program: `Function::body` is
/// not serialised with it (AOT snapshots carry compiled code instead).
#[derive(Serialize)]
struct EntryRef<'a> {
    key: &'a str,
    files: Vec<FileRecord>,
    packages: PackagesRecord,
    program: &'a Program,
    bodies: Vec<&'a Option<Stmt>>,
}

/// An entry as read (postcard encodes it as [`EntryRef`]).
#[derive(Deserialize)]
struct Entry {
    key: String,
    files: Vec<FileRecord>,
    packages: PackagesRecord,
    program: Program,
    bodies: Vec<Option<Stmt>>,
}

/// Where the entry of one script and set of load options lives.
pub struct ProgramCache {
    file: PathBuf,
    key: String,
    script: PathBuf,
    packages: Option<PathBuf>,
}

impl ProgramCache {
    /// The cache entry for `script` in `dir`.
    pub fn new(dir: &Path, script: &Path, opts: &LoadOptions) -> ProgramCache {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        // The VM's version is checked in the header, not part of the name: a new build
        // replaces the entries of the old one instead of adding to them.
        let key = format!(
            "program\n{}\n{}\n{:?}\nasserts={}",
            absolute(script).display(),
            cwd.display(),
            opts.packages,
            opts.enable_asserts
        );
        let name = format!("{:016x}.program", checksum(key.as_bytes()));
        ProgramCache {
            file: dir.join(name),
            key,
            script: script.to_path_buf(),
            packages: opts.packages.clone(),
        }
    }

    /// The cached program and its source map, when the entry exists, is intact and every
    /// file it was built from is unchanged; `Err` says why not.
    pub fn lookup(&self) -> Result<(Program, SourceMap), String> {
        // Marked as used first, so a concurrent prune spares it.
        crate::cache_limits::touch(&self.file);
        let bytes = std::fs::read(&self.file).map_err(|e| format!("no entry ({e})"))?;
        let payload = checked_payload(&bytes)?;
        let (names, rest): (Vec<&str>, _) =
            postcard::take_from_bytes(payload).map_err(|e| format!("undecodable ({e})"))?;
        let entry: Entry = intern::with_id_table(&names, || postcard::from_bytes(rest))
            .map_err(|e| format!("undecodable ({e})"))?;
        if entry.key != self.key {
            return Err("another program's entry".into());
        }
        if entry.packages != self.packages_now() {
            return Err("the package configuration changed".into());
        }
        let sources = unchanged_sources(&entry.files)?;
        let mut program = entry.program;
        if entry.bodies.len() != program.functions.len() {
            return Err("inconsistent entry".into());
        }
        for (f, body) in program.functions.iter_mut().zip(entry.bodies) {
            f.body = body;
        }
        Ok((program, sources))
    }

    /// Writes the entry for `program`, loaded from `sources`.
    pub fn store(&self, program: &Program, sources: &SourceMap) -> Result<(), String> {
        let entry = EntryRef {
            key: &self.key,
            files: file_records(sources)?,
            packages: self.packages_now(),
            program,
            bodies: program.functions.iter().map(|f| &f.body).collect(),
        };
        let body = intern::with_ids_written(|| postcard::to_allocvec(&entry))
            .map_err(|e| e.to_string())?;
        let mut payload = postcard::to_allocvec(&intern::names()).map_err(|e| e.to_string())?;
        payload.extend_from_slice(&body);
        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(version_hash().as_bytes());
        out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        out.extend_from_slice(&checksum(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        write_atomically(&self.file, &out).map_err(|e| e.to_string())
    }

    /// The package configuration the loader would use now.
    fn packages_now(&self) -> PackagesRecord {
        let path = package_config(&self.script, self.packages.as_deref());
        PackagesRecord {
            hash: path
                .as_deref()
                .and_then(|p| std::fs::read(p).ok())
                .map(|b| checksum(&b)),
            path: path.map(|p| p.to_string_lossy().into_owned()),
        }
    }

    /// The entry's file (for tests and messages).
    pub fn file(&self) -> &Path {
        &self.file
    }
}

/// The payload of a cache file whose header matches this VM and whose checksum holds.
fn checked_payload(bytes: &[u8]) -> Result<&[u8], String> {
    if bytes.len() < HEADER || bytes[..MAGIC.len()] != MAGIC[..] {
        return Err("not a program cache file".into());
    }
    let version = &bytes[MAGIC.len()..MAGIC.len() + VERSION_LEN];
    if version != version_hash().as_bytes() {
        return Err("written by another dartrs build".into());
    }
    let at = MAGIC.len() + VERSION_LEN;
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i..i + 8]);
        u64::from_le_bytes(w)
    };
    let (len, sum) = (word(at), word(at + 8));
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != len || checksum(payload) != sum {
        return Err("truncated or corrupt".into());
    }
    Ok(payload)
}

/// What to record of each source file; `Err` for a file the cache cannot check later (a
/// file from memory, a path that is not UTF-8).
fn file_records(sources: &SourceMap) -> Result<Vec<FileRecord>, String> {
    sources
        .files()
        .map(|f| {
            let path = match &f.path {
                Some(p) => Some(p.to_str().ok_or("a path that is not UTF-8")?.to_string()),
                None if embedded_source(&f.uri) == Some(&*f.text) => None,
                None => return Err(format!("'{}' is not a file", f.uri)),
            };
            Ok(FileRecord {
                uri: f.uri.clone(),
                display_path: f.display_path.clone(),
                path,
                len: f.text.len() as u64,
                hash: checksum(f.text.as_bytes()),
            })
        })
        .collect()
}

/// The source map of an entry, from the files as they are now; `Err` when one changed.
fn unchanged_sources(files: &[FileRecord]) -> Result<SourceMap, String> {
    let mut sources = SourceMap::new();
    for f in files {
        let text: Arc<str> = match &f.path {
            Some(p) => {
                Arc::from(std::fs::read_to_string(p).map_err(|_| format!("'{p}' cannot be read"))?)
            }
            None => Arc::from(embedded_source(&f.uri).ok_or("an unknown core library")?),
        };
        if text.len() as u64 != f.len || checksum(text.as_bytes()) != f.hash {
            return Err(format!("'{}' changed", f.display_path));
        }
        sources.add(
            f.uri.clone(),
            f.display_path.clone(),
            f.path.as_ref().map(PathBuf::from),
            text,
        );
    }
    Ok(sources)
}

/// Loads `script` for a debug-mode run: from the cache when its entry is valid, else with
/// the front end (then the result is cached). `Err` is the rendered compile errors.
pub fn load(script: &Path, opts: &LoadOptions) -> Result<(Program, SourceMap), String> {
    let cache = std::env::var_os(DISABLE_VAR)
        .is_none()
        .then(|| ProgramCache::new(&cache_dir(script), script, opts));
    on_kernel_stack(|| load_here(cache.as_ref(), script, opts))
}

fn load_here(
    cache: Option<&ProgramCache>,
    script: &Path,
    opts: &LoadOptions,
) -> Result<(Program, SourceMap), String> {
    let started = Instant::now();
    if let Some(cache) = cache {
        match cache.lookup() {
            Ok(hit) => {
                let micros = started.elapsed().as_micros() as u64;
                tracing::debug!(target: "dartrs::program_cache", micros, "program cache hit");
                return Ok(hit);
            }
            Err(why) => {
                tracing::debug!(target: "dartrs::program_cache", "program cache miss: {why}")
            }
        }
    }
    let mut sources = SourceMap::new();
    let mut diags = Diagnostics::new();
    let program = match load_program_here(script, opts, &mut sources, &mut diags) {
        Some(p) if !diags.has_errors() => p,
        _ => return Err(diags.render(&sources)),
    };
    if let Some(cache) = cache {
        let started = Instant::now();
        match cache.store(&program, &sources) {
            Ok(()) => {
                if let Some(dir) = cache.file().parent() {
                    crate::cache_limits::prune(dir, crate::cache_limits::MAX_ENTRIES);
                }
                let micros = started.elapsed().as_micros() as u64;
                tracing::debug!(target: "dartrs::program_cache", micros, "program cache stored");
            }
            Err(why) => {
                tracing::debug!(target: "dartrs::program_cache", "program cache not stored: {why}")
            }
        }
    }
    Ok((program, sources))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory with `app.dart` (importing `lib.dart`) and a `cache/` beside.
    fn fixture(name: &str) -> (PathBuf, PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "dartrs-program-cache-unit-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("app.dart");
        std::fs::write(
            &script,
            "import 'lib.dart';\nvoid main() { print(twice(21)); }\n",
        )
        .unwrap();
        std::fs::write(dir.join("lib.dart"), "int twice(int x) => x * 2;\n").unwrap();
        (dir, script)
    }

    fn fresh(script: &Path, opts: &LoadOptions) -> (Program, SourceMap) {
        let mut sources = SourceMap::new();
        let mut diags = Diagnostics::new();
        let program = crate::kernel::load_program(script, opts, &mut sources, &mut diags);
        (program.expect("the fixture compiles"), sources)
    }

    /// Every function's IR, as text.
    fn dump(program: &Program) -> String {
        let mut out = String::new();
        for f in &program.functions {
            crate::kernel::dump::dump_function(&mut out, program, f, 0);
        }
        out
    }

    #[test]
    fn the_cached_program_is_the_loaded_one() {
        let (dir, script) = fixture("same");
        let opts = LoadOptions::default();
        let (program, sources) = fresh(&script, &opts);
        let cache = ProgramCache::new(&dir.join("cache"), &script, &opts);
        cache.store(&program, &sources).unwrap();
        let (cached, cached_sources) = on_kernel_stack(|| cache.lookup()).unwrap();
        assert_eq!(dump(&cached), dump(&program));
        assert_eq!(cached.classes.len(), program.classes.len());
        assert_eq!(
            cached.main.map(|m| m.index()),
            program.main.map(|m| m.index())
        );
        let files = |s: &SourceMap| -> Vec<(String, String, Option<PathBuf>, usize)> {
            s.files()
                .map(|f| {
                    (
                        f.uri.clone(),
                        f.display_path.clone(),
                        f.path.clone(),
                        f.text.len(),
                    )
                })
                .collect()
        };
        assert_eq!(files(&cached_sources), files(&sources));
    }

    #[test]
    fn options_and_edits_are_misses() {
        let (dir, script) = fixture("misses");
        let opts = LoadOptions::default();
        let (program, sources) = fresh(&script, &opts);
        let cache = ProgramCache::new(&dir.join("cache"), &script, &opts);
        cache.store(&program, &sources).unwrap();
        let asserts = LoadOptions {
            enable_asserts: true,
            ..LoadOptions::default()
        };
        let other = ProgramCache::new(&dir.join("cache"), &script, &asserts);
        assert_ne!(other.file(), cache.file());
        assert!(other.lookup().is_err());
        std::fs::write(dir.join("lib.dart"), "int twice(int x) => x + x;\n").unwrap();
        let why = on_kernel_stack(|| cache.lookup().map(|_| ())).unwrap_err();
        assert!(why.contains("lib.dart"), "{why}");
    }

    #[test]
    fn damaged_files_are_refused() {
        let (dir, script) = fixture("damaged");
        let opts = LoadOptions::default();
        let (program, sources) = fresh(&script, &opts);
        let cache = ProgramCache::new(&dir.join("cache"), &script, &opts);
        cache.store(&program, &sources).unwrap();
        let good = std::fs::read(cache.file()).unwrap();
        for cut in [0, 5, HEADER, good.len() - 1] {
            std::fs::write(cache.file(), &good[..cut]).unwrap();
            assert!(cache.lookup().is_err(), "cut at {cut}");
        }
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        std::fs::write(cache.file(), &flipped).unwrap();
        assert!(cache.lookup().is_err());
        let mut other_build = good;
        other_build[MAGIC.len()] ^= 1;
        std::fs::write(cache.file(), &other_build).unwrap();
        let why = cache.lookup().map(|_| ()).unwrap_err();
        assert!(why.contains("another dartrs build"), "{why}");
    }
}
