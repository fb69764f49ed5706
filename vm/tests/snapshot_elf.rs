//! AOT snapshots as files: the ELF layout (the four exported symbols, segment
//! permissions, no relocations), tree shaking seen in the per-function sizes, and a fuzz
//! test that mutated, truncated and foreign snapshots are refused with an error, never a
//! panic or a crash.

use dartrs_vm::driver::{build_snapshot, AotOptions};
use dartrs_vm::snapshot::loader::{map_snapshot, SnapshotSource};
use dartrs_vm::snapshot::{SnapshotImage, SnapshotMode};
use object::elf;
use object::read::elf::{ElfFile64, ProgramHeader as _};
use object::{Endianness, Object, ObjectSection, ObjectSymbol};
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

const PROGRAM: &str = r#"
class Used {
  final int n;
  Used(this.n);
  int twice() => n * 2;
}

class NeverMade {
  int compute() => 42;
}

int unusedTopLevel(int x) => x + 1;

void main() {
  print(Used(21).twice());
}
"#;

fn options() -> AotOptions {
    AotOptions {
        packages: None,
        enable_asserts: false,
        mode: SnapshotMode::Release,
        trace_compiler: false,
        print_snapshot_sizes: false,
        analyze_size: None,
    }
}

/// The program's snapshot, built once for all tests of this file.
fn built() -> &'static (Vec<u8>, SnapshotImage, PathBuf) {
    static BUILT: OnceLock<(Vec<u8>, SnapshotImage, PathBuf)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("dartrs-snapshot-elf-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let script = dir.join("app.dart");
        std::fs::write(&script, PROGRAM).expect("write program");
        let Ok((elf, image, _)) = build_snapshot(&script, &options()) else {
            panic!("the program compiles");
        };
        (elf, image, dir)
    })
}

#[test]
fn the_four_dart_symbols_are_exported() {
    let (bytes, image, _) = built();
    let file = ElfFile64::<Endianness>::parse(&bytes[..]).expect("valid ELF");
    assert_eq!(file.elf_header().e_type.get(file.endian()), elf::ET_DYN);
    let find = |name: &str| {
        file.dynamic_symbols()
            .find(|s| s.name() == Ok(name))
            .unwrap_or_else(|| panic!("{name} exported"))
    };
    let sizes = [
        ("_kDartVmSnapshotData", image.vm_data.len(), ".rodata"),
        (
            "_kDartVmSnapshotInstructions",
            image.vm_instructions.len(),
            ".text",
        ),
        (
            "_kDartIsolateSnapshotData",
            image.isolate_data.len(),
            ".rodata",
        ),
        (
            "_kDartIsolateSnapshotInstructions",
            image.isolate_instructions.len(),
            ".text",
        ),
    ];
    for (name, size, section) in sizes {
        let sym = find(name);
        assert!(sym.is_global(), "{name} is global");
        assert_eq!(sym.size() as usize, size, "{name} size");
        let index = sym.section_index().expect("defined in a section");
        let sec = file.section_by_index(index).expect("section");
        assert_eq!(sec.name(), Ok(section), "{name} section");
    }
}

#[test]
fn text_is_read_execute_data_read_only_and_nothing_writable_executes() {
    let (bytes, _, _) = built();
    let file = ElfFile64::<Endianness>::parse(&bytes[..]).expect("valid ELF");
    let e = file.endian();
    let loads: Vec<_> = file
        .elf_program_headers()
        .iter()
        .filter(|p| p.p_type(e) == elf::PT_LOAD)
        .collect();
    for p in &loads {
        let f = p.p_flags(e);
        assert!(!(f & elf::PF_W != 0 && f & elf::PF_X != 0), "W+X segment");
        assert_eq!(p.p_offset(e) % 4096, 0, "segments start on pages");
    }
    let flags_of = |section: &str| {
        let sec = file.section_by_name(section).expect("section");
        let addr = sec.address();
        loads
            .iter()
            .find(|p| addr >= p.p_vaddr(e) && addr < p.p_vaddr(e) + p.p_memsz(e))
            .map(|p| p.p_flags(e))
            .expect("section in a segment")
    };
    assert_eq!(flags_of(".text"), elf::PF_R | elf::PF_X);
    assert_eq!(flags_of(".rodata"), elf::PF_R);
    let relocations = file
        .sections()
        .filter(|s| {
            matches!(
                s.kind(),
                object::SectionKind::Elf(elf::SHT_RELA | elf::SHT_REL)
            )
        })
        .count();
    assert_eq!(relocations, 0, "no relocation sections");
    assert!(file.sections().all(|s| s.relocations().next().is_none()));
}

#[test]
fn unreachable_classes_and_functions_are_shaken_out() {
    let (_, image, _) = built();
    let names: Vec<&str> = image
        .function_sizes
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    for present in ["main", "Used.twice"] {
        assert!(names.contains(&present), "{present} compiled: {names:?}");
    }
    for absent in ["NeverMade.compute", "unusedTopLevel"] {
        assert!(!names.contains(&absent), "{absent} must be shaken out");
    }
}

