//! Reading a co19 test file's conventions: is it a test at all, what it expects (a clean run
//! or a compile-time error, and on which lines), and whether the runner must skip it.
//!
//! co19 follows the Dart SDK test format: a test is a file named `*_tNN.dart`; a static-error
//! test marks each expected error with a comment block after the offending line
//! (`//  ^^^` carets, `// [analyzer] CODE`, `// [cfe] message`, or `// [error line L,
//! column C]`), or with `/*@compile-error=...*/`. The Dart VM only reports front-end (CFE)
//! errors, so a test with `[analyzer]` markers alone is a runtime test for a VM, as in the
//! SDK's test runner. Multitests (`//#`) and tests needing experiment flags are skipped.

use std::path::Path;

/// What running a test is expected to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    /// The program runs to completion with exit code 0.
    Runs,
    /// Compilation fails. `lines` are the 1-based lines of the test file an error is expected
    /// on (empty when the test only says "some compile-time error").
    CompileError { lines: Vec<usize> },
}

/// How the runner treats one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestPlan {
    Run(Expectation),
    Skip(String),
}

/// Libraries dartrs does not target: tests using them are skipped, not failed.
const UNTARGETED_LIBRARIES: [&str; 5] = [
    "dart:mirrors",
    "dart:html",
    "dart:ffi",
    "dart:js",
    "dart:js_interop",
];

