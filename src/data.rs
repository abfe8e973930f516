//! Data sets for training: four 2-D classification sets in the style of TensorFlow Playground,
//! three 1-D regression targets, and user-supplied points.
//!
//! Everything lives in flat `Vec<f32>`s. Points are stored example-major: point `p` of a
//! [`Split`] with `inputs` coordinates is `points[p * inputs..(p + 1) * inputs]`, and its label
//! is `labels[p]`. Class labels are `0.0` and `1.0` (Playground uses -1 and +1).
//!
//! Generation is deterministic: all draws (positions, noise, the train/test shuffle) come from
//! `rng::seeded(seed, Stream::Data)`, so one configuration always gives the same data.

use core::f32::consts::PI;

use crate::error::{self, InputError, Result};
use crate::rng::{self, Rng, Stream};

/// The input domain of the 2-D sets, on both axes (the same as TensorFlow Playground).
pub const DOMAIN_2D: (f32, f32) = (-6.0, 6.0);

/// The input domain of the 1-D regression targets.
pub const DOMAIN_1D: (f32, f32) = (-1.0, 1.0);

/// The fewest points a generated data set may have.
pub const MIN_COUNT: usize = 2;

/// The most points a data set may have, generated or supplied.
pub const MAX_COUNT: usize = 10_000;

/// The largest allowed noise level.
pub const MAX_NOISE: f64 = 0.5;

/// The largest allowed fraction of points held out for testing.
pub const MAX_TEST_RATIO: f64 = 0.9;

/// The largest absolute coordinate or regression target accepted in user points.
pub const MAX_USER_VALUE: f32 = 1e4;

/// The radius inside which Playground's circle set labels points as class 1.
const CIRCLE_RADIUS: f32 = 5.0;

/// The gap XOR points keep from the axes, so that no point sits on a class boundary.
const XOR_PADDING: f32 = 0.3;

/// Tries of a truncated normal draw before falling back to clamping (never reached in practice:
/// each try lands outside the domain with probability below 3%).
const MAX_REDRAWS: usize = 64;

/// Which data set to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataKind {
    /// Class 1 in a disc of radius 2.5, class 0 in a ring from 3.5 to 5 around it.
    Circle,
    /// Class 1 where `x1 * x2 >= 0` (first and third quadrants), class 0 elsewhere.
    Xor,
    /// Two Gaussian blobs: class 1 around (2, 2), class 0 around (-2, -2).
    Gaussians,
    /// Two interleaved spiral arms, one per class.
    Spiral,
    /// Regression target `y = |x|`.
    Abs,
    /// Regression target `y = sin(pi x)`.
    Sin,
    /// Regression target `y = 0` for `x < 0` and `y = 1` for `x >= 0`.
    Step,
}

/// The names of the data sets as the JS side spells them, in the order of [`DataKind::ALL`].
pub const DATA_NAMES: [(&str, DataKind); 7] = [
    ("circle", DataKind::Circle),
    ("xor", DataKind::Xor),
    ("gaussians", DataKind::Gaussians),
    ("spiral", DataKind::Spiral),
    ("abs", DataKind::Abs),
    ("sin", DataKind::Sin),
    ("step", DataKind::Step),
];

impl DataKind {
    /// Every data set, classification sets first.
    pub const ALL: [DataKind; 7] = [
        DataKind::Circle,
        DataKind::Xor,
        DataKind::Gaussians,
        DataKind::Spiral,
        DataKind::Abs,
        DataKind::Sin,
        DataKind::Step,
    ];

    /// The data set called `name` (`"circle"`, `"xor"`, `"gaussians"`, `"spiral"`, `"abs"`,
    /// `"sin"` or `"step"`); the error names the field `name`.
    pub fn parse(name: &str) -> Result<DataKind> {
        error::parse_name("name", name, &DATA_NAMES)
    }

