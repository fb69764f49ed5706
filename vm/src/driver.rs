//! The VM's entry point for the command line: load and check a program, report
//! compile-time errors in the front end's format (exit code 254), then run it in an
//! isolate and return its exit code.

use crate::front::diagnostics::Diagnostics;
use crate::front::source::SourceMap;
use crate::kernel::loader::{load_program, LoadOptions};
use crate::runtime::isolate::IsolateOptions;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Exit code for a program with compile-time errors (as `dart run`).
pub const EXIT_COMPILE_ERROR: i32 = 254;

/// How to run a program in debug mode.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub packages: Option<PathBuf>,
    pub trace_compiler: bool,
    pub verbose_gc: bool,
    pub gc_stress: bool,
    pub enable_asserts: bool,
    /// Timeline streams recorded from the start (`--timeline-streams`).
    pub timeline_streams: Vec<String>,
    /// Serve the VM service while the program runs (`--observe`).
    #[cfg(feature = "service")]
    pub observe: Option<crate::service::ObserveOptions>,
}

/// Loads, checks and runs `script`; returns the process exit code.
pub fn run_debug(script: &Path, args: Vec<String>, options: &RunOptions) -> i32 {
    let load = LoadOptions {
        packages: options.packages.clone(),
        enable_asserts: options.enable_asserts,
        instance_field_initializers: false,
        skip_core_bodies: false,
        reuse_bodies: None,
    };
    let (program, sources) = match crate::program_cache::load(script, &load) {
        Ok(loaded) => loaded,
        Err(diagnostics) => {
            eprint!("{diagnostics}");
            return EXIT_COMPILE_ERROR;
        }
    };
    // Debugging aid: `DARTRS_DUMP_KERNEL=name` prints the IR of functions whose qualified
    // name contains `name` before running.
    if let Some(filter) = std::env::var_os("DARTRS_DUMP_KERNEL") {
        let filter = filter.to_string_lossy();
        for f in program
            .functions
            .iter()
            .filter(|f| f.qualified_name.contains(&*filter))
        {
            let mut out = String::new();
            crate::kernel::dump::dump_function(&mut out, &program, f, 0);
            eprintln!("{out}");
        }
    }
    let isolate_options = IsolateOptions {
        trace_compiler: options.trace_compiler,
        verbose_gc: options.verbose_gc,
        gc_stress: options.gc_stress,
        asserts: options.enable_asserts,
    };
    crate::timeline::set_recorded_streams(&options.timeline_streams);
    #[cfg(feature = "service")]
    if let Some(observe) = &options.observe {
        return run_observed(program, sources, isolate_options, args, observe);
    }
    let program = Arc::new(program);
    let code = crate::runtime::run::run_program(
        program.clone(),
        Arc::new(sources),
        isolate_options,
        args,
        None,
    );
    // The process ends right after: freeing the program's trees one node at a time
    // would cost more than a hello world's whole run (the OS takes the memory back).
    std::mem::forget(program);
    code
}

// ---------------------------------------------------------------------------------------
// AOT: compile, cache, run
// ---------------------------------------------------------------------------------------

use crate::snapshot::{self, BuildOptions, Features, SnapshotImage, SnapshotMode, SnapshotSource};

/// How to compile a program ahead of time.
#[derive(Clone, Debug)]
pub struct AotOptions {
    pub packages: Option<PathBuf>,
    pub enable_asserts: bool,
    pub mode: SnapshotMode,
    pub trace_compiler: bool,
    pub print_snapshot_sizes: bool,
    /// Write per-function instruction sizes as JSON (`--analyze-size`).
    pub analyze_size: Option<PathBuf>,
}

impl AotOptions {
    fn features(&self) -> Features {
        Features {
            mode: self.mode,
            asserts: self.enable_asserts,
        }
    }
}

/// Why an AOT compilation produced nothing: the message, and the exit code.
pub struct AotFailure {
    pub message: String,
    pub exit_code: i32,
}

/// Loads and compiles `script` into an ELF snapshot; also returns the dependencies (files
/// read from disk) for the run cache.
pub fn build_snapshot(
    script: &Path,
    options: &AotOptions,
) -> Result<(Vec<u8>, SnapshotImage, Vec<PathBuf>), AotFailure> {
    let mut sources = SourceMap::new();
    let mut diags = Diagnostics::new();
    let load = LoadOptions {
        packages: options.packages.clone(),
        enable_asserts: options.enable_asserts,
        instance_field_initializers: false,
        skip_core_bodies: false,
        reuse_bodies: None,
    };
    let program = load_program(script, &load, &mut sources, &mut diags);
    let program = match program {
        Some(p) if !diags.has_errors() => p,
        _ => {
            return Err(AotFailure {
                message: diags.render(&sources),
                exit_code: EXIT_COMPILE_ERROR,
            })
        }
    };
    let mut deps: Vec<PathBuf> = sources.files().filter_map(|f| f.path.clone()).collect();
    deps.extend(package_config(script, options.packages.as_deref()));
    let build = BuildOptions {
        features: options.features(),
        trace_compiler: options.trace_compiler,
    };
    let internal = |message: String| AotFailure {
        message: format!("dartrs: internal error while compiling: {message}\n"),
        exit_code: 70,
    };
    let image =
        snapshot::builder::build(Arc::new(program), Arc::new(sources), build).map_err(internal)?;
    let elf = snapshot::elf::write_elf(&image).map_err(internal)?;
    Ok((elf, image, deps))
}

