//! Four `f32` lanes side by side: four examples of a batch in one 128-bit SIMD value.
//!
//! Every operation is lane-wise IEEE-754 single precision, rounded after each add and multiply
//! (no fused multiply-add), so each lane computes exactly what the scalar code computes for its
//! example, on every target. In wasm (built with `+simd128`, see `.cargo/config.toml`) the type
//! is a `v128` and each operation one wasm SIMD instruction through `core::arch::wasm32`; on
//! x86_64 an SSE2 `__m128` through `core::arch::x86_64`; anywhere else four aligned floats
//! computed lane by lane. All give the same bits.

use core::ops::{Add, Mul};

/// Four `f32` values computed side by side.
#[derive(Clone, Copy, Debug)]
pub struct F32x4(backend::Inner);

impl F32x4 {
    /// All four lanes 0.
    pub const ZERO: Self = Self(backend::ZERO);

    /// `x` in every lane.
    #[inline]
    pub fn splat(x: f32) -> Self {
        Self(backend::splat(x))
    }

    /// The lanes from an array, lane `i` from `values[i]`.
    #[inline]
    pub fn from_array(values: [f32; 4]) -> Self {
        Self(backend::from_array(values))
    }

    /// The four lanes as an array.
    #[inline]
    pub fn to_array(self) -> [f32; 4] {
        backend::to_array(self.0)
    }

    /// The first four values of `values`, lane `i` from `values[i]`.
    #[inline]
    pub fn load(values: &[f32]) -> Self {
        Self::from_array([values[0], values[1], values[2], values[3]])
    }

    /// Write the lanes into the first four values of `out`.
    #[inline]
    pub fn store(self, out: &mut [f32]) {
        out[..4].copy_from_slice(&self.to_array());
    }

    /// `f` applied to each lane.
    #[inline]
    pub fn map(self, f: impl FnMut(f32) -> f32) -> Self {
        Self::from_array(self.to_array().map(f))
    }

    /// ReLU lane by lane: `if x > 0 { x } else { 0 }` (NaN and −0 give +0, as the scalar code).
    #[inline]
    pub fn relu(self) -> Self {
        Self(backend::relu(self.0))
    }

    /// ReLU's derivative lane by lane: 1 where `x > 0`, `at_zero` where `x == 0`, else 0.
    #[inline]
    pub fn relu_slope(self, at_zero: f32) -> Self {
        Self(backend::relu_slope(self.0, at_zero))
    }

    /// How many of the first `lanes` lanes are equal to 0 (−0 included).
    #[inline]
    pub fn count_zeros(self, lanes: usize) -> u32 {
        (backend::zero_mask(self.0) & ((1_u32 << lanes) - 1)).count_ones()
    }

    /// The 4×4 transpose: lane `i` of output `l` is lane `l` of input `i`.
    #[inline]
    pub fn transpose(rows: [Self; 4]) -> [Self; 4] {
        backend::transpose(rows.map(|r| r.0)).map(Self)
    }
}

impl Add for F32x4 {
    type Output = Self;
    #[inline]
    fn add(self, other: Self) -> Self {
        Self(backend::add(self.0, other.0))
    }
}

impl Mul for F32x4 {
    type Output = Self;
    #[inline]
    fn mul(self, other: Self) -> Self {
        Self(backend::mul(self.0, other.0))
    }
}

