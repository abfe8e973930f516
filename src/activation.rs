//! Activation functions, each value beside its derivative.
//!
//! Every function is evaluated through `libm`, so the numbers are the same natively and in
//! wasm, and each one is written to stay finite for every finite input (|x| up to 1e30 and
//! beyond): the sigmoid never computes `exp` of a large positive number, softplus uses
//! `max(x, 0) + ln1p(e^-|x|)`, and the GELU tanh form short-cuts where `tanh` is already ±1.

use crate::error::{InputError, Result, check_f32_range, parse_name};

/// Allowed negative slopes of leaky ReLU.
pub const LEAKY_SLOPE_RANGE: (f64, f64) = (0.0, 1.0);
/// Allowed ELU α.
pub const ELU_ALPHA_RANGE: (f64, f64) = (1e-3, 10.0);
/// Allowed PReLU slopes a, where set by hand.
pub const PRELU_SLOPE_RANGE: (f64, f64) = (-10.0, 10.0);
/// The most points of one plotted curve (one `activationCurve` call).
pub const MAX_CURVE_POINTS: usize = 100_000;
/// The most evaluations of one timing run (one `activationWorkload` call).
pub const MAX_WORKLOAD: usize = 10_000_000;

/// The derivative used for ReLU at exactly `x = 0`, where the one-sided derivatives are
/// 0 (left) and 1 (right). Any value in [0, 1] is a valid subgradient.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReluAtZero {
    /// 0, as PyTorch, TensorFlow and JAX use.
    #[default]
    Zero,
    /// 1/2, the mean of the one-sided derivatives.
    Half,
    /// 1, the right-hand derivative.
    One,
}

impl ReluAtZero {
    /// The derivative value this convention gives at 0.
    pub fn value(self) -> f32 {
        match self {
            ReluAtZero::Zero => 0.0,
            ReluAtZero::Half => 0.5,
            ReluAtZero::One => 1.0,
        }
    }

    /// Parse 0, 0.5 or 1.
    pub fn from_value(field: &str, value: f64) -> Result<Self> {
        match value {
            0.0 => Ok(ReluAtZero::Zero),
            0.5 => Ok(ReluAtZero::Half),
            1.0 => Ok(ReluAtZero::One),
            _ => Err(InputError::new(
                field,
                format!("must be 0, 0.5 or 1, got {}", crate::error::number(value)),
            )),
        }
    }
}

/// The names of the activations, as the JS API and the page spell them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivationKind {
    /// max(0, x)
    Relu,
    /// x for x > 0, αx otherwise
    LeakyRelu,
    /// max(0, x) + a·min(0, x), with a learnable slope a per unit
    Prelu,
    /// x for x > 0, α(e^x − 1) otherwise
    Elu,
    /// min(max(0, x), 6): ReLU capped at 6 (Krizhevsky 2010)
    Relu6,
    /// x·Φ(x), exact erf form
    Gelu,
    /// GELU, tanh approximation
    GeluTanh,
    /// x·σ(x)
    Silu,
    /// ln(1 + e^x)
    Softplus,
    /// 1/(1 + e^−x)
    Sigmoid,
    /// tanh(x)
    Tanh,
    /// x
    Linear,
}

/// Every activation with its name, in the order the page lists them.
pub const ACTIVATION_NAMES: &[(&str, ActivationKind)] = &[
    ("relu", ActivationKind::Relu),
    ("leaky-relu", ActivationKind::LeakyRelu),
    ("prelu", ActivationKind::Prelu),
    ("elu", ActivationKind::Elu),
    ("relu6", ActivationKind::Relu6),
    ("gelu", ActivationKind::Gelu),
    ("gelu-tanh", ActivationKind::GeluTanh),
    ("silu", ActivationKind::Silu),
    ("softplus", ActivationKind::Softplus),
    ("sigmoid", ActivationKind::Sigmoid),
    ("tanh", ActivationKind::Tanh),
    ("linear", ActivationKind::Linear),
];

impl ActivationKind {
    /// Parse a name from [`ACTIVATION_NAMES`]; the error lists the allowed names.
    pub fn parse(field: &str, name: &str) -> Result<Self> {
        parse_name(field, name, ACTIVATION_NAMES)
    }

    /// The name as the JS API spells it.
    pub fn name(self) -> &'static str {
        ACTIVATION_NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("relu", |(n, _)| n)
    }

    /// True for ReLU and ReLU6: a unit that is never active passes no gradient at all, so it
    /// is "dead" rather than merely "inactive".
    pub fn can_die(self) -> bool {
        matches!(self, ActivationKind::Relu | ActivationKind::Relu6)
    }
}

