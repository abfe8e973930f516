//! The wasm boundary: the only module that names wasm-bindgen or js-sys. Thin by design: it
//! reads plain JS values into checked core values, calls the core, and hands results back.
//! Big buffers (grid values, pixels, parameters) go out as typed-array *views* into wasm
//! memory, never copies; a view is valid until the next call that may grow memory, so JS
//! takes fresh views every frame.
//!
//! Every export returns `Result<_, JsError>`: bad input becomes a thrown `Error` naming the
//! field and the allowed range, and the object stays usable. No panic crosses into JS.

// Exported functions receive JS values by value: that is the wasm-bindgen ABI.
#![allow(clippy::needless_pass_by_value)]

mod convert;
mod network;

use wasm_bindgen::prelude::*;

use crate::activation::{Activation, ActivationKind, ActivationOptions, ReluAtZero};
use crate::data::{self, DataConfig, DataKind, Dataset as CoreDataset};
use crate::error::{InputError, check_count, check_range};
use convert::{Options, js_error, numbers};

/// Installs the panic hook once, so that a bug (never bad input) reports its message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The wasm memory, for building typed-array views from pointers.
#[wasm_bindgen(js_name = wasmMemory, unchecked_return_type = "WebAssembly.Memory")]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Names the API accepts, `{ activations, inits, optimizers, datasets, losses }`, and the
/// input domains `{ plane: [−6, 6], line: [−1, 1] }` (the plane's is the same on both axes).
#[wasm_bindgen(unchecked_return_type = "Names")]
pub fn names() -> JsValue {
    convert::names_object()
}

/// Read `{ slope, eluAlpha, reluAtZero, preluSlope }` into an activation of kind `name`.
fn activation_from(name: &str, options: &JsValue) -> Result<Activation, InputError> {
    let kind = ActivationKind::parse("name", name)?;
    let options = Options::new("options", options)?;
    let defaults = ActivationOptions::default();
    let parsed = ActivationOptions {
        leaky_slope: options.number("slope", f64::from(defaults.leaky_slope))? as f32,
        elu_alpha: options.number("eluAlpha", f64::from(defaults.elu_alpha))? as f32,
        relu_at_zero: ReluAtZero::from_value("reluAtZero", options.number("reluAtZero", 0.0)?)?,
    };
    parsed.validate()?;
    let mut activation = Activation::with_options(kind, &parsed);
    if kind == ActivationKind::Prelu {
        let slope = options.number("preluSlope", f64::from(crate::network::PRELU_INITIAL_SLOPE))?;
        activation = Activation::Prelu(check_range("preluSlope", slope, -10.0, 10.0)? as f32);
    }
    Ok(activation)
}

/// f(x) for the activation `name`. `options` may set `slope` (leaky ReLU, 0..1),
/// `preluSlope` (PReLU, −10..10), `eluAlpha` (0.001..10) and `reluAtZero` (0, 0.5 or 1).
#[wasm_bindgen(js_name = activationValue)]
pub fn activation_value(
    #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: &str,
    x: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
) -> Result<f64, JsError> {
    let activation = activation_from(name, &options).map_err(js_error)?;
    let x = check_range("x", x, -f64::from(f32::MAX), f64::from(f32::MAX)).map_err(js_error)?;
    Ok(f64::from(activation.value(x as f32)))
}

/// f'(x) for the activation `name`; same options as `activationValue`.
#[wasm_bindgen(js_name = activationDerivative)]
pub fn activation_derivative(
    #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: &str,
    x: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
) -> Result<f64, JsError> {
    let activation = activation_from(name, &options).map_err(js_error)?;
    let x = check_range("x", x, -f64::from(f32::MAX), f64::from(f32::MAX)).map_err(js_error)?;
    Ok(f64::from(activation.derivative(x as f32)))
}

/// f (or f' when `derivative`) at each of `xs` (at most 100,000 finite values): one call for a
/// whole plotted curve.
#[wasm_bindgen(js_name = activationCurve)]
pub fn activation_curve(
    #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: &str,
    xs: &[f32],
    derivative: bool,
    #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
) -> Result<Vec<f32>, JsError> {
    let activation = activation_from(name, &options).map_err(js_error)?;
    check_count("xs.length", xs.len() as f64, 0, 100_000).map_err(js_error)?;
    if let Some(i) = xs.iter().position(|x| !x.is_finite()) {
        return Err(js_error(InputError::new(
            format!("xs[{i}]"),
            "must be a finite number",
        )));
    }
    Ok(if derivative {
        xs.iter().map(|&x| activation.derivative(x)).collect()
    } else {
        xs.iter().map(|&x| activation.value(x)).collect()
    })
}

/// Evaluate `name` `count` times (1 to 10,000,000) on a sweep of inputs in [−4, 4] and return
/// the sum, so JS can time it (`performance.now()` around the call) to measure the cost of one
/// evaluation in this browser.
#[wasm_bindgen(js_name = activationWorkload)]
pub fn activation_workload(
    #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: &str,
    count: f64,
    #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
) -> Result<f64, JsError> {
    let activation = activation_from(name, &options).map_err(js_error)?;
    let count = check_count("count", count, 1, 10_000_000).map_err(js_error)?;
    let mut x = -4.0_f32;
    let mut sum = 0.0_f32;
    for _ in 0..count {
        sum += activation.value(x);
        x += 0.000_976_562_5;
        if x > 4.0 {
            x = -4.0;
        }
    }
    Ok(f64::from(sum))
}

