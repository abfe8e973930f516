//! Colours for heatmaps: a diverging palette from blue (negative values, class 0) through a
//! light neutral grey (zero) to orange (positive values, class 1).
//!
//! The palette is built in Oklab (Björn Ottosson, "A perceptual color space for image
//! processing", 2020), where straight lines are perceptually even and `L` is perceived
//! lightness. Each arm is a straight line from the neutral `#f7f7f7` to its end colour, so
//! hue stays constant along an arm and lightness falls linearly from the middle to each end.
//! Both ends share one lightness (`L = 0.62`) and one chroma (`C = 0.15`), at hues 245°
//! (blue, near `#2c7bb6`) and 50° (orange, near `#e66101`), so the two arms are mirror images
//! in lightness and equally long. They come out as about `#168dd9` and `#cb6620`. Blue against
//! orange stays distinct for the common colour-vision deficiencies (deuteranopia,
//! protanopia), and the lightness ramp carries the magnitude even in grey scale.
//!
//! The colours are precomputed into a 256-entry lookup table (written out in the source and
//! checked by a test against this construction), so colouring a heatmap is a multiply, a clamp
//! and a table read per value.

/// The colour of zero, in sRGB.
#[cfg(test)]
const NEUTRAL_SRGB: [u8; 3] = [0xf7, 0xf7, 0xf7];

/// Oklab lightness of both end colours.
#[cfg(test)]
const END_LIGHTNESS: f64 = 0.62;

/// Oklab chroma of both end colours (all of both arms stays inside the sRGB gamut).
#[cfg(test)]
const END_CHROMA: f64 = 0.15;

/// Oklab hue of the negative end, in degrees (blue).
#[cfg(test)]
const NEGATIVE_HUE_DEGREES: f64 = 245.0;

/// Oklab hue of the positive end, in degrees (orange).
#[cfg(test)]
const POSITIVE_HUE_DEGREES: f64 = 50.0;

/// Table entries per arm, not counting the centre.
const ARM_STEPS: usize = 127;

/// The table entry of `t = 0`. Entries `CENTRE - 127..=CENTRE + 127` (1 to 255) hold
/// `t = -1..=1`; entry 0 is reached only by NaN and holds the neutral colour.
const CENTRE: usize = 128;

/// A colour in Oklab: perceived lightness `lightness` (0 black to 1 white) and the opponent
/// axes `a` (green to red) and `b` (blue to yellow).
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq)]
struct Oklab {
    lightness: f64,
    a: f64,
    b: f64,
}

#[cfg(test)]
impl Oklab {
    /// The colour with the given lightness, chroma and hue (in degrees).
    fn from_lch(lightness: f64, chroma: f64, hue_degrees: f64) -> Oklab {
        let hue = hue_degrees.to_radians();
        Oklab {
            lightness,
            a: chroma * libm::cos(hue),
            b: chroma * libm::sin(hue),
        }
    }

    /// The point a fraction `amount` of the way from `self` to `other`.
    fn lerp(self, other: Oklab, amount: f64) -> Oklab {
        Oklab {
            lightness: self.lightness + (other.lightness - self.lightness) * amount,
            a: self.a + (other.a - self.a) * amount,
            b: self.b + (other.b - self.b) * amount,
        }
    }
}

/// The sRGB transfer function, decoded: an sRGB channel in `[0, 1]` to linear light.
#[cfg(test)]
fn srgb_to_linear(channel: f64) -> f64 {
    if channel <= 0.04045 {
        channel / 12.92
    } else {
        libm::pow((channel + 0.055) / 1.055, 2.4)
    }
}

/// The sRGB transfer function: linear light in `[0, 1]` to an sRGB channel.
#[cfg(test)]
fn linear_to_srgb(channel: f64) -> f64 {
    if channel <= 0.003_130_8 {
        channel * 12.92
    } else {
        1.055 * libm::pow(channel, 1.0 / 2.4) - 0.055
    }
}