/// Options of the parametrised activations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActivationOptions {
    /// Leaky ReLU's negative slope α (default 0.01); also PReLU's initial slope when used
    /// through [`Activation::with_options`].
    pub leaky_slope: f32,
    /// ELU's α (default 1).
    pub elu_alpha: f32,
    /// ReLU'(0) convention (default 0).
    pub relu_at_zero: ReluAtZero,
}

impl Default for ActivationOptions {
    fn default() -> Self {
        Self {
            leaky_slope: 0.01,
            elu_alpha: 1.0,
            relu_at_zero: ReluAtZero::Zero,
        }
    }
}

impl ActivationOptions {
    /// Check the ranges: slope in [0, 1], α in (0, 10].
    pub fn validate(&self) -> Result<()> {
        check_f32_range("slope", self.leaky_slope, LEAKY_SLOPE_RANGE)?;
        check_f32_range("eluAlpha", self.elu_alpha, ELU_ALPHA_RANGE)?;
        Ok(())
    }
}

/// One activation function with its parameters, ready to evaluate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Activation {
    /// max(0, x); derivative at 0 by convention.
    Relu(ReluAtZero),
    /// Leaky ReLU with negative slope α.
    LeakyRelu(f32),
    /// PReLU with the unit's current slope a.
    Prelu(f32),
    /// ELU with α.
    Elu(f32),
    /// ReLU6, min(max(0, x), 6); derivative at 0 by the ReLU convention, 0 at 6.
    Relu6(ReluAtZero),
    /// GELU, exact erf form.
    Gelu,
    /// GELU, tanh approximation.
    GeluTanh,
    /// SiLU (swish with β = 1).
    Silu,
    /// Softplus.
    Softplus,
    /// Logistic sigmoid.
    Sigmoid,
    /// Hyperbolic tangent.
    Tanh,
    /// Identity.
    Linear,
}

const SQRT_2: f32 = core::f32::consts::SQRT_2;
/// 1/√(2π), the peak of the standard normal density.
const INV_SQRT_2PI: f32 = 0.398_942_3;
/// √(2/π), the scale inside the GELU tanh approximation.
const SQRT_2_OVER_PI: f32 = 0.797_884_6;
const GELU_CUBIC: f32 = 0.044_715;
/// Where ReLU6 stops growing.
pub const RELU6_CAP: f32 = 6.0;

impl Activation {
    /// The activation `kind` with the given options (PReLU starts at slope `leaky_slope`).
    pub fn with_options(kind: ActivationKind, options: &ActivationOptions) -> Self {
        match kind {
            ActivationKind::Relu => Activation::Relu(options.relu_at_zero),
            ActivationKind::LeakyRelu => Activation::LeakyRelu(options.leaky_slope),
            ActivationKind::Prelu => Activation::Prelu(options.leaky_slope),
            ActivationKind::Elu => Activation::Elu(options.elu_alpha),
            ActivationKind::Relu6 => Activation::Relu6(options.relu_at_zero),
            ActivationKind::Gelu => Activation::Gelu,
            ActivationKind::GeluTanh => Activation::GeluTanh,
            ActivationKind::Silu => Activation::Silu,
            ActivationKind::Softplus => Activation::Softplus,
            ActivationKind::Sigmoid => Activation::Sigmoid,
            ActivationKind::Tanh => Activation::Tanh,
            ActivationKind::Linear => Activation::Linear,
        }
    }

    /// f(x)
    pub fn value(self, x: f32) -> f32 {
        match self {
            Activation::Relu(_) => {
                if x > 0.0 {
                    x
                } else {
                    0.0
                }
            }
            Activation::LeakyRelu(slope) | Activation::Prelu(slope) => {
                if x > 0.0 {
                    x
                } else {
                    slope * x
                }
            }
            Activation::Elu(alpha) => {
                if x > 0.0 {
                    x
                } else {
                    alpha * libm::expm1f(x)
                }
            }
            Activation::Relu6(_) => x.clamp(0.0, RELU6_CAP),
            Activation::Gelu => 0.5 * x * (1.0 + libm::erff(x / SQRT_2)),
            Activation::GeluTanh => 0.5 * x * (1.0 + gelu_tanh_inner(x)),
            Activation::Silu => x * sigmoid(x),
            Activation::Softplus => softplus(x),
            Activation::Sigmoid => sigmoid(x),
            Activation::Tanh => libm::tanhf(x),
            Activation::Linear => x,
        }
    }

