//! The wasm boundary: the only module that names wasm-bindgen or js-sys. Thin by design: it
//! reads plain JS values into checked core values, calls the core, and hands results back.
//! Big buffers (grid values, pixels, parameters) go out as typed-array *views* into wasm
//! memory, never copies; a view is valid until the next call that may grow memory, so JS
//! takes fresh views every frame.
//!
//! Every export returns `Result<_, JsError>`: bad input of whatever JS type becomes a thrown
//! `Error` naming the argument, what was expected and what came, and the object stays usable.
//! Arguments arrive as `JsValue`s (typed in `relu_lab.d.ts` by the `unchecked_*_type`
//! attributes) and are read in [`convert`], so that wasm-bindgen's own conversions, which
//! trap or leak on hostile values, never run. No panic crosses into JS.

// Exported functions receive JS values by value: that is the wasm-bindgen ABI.
#![allow(clippy::needless_pass_by_value)]

mod convert;
mod network;

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::activation::{
    ACTIVATION_NAMES, Activation, ActivationKind, ActivationOptions, ELU_ALPHA_RANGE,
    LEAKY_SLOPE_RANGE, MAX_CURVE_POINTS, MAX_WORKLOAD, PRELU_SLOPE_RANGE, ReluAtZero,
};
use crate::data::{
    self, DATA_NAMES, DataConfig, Dataset as CoreDataset, MAX_COUNT, MAX_NOISE, MAX_TEST_RATIO,
    MAX_USER_VALUE, MIN_COUNT,
};
use crate::error::InputError;
use convert::{Options, js_error};

/// The allocator: talc instead of Rust's default dlmalloc, measured smaller and no slower
/// (README: wasm size).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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

/// The largest magnitude an activation's input may have: the largest `f32`.
const MAX_X: f64 = f32::MAX as f64;

/// Read an activation name and `{ slope, eluAlpha, reluAtZero, preluSlope }`.
fn activation_from(name: &JsValue, options: &JsValue) -> Result<Activation, InputError> {
    let kind = convert::name("name", name, ACTIVATION_NAMES)?;
    let options = Options::new("options", options)?;
    let defaults = ActivationOptions::default();
    let parsed = ActivationOptions {
        leaky_slope: options.float("slope", defaults.leaky_slope, LEAKY_SLOPE_RANGE)?,
        elu_alpha: options.float("eluAlpha", defaults.elu_alpha, ELU_ALPHA_RANGE)?,
        relu_at_zero: ReluAtZero::from_value("reluAtZero", options.number("reluAtZero", 0.0)?)?,
    };
    let prelu_slope = options.float(
        "preluSlope",
        crate::network::PRELU_INITIAL_SLOPE,
        PRELU_SLOPE_RANGE,
    )?;
    parsed.validate()?;
    Ok(if kind == ActivationKind::Prelu {
        Activation::Prelu(prelu_slope)
    } else {
        Activation::with_options(kind, &parsed)
    })
}

/// f(x) for the activation `name`. `options` may set `slope` (leaky ReLU, 0..1),
/// `preluSlope` (PReLU, −10..10), `eluAlpha` (0.001..10) and `reluAtZero` (0, 0.5 or 1).
#[wasm_bindgen(js_name = activationValue)]
pub fn activation_value(
    #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] x: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
) -> Result<f64, JsError> {
    let activation = activation_from(&name, &options).map_err(js_error)?;
    let x = convert::float("x", &x, (-MAX_X, MAX_X)).map_err(js_error)?;
    Ok(f64::from(activation.value(x)))
}

/// f'(x) for the activation `name`; same options as `activationValue`.
#[wasm_bindgen(js_name = activationDerivative)]
pub fn activation_derivative(
    #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] x: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
) -> Result<f64, JsError> {
    let activation = activation_from(&name, &options).map_err(js_error)?;
    let x = convert::float("x", &x, (-MAX_X, MAX_X)).map_err(js_error)?;
    Ok(f64::from(activation.derivative(x)))
}

