//! # ReLU Lab core
//!
//! ReLU and its relatives, their derivatives, and a tiny fully connected network trained live.
//! This crate is plain Rust: it knows nothing of the browser. The only module that names
//! wasm-bindgen or js-sys is `bindings`, compiled for `wasm32` alone.
//!
//! ## Conventions
//!
//! * **Notation.** For hidden layer `l` (numbered from 1), pre-activation
//!   `z = W·a_prev + b` and activation `a = f(z)`. The input is `a_0 = x`.
//! * **Weight layout.** All parameters live in one flat `Vec<f32>`, layer after layer. Within a
//!   layer: the weights `W` row-major as `[out][in]` (weight from input `k` to unit `j` at
//!   `j * fan_in + k`), then the biases `b[out]`, then for PReLU layers the learnable slopes
//!   `a[out]` (one per unit). The output layer is last and has one unit.
//! * **Batch layout.** Activations of a batch are stored unit-major: the values of unit `j`
//!   over the examples `p` of a batch (or the points of a grid) are contiguous, at
//!   `j * batch + p`, so one unit's map over a grid is one contiguous slice.
//! * **Losses.** Regression (1 input): a linear output and mean squared error
//!   `L = mean (y_hat - y)^2 / 2`... see [`network::Loss`] for the exact factor. Classification
//!   (2 inputs, labels 0/1): the output is a logit `s`, and binary cross-entropy is computed
//!   from the logit as `max(s, 0) - s*y + ln1p(e^-|s|)`, never through `log(sigmoid(s))`.
//!   L1 and L2 penalties apply to weights, not to biases or PReLU slopes.
//!   The activation penalty (`activation_l1`) adds its rate times the batch mean of Σ|a| over
//!   the hidden units.
//! * **Active.** A hidden unit is active on an example when its pre-activation `z > 0`.
//! * **Dead** (always on a named data set: the training set, the test set, or a grid over the
//!   whole input domain): a ReLU unit whose `z <= 0` on every example of that set. It outputs 0
//!   everywhere and its weights and bias get zero gradient. For leaky ReLU, PReLU, ELU and the
//!   other activations the same condition is called **inactive**: they still pass gradient.
//! * **Sparsity** of a layer on a data set: the fraction of (example, unit) pairs whose
//!   activation is exactly `0.0`.
//! * **Born dead.** The network output is constant over the input domain at initialisation
//!   (almost surely because some hidden layer is zero on every point of the domain).
//! * **Gradient flow.** Per layer, the norm of `dL/dz` and of `dL/dW`, averaged over the batch.
//! * **Seed.** One `u64` seed drives independent PCG32 streams ([`rng::Stream`]): weight
//!   initialisation, mini-batch order, and data generation. The same configuration and seed
//!   give bit-identical losses and weights natively and in wasm, because every transcendental
//!   function comes from `libm` rather than the platform.
//! * **Precision.** [`precision::Precision::Float16`] rounds every stored value (inputs, z,
//!   a, gradients, parameters) to the nearest float16 and accumulates forward sums in float16;
//!   the default `Float32` rounds nothing, so float32 runs are unchanged.
//! * **ReLU'(0).** Chosen by [`activation::ReluAtZero`]: 0 (the default, as in PyTorch,
//!   TensorFlow and JAX), 1/2 or 1.

pub mod activation;
pub mod data;
pub mod error;
pub mod grid;
pub mod history;
pub mod init;
pub mod inspect;
pub mod lane_pass;
mod lane_sums;
pub mod lanes;
pub mod network;
pub mod optimizer;
pub mod palette;
pub mod precision;
pub mod rng;
pub mod stats;
pub mod trainer;

#[cfg(target_arch = "wasm32")]
mod bindings;

pub use error::{InputError, Result};

/// The README's Rust example, compiled and run as a doc test.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
