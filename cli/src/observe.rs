//! The service flags of `dartrs run`: `--observe[=<port>[/<address>]]` and its companions,
//! parsed and checked against the mode (release builds have no VM service).

use dartrs_devtools_protocol::server::{ServiceConfig, DEFAULT_PORT};
use dartrs_devtools_protocol::types::Flag;
use std::net::IpAddr;
use std::path::PathBuf;

/// The service-related flags as given.
#[derive(Clone, Debug, Default)]
pub struct ServiceFlags {
    /// `Some("")` for a bare `--observe`.
    pub observe: Option<String>,
    pub disable_auth_codes: bool,
    pub write_service_info: Option<PathBuf>,
    pub pause_isolates_on_start: bool,
}

impl ServiceFlags {
    /// The flags given, by their command-line spelling.
    pub fn given(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if self.observe.is_some() {
            v.push("--observe");
        }
        if self.disable_auth_codes {
            v.push("--disable-service-auth-codes");
        }
        if self.write_service_info.is_some() {
            v.push("--write-service-info");
        }
        if self.pause_isolates_on_start {
            v.push("--pause-isolates-on-start");
        }
        v
    }
}

/// Port and bind address of `--observe=<port>[/<address>]` (empty: the defaults).
pub fn parse_observe(value: &str) -> Result<(u16, IpAddr), String> {
    let localhost = IpAddr::from([127, 0, 0, 1]);
    if value.is_empty() {
        return Ok((DEFAULT_PORT, localhost));
    }
    let (port, address) = match value.split_once('/') {
        Some((p, a)) => (p, Some(a)),
        None => (value, None),
    };
    let port = port
        .parse::<u16>()
        .map_err(|_| format!("--observe: '{port}' is not a port number (0-65535)"))?;
    let address = match address {
        Some(a) => a
            .trim_matches(|c| c == '[' || c == ']')
            .parse::<IpAddr>()
            .map_err(|_| format!("--observe: '{a}' is not an IP address"))?,
        None => localhost,
    };
    Ok((port, address))
}

/// The service configuration for a run, or `None` without `--observe`.
pub fn service_config(flags: &ServiceFlags) -> Result<Option<ServiceConfig>, String> {
    let Some(value) = &flags.observe else {
        if let Some(flag) = flags.given().first() {
            return Err(format!("{flag} needs --observe (the VM service is off)"));
        }
        return Ok(None);
    };
    let (port, address) = parse_observe(value)?;
    Ok(Some(ServiceConfig {
        port,
        address,
        auth_codes: !flags.disable_auth_codes,
        ..ServiceConfig::default()
    }))
}

/// A `getFlagList` entry.
pub fn flag(name: &str, comment: &str, value: impl ToString, modified: bool) -> Flag {
    Flag {
        name: name.into(),
        comment: comment.into(),
        modified,
        value_as_string: Some(value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observe_values() {
        let localhost = IpAddr::from([127, 0, 0, 1]);
        assert_eq!(parse_observe(""), Ok((8181, localhost)));
        assert_eq!(parse_observe("0"), Ok((0, localhost)));
        assert_eq!(
            parse_observe("9000/0.0.0.0"),
            Ok((9000, IpAddr::from([0, 0, 0, 0])))
        );
        assert_eq!(
            parse_observe("9000/[::1]"),
            Ok((9000, "::1".parse().expect("ip")))
        );
        assert!(parse_observe("abc").is_err());
        assert!(parse_observe("70000").is_err());
        assert!(parse_observe("80/nohost").is_err());
    }

    #[test]
    fn companions_need_observe() {
        let flags = ServiceFlags {
            pause_isolates_on_start: true,
            ..ServiceFlags::default()
        };
        assert_eq!(
            service_config(&flags).unwrap_err(),
            "--pause-isolates-on-start needs --observe (the VM service is off)"
        );
        assert!(service_config(&ServiceFlags::default())
            .expect("ok")
            .is_none());
    }
}
