//! Deterministic pseudo-random numbers and the id formats built from them.
//!
//! Sample data must be identical on every run, so everything random in the
//! emulator flows from a seeded SplitMix64 generator rather than the OS.

use std::sync::atomic::{AtomicU64, Ordering};

/// A small, fast, seedable generator (SplitMix64). Not for cryptography.
#[derive(Clone, Debug)]
pub(crate) struct IdGen {
    state: u64,
}

impl IdGen {
    /// A generator whose whole output is fixed by `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        IdGen { state: seed }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.state)
    }

    /// A value in `0..n` (0 when `n` is 0). The modulo bias is irrelevant
    /// for sample data.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// A random (version 4) UUID in its canonical lowercase form.
    pub(crate) fn uuid(&mut self) -> String {
        let hi = (self.next_u64() & 0xFFFF_FFFF_FFFF_0FFF) | 0x4000;
        let lo = (self.next_u64() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            hi >> 32,
            (hi >> 16) & 0xFFFF,
            hi & 0xFFFF,
            lo >> 48,
            lo & 0xFFFF_FFFF_FFFF
        )
    }

    /// A 24-hex-digit id, the shape of a MongoDB ObjectId (used by Alteryx).
    pub(crate) fn object_id(&mut self) -> String {
        format!(
            "{:016x}{:08x}",
            self.next_u64(),
            self.next_u64() & 0xFFFF_FFFF
        )
    }

    /// `n` lowercase hex digits.
    pub(crate) fn hex(&mut self, n: usize) -> String {
        let mut out = String::with_capacity(n + 16);
        while out.len() < n {
            out.push_str(&format!("{:016x}", self.next_u64()));
        }
        out.truncate(n);
        out
    }
}

/// The SplitMix64 output function.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A fresh random hex string for per-response identifiers (Spotnana's
/// `debugIdentifier`). These are meant to differ between responses, so they
/// mix a process-wide counter with the clock instead of a fixed seed.
pub(crate) fn debug_identifier() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let seed = mix(n ^ (crate::clock::now_millis() as u64).rotate_left(20));
    IdGen::new(seed).hex(32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_determinism() {
        let mut a = IdGen::new(7);
        let mut b = IdGen::new(7);
        let u = a.uuid();
        assert_eq!(u, b.uuid());
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
        let o = a.object_id();
        assert_eq!(o.len(), 24);
        assert!(o.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(a.hex(40).len(), 40);
        assert_ne!(debug_identifier(), debug_identifier());
    }
}
