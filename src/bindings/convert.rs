//! Every conversion between JS values and Rust values: reading JS arguments into checked Rust
//! values, and building the plain JS objects the API returns, each beside its TypeScript
//! interface.
//!
//! Readers accept whatever JS type arrives and never let a JS exception through: every call
//! into JS that can throw (a getter, a Proxy trap, `Array.isArray` on a revoked Proxy) goes
//! through a catching import, so no exception can unwind past a Rust frame that holds a
//! borrowed wasm object. Each rejection names the argument or field, what was expected and
//! what came. Arrays are measured before anything is allocated for them.
//!
//! The readers and builders are `#[inline(never)]`: they run once per call, never per example,
//! and one shared copy of each instead of one inlined into every export makes the wasm 2.5 KB
//! smaller (1.1 KB gzipped) at no measured cost in speed (README: wasm size).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use js_sys::{Array, Float32Array, Float64Array, Object, Reflect, Uint8ClampedArray, WebAssembly};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsError, JsValue};

use crate::activation::ACTIVATION_NAMES;
use crate::data::{self, DATA_NAMES, Dataset as CoreDataset};
use crate::error::{self, InputError, Result};
use crate::history::UnitEvent;
use crate::init::INIT_NAMES;
use crate::inspect::Trace;
use crate::network::{LOSS_NAMES, Layer, NetworkConfig};
use crate::optimizer::OPTIMIZER_NAMES;
use crate::stats::Stats;
use crate::trainer::{ActivationSwitch, TrainReport};

#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn array_is_array(value: &JsValue) -> core::result::Result<bool, JsValue>;
}

/// Turn a core error into a JS `Error` whose message names the field and the allowed range.
#[inline(never)]
pub fn js_error(error: InputError) -> JsError {
    JsError::new(&error.to_string())
}

/// `Array.isArray`, or an error naming `field` when asking throws (a revoked Proxy).
fn is_array(field: &str, value: &JsValue) -> Result<bool> {
    array_is_array(value).map_err(|_| {
        InputError::new(
            field,
            "could not be read (a revoked Proxy?), got an object that throws",
        )
    })
}

/// `object[key]`, or an error naming `field` when reading throws (a getter, a Proxy trap).
fn property(field: &str, object: &JsValue, key: &JsValue) -> Result<JsValue> {
    Reflect::get(object, key)
        .map_err(|thrown| InputError::new(field, format!("reading it threw {}", describe(&thrown))))
}

/// A view of a plain options object; `undefined` or `null` reads as "all defaults".
pub struct Options<'a> {
    object: Option<&'a JsValue>,
}

impl<'a> Options<'a> {
    /// Wrap `value`, which must be an object, `undefined` or `null`.
    #[inline(never)]
    pub fn new(field: &str, value: &'a JsValue) -> Result<Self> {
        if value.is_undefined() || value.is_null() {
            Ok(Self { object: None })
        } else if value.is_object() && !is_array(field, value)? {
            Ok(Self {
                object: Some(value),
            })
        } else {
            Err(InputError::new(
                field,
                format!("must be a plain object of options, got {}", describe(value)),
            ))
        }
    }

    /// The raw value of `key`, or `None` when absent or `undefined`.
    #[inline(never)]
    pub fn get(&self, key: &str) -> Result<Option<JsValue>> {
        let Some(object) = self.object else {
            return Ok(None);
        };
        let value = property(key, object, &JsValue::from_str(key))?;
        Ok(Some(value).filter(|v| !v.is_undefined()))
    }

    /// A number, or `default` when absent; the caller checks the range.
    #[inline(never)]
    pub fn number(&self, key: &str, default: f64) -> Result<f64> {
        self.get(key)?
            .map_or(Ok(default), |value| number(key, &value))
    }

    /// A finite number in `range` (checked as the `f64` given, then rounded to `f32`), or
    /// `default` when absent.
    #[inline(never)]
    pub fn float(&self, key: &str, default: f32, range: (f64, f64)) -> Result<f32> {
        match self.get(key)? {
            None => Ok(default),
            Some(value) => float(key, &value, range),
        }
    }