    /// The name that [`DataKind::parse`] accepts.
    pub fn name(&self) -> &'static str {
        match self {
            DataKind::Circle => "circle",
            DataKind::Xor => "xor",
            DataKind::Gaussians => "gaussians",
            DataKind::Spiral => "spiral",
            DataKind::Abs => "abs",
            DataKind::Sin => "sin",
            DataKind::Step => "step",
        }
    }

    /// The number of input coordinates: 2 for classification sets, 1 for regression targets.
    pub fn inputs(&self) -> usize {
        if self.is_classification() { 2 } else { 1 }
    }

    /// Whether the labels are classes 0/1 (2-D sets) rather than real targets (1-D sets).
    pub fn is_classification(&self) -> bool {
        matches!(
            self,
            DataKind::Circle | DataKind::Xor | DataKind::Gaussians | DataKind::Spiral
        )
    }
}

/// One part of a data set (training or test): points and their labels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Split {
    /// Coordinates per point: 1 or 2.
    pub inputs: usize,
    /// Example-major coordinates: point `p` at `[p * inputs..(p + 1) * inputs]`.
    pub points: Vec<f32>,
    /// One label per point: class 0/1 for classification, the target `y` for regression.
    pub labels: Vec<f32>,
}

impl Split {
    /// The number of points.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no points.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// The coordinates of point `p`.
    ///
    /// # Panics
    ///
    /// If `p >= self.len()`, like slice indexing.
    pub fn point(&self, p: usize) -> &[f32] {
        &self.points[p * self.inputs..(p + 1) * self.inputs]
    }
}

/// A data set split into a training and a test part.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// The generator, or `None` for user-supplied points.
    pub kind: Option<DataKind>,
    /// Coordinates per point: 1 or 2.
    pub inputs: usize,
    /// The points the network learns from.
    pub train: Split,
    /// The held-out points, possibly none.
    pub test: Split,
}

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DataConfig {
    /// Which data set.
    pub kind: DataKind,
    /// Total number of points, training and test together (2 to 10 000; JS field `n`).
    pub count: usize,
    /// Noise level, 0 to 0.5. For the 2-D sets it means what it means in TensorFlow
    /// Playground (see [`generate`]); for the 1-D targets it is the standard deviation of
    /// Gaussian noise added to `y`.
    pub noise: f32,
    /// Fraction of the points held out for testing, 0 to 0.9 (JS field `testRatio`).
    pub test_ratio: f32,
    /// Seed of the data stream.
    pub seed: u64,
}

impl Default for DataConfig {
    /// Playground's defaults: the circle, 500 points, no noise, half of them for testing.
    fn default() -> Self {
        DataConfig {
            kind: DataKind::Circle,
            count: 500,
            noise: 0.0,
            test_ratio: 0.5,
            seed: 1,
        }
    }
}