/// sRGB (channels in `[0, 1]`) to Oklab, with Ottosson's published matrices.
#[cfg(test)]
fn srgb_to_oklab(rgb: [f64; 3]) -> Oklab {
    let [red, green, blue] = rgb.map(srgb_to_linear);
    let long = 0.412_221_470_8 * red + 0.536_332_536_3 * green + 0.051_445_992_9 * blue;
    let medium = 0.211_903_498_2 * red + 0.680_699_545_1 * green + 0.107_396_956_6 * blue;
    let short = 0.088_302_461_9 * red + 0.281_718_837_6 * green + 0.629_978_700_5 * blue;
    let [long, medium, short] = [long, medium, short].map(libm::cbrt);
    Oklab {
        lightness: 0.210_454_255_3 * long + 0.793_617_785_0 * medium - 0.004_072_046_8 * short,
        a: 1.977_998_495_1 * long - 2.428_592_205_0 * medium + 0.450_593_709_9 * short,
        b: 0.025_904_037_1 * long + 0.782_771_766_2 * medium - 0.808_675_766_0 * short,
    }
}

/// Oklab to sRGB (channels nominally in `[0, 1]`; colours outside the gamut fall outside).
#[cfg(test)]
fn oklab_to_srgb(lab: Oklab) -> [f64; 3] {
    let Oklab { lightness, a, b } = lab;
    let long = lightness + 0.396_337_777_4 * a + 0.215_803_757_3 * b;
    let medium = lightness - 0.105_561_345_8 * a - 0.063_854_172_8 * b;
    let short = lightness - 0.089_484_177_5 * a - 1.291_485_548_0 * b;
    let [long, medium, short] = [long, medium, short].map(|cone| cone * cone * cone);
    let linear = [
        4.076_741_662_1 * long - 3.307_711_591_3 * medium + 0.230_969_929_2 * short,
        -1.268_438_004_6 * long + 2.609_757_401_1 * medium - 0.341_319_396_5 * short,
        -0.004_196_086_3 * long - 0.703_418_614_7 * medium + 1.707_614_701_0 * short,
    ];
    linear.map(|channel| linear_to_srgb(channel.clamp(0.0, 1.0)))
}

/// An opaque RGBA pixel from sRGB channels in `[0, 1]`.
#[cfg(test)]
fn to_pixel(rgb: [f64; 3]) -> [u8; 4] {
    let [red, green, blue] = rgb.map(|channel| (channel.clamp(0.0, 1.0) * 255.0).round() as u8);
    [red, green, blue, 255]
}

/// The table entry for `t`: `t` clamped to `[-1, 1]` and rounded to the nearest of the 255
/// steps. NaN gives 0 (the float-to-integer cast saturates NaN to 0), which holds the neutral
/// colour, so no branch is needed.
#[inline]
fn lut_index(t: f32) -> usize {
    let index = (t.clamp(-1.0, 1.0) * ARM_STEPS as f32 + CENTRE as f32 + 0.5) as usize;
    index.min(CENTRE + ARM_STEPS)
}