    /// A name from `table`, or `default` when absent.
    #[inline(never)]
    pub fn name<T: Copy>(&self, key: &str, default: T, table: &[(&str, T)]) -> Result<T> {
        self.get(key)?
            .map_or(Ok(default), |value| name(key, &value, table))
    }

    /// A boolean, or `default` when absent.
    #[inline(never)]
    pub fn boolean(&self, key: &str, default: bool) -> Result<bool> {
        match self.get(key)? {
            None => Ok(default),
            Some(value) => value.as_bool().ok_or_else(|| {
                InputError::new(
                    key,
                    format!("must be true or false, got {}", describe(&value)),
                )
            }),
        }
    }
}

/// A JS number (of any value, NaN included: the caller checks the range).
#[inline(never)]
pub fn number(field: &str, value: &JsValue) -> Result<f64> {
    value
        .as_f64()
        .ok_or_else(|| InputError::new(field, format!("must be a number, got {}", describe(value))))
}

/// A finite number in `[min, max]`, checked as the `f64` given and then rounded to `f32`.
#[inline(never)]
pub fn float(field: &str, value: &JsValue, (min, max): (f64, f64)) -> Result<f32> {
    let value = number(field, value)?;
    error::check_range(field, value, min, max).map(|v| v as f32)
}

/// A whole number in `[min, max]`.
#[inline(never)]
pub fn count(field: &str, value: &JsValue, min: usize, max: usize) -> Result<usize> {
    match value.as_f64() {
        Some(number) => error::check_count(field, number, min, max),
        None => Err(InputError::new(
            field,
            format!(
                "must be a whole number from {min} to {max}, got {}",
                describe(value)
            ),
        )),
    }
}

/// A boolean argument.
#[inline(never)]
pub fn boolean(field: &str, value: &JsValue) -> Result<bool> {
    value.as_bool().ok_or_else(|| {
        InputError::new(
            field,
            format!("must be true or false, got {}", describe(value)),
        )
    })
}

/// A name from `table` (a string), the error listing the names.
pub fn name<T: Copy>(field: &str, value: &JsValue, table: &[(&str, T)]) -> Result<T> {
    let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
    name_position(field, value, &names).map(|i| table[i].1)
}

/// Where the string `value` is in `names` (one copy of the code for every table).
fn name_position(field: &str, value: &JsValue, names: &[&str]) -> Result<usize> {
    let text = value.as_string();
    if let Some(i) = names.iter().position(|n| Some(*n) == text.as_deref()) {
        return Ok(i);
    }
    let came = match text {
        Some(text) => format!("\"{}\"", shortened(&text, 40)),
        None => describe(value),
    };
    Err(InputError::new(
        field,
        format!("must be one of {}, got {came}", names.join(", ")),
    ))
}

/// A seed: a whole number from 0 to 2^53 − 1 (JS's largest safe integer).
#[inline(never)]
pub fn seed(field: &str, value: &JsValue) -> Result<u64> {
    const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;
    match value.as_f64() {
        Some(seed) if seed.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER).contains(&seed) => {
            Ok(seed as u64)
        }
        _ => Err(InputError::new(
            field,
            format!(
                "must be a whole number from 0 to 9007199254740991, got {}",
                describe(value)
            ),
        )),
    }
}

/// The numbers of a real array or a `Float32Array`/`Float64Array`, at most `most` of them,
/// each finite with magnitude at most `limit` (checked as `f64`, then rounded to `f32`).
#[inline(never)]
pub fn floats(field: &str, value: &JsValue, most: usize, limit: f64) -> Result<Vec<f32>> {
    numbers(field, value, most)?
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            // The field's name is only spelled out for an element that fails.
            if v.is_finite() && v.abs() <= limit {
                Ok(v as f32)
            } else {
                error::check_range(&format!("{field}[{i}]"), v, -limit, limit).map(|v| v as f32)
            }
        })
        .collect()
}

