//! Golden tests of syntax error reporting: each `tests/diagnostics/NAME.dart` is parsed
//! and its rendered diagnostics (message, source line and caret line, as the Dart CFE
//! prints them) must equal `NAME.expected` exactly. Run with `UPDATE_EXPECTED=1` to
//! rewrite the expectations (then review the diff).

use std::path::{Path, PathBuf};

use dartrs_vm::front::diagnostics::Diagnostics;
use dartrs_vm::front::parser::parse_compilation_unit;
use dartrs_vm::front::source::SourceMap;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/diagnostics")
}

fn check(name: &str) {
    let text = std::fs::read_to_string(dir().join(format!("{name}.dart"))).expect("test file");
    let mut sources = SourceMap::new();
    let file = sources.add_virtual(&format!("{name}.dart"), &text);
    let mut diags = Diagnostics::new();
    let _ = parse_compilation_unit(&sources, file, &mut diags);
    let actual = diags.render(&sources);
    assert!(!actual.is_empty(), "{name}.dart should produce diagnostics");
    let expected_path = dir().join(format!("{name}.expected"));
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        std::fs::write(&expected_path, &actual).expect("write expectation");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    assert_eq!(actual, expected, "diagnostics for {name}.dart differ");
}

macro_rules! golden {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*

        const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

golden!(
    bad_characters,
    bad_numbers,
    bad_strings,
    class_member_errors,
    declaration_errors,
    deep_nesting,
    directive_errors,
    expected_declaration,
    expected_token,
    keyword_as_identifier,
    mismatched_brackets,
    missing_body,
    missing_identifier,
    missing_semicolon,
    multiple_errors,
    parameter_errors,
    top_level_modifiers,
    try_without_catch,
    unmatched_paren,
    unterminated_comment,
    unterminated_multiline_string,
    unterminated_string,
);

#[test]
fn every_file_has_a_test() {
    let mut all: Vec<String> = std::fs::read_dir(dir())
        .expect("diagnostics dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "dart"))
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .collect();
    all.sort();
    assert_eq!(all, NAMES.iter().map(|s| s.to_string()).collect::<Vec<_>>());
}