#[test]
fn the_written_snapshot_loads_mapped_without_writable_pages() {
    let (bytes, _, dir) = built();
    let path = dir.join("good.aot");
    std::fs::write(&path, bytes).expect("write");
    let mut snap =
        map_snapshot(&SnapshotSource::file(&path), SnapshotMode::Release).expect("maps and checks");
    assert_eq!(snap.features, "release no-asserts x64 linux");
    assert!(snap.decode().is_ok());
    let maps = std::fs::read_to_string("/proc/self/maps").expect("maps");
    let ours: Vec<&str> = maps
        .lines()
        .filter(|l| l.ends_with(path.to_str().expect("utf-8")))
        .collect();
    let perms = |l: &str| l.split_whitespace().nth(1).unwrap_or("").to_string();
    assert!(ours.iter().all(|l| !perms(l).contains('w')), "{ours:?}");
    assert!(ours.iter().any(|l| perms(l).starts_with("r-x")), "{ours:?}");
    assert!(ours.iter().any(|l| perms(l).starts_with("r--")), "{ours:?}");
    drop(snap);
}

/// Maps and decodes `bytes` as a snapshot; `Ok` only if everything checks.
fn load(bytes: &[u8], name: &str) -> Result<(), String> {
    let (_, _, dir) = built();
    let path = dir.join(format!("fuzz-{name}-{:?}.aot", std::thread::current().id()));
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    let result = map_snapshot(&SnapshotSource::file(&path), SnapshotMode::Release)
        .and_then(|mut s| s.decode().map(|_| ()))
        .map_err(|e| e.0);
    let _ = std::fs::remove_file(&path);
    result
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any byte changed anywhere: either refused with a message, or (in bytes nothing
    /// reads, such as padding) accepted. Never a panic or a crash.
    #[test]
    fn mutated_snapshots_never_crash(at in any::<prop::sample::Index>(), xor in 1u8..=255) {
        let (bytes, _, _) = built();
        let mut b = bytes.clone();
        let i = at.index(b.len());
        b[i] ^= xor;
        if let Err(message) = load(&b, "mutated") {
            prop_assert!(!message.is_empty());
        }
    }

    #[test]
    fn truncated_snapshots_are_refused(at in any::<prop::sample::Index>()) {
        let (bytes, _, _) = built();
        let cut = at.index(bytes.len());
        prop_assert!(load(&bytes[..cut], "truncated").is_err());
    }

    #[test]
    fn random_files_are_refused(junk in prop::collection::vec(any::<u8>(), 0..4096)) {
        prop_assert!(load(&junk, "junk").is_err());
    }
}

#[test]
fn mutations_in_checked_regions_are_always_refused() {
    let (bytes, image, _) = built();
    // Every byte of both data blobs and both instruction blobs is covered by a checksum
    // or a header field: flipping any sampled one must be refused.
    let file = ElfFile64::<Endianness>::parse(&bytes[..]).expect("valid ELF");
    let blobs: Vec<(u64, u64)> = file
        .dynamic_symbols()
        .map(|s| (s.address(), s.size()))
        .filter(|&(_, size)| size > 0)
        .collect();
    assert_eq!(blobs.len(), 4);
    assert!(image.isolate_instructions.len() > 1000);
    for (addr, size) in blobs {
        let step = (size / 13).max(1);
        let mut off = 0;
        while off < size {
            let mut b = bytes.clone();
            b[(addr + off) as usize] ^= 0x5a;
            assert!(
                load(&b, "checked").is_err(),
                "flipping byte {off} of the blob at {addr:#x} went unnoticed"
            );
            off += step;
        }
    }
}

#[test]
fn an_aot_isolate_has_no_compiler_and_shaken_functions_fail_loudly() {
    use dartrs_vm::runtime::isolate::{Fatal, IsolateOptions};
    use dartrs_vm::snapshot::loader::make_isolate;
    let (bytes, _, dir) = built();
    let path = dir.join("isolate.aot");
    std::fs::write(&path, bytes).expect("write");
    let mut snap =
        map_snapshot(&SnapshotSource::file(&path), SnapshotMode::Release).expect("maps and checks");
    let decoded = snap.decode().expect("decodes");
    let mut iso = make_isolate(snap, decoded, IsolateOptions::default()).expect("isolate");
    assert!(iso.code_heap.is_none(), "an AOT isolate has no code heap");
    let find = |name: &str| {
        iso.program
            .functions
            .iter()
            .position(|f| f.qualified_name == name)
            .unwrap_or_else(|| panic!("{name} in the program")) as u32
    };
    let (main, used, unused) = (find("main"), find("Used.twice"), find("unusedTopLevel"));
    for live in [main, used] {
        assert_ne!(
            iso.entries[live as usize], iso.stubs.lazy_compile,
            "entry filled"
        );
        assert!(iso.code_info(live).is_some());
    }
    assert_eq!(iso.entries[unused as usize], iso.stubs.lazy_compile);
    match iso.compile(unused) {
        Err(Fatal::Internal(m)) => assert_eq!(
            m,
            "'unusedTopLevel' was removed from the AOT snapshot by tree shaking but is called"
        ),
        other => panic!("expected a loud failure, got {:?}", other.map_err(|_| ())),
    }
}