/// The numbers (any, NaN included) of a real array or a `Float32Array`/`Float64Array`, at
/// most `most` of them. Anything else is refused before a byte is allocated, whatever its
/// `length` says; an element that is not a number or cannot be read is named (`points[3]`).
#[inline(never)]
pub fn numbers(field: &str, value: &JsValue, most: usize) -> Result<Vec<f64>> {
    let too_long = |length: f64| {
        InputError::new(
            field,
            format!(
                "must have at most {most} numbers, got {}",
                error::number(length)
            ),
        )
    };
    // ArrayBuffer.isView is true for real typed arrays only (never for a Proxy) and never throws.
    if js_sys::ArrayBuffer::is_view(value) {
        if let Some(view) = value.dyn_ref::<Float32Array>() {
            let length = view.length() as usize;
            if length > most {
                return Err(too_long(length as f64));
            }
            return Ok(view.to_vec().into_iter().map(f64::from).collect());
        }
        if let Some(view) = value.dyn_ref::<Float64Array>() {
            let length = view.length() as usize;
            if length > most {
                return Err(too_long(length as f64));
            }
            return Ok(view.to_vec());
        }
    }
    items(field, value, most, "an array of numbers or a Float32Array")?
        .iter()
        .enumerate()
        .map(|(i, item)| {
            item.as_f64()
                .map_or_else(|| number(&format!("{field}[{i}]"), item), Ok)
        })
        .collect()
}

/// The elements of a real array (or a Proxy of one, whose length and elements may lie or
/// throw), at most `most`; the length is checked before anything is allocated.
#[inline(never)]
pub fn items(field: &str, value: &JsValue, most: usize, expected: &str) -> Result<Vec<JsValue>> {
    if !value.is_object() || !is_array(field, value)? {
        return Err(InputError::new(
            field,
            format!("must be {expected}, got {}", describe(value)),
        ));
    }
    let length_field = format!("{field}.length");
    let length = number(
        &length_field,
        &property(&length_field, value, &JsValue::from_str("length"))?,
    )?;
    if !(length.is_finite() && length.fract() == 0.0 && length >= 0.0) {
        return Err(InputError::new(
            length_field,
            format!("must be a whole number, got {}", error::number(length)),
        ));
    }
    if length > most as f64 {
        return Err(InputError::new(
            field,
            format!(
                "must have at most {most} entries, got {}",
                error::number(length)
            ),
        ));
    }
    let mut values = Vec::with_capacity(length as usize);
    for i in 0..length as u32 {
        values.push(Reflect::get_u32(value, i).map_err(|thrown| {
            InputError::new(
                format!("{field}[{i}]"),
                format!("reading it threw {}", describe(&thrown)),
            )
        })?);
    }
    Ok(values)
}

/// The first `most` characters of `text`.
fn shortened(text: &str, most: usize) -> &str {
    let end = text.char_indices().nth(most).map_or(text.len(), |(i, _)| i);
    // `end` is a char boundary; `get` keeps the panicking slice path out of the wasm.
    text.get(..end).unwrap_or(text)
}

/// A short description of a JS value for error messages; never throws.
#[inline(never)]
pub fn describe(value: &JsValue) -> String {
    if value.is_null() {
        return "null".into();
    }
    if value.is_undefined() {
        return "undefined".into();
    }
    if let Some(text) = value.as_string() {
        return format!("the string \"{}\"", shortened(&text, 40));
    }
    if let Some(number) = value.as_f64() {
        return format!("the number {}", error::number(number));
    }
    if let Some(flag) = value.as_bool() {
        return format!("{flag}");
    }
    if value.is_bigint() {
        return "a BigInt".into();
    }
    if value.is_symbol() {
        return "a Symbol".into();
    }
    if value.is_function() {
        return "a function".into();
    }
    match array_is_array(value) {
        Err(_) => return "a revoked Proxy".into(),
        Ok(true) => return "an array".into(),
        Ok(false) => {}
    }
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        // Reading `message` of a real Error is a plain data property; a getter could throw, so
        // read it through Reflect.
        let message = Reflect::get(error, &JsValue::from_str("message"))
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        return format!("an Error ({})", shortened(&message, 80));
    }
    // The class name, when it can be read without throwing: "a Network", "a Float32Array".
    let class = Reflect::get(value, &JsValue::from_str("constructor"))
        .ok()
        .filter(JsValue::is_function)
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("name")).ok())
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty() && n.len() < 40 && n != "Object");
    match class {
        Some(class) => format!("a {class}"),
        None => "an object".into(),
    }
}