/// wasm SIMD: one `v128` instruction per operation.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod backend {
    use core::arch::wasm32::{self as arch, v128};

    pub type Inner = v128;
    pub const ZERO: v128 = arch::f32x4(0.0, 0.0, 0.0, 0.0);

    #[inline]
    pub fn splat(x: f32) -> v128 {
        arch::f32x4_splat(x)
    }

    #[inline]
    pub fn from_array(v: [f32; 4]) -> v128 {
        arch::f32x4(v[0], v[1], v[2], v[3])
    }

    #[inline]
    pub fn to_array(v: v128) -> [f32; 4] {
        [
            arch::f32x4_extract_lane::<0>(v),
            arch::f32x4_extract_lane::<1>(v),
            arch::f32x4_extract_lane::<2>(v),
            arch::f32x4_extract_lane::<3>(v),
        ]
    }

    #[inline]
    pub fn add(a: v128, b: v128) -> v128 {
        arch::f32x4_add(a, b)
    }

    #[inline]
    pub fn mul(a: v128, b: v128) -> v128 {
        arch::f32x4_mul(a, b)
    }

    #[inline]
    pub fn relu(x: v128) -> v128 {
        // pmax(a, b) is `if a < b { b } else { a }`: with a = 0, exactly ReLU's select.
        arch::f32x4_pmax(ZERO, x)
    }

    #[inline]
    pub fn relu_slope(x: v128, at_zero: f32) -> v128 {
        let below = arch::v128_bitselect(splat(at_zero), ZERO, arch::f32x4_eq(x, ZERO));
        arch::v128_bitselect(splat(1.0), below, arch::f32x4_gt(x, ZERO))
    }

    #[inline]
    pub fn zero_mask(x: v128) -> u32 {
        u32::from(arch::i32x4_bitmask(arch::f32x4_eq(x, ZERO)))
    }

    #[inline]
    pub fn transpose([a, b, c, d]: [v128; 4]) -> [v128; 4] {
        let ab_low = arch::i32x4_shuffle::<0, 4, 1, 5>(a, b);
        let cd_low = arch::i32x4_shuffle::<0, 4, 1, 5>(c, d);
        let ab_high = arch::i32x4_shuffle::<2, 6, 3, 7>(a, b);
        let cd_high = arch::i32x4_shuffle::<2, 6, 3, 7>(c, d);
        [
            arch::i32x4_shuffle::<0, 1, 4, 5>(ab_low, cd_low),
            arch::i32x4_shuffle::<2, 3, 6, 7>(ab_low, cd_low),
            arch::i32x4_shuffle::<0, 1, 4, 5>(ab_high, cd_high),
            arch::i32x4_shuffle::<2, 3, 6, 7>(ab_high, cd_high),
        ]
    }
}

/// SSE2, part of every x86_64 processor: one SSE instruction per operation. (Written out
/// because the compiler turns the portable transpose into stores and reloads here.)
#[cfg(target_arch = "x86_64")]
#[allow(unsafe_code)]
mod backend {
    // SAFETY (every `unsafe` block below): the x86_64 target always enables SSE and SSE2, so
    // these instructions exist on every processor this code can run on; no pointer is read.
    use core::arch::x86_64::{
        __m128, _mm_add_ps, _mm_and_ps, _mm_andnot_ps, _mm_cmpeq_ps, _mm_cmpgt_ps, _mm_max_ps,
        _mm_movehl_ps, _mm_movelh_ps, _mm_movemask_ps, _mm_mul_ps, _mm_or_ps, _mm_set1_ps,
        _mm_setr_ps, _mm_setzero_ps, _mm_unpackhi_ps, _mm_unpacklo_ps,
    };

    pub type Inner = __m128;
    // SAFETY: `__m128` and `[f32; 4]` have the same size and every bit pattern is valid in both.
    pub const ZERO: __m128 = unsafe { core::mem::transmute::<[f32; 4], __m128>([0.0; 4]) };

    #[inline]
    pub fn splat(x: f32) -> __m128 {
        unsafe { _mm_set1_ps(x) }
    }

    #[inline]
    pub fn from_array(v: [f32; 4]) -> __m128 {
        unsafe { _mm_setr_ps(v[0], v[1], v[2], v[3]) }
    }

    #[inline]
    pub fn to_array(v: __m128) -> [f32; 4] {
        // SAFETY: same size, every bit pattern valid; lane i of `v` is element i.
        unsafe { core::mem::transmute::<__m128, [f32; 4]>(v) }
    }

    #[inline]
    pub fn add(a: __m128, b: __m128) -> __m128 {
        unsafe { _mm_add_ps(a, b) }
    }

    #[inline]
    pub fn mul(a: __m128, b: __m128) -> __m128 {
        unsafe { _mm_mul_ps(a, b) }
    }

    #[inline]
    pub fn relu(x: __m128) -> __m128 {
        // maxps(a, b) is `if a > b { a } else { b }`: with b = 0, exactly ReLU's select.
        unsafe { _mm_max_ps(x, _mm_setzero_ps()) }
    }

    #[inline]
    pub fn relu_slope(x: __m128, at_zero: f32) -> __m128 {
        unsafe {
            let zero = _mm_setzero_ps();
            let positive = _mm_cmpgt_ps(x, zero);
            let at_zero = _mm_and_ps(_mm_cmpeq_ps(x, zero), _mm_set1_ps(at_zero));
            let one = _mm_and_ps(positive, _mm_set1_ps(1.0));
            _mm_or_ps(one, _mm_andnot_ps(positive, at_zero))
        }
    }

