//! The snapshot as an ELF64 shared object, the container the Dart VM uses: the four
//! blobs are exported as `_kDartVmSnapshotData`, `_kDartVmSnapshotInstructions`,
//! `_kDartIsolateSnapshotData` and `_kDartIsolateSnapshotInstructions` in `.dynsym`.
//! Data lives in `.rodata` in a read-only segment, instructions in `.text` in a
//! read+execute segment, and `.dynamic` in a read+write segment of its own (as
//! gen_snapshot lays it out, so a dynamic loader could open the file too). There are no
//! relocations: the code is position-independent.
//!
//! The reader never trusts the file: every offset and size is checked against the file
//! before use, and the segment flags must be exactly what the writer produces.

use super::builder::SnapshotImage;
use object::elf;
use object::read::elf::{ElfFile64, ProgramHeader as _};
use object::write::elf::{FileHeader, ProgramHeader, SectionHeader, Sym, Writer};
use object::{Endianness, Object, ObjectSymbol};

pub const VM_DATA: &str = "_kDartVmSnapshotData";
pub const VM_INSTRUCTIONS: &str = "_kDartVmSnapshotInstructions";
pub const ISOLATE_DATA: &str = "_kDartIsolateSnapshotData";
pub const ISOLATE_INSTRUCTIONS: &str = "_kDartIsolateSnapshotInstructions";

/// Segments start on page boundaries, so each can be mapped with its own protection.
pub const PAGE: usize = 4096;
/// Alignment of each blob inside its section.
const BLOB_ALIGN: usize = 64;

fn align(n: usize, a: usize) -> usize {
    n.div_ceil(a) * a
}

