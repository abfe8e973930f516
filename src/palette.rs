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
//! The colours are precomputed once into a 256-entry lookup table, so colouring a heatmap is
//! a multiply, a clamp and a table read per value.

/// The colour of zero, in sRGB.
const NEUTRAL_SRGB: [u8; 3] = [0xf7, 0xf7, 0xf7];

/// Oklab lightness of both end colours.
const END_LIGHTNESS: f64 = 0.62;

/// Oklab chroma of both end colours (all of both arms stays inside the sRGB gamut).
const END_CHROMA: f64 = 0.15;

/// Oklab hue of the negative end, in degrees (blue).
const NEGATIVE_HUE_DEGREES: f64 = 245.0;

/// Oklab hue of the positive end, in degrees (orange).
const POSITIVE_HUE_DEGREES: f64 = 50.0;

/// Table entries per arm, not counting the centre.
const ARM_STEPS: usize = 127;

/// The table entry of `t = 0`. Entries `CENTRE - 127..=CENTRE + 127` (1 to 255) hold
/// `t = -1..=1`; entry 0 is reached only by NaN and holds the neutral colour.
const CENTRE: usize = 128;

/// A colour in Oklab: perceived lightness `lightness` (0 black to 1 white) and the opponent
/// axes `a` (green to red) and `b` (blue to yellow).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Oklab {
    lightness: f64,
    a: f64,
    b: f64,
}

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
fn srgb_to_linear(channel: f64) -> f64 {
    if channel <= 0.04045 {
        channel / 12.92
    } else {
        libm::pow((channel + 0.055) / 1.055, 2.4)
    }
}

/// The sRGB transfer function: linear light in `[0, 1]` to an sRGB channel.
fn linear_to_srgb(channel: f64) -> f64 {
    if channel <= 0.003_130_8 {
        channel * 12.92
    } else {
        1.055 * libm::pow(channel, 1.0 / 2.4) - 0.055
    }
}

/// sRGB (channels in `[0, 1]`) to Oklab, with Ottosson's published matrices.
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

/// A precomputed colour table for heatmaps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Palette {
    lut: [[u8; 4]; 256],
}

impl Palette {
    /// The blue-neutral-orange diverging palette described in the module docs.
    pub fn diverging() -> Palette {
        let neutral = srgb_to_oklab(NEUTRAL_SRGB.map(|channel| channel as f64 / 255.0));
        let negative_end = Oklab::from_lch(END_LIGHTNESS, END_CHROMA, NEGATIVE_HUE_DEGREES);
        let positive_end = Oklab::from_lch(END_LIGHTNESS, END_CHROMA, POSITIVE_HUE_DEGREES);
        let mut lut = [to_pixel(oklab_to_srgb(neutral)); 256];
        for step in 1..=ARM_STEPS {
            let amount = step as f64 / ARM_STEPS as f64;
            lut[CENTRE - step] = to_pixel(oklab_to_srgb(neutral.lerp(negative_end, amount)));
            lut[CENTRE + step] = to_pixel(oklab_to_srgb(neutral.lerp(positive_end, amount)));
        }
        Palette { lut }
    }

    /// The colour of `t` as opaque RGBA: -1 is the blue end, 0 the neutral, 1 the orange end.
    /// `t` is clamped to `[-1, 1]`; NaN gives the neutral colour.
    pub fn color(&self, t: f32) -> [u8; 4] {
        self.lut[lut_index(t)]
    }

    /// Colour `values` into `out`, 4 bytes (RGBA) per value, with `t = value / scale`.
    /// A `scale` that is not a positive finite number counts as 1. `out` should hold
    /// `values.len() * 4` bytes; if it is shorter or longer, only the common part is written
    /// (and debug builds assert).
    pub fn rasterize(&self, values: &[f32], scale: f32, out: &mut [u8]) {
        debug_assert_eq!(
            out.len(),
            values.len() * 4,
            "out must hold 4 bytes per value"
        );
        let inverse_scale = if scale.is_finite() && scale > 0.0 {
            1.0 / scale
        } else {
            1.0
        };
        for (value, pixel) in values.iter().zip(out.chunks_exact_mut(4)) {
            pixel.copy_from_slice(&self.lut[lut_index(value * inverse_scale)]);
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
        let mut out = [0u8; 24];
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
            assert_eq!(&out[..4], &neutral);
        }
    }

    #[test]
    fn rasterize_matches_color() {
        let palette = Palette::diverging();
        let values: Vec<f32> = (-300..=300).map(|i| i as f32 / 100.0).collect();
        let mut out = vec![0u8; values.len() * 4];
        palette.rasterize(&values, 2.0, &mut out);
        for (value, pixel) in values.iter().zip(out.chunks_exact(4)) {
            assert_eq!(pixel, palette.color(value / 2.0), "value {value}");
        }
        palette.rasterize(&values, -5.0, &mut out);
        assert_eq!(&out[..4], &palette.color(-3.0));
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