/// The live core data sets, by the key their JS `Dataset` carries. Functions that take a
/// `Dataset` look it up here instead of letting wasm-bindgen borrow the JS object: so a
/// non-Dataset or a freed one gets an error naming the argument, and the data set is never
/// left borrowed.
#[derive(Default)]
struct Registry {
    next_key: u32,
    /// A handful at a time, so a list beats a hash map (and its code in the wasm).
    live: Vec<(u32, Weak<CoreDataset>)>,
}

thread_local! {
    static DATASETS: RefCell<Registry> = RefCell::new(Registry::default());
}

/// Register a new data set; returns its key.
pub fn register_dataset(data: &Rc<CoreDataset>) -> u32 {
    DATASETS.with_borrow_mut(|registry| {
        registry.next_key = registry.next_key.wrapping_add(1);
        let key = registry.next_key;
        registry.live.push((key, Rc::downgrade(data)));
        key
    })
}

/// Forget a data set (its JS object was freed).
pub fn unregister_dataset(key: u32) {
    DATASETS.with_borrow_mut(|registry| registry.live.retain(|(k, _)| *k != key));
}

/// The data set behind a JS `Dataset` argument, or an error naming `field`: not a Dataset,
/// a freed one, or an object that throws when read.
#[inline(never)]
pub fn dataset(field: &str, value: &JsValue) -> Result<Rc<CoreDataset>> {
    let not_a_dataset =
        || InputError::new(field, format!("must be a Dataset, got {}", describe(value)));
    if !value.is_object() {
        return Err(not_a_dataset());
    }
    // wasm-bindgen keeps the object's pointer in `__wbg_ptr`, 0 once freed; `__key` is the
    // Dataset's own getter (absent from other objects).
    let pointer = property(field, value, &JsValue::from_str("__wbg_ptr"))?;
    if pointer.as_f64() == Some(0.0) {
        return Err(InputError::new(
            field,
            "must be a live Dataset, got one that was freed (free() was called on it)",
        ));
    }
    let key = property(field, value, &JsValue::from_str("__key"))?;
    let key = key
        .as_f64()
        .filter(|_| pointer.as_f64().is_some())
        .ok_or_else(not_a_dataset)?;
    DATASETS
        .with_borrow(|registry| {
            let key = key as u32;
            registry
                .live
                .iter()
                .find(|(k, _)| *k == key)
                .and_then(|(_, data)| data.upgrade())
        })
        .ok_or_else(not_a_dataset)
}

/// Build a plain object from `(key, value)` pairs.
#[inline(never)]
pub fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// A JS number for an `f32`, `null` for NaN (as in "no accuracy for regression").
#[inline(never)]
pub fn number_or_null(value: f32) -> JsValue {
    if value.is_nan() {
        JsValue::NULL
    } else {
        JsValue::from_f64(f64::from(value))
    }
}

/// A JS array from an iterator of values.
#[inline(never)]
pub fn array(values: impl IntoIterator<Item = JsValue>) -> JsValue {
    values.into_iter().collect::<Array>().into()
}

/// A JS array of numbers from `f32`s.
#[inline(never)]
pub fn float_array(values: &[f32]) -> JsValue {
    array(values.iter().map(|&v| JsValue::from_f64(f64::from(v))))
}

/// The wasm memory's current buffer (replaced whenever memory grows).
fn memory_buffer() -> JsValue {
    wasm_bindgen::memory()
        .unchecked_into::<WebAssembly::Memory>()
        .buffer()
}

