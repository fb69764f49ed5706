//! The event streams a client can subscribe to with `streamListen`, and a lock-free set of
//! them that the VM reads to skip building events nobody receives.

use std::sync::atomic::{AtomicU32, Ordering};

/// A stream of the VM Service Protocol that dartrs publishes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StreamId {
    Vm,
    Isolate,
    Debug,
    Gc,
    Extension,
    Timeline,
    Logging,
    Stdout,
    Stderr,
}

impl StreamId {
    pub const ALL: [StreamId; 9] = [
        StreamId::Vm,
        StreamId::Isolate,
        StreamId::Debug,
        StreamId::Gc,
        StreamId::Extension,
        StreamId::Timeline,
        StreamId::Logging,
        StreamId::Stdout,
        StreamId::Stderr,
    ];

    /// The id as the protocol spells it (`streamListen`'s `streamId`).
    pub fn name(self) -> &'static str {
        match self {
            StreamId::Vm => "VM",
            StreamId::Isolate => "Isolate",
            StreamId::Debug => "Debug",
            StreamId::Gc => "GC",
            StreamId::Extension => "Extension",
            StreamId::Timeline => "Timeline",
            StreamId::Logging => "Logging",
            StreamId::Stdout => "Stdout",
            StreamId::Stderr => "Stderr",
        }
    }

    pub fn from_name(name: &str) -> Option<StreamId> {
        StreamId::ALL.into_iter().find(|s| s.name() == name)
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// Which streams have at least one subscriber (shared by the server and the VM).
#[derive(Debug, Default)]
pub struct StreamSet(AtomicU32);

impl StreamSet {
    pub fn contains(&self, s: StreamId) -> bool {
        self.0.load(Ordering::Relaxed) & s.bit() != 0
    }

    pub fn set(&self, s: StreamId, on: bool) {
        if on {
            self.0.fetch_or(s.bit(), Ordering::Relaxed);
        } else {
            self.0.fetch_and(!s.bit(), Ordering::Relaxed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in StreamId::ALL {
            assert_eq!(StreamId::from_name(s.name()), Some(s));
        }
        assert_eq!(StreamId::from_name("gc"), None);
    }

    #[test]
    fn set_tracks_streams() {
        let set = StreamSet::default();
        set.set(StreamId::Gc, true);
        set.set(StreamId::Stdout, true);
        set.set(StreamId::Gc, false);
        assert!(!set.contains(StreamId::Gc));
        assert!(set.contains(StreamId::Stdout));
    }
}
