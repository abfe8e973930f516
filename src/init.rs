//! Weight initialisation schemes (SCIENCE.md, "He (Kaiming) init" and "Xavier (Glorot) init").

use crate::error::{Result, parse_name};
use crate::rng::{self, Rng};

/// How the weights of a layer are drawn at initialisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Init {
    /// He normal: N(0, 2/fan_in), or 2/((1 + a²) fan_in) for a leaky slope a.
    HeNormal,
    /// He uniform: U(±√(6/fan_in)), likewise scaled for a leaky slope.
    HeUniform,
    /// Xavier/Glorot normal: N(0, 2/(fan_in + fan_out)).
    XavierNormal,
    /// Xavier/Glorot uniform: U(±√(6/(fan_in + fan_out))).
    XavierUniform,
    /// N(0, 1), whatever the layer size: activations explode with depth.
    StandardNormal,
    /// U(−0.5, 0.5), TensorFlow Playground's choice.
    Uniform,
    /// All weights 0: every unit of a layer computes the same thing forever.
    Zeros,
}

/// Every scheme with its name, in the order the page lists them.
pub const INIT_NAMES: &[(&str, Init)] = &[
    ("he-normal", Init::HeNormal),
    ("he-uniform", Init::HeUniform),
    ("xavier-normal", Init::XavierNormal),
    ("xavier-uniform", Init::XavierUniform),
    ("normal", Init::StandardNormal),
    ("uniform", Init::Uniform),
    ("zeros", Init::Zeros),
];

impl Init {
    /// Parse a name from [`INIT_NAMES`].
    pub fn parse(name: &str) -> Result<Self> {
        parse_name("init", name, INIT_NAMES)
    }

    /// The name as the JS API spells it.
    pub fn name(self) -> &'static str {
        INIT_NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("he-normal", |(n, _)| n)
    }

    /// Draw one weight for a layer with `fan_in` inputs and `fan_out` units. `leaky_slope` is
    /// the negative slope of the layer's activation (0 for ReLU), used by He init.
    pub fn draw(self, rng: &mut Rng, fan_in: usize, fan_out: usize, leaky_slope: f32) -> f32 {
        let fan_in = fan_in as f32;
        let fan_sum = fan_in + fan_out as f32;
        let he_gain = 2.0 / (1.0 + leaky_slope * leaky_slope);
        match self {
            Init::HeNormal => rng::normal(rng, 0.0, (he_gain / fan_in).sqrt()),
            Init::HeUniform => {
                let limit = (3.0 * he_gain / fan_in).sqrt();
                rng::uniform(rng, -limit, limit)
            }
            Init::XavierNormal => rng::normal(rng, 0.0, (2.0 / fan_sum).sqrt()),
            Init::XavierUniform => {
                let limit = (6.0 / fan_sum).sqrt();
                rng::uniform(rng, -limit, limit)
            }
            Init::StandardNormal => rng::normal(rng, 0.0, 1.0),
            Init::Uniform => rng::uniform(rng, -0.5, 0.5),
            Init::Zeros => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Stream, seeded};

    fn sample_variance(init: Init, fan_in: usize, fan_out: usize) -> f64 {
        let mut rng = seeded(3, Stream::Init);
        let n = 200_000;
        let xs: Vec<f64> = (0..n)
            .map(|_| f64::from(init.draw(&mut rng, fan_in, fan_out, 0.0)))
            .collect();
        let mean = xs.iter().sum::<f64>() / n as f64;
        xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / n as f64
    }

    #[test]
    fn variances_match_the_formulas() {
        let close = |got: f64, want: f64| (got - want).abs() < 0.02 * want;
        assert!(close(sample_variance(Init::HeNormal, 8, 4), 2.0 / 8.0));
        assert!(close(sample_variance(Init::HeUniform, 8, 4), 2.0 / 8.0));
        assert!(close(sample_variance(Init::XavierNormal, 8, 4), 2.0 / 12.0));
        assert!(close(
            sample_variance(Init::XavierUniform, 8, 4),
            2.0 / 12.0
        ));
        assert!(close(sample_variance(Init::StandardNormal, 8, 4), 1.0));
        assert!(close(sample_variance(Init::Uniform, 8, 4), 1.0 / 12.0));
        assert_eq!(sample_variance(Init::Zeros, 8, 4), 0.0);
    }

    #[test]
    fn names_round_trip() {
        for (name, init) in INIT_NAMES {
            assert_eq!(Init::parse(name).unwrap(), *init);
            assert_eq!(init.name(), *name);
        }
        assert!(
            Init::parse("kaiming")
                .unwrap_err()
                .message
                .contains("he-normal")
        );
    }
}