/// Where the blobs go: offsets relative to their section.
struct Layout {
    rodata: Vec<u8>,
    text: Vec<u8>,
    /// (symbol, offset in section, size, is_text)
    symbols: [(&'static str, usize, usize, bool); 4],
}

fn layout(image: &SnapshotImage) -> Layout {
    let mut rodata = image.vm_data.clone();
    let iso_data_at = align(rodata.len(), BLOB_ALIGN);
    rodata.resize(iso_data_at, 0);
    rodata.extend_from_slice(&image.isolate_data);
    let mut text = image.vm_instructions.clone();
    let iso_text_at = align(text.len(), BLOB_ALIGN);
    text.resize(iso_text_at, 0xcc);
    text.extend_from_slice(&image.isolate_instructions);
    Layout {
        rodata,
        text,
        symbols: [
            (VM_DATA, 0, image.vm_data.len(), false),
            (VM_INSTRUCTIONS, 0, image.vm_instructions.len(), true),
            (ISOLATE_DATA, iso_data_at, image.isolate_data.len(), false),
            (
                ISOLATE_INSTRUCTIONS,
                iso_text_at,
                image.isolate_instructions.len(),
                true,
            ),
        ],
    }
}

/// The ELF file of `image`.
pub fn write_elf(image: &SnapshotImage) -> Result<Vec<u8>, String> {
    let l = layout(image);
    let mut buf = Vec::new();
    let mut w = Writer::new(Endianness::Little, true, &mut buf);
    // Reserve: headers, .dynsym/.dynstr/.hash/.rodata (R), .text (RX), .dynamic (RW).
    w.reserve_file_header();
    w.reserve_program_headers(4);
    w.reserve_null_dynamic_symbol_index();
    let names: Vec<_> = l
        .symbols
        .iter()
        .map(|s| w.add_dynamic_string(s.0.as_bytes()))
        .collect();
    for _ in &names {
        w.reserve_dynamic_symbol_index();
    }
    let soname = w.add_dynamic_string(b"app.so");
    let dynsym_at = w.reserve_dynsym();
    let dynstr_at = w.reserve_dynstr();
    let chain_count = 1 + names.len() as u32;
    let hash_at = w.reserve_hash(3, chain_count);
    let rodata_at = w.reserve(l.rodata.len(), BLOB_ALIGN);
    let text_at = w.reserve(l.text.len(), PAGE);
    w.reserve(0, PAGE);
    const DYNAMIC_ENTRIES: usize = 7;
    let dynamic_at = w.reserve_dynamic(DYNAMIC_ENTRIES);
    let dynamic_len = w.reserved_len() - dynamic_at;
    w.reserve_null_section_index();
    let dynsym_index = w.reserve_dynsym_section_index();
    let _dynstr_index = w.reserve_dynstr_section_index();
    let _hash_index = w.reserve_hash_section_index();
    let rodata_name = w.add_section_name(b".rodata");
    let rodata_index = w.reserve_section_index();
    let text_name = w.add_section_name(b".text");
    let text_index = w.reserve_section_index();
    let _dynamic_index = w.reserve_dynamic_section_index();
    w.reserve_shstrtab_section_index();
    w.reserve_shstrtab();
    w.reserve_section_headers();

    // Write, in the same order.
    w.write_file_header(&FileHeader {
        os_abi: elf::ELFOSABI_NONE,
        abi_version: 0,
        e_type: elf::ET_DYN,
        e_machine: elf::EM_X86_64,
        e_entry: 0,
        e_flags: 0,
    })
    .map_err(|e| e.to_string())?;
    w.write_align_program_headers();
    let ro_end = (rodata_at + l.rodata.len()) as u64;
    let segment = |p_type, p_flags, at: usize, len: u64, align: usize| ProgramHeader {
        p_type,
        p_flags,
        p_offset: at as u64,
        p_vaddr: at as u64,
        p_paddr: at as u64,
        p_filesz: len,
        p_memsz: len,
        p_align: align as u64,
    };
    w.write_program_header(&segment(elf::PT_LOAD, elf::PF_R, 0, ro_end, PAGE));
    w.write_program_header(&segment(
        elf::PT_LOAD,
        elf::PF_R | elf::PF_X,
        text_at,
        l.text.len() as u64,
        PAGE,
    ));
    w.write_program_header(&segment(
        elf::PT_LOAD,
        elf::PF_R | elf::PF_W,
        dynamic_at,
        dynamic_len as u64,
        PAGE,
    ));
    w.write_program_header(&segment(
        elf::PT_DYNAMIC,
        elf::PF_R | elf::PF_W,
        dynamic_at,
        dynamic_len as u64,
        8,
    ));
    w.write_null_dynamic_symbol();
    for (&(_, offset, size, is_text), &name) in l.symbols.iter().zip(&names) {
        let (section, base, kind) = if is_text {
            (text_index, text_at, elf::STT_FUNC)
        } else {
            (rodata_index, rodata_at, elf::STT_OBJECT)
        };
        w.write_dynamic_symbol(&Sym {
            name: Some(name),
            section: Some(section),
            st_info: (elf::STB_GLOBAL << 4) | kind,
            st_other: elf::STV_DEFAULT,
            st_shndx: 0,
            st_value: (base + offset) as u64,
            st_size: size as u64,
        });
    }
    w.write_dynstr();
    let hashes: Vec<u32> = l
        .symbols
        .iter()
        .map(|s| elf::hash(s.0.as_bytes()))
        .collect();
    w.write_hash(3, chain_count, |i| {
        i.checked_sub(1)
            .and_then(|k| hashes.get(k as usize).copied())
    });
    w.write_align(BLOB_ALIGN);
    w.pad_until(rodata_at);
    w.write(&l.rodata);
    w.pad_until(text_at);
    w.write(&l.text);
    w.pad_until(dynamic_at);
    w.write_align_dynamic();
    w.write_dynamic(elf::DT_HASH, hash_at as u64);
    w.write_dynamic(elf::DT_STRTAB, dynstr_at as u64);
    w.write_dynamic(elf::DT_SYMTAB, dynsym_at as u64);
    let dynstr_len = w.dynstr_len() as u64;
    w.write_dynamic(elf::DT_STRSZ, dynstr_len);
    w.write_dynamic(elf::DT_SYMENT, 24);
    w.write_dynamic_string(elf::DT_SONAME, soname);
    w.write_dynamic(elf::DT_NULL, 0);
    w.write_shstrtab();
    w.write_null_section_header();
    w.write_dynsym_section_header(dynsym_at as u64, 1);
    w.write_dynstr_section_header(dynstr_at as u64);
    w.write_hash_section_header(hash_at as u64);
    w.write_section_header(&SectionHeader {
        name: Some(rodata_name),
        sh_type: elf::SHT_PROGBITS,
        sh_flags: elf::SHF_ALLOC.into(),
        sh_addr: rodata_at as u64,
        sh_offset: rodata_at as u64,
        sh_size: l.rodata.len() as u64,
        sh_link: 0,
        sh_info: 0,
        sh_addralign: BLOB_ALIGN as u64,
        sh_entsize: 0,
    });
    w.write_section_header(&SectionHeader {
        name: Some(text_name),
        sh_type: elf::SHT_PROGBITS,
        sh_flags: (elf::SHF_ALLOC | elf::SHF_EXECINSTR).into(),
        sh_addr: text_at as u64,
        sh_offset: text_at as u64,
        sh_size: l.text.len() as u64,
        sh_link: 0,
        sh_info: 0,
        sh_addralign: PAGE as u64,
        sh_entsize: 0,
    });
    w.write_dynamic_section_header(dynamic_at as u64);
    w.write_shstrtab_section_header();
    let _ = dynsym_index;
    Ok(buf)
}

/// A byte range of the file (offsets relative to the start of the ELF image).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    pub offset: usize,
    pub len: usize,
}

/// Where the four blobs are, checked against the file.
#[derive(Debug)]
pub struct Located {
    pub vm_data: Range,
    pub isolate_data: Range,
    /// The executable segment (mapped read+execute as a whole).
    pub text_segment: Range,
    /// Instruction blobs, relative to the start of the text segment.
    pub vm_instructions: Range,
    pub isolate_instructions: Range,
}

fn bad(what: impl std::fmt::Display) -> String {
    format!("Invalid snapshot: {what}")
}

/// Finds and checks the blobs of the ELF image `bytes`.
pub fn locate(bytes: &[u8]) -> Result<Located, String> {
    let file = ElfFile64::<Endianness>::parse(bytes)
        .map_err(|e| bad(format!("not a readable ELF64 file ({e})")))?;
    let header = file.elf_header();
    let endian = file.endian();
    if header.e_machine.get(endian) != elf::EM_X86_64 || header.e_type.get(endian) != elf::ET_DYN {
        return Err(bad("not an x86-64 shared object"));
    }
    let mut text = None;
    let mut readonly = Vec::new();
    for ph in file.elf_program_headers() {
        if ph.p_type(endian) != elf::PT_LOAD {
            continue;
        }
        let flags = ph.p_flags(endian);
        let range = file_range(bytes, ph.p_offset(endian), ph.p_filesz(endian))?;
        let vaddr = ph.p_vaddr(endian);
        if flags & elf::PF_X != 0 {
            if flags != elf::PF_R | elf::PF_X || text.is_some() {
                return Err(bad(
                    "the executable segment must be read+execute only, and one",
                ));
            }
            text = Some((vaddr, range));
        } else if flags & elf::PF_W == 0 {
            readonly.push((vaddr, range));
        }
    }
    let (text_vaddr, text_segment) = text.ok_or_else(|| bad("no executable segment"))?;
    let symbol = |name: &str| -> Result<(u64, u64), String> {
        file.dynamic_symbols()
            .find(|s| s.name() == Ok(name))
            .map(|s| (s.address(), s.size()))
            .ok_or_else(|| bad(format!("the symbol {name} is missing")))
    };
    let in_text = |name: &str| -> Result<Range, String> {
        let (addr, size) = symbol(name)?;
        sub_range(text_vaddr, text_segment.len, addr, size)
            .ok_or_else(|| bad(format!("{name} is outside the executable segment")))
    };
    let in_data = |name: &str| -> Result<Range, String> {
        let (addr, size) = symbol(name)?;
        readonly
            .iter()
            .find_map(|&(vaddr, seg)| {
                let r = sub_range(vaddr, seg.len, addr, size)?;
                Some(Range {
                    offset: seg.offset + r.offset,
                    len: r.len,
                })
            })
            .ok_or_else(|| bad(format!("{name} is outside the read-only segments")))
    };
    Ok(Located {
        vm_data: in_data(VM_DATA)?,
        isolate_data: in_data(ISOLATE_DATA)?,
        text_segment,
        vm_instructions: in_text(VM_INSTRUCTIONS)?,
        isolate_instructions: in_text(ISOLATE_INSTRUCTIONS)?,
    })
}

fn file_range(bytes: &[u8], offset: u64, len: u64) -> Result<Range, String> {
    let offset = usize::try_from(offset).map_err(|_| bad("segment offset out of range"))?;
    let len = usize::try_from(len).map_err(|_| bad("segment size out of range"))?;
    match offset.checked_add(len) {
        Some(end) if end <= bytes.len() => Ok(Range { offset, len }),
        _ => Err(bad("a segment extends past the end of the file")),
    }
}

/// `[addr, addr+size)` inside a segment at `vaddr` of `len` bytes, relative to it.
fn sub_range(vaddr: u64, len: usize, addr: u64, size: u64) -> Option<Range> {
    let start = addr.checked_sub(vaddr)?;
    let end = start.checked_add(size)?;
    (end <= len as u64).then_some(Range {
        offset: start as usize,
        len: size as usize,
    })
}