/// A `Float32Array` *view* of `values` in wasm memory (no copy). It is valid until memory
/// grows or the slice is dropped, so callers take fresh views every frame.
#[inline(never)]
pub fn f32_view(values: &[f32]) -> Float32Array {
    // A pointer into wasm32 linear memory is a 32-bit byte offset.
    Float32Array::new_with_byte_offset_and_length(
        &memory_buffer(),
        values.as_ptr() as u32,
        values.len() as u32,
    )
}

/// A `Uint8ClampedArray` *view* of RGBA pixels in wasm memory (each pixel a little-endian
/// `u32`, so its bytes are R, G, B, A), ready for `new ImageData`.
#[inline(never)]
pub fn rgba_view(pixels: &[u32]) -> Uint8ClampedArray {
    Uint8ClampedArray::new_with_byte_offset_and_length(
        &memory_buffer(),
        pixels.as_ptr() as u32,
        4 * pixels.len() as u32,
    )
}

// ---------------------------------------------------------------------------------------------
// The plain objects the API returns, and the TypeScript types of everything it takes and gives.
// The section below is pasted into `relu_lab.d.ts` as written; the `unchecked_*_type`
// attributes on the exports refer to these names. Neither costs a byte of wasm.

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** An activation's name, as `names().activations` lists them. */
export type ActivationName = 'relu' | 'leaky-relu' | 'prelu' | 'elu' | 'relu6' | 'gelu' | 'gelu-tanh' | 'silu' | 'softplus' | 'sigmoid' | 'tanh' | 'linear';
/** An initialisation scheme's name. */
export type InitName = 'he-normal' | 'he-uniform' | 'xavier-normal' | 'xavier-uniform' | 'normal' | 'uniform' | 'zeros';
/** An optimiser's name. */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';
/** A generated data set's name. */
export type DatasetName = 'circle' | 'xor' | 'gaussians' | 'spiral' | 'abs' | 'sin' | 'step';
/** A loss: binary cross-entropy on a logit, or mean squared error. */
export type LossName = 'bce' | 'mse';
/** A part of a data set. */
export type Split = 'train' | 'test';
/** ReLU'(0): 0 (PyTorch, TensorFlow, JAX), 1/2 or 1. */
export type ReluAtZero = 0 | 0.5 | 1;
/** How stored values are rounded: plain float32, or emulated float16 (round half to even). */
export type Precision = 'float32' | 'float16';

/** What `names()` returns. */
export interface Names {
  activations: ActivationName[];
  inits: InitName[];
  optimizers: OptimizerName[];
  datasets: DatasetName[];
  losses: LossName[];
  /** Input domains `[low, high]`: the plane's (both axes) and the line's. */
  domains: { plane: [number, number]; line: [number, number] };
}

/** Options of the parametrised activations; every field is optional. */
export interface ActivationOptions {
  /** Leaky ReLU's negative slope, 0 to 1 (0.01). */
  slope?: number;
  /** PReLU's slope, −10 to 10 (0.25). */
  preluSlope?: number;
  /** ELU's α, 0.001 to 10 (1). */
  eluAlpha?: number;
  reluAtZero?: ReluAtZero;
}

/** `Dataset.generate` options; every field is optional. */
export interface DatasetOptions {
  name?: DatasetName;
  /** Points, 2 to 10000 (500). */
  n?: number;
  /** 0 to 0.5 (0). */
  noise?: number;
  /** Share held out for testing, 0 to 0.9 (0.5). */
  testRatio?: number;
  /** 0 to 2^53 − 1 (1). */
  seed?: number;
}

/** `new Network(config)`; every field is optional. */
export interface NetworkConfig {
  inputs?: 1 | 2;
  /** Widths of the hidden layers, 0 to 32 layers of 1 to 64 units ([4, 2]). */
  hidden?: number[];
  /** One name for every hidden layer, or one per layer ('relu'). */
  activation?: ActivationName | ActivationName[];
  slope?: number;
  eluAlpha?: number;
  reluAtZero?: ReluAtZero;
  init?: InitName;
  /** −10 to 10 (0). */
  biasInit?: number;
  seed?: number;
  /** 'bce' for 2 inputs, 'mse' for 1 by default. */
  loss?: LossName;
  /** 'float16' rounds z, a, the gradients and the parameters to float16 ('float32'). */
  precision?: Precision;
}

