//! Snapshot tests of the parser over `tests/parser/*.dart`: every file must parse without
//! a diagnostic, and its AST (rendered by `ast_dump`) must match the reviewed snapshot.

use std::path::{Path, PathBuf};

use dartrs_vm::front::ast_dump;
use dartrs_vm::front::diagnostics::Diagnostics;
use dartrs_vm::front::parser::parse_compilation_unit;
use dartrs_vm::front::source::SourceMap;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/parser")
}

/// Parses one corpus file: its AST dump and rendered diagnostics.
fn parse(name: &str) -> (String, String) {
    let path = corpus_dir().join(format!("{name}.dart"));
    let text = std::fs::read_to_string(&path).expect("corpus file exists");
    let mut sources = SourceMap::new();
    let file = sources.add_virtual(&format!("{name}.dart"), &text);
    let mut diags = Diagnostics::new();
    let unit = parse_compilation_unit(&sources, file, &mut diags);
    (ast_dump::dump_unit(&unit), diags.render(&sources))
}

macro_rules! corpus {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let (dump, diags) = parse(stringify!($name));
                assert_eq!(diags, "", "unexpected diagnostics");
                insta::assert_snapshot!(stringify!($name), dump);
            }
        )*

        const NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

corpus!(
    assignments,
    async_code,
    cascades_nullaware,
    class_members,
    class_modifiers,
    collections,
    comments,
    constructor_calls,
    constructors,
    directives,
    enums,
    expressions,
    extension_types,
    extensions,
    function_literals,
    function_types,
    generics,
    literals,
    local_decls,
    metadata,
    mixins,
    operators_decl,
    part_of,
    part_of_name,
    patterns,
    realistic,
    records,
    script_tag,
    statements_control,
    strings,
    switch_expressions,
    switch_statements,
    top_level,
    tricky,
    try_catch,
    typedefs,
    unnamed_library,
);

/// Every `.dart` file in the corpus has a test above, and the whole corpus parses
/// without a single diagnostic.
#[test]
fn corpus_is_complete_and_clean() {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(corpus_dir()).expect("corpus dir") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "dart") {
            let stem = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            all.push(stem);
        }
    }
    all.sort();
    let listed: Vec<String> = NAMES.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        all, listed,
        "tests/parser/*.dart and the corpus! list differ"
    );
    let mut report = String::new();
    for name in NAMES {
        report.push_str(&parse(name).1);
    }
    assert_eq!(report, "", "the corpus must parse without diagnostics");
}
