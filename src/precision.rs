//! Float16 emulation: the arithmetic stays `f32`, but every stored value is rounded to the
//! nearest IEEE 754 half-precision number (round half to even), as if it had been stored in
//! float16. Written by hand (a few integer operations) rather than through a crate, so it costs
//! almost no wasm and is bit-identical on every target.

/// The precision values are stored in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Precision {
    /// Plain `f32`: nothing is rounded.
    #[default]
    Float32,
    /// Every stored forward and backward value, and every parameter after an update, is
    /// rounded to the nearest float16; the forward sums z = b + Σ w·a are accumulated in
    /// float16 (each product and each partial sum rounded).
    Float16,
}

/// Every precision with its name.
pub const PRECISION_NAMES: &[(&str, Precision)] = &[
    ("float32", Precision::Float32),
    ("float16", Precision::Float16),
];

impl Precision {
    /// The name as the JS API spells it.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Float32 => "float32",
            Precision::Float16 => "float16",
        }
    }

    /// Round every value of `values` to this precision (nothing to do for `Float32`).
    pub fn round_row(self, values: &mut [f32]) {
        if self == Precision::Float16 {
            for v in values {
                *v = round_to_f16(*v);
            }
        }
    }

    /// One value rounded to this precision.
    pub fn round(self, value: f32) -> f32 {
        match self {
            Precision::Float32 => value,
            Precision::Float16 => round_to_f16(value),
        }
    }
}

/// The largest finite float16, 65504; from the midpoint 65520 on, values round to infinity.
const F16_OVERFLOW: f32 = 65_520.0;
/// The smallest normal float16, 2^−14; below it the spacing is fixed at 2^−24 (subnormals).
const F16_MIN_NORMAL: f32 = 6.103_515_6e-5;
/// 2^24, the inverse of the float16 subnormal spacing.
const F16_SUBNORMAL_SCALE: f32 = 16_777_216.0;

/// `x` rounded to the nearest float16, ties to the even neighbour, returned as `f32`.
/// NaN and ±∞ pass through; finite values past the float16 range become ±∞; the sign of zero
/// is kept.
pub fn round_to_f16(x: f32) -> f32 {
    let bits = x.to_bits();
    let sign = bits & 0x8000_0000;
    let magnitude = bits & 0x7fff_ffff;
    let abs = f32::from_bits(magnitude);
    if !abs.is_finite() {
        return x;
    }
    if abs >= F16_OVERFLOW {
        return f32::from_bits(sign | f32::INFINITY.to_bits());
    }
    if abs < F16_MIN_NORMAL {
        // Multiples of 2^−24: scaling by a power of two is exact, so is the even rounding.
        let rounded = (abs * F16_SUBNORMAL_SCALE).round_ties_even() / F16_SUBNORMAL_SCALE;
        return f32::from_bits(sign | rounded.to_bits());
    }
    // A normal float16 keeps 10 of the f32's 23 fraction bits: drop 13 with round half to
    // even (add just under half, plus the kept last bit; a carry moves into the exponent).
    let kept_last_bit = (magnitude >> 13) & 1;
    let rounded = (magnitude + 0x0fff + kept_last_bit) & !0x1fff;
    f32::from_bits(sign | rounded)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The f32 value of a float16 bit pattern, decoded independently of `round_to_f16`.
    fn decode_f16(bits: u16) -> f32 {
        let sign = if bits & 0x8000 == 0 { 1.0 } else { -1.0 };
        let exponent = i32::from((bits >> 10) & 0x1f);
        let fraction = f32::from(bits & 0x3ff);
        match exponent {
            0 => sign * fraction * 2f32.powi(-24),
            31 if fraction == 0.0 => sign * f32::INFINITY,
            31 => f32::NAN,
            _ => sign * (1.0 + fraction / 1024.0) * 2f32.powi(exponent - 15),
        }
    }

    #[test]
    fn every_float16_is_kept_and_every_midpoint_goes_to_the_even_neighbour() {
        for bits in 0..0x7c00_u16 {
            let value = decode_f16(bits);
            assert_eq!(round_to_f16(value), value, "float16 {bits:#06x}");
            assert_eq!(round_to_f16(-value).to_bits(), (-value).to_bits());
            if bits == 0x7bff {
                continue; // the largest finite float16: its upper neighbour is ∞
            }
            let next = decode_f16(bits + 1);
            let midpoint = f64::midpoint(f64::from(value), f64::from(next)) as f32;
            let even = if bits % 2 == 0 { value } else { next };
            assert_eq!(round_to_f16(midpoint), even, "midpoint after {bits:#06x}");
            // Just off the midpoint, the nearest neighbour wins.
            let above = f32::from_bits(midpoint.to_bits() + 1);
            let below = f32::from_bits(midpoint.to_bits() - 1);
            assert_eq!(round_to_f16(above), next, "above midpoint {bits:#06x}");
            assert_eq!(round_to_f16(below), value, "below midpoint {bits:#06x}");
        }
    }

    #[test]
    fn edges_of_the_range() {
        assert_eq!(round_to_f16(65_504.0), 65_504.0);
        assert_eq!(round_to_f16(65_519.0), 65_504.0);
        assert_eq!(round_to_f16(65_520.0), f32::INFINITY);
        assert_eq!(round_to_f16(-1e30), f32::NEG_INFINITY);
        assert_eq!(round_to_f16(1e-9), 0.0, "below half the smallest subnormal");
        assert_eq!(round_to_f16(-0.0).to_bits(), (-0.0_f32).to_bits());
        assert!(round_to_f16(f32::NAN).is_nan());
        assert_eq!(round_to_f16(1.0 + 1.0 / 4096.0), 1.0);
        assert_eq!(
            Precision::Float32.round(1.0 + 1.0 / 4096.0),
            1.0 + 1.0 / 4096.0
        );
    }
}