/// The diverging table as `0xRRGGBB`, entry 0 for NaN, then `t = -1..=1` in 255 steps.
/// Written out rather than computed at start-up so the wasm carries no pow, cbrt, sin or cos;
/// a test derives it again from the Oklab construction above and checks every entry.
#[rustfmt::skip]
#[allow(clippy::unreadable_literal)] // colours read as #RRGGBB
const DIVERGING_RGB: [u32; 256] = [
    0xf7f7f7, 0x168dd9, 0x1a8dda, 0x1e8eda, 0x218fda, 0x2590db, 0x2891db, 0x2b92db,
    0x2d93dc, 0x3094dc, 0x3394dc, 0x3595dc, 0x3896dd, 0x3a97dd, 0x3c98dd, 0x3e99de,
    0x409ade, 0x439bde, 0x459bdf, 0x479cdf, 0x499ddf, 0x4b9edf, 0x4d9fe0, 0x4fa0e0,
    0x50a1e0, 0x52a1e1, 0x54a2e1, 0x56a3e1, 0x58a4e1, 0x5aa5e2, 0x5ca6e2, 0x5da7e2,
    0x5fa7e2, 0x61a8e3, 0x63a9e3, 0x64aae3, 0x66abe4, 0x68ace4, 0x6aade4, 0x6bade4,
    0x6daee5, 0x6fafe5, 0x70b0e5, 0x72b1e5, 0x74b2e6, 0x75b2e6, 0x77b3e6, 0x79b4e6,
    0x7ab5e7, 0x7cb6e7, 0x7db7e7, 0x7fb8e7, 0x81b8e8, 0x82b9e8, 0x84bae8, 0x86bbe8,
    0x87bce9, 0x89bde9, 0x8abde9, 0x8cbee9, 0x8ebfea, 0x8fc0ea, 0x91c1ea, 0x92c2ea,
    0x94c2eb, 0x95c3eb, 0x97c4eb, 0x99c5eb, 0x9ac6ec, 0x9cc7ec, 0x9dc7ec, 0x9fc8ec,
    0xa0c9ec, 0xa2caed, 0xa4cbed, 0xa5cced, 0xa7cced, 0xa8cdee, 0xaaceee, 0xabcfee,
    0xadd0ee, 0xaed1ee, 0xb0d1ef, 0xb2d2ef, 0xb3d3ef, 0xb5d4ef, 0xb6d5ef, 0xb8d5f0,
    0xb9d6f0, 0xbbd7f0, 0xbcd8f0, 0xbed9f0, 0xbfdaf1, 0xc1daf1, 0xc3dbf1, 0xc4dcf1,
    0xc6ddf1, 0xc7def2, 0xc9dff2, 0xcadff2, 0xcce0f2, 0xcde1f2, 0xcfe2f3, 0xd0e3f3,
    0xd2e3f3, 0xd4e4f3, 0xd5e5f3, 0xd7e6f4, 0xd8e7f4, 0xdae8f4, 0xdbe8f4, 0xdde9f4,
    0xdeeaf4, 0xe0ebf5, 0xe1ecf5, 0xe3ecf5, 0xe4edf5, 0xe6eef5, 0xe8eff5, 0xe9f0f6,
    0xebf0f6, 0xecf1f6, 0xeef2f6, 0xeff3f6, 0xf1f4f6, 0xf2f5f7, 0xf4f5f7, 0xf5f6f7,
    0xf7f7f7, 0xf7f6f5, 0xf7f5f4, 0xf6f4f2, 0xf6f2f1, 0xf6f1ef, 0xf6f0ed, 0xf6efec,
    0xf5eeea, 0xf5ede9, 0xf5ece7, 0xf5ebe5, 0xf4e9e4, 0xf4e8e2, 0xf4e7e1, 0xf4e6df,
    0xf3e5dd, 0xf3e4dc, 0xf3e3da, 0xf3e2d9, 0xf2e0d7, 0xf2dfd5, 0xf2ded4, 0xf2ddd2,
    0xf1dcd1, 0xf1dbcf, 0xf1dacd, 0xf1d9cc, 0xf0d8ca, 0xf0d6c9, 0xf0d5c7, 0xf0d4c5,
    0xefd3c4, 0xefd2c2, 0xefd1c1, 0xeed0bf, 0xeecfbe, 0xeecdbc, 0xeeccba, 0xedcbb9,
    0xedcab7, 0xedc9b6, 0xecc8b4, 0xecc7b2, 0xecc6b1, 0xebc4af, 0xebc3ae, 0xebc2ac,
    0xebc1ab, 0xeac0a9, 0xeabfa7, 0xeabea6, 0xe9bda4, 0xe9bba3, 0xe9baa1, 0xe8b9a0,
    0xe8b89e, 0xe8b79c, 0xe7b69b, 0xe7b599, 0xe7b498, 0xe6b296, 0xe6b194, 0xe6b093,
    0xe5af91, 0xe5ae90, 0xe5ad8e, 0xe4ac8d, 0xe4ab8b, 0xe4a989, 0xe3a888, 0xe3a786,
    0xe2a685, 0xe2a583, 0xe2a481, 0xe1a380, 0xe1a17e, 0xe1a07d, 0xe09f7b, 0xe09e79,
    0xdf9d78, 0xdf9c76, 0xdf9b75, 0xde9a73, 0xde9871, 0xdd9770, 0xdd966e, 0xdd956c,
    0xdc946b, 0xdc9369, 0xdc9268, 0xdb9066, 0xdb8f64, 0xda8e63, 0xda8d61, 0xd98c5f,
    0xd98b5e, 0xd9895c, 0xd8885a, 0xd88759, 0xd78657, 0xd78555, 0xd78453, 0xd68352,
    0xd68150, 0xd5804e, 0xd57f4c, 0xd47e4b, 0xd47d49, 0xd37c47, 0xd37a45, 0xd37943,
    0xd27841, 0xd2773f, 0xd1763d, 0xd1743c, 0xd0733a, 0xd07237, 0xcf7135, 0xcf7033,
    0xcf6e31, 0xce6d2f, 0xce6c2d, 0xcd6b2a, 0xcd6a28, 0xcc6825, 0xcc6723, 0xcb6620,
];

