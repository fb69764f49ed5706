//! Program loading: from the root file, find and parse every library the program uses
//! (`import`, `export`, `part`), following relative, `package:` and `dart:` URIs, and hand
//! the parsed libraries to the resolver. It owns URI resolution, `package_config.json`,
//! the embedded core libraries and the "can't read this file" diagnostics.

use super::ir;
use super::parse::parse_file;
use super::resolve;
use crate::front::ast::{self, Combinator, CompilationUnit, Directive, Ident, PartOfTarget};
use crate::front::diagnostics::Diagnostics;
use crate::front::source::{FileId, SourceMap, Span};
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

/// How to load a program.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// An explicit `package_config.json`; otherwise the nearest
    /// `.dart_tool/package_config.json` above the root file is used.
    pub packages: Option<PathBuf>,
    /// Keep `assert` statements and initializers (they are dropped otherwise).
    pub enable_asserts: bool,
    /// Also give every instance field of a user library that has a (non-`late`)
    /// initialiser a `FieldInitializer` function (`Field::initializer`) evaluating it, as
    /// static fields have: a hot reload runs it on the first read of a field added to
    /// live instances. Constructors still inline the initialiser.
    pub instance_field_initializers: bool,
    /// Leave the bodies of the core library's functions unlowered (`body: None`): a hot
    /// reload keeps the running program's `dart:` declarations with their IR and code
    /// (`kernel::reload`), so lowering them again is wasted work. Their declarations,
    /// signatures and class hierarchy are still built, as user code is resolved against
    /// them.
    pub skip_core_bodies: bool,
    /// A hot reload's running program, to leave unlowered the bodies an edit cannot have
    /// changed (`kernel::reload::reuse`); the resolver records which it skipped.
    pub reuse_bodies: Option<std::sync::Arc<crate::kernel::reload::reuse::BodyReuse>>,
}

/// The core libraries, written in Dart and embedded in the binary.
const EMBEDDED: &[(&str, &str)] = &[
    ("dart:core", include_str!("../corelib/core.dart")),
    ("dart:core/uri.dart", include_str!("../corelib/uri.dart")),
    (
        "dart:core/uri_data.dart",
        include_str!("../corelib/uri_data.dart"),
    ),
    (
        "dart:core/date_time.dart",
        include_str!("../corelib/date_time.dart"),
    ),
    (
        "dart:core/big_int.dart",
        include_str!("../corelib/big_int.dart"),
    ),
    ("dart:math", include_str!("../corelib/math.dart")),
    ("dart:io", include_str!("../corelib/io.dart")),
    (
        "dart:io/io/file.dart",
        include_str!("../corelib/io/file.dart"),
    ),
    (
        "dart:io/io/process.dart",
        include_str!("../corelib/io/process.dart"),
    ),
    (
        "dart:io/io/http.dart",
        include_str!("../corelib/io/http.dart"),
    ),
    (
        "dart:collection",
        include_str!("../corelib/collection.dart"),
    ),
    ("dart:async", include_str!("../corelib/async.dart")),
    ("dart:developer", include_str!("../corelib/developer.dart")),
    (
        "dart:typed_data",
        include_str!("../corelib/typed_data.dart"),
    ),
    ("dart:convert", include_str!("../corelib/convert.dart")),
    ("dart:isolate", include_str!("../corelib/isolate.dart")),
    ("dart:async/zone.dart", include_str!("../corelib/zone.dart")),
    (
        "dart:async/stream.dart",
        include_str!("../corelib/stream.dart"),
    ),
    (
        "dart:async/stream_impl.dart",
        include_str!("../corelib/stream_impl.dart"),
    ),
    (
        "dart:async/stream_pipe.dart",
        include_str!("../corelib/stream_pipe.dart"),
    ),
];

/// The text of an embedded core library (`dart:core`, ...), as compiled into this binary.
/// AOT snapshots do not carry these texts; the loader takes them from here.
pub fn embedded_source(uri: &str) -> Option<&'static str> {
    EMBEDDED
        .iter()
        .find(|(u, _)| *u == uri)
        .map(|(_, text)| *text)
}

/// One library as loaded: its defining unit, its parts, and its resolved directives.
#[derive(Debug)]
pub(crate) struct LoadedLibrary {
    pub uri: String,
    pub file: FileId,
    pub unit: Arc<CompilationUnit>,
    pub parts: Vec<Arc<CompilationUnit>>,
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
}

impl LoadedLibrary {
    /// The defining unit followed by the parts, in order.
    pub fn units(&self) -> impl Iterator<Item = &CompilationUnit> {
        std::iter::once(&*self.unit).chain(self.parts.iter().map(|p| &**p))
    }
}