/// f (or f' when `derivative`) at each of `xs` (an array or a `Float32Array` of at most
/// 100,000 finite numbers): one call for a whole plotted curve.
#[wasm_bindgen(js_name = activationCurve)]
pub fn activation_curve(
    #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Float32Array | Float64Array | number[]")] xs: JsValue,
    #[wasm_bindgen(unchecked_param_type = "boolean")] derivative: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
) -> Result<Vec<f32>, JsError> {
    let read = || -> Result<_, InputError> {
        let activation = activation_from(&name, &options)?;
        let derivative = convert::boolean("derivative", &derivative)?;
        let xs = convert::floats("xs", &xs, MAX_CURVE_POINTS, MAX_X)?;
        Ok((activation, derivative, xs))
    };
    let (activation, derivative, xs) = read().map_err(js_error)?;
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
    #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] count: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
) -> Result<f64, JsError> {
    let activation = activation_from(&name, &options).map_err(js_error)?;
    let count = convert::count("count", &count, 1, MAX_WORKLOAD).map_err(js_error)?;
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
    key: u32,
    inner: Rc<CoreDataset>,
}

impl Dataset {
    fn new(inner: CoreDataset) -> Dataset {
        let inner = Rc::new(inner);
        Dataset {
            key: convert::register_dataset(&inner),
            inner,
        }
    }
}

impl Drop for Dataset {
    fn drop(&mut self) {
        convert::unregister_dataset(self.key);
    }
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
            let n = options.get("n")?;
            let seed = options.get("seed")?;
            let config = DataConfig {
                kind: options.name("name", defaults.kind, &DATA_NAMES)?,
                count: n.map_or(Ok(defaults.count), |n| {
                    convert::count("n", &n, MIN_COUNT, MAX_COUNT)
                })?,
                noise: options.float("noise", defaults.noise, (0.0, MAX_NOISE))?,
                test_ratio: options.float(
                    "testRatio",
                    defaults.test_ratio,
                    (0.0, MAX_TEST_RATIO),
                )?,
                seed: seed.map_or(Ok(defaults.seed), |s| convert::seed("seed", &s))?,
            };
            data::generate(&config)
        };
        read().map(Dataset::new).map_err(js_error)
    }

    /// A set from the learner's own points: `points` holds `inputs` (1 or 2) coordinates per
    /// point, `labels` one value per point (0 or 1 for 2 inputs), each an array or a
    /// `Float32Array`/`Float64Array`. `testRatio` 0..0.9.
    #[wasm_bindgen(js_name = fromPoints)]
    pub fn from_points(
        #[wasm_bindgen(unchecked_param_type = "1 | 2")] inputs: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float32Array | Float64Array | number[]")]
        points: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Float32Array | Float64Array | number[]")]
        labels: JsValue,
        #[wasm_bindgen(js_name = testRatio, unchecked_param_type = "number")] test_ratio: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    ) -> Result<Dataset, JsError> {
        let read = || -> Result<CoreDataset, InputError> {
            let inputs = convert::count("inputs", &inputs, 1, 2)?;
            let limit = f64::from(MAX_USER_VALUE);
            let points = convert::floats("points", &points, inputs * MAX_COUNT, limit)?;
            let labels = convert::floats("labels", &labels, MAX_COUNT, limit)?;
            let test_ratio = convert::float("testRatio", &test_ratio, (0.0, MAX_TEST_RATIO))?;
            let seed = convert::seed("seed", &seed)?;
            data::from_points(inputs, &points, &labels, test_ratio, seed)
        };
        read().map(Dataset::new).map_err(js_error)
    }

    /// The key other exports find this data set by (internal).
    #[wasm_bindgen(getter, js_name = __key, skip_typescript)]
    pub fn key(&self) -> u32 {
        self.key
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
        #[wasm_bindgen(unchecked_param_type = "Split")] split: JsValue,
    ) -> Result<usize, JsError> {
        Ok(split_of(&self.inner, &split).map_err(js_error)?.len())
    }

    /// View of the points of `"train"` or `"test"` (`inputs` values per point). Take a fresh
    /// view after every call that may allocate.
    pub fn points(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: JsValue,
    ) -> Result<js_sys::Float32Array, JsError> {
        let split = split_of(&self.inner, &split).map_err(js_error)?;
        Ok(convert::f32_view(&split.points))
    }

    /// View of the labels of `"train"` or `"test"`.
    pub fn labels(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: JsValue,
    ) -> Result<js_sys::Float32Array, JsError> {
        let split = split_of(&self.inner, &split).map_err(js_error)?;
        Ok(convert::f32_view(&split.labels))
    }
}

/// `"train"` or `"test"`.
fn split_of<'d>(data: &'d CoreDataset, split: &JsValue) -> Result<&'d data::Split, InputError> {
    convert::name("split", split, &[("train", false), ("test", true)])
        .map(|test| if test { &data.test } else { &data.train })
}