/// Generate the data set described by `config`.
///
/// The 2-D sets follow TensorFlow Playground's `dataset.ts`, with labels 0/1:
///
/// * **circle**: half the points (class 1) uniform in radius `r` in `[0, 2.5)` and angle, the
///   other half (class 0) with `r` in `[3.5, 5)`. Noise shifts the point used for labelling by
///   `uniform(-5, 5) * noise` per coordinate, so points near the boundary may take the other
///   class; the point itself stays where it was drawn. As the disc is small, noise mostly
///   turns class 1 into class 0 (about 35% class 1 at noise 0.5).
/// * **xor**: coordinates uniform in `[-5, 5)`, pushed 0.3 away from the axes; label 1 when
///   `x1 * x2 >= 0`, with the same label noise as the circle.
/// * **gaussians**: class 1 around (2, 2), class 0 around (-2, -2), with variance growing
///   linearly from 0.5 (noise 0) to 4 (noise 0.5). Unlike Playground, draws are truncated to
///   [`DOMAIN_2D`] (redrawn when they fall outside), so every point is on the heatmap.
/// * **spiral**: two arms of radius up to 5 turning 1.75 times, offset by half a turn, each
///   point moved by `uniform(-1, 1) * noise` per coordinate.
///
/// The 1-D targets draw `x` uniformly from [`DOMAIN_1D`] and add `normal(0, noise)` to `y`.
///
/// The points are then shuffled (Fisher-Yates) and the first `count - round(count *
/// test_ratio)` become the training set (always at least one point); the rest are the test set.
pub fn generate(config: &DataConfig) -> Result<Dataset> {
    let count = error::check_count("n", config.count as f64, MIN_COUNT, MAX_COUNT)?;
    let noise = check_f32("noise", config.noise, 0.0, MAX_NOISE)?;
    let test_ratio = check_test_ratio(config.test_ratio)?;

    let kind = config.kind;
    let inputs = kind.inputs();
    let mut rng = rng::seeded(config.seed, Stream::Data);
    let mut points = Vec::with_capacity(count * inputs);
    let mut labels = Vec::with_capacity(count);

    // Class 1 gets the extra point when `count` is odd, and is generated first, as in Playground.
    let class_counts = [(1.0, count - count / 2), (0.0, count / 2)];
    match kind {
        DataKind::Circle => {
            for (class, class_count) in class_counts {
                let inner_disc = class == 1.0;
                for _ in 0..class_count {
                    let (point, label) = circle_point(&mut rng, inner_disc, noise);
                    points.extend_from_slice(&point);
                    labels.push(label);
                }
            }
        }
        DataKind::Xor => {
            for _ in 0..count {
                let (point, label) = xor_point(&mut rng, noise);
                points.extend_from_slice(&point);
                labels.push(label);
            }
        }
        DataKind::Gaussians => {
            // Playground maps noise 0..0.5 linearly to variance 0.5..4.
            let variance = 0.5 + 7.0 * noise;
            let std_dev = variance.sqrt();
            for (label, class_count) in class_counts {
                let centre = if label == 1.0 { 2.0 } else { -2.0 };
                for _ in 0..class_count {
                    points.push(truncated_normal(&mut rng, centre, std_dev, DOMAIN_2D));
                    points.push(truncated_normal(&mut rng, centre, std_dev, DOMAIN_2D));
                    labels.push(label);
                }
            }
        }
        DataKind::Spiral => {
            for (label, class_count) in class_counts {
                let phase = if label == 1.0 { 0.0 } else { PI };
                for i in 0..class_count {
                    let progress = i as f32 / class_count as f32;
                    let radius = progress * 5.0;
                    let angle = 1.75 * progress * 2.0 * PI + phase;
                    let x1 = radius * libm::sinf(angle) + rng::uniform(&mut rng, -1.0, 1.0) * noise;
                    let x2 = radius * libm::cosf(angle) + rng::uniform(&mut rng, -1.0, 1.0) * noise;
                    points.extend_from_slice(&[x1, x2]);
                    labels.push(label);
                }
            }
        }
        DataKind::Abs | DataKind::Sin | DataKind::Step => {
            for _ in 0..count {
                let x = rng::uniform(&mut rng, DOMAIN_1D.0, DOMAIN_1D.1);
                let y = regression_target(kind, x) + rng::normal(&mut rng, 0.0, noise);
                points.push(x);
                labels.push(y);
            }
        }
    }

    let (train, test) = shuffle_and_split(inputs, &points, &labels, test_ratio, &mut rng);
    Ok(Dataset {
        kind: Some(kind),
        inputs,
        train,
        test,
    })
}