    #[inline]
    pub fn zero_mask(x: __m128) -> u32 {
        unsafe { _mm_movemask_ps(_mm_cmpeq_ps(x, _mm_setzero_ps())) as u32 }
    }

    #[inline]
    pub fn transpose([a, b, c, d]: [__m128; 4]) -> [__m128; 4] {
        unsafe {
            let ab_low = _mm_unpacklo_ps(a, b);
            let cd_low = _mm_unpacklo_ps(c, d);
            let ab_high = _mm_unpackhi_ps(a, b);
            let cd_high = _mm_unpackhi_ps(c, d);
            [
                _mm_movelh_ps(ab_low, cd_low),
                _mm_movehl_ps(cd_low, ab_low),
                _mm_movelh_ps(ab_high, cd_high),
                _mm_movehl_ps(cd_high, ab_high),
            ]
        }
    }
}

/// Anywhere else: four aligned floats, lane by lane.
#[cfg(not(any(
    all(target_arch = "wasm32", target_feature = "simd128"),
    target_arch = "x86_64"
)))]
mod backend {
    #[derive(Clone, Copy, Debug)]
    #[repr(C, align(16))]
    pub struct Inner([f32; 4]);
    pub const ZERO: Inner = Inner([0.0; 4]);

    pub fn splat(x: f32) -> Inner {
        Inner([x; 4])
    }

    pub fn from_array(v: [f32; 4]) -> Inner {
        Inner(v)
    }

    pub fn to_array(v: Inner) -> [f32; 4] {
        v.0
    }

    pub fn add(a: Inner, b: Inner) -> Inner {
        Inner([0, 1, 2, 3].map(|i| a.0[i] + b.0[i]))
    }

    pub fn mul(a: Inner, b: Inner) -> Inner {
        Inner([0, 1, 2, 3].map(|i| a.0[i] * b.0[i]))
    }

    pub fn relu(x: Inner) -> Inner {
        Inner(x.0.map(|x| if x > 0.0 { x } else { 0.0 }))
    }

    pub fn relu_slope(x: Inner, at_zero: f32) -> Inner {
        Inner(x.0.map(|x| {
            let below = if x == 0.0 { at_zero } else { 0.0 };
            if x > 0.0 { 1.0 } else { below }
        }))
    }

    pub fn zero_mask(x: Inner) -> u32 {
        (0..4).map(|i| u32::from(x.0[i] == 0.0) << i).sum()
    }

    pub fn transpose(rows: [Inner; 4]) -> [Inner; 4] {
        [0, 1, 2, 3].map(|l| Inner(rows.map(|r| r.0[l])))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_compute_what_scalars_compute() {
        let a = F32x4::from_array([1.5, -0.0, f32::NAN, 3.0e-39]);
        let b = F32x4::from_array([2.0, 0.0, 1.0, 1.0e30]);
        let bits = |v: F32x4| v.to_array().map(f32::to_bits);
        let sum = (a + b).to_array();
        let product = (a * b).to_array();
        for lane in 0..4 {
            let (x, y) = (a.to_array()[lane], b.to_array()[lane]);
            assert_eq!(sum[lane].to_bits(), (x + y).to_bits(), "sum, lane {lane}");
            assert_eq!(
                product[lane].to_bits(),
                (x * y).to_bits(),
                "product, lane {lane}"
            );
        }
        assert_eq!(
            bits(F32x4::from_array([-1.0, -0.0, 0.0, 2.0]).relu()),
            [0.0_f32, 0.0, 0.0, 2.0].map(f32::to_bits)
        );
        assert_eq!(bits(a.relu())[2], 0.0_f32.to_bits(), "ReLU(NaN) is 0");
        let gate = F32x4::from_array([-1.0, -0.0, 0.0, 2.0]).relu_slope(0.5);
        assert_eq!(gate.to_array(), [0.0, 0.5, 0.5, 1.0]);
        assert_eq!(F32x4::from_array([0.0, -0.0, 1.0, 0.0]).count_zeros(3), 2);
    }

    #[test]
    fn transpose_swaps_lanes_and_rows() {
        let rows =
            [0, 1, 2, 3].map(|r| F32x4::from_array([0, 1, 2, 3].map(|l| (4 * r + l) as f32)));
        let columns = F32x4::transpose(rows).map(F32x4::to_array);
        for (l, column) in columns.iter().enumerate() {
            assert_eq!(*column, [0, 1, 2, 3].map(|r| (4 * r + l) as f32));
        }
    }
}
