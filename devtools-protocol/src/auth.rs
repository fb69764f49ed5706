//! The auth code in the service URI: a random token that a client must know before the
//! server answers anything (a local web page cannot guess it). The Dart VM uses 8 random
//! bytes encoded as URL-safe base64 with padding, so URIs look alike.

use base64::Engine;
use std::io::Read;

/// Bytes of entropy in an auth code (as the Dart VM).
pub const AUTH_CODE_BYTES: usize = 8;

/// A fresh auth code from the operating system's random source.
pub fn new_auth_code() -> std::io::Result<String> {
    let mut bytes = [0u8; AUTH_CODE_BYTES];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(base64::engine::general_purpose::URL_SAFE.encode(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_are_url_safe_and_differ() {
        let a = super::new_auth_code().expect("urandom");
        let b = super::new_auth_code().expect("urandom");
        assert_eq!(a.len(), 12);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '='));
        assert_ne!(a, b);
    }
}