/// A data set in wasm memory: a training split and a test split.
#[wasm_bindgen]
pub struct Dataset {
    inner: CoreDataset,
}

#[wasm_bindgen]
impl Dataset {
    /// Generate a named set: `{ name: "circle" | "xor" | "gaussians" | "spiral" | "abs" |
    /// "sin" | "step", n: 2..10000 (500), noise: 0..0.5 (0), testRatio: 0..0.9 (0.5),
    /// seed: 0..2^53−1 (1) }`.
    pub fn generate(
        #[wasm_bindgen(unchecked_optional_param_type = "DatasetOptions")] options: JsValue,
    ) -> Result<Dataset, JsError> {
        let read = || -> Result<CoreDataset, InputError> {
            let options = Options::new("options", &options)?;
            let defaults = DataConfig::default();
            let config = DataConfig {
                kind: DataKind::parse(&options.string("name", defaults.kind.name())?)?,
                count: check_count("n", options.number("n", defaults.count as f64)?, 2, 10_000)?,
                noise: options.number("noise", f64::from(defaults.noise))? as f32,
                test_ratio: options.number("testRatio", f64::from(defaults.test_ratio))? as f32,
                seed: seed_from(options.number("seed", defaults.seed as f64)?)?,
            };
            data::generate(&config)
        };
        read().map(|inner| Dataset { inner }).map_err(js_error)
    }

    /// A set from the learner's own points: `points` holds `inputs` (1 or 2) coordinates per
    /// point, `labels` one value per point (0 or 1 for 2 inputs). `testRatio` 0..0.9.
    #[wasm_bindgen(js_name = fromPoints)]
    pub fn from_points(
        inputs: f64,
        #[wasm_bindgen(unchecked_param_type = "Float32Array | Float64Array | number[]")]
        points: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float32Array | Float64Array | number[]")]
        labels: JsValue,
        #[wasm_bindgen(js_name = testRatio)] test_ratio: f64,
        seed: f64,
    ) -> Result<Dataset, JsError> {
        let read = || -> Result<CoreDataset, InputError> {
            let inputs = check_count("inputs", inputs, 1, 2)?;
            let as_f32 = |v: Vec<f64>| v.into_iter().map(|x| x as f32).collect::<Vec<f32>>();
            let points = as_f32(numbers("points", &points, 2 * 10_000)?);
            let labels = as_f32(numbers("labels", &labels, 10_000)?);
            let test_ratio = check_range("testRatio", test_ratio, 0.0, 0.9)? as f32;
            data::from_points(inputs, &points, &labels, test_ratio, seed_from(seed)?)
        };
        read().map(|inner| Dataset { inner }).map_err(js_error)
    }

    /// Inputs per point: 1 or 2.
    #[wasm_bindgen(getter)]
    pub fn inputs(&self) -> usize {
        self.inner.inputs
    }

    /// The generator's name, or `"points"` for the learner's own set.
    #[wasm_bindgen(getter, unchecked_return_type = "DatasetName | 'points'")]
    pub fn name(&self) -> String {
        self.inner
            .kind
            .map_or("points", |kind| kind.name())
            .to_owned()
    }

    /// Number of points in `"train"` or `"test"`.
    pub fn count(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: &str,
    ) -> Result<usize, JsError> {
        Ok(split_of(&self.inner, split).map_err(js_error)?.len())
    }

    /// View of the points of `"train"` or `"test"` (`inputs` values per point). Take a fresh
    /// view after every call that may allocate.
    pub fn points(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: &str,
    ) -> Result<js_sys::Float32Array, JsError> {
        let split = split_of(&self.inner, split).map_err(js_error)?;
        Ok(convert::f32_view(&split.points))
    }

    /// View of the labels of `"train"` or `"test"`.
    pub fn labels(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: &str,
    ) -> Result<js_sys::Float32Array, JsError> {
        let split = split_of(&self.inner, split).map_err(js_error)?;
        Ok(convert::f32_view(&split.labels))
    }
}

impl Dataset {
    /// The core data set.
    pub(crate) fn core(&self) -> &CoreDataset {
        &self.inner
    }
}

/// `"train"` or `"test"`.
fn split_of<'d>(data: &'d CoreDataset, split: &str) -> Result<&'d data::Split, InputError> {
    crate::error::parse_name("split", split, &[("train", false), ("test", true)])
        .map(|test| if test { &data.test } else { &data.train })
}

/// A seed from a JS number: a whole number from 0 to 2^53 − 1.
fn seed_from(value: f64) -> Result<u64, InputError> {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    if value.is_finite() && value.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER).contains(&value) {
        Ok(value as u64)
    } else {
        Err(InputError::new(
            "seed",
            format!(
                "must be a whole number from 0 to 9007199254740991, got {}",
                crate::error::number(value)
            ),
        ))
    }
}