/// A data set from user-supplied points (example-major, `inputs` coordinates each) and labels.
///
/// Checks: `inputs` is 1 or 2; `points.len() == labels.len() * inputs`; 1 to 10 000 points;
/// every coordinate finite with `|v| <= 1e4` (field `points[i]`, `i` the index into `points`);
/// labels 0 or 1 when `inputs == 2`, finite with `|y| <= 1e4` when `inputs == 1` (field
/// `labels[i]`). The points are shuffled with `seed` and split as in [`generate`]; a
/// `test_ratio` of 0 keeps every point for training.
pub fn from_points(
    inputs: usize,
    points: &[f32],
    labels: &[f32],
    test_ratio: f32,
    seed: u64,
) -> Result<Dataset> {
    let inputs = error::check_count("inputs", inputs as f64, 1, 2)?;
    let expected_len = labels.len() * inputs;
    if points.len() != expected_len {
        return Err(InputError::new(
            "points",
            format!(
                "expected {expected_len} numbers ({} labels x {inputs} inputs), got {}",
                labels.len(),
                points.len()
            ),
        ));
    }
    if labels.is_empty() || labels.len() > MAX_COUNT {
        return Err(InputError::new(
            "points",
            format!(
                "must hold from 1 to {MAX_COUNT} points, got {}",
                labels.len()
            ),
        ));
    }
    let limit = MAX_USER_VALUE as f64;
    for (index, &value) in points.iter().enumerate() {
        check_f32("points", value, -limit, limit)
            .map_err(|err| InputError::new(format!("points[{index}]"), err.message))?;
    }
    for (index, &label) in labels.iter().enumerate() {
        if inputs == 2 {
            if label != 0.0 && label != 1.0 {
                return Err(InputError::new(
                    format!("labels[{index}]"),
                    format!(
                        "must be 0 or 1 (a class), got {}",
                        error::number(f64::from(label))
                    ),
                ));
            }
        } else {
            check_f32("labels", label, -limit, limit)
                .map_err(|err| InputError::new(format!("labels[{index}]"), err.message))?;
        }
    }
    let test_ratio = check_test_ratio(test_ratio)?;

    let mut rng = rng::seeded(seed, Stream::Data);
    let (train, test) = shuffle_and_split(inputs, points, labels, test_ratio, &mut rng);
    Ok(Dataset {
        kind: None,
        inputs,
        train,
        test,
    })
}

fn check_test_ratio(test_ratio: f32) -> Result<f32> {
    check_f32("testRatio", test_ratio, 0.0, MAX_TEST_RATIO)
}

/// [`error::check_range`] for an `f32` (the message shows it as typed: `0.95`).
fn check_f32(field: &str, value: f32, min: f64, max: f64) -> Result<f32> {
    error::check_range(field, f64::from(value), min, max).map(|_| value)
}

/// The regression target of a 1-D set at `x`, before noise.
fn regression_target(kind: DataKind, x: f32) -> f32 {
    match kind {
        DataKind::Abs => x.abs(),
        DataKind::Sin => libm::sinf(PI * x),
        DataKind::Step => {
            if x < 0.0 {
                0.0
            } else {
                1.0
            }
        }
        // Classification sets have no regression target.
        DataKind::Circle | DataKind::Xor | DataKind::Gaussians | DataKind::Spiral => 0.0,
    }
}

/// One circle point and its label, as Playground's `classifyCircleData`.
fn circle_point(rng: &mut Rng, inner_disc: bool, noise: f32) -> ([f32; 2], f32) {
    let (low, high) = if inner_disc {
        (0.0, CIRCLE_RADIUS * 0.5)
    } else {
        (CIRCLE_RADIUS * 0.7, CIRCLE_RADIUS)
    };
    let radius = rng::uniform(rng, low, high);
    let angle = rng::uniform(rng, 0.0, 2.0 * PI);
    let x1 = radius * libm::sinf(angle);
    let x2 = radius * libm::cosf(angle);
    let shifted1 = x1 + rng::uniform(rng, -CIRCLE_RADIUS, CIRCLE_RADIUS) * noise;
    let shifted2 = x2 + rng::uniform(rng, -CIRCLE_RADIUS, CIRCLE_RADIUS) * noise;
    let inside = (shifted1 * shifted1 + shifted2 * shifted2).sqrt() < CIRCLE_RADIUS * 0.5;
    ([x1, x2], if inside { 1.0 } else { 0.0 })
}

/// One XOR point and its label, as Playground's `classifyXORData`.
fn xor_point(rng: &mut Rng, noise: f32) -> ([f32; 2], f32) {
    let pad = |value: f32| {
        if value > 0.0 {
            value + XOR_PADDING
        } else {
            value - XOR_PADDING
        }
    };
    let x1 = pad(rng::uniform(rng, -5.0, 5.0));
    let x2 = pad(rng::uniform(rng, -5.0, 5.0));
    let shifted1 = x1 + rng::uniform(rng, -5.0, 5.0) * noise;
    let shifted2 = x2 + rng::uniform(rng, -5.0, 5.0) * noise;
    ([x1, x2], if shifted1 * shifted2 >= 0.0 { 1.0 } else { 0.0 })
}