    /// f'(x)
    pub fn derivative(self, x: f32) -> f32 {
        match self {
            Activation::Relu(at_zero) => {
                if x > 0.0 {
                    1.0
                } else if x < 0.0 {
                    0.0
                } else {
                    at_zero.value()
                }
            }
            Activation::LeakyRelu(slope) | Activation::Prelu(slope) => {
                if x > 0.0 {
                    1.0
                } else {
                    slope
                }
            }
            Activation::Elu(alpha) => {
                if x > 0.0 {
                    1.0
                } else {
                    alpha * libm::expf(x)
                }
            }
            // 1 on the open interval (0, 6); at 0 the ReLU convention, at 6 the flat side's 0.
            Activation::Relu6(at_zero) => {
                if x > 0.0 && x < RELU6_CAP {
                    1.0
                } else if x == 0.0 {
                    at_zero.value()
                } else {
                    0.0
                }
            }
            // Φ(x) + x·φ(x); for huge |x| the density underflows to 0 before x·0 is formed.
            Activation::Gelu => {
                let cdf = 0.5 * (1.0 + libm::erff(x / SQRT_2));
                let density = INV_SQRT_2PI * libm::expf(-0.5 * x * x);
                if density == 0.0 {
                    cdf
                } else {
                    cdf + x * density
                }
            }
            Activation::GeluTanh => {
                // Past |x| = 10 the inner tanh is ±1 in f32, and the second term would be
                // 0·∞; the derivative is exactly the step there.
                if x.abs() > 10.0 {
                    return if x > 0.0 { 1.0 } else { 0.0 };
                }
                let t = gelu_tanh_inner(x);
                let inner_slope = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_CUBIC * x * x);
                0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * inner_slope
            }
            Activation::Silu => {
                let s = sigmoid(x);
                // σ(x) + x·σ(x)(1 − σ(x)); where σ(1 − σ) underflows, x·0 stays finite.
                let spread = s * (1.0 - s);
                if spread == 0.0 { s } else { s + x * spread }
            }
            Activation::Softplus => sigmoid(x),
            Activation::Sigmoid => {
                let s = sigmoid(x);
                s * (1.0 - s)
            }
            Activation::Tanh => {
                let t = libm::tanhf(x);
                1.0 - t * t
            }
            Activation::Linear => 1.0,
        }
    }

    /// d f / d a for PReLU's slope a: min(0, x). Zero for every other activation.
    pub fn slope_derivative(self, x: f32) -> f32 {
        match self {
            Activation::Prelu(_) if x < 0.0 => x,
            _ => 0.0,
        }
    }

    /// Apply f to a whole row: `out[i] = f(z[i])`. One match per row, not per element.
    pub fn apply_row(self, z: &[f32], out: &mut [f32]) {
        match self {
            Activation::Relu(_) => {
                for (o, &x) in out.iter_mut().zip(z) {
                    *o = if x > 0.0 { x } else { 0.0 };
                }
            }
            Activation::Linear => out.copy_from_slice(z),
            _ => {
                for (o, &x) in out.iter_mut().zip(z) {
                    *o = self.value(x);
                }
            }
        }
    }

    /// Multiply a row of upstream gradients by f'(z): `grad[i] *= f'(z[i])`.
    pub fn gate_row(self, z: &[f32], grad: &mut [f32]) {
        match self {
            Activation::Relu(at_zero) => {
                let at_zero = at_zero.value();
                for (g, &x) in grad.iter_mut().zip(z) {
                    // Written as selects (no early exits) so the loop stays branch-free.
                    let gate = if x == 0.0 { at_zero } else { 0.0 };
                    *g *= if x > 0.0 { 1.0 } else { gate };
                }
            }
            Activation::Linear => {}
            _ => {
                for (g, &x) in grad.iter_mut().zip(z) {
                    *g *= self.derivative(x);
                }
            }
        }
    }
}

/// σ(x) = 1/(1 + e^−x), evaluated so that `exp` only ever sees a non-positive argument.
pub fn sigmoid(x: f32) -> f32 {
    if x >= 0.0 {
        1.0 / (1.0 + libm::expf(-x))
    } else {
        let e = libm::expf(x);
        e / (1.0 + e)
    }
}

/// ln(1 + e^x) as max(x, 0) + ln1p(e^−|x|): no overflow for large x, no loss for small.
pub fn softplus(x: f32) -> f32 {
    x.max(0.0) + libm::log1pf(libm::expf(-x.abs()))
}