/// An `import` whose target library was found (`target` indexes the loaded libraries).
#[derive(Debug, Clone)]
pub(crate) struct Import {
    pub target: usize,
    pub prefix: Option<Ident>,
    /// `deferred as p`: loading completes immediately (everything is loaded up front).
    pub deferred: bool,
    pub combinators: Vec<Combinator>,
}

#[derive(Debug, Clone)]
pub(crate) struct Export {
    pub target: usize,
    pub combinators: Vec<Combinator>,
}

/// Loads, parses and resolves the program rooted at `root`. `None` when any error was
/// reported (the diagnostics say why).
pub fn load_program(
    root: &Path,
    opts: &LoadOptions,
    sources: &mut SourceMap,
    diags: &mut Diagnostics,
) -> Option<ir::Program> {
    on_kernel_stack(|| load_program_here(root, opts, sources, diags))
}

/// Runs `f` on a thread with a large stack: parsing, resolving and (de)serialising the IR
/// recurse over the trees, and a deeply nested (machine-generated) program must not
/// overflow the caller's stack. Runs `f` here when no thread can be started.
pub(crate) fn on_kernel_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    let mut f = Some(f);
    let on_worker = std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("dartrs-kernel".into())
            .stack_size(KERNEL_STACK_SIZE)
            .spawn_scoped(scope, || f.take().map(|f| f()));
        match worker {
            Ok(handle) => match handle.join() {
                Ok(result) => result,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Err(_) => None,
        }
    });
    match (on_worker, f) {
        (Some(result), _) => result,
        (None, Some(f)) => f(),
        (None, None) => unreachable!("the worker ran `f` and returned its result"),
    }
}

/// Stack of the loading thread (reserved address space; pages are used on demand).
const KERNEL_STACK_SIZE: usize = 256 << 20;

pub(crate) fn load_program_here(
    root: &Path,
    opts: &LoadOptions,
    sources: &mut SourceMap,
    diags: &mut Diagnostics,
) -> Option<ir::Program> {
    let started = std::time::Instant::now();
    let libs = load_libraries(root, opts, sources, diags)?;
    let parsed = started.elapsed();
    let program = resolve::resolve_program(&libs, opts, sources, diags);
    super::parse::drop_in_background(libs);
    tracing::debug!(
        target: "dartrs::front",
        parse_us = parsed.as_micros() as u64,
        resolve_us = (started.elapsed() - parsed).as_micros() as u64,
        "front end"
    );
    if diags.has_errors() {
        None
    } else {
        Some(program)
    }
}

/// The URI the root library loaded from `root` gets (relative to the working directory).
pub(crate) fn root_uri(root: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
    file_uri(&normalize(&cwd.join(root)))
}

/// Loads every library of the program; index 0 is `dart:core`, index 1 the root.
pub(crate) fn load_libraries(
    root: &Path,
    opts: &LoadOptions,
    sources: &mut SourceMap,
    diags: &mut Diagnostics,
) -> Option<Vec<LoadedLibrary>> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
    let abs_root = normalize(&cwd.join(root));
    let packages = match &opts.packages {
        Some(p) => read_package_config(&normalize(&cwd.join(p))),
        None => find_package_config(&abs_root),
    };
    let mut loader = Loader {
        sources,
        diags,
        cwd,
        packages,
        libs: Vec::new(),
        by_uri: HashMap::new(),
        defer_core_directives: true,
    };
    loader.load_library("dart:core".to_string(), None)?;
    loader.defer_core_directives = false;
    let root_uri = file_uri(&abs_root);
    let root_loaded = loader.load_library(root_uri, None).is_some();
    // dart:core's own directives (it exports dart:async) are followed after the root, so
    // that the root keeps index 1.
    loader.load_directives(0, "dart:core");
    if !root_loaded {
        let text: Arc<str> = Arc::from("");
        let display = root.display().to_string();
        let file = loader
            .sources
            .add(file_uri(&abs_root), display.clone(), None, text);
        loader.diags.error(
            Span::new(file, 0, 0),
            format!("Error when reading '{display}': No such file or directory"),
        );
        return None;
    }
    Some(loader.libs)
}

struct Loader<'s> {
    sources: &'s mut SourceMap,
    diags: &'s mut Diagnostics,
    cwd: PathBuf,
    packages: HashMap<String, PathBuf>,
    libs: Vec<LoadedLibrary>,
    by_uri: HashMap<String, usize>,
    /// While loading dart:core first: leave its directives for later.
    defer_core_directives: bool,
}