/// A precomputed colour table for heatmaps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Palette {
    lut: [[u8; 4]; 256],
    /// The same colours as little-endian `u32`s: written to memory they are the bytes R, G, B, A.
    packed: [u32; 256],
}

impl Palette {
    /// The blue-neutral-orange diverging palette described in the module docs.
    pub fn diverging() -> Palette {
        Palette::from_lut(&DIVERGING_RGB.map(|rgb| {
            let [_, red, green, blue] = rgb.to_be_bytes();
            [red, green, blue, 255]
        }))
    }

    /// The table derived from the Oklab construction, which [`DIVERGING_RGB`] must equal.
    #[cfg(test)]
    fn derive() -> Palette {
        let neutral = srgb_to_oklab(NEUTRAL_SRGB.map(|channel| channel as f64 / 255.0));
        let negative_end = Oklab::from_lch(END_LIGHTNESS, END_CHROMA, NEGATIVE_HUE_DEGREES);
        let positive_end = Oklab::from_lch(END_LIGHTNESS, END_CHROMA, POSITIVE_HUE_DEGREES);
        let mut lut = [to_pixel(oklab_to_srgb(neutral)); 256];
        for step in 1..=ARM_STEPS {
            let amount = step as f64 / ARM_STEPS as f64;
            lut[CENTRE - step] = to_pixel(oklab_to_srgb(neutral.lerp(negative_end, amount)));
            lut[CENTRE + step] = to_pixel(oklab_to_srgb(neutral.lerp(positive_end, amount)));
        }
        Palette::from_lut(&lut)
    }

    fn from_lut(lut: &[[u8; 4]; 256]) -> Palette {
        Palette {
            lut: *lut,
            packed: lut.map(u32::from_le_bytes),
        }
    }

    /// The colour of `t` as opaque RGBA: -1 is the blue end, 0 the neutral, 1 the orange end.
    /// `t` is clamped to `[-1, 1]`; NaN gives the neutral colour.
    pub fn color(&self, t: f32) -> [u8; 4] {
        self.lut[lut_index(t)]
    }

    /// Colour `values` into `out`, one RGBA pixel per value (as a little-endian `u32`, so the
    /// bytes in memory are R, G, B, A), with `t = value / scale`. A `scale` that is not a
    /// positive finite number counts as 1. Writes `min(values.len(), out.len())` pixels.
    pub fn rasterize(&self, values: &[f32], scale: f32, out: &mut [u32]) {
        debug_assert_eq!(out.len(), values.len(), "out must hold one pixel per value");
        let inverse_scale = if scale.is_finite() && scale > 0.0 {
            1.0 / scale
        } else {
            1.0
        };
        for (value, pixel) in values.iter().zip(out.iter_mut()) {
            *pixel = self.packed[lut_index(value * inverse_scale)];
        }
    }
}

