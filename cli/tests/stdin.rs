//! dart:io's standard input with piped input, which the corpus (no stdin) cannot give:
//! `stdin.readLineSync` (line ends, `retainNewlines`, end of input), prompts written
//! before a read, and `stdin` as a `Stream<List<int>>` read by a runtime thread.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Writes `source` to a fresh file in a per-test temporary directory.
fn program(test: &str, source: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dartrs-stdin-test-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("app.dart");
    std::fs::write(&path, source).expect("write program");
    path
}

/// Runs the program with `input` piped to its stdin; (stdout, exit code).
fn run_with_input(path: &Path, input: &[u8]) -> (String, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .args(["run", path.to_str().expect("utf-8 path")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("dartrs runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    let out = child.wait_with_output().expect("dartrs ends");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code(),
    )
}

#[test]
fn read_line_sync_strips_line_ends_and_returns_null_at_the_end() {
    let path = program(
        "lines",
        r#"import 'dart:io';
void main() {
  stdout.write('name? ');
  print('[${stdin.readLineSync()}]');
  print('[${stdin.readLineSync()}]');
  print('[${stdin.readLineSync(retainNewlines: true)}]');
  print('[${stdin.readLineSync()}]');
  print('[${stdin.readLineSync()}]');
  print(stdin.readLineSync());
}
"#,
    );
    let (out, code) = run_with_input(&path, "Ada\r\nsecond\nkept\nhé\nlast".as_bytes());
    assert_eq!(out, "name? [Ada]\n[second]\n[kept\n]\n[hé]\n[last]\nnull\n");
    assert_eq!(code, Some(0));
}

#[test]
fn stdin_is_a_stream_of_byte_chunks() {
    let path = program(
        "stream",
        r#"import 'dart:io';
Future<void> main() async {
  final bytes = <int>[];
  await for (final chunk in stdin) {
    bytes.addAll(chunk);
  }
  final lines = String.fromCharCodes(bytes).split('\n');
  print('${bytes.length} bytes, ${lines.length} pieces, last "${lines.last}"');
  print(lines.take(3).toList());
}
"#,
    );
    let mut input = String::new();
    for i in 0..5000 {
        input.push_str(&format!("line {i}\n"));
    }
    let (out, code) = run_with_input(&path, input.as_bytes());
    assert_eq!(
        out,
        format!(
            "{} bytes, 5001 pieces, last \"\"\n[line 0, line 1, line 2]\n",
            input.len()
        )
    );
    assert_eq!(code, Some(0));
}

#[test]
fn a_cancelled_stdin_stream_lets_the_program_end() {
    let path = program(
        "cancel",
        r#"import 'dart:io';
Future<void> main() async {
  final first = await stdin.first;
  print(first.isNotEmpty);
}
"#,
    );
    // The pipe stays open after the first bytes: the program must end anyway.
    let mut child = Command::new(env!("CARGO_BIN_EXE_dartrs"))
        .args(["run", path.to_str().expect("utf-8 path")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("dartrs runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(b"hello\n").expect("write stdin");
    stdin.flush().expect("flush");
    let out = child.wait_with_output().expect("dartrs ends");
    drop(stdin);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "true\n");
}

#[test]
fn stdin_decodes_through_utf8_and_line_splitter() {
    let path = program(
        "transform",
        r#"import 'dart:convert';
import 'dart:io';
Future<void> main() async {
  final lines = await stdin.transform(utf8.decoder).transform(const LineSplitter()).toList();
  print(lines);
  print(stdin.readLineSync());
}
"#,
    );
    let (out, code) = run_with_input(&path, "héllo\r\nwörld\n\nend".as_bytes());
    assert_eq!(out, "[héllo, wörld, , end]\nnull\n");
    assert_eq!(code, Some(0));
}

#[test]
fn terminal_queries_fail_with_the_vm_exceptions_when_not_a_terminal() {
    let path = program(
        "terminal",
        r#"import 'dart:io';
void main() {
  print(stdout.hasTerminal);
  print(stdin.hasTerminal);
  try { print(stdout.terminalColumns); } on StdoutException catch (e) { print(e); }
  try { print(stdin.echoMode); } on StdinException catch (e) { print(e); }
  try { stdin.lineMode = false; } on StdinException catch (e) { print(e); }
}
"#,
    );
    let (out, code) = run_with_input(&path, b"");
    let enotty = "OS Error: Inappropriate ioctl for device, errno = 25";
    assert_eq!(
        out,
        format!(
            "false\nfalse\nStdoutException: Could not get terminal size, {enotty}\n\
             StdinException: Error getting terminal echo mode, {enotty}\n\
             StdinException: Error setting terminal line mode, {enotty}\n"
        )
    );
    assert_eq!(code, Some(0));
}