/// The package configuration the loader uses for `script` (explicit, or the nearest
/// `.dart_tool/package_config.json`): a dependency of the build like the sources.
pub(crate) fn package_config(script: &Path, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(absolute(p));
    }
    absolute(script)
        .ancestors()
        .skip(1)
        .map(|d| d.join(".dart_tool").join("package_config.json"))
        .find(|c| c.is_file())
}

pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

pub(crate) fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `dartrs compile aot-snapshot`: writes the snapshot, prints `Generated: <path>`.
pub fn compile_aot_snapshot(script: &Path, output: Option<&Path>, options: &AotOptions) -> i32 {
    let output = output.map_or_else(|| script.with_extension("aot"), Path::to_path_buf);
    let (elf, image, _) = match build_snapshot(script, options) {
        Ok(r) => r,
        Err(f) => return fail(f),
    };
    if let Some(code) = report_sizes(&image, options) {
        return code;
    }
    if let Err(e) = write_atomically(&output, &elf) {
        eprintln!("dartrs: cannot write '{}': {e}", output.display());
        return 73;
    }
    say(&format!("Generated: {}", absolute(&output).display()));
    0
}

/// `dartrs compile aot-snapshot --split <dir>`: the four blobs as the files the Flutter
/// engine loads (`vm_snapshot_data`, `vm_snapshot_instr`, `isolate_snapshot_data`,
/// `isolate_snapshot_instr`) instead of one ELF file.
pub fn compile_split_snapshot(script: &Path, dir: &Path, options: &AotOptions) -> i32 {
    let (_, image, _) = match build_snapshot(script, options) {
        Ok(r) => r,
        Err(f) => return fail(f),
    };
    if let Some(code) = report_sizes(&image, options) {
        return code;
    }
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("dartrs: cannot create '{}': {e}", dir.display());
        return 73;
    }
    let paths = snapshot::SplitPaths::in_dir(dir);
    let files = [
        (&paths.vm_data, &image.vm_data),
        (&paths.vm_instructions, &image.vm_instructions),
        (&paths.isolate_data, &image.isolate_data),
        (&paths.isolate_instructions, &image.isolate_instructions),
    ];
    for (path, bytes) in files {
        if let Err(e) = write_atomically(path, bytes) {
            eprintln!("dartrs: cannot write '{}': {e}", path.display());
            return 73;
        }
    }
    say(&format!("Generated: {}", absolute(dir).display()));
    0
}

/// `dartrs compile exe`: a copy of this executable with the snapshot appended.
pub fn compile_exe(script: &Path, output: Option<&Path>, options: &AotOptions) -> i32 {
    let output = output.map_or_else(|| script.with_extension("exe"), Path::to_path_buf);
    let (elf, image, _) = match build_snapshot(script, options) {
        Ok(r) => r,
        Err(f) => return fail(f),
    };
    if let Some(code) = report_sizes(&image, options) {
        return code;
    }
    let dartrs = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dartrs: cannot find the dartrs executable: {e}");
            return 70;
        }
    };
    let runtime = match exe_runtime(&dartrs, options.mode) {
        Ok(r) => r,
        Err(message) => {
            eprintln!("dartrs: {message}");
            return 70;
        }
    };
    if let Err(e) = snapshot::exe::write_executable(&runtime, &elf, &output) {
        eprintln!("dartrs: cannot write '{}': {e}", output.display());
        return 73;
    }
    say(&format!("Generated: {}", absolute(&output).display()));
    0
}

/// The runtime an executable starts with: the AOT-only `dartrs-aot-runtime` installed
/// next to `dartrs` for release snapshots; `dartrs` itself for profile ones, which need
/// the VM service.
fn exe_runtime(dartrs: &Path, mode: SnapshotMode) -> Result<PathBuf, String> {
    if mode == SnapshotMode::Profile {
        return Ok(dartrs.to_path_buf());
    }
    let runtime = dartrs.with_file_name("dartrs-aot-runtime");
    if runtime.is_file() {
        Ok(runtime)
    } else {
        Err(format!(
            "the AOT runtime '{}' is missing: it is built with dartrs (`cargo build --release -p dartrs-cli`)",
            runtime.display()
        ))
    }
}

