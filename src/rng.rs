//! The one source of randomness. Every draw goes through an [`Rng`] that the caller seeds and
//! passes in explicitly; nothing random is hidden in a global.
//!
//! PCG32 (from `rand_pcg`) is small, fast and fully specified; uniform draws use `rand`'s
//! samplers, and normal draws are Box–Muller through `libm` (a few lines here, instead of
//! `rand_distr`'s ziggurat tables, which were about 4 KB of the wasm): the same seed gives the
//! same numbers natively and in wasm, bit for bit.

use rand::RngExt as _;
use rand_core::SeedableRng;

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

/// A draw from a normal distribution with the given mean and standard deviation, by the
/// Box–Muller transform: with `u1` uniform in (0, 1] and `u2` in [0, 1),
/// `√(−2 ln u1) · cos(2π u2)` is standard normal. Only the cosine half is used, so a draw is
/// always two uniforms and needs no state. With 24-bit uniforms the largest magnitude is
/// √(2 · 24 ln 2) ≈ 5.8 standard deviations (a tail of about 10⁻⁸ is cut off).
pub fn normal(rng: &mut Rng, mean: f32, std_dev: f32) -> f32 {
    let u1 = 1.0 - rng.random::<f32>();
    let u2 = rng.random::<f32>();
    let radius = (-2.0 * libm::logf(u1)).sqrt();
    mean + std_dev * radius * libm::cosf(core::f32::consts::TAU * u2)
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
    fn normal_draws_have_the_moments_of_a_normal() {
        let mut r = seeded(5, Stream::Init);
        let n = 200_000;
        let xs: Vec<f64> = (0..n)
            .map(|_| f64::from(normal(&mut r, 1.0, 2.0)))
            .collect();
        let mean = xs.iter().sum::<f64>() / f64::from(n);
        let moment =
            |k: i32| xs.iter().map(|x| ((x - mean) / 2.0).powi(k)).sum::<f64>() / f64::from(n);
        assert!((mean - 1.0).abs() < 0.02, "mean {mean}");
        assert!((moment(2) - 1.0).abs() < 0.02, "variance {}", moment(2));
        assert!(moment(3).abs() < 0.03, "skewness {}", moment(3));
        assert!((moment(4) - 3.0).abs() < 0.08, "kurtosis {}", moment(4));
        let beyond_two = xs.iter().filter(|x| ((*x - 1.0) / 2.0).abs() > 2.0).count();
        let share = beyond_two as f64 / f64::from(n);
        assert!((share - 0.0455).abs() < 0.003, "share beyond 2 sd {share}");
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