impl Default for Palette {
    /// The diverging palette.
    fn default() -> Self {
        Palette::diverging()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_written_table_is_the_oklab_construction() {
        assert_eq!(Palette::diverging(), Palette::derive());
    }

    fn lab_of(pixel: [u8; 4]) -> Oklab {
        srgb_to_oklab([pixel[0], pixel[1], pixel[2]].map(|channel| channel as f64 / 255.0))
    }

    fn lightness(palette: &Palette, t: f32) -> f64 {
        lab_of(palette.color(t)).lightness
    }

    /// The value of `t` for arm step `step` (negative steps on the blue arm).
    fn t_of(step: i32) -> f32 {
        step as f32 / ARM_STEPS as f32
    }

    #[test]
    fn middle_and_ends() {
        let palette = Palette::diverging();
        assert_eq!(palette.color(0.0), [0xf7, 0xf7, 0xf7, 255]);
        assert_eq!(palette.color(-0.0), [0xf7, 0xf7, 0xf7, 255]);
        for (t, hue) in [(-1.0, NEGATIVE_HUE_DEGREES), (1.0, POSITIVE_HUE_DEGREES)] {
            let end = lab_of(palette.color(t));
            assert!((end.lightness - END_LIGHTNESS).abs() < 0.01, "{end:?}");
            assert!((end.a.hypot(end.b) - END_CHROMA).abs() < 0.01, "{end:?}");
            let end_hue = libm::atan2(end.b, end.a).to_degrees().rem_euclid(360.0);
            assert!((end_hue - hue).abs() < 2.0, "hue {end_hue}");
        }
        assert_eq!(palette.color(-1.0), [0x16, 0x8d, 0xd9, 255]);
        assert_eq!(palette.color(1.0), [0xcb, 0x66, 0x20, 255]);
    }

    #[test]
    fn lightness_falls_from_the_middle_to_both_ends() {
        let palette = Palette::diverging();
        for step in 0..ARM_STEPS as i32 {
            let (inner, outer) = (t_of(step), t_of(step + 1));
            assert!(
                lightness(&palette, outer) <= lightness(&palette, inner),
                "t = {outer}"
            );
            assert!(
                lightness(&palette, -outer) <= lightness(&palette, -inner),
                "t = -{outer}"
            );
        }
    }

    #[test]
    fn lightness_is_symmetric() {
        let palette = Palette::diverging();
        for step in 0..=ARM_STEPS as i32 {
            let t = t_of(step);
            let gap = (lightness(&palette, t) - lightness(&palette, -t)).abs();
            assert!(gap < 0.01, "t = {t}: {gap}");
        }
    }

    #[test]
    fn negative_is_blue_and_positive_is_orange() {
        let palette = Palette::diverging();
        for step in 1..=ARM_STEPS as i32 {
            let [red, _, blue, _] = palette.color(-t_of(step));
            assert!(blue > red, "t = -{}", t_of(step));
            let [red, _, blue, _] = palette.color(t_of(step));
            assert!(red > blue, "t = {}", t_of(step));
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let palette = Palette::diverging();
        let neutral = palette.color(0.0);
        assert_eq!(palette.color(f32::NAN), neutral);
        assert_eq!(palette.color(f32::INFINITY), palette.color(1.0));
        assert_eq!(palette.color(f32::NEG_INFINITY), palette.color(-1.0));
        assert_eq!(palette.color(7.0), palette.color(1.0));
        let values = [
            f32::NAN,
            f32::INFINITY,
            f32::NEG_INFINITY,
            0.0,
            1e30,
            -1e-30,
        ];
        let mut out = [0u32; 6];
        for scale in [
            0.0,
            -1.0,
            f32::NAN,
            f32::INFINITY,
            f32::MIN_POSITIVE,
            1e-45,
            1.0,
        ] {
            palette.rasterize(&values, scale, &mut out);
            assert_eq!(out[0].to_le_bytes(), neutral);
        }
    }

    #[test]
    fn rasterize_matches_color() {
        let palette = Palette::diverging();
        let values: Vec<f32> = (-300..=300).map(|i| i as f32 / 100.0).collect();
        let mut out = vec![0u32; values.len()];
        palette.rasterize(&values, 2.0, &mut out);
        for (value, pixel) in values.iter().zip(&out) {
            assert_eq!(
                pixel.to_le_bytes(),
                palette.color(value / 2.0),
                "value {value}"
            );
        }
        palette.rasterize(&values, -5.0, &mut out);
        assert_eq!(out[0].to_le_bytes(), palette.color(-3.0));
    }

    #[test]
    fn oklab_round_trip() {
        let colours = [
            [0x2c, 0x7b, 0xb6],
            [0xe6, 0x61, 0x01],
            [0xf7, 0xf7, 0xf7],
            [0, 0, 0],
            [255, 255, 255],
            [255, 0, 0],
            [0, 255, 0],
            [0, 0, 255],
            [0x12, 0x34, 0x56],
        ];
        for colour in colours {
            let rgb = colour.map(|channel: u8| channel as f64 / 255.0);
            let back = oklab_to_srgb(srgb_to_oklab(rgb));
            for (original, returned) in rgb.iter().zip(back) {
                assert!(
                    (original - returned).abs() < 1.0 / 255.0,
                    "{colour:?}: {back:?}"
                );
            }
        }
        // White is L = 1 with no chroma; the neutral grey has no chroma either.
        let white = srgb_to_oklab([1.0; 3]);
        assert!((white.lightness - 1.0).abs() < 1e-4 && white.a.abs() < 1e-4);
        let grey = lab_of([0xf7, 0xf7, 0xf7, 255]);
        assert!(grey.a.abs() < 1e-4 && grey.b.abs() < 1e-4);
    }
}
