//! Natives behind `DateTime`'s local time zone: the OS's offset from UTC and the zone's
//! abbreviation at an instant, read with `localtime_r` as the Dart VM does.
//!
//! Everything else about `DateTime` (calendar arithmetic, parsing, formatting) is Dart code
//! in `corelib/date_time.dart`. The Dart side maps instants outside the 32-bit `time_t`
//! range to an equivalent year before asking, so the seconds passed here are always within
//! ±2^31; anything `localtime_r` cannot convert reads as UTC (offset 0, empty name), which
//! is also what the VM reports.

use super::{int_of, iso, new_int, NResult, NativeArgs, NativeError, NativeRegistry, ThrowArg};
use crate::runtime::entries::new_string;

/// The local time zone's view of `seconds` since the epoch: its offset east of UTC in
/// seconds and its abbreviation (`CET`, `PDT`, ...), or `None` when the OS cannot convert it.
fn local_zone_at(seconds: i64) -> Option<(i64, String)> {
    let time = libc::time_t::try_from(seconds).ok()?;
    // SAFETY: `tm` is plain old data for which all-zero bytes are a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are to live locals of the right types; `localtime_r` writes only
    // to `tm` and is thread-safe.
    let converted = unsafe { libc::localtime_r(&time, &mut tm) };
    if converted.is_null() {
        return None;
    }
    let name = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: a non-null `tm_zone` from `localtime_r` points to a NUL-terminated string
        // owned by the C library's time zone data, which lives as long as the process.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    Some((tm.tm_gmtoff as i64, name))
}

/// The seconds argument of a time zone native: an int within the 32-bit `time_t` range
/// (the Dart caller guarantees it; anything else is an `ArgumentError` as in the VM).
fn clamped_seconds(a: &NativeArgs) -> Result<i64, NativeError> {
    match int_of(a.get(0)) {
        Some(s) if s.unsigned_abs() <= i32::MAX as u64 => Ok(s),
        _ => Err(NativeError::Throw {
            entry_point: "_throwArgumentError",
            args: vec![
                ThrowArg::Value(a.get(0)),
                ThrowArg::Str("secondsSinceEpoch".to_string()),
                ThrowArg::Null,
            ],
        }),
    }
}

pub fn register(r: &mut NativeRegistry) {
    r.add("DateTime_localOffsetSeconds", |p, a| -> NResult {
        let seconds = clamped_seconds(a)?;
        let offset = local_zone_at(seconds).map_or(0, |(offset, _)| offset);
        Ok(new_int(iso(p), offset))
    });
    r.add("DateTime_localZoneName", |p, a| -> NResult {
        let seconds = clamped_seconds(a)?;
        let name = local_zone_at(seconds).map_or_else(String::new, |(_, name)| name);
        Ok(new_string(iso(p), &name))
    });
}

#[cfg(test)]
mod tests {
    use super::local_zone_at;

    /// Whatever the machine's zone, offsets are whole minutes within a day of UTC and every
    /// representable 32-bit instant converts.
    #[test]
    fn local_zone_offsets_are_plausible() {
        for seconds in [0i64, 1_700_000_000, -2_000_000_000, i32::MAX as i64] {
            let (offset, _) = local_zone_at(seconds).expect("localtime_r converts");
            assert!(offset.abs() < 86_400, "offset {offset} at {seconds}");
        }
    }
}