/** `network.config`: the normalised configuration, every field present. */
export interface NormalisedConfig {
  inputs: 1 | 2;
  hidden: number[];
  activation: ActivationName[];
  slope: number;
  eluAlpha: number;
  reluAtZero: ReluAtZero;
  init: InitName;
  biasInit: number;
  seed: number;
  loss: LossName;
  precision: Precision;
}

/** `network.train` options; every field is optional. */
export interface TrainOptions {
  optimizer?: OptimizerName;
  /** 1e-5 to 10 (0.03). */
  learningRate?: number;
  /** 1 to 10000 (10), capped at the training set's size. */
  batchSize?: number;
  /** 0 to 0.999 (0.9). */
  momentum?: number;
  /** Adam's β1, 0 to 0.999999 (0.9). */
  beta1?: number;
  /** Adam's β2, 0 to 0.999999 (0.999). */
  beta2?: number;
  /** Adam's ε, 1e-12 to 1 (1e-8). */
  epsilon?: number;
  /** L1 penalty rate on weights, 0 to 1 (0). */
  l1?: number;
  /** L2 penalty rate on weights, 0 to 1 (0). */
  l2?: number;
  /** L1 penalty rate on the hidden activations, 0 to 1 (0): adds rate · mean over the batch of Σ|a|. */
  activationL1?: number;
  /** Keep history records and unit events (true). */
  record?: boolean;
}

/** What one `network.train` call did. */
export interface TrainResult {
  /** Steps run (fewer than asked once diverged). */
  steps: number;
  /** Mean loss of the last batch; null when no step ran. */
  batchLoss: number | null;
  /** A loss or weight became NaN or infinite; training stops until `reset()`. */
  diverged: boolean;
  /** Divergence without NaN: the smoothed batch loss is over 10 times its best since the reset. */
  exploding: boolean;
  /** The output was the same for every example of the last batch: the network computes a constant (a dead layer, usually). */
  collapsed: boolean;
}

/** One hidden unit on a data set. */
export interface UnitStats {
  /** Share of examples with z > 0. */
  activeShare: number;
  /** z ≤ 0 on every example. */
  neverActive: boolean;
  /** Never active and ReLU (so it gets no gradient). */
  dead: boolean;
  meanActivation: number;
  gradZMean: number;
  gradWNorm: number;
}

/** One hidden layer on a data set. */
export interface LayerStats {
  units: UnitStats[];
  /** Share of (example, unit) pairs with activation exactly 0. */
  sparsity: number;
  neverActive: number;
  dead: number;
  canDie: boolean;
  activationMean: number;
  activationVariance: number;
  gradZNorm: number;
  gradWNorm: number;
  exactZeroPreActivations: number;
}

/** `network.stats`, `score` and `gridStats`. */
export interface Stats {
  examples: number;
  diverged: boolean;
  /** Mean loss; null without labels (a grid) or examples. */
  loss: number | null;
  /** Share correct; null for regression or without labels. */
  accuracy: number | null;
  deadUnits: number;
  neverActiveUnits: number;
  sparsity: number;
  layers: LayerStats[];
}

/** `network.outputConstantOnDomain`: born dead? */
export interface BornDead {
  constant: boolean;
  /** The first hidden layer (0-based) that is zero on the whole grid, or null. */
  zeroLayer: number | null;
}

/** Where one layer's parameters sit in `params()`. */
export interface LayerLayout {
  fanIn: number;
  fanOut: number;
  activation: ActivationName;
  /** Offset of the weights, `[fanOut][fanIn]` row-major. */
  weights: number;
  /** Offset of the biases. */
  biases: number;
  /** Offset of PReLU's slopes, or null. */
  slopes: number | null;
}