impl Loader<'_> {
    /// Loads (once) the library at `uri`; `from` is the directive's span for diagnostics.
    fn load_library(&mut self, uri: String, from: Option<Span>) -> Option<usize> {
        if let Some(&i) = self.by_uri.get(&uri) {
            return Some(i);
        }
        let file = self.read(&uri, from)?;
        let diags = &mut *self.diags;
        let unit = parse_file(self.sources, file, diags);
        let index = self.libs.len();
        self.by_uri.insert(uri.clone(), index);
        self.libs.push(LoadedLibrary {
            uri: uri.clone(),
            file,
            unit,
            parts: Vec::new(),
            imports: Vec::new(),
            exports: Vec::new(),
        });
        if !(self.defer_core_directives && uri == "dart:core") {
            self.load_directives(index, &uri);
        }
        Some(index)
    }

    /// Follows the directives of library `index` (whose unit is already parsed).
    fn load_directives(&mut self, index: usize, uri: &str) {
        let directives = self.libs[index].unit.directives.clone();
        let is_core = uri == "dart:core";
        if !is_core {
            if let Some(core) = self.load_library("dart:core".to_string(), None) {
                self.libs[index].imports.push(Import {
                    target: core,
                    prefix: None,
                    deferred: false,
                    combinators: Vec::new(),
                });
            }
        }
        for d in &directives {
            self.load_directive(index, uri, d);
        }
    }

    fn load_directive(&mut self, index: usize, base: &str, d: &Directive) {
        match d {
            Directive::Import {
                uri,
                prefix,
                combinators,
                deferred,
                ..
            } => {
                let target_uri = resolve_uri(base, &uri.value);
                if let Some(target) = self.load_library(target_uri, Some(uri.span)) {
                    self.libs[index].imports.push(Import {
                        target,
                        prefix: *prefix,
                        deferred: *deferred,
                        combinators: combinators.clone(),
                    });
                }
            }
            Directive::Export {
                uri, combinators, ..
            } => {
                let target_uri = resolve_uri(base, &uri.value);
                if let Some(target) = self.load_library(target_uri, Some(uri.span)) {
                    self.libs[index].exports.push(Export {
                        target,
                        combinators: combinators.clone(),
                    });
                }
            }
            Directive::Part { uri, .. } => self.load_part(index, base, uri),
            Directive::Library { .. } | Directive::PartOf { .. } => {}
        }
    }

    fn load_part(&mut self, index: usize, base: &str, uri: &ast::UriLiteral) {
        let part_uri = resolve_uri(base, &uri.value);
        let Some(file) = self.read(&part_uri, Some(uri.span)) else {
            return;
        };
        let unit = parse_file(self.sources, file, self.diags);
        let is_part = unit
            .directives
            .iter()
            .any(|d| matches!(d, Directive::PartOf { target, .. } if part_of_ok(target)));
        if !is_part {
            let shown = self.sources.get(file).display_path.clone();
            self.diags.error(
                uri.span,
                format!("Can't use '{shown}' as a part, because it has no 'part of' declaration."),
            );
            return;
        }
        self.libs[index].parts.push(unit);
    }

    /// Reads the file behind `uri` into the source map, reporting failures at `from`.
    fn read(&mut self, uri: &str, from: Option<Span>) -> Option<FileId> {
        if let Some(id) = self.sources.find_by_uri(uri) {
            return Some(id);
        }
        if uri.starts_with("dart:") {
            return self.read_embedded(uri, from);
        }
        let Some(path) = self.uri_to_path(uri) else {
            if let Some(span) = from {
                self.diags.error(span, format!("Not found: '{uri}'"));
            }
            return None;
        };
        let display = display_path(&self.cwd, &path);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                Some(
                    self.sources
                        .add(uri.to_string(), display, Some(path), Arc::from(text)),
                )
            }
            Err(e) => {
                if let Some(span) = from {
                    let reason = io_reason(&e);
                    self.diags
                        .error(span, format!("Error when reading '{display}': {reason}"));
                }
                None
            }
        }
    }

    fn read_embedded(&mut self, uri: &str, from: Option<Span>) -> Option<FileId> {
        let Some((_, text)) = EMBEDDED.iter().find(|(name, _)| *name == uri) else {
            if let Some(span) = from {
                self.diags.error(span, format!("Not found: '{uri}'"));
            }
            return None;
        };
        Some(
            self.sources
                .add(uri.to_string(), uri.to_string(), None, Arc::from(*text)),
        )
    }

    fn uri_to_path(&self, uri: &str) -> Option<PathBuf> {
        if let Some(rest) = uri.strip_prefix("file://") {
            return Some(PathBuf::from(rest));
        }
        let rest = uri.strip_prefix("package:")?;
        let (name, path) = rest.split_once('/')?;
        let root = self.packages.get(name)?;
        Some(normalize(&root.join(path)))
    }
}

