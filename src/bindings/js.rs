//! Reading plain JS objects into checked Rust values, and building plain JS objects back.
//! Every reader names the field it was reading when it rejects a value.

use js_sys::{Array, Float32Array, Object, Reflect, Uint8ClampedArray, WebAssembly};
use wasm_bindgen::{JsCast, JsError, JsValue};

use crate::error::{InputError, Result};

/// Turn a core error into a JS `Error` whose message names the field and the allowed range.
pub fn js_error(error: InputError) -> JsError {
    JsError::new(&error.to_string())
}

/// A view of a plain options object; `undefined` or `null` reads as "all defaults".
pub struct Options<'a> {
    object: Option<&'a JsValue>,
}

impl<'a> Options<'a> {
    /// Wrap `value`, which must be an object, `undefined` or `null`.
    pub fn new(field: &str, value: &'a JsValue) -> Result<Self> {
        if value.is_undefined() || value.is_null() {
            Ok(Self { object: None })
        } else if value.is_object() && !Array::is_array(value) {
            Ok(Self {
                object: Some(value),
            })
        } else {
            Err(InputError::new(field, "must be a plain object of options"))
        }
    }

    /// The raw value of `key`, or `None` when absent or `undefined`.
    pub fn get(&self, key: &str) -> Option<JsValue> {
        let object = self.object?;
        Reflect::get(object, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined())
    }

    /// A number, or `default` when absent. Only finite-or-not numbers pass; the core checks
    /// the range.
    pub fn number(&self, key: &str, default: f64) -> Result<f64> {
        match self.get(key) {
            None => Ok(default),
            Some(value) => value.as_f64().ok_or_else(|| {
                InputError::new(key, format!("must be a number, got {}", describe(&value)))
            }),
        }
    }

    /// A string, or `default` when absent.
    pub fn string(&self, key: &str, default: &str) -> Result<String> {
        match self.get(key) {
            None => Ok(default.to_owned()),
            Some(value) => value.as_string().ok_or_else(|| {
                InputError::new(key, format!("must be a string, got {}", describe(&value)))
            }),
        }
    }

    /// A boolean, or `default` when absent.
    pub fn boolean(&self, key: &str, default: bool) -> Result<bool> {
        match self.get(key) {
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

/// The numbers of a JS array (or typed array), naming `field[i]` for a non-number.
pub fn numbers(field: &str, value: &JsValue, most: usize) -> Result<Vec<f64>> {
    if !Array::is_array(value)
        && !value.is_instance_of::<js_sys::Float32Array>()
        && !value.is_instance_of::<js_sys::Float64Array>()
    {
        return Err(InputError::new(
            field,
            format!("must be an array of numbers, got {}", describe(value)),
        ));
    }
    let array = Array::from(value);
    let length = array.length() as usize;
    if length > most {
        return Err(InputError::new(
            field,
            format!("must have at most {most} entries, got {length}"),
        ));
    }
    array
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_f64().ok_or_else(|| {
                InputError::new(
                    format!("{field}[{i}]"),
                    format!("must be a number, got {}", describe(&v)),
                )
            })
        })
        .collect()
}

/// A short description of a JS value for error messages.
pub fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if let Some(text) = value.as_string() {
        format!("\"{}\"", text.chars().take(40).collect::<String>())
    } else if Array::is_array(value) {
        "an array".into()
    } else {
        value
            .js_typeof()
            .as_string()
            .unwrap_or_else(|| "a value".into())
    }
}

/// Build a plain object from `(key, value)` pairs.
pub fn object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in entries {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// A JS number for an `f32`, `null` for NaN (as in "no accuracy for regression").
pub fn number_or_null(value: f32) -> JsValue {
    if value.is_nan() {
        JsValue::NULL
    } else {
        JsValue::from_f64(f64::from(value))
    }
}

/// A JS array from an iterator of values.
pub fn array(values: impl IntoIterator<Item = JsValue>) -> JsValue {
    values.into_iter().collect::<Array>().into()
}

/// A JS array of numbers from `f32`s.
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
pub fn rgba_view(pixels: &[u32]) -> Uint8ClampedArray {
    Uint8ClampedArray::new_with_byte_offset_and_length(
        &memory_buffer(),
        pixels.as_ptr() as u32,
        4 * pixels.len() as u32,
    )
}