/** One layer of `network.inspect`. */
export interface LayerTrace {
  z: number[];
  a: number[];
  /** f'(z). */
  gate: number[];
  gradA: number[];
  gradZ: number[];
}

/** `network.inspect`: one example's forward and backward pass. */
export interface Inspection {
  loss: number;
  output: number;
  /** Hidden layers, then the output layer. */
  layers: LayerTrace[];
}

/** `network.switches()`: an activation switched during the run. */
export interface ActivationSwitch {
  /** The step from which the new activation trained. */
  step: number;
  /** The hidden layer (0-based), or null when every hidden layer switched. */
  layer: number | null;
  activation: ActivationName;
}

/** A unit that died or came back. */
export interface UnitEvent {
  step: number;
  /** Hidden layer, numbered from 1. */
  layer: number;
  unit: number;
  died: boolean;
}
"#;

/// `names()`: every table of accepted names, and the input domains.
#[inline(never)]
pub fn names_object() -> JsValue {
    fn list<T>(table: &[(&str, T)]) -> JsValue {
        array(table.iter().map(|(name, _)| JsValue::from_str(name)))
    }
    object(&[
        ("activations", list(ACTIVATION_NAMES)),
        ("inits", list(INIT_NAMES)),
        ("optimizers", list(OPTIMIZER_NAMES)),
        ("datasets", list(&DATA_NAMES)),
        ("losses", list(LOSS_NAMES)),
        (
            "domains",
            object(&[
                (
                    "plane",
                    float_array(&[data::DOMAIN_2D.0, data::DOMAIN_2D.1]),
                ),
                ("line", float_array(&[data::DOMAIN_1D.0, data::DOMAIN_1D.1])),
            ]),
        ),
    ])
}

/// `network.config`: the normalised configuration, in the shape `new Network()` accepts.
#[inline(never)]
pub fn config_object(config: &NetworkConfig) -> JsValue {
    let widths = config.hidden.iter().map(|&w| JsValue::from(w as u32));
    let names = config
        .activations
        .iter()
        .map(|k| JsValue::from_str(k.name()));
    let options = &config.activation_options;
    object(&[
        ("inputs", JsValue::from(config.inputs as u32)),
        ("hidden", array(widths)),
        ("activation", array(names)),
        ("slope", JsValue::from(options.leaky_slope)),
        ("eluAlpha", JsValue::from(options.elu_alpha)),
        ("reluAtZero", JsValue::from(options.relu_at_zero.value())),
        ("init", JsValue::from_str(config.init.name())),
        ("biasInit", JsValue::from(config.bias_init)),
        ("seed", JsValue::from(config.seed as f64)),
        ("loss", JsValue::from_str(config.loss.name())),
        ("precision", JsValue::from_str(config.precision.name())),
    ])
}

/// `network.train`'s result.
#[inline(never)]
pub fn train_report_object(report: &TrainReport) -> JsValue {
    object(&[
        ("steps", JsValue::from(report.steps as u32)),
        ("batchLoss", number_or_null(report.batch_loss)),
        ("diverged", JsValue::from(report.diverged)),
        ("exploding", JsValue::from(report.exploding)),
        ("collapsed", JsValue::from(report.collapsed)),
    ])
}