/// tanh(√(2/π)(x + 0.044715x³)), the inner term of the GELU tanh form.
fn gelu_tanh_inner(x: f32) -> f32 {
    if x.abs() > 10.0 {
        return x.signum();
    }
    libm::tanhf(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Activation> {
        let options = ActivationOptions::default();
        let mut list: Vec<Activation> = ACTIVATION_NAMES
            .iter()
            .map(|(_, kind)| Activation::with_options(*kind, &options))
            .collect();
        list.push(Activation::Prelu(0.25));
        list.push(Activation::Elu(2.0));
        list.push(Activation::Relu(ReluAtZero::Half));
        list.push(Activation::Relu6(ReluAtZero::One));
        list
    }

    #[test]
    fn finite_for_every_finite_input() {
        let xs = [
            -1e30, -3e38, -1e10, -100.0, -10.5, -1.0, -1e-30, -0.0, 0.0, 1e-30, 1.0, 10.5, 100.0,
            1e10, 1e30, 3e38,
        ];
        for f in all() {
            for &x in &xs {
                assert!(f.value(x).is_finite(), "{f:?}({x}) = {}", f.value(x));
                assert!(
                    f.derivative(x).is_finite(),
                    "{f:?}'({x}) = {}",
                    f.derivative(x)
                );
            }
        }
    }

    #[test]
    fn relu_convention_at_zero() {
        assert_eq!(Activation::Relu(ReluAtZero::Zero).derivative(0.0), 0.0);
        assert_eq!(Activation::Relu(ReluAtZero::Half).derivative(0.0), 0.5);
        assert_eq!(Activation::Relu(ReluAtZero::One).derivative(0.0), 1.0);
        assert_eq!(Activation::Relu(ReluAtZero::One).derivative(-1e-30), 0.0);
        assert_eq!(Activation::Relu(ReluAtZero::Zero).derivative(1e-30), 1.0);
    }

    #[test]
    fn relu_never_saturates_on_the_right() {
        let relu = Activation::Relu(ReluAtZero::Zero);
        assert_eq!(relu.value(1e30), 1e30);
        assert_eq!(relu.derivative(1e30), 1.0);
        assert!(Activation::Sigmoid.derivative(20.0) < 1e-8);
    }

    #[test]
    fn relu6_is_capped_and_flat_outside_its_ramp() {
        let relu6 = Activation::Relu6(ReluAtZero::Zero);
        assert_eq!(relu6.value(-3.0), 0.0);
        assert_eq!(relu6.value(2.5), 2.5);
        assert_eq!(relu6.value(6.0), 6.0);
        assert_eq!(relu6.value(1e30), 6.0);
        assert_eq!(relu6.derivative(3.0), 1.0);
        assert_eq!(
            relu6.derivative(6.0),
            0.0,
            "0 at the cap, by the documented convention"
        );
        assert_eq!(relu6.derivative(7.0), 0.0);
        assert_eq!(relu6.derivative(-1.0), 0.0);
        assert_eq!(relu6.derivative(0.0), 0.0);
        assert_eq!(Activation::Relu6(ReluAtZero::Half).derivative(0.0), 0.5);
        assert!(ActivationKind::Relu6.can_die());
    }

    #[test]
    fn known_values() {
        let close = |a: f32, b: f32| (a - b).abs() < 1e-6;
        assert!(close(sigmoid(0.0), 0.5));
        assert!(close(softplus(0.0), core::f32::consts::LN_2));
        assert_eq!(softplus(1e30), 1e30);
        assert!(close(Activation::Gelu.value(1.0), 0.841_344_7));
        assert!(close(Activation::GeluTanh.value(1.0), 0.841_192));
        assert!(close(Activation::Elu(1.0).value(-1.0), -0.632_120_56));
        assert!(close(Activation::Silu.value(1.0), 0.731_058_6));
        assert_eq!(Activation::LeakyRelu(0.01).value(-2.0), -0.02);
    }

    #[test]
    fn row_helpers_match_scalar_forms() {
        let z = [-2.0, -0.0, 0.0, 0.5, 3.0];
        for f in all() {
            let mut out = [0.0; 5];
            f.apply_row(&z, &mut out);
            let mut grad = [2.0; 5];
            f.gate_row(&z, &mut grad);
            for i in 0..5 {
                assert_eq!(out[i], f.value(z[i]));
                assert_eq!(grad[i], 2.0 * f.derivative(z[i]));
            }
        }
    }

    #[test]
    fn names_round_trip_and_unknown_is_an_error() {
        for (name, kind) in ACTIVATION_NAMES {
            assert_eq!(ActivationKind::parse("activation", name).unwrap(), *kind);
            assert_eq!(kind.name(), *name);
        }
        let err = ActivationKind::parse("activation", "relu7").unwrap_err();
        assert!(err.message.contains("leaky-relu"));
        assert!(ReluAtZero::from_value("reluAtZero", 0.3).is_err());
    }
}