/// `--print-snapshot-sizes` and `--analyze-size`; `Some(exit code)` when writing fails.
fn report_sizes(image: &SnapshotImage, options: &AotOptions) -> Option<i32> {
    if options.print_snapshot_sizes {
        snapshot::print_sizes(image);
    }
    let path = options.analyze_size.as_ref()?;
    let json = serde_json::to_string_pretty(&image.function_sizes).unwrap_or_default();
    if let Err(e) = std::fs::write(path, json) {
        eprintln!("dartrs: cannot write '{}': {e}", path.display());
        return Some(73);
    }
    None
}

/// A line on stdout; a closed pipe (`| head`) is not an error worth a panic.
fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout(), "{line}");
}

fn fail(f: AotFailure) -> i32 {
    eprint!("{}", f.message);
    f.exit_code
}

/// `dartrs run --release|--profile`: runs a snapshot, or builds one for a `.dart`
/// script into the cache first.
pub fn run_aot(
    script: &Path,
    args: Vec<String>,
    options: &AotOptions,
    run: &snapshot::AotRunOptions,
) -> i32 {
    let is_snapshot = std::fs::File::open(script).ok().is_some_and(|mut f| {
        let mut head = [0u8; 4];
        std::io::Read::read_exact(&mut f, &mut head).is_ok() && snapshot::looks_like_snapshot(&head)
    });
    let path = if is_snapshot {
        script.to_path_buf()
    } else {
        match cached_snapshot(script, options) {
            Ok(p) => p,
            Err(f) => return fail(f),
        }
    };
    snapshot::run_snapshot(&SnapshotSource::file(&path), options.mode, args, run)
}

/// The run cache: `$XDG_CACHE_HOME/dartrs` (or `~/.cache/dartrs`), else
/// `.dart_tool/dartrs` next to the script.
pub(crate) fn cache_dir(script: &Path) -> PathBuf {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")));
    match base {
        Some(b) => b.join("dartrs"),
        None => absolute(script)
            .parent()
            .map_or_else(|| PathBuf::from(".dart_tool"), |p| p.join(".dart_tool"))
            .join("dartrs"),
    }
}

/// A snapshot of `script` from the cache, built when missing or stale. The entry is
/// keyed by the script's path, the VM's snapshot version and the features; it records
/// a hash of every source file it was built from and is rebuilt when one changes.
fn cached_snapshot(script: &Path, options: &AotOptions) -> Result<PathBuf, AotFailure> {
    let abs = absolute(script);
    let key_text = format!(
        "{}\n{}\n{}\n{:?}",
        abs.display(),
        snapshot::format::version_hash(),
        options.features().to_features_string(),
        options.packages
    );
    let key = format!("{:016x}", snapshot::format::checksum(key_text.as_bytes()));
    let dir = cache_dir(script);
    let aot = dir.join(format!("{key}.aot"));
    let deps = dir.join(format!("{key}.deps"));
    // Marked as used before it is checked, so a concurrent prune spares it.
    crate::cache_limits::touch(&aot);
    if std::fs::read_to_string(&deps).is_ok_and(|d| deps_unchanged(&d)) && aot.exists() {
        return Ok(aot);
    }
    let (elf, _, files) = build_snapshot(script, options)?;
    let cant = |e: std::io::Error| AotFailure {
        message: format!(
            "dartrs: cannot write the snapshot cache in '{}': {e}\n",
            dir.display()
        ),
        exit_code: 73,
    };
    std::fs::create_dir_all(&dir).map_err(cant)?;
    write_atomically(&aot, &elf).map_err(cant)?;
    let manifest: String = files
        .iter()
        .map(|f| format!("{:016x}\t{}\n", file_hash(f).unwrap_or(0), f.display()))
        .collect();
    write_atomically(&deps, manifest.as_bytes()).map_err(cant)?;
    crate::cache_limits::prune(&dir, crate::cache_limits::MAX_ENTRIES);
    Ok(aot)
}

fn file_hash(path: &Path) -> Option<u64> {
    std::fs::read(path)
        .ok()
        .map(|b| snapshot::format::checksum(&b))
}

fn deps_unchanged(manifest: &str) -> bool {
    manifest.lines().all(|line| {
        let Some((hash, path)) = line.split_once('\t') else {
            return false;
        };
        file_hash(Path::new(path)).is_some_and(|h| format!("{h:016x}") == hash)
    })
}

/// Runs the program with the VM service open; returns the exit code.
#[cfg(feature = "service")]
fn run_observed(
    program: crate::kernel::ir::Program,
    sources: SourceMap,
    isolate_options: IsolateOptions,
    args: Vec<String>,
    observe: &crate::service::ObserveOptions,
) -> i32 {
    let factory = match crate::service::start(observe) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("dartrs: {e}");
            return EXIT_SERVICE_ERROR;
        }
    };
    let code = crate::runtime::run::run_program(
        Arc::new(program),
        Arc::new(sources),
        isolate_options,
        args,
        Some(factory),
    );
    crate::service::shutdown();
    code
}

/// Exit code when the VM service cannot start (e.g. its port is taken).
pub const EXIT_SERVICE_ERROR: i32 = 70;