/// A normal draw restricted to `domain` by redrawing.
fn truncated_normal(rng: &mut Rng, mean: f32, std_dev: f32, domain: (f32, f32)) -> f32 {
    let mut value = mean;
    for _ in 0..MAX_REDRAWS {
        value = rng::normal(rng, mean, std_dev);
        if value >= domain.0 && value <= domain.1 {
            return value;
        }
    }
    value.clamp(domain.0, domain.1)
}

/// The number of test points for `total` points: `round(total * test_ratio)`, leaving at least
/// one training point.
fn test_count(total: usize, test_ratio: f32) -> usize {
    let wanted = (total as f64 * test_ratio as f64).round() as usize;
    wanted.min(total.saturating_sub(1))
}

/// Shuffle the points (Fisher-Yates) and cut them into a training and a test split.
fn shuffle_and_split(
    inputs: usize,
    points: &[f32],
    labels: &[f32],
    test_ratio: f32,
    rng: &mut Rng,
) -> (Split, Split) {
    let total = labels.len();
    let mut order: Vec<usize> = (0..total).collect();
    for last in (1..total).rev() {
        let pick = rng::index(rng, last + 1);
        order.swap(last, pick);
    }
    let train_count = total - test_count(total, test_ratio);
    let gather = |indices: &[usize]| {
        let mut split = Split {
            inputs,
            points: Vec::with_capacity(indices.len() * inputs),
            labels: Vec::with_capacity(indices.len()),
        };
        for &index in indices {
            split
                .points
                .extend_from_slice(&points[index * inputs..(index + 1) * inputs]);
            split.labels.push(labels[index]);
        }
        split
    };
    (gather(&order[..train_count]), gather(&order[train_count..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(kind: DataKind) -> DataConfig {
        DataConfig {
            kind,
            ..DataConfig::default()
        }
    }

    fn all_points(data: &Dataset) -> impl Iterator<Item = &f32> {
        data.train.points.iter().chain(&data.test.points)
    }

    fn all_labels(data: &Dataset) -> impl Iterator<Item = &f32> {
        data.train.labels.iter().chain(&data.test.labels)
    }

    #[test]
    fn names_round_trip() {
        for (kind, (name, named)) in DataKind::ALL.into_iter().zip(DATA_NAMES) {
            assert_eq!((kind.name(), kind), (name, named));
        }
        for kind in DataKind::ALL {
            assert_eq!(DataKind::parse(kind.name()), Ok(kind));
            assert_eq!(kind.inputs(), if kind.is_classification() { 2 } else { 1 });
        }
        let err = DataKind::parse("moons").unwrap_err();
        assert_eq!(err.field, "name");
        assert!(err.message.contains("circle") && err.message.contains("step"));
    }

    #[test]
    fn same_config_same_data_and_seed_matters() {
        for kind in DataKind::ALL {
            let base = DataConfig {
                noise: 0.2,
                ..config(kind)
            };
            let first = generate(&base).unwrap();
            assert_eq!(first, generate(&base).unwrap(), "{kind:?}");
            let other = generate(&DataConfig { seed: 2, ..base }).unwrap();
            assert_ne!(first, other, "{kind:?}");
        }
    }

    #[test]
    fn classification_labels_are_balanced_and_binary() {
        for kind in [
            DataKind::Circle,
            DataKind::Xor,
            DataKind::Gaussians,
            DataKind::Spiral,
        ] {
            // Label noise moves circle points mostly out of the small disc, as in Playground,
            // so noisy sets are only roughly balanced.
            for (noise, fewest) in [(0.0, 450), (0.5, 300)] {
                let data = generate(&DataConfig {
                    count: 1000,
                    noise,
                    ..config(kind)
                })
                .unwrap();
                assert!(all_labels(&data).all(|&label| label == 0.0 || label == 1.0));
                let ones = all_labels(&data).filter(|&&label| label == 1.0).count();
                let balanced = fewest..=1000 - fewest;
                assert!(
                    balanced.contains(&ones),
                    "{kind:?} noise {noise}: {ones} of 1000"
                );
            }
        }
    }

    #[test]
    fn points_stay_in_domain() {
        for kind in DataKind::ALL {
            let data = generate(&DataConfig {
                count: 2000,
                noise: 0.5,
                ..config(kind)
            })
            .unwrap();
            let (low, high) = if kind.inputs() == 2 {
                DOMAIN_2D
            } else {
                DOMAIN_1D
            };
            assert!(
                all_points(&data).all(|&v| v >= low && v <= high),
                "{kind:?}"
            );
            assert_eq!(data.inputs, kind.inputs());
            assert_eq!(data.kind, Some(kind));
        }
    }

    #[test]
    fn noise_free_labels_follow_the_geometry() {
        let circle = generate(&config(DataKind::Circle)).unwrap();
        for p in 0..circle.train.len() {
            let [x1, x2] = circle.train.point(p) else {
                panic!("2 inputs")
            };
            let radius = (x1 * x1 + x2 * x2).sqrt();
            let expected = if radius < 2.5 { 1.0 } else { 0.0 };
            assert_eq!(circle.train.labels[p], expected);
        }
        let xor = generate(&config(DataKind::Xor)).unwrap();
        for p in 0..xor.train.len() {
            let [x1, x2] = xor.train.point(p) else {
                panic!("2 inputs")
            };
            assert!(x1.abs() >= XOR_PADDING && x2.abs() >= XOR_PADDING);
            assert_eq!(xor.train.labels[p], if x1 * x2 >= 0.0 { 1.0 } else { 0.0 });
        }
    }

    #[test]
    fn split_counts() {
        let data = generate(&DataConfig {
            count: 500,
            test_ratio: 0.5,
            ..DataConfig::default()
        });
        let data = data.unwrap();
        assert_eq!((data.train.len(), data.test.len()), (250, 250));
        assert_eq!(data.train.points.len(), 500);
        let data = generate(&DataConfig {
            count: 10,
            test_ratio: 0.3,
            ..DataConfig::default()
        });
        let data = data.unwrap();
        assert_eq!((data.train.len(), data.test.len()), (7, 3));
        let data = generate(&DataConfig {
            count: 2,
            test_ratio: 0.9,
            ..DataConfig::default()
        });
        let data = data.unwrap();
        assert_eq!((data.train.len(), data.test.len()), (1, 1));
        let data = generate(&DataConfig {
            count: 7,
            test_ratio: 0.0,
            ..config(DataKind::Sin)
        });
        let data = data.unwrap();
        assert_eq!((data.train.len(), data.test.len()), (7, 0));
        assert!(data.test.is_empty());
        // Odd counts still give exactly `count` points.
        let data = generate(&DataConfig {
            count: 11,
            ..config(DataKind::Spiral)
        })
        .unwrap();
        assert_eq!(data.train.len() + data.test.len(), 11);
    }

    #[test]
    fn shuffle_mixes_classes_into_both_splits() {
        let data = generate(&config(DataKind::Gaussians)).unwrap();
        let train_ones = data
            .train
            .labels
            .iter()
            .filter(|&&label| label == 1.0)
            .count();
        assert!((75..=175).contains(&train_ones), "{train_ones} of 250");
    }

    #[test]
    fn regression_targets_match_formulas_without_noise() {
        for kind in [DataKind::Abs, DataKind::Sin, DataKind::Step] {
            let data = generate(&config(kind)).unwrap();
            for split in [&data.train, &data.test] {
                for p in 0..split.len() {
                    let x = split.point(p)[0];
                    let expected = match kind {
                        DataKind::Abs => x.abs(),
                        DataKind::Sin => libm::sinf(PI * x),
                        _ => f32::from(u8::from(x >= 0.0)),
                    };
                    assert_eq!(split.labels[p], expected, "{kind:?} at x = {x}");
                }
            }
        }
    }

    #[test]
    fn regression_noise_has_the_requested_spread() {
        let noisy = DataConfig {
            count: 4000,
            noise: 0.3,
            ..config(DataKind::Abs)
        };
        let data = generate(&noisy).unwrap();
        let split = &data.train;
        let residuals: Vec<f32> = (0..split.len())
            .map(|p| split.labels[p] - split.point(p)[0].abs())
            .collect();
        let mean_square = residuals.iter().map(|r| r * r).sum::<f32>() / residuals.len() as f32;
        let std_dev = mean_square.sqrt();
        assert!((0.27..0.33).contains(&std_dev), "std {std_dev}");
    }

    #[test]
    fn bad_config_names_the_field_and_range() {
        let cases = [
            (
                DataConfig {
                    count: 1,
                    ..DataConfig::default()
                },
                "n",
                "2 to 10000",
            ),
            (
                DataConfig {
                    count: 10_001,
                    ..DataConfig::default()
                },
                "n",
                "2 to 10000",
            ),
            (
                DataConfig {
                    noise: -0.1,
                    ..DataConfig::default()
                },
                "noise",
                "0 to 0.5",
            ),
            (
                DataConfig {
                    noise: f32::NAN,
                    ..DataConfig::default()
                },
                "noise",
                "0 to 0.5",
            ),
            (
                DataConfig {
                    test_ratio: 0.95,
                    ..DataConfig::default()
                },
                "testRatio",
                "0 to 0.9",
            ),
        ];
        for (bad, field, range) in cases {
            let err = generate(&bad).unwrap_err();
            assert_eq!(err.field, field);
            assert!(err.message.contains(range), "{err}");
        }
    }

    #[test]
    fn user_points_are_kept_and_split() {
        let points = [0.0, 1.0, 2.0, 3.0, -4.0, 5.0, 6.0, -7.0];
        let labels = [0.0, 1.0, 1.0, 0.0];
        let data = from_points(2, &points, &labels, 0.0, 9).unwrap();
        assert_eq!(data.kind, None);
        assert_eq!((data.train.len(), data.test.len()), (4, 0));
        // Every (point, label) pair survives the shuffle.
        for p in 0..4 {
            let point = data.train.point(p);
            let original = (0..4)
                .find(|&q| points[2 * q..2 * q + 2] == *point)
                .unwrap();
            assert_eq!(data.train.labels[p], labels[original]);
        }
        let data = from_points(1, &[0.5, -0.5, 0.25], &[3.0, -2.0, 1e4], 0.5, 9).unwrap();
        assert_eq!((data.train.len(), data.test.len()), (1, 2));
        let single = from_points(1, &[0.5], &[1.0], 0.9, 9).unwrap();
        assert_eq!((single.train.len(), single.test.len()), (1, 0));
    }

    #[test]
    fn bad_user_points_name_the_field() {
        let field = |result: Result<Dataset>| result.unwrap_err().field;
        assert_eq!(field(from_points(3, &[0.0; 3], &[0.0], 0.0, 1)), "inputs");
        let err = from_points(2, &[0.0; 3], &[0.0, 1.0], 0.0, 1).unwrap_err();
        assert_eq!(err.field, "points");
        assert!(err.message.contains("expected 4"), "{err}");
        assert_eq!(field(from_points(2, &[], &[], 0.0, 1)), "points");
        assert_eq!(
            field(from_points(2, &[0.0, f32::NAN], &[0.0], 0.0, 1)),
            "points[1]"
        );
        assert_eq!(
            field(from_points(1, &[0.0, 2e4], &[0.0, 0.0], 0.0, 1)),
            "points[1]"
        );
        assert_eq!(
            field(from_points(2, &[0.0; 4], &[1.0, 0.5], 0.0, 1)),
            "labels[1]"
        );
        assert_eq!(
            field(from_points(1, &[0.0; 2], &[0.5, f32::INFINITY], 0.0, 1)),
            "labels[1]"
        );
        assert_eq!(field(from_points(1, &[0.0], &[0.5], -0.1, 1)), "testRatio");
    }
}
