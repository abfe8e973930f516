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
            format!("must be a finite number from {min} to {max}, got {value}"),
        ))
    }
}

/// Check that `value` is a whole number in `[min, max]`.
pub fn check_count(field: &str, value: f64, min: usize, max: usize) -> Result<usize> {
    if value.is_finite() && value.fract() == 0.0 && value >= min as f64 && value <= max as f64 {
        Ok(value as usize)
    } else {
        Err(InputError::new(
            field,
            format!("must be a whole number from {min} to {max}, got {value}"),
        ))
    }
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
        assert!(err.to_string().contains("0.00001 to 10") || err.to_string().contains("1e-5"));
        assert!(check_range("x", 0.5, 0.0, 1.0).is_ok());
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
