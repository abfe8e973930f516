//! The one source of randomness. Every draw goes through an [`Rng`] that the caller seeds and
//! passes in explicitly; nothing random is hidden in a global.
//!
//! PCG32 (from `rand_pcg`) is small, fast and fully specified, and `rand_distr` is built
//! without `std_math`, so it computes through `libm`: the same seed gives the same numbers
//! natively and in wasm, bit for bit.

use rand::RngExt as _;
use rand_core::SeedableRng;
use rand_distr::{Distribution, StandardNormal};

/// The generator type used everywhere in the core.
pub type Rng = rand_pcg::Pcg32;

/// A generator for `seed` and a named stream, so that (for example) weight initialisation and
/// mini-batch order draw from independent sequences of the same seed.
pub fn seeded(seed: u64, stream: Stream) -> Rng {
    rand_pcg::Pcg32::new(seed, stream as u64)
}

/// Independent random streams derived from one seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Initial weights and biases.
    Init = 1,
    /// Mini-batch order during training.
    Batches = 2,
    /// Data set generation (points, noise, train/test split).
    Data = 3,
}

/// A uniform draw from `[low, high)`.
pub fn uniform(rng: &mut Rng, low: f32, high: f32) -> f32 {
    low + (high - low) * rng.random::<f32>()
}

/// A draw from a normal distribution with the given mean and standard deviation.
pub fn normal(rng: &mut Rng, mean: f32, std_dev: f32) -> f32 {
    let z: f32 = StandardNormal.sample(rng);
    mean + std_dev * z
}

/// A uniform whole number in `0..n` (`n` must be at least 1).
pub fn index(rng: &mut Rng, n: usize) -> usize {
    debug_assert!(n > 0);
    rng.random_range(0..n)
}

/// Keep `SeedableRng` in scope for callers that want `Rng::seed_from_u64`.
pub fn from_u64(seed: u64) -> Rng {
    Rng::seed_from_u64(seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers_and_streams_differ() {
        let mut a = seeded(7, Stream::Init);
        let mut b = seeded(7, Stream::Init);
        let mut c = seeded(7, Stream::Batches);
        let xs: Vec<f32> = (0..8).map(|_| normal(&mut a, 0.0, 1.0)).collect();
        let ys: Vec<f32> = (0..8).map(|_| normal(&mut b, 0.0, 1.0)).collect();
        let zs: Vec<f32> = (0..8).map(|_| normal(&mut c, 0.0, 1.0)).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn uniform_stays_in_range() {
        let mut r = seeded(1, Stream::Data);
        for _ in 0..10_000 {
            let u = uniform(&mut r, -0.5, 0.5);
            assert!((-0.5..0.5).contains(&u));
        }
        for _ in 0..1000 {
            assert!(index(&mut r, 3) < 3);
        }
    }
}
