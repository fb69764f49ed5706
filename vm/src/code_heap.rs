//! The code heap: one reserved region of machine code that the VM owns.
//!
//! W^X is kept by mapping the same memory twice: a read+execute view where code runs and
//! a read+write view where the compiler copies freshly assembled functions. No virtual
//! page is ever writable and executable at once, and installing code never changes the
//! protection of a page another thread may be executing. Code never moves once installed,
//! so return addresses of live frames stay valid (functions are assembled separately with
//! `VecAssembler` and copied in, see DESIGN.md decision 2).

use std::io;
use std::ptr::NonNull;

/// Alignment of each installed function (a cache line, as compilers usually do).
const CODE_ALIGN: usize = 32;

pub struct CodeHeap {
    exec: NonNull<u8>,
    write: NonNull<u8>,
    capacity: usize,
    used: usize,
}

// SAFETY: the two views are plain memory owned by this struct; mutation happens only
// through `&mut self`, so moving the heap across threads is sound.
unsafe impl Send for CodeHeap {}

impl CodeHeap {
    /// Reserves `capacity` bytes (rounded up to pages) of code space.
    pub fn new(capacity: usize) -> io::Result<CodeHeap> {
        let page = page_size();
        let capacity = capacity.div_ceil(page) * page;
        // SAFETY: memfd_create with a valid NUL-terminated name; the fd is checked.
        let fd = unsafe { libc::memfd_create(c"dartrs-code".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let result = Self::map_views(fd, capacity);
        // SAFETY: fd is a descriptor we own; the mappings keep the memory alive.
        unsafe { libc::close(fd) };
        let (exec, write) = result?;
        Ok(CodeHeap {
            exec,
            write,
            capacity,
            used: 0,
        })
    }

    fn map_views(fd: i32, capacity: usize) -> io::Result<(NonNull<u8>, NonNull<u8>)> {
        // SAFETY: fd refers to a memfd we just created.
        if unsafe { libc::ftruncate(fd, capacity as libc::off_t) } != 0 {
            return Err(io::Error::last_os_error());
        }
        let exec = map_shared(fd, capacity, libc::PROT_READ | libc::PROT_EXEC)?;
        match map_shared(fd, capacity, libc::PROT_READ | libc::PROT_WRITE) {
            Ok(write) => Ok((exec, write)),
            Err(e) => {
                // SAFETY: `exec` was mapped above with exactly this length.
                unsafe { libc::munmap(exec.as_ptr().cast(), capacity) };
                Err(e)
            }
        }
    }

    /// Copies `code` into the heap and returns the address it will execute at.
    /// `code` must be position-independent (no absolute addresses into itself).
    pub fn install(&mut self, code: &[u8]) -> Result<*const u8, CodeHeapFull> {
        let start = self.used.div_ceil(CODE_ALIGN) * CODE_ALIGN;
        let end = start.checked_add(code.len()).ok_or(CodeHeapFull)?;
        if end > self.capacity {
            return Err(CodeHeapFull);
        }
        // SAFETY: [start, end) lies inside the writable view and no installed code
        // overlaps it (we only ever append), so nothing executes these bytes yet.
        unsafe {
            std::ptr::copy_nonoverlapping(
                code.as_ptr(),
                self.write.as_ptr().add(start),
                code.len(),
            );
        }
        self.used = end;
        // SAFETY: start < capacity, inside the executable view.
        Ok(unsafe { self.exec.as_ptr().add(start) })
    }

    /// Whether `pc` points into installed code.
    pub fn contains(&self, pc: usize) -> bool {
        let base = self.exec.as_ptr() as usize;
        pc >= base && pc < base + self.used
    }

    pub fn used(&self) -> usize {
        self.used
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }
}

impl Drop for CodeHeap {
    fn drop(&mut self) {
        // SAFETY: both views were mapped with `capacity` bytes and are unmapped once.
        unsafe {
            libc::munmap(self.exec.as_ptr().cast(), self.capacity);
            libc::munmap(self.write.as_ptr().cast(), self.capacity);
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeHeapFull;

impl std::fmt::Display for CodeHeapFull {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the code heap is full")
    }
}

fn map_shared(fd: i32, len: usize, prot: i32) -> io::Result<NonNull<u8>> {
    // SAFETY: a fresh shared mapping of our own memfd; the result is checked.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, libc::MAP_SHARED, fd, 0) };
    if p == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    NonNull::new(p.cast()).ok_or_else(|| io::Error::other("mmap returned null"))
}

fn page_size() -> usize {
    // SAFETY: sysconf has no preconditions.
    let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    if p > 0 {
        p as usize
    } else {
        4096
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installed_code_runs() {
        let mut heap = CodeHeap::new(1 << 16).expect("code heap");
        // mov eax, 42; ret
        let code = [0xb8, 42, 0, 0, 0, 0xc3];
        let entry = heap.install(&code).expect("room");
        // SAFETY: `entry` points at the bytes above, a complete sysv function.
        let f: extern "sysv64" fn() -> u32 = unsafe { std::mem::transmute(entry) };
        assert_eq!(f(), 42);
        assert!(heap.contains(entry as usize));
    }

    #[test]
    fn no_view_is_writable_and_executable() {
        let heap = CodeHeap::new(1 << 16).expect("code heap");
        let maps = std::fs::read_to_string("/proc/self/maps").expect("maps");
        for line in maps.lines().filter(|l| l.contains("dartrs-code")) {
            let perms = line.split_whitespace().nth(1).unwrap_or("");
            assert!(
                !(perms.contains('w') && perms.contains('x')),
                "W+X mapping: {line}"
            );
        }
        drop(heap);
    }

    #[test]
    fn full_heap_is_an_error() {
        let mut heap = CodeHeap::new(4096).expect("code heap");
        assert!(heap.install(&vec![0xc3; 8192]).is_err());
    }
}