fn part_of_ok(target: &PartOfTarget) -> bool {
    match target {
        PartOfTarget::Uri(_) | PartOfTarget::Name(_) => true,
    }
}

/// The operating system's text for an I/O error, as the Dart front end prints it.
fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// `file://` URI of an absolute path.
fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// Resolves `reference` against the URI of the library that contains it.
pub(crate) fn resolve_uri(base: &str, reference: &str) -> String {
    if reference.starts_with("dart:")
        || reference.starts_with("package:")
        || reference.starts_with("file://")
    {
        return normalize_uri(reference);
    }
    if let Some(library) = base.strip_prefix("dart:") {
        // A part of an embedded library: `dart:async` + `zone.dart` is `dart:async/zone.dart`.
        let library = library.split('/').next().unwrap_or(library);
        return format!("dart:{library}/{reference}");
    }
    if let Some(abs) = reference.strip_prefix('/') {
        return normalize_uri(&format!("file:///{abs}"));
    }
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    };
    normalize_uri(&format!("{dir}{reference}"))
}

/// Removes `.` and `..` segments from the path part of a URI.
fn normalize_uri(uri: &str) -> String {
    let (scheme, path) = if let Some(rest) = uri.strip_prefix("file://") {
        ("file://", rest)
    } else if let Some(rest) = uri.strip_prefix("package:") {
        ("package:", rest)
    } else {
        return uri.to_string();
    };
    let absolute = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if absolute {
        format!("{scheme}/{joined}")
    } else {
        format!("{scheme}{joined}")
    }
}

/// Lexically normalises a path (no file system access, so missing files work too).
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The path diagnostics show: relative to the working directory when the file is below
/// it (as the Dart front end prints it), absolute otherwise.
fn display_path(cwd: &Path, path: &Path) -> String {
    match path.strip_prefix(cwd) {
        Ok(rel) => rel.display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

/// The nearest `.dart_tool/package_config.json` in the root file's directory or above.
fn find_package_config(root: &Path) -> HashMap<String, PathBuf> {
    let mut dir = root.parent();
    while let Some(d) = dir {
        let candidate = d.join(".dart_tool").join("package_config.json");
        if candidate.is_file() {
            return read_package_config(&candidate);
        }
        dir = d.parent();
    }
    HashMap::new()
}

/// Reads a `package_config.json` (version 2) into package name → `lib/` directory.
/// An unreadable or malformed file gives no packages (imports then fail with "Not found").
fn read_package_config(path: &Path) -> HashMap<String, PathBuf> {
    let mut map = HashMap::new();
    let Ok(text) = std::fs::read_to_string(path) else {
        return map;
    };
    let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else {
        return map;
    };
    let base = path.parent().unwrap_or(Path::new("/"));
    let Some(packages) = json.get("packages").and_then(|p| p.as_array()) else {
        return map;
    };
    for p in packages {
        let name = p.get("name").and_then(|v| v.as_str());
        let root_uri = p.get("rootUri").and_then(|v| v.as_str());
        let (Some(name), Some(root_uri)) = (name, root_uri) else {
            continue;
        };
        let package_uri = p.get("packageUri").and_then(|v| v.as_str()).unwrap_or("");
        let root = uri_ref_to_path(base, root_uri);
        map.insert(name.to_string(), normalize(&root.join(package_uri)));
    }
    map
}

/// A `rootUri` value: absolute `file://` or relative to the config file's directory.
fn uri_ref_to_path(base: &Path, reference: &str) -> PathBuf {
    match reference.strip_prefix("file://") {
        Some(abs) => PathBuf::from(abs),
        None => normalize(&base.join(reference)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_uris_resolve_against_the_base() {
        assert_eq!(
            resolve_uri("file:///a/b/main.dart", "lib/x.dart"),
            "file:///a/b/lib/x.dart"
        );
        assert_eq!(
            resolve_uri("file:///a/b/main.dart", "../c.dart"),
            "file:///a/c.dart"
        );
        assert_eq!(
            resolve_uri("package:foo/src/a.dart", "b.dart"),
            "package:foo/src/b.dart"
        );
        assert_eq!(
            resolve_uri("package:foo/src/a.dart", "../foo.dart"),
            "package:foo/foo.dart"
        );
        assert_eq!(resolve_uri("file:///a/main.dart", "dart:math"), "dart:math");
    }

    #[test]
    fn display_paths_are_relative_to_cwd() {
        assert_eq!(
            display_path(Path::new("/w"), Path::new("/w/lib/a.dart")),
            "lib/a.dart"
        );
        assert_eq!(
            display_path(Path::new("/w"), Path::new("/x/a.dart")),
            "/x/a.dart"
        );
    }
}
