//! End-to-end behaviour of release mode: `compile aot-snapshot` and its output line,
//! running a snapshot, the run cache, `--enable-asserts` at compile time, the Dart VM's
//! refusal messages for snapshots of another version or configuration, corrupt and
//! truncated files, `compile exe` run from a directory without dartrs, and split
//! artefacts (`--split`, `--aot-snapshot-path`, `--aot-shared-library-path`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dartrs(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("dartrs runs")
}

/// A fresh per-test directory holding `app.dart` with `source`.
fn program(test: &str, source: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("dartrs-aot-test-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("app.dart");
    std::fs::write(&path, source).expect("write program");
    (dir, path)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

const HELLO: &str = "void main(List<String> args) {\n  print('hello $args');\n}\n";

/// Compiles `source` into `<dir>/app.aot` and returns its path.
fn snapshot(test: &str, source: &str, extra: &[&str]) -> (PathBuf, PathBuf) {
    let (dir, path) = program(test, source);
    let out_path = dir.join("app.aot");
    let mut args = vec!["compile", "aot-snapshot", s(&path), "-o", s(&out_path)];
    args.extend_from_slice(extra);
    let out = dartrs(&args, &dir.join("cache"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    (dir, out_path)
}

#[test]
fn compile_prints_the_absolute_path_and_the_snapshot_runs() {
    let (dir, aot) = snapshot("compile", HELLO, &[]);
    let relative = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .current_dir(&dir)
        .args(["compile", "aot-snapshot", "app.dart", "-o", "rel.aot"])
        .output()
        .expect("dartrs runs");
    assert_eq!(
        text(&relative.stdout),
        format!("Generated: {}\n", dir.join("rel.aot").display())
    );
    let out = dartrs(&["run", "--release", s(&aot), "a", "b"], &dir.join("cache"));
    assert_eq!(text(&out.stdout), "hello [a, b]\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn run_release_on_source_uses_the_cache_and_rebuilds_after_an_edit() {
    let (dir, path) = program("cache", "void main() {\n  print('one');\n}\n");
    let cache = dir.join("cache");
    let out = dartrs(&["run", "--release", s(&path)], &cache);
    assert_eq!(text(&out.stdout), "one\n", "{}", text(&out.stderr));
    let cached: Vec<_> = std::fs::read_dir(cache.join("dartrs"))
        .expect("cache dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "aot"))
        .collect();
    assert_eq!(cached.len(), 1, "{cached:?}");
    let first = std::fs::metadata(&cached[0])
        .and_then(|m| m.modified())
        .ok();
    let again = dartrs(&["run", "--release", s(&path)], &cache);
    assert_eq!(text(&again.stdout), "one\n");
    let second = std::fs::metadata(&cached[0])
        .and_then(|m| m.modified())
        .ok();
    assert_eq!(first, second, "an unchanged program is not rebuilt");
    std::fs::write(&path, "void main() {\n  print('two');\n}\n").expect("edit");
    let edited = dartrs(&["run", "--release", s(&path)], &cache);
    assert_eq!(text(&edited.stdout), "two\n");
}

#[test]
fn asserts_are_off_in_release_unless_compiled_with_enable_asserts() {
    let source =
        "void main() {\n  var on = false;\n  assert(on = true);\n  print('asserts $on');\n}\n";
    let (dir, off) = snapshot("asserts-off", source, &[]);
    let out = dartrs(&["run", "--release", s(&off)], &dir);
    assert_eq!(text(&out.stdout), "asserts false\n");
    let (dir, on) = snapshot("asserts-on", source, &["--enable-asserts"]);
    let out = dartrs(&["run", "--release", s(&on)], &dir);
    assert_eq!(text(&out.stdout), "asserts true\n");
}

#[test]
fn identical_constants_are_one_object_in_release() {
    let source = "class P { final int x; const P(this.x); }\nvoid main() {\n  print(identical(const P(1), const P(1)));\n  print(identical(const [1, 'a'], const [1, 'a']));\n  print(identical('abc', 'abc'));\n}\n";
    let (dir, aot) = snapshot("canonical", source, &[]);
    let out = dartrs(&["run", "--release", s(&aot)], &dir);
    assert_eq!(text(&out.stdout), "true\ntrue\ntrue\n");
}

#[test]
fn uncaught_exceptions_report_dart_frames_in_release() {
    let source = "void fail() {\n  throw StateError('boom');\n}\nvoid main() {\n  fail();\n}\n";
    let (dir, path) = program("uncaught", source);
    let out = dartrs(&["run", "--release", s(&path)], &dir.join("cache"));
    assert_eq!(out.status.code(), Some(255));
    let stderr = text(&out.stderr);
    let uri = format!("file://{}", path.display());
    assert!(
        stderr.starts_with(&format!(
            "Unhandled exception:\nBad state: boom\n#0      fail ({uri}:2:3)\n#1      main ({uri}:5:3)\n"
        )),
        "{stderr}"
    );
}

/// Replaces the first occurrence of `from` in the file (same length).
fn patch(path: &Path, from: &[u8], to: &[u8]) {
    let mut bytes = std::fs::read(path).expect("read snapshot");
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("pattern in snapshot");
    bytes[at..at + to.len()].copy_from_slice(to);
    std::fs::write(path, bytes).expect("write snapshot");
}

#[test]
fn a_snapshot_of_another_version_is_refused_with_the_dart_message() {
    let (dir, aot) = snapshot("version", HELLO, &[]);
    let bytes = std::fs::read(&aot).expect("read");
    // The version hash follows magic, kind, length and checksum in the VM data header.
    let header = bytes
        .windows(4)
        .position(|w| w == 0xdcdc_f5f5u32.to_le_bytes())
        .expect("magic");
    let ours = text(&bytes[header + 24..header + 56]);
    let theirs = "0123456789abcdef0123456789abcdef";
    patch(&aot, ours.as_bytes(), theirs.as_bytes());
    let out = dartrs(&["run", "--release", s(&aot)], &dir);
    assert_eq!(out.status.code(), Some(255));
    assert_eq!(
        text(&out.stderr),
        format!("Wrong full snapshot version, expected '{ours}' found '{theirs}'\n")
    );
}

#[test]
fn a_profile_snapshot_is_refused_in_release_with_the_dart_message() {
    let (dir, aot) = snapshot("features", HELLO, &["--profile"]);
    let out = dartrs(&["run", "--release", s(&aot)], &dir);
    assert_eq!(out.status.code(), Some(255));
    assert_eq!(
        text(&out.stderr),
        "Snapshot not compatible with the current VM configuration: the snapshot requires \
         'profile no-asserts x64 linux' but the VM has 'release no-asserts x64 linux'\n"
    );
    // Profile mode serves the VM service (port 0: any free one) and runs the program.
    let ok = dartrs(&["run", "--profile", "--observe=0", s(&aot), "p"], &dir);
    let stdout = text(&ok.stdout);
    assert!(
        stdout.starts_with("The Dart VM service is listening on http://127.0.0.1:"),
        "{stdout}"
    );
    assert!(stdout.ends_with("/\nhello [p]\n"), "{stdout}");
}

#[test]
fn truncated_corrupt_and_foreign_files_are_clear_errors() {
    let (dir, aot) = snapshot("corrupt", HELLO, &[]);
    let bytes = std::fs::read(&aot).expect("read");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", bytes[..bytes.len() / 2].to_vec()),
        ("tiny", bytes[..10].to_vec()),
        ("flipped", {
            let mut b = bytes.clone();
            let mid = b.len() / 2;
            b[mid] ^= 0x40;
            b
        }),
        ("foreign", {
            let mut b = std::fs::read(env!("CARGO_BIN_EXE_dartrs")).expect("binary");
            b.truncate(1 << 16);
            b
        }),
    ];
    for (name, content) in cases {
        let path = dir.join(format!("{name}.aot"));
        std::fs::write(&path, content).expect("write");
        let out = dartrs(&["run", "--release", s(&path)], &dir);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(255), "{name}: {stderr}");
        assert!(
            stderr.starts_with("Invalid snapshot") || stderr.starts_with("The snapshot is corrupt"),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn compile_exe_runs_from_a_directory_without_dartrs() {
    let (dir, path) = program("exe", HELLO);
    let exe = dir.join("app");
    let out = dartrs(&["compile", "exe", s(&path), "-o", s(&exe)], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("Generated: {}\n", exe.display()));
    // Its runtime is the AOT-only one, not a copy of dartrs with its compilers, and it
    // is stripped: smaller than the runtime's file with its debug info.
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let stripped = |p: &Path| {
        let bytes = std::fs::read(p).expect("read the binary");
        dartrs_vm::snapshot::exe::strip(bytes).len() as u64
    };
    let runtime = Path::new(env!("CARGO_BIN_EXE_dartrs-aot-runtime"));
    assert!(size(&exe) > stripped(runtime));
    assert!(size(&exe) < size(runtime));
    assert!(size(&exe) < stripped(Path::new(env!("CARGO_BIN_EXE_dartrs"))));
    let elsewhere = std::env::temp_dir().join(format!("dartrs-exe-run-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&elsewhere);
    std::fs::create_dir_all(&elsewhere).expect("dir");
    let moved = elsewhere.join("app");
    std::fs::copy(&exe, &moved).expect("copy exe");
    std::fs::remove_dir_all(&dir).expect("remove the sources");
    let run = output_when_not_busy(
        Command::new(&moved)
            .current_dir(&elsewhere)
            .env_clear()
            .args(["x", "--y"]),
    );
    assert_eq!(
        text(&run.stdout),
        "hello [x, --y]\n",
        "{}",
        text(&run.stderr)
    );
    assert_eq!(run.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&elsewhere);
}

#[test]
fn the_size_report_lists_compiled_functions_and_not_shaken_ones() {
    let source = "class Kept { int f() => 1; }\nclass Dropped { int g() => 2; }\nint unused() => 3;\nvoid main() {\n  print(Kept().f());\n}\n";
    let (dir, path) = program("analyze", source);
    let report = dir.join("sizes.json");
    let out = dartrs(
        &[
            "compile",
            "aot-snapshot",
            s(&path),
            "-o",
            s(&dir.join("app.aot")),
            "--analyze-size",
            s(&report),
            "--print-snapshot-sizes",
        ],
        &dir,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for key in [
        "VMIsolate(CodeSize): ",
        "Isolate(CodeSize): ",
        "Instructions(CodeSize): ",
        "Total(CodeSize): ",
    ] {
        assert!(stdout.contains(key), "{stdout}");
    }
    let json = std::fs::read_to_string(&report).expect("report written");
    let app = format!("file://{}", path.display());
    assert!(
        json.contains(&format!(
            "\"l\": \"{app}\",\n    \"c\": \"Kept\",\n    \"n\": \"Kept.f\""
        )),
        "{json}"
    );
    assert!(!json.contains("Dropped"), "shaken class in the report");
    assert!(
        !json.contains("\"unused\""),
        "shaken function in the report"
    );
}

/// Runs `cmd`, retrying while the kernel reports the freshly written executable busy
/// (ETXTBSY: another test thread forked while the file was still open for writing).
fn output_when_not_busy(cmd: &mut Command) -> std::process::Output {
    for _ in 0..50 {
        match cmd.output() {
            Ok(out) => return out,
            Err(e) if e.raw_os_error() == Some(26) => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            Err(e) => panic!("the executable does not run: {e}"),
        }
    }
    panic!("the executable stayed busy (ETXTBSY)");
}

#[test]
fn split_artefacts_are_four_files_the_runner_maps_by_name() {
    let (dir, path) = program("split", HELLO);
    let cache = dir.join("cache");
    let out_dir = dir.join("artefacts");
    let out = dartrs(
        &["compile", "aot-snapshot", s(&path), "--split", s(&out_dir)],
        &cache,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!("Generated: {}\n", out_dir.display())
    );
    for name in [
        "vm_snapshot_data",
        "vm_snapshot_instr",
        "isolate_snapshot_data",
        "isolate_snapshot_instr",
    ] {
        let len = std::fs::metadata(out_dir.join(name)).map(|m| m.len()).ok();
        assert!(len.is_some_and(|l| l > 0), "{name}: {len:?}");
    }
    let out = dartrs(
        &["run", "--aot-snapshot-path", s(&out_dir), "a", "b"],
        &cache,
    );
    assert_eq!(
        (text(&out.stdout), out.status.code()),
        ("hello [a, b]\n".to_string(), Some(0))
    );
    // Other names, given relative to the directory.
    std::fs::rename(
        out_dir.join("isolate_snapshot_instr"),
        out_dir.join("app.so.text"),
    )
    .expect("rename");
    let out = dartrs(
        &[
            "run",
            "--aot-snapshot-path",
            s(&out_dir),
            "--isolate-snapshot-instr",
            "app.so.text",
        ],
        &cache,
    );
    assert_eq!(text(&out.stdout), "hello []\n", "{}", text(&out.stderr));
    // A missing file and instructions from another build are clear errors, never a crash.
    let out = dartrs(&["run", "--aot-snapshot-path", s(&out_dir)], &cache);
    assert_eq!(out.status.code(), Some(255));
    assert!(
        text(&out.stderr).starts_with("Cannot open the snapshot '")
            && text(&out.stderr).contains("isolate_snapshot_instr"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(
        out_dir.join("isolate_snapshot_instr"),
        b"\xc3 not this build's code",
    )
    .expect("write");
    let out = dartrs(&["run", "--aot-snapshot-path", s(&out_dir)], &cache);
    assert_eq!(
        (text(&out.stderr), out.status.code()),
        (
            "The snapshot is corrupt or truncated: checksum mismatch in the instructions\n"
                .to_string(),
            Some(255)
        )
    );
    // The single ELF file by its engine flag.
    let (dir, aot) = snapshot("split-elf", HELLO, &[]);
    let out = dartrs(
        &["run", "--aot-shared-library-path", s(&aot), "x"],
        &dir.join("cache"),
    );
    assert_eq!(text(&out.stdout), "hello [x]\n", "{}", text(&out.stderr));
}

#[test]
fn the_aot_runtime_runs_release_snapshots_and_refuses_profile_ones() {
    let runtime = env!("CARGO_BIN_EXE_dartrs-aot-runtime");
    let (dir, aot) = snapshot("aot-runtime", HELLO, &[]);
    let run = Command::new(runtime)
        .arg(&aot)
        .arg("r")
        .output()
        .expect("runs");
    assert_eq!(
        (text(&run.stdout), run.status.code()),
        ("hello [r]\n".to_string(), Some(0))
    );
    let profile = dir.join("profile.aot");
    let out = dartrs(
        &[
            "compile",
            "aot-snapshot",
            "--profile",
            s(&dir.join("app.dart")),
            "-o",
            s(&profile),
        ],
        &dir,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let run = Command::new(runtime).arg(&profile).output().expect("runs");
    assert_eq!(run.status.code(), Some(255));
    assert!(
        text(&run.stderr).starts_with("Snapshot not compatible with the current VM configuration: the snapshot requires 'profile"),
        "{}",
        text(&run.stderr)
    );
    let usage = Command::new(runtime).output().expect("runs");
    assert_eq!(usage.status.code(), Some(64));
}

#[test]
fn a_refused_snapshot_in_profile_mode_opens_no_service() {
    let (dir, aot) = snapshot("profile-refused", HELLO, &["--profile"]);
    let bytes = std::fs::read(&aot).expect("read snapshot");
    let cut = dir.join("cut.aot");
    std::fs::write(&cut, &bytes[..500]).expect("write truncated copy");
    let out = dartrs(
        &["run", "--profile", "--observe=0", s(&cut)],
        &dir.join("cache"),
    );
    assert_eq!(out.status.code(), Some(255));
    assert_eq!(
        text(&out.stdout),
        "",
        "the service line came before the refusal"
    );
    assert!(
        text(&out.stderr).starts_with("Invalid snapshot"),
        "{}",
        text(&out.stderr)
    );
}
