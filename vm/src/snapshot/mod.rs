//! AOT snapshots (DESIGN.md decision 6): whole-program compilation with tree shaking
//! (`shake`, `builder`), the data format and its compatibility header (`format`), the
//! ELF container (`elf`), and the loader that maps a snapshot and makes an isolate that
//! runs it without a compiler (`loader`). `exe` appends a snapshot to a copy of the
//! `dartrs` binary, as `dart compile exe` does with `dartaotruntime`.

pub mod builder;
pub mod cha;
pub mod elf;
pub mod exe;
pub mod format;
pub mod loader;
pub mod shake;

pub use builder::{BuildOptions, SnapshotImage};
pub use format::{Features, SnapshotError, SnapshotMode};
pub use loader::{SnapshotSource, SplitPaths, SPLIT_FILE_NAMES};

use crate::runtime::isolate::IsolateOptions;
use std::sync::Arc;

/// Exit code when a snapshot cannot be run (bad file, wrong version or configuration), as
/// the Dart VM's `kErrorExitCode`.
pub const EXIT_SNAPSHOT_ERROR: i32 = 255;

/// Whether `bytes` start like an ELF file (a snapshot rather than Dart source).
pub fn looks_like_snapshot(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x7fELF")
}

/// What the runner of a snapshot may set.
#[derive(Clone, Debug, Default)]
pub struct AotRunOptions {
    pub verbose_gc: bool,
    pub gc_stress: bool,
    /// Print where start-up time went (map+check, decode, isolate set-up) to stderr.
    pub trace_startup: bool,
    /// Profile mode: the VM service to serve while the program runs (release has none).
    #[cfg(feature = "service")]
    pub observe: Option<crate::service::ObserveOptions>,
}

/// Maps, checks and runs the snapshot at `source` in `mode`; returns the exit code.
pub fn run_snapshot(
    source: &SnapshotSource,
    mode: SnapshotMode,
    args: Vec<String>,
    options: &AotRunOptions,
) -> i32 {
    // A refused snapshot is reported before the service would print its line.
    let make = match isolate_maker(source, mode, options) {
        Ok(make) => make,
        Err(code) => return code,
    };
    #[cfg(feature = "service")]
    if let (SnapshotMode::Profile, Some(observe)) = (mode, &options.observe) {
        let factory = match crate::service::start(observe) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("dartrs: {e}");
                return crate::driver::EXIT_SERVICE_ERROR;
            }
        };
        let code = crate::runtime::run::run_isolate(make, args, Some(factory));
        crate::service::shutdown();
        return code;
    }
    crate::runtime::run::run_isolate(make, args, None)
}

/// Runs a release snapshot with nothing else: what the AOT-only runtime
/// (`dartrs-aot-runtime`) calls, so that the VM service and everything only debug mode
/// uses stay unreferenced and out of its binary.
pub fn run_release_snapshot(source: &SnapshotSource, args: Vec<String>) -> i32 {
    let options = AotRunOptions::default();
    match isolate_maker(source, SnapshotMode::Release, &options) {
        Ok(make) => crate::runtime::run::run_isolate(make, args, None),
        Err(code) => code,
    }
}

/// Maps and checks the snapshot, then returns what builds its isolate on the isolate's
/// thread; `Err(exit code)` when the snapshot is refused (the reason is printed).
fn isolate_maker(
    source: &SnapshotSource,
    mode: SnapshotMode,
    options: &AotRunOptions,
) -> Result<
    impl FnOnce() -> Result<Box<crate::runtime::isolate::Isolate>, String> + Send + 'static,
    i32,
> {
    let started = std::time::Instant::now();
    let mut snapshot = loader::map_snapshot(source, mode).map_err(|e| refuse(&e))?;
    let decoded = snapshot.decode().map_err(|e| refuse(&e))?;
    let iso_options = IsolateOptions {
        verbose_gc: options.verbose_gc,
        gc_stress: options.gc_stress,
        ..IsolateOptions::default()
    };
    let trace = options.trace_startup;
    let recipe = spawn_recipe(source.clone(), mode, iso_options.clone());
    Ok(move || {
        let mut iso = loader::make_isolate(snapshot, decoded, iso_options).map_err(|e| e.0)?;
        iso.spawn_recipe = Some(recipe);
        if trace {
            report_startup(&iso, started);
        }
        Ok(iso)
    })
}

/// How a spawned isolate of an AOT program is made: the same snapshot mapped again (its
/// text is shared through the page cache) and checked, with the parent's options. The
/// metadata is decoded by the first spawn only; later spawns copy it, which is several
/// times faster than decoding.
fn spawn_recipe(
    source: SnapshotSource,
    mode: SnapshotMode,
    options: IsolateOptions,
) -> crate::runtime::spawn::SpawnRecipe {
    recipe_sharing(Arc::default(), source, mode, options)
}

/// What the first spawn decoded and built, for the later ones.
type DecodedCache =
    Arc<std::sync::Mutex<Option<(loader::Decoded, Arc<crate::front::source::SourceMap>)>>>;

fn recipe_sharing(
    cache: DecodedCache,
    source: SnapshotSource,
    mode: SnapshotMode,
    options: IsolateOptions,
) -> crate::runtime::spawn::SpawnRecipe {
    Arc::new(move || {
        let mut snapshot = loader::map_snapshot(&source, mode).map_err(|e| e.0)?;
        let cached = cache.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let mut iso = match cached {
            Some((decoded, sources)) => {
                loader::make_isolate_sharing(snapshot, decoded, options.clone(), Some(sources))
                    .map_err(|e| e.0)?
            }
            None => {
                let decoded = snapshot.decode().map_err(|e| e.0)?;
                let keep = decoded.clone();
                let iso =
                    loader::make_isolate(snapshot, decoded, options.clone()).map_err(|e| e.0)?;
                *cache.lock().unwrap_or_else(|e| e.into_inner()) =
                    Some((keep, iso.sources.clone()));
                iso
            }
        };
        iso.spawn_recipe = Some(recipe_sharing(
            cache.clone(),
            source.clone(),
            mode,
            options.clone(),
        ));
        Ok(iso)
    })
}

fn refuse(e: &SnapshotError) -> i32 {
    eprintln!("{e}");
    EXIT_SNAPSHOT_ERROR
}

fn report_startup(iso: &crate::runtime::isolate::Isolate, started: std::time::Instant) {
    let Some(snap) = iso
        .aot
        .as_ref()
        .and_then(|a| a.keep_alive.downcast_ref::<loader::LoadedSnapshot>())
    else {
        return;
    };
    let t = snap.timings;
    eprintln!(
        "[snapshot] map+check {} us, decode {} us, isolate {} us, total {} us",
        t.map_and_check_us,
        t.decode_us,
        t.isolate_us,
        started.elapsed().as_micros()
    );
}

/// Sizes of the four blobs, as gen_snapshot's `--print-snapshot-sizes` names them.
pub fn print_sizes(image: &SnapshotImage) {
    let vm = image.vm_data.len();
    let isolate = image.isolate_data.len();
    let instructions = image.vm_instructions.len() + image.isolate_instructions.len();
    use std::io::Write;
    // dartrs keeps no separate read-only object image: strings and constants are part of
    // the isolate data. A closed stdout (`| head`) is not worth a panic.
    let total = vm + isolate + instructions;
    let _ = write!(
        std::io::stdout(),
        "VMIsolate(CodeSize): {vm}\nIsolate(CodeSize): {isolate}\nReadOnlyData(CodeSize): 0\n\
         Instructions(CodeSize): {instructions}\nTotal(CodeSize): {total}\n"
    );
}