/// Statistics of a network on a data set or a grid.
#[inline(never)]
pub fn stats_object(stats: &Stats, diverged: bool) -> JsValue {
    let mut units = stats.units.iter();
    let layers = stats.layers.iter().map(|layer| {
        let unit_list = units.by_ref().take(layer.units).map(|unit| {
            object(&[
                ("activeShare", JsValue::from(unit.active_share)),
                ("neverActive", JsValue::from(unit.never_active)),
                ("dead", JsValue::from(unit.never_active && layer.can_die)),
                ("meanActivation", JsValue::from(unit.mean_activation)),
                ("gradZMean", JsValue::from(unit.grad_z_mean)),
                ("gradWNorm", JsValue::from(unit.grad_w_norm)),
            ])
        });
        let dead = if layer.can_die { layer.never_active } else { 0 };
        object(&[
            ("units", array(unit_list.collect::<Vec<_>>())),
            ("sparsity", JsValue::from(layer.sparsity)),
            ("neverActive", JsValue::from(layer.never_active as u32)),
            ("dead", JsValue::from(dead as u32)),
            ("canDie", JsValue::from(layer.can_die)),
            ("activationMean", JsValue::from(layer.activation_mean)),
            (
                "activationVariance",
                JsValue::from(layer.activation_variance),
            ),
            ("gradZNorm", JsValue::from(layer.grad_z_norm)),
            ("gradWNorm", JsValue::from(layer.grad_w_norm)),
            (
                "exactZeroPreActivations",
                JsValue::from(layer.exact_zero_pre_activations as f64),
            ),
        ])
    });
    object(&[
        ("examples", JsValue::from(stats.examples as u32)),
        ("diverged", JsValue::from(diverged)),
        ("loss", number_or_null(stats.loss)),
        ("accuracy", number_or_null(stats.accuracy)),
        ("deadUnits", JsValue::from(stats.dead_units() as u32)),
        (
            "neverActiveUnits",
            JsValue::from(stats.never_active_units() as u32),
        ),
        ("sparsity", JsValue::from(stats.overall_sparsity())),
        ("layers", array(layers.collect::<Vec<_>>())),
    ])
}

/// `network.outputConstantOnDomain`'s answer.
#[inline(never)]
pub fn born_dead_object(constant: bool, zero_layer: Option<usize>) -> JsValue {
    object(&[
        ("constant", JsValue::from(constant)),
        (
            "zeroLayer",
            zero_layer.map_or(JsValue::NULL, |l| JsValue::from(l as u32)),
        ),
    ])
}

/// `network.layout()`: where each layer's parameters sit.
#[inline(never)]
pub fn layout_object(layers: &[Layer]) -> JsValue {
    array(layers.iter().map(|layer| {
        object(&[
            ("fanIn", JsValue::from(layer.fan_in as u32)),
            ("fanOut", JsValue::from(layer.fan_out as u32)),
            ("activation", JsValue::from_str(layer.kind.name())),
            ("weights", JsValue::from(layer.weights as u32)),
            ("biases", JsValue::from(layer.biases as u32)),
            (
                "slopes",
                layer
                    .slopes
                    .map_or(JsValue::NULL, |s| JsValue::from(s as u32)),
            ),
        ])
    }))
}

/// `network.inspect`: one example traced forward and backward.
#[inline(never)]
pub fn inspection_object(trace: &Trace) -> JsValue {
    let layers = trace.layers.iter().map(|layer| {
        object(&[
            ("z", float_array(&layer.z)),
            ("a", float_array(&layer.a)),
            ("gate", float_array(&layer.gate)),
            ("gradA", float_array(&layer.grad_a)),
            ("gradZ", float_array(&layer.grad_z)),
        ])
    });
    object(&[
        ("loss", JsValue::from(trace.loss)),
        ("output", JsValue::from(trace.output)),
        ("layers", array(layers.collect::<Vec<_>>())),
    ])
}

/// `network.events()`: units that died or came back, oldest first.
#[inline(never)]
pub fn events_object(events: &[UnitEvent]) -> JsValue {
    array(events.iter().map(|event| {
        object(&[
            ("step", JsValue::from(event.step as f64)),
            ("layer", JsValue::from(event.layer)),
            ("unit", JsValue::from(event.unit)),
            ("died", JsValue::from(event.died)),
        ])
    }))
}

/// `network.switches()`: activation switches, oldest first.
#[inline(never)]
pub fn switches_object(switches: &[ActivationSwitch]) -> JsValue {
    array(switches.iter().map(|switch| {
        object(&[
            ("step", JsValue::from(switch.step as f64)),
            (
                "layer",
                switch
                    .layer
                    .map_or(JsValue::NULL, |l| JsValue::from(l as u32)),
            ),
            ("activation", JsValue::from_str(switch.kind.name())),
        ])
    }))
}
