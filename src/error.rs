//! Input errors: every public entry point checks what it is given and answers with an
//! [`InputError`] that names the field and the allowed range, never with a panic.

use core::fmt;

/// A rejected input: which field, and what would have been allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The name of the offending field as the caller spelled it (`hidden[2]`, `learningRate`).
    pub field: String,
    /// What is allowed and what was received, in plain words.
    pub message: String,
}

impl InputError {
    /// An error for `field` with a message saying what is allowed.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for InputError {}

/// Result of any checked operation in the core.
pub type Result<T> = core::result::Result<T, InputError>;

/// Check that `value` is a finite number in `[min, max]`.
pub fn check_range(field: &str, value: f64, min: f64, max: f64) -> Result<f64> {
    if value.is_finite() && value >= min && value <= max {
        Ok(value)
    } else {
        Err(InputError::new(
            field,
            format!(
                "must be a finite number from {} to {}, got {}",
                number(min),
                number(max),
                number(value)
            ),
        ))
    }
}

/// Check an `f32` against bounds written in `f64`, compared in `f32`: the nearest `f32` to a
/// documented bound passes (`1e-5` as an `f32` is a little below `1e-5`). Callers holding the
/// value as an `f64` check that first, with [`check_range`], and convert after.
pub fn check_f32_range(field: &str, value: f32, (min, max): (f64, f64)) -> Result<f32> {
    check_range(
        field,
        f64::from(value),
        f64::from(min as f32),
        f64::from(max as f32),
    )
    .map(|_| value)
}

/// Check that `value` is a whole number in `[min, max]`.
pub fn check_count(field: &str, value: f64, min: usize, max: usize) -> Result<usize> {
    if value.is_finite() && value.fract() == 0.0 && value >= min as f64 && value <= max as f64 {
        Ok(value as usize)
    } else {
        Err(InputError::new(
            field,
            format!(
                "must be a whole number from {min} to {max}, got {}",
                number(value)
            ),
        ))
    }
}

/// A number as people write it, to 7 significant digits: `0.9`, `0.00001`, `250`, `1e30`,
/// `NaN`. Written with integer formatting only, so the wasm build carries no float formatter
/// (about a tenth of its size), and an `f32` widened to `f64` reads as typed (`0.95`).
pub fn number(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let mut magnitude = value.abs();
    if magnitude.is_infinite() {
        return format!("{sign}Infinity");
    }
    if magnitude == 0.0 {
        return "0".into();
    }
    if magnitude.fract() == 0.0 && magnitude < 1e16 {
        return format!("{sign}{}", magnitude as u64);
    }
    // magnitude = m · 10^exponent with 1 <= m < 10
    let mut exponent = 0_i32;
    while magnitude >= 10.0 {
        magnitude /= 10.0;
        exponent += 1;
    }
    while magnitude < 1.0 {
        magnitude *= 10.0;
        exponent -= 1;
    }
    let mut digits = (magnitude * 1e6).round() as u64;
    if digits >= 10_000_000 {
        digits /= 10;
        exponent += 1;
    }
    let mut text = digits.to_string();
    while text.len() > 1 && text.ends_with('0') {
        text.pop();
    }
    let shown = if (-7..16).contains(&exponent) {
        if exponent < 0 {
            format!("0.{}{text}", "0".repeat((-exponent - 1) as usize))
        } else if (exponent as usize) + 1 >= text.len() {
            format!("{text}{}", "0".repeat(exponent as usize + 1 - text.len()))
        } else {
            // `text` is ASCII digits: the checked split never fails, and it keeps the panicking
            // string-slice path (with its char formatting tables) out of the wasm.
            let (whole, fraction) = text
                .split_at_checked(exponent as usize + 1)
                .unwrap_or((&text, ""));
            format!("{whole}.{fraction}")
        }
    } else {
        let (first, rest) = text.split_at_checked(1).unwrap_or((&text, ""));
        let dot = if rest.is_empty() { "" } else { "." };
        format!("{first}{dot}{rest}e{exponent}")
    };
    format!("{sign}{shown}")
}

/// Look a name up in a list of `(name, value)` pairs, or say which names are allowed.
pub fn parse_name<T: Copy>(field: &str, name: &str, table: &[(&str, T)]) -> Result<T> {
    table
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
            InputError::new(
                field,
                format!("must be one of {}, got \"{name}\"", names.join(", ")),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_names_field_and_bounds() {
        let err = check_range("learningRate", f64::NAN, 1e-5, 10.0).unwrap_err();
        assert_eq!(err.field, "learningRate");
        assert_eq!(
            err.message,
            "must be a finite number from 0.00001 to 10, got NaN"
        );
        assert!(check_range("x", 0.5, 0.0, 1.0).is_ok());
    }

    #[test]
    fn numbers_read_as_written() {
        let cases: [(f64, &str); 14] = [
            (0.9, "0.9"),
            (1e-5, "0.00001"),
            (1e30, "1e30"),
            (f64::from(0.95_f32), "0.95"),
            (-2.5, "-2.5"),
            (9_007_199_254_740_991.0, "9007199254740991"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
            (100.0, "100"),
            (1.5e-7, "0.00000015"),
            (2.5e-9, "2.5e-9"),
            (0.999_999_99, "1"),
            (123.456, "123.456"),
            (-0.0, "0"),
        ];
        for (value, text) in cases {
            assert_eq!(number(value), text, "{value:e}");
        }
    }

    #[test]
    fn count_rejects_fractions_and_negatives() {
        assert!(check_count("n", 2.5, 0, 10).is_err());
        assert!(check_count("n", -1.0, 0, 10).is_err());
        assert_eq!(check_count("n", 10.0, 0, 10), Ok(10));
    }

    #[test]
    fn unknown_name_lists_allowed() {
        let err = parse_name("loss", "hinge", &[("mse", 0), ("bce", 1)]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "loss: must be one of mse, bce, got \"hinge\""
        );
    }
}