/// True for the files the co19 suite runs as tests (`foo_t01.dart`, `foo_A02_t123.dart`);
/// other `.dart` files are libraries and parts the tests import.
pub fn is_test_file(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(stem) = name.strip_suffix(".dart") else {
        return false;
    };
    let Some(pos) = stem.rfind("_t") else {
        return false;
    };
    let digits = &stem[pos + 2..];
    (2..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Decides how to run a test from its source text.
pub fn plan(source: &str) -> TestPlan {
    if let Some(reason) = skip_reason(source) {
        return TestPlan::Skip(reason);
    }
    let lines = expected_error_lines(source);
    if source.contains("/*@compile-error=") || !lines.is_empty() {
        return TestPlan::Run(Expectation::CompileError { lines });
    }
    TestPlan::Run(Expectation::Runs)
}

fn skip_reason(source: &str) -> Option<String> {
    for line in source.lines() {
        let trimmed = line.trim_start();
        if let Some(options) = trimmed.strip_prefix("// SharedOptions=") {
            if options.contains("--enable-experiment") {
                return Some(format!("needs an experiment flag: {}", options.trim()));
            }
        }
        if is_multitest_marker(line) {
            return Some("multitest (`//#` sections) is not supported by the runner".into());
        }
        if trimmed.starts_with("import") || trimmed.starts_with("export") {
            for library in UNTARGETED_LIBRARIES {
                if trimmed.contains(&format!("'{library}'"))
                    || trimmed.contains(&format!("\"{library}\""))
                {
                    return Some(format!("uses {library}, which dartrs does not target"));
                }
            }
        }
    }
    None
}

/// `code; //# 01: compile-time error` — the SDK's multitest section marker.
fn is_multitest_marker(line: &str) -> bool {
    let Some(pos) = line.find("//#") else {
        return false;
    };
    let rest = line[pos + 3..].trim_start();
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    name_len > 0 && rest[name_len..].trim_start().starts_with(':')
}

/// The 1-based lines on which a CFE error is expected. A marker block (carets,
/// `[analyzer]`/`[cfe]` lines and the comment lines continuing their messages) refers to the
/// closest line above it that is not part of a block; `[error line L, ...]` names its line.
/// Blocks with no `[cfe]` (or `[error ...]`) entry are analyzer-only and expect nothing of a VM.
pub fn expected_error_lines(source: &str) -> Vec<usize> {
    let lines: Vec<&str> = source.lines().collect();
    let mut result = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !starts_marker_block(lines[i]) {
            i += 1;
            continue;
        }
        // A block may hold several entries: the first ones refer to the line above the
        // block, each `[error line L, ...]` starts an entry for line L.
        let mut target = i;
        let mut has_cfe = false;
        while i < lines.len() && is_comment_line(lines[i]) {
            let text = comment_text(lines[i]);
            if text.starts_with("[cfe]") {
                has_cfe = true;
            } else if let Some(rest) = text.strip_prefix("[error line ") {
                if has_cfe && target > 0 {
                    result.push(target);
                }
                has_cfe = false;
                target = rest
                    .split(|c: char| !c.is_ascii_digit())
                    .next()
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or(0);
            }
            i += 1;
        }
        if has_cfe && target > 0 {
            result.push(target);
        }
    }
    result.sort_unstable();
    result.dedup();
    result
}

fn is_comment_line(line: &str) -> bool {
    line.trim_start().starts_with("//")
}

fn comment_text(line: &str) -> &str {
    line.trim_start().trim_start_matches('/').trim()
}

fn starts_marker_block(line: &str) -> bool {
    if !is_comment_line(line) {
        return false;
    }
    let text = comment_text(line);
    text.starts_with('^')
        || text.starts_with("[analyzer]")
        || text.starts_with("[cfe]")
        || text.starts_with("[error line ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_with_several_error_lines_names_each_of_them() {
        let src = "main() {\n//     ^\n// [cfe] unspecified\n// [error line 6, column 0]\n\
                   // [analyzer] unspecified\n// [cfe] unspecified\n// [error line 8, column 0]\n\
                   // [analyzer] unspecified\n  \"\"\"\n";
        // Line 1 (above the block) and line 6 have CFE entries; line 8 is analyzer-only.
        assert_eq!(expected_error_lines(src), vec![1, 6]);
    }

    #[test]
    fn test_file_names() {
        assert!(is_test_file(Path::new("a/b/syntax_t01.dart")));
        assert!(is_test_file(Path::new("abs_A01_t123.dart")));
        assert!(!is_test_file(Path::new("lib.dart")));
        assert!(!is_test_file(Path::new("syntax_t01_lib.dart")));
        assert!(!is_test_file(Path::new("syntax_t1.dart")));
        assert!(!is_test_file(Path::new("syntax_t01.dart.orig")));
    }

    #[test]
    fn runtime_test_has_no_markers() {
        let src = "import '../../Utils/expect.dart';\nmain() {\n  Expect.equals(1, 1);\n}\n";
        assert_eq!(plan(src), TestPlan::Run(Expectation::Runs));
    }

    #[test]
    fn cfe_markers_name_the_line_above_the_block() {
        let src = "main() {\n  var x = 1 +;\n//          ^\n// [analyzer] SYNTACTIC_ERROR.X\n// [cfe] Expected an identifier, but got ';'.\n//   second line of the message\n  f(;\n// [cfe] unspecified\n}\n";
        assert_eq!(
            plan(src),
            TestPlan::Run(Expectation::CompileError { lines: vec![2, 7] })
        );
    }

    #[test]
    fn analyzer_only_markers_expect_a_clean_run() {
        let src = "main() {\n  int? x = 1;\n  x!;\n//  ^\n// [analyzer] STATIC_WARNING.UNNECESSARY_NON_NULL_ASSERTION\n}\n";
        assert_eq!(plan(src), TestPlan::Run(Expectation::Runs));
    }

    #[test]
    fn explicit_error_line_and_annotation() {
        let src = "// [error line 3, column 1]\n// [cfe] unspecified\nfoo bar\n";
        assert_eq!(
            plan(src),
            TestPlan::Run(Expectation::CompileError { lines: vec![3] })
        );
        let src = "main() {\n  x /*@compile-error=unspecified*/;\n}\n";
        assert_eq!(
            plan(src),
            TestPlan::Run(Expectation::CompileError { lines: vec![] })
        );
    }

    #[test]
    fn skips_multitests_experiments_and_untargeted_libraries() {
        let multitest = "typedef W2<T> = 5;   //# 01: syntax error\nmain() {}\n";
        assert!(matches!(plan(multitest), TestPlan::Skip(r) if r.contains("multitest")));
        let experiment = "// SharedOptions=--enable-experiment=augmentations\nmain() {}\n";
        assert!(matches!(plan(experiment), TestPlan::Skip(r) if r.contains("experiment")));
        let mirrors = "import 'dart:mirrors';\nmain() {}\n";
        assert!(matches!(plan(mirrors), TestPlan::Skip(r) if r.contains("dart:mirrors")));
        let comment = "// see dart:mirrors docs\nmain() {}\n";
        assert_eq!(plan(comment), TestPlan::Run(Expectation::Runs));
        let not_marker = "var s = '//#'; // a string\nmain() {}\n";
        assert_eq!(plan(not_marker), TestPlan::Run(Expectation::Runs));
    }
}
