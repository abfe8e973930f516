//! The tiny fully connected network: its shape, its parameters, and the hand-written forward
//! and backward passes. This file is the lesson; it is meant to be read.
//!
//! Layout (see the crate conventions): parameters in one flat `Vec<f32>`, per layer `W[out][in]`
//! row-major, then `b[out]`, then PReLU slopes `a[out]`. Batch buffers are unit-major: unit `j`
//! of a layer over the examples `p` of a batch sits at `j * batch + p`.

use crate::activation::{Activation, ActivationKind, ActivationOptions};
use crate::error::{InputError, Result, check_count, check_f32_range, check_range, parse_name};
use crate::init::Init;
use crate::precision::{Precision, round_to_f16};
use crate::rng::{self, Stream};

/// Most hidden layers a network may have.
pub const MAX_HIDDEN_LAYERS: usize = 32;
/// Most units in one hidden layer.
pub const MAX_UNITS: usize = 64;
/// PReLU's initial slope (He et al. 2015 start at 0.25).
pub const PRELU_INITIAL_SLOPE: f32 = 0.25;
/// The most points one `predict` call may take (and fewer on large networks, see
/// [`Network::check_forward_work`]).
pub const MAX_PREDICT_POINTS: usize = 65_536;
/// Allowed initial biases.
pub const BIAS_INIT_RANGE: (f64, f64) = (-10.0, 10.0);
/// What one example costs, in the units of [`MAX_FORWARD_WORK`] and
/// [`crate::trainer::MAX_TRAIN_WORK`], beyond the network's parameters and units.
pub const EXAMPLE_OVERHEAD: usize = 32;
/// The most work of one forward-only call over many points (`predict`, a grid, statistics
/// without gradients): points × [`Network::example_cost`]. About 0.3 s in wasm on a 2-core
/// laptop-class machine; statistics with gradients count twice.
pub const MAX_FORWARD_WORK: u64 = 1_000_000_000;
/// The most values (points × units) one batch of a forward pass may hold: 32 MB per buffer.
pub const MAX_BATCH_VALUES: usize = 1 << 23;

/// Past this |logit|, binary cross-entropy takes e^−|s| as 0 (e^−87 ≈ 1.6e-38, the edge of
/// the normal floats).
pub const BCE_TAIL_CUTOFF: f32 = 87.0;

/// The loss the output unit is trained with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loss {
    /// Regression: linear output `y_hat`, per-example loss `(y_hat − y)² / 2`.
    MeanSquared,
    /// Classification: the output is a logit `s`; per-example loss
    /// `max(s, 0) − s·y + ln1p(e^−|s|)` (binary cross-entropy, labels 0/1).
    BinaryCrossEntropy,
}

/// Every loss with its name.
pub const LOSS_NAMES: &[(&str, Loss)] = &[
    ("mse", Loss::MeanSquared),
    ("bce", Loss::BinaryCrossEntropy),
];

impl Loss {
    /// Parse "mse" or "bce".
    pub fn parse(name: &str) -> Result<Self> {
        parse_name("loss", name, LOSS_NAMES)
    }

    /// The name as the JS API spells it.
    pub fn name(self) -> &'static str {
        LOSS_NAMES
            .iter()
            .find(|(_, l)| *l == self)
            .map_or("mse", |(n, _)| n)
    }

    /// The per-example loss for output `s` and label `y`, and its derivative `dL/ds`.
    pub fn value_and_slope(self, s: f32, y: f32) -> (f32, f32) {
        match self {
            Loss::MeanSquared => {
                let error = s - y;
                (0.5 * error * error, error)
            }
            Loss::BinaryCrossEntropy => {
                // e^−|s|, taken as 0 past |s| = 87 where it would fall below 1.7e-38 towards
                // the subnormals (slow arithmetic, issue 13): loss and slope change by less
                // than 1.7e-38.
                let tail = if s.abs() > BCE_TAIL_CUTOFF {
                    0.0
                } else {
                    libm::expf(-s.abs())
                };
                let loss = s.max(0.0) - s * y + libm::log1pf(tail);
                // σ(s) from the same e^−|s| (as `activation::sigmoid` computes it).
                let probability = if s >= 0.0 {
                    1.0 / (1.0 + tail)
                } else {
                    tail / (1.0 + tail)
                };
                (loss, probability - y)
            }
        }
    }

    /// Whether the output, for label `y`, counts as correct (classification only).
    pub fn is_correct(self, s: f32, y: f32) -> bool {
        (s > 0.0) == (y > 0.5)
    }
}

/// Everything that defines a network before training: shape, activations, initialisation, seed.
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkConfig {
    /// Input dimension: 1 (regression on a line) or 2 (the plane).
    pub inputs: usize,
    /// Width of each hidden layer, 0 to 32 layers of 1 to 64 units.
    pub hidden: Vec<usize>,
    /// One activation per hidden layer (same length as `hidden`).
    pub activations: Vec<ActivationKind>,
    /// Leaky slope, ELU α and the ReLU'(0) convention.
    pub activation_options: ActivationOptions,
    /// Weight initialisation.
    pub init: Init,
    /// Every bias starts at this constant (−10 to 10).
    pub bias_init: f32,
    /// The seed of every random draw (0 to 2^53 − 1, so that JS numbers hold it exactly).
    pub seed: u64,
    /// The output's loss.
    pub loss: Loss,
    /// `Float16` rounds every stored value to float16 (emulated); `Float32` by default.
    pub precision: Precision,
}

impl Default for NetworkConfig {
    fn default() -> Self {
        Self {
            inputs: 2,
            hidden: vec![4, 2],
            activations: vec![ActivationKind::Relu; 2],
            activation_options: ActivationOptions::default(),
            init: Init::HeNormal,
            bias_init: 0.0,
            seed: 1,
            loss: Loss::BinaryCrossEntropy,
            precision: Precision::Float32,
        }
    }
}

impl NetworkConfig {
    /// Check every field; the error names the field and the allowed range.
    pub fn validate(&self) -> Result<()> {
        check_count("inputs", self.inputs as f64, 1, 2)?;
        check_count(
            "hidden.length",
            self.hidden.len() as f64,
            0,
            MAX_HIDDEN_LAYERS,
        )?;
        for (i, &width) in self.hidden.iter().enumerate() {
            check_count(&format!("hidden[{i}]"), width as f64, 1, MAX_UNITS)?;
        }
        if self.activations.len() != self.hidden.len() {
            return Err(InputError::new(
                "activation",
                format!(
                    "must name one activation or one per hidden layer ({}), got {}",
                    self.hidden.len(),
                    self.activations.len()
                ),
            ));
        }
        self.activation_options.validate()?;
        check_f32_range("biasInit", self.bias_init, BIAS_INIT_RANGE)?;
        check_range("seed", self.seed as f64, 0.0, 9_007_199_254_740_991.0)?;
        Ok(())
    }
}

/// One layer's place in the flat parameter vector and its activation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layer {
    /// Inputs to each unit.
    pub fan_in: usize,
    /// Units in the layer.
    pub fan_out: usize,
    /// The activation's name (`Linear` for the output layer).
    pub kind: ActivationKind,
    /// The activation with its fixed parameters (PReLU's slope is read from `params`).
    pub activation: Activation,
    /// Offset of `W[0][0]` in the parameter vector.
    pub weights: usize,
    /// Offset of `b[0]`.
    pub biases: usize,
    /// Offset of the first PReLU slope, for PReLU layers.
    pub slopes: Option<usize>,
    /// Index of this layer's first unit among all units of the network, for buffer offsets.
    pub first_unit: usize,
    /// The precision z, a and the gradients are stored in (the network's).
    pub precision: Precision,
}

impl Layer {
    /// Number of weights.
    pub fn weight_count(&self) -> usize {
        self.fan_in * self.fan_out
    }

    /// Weight from input `k` to unit `j`.
    pub fn weight(&self, params: &[f32], j: usize, k: usize) -> f32 {
        params[self.weights + j * self.fan_in + k]
    }

    /// The activation of unit `j`, with its own slope for PReLU.
    pub fn unit_activation(&self, params: &[f32], j: usize) -> Activation {
        match self.slopes {
            Some(offset) => Activation::Prelu(params[offset + j]),
            None => self.activation,
        }
    }

    /// Forward pass for a whole batch: `z = W·a_prev + b`, then `a = f(z)`.
    pub fn forward(
        &self,
        params: &[f32],
        a_prev: &[f32],
        z: &mut [f32],
        a: &mut [f32],
        batch: usize,
    ) {
        let weights = &params[self.weights..self.weights + self.weight_count()];
        let biases = &params[self.biases..self.biases + self.fan_out];
        let units = z.chunks_exact_mut(batch).zip(a.chunks_exact_mut(batch));
        for (j, (z_row, a_row)) in units.enumerate() {
            z_row.fill(biases[j]);
            let unit_weights = &weights[j * self.fan_in..(j + 1) * self.fan_in];
            for (&w, input_row) in unit_weights.iter().zip(a_prev.chunks_exact(batch)) {
                match self.precision {
                    Precision::Float32 => add_scaled(z_row, w, input_row),
                    Precision::Float16 => add_scaled_in_f16(z_row, w, input_row),
                }
            }
            self.unit_activation(params, j).apply_row(z_row, a_row);
            self.precision.round_row(a_row);
        }
    }

    /// Backward pass for a whole batch. On entry `grad` holds dL/da for this layer; on exit it
    /// holds dL/dz = dL/da · f'(z). Adds dL/dW, dL/db (and dL/d slope) into `param_grads`, and,
    /// when `grad_prev` is given, writes dL/da_prev = Wᵀ·dL/dz into it.
    #[allow(clippy::too_many_arguments)] // the seven buffers are the math: a_prev, z, dL/dz, ∇θ, θ
    pub fn backward(
        &self,
        params: &[f32],
        a_prev: &[f32],
        z: &[f32],
        grad: &mut [f32],
        param_grads: &mut [f32],
        grad_prev: Option<&mut [f32]>,
        batch: usize,
    ) {
        for (j, (grad_row, z_row)) in grad
            .chunks_exact_mut(batch)
            .zip(z.chunks_exact(batch))
            .enumerate()
        {
            let activation = self.unit_activation(params, j);
            if let Some(offset) = self.slopes {
                // PReLU: dL/d slope = Σ_p dL/da · min(0, z), taken before the gate is applied.
                let slope_grad: f32 = grad_row
                    .iter()
                    .zip(z_row)
                    .map(|(&g, &x)| g * activation.slope_derivative(x))
                    .sum();
                param_grads[offset + j] += slope_grad;
            }
            activation.gate_row(z_row, grad_row);
            self.precision.round_row(grad_row);
            param_grads[self.biases + j] += grad_row.iter().sum::<f32>();
            let weight_grads = &mut param_grads
                [self.weights + j * self.fan_in..self.weights + (j + 1) * self.fan_in];
            for (wg, input_row) in weight_grads.iter_mut().zip(a_prev.chunks_exact(batch)) {
                *wg += dot(grad_row, input_row);
            }
        }
        if let Some(grad_prev) = grad_prev {
            grad_prev.fill(0.0);
            let weights = &params[self.weights..self.weights + self.weight_count()];
            for (j, grad_row) in grad.chunks_exact(batch).enumerate() {
                let unit_weights = &weights[j * self.fan_in..(j + 1) * self.fan_in];
                for (&w, prev_row) in unit_weights.iter().zip(grad_prev.chunks_exact_mut(batch)) {
                    add_scaled(prev_row, w, grad_row);
                }
            }
            self.precision.round_row(grad_prev);
        }
    }
}

/// The sign of `x` as the L1 penalties' subgradient: 1, −1, or 0 at 0 (where |x| has a kink).
pub(crate) fn sign(x: f32) -> f32 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        0.0
    }
}

/// The layers of `config` (validated) with their parameter offsets, and the parameter count.
fn build_layers(config: &NetworkConfig) -> (Vec<Layer>, usize) {
    let mut layers = Vec::with_capacity(config.hidden.len() + 1);
    let mut offset = 0;
    let mut first_unit = 0;
    let mut fan_in = config.inputs;
    let outputs = config.hidden.iter().copied().chain(core::iter::once(1));
    let kinds = config
        .activations
        .iter()
        .copied()
        .chain(core::iter::once(ActivationKind::Linear));
    for (fan_out, kind) in outputs.zip(kinds) {
        let weights = offset;
        let biases = weights + fan_in * fan_out;
        offset = biases + fan_out;
        let slopes = (kind == ActivationKind::Prelu).then(|| {
            offset += fan_out;
            biases + fan_out
        });
        let activation = Activation::with_options(kind, &config.activation_options);
        layers.push(Layer {
            fan_in,
            fan_out,
            kind,
            activation,
            weights,
            biases,
            slopes,
            first_unit,
            precision: config.precision,
        });
        first_unit += fan_out;
        fan_in = fan_out;
    }
    (layers, offset)
}

/// Σ a[i]·b[i], summed in four interleaved lanes (then lane 0 + 1, 2 + 3, and the tail).
/// The order is fixed by the code, so the result is identical on every platform, and the
/// independent lanes let the compiler use SIMD instead of one long chain of dependent adds.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0.0_f32; 4];
    let (a_chunks, b_chunks) = (a.chunks_exact(4), b.chunks_exact(4));
    let tail: f32 = a_chunks
        .remainder()
        .iter()
        .zip(b_chunks.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in a_chunks.zip(b_chunks) {
        for lane in 0..4 {
            lanes[lane] += x[lane] * y[lane];
        }
    }
    (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) + tail
}

/// y[i] += w·x[i], four elements at a time: batches are short (often 10), so the loop is
/// written in the 4-wide chunks that map onto one SIMD operation each.
fn add_scaled(y: &mut [f32], w: f32, x: &[f32]) {
    let mut y_chunks = y.chunks_exact_mut(4);
    let mut x_chunks = x.chunks_exact(4);
    for (y4, x4) in y_chunks.by_ref().zip(x_chunks.by_ref()) {
        for lane in 0..4 {
            y4[lane] += w * x4[lane];
        }
    }
    for (yi, xi) in y_chunks
        .into_remainder()
        .iter_mut()
        .zip(x_chunks.remainder())
    {
        *yi += w * xi;
    }
}

/// y[i] += w·x[i] in float16 arithmetic: the product and the sum each rounded to float16, as
/// float16 hardware accumulates. This is where exact cancellations (z = 0) become common.
fn add_scaled_in_f16(y: &mut [f32], w: f32, x: &[f32]) {
    for (yi, &xi) in y.iter_mut().zip(x) {
        *yi = round_to_f16(*yi + round_to_f16(w * xi));
    }
}

/// Buffers for one batch size: inputs, pre-activations, activations and dL/dz of every layer,
/// all unit-major. Allocated once per batch size; a pass allocates nothing.
#[derive(Clone, Debug, Default)]
pub struct Workspace {
    /// Examples in the batch.
    pub batch: usize,
    /// The inputs, unit-major: coordinate `k` of example `p` at `k * batch + p`.
    pub input: Vec<f32>,
    /// Pre-activations z of every unit (hidden and output), unit `u` at `u * batch..`.
    pub z: Vec<f32>,
    /// Activations a = f(z), same layout.
    pub a: Vec<f32>,
    /// dL/dz after a backward pass, same layout.
    pub grad: Vec<f32>,
    /// Labels of the batch.
    pub labels: Vec<f32>,
    /// Output gradients (dL/ds times the scale) below this magnitude are set to 0 in
    /// [`Network::backward`]: training sets [`crate::optimizer::GRADIENT_FLOOR`], so no
    /// subnormal value reaches the hidden layers; 0 (the default) keeps every value, for
    /// statistics, the inspector and gradient checks.
    pub gradient_floor: f32,
}

impl Workspace {
    /// Size the buffers for `batch` examples of `network` (reuses memory when it can).
    pub fn prepare(&mut self, network: &Network, batch: usize) {
        self.prepare_forward(network, batch);
        self.grad.resize(network.unit_count() * batch, 0.0);
    }

    /// Size only what a forward pass needs (no gradient buffer), for large grids.
    pub fn prepare_forward(&mut self, network: &Network, batch: usize) {
        let units = network.unit_count();
        self.batch = batch;
        self.input.resize(network.config.inputs * batch, 0.0);
        self.z.resize(units * batch, 0.0);
        self.a.resize(units * batch, 0.0);
        self.labels.resize(batch, 0.0);
    }

    /// Rows `[first_unit, first_unit + units)` of a unit-major buffer.
    pub fn rows<'b>(&self, buffer: &'b [f32], layer: &Layer) -> &'b [f32] {
        &buffer[layer.first_unit * self.batch..(layer.first_unit + layer.fan_out) * self.batch]
    }

    /// Copy examples (example-major, `inputs` values each) and their labels (if any) into the
    /// unit-major batch buffers, filling slots from `first_slot` on with the examples `pick`.
    pub fn load(
        &mut self,
        points: &[f32],
        labels: &[f32],
        inputs: usize,
        first_slot: usize,
        pick: impl Iterator<Item = usize>,
    ) {
        let batch = self.batch;
        let into = UnitMajor {
            values: &mut self.input,
            labels: &mut self.labels,
            row: batch,
            slots: batch,
        };
        into.load(points, labels, inputs, first_slot, pick);
    }
}

/// Unit-major batch buffers to load examples into: input `k` of slot `s` is `values[k * row + s]`
/// (`row` ≥ `slots`: the lane passes pad each row to whole blocks of four), its label `labels[s]`.
pub(crate) struct UnitMajor<'a> {
    pub values: &'a mut [f32],
    pub labels: &'a mut [f32],
    pub row: usize,
    pub slots: usize,
}

impl UnitMajor<'_> {
    /// Copy examples `pick` (example-major `points`, `inputs` values each) and their labels (if
    /// any) into the slots from `first_slot` on.
    pub fn load(
        self,
        points: &[f32],
        labels: &[f32],
        inputs: usize,
        first_slot: usize,
        pick: impl Iterator<Item = usize>,
    ) {
        for (slot, example) in (first_slot..self.slots).zip(pick) {
            for k in 0..inputs {
                self.values[k * self.row + slot] = points[example * inputs + k];
            }
            if let Some(&label) = labels.get(example) {
                self.labels[slot] = label;
            }
        }
    }
}

/// A fully connected network: hidden layers with the chosen activations, then one linear
/// output unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    /// The configuration it was built from (validated).
    pub config: NetworkConfig,
    /// Hidden layers, then the output layer.
    pub layers: Vec<Layer>,
    /// All parameters, flat.
    pub params: Vec<f32>,
}

impl Network {
    /// Build and initialise a network; the error names the bad field.
    pub fn new(config: NetworkConfig) -> Result<Self> {
        config.validate()?;
        let (layers, parameter_count) = build_layers(&config);
        let mut network = Self {
            config,
            layers,
            params: vec![0.0; parameter_count],
        };
        network.initialise();
        Ok(network)
    }

    /// Switch hidden layer `layer` (or every hidden layer, for `None`) to `kind`, with
    /// `options` as the network's activation options, keeping every weight and bias. PReLU
    /// slopes are added (each starting at `prelu_slope`) or dropped, so the layout changes.
    /// Returns, for each new parameter, the index of the old one it continues (`None` for a
    /// new slope), for the optimiser state to follow.
    pub fn set_activation(
        &mut self,
        layer: Option<usize>,
        kind: ActivationKind,
        options: ActivationOptions,
        prelu_slope: f32,
    ) -> Result<Vec<Option<usize>>> {
        let hidden = self.config.hidden.len();
        if let Some(index) = layer {
            if index >= hidden {
                return Err(InputError::new(
                    "layer",
                    format!(
                        "must be 'all' or a hidden layer from 0 to {}, got {index}",
                        hidden.saturating_sub(1)
                    ),
                ));
            }
        }
        let mut config = self.config.clone();
        config.activation_options = options;
        for (index, slot) in config.activations.iter_mut().enumerate() {
            if layer.is_none_or(|l| l == index) {
                *slot = kind;
            }
        }
        config.validate()?;
        let (layers, parameter_count) = build_layers(&config);
        let mut from_old = vec![None; parameter_count];
        for (new, old) in layers.iter().zip(&self.layers) {
            // Weights and biases are contiguous and have the same size in both layouts.
            for i in 0..new.weight_count() + new.fan_out {
                from_old[new.weights + i] = Some(old.weights + i);
            }
            if let (Some(new_slopes), Some(old_slopes)) = (new.slopes, old.slopes) {
                for j in 0..new.fan_out {
                    from_old[new_slopes + j] = Some(old_slopes + j);
                }
            }
        }
        let params = from_old
            .iter()
            .map(|old| old.map_or(prelu_slope, |i| self.params[i]))
            .collect();
        *self = Self {
            config,
            layers,
            params,
        };
        Ok(from_old)
    }

    /// Draw every parameter again from the seed: the same seed gives the same network.
    pub fn initialise(&mut self) {
        let mut rng = rng::seeded(self.config.seed, Stream::Init);
        for layer in &self.layers {
            let leaky_slope = match layer.kind {
                ActivationKind::LeakyRelu => self.config.activation_options.leaky_slope,
                ActivationKind::Prelu => PRELU_INITIAL_SLOPE,
                _ => 0.0,
            };
            for w in &mut self.params[layer.weights..layer.biases] {
                *w = self
                    .config
                    .init
                    .draw(&mut rng, layer.fan_in, layer.fan_out, leaky_slope);
            }
            self.params[layer.biases..layer.biases + layer.fan_out].fill(self.config.bias_init);
            if let Some(slopes) = layer.slopes {
                self.params[slopes..slopes + layer.fan_out].fill(PRELU_INITIAL_SLOPE);
            }
        }
        self.config.precision.round_row(&mut self.params);
    }

    /// Hidden layers only (the output layer is last in `layers`).
    pub fn hidden_layers(&self) -> &[Layer] {
        &self.layers[..self.layers.len() - 1]
    }

    /// The output layer.
    pub fn output_layer(&self) -> &Layer {
        &self.layers[self.layers.len() - 1]
    }

    /// All units, hidden and output.
    pub fn unit_count(&self) -> usize {
        self.layers.iter().map(|l| l.fan_out).sum()
    }

    /// Hidden units only.
    pub fn hidden_unit_count(&self) -> usize {
        self.unit_count() - 1
    }

    /// Run the batch loaded in `ws` through every layer (in float16, the inputs are rounded
    /// too, as stored values).
    pub fn forward(&self, ws: &mut Workspace) {
        let batch = ws.batch;
        self.config.precision.round_row(&mut ws.input);
        for (index, layer) in self.layers.iter().enumerate() {
            let start = layer.first_unit * batch;
            let end = start + layer.fan_out * batch;
            let (done, rest) = ws.a.split_at_mut(start);
            let a_prev: &[f32] = if index == 0 {
                &ws.input
            } else {
                &done[done.len() - layer.fan_in * batch..]
            };
            layer.forward(
                &self.params,
                a_prev,
                &mut ws.z[start..end],
                &mut rest[..end - start],
                batch,
            );
        }
    }

    /// The output (logit or regression value) of example `p` after [`Network::forward`].
    pub fn output<'w>(&self, ws: &'w Workspace) -> &'w [f32] {
        ws.rows(&ws.z, self.output_layer())
    }

    /// Loss gradient at the output, then backward through every layer. Adds the gradient of
    /// `scale · Σ_p loss_p` into `param_grads` and returns `Σ_p loss_p` (unscaled). Call after
    /// [`Network::forward`]; `scale` is usually `1 / examples` for a mean.
    pub fn backward(&self, ws: &mut Workspace, param_grads: &mut [f32], scale: f32) -> f32 {
        self.backward_with_activation_penalty(ws, param_grads, scale, 0.0)
            .0
    }

    /// As [`Network::backward`], with an L1 penalty on the hidden activations added to the
    /// loss: `activation_l1 · scale · Σ_p Σ_units |a|` (with `scale = 1 / batch`, the rate times
    /// the batch mean of Σ|a| over the hidden units). Its gradient, `activation_l1 · scale ·
    /// sign(a)`, joins dL/da of each hidden layer before the gate f'(z) is applied. Returns the
    /// data loss `Σ_p loss_p` (unscaled) and the penalty's value.
    pub fn backward_with_activation_penalty(
        &self,
        ws: &mut Workspace,
        param_grads: &mut [f32],
        scale: f32,
        activation_l1: f32,
    ) -> (f32, f32) {
        let batch = ws.batch;
        let hidden_layers = self.layers.len() - 1;
        let mut penalty = 0.0;
        let loss = self.config.loss;
        let output = self.output_layer();
        let out_start = output.first_unit * batch;
        let mut total = 0.0;
        for p in 0..batch {
            let (value, slope) = loss.value_and_slope(ws.z[out_start + p], ws.labels[p]);
            total += value;
            let grad = slope * scale;
            let grad = if grad.abs() < ws.gradient_floor {
                0.0
            } else {
                grad
            };
            ws.grad[out_start + p] = output.precision.round(grad);
        }
        for (index, layer) in self.layers.iter().enumerate().rev() {
            let start = layer.first_unit * batch;
            let end = start + layer.fan_out * batch;
            if index < hidden_layers && activation_l1 > 0.0 {
                let rate = activation_l1 * scale;
                let (grad_a, a) = (&mut ws.grad[start..end], &ws.a[start..end]);
                for (g, &value) in grad_a.iter_mut().zip(a) {
                    penalty += rate * value.abs();
                    *g += rate * sign(value);
                }
                layer.precision.round_row(grad_a);
            }
            let (before, rest) = ws.grad.split_at_mut(start);
            let a_prev: &[f32] = if index == 0 {
                &ws.input
            } else {
                &ws.a[start - layer.fan_in * batch..start]
            };
            let grad_prev = (index > 0).then(|| &mut before[start - layer.fan_in * batch..]);
            layer.backward(
                &self.params,
                a_prev,
                &ws.z[start..end],
                &mut rest[..end - start],
                param_grads,
                grad_prev,
                batch,
            );
        }
        (total, penalty)
    }

    /// Add the gradient of the weight penalties `l1·Σ|w| + l2/2·Σw²` into `param_grads` and
    /// return the penalty's value.
    pub fn add_penalty(&self, l1: f32, l2: f32, param_grads: &mut [f32]) -> f32 {
        if l1 == 0.0 && l2 == 0.0 {
            return 0.0;
        }
        let mut penalty = 0.0;
        for layer in &self.layers {
            let weights = &self.params[layer.weights..layer.biases];
            let grads = &mut param_grads[layer.weights..layer.biases];
            for (g, &w) in grads.iter_mut().zip(weights) {
                penalty += l1 * w.abs() + 0.5 * l2 * w * w;
                *g += l1 * sign(w) + l2 * w;
            }
        }
        penalty
    }

    /// What one example costs a pass through this network: its parameters and units plus
    /// [`EXAMPLE_OVERHEAD`] (loading, loss, statistics). Work limits count in these units.
    pub fn example_cost(&self) -> u64 {
        (self.params.len() + self.unit_count() + EXAMPLE_OVERHEAD) as u64
    }

    /// Check that a forward pass over `points` points at once fits [`MAX_FORWARD_WORK`] (with
    /// `weight` 2 for a backward pass too) and, when `one_batch`, [`MAX_BATCH_VALUES`] (a grid
    /// or `predict` holds every point's values at once). The error names `field`.
    pub fn check_forward_work(
        &self,
        field: &str,
        points: usize,
        weight: u64,
        one_batch: bool,
    ) -> Result<()> {
        let cost = self.example_cost() * weight;
        let units = self.unit_count();
        let most_by_work = (MAX_FORWARD_WORK / cost) as usize;
        let most = if one_batch {
            most_by_work.min(MAX_BATCH_VALUES / units)
        } else {
            most_by_work
        };
        if points > most {
            return Err(InputError::new(
                field,
                format!(
                    "{points} points are too many for one call on this network ({} parameters, {units} units): at most {most}",
                    self.params.len()
                ),
            ));
        }
        Ok(())
    }

    /// Evaluate the network on single input points (example-major), writing one output each.
    /// A convenience for tests and small queries; allocates a workspace.
    pub fn predict(&self, points: &[f32]) -> Vec<f32> {
        let inputs = self.config.inputs;
        let count = points.len() / inputs;
        let mut ws = Workspace::default();
        ws.prepare_forward(self, count.max(1));
        ws.load(points, &[], inputs, 0, 0..count);
        self.forward(&mut ws);
        self.output(&ws)[..count].to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(hidden: &[usize], kind: ActivationKind) -> NetworkConfig {
        NetworkConfig {
            hidden: hidden.to_vec(),
            activations: vec![kind; hidden.len()],
            ..NetworkConfig::default()
        }
    }

    #[test]
    fn parameter_count_and_layout() {
        let net = Network::new(config(&[4, 2], ActivationKind::Relu)).unwrap();
        // 2·4 + 4, 4·2 + 2, 2·1 + 1
        assert_eq!(net.params.len(), 12 + 10 + 3);
        assert_eq!(net.layers[1].weights, 12);
        assert_eq!(net.layers[2].first_unit, 6);
        let prelu = Network::new(config(&[3], ActivationKind::Prelu)).unwrap();
        assert_eq!(prelu.params.len(), 2 * 3 + 3 + 3 + 3 + 1);
        assert_eq!(prelu.params[9..12], [PRELU_INITIAL_SLOPE; 3]);
    }

    #[test]
    fn forward_matches_a_hand_computation() {
        let mut net = Network::new(config(&[2], ActivationKind::Relu)).unwrap();
        // W1 = [[1, -1], [0.5, 2]], b1 = [0, -1], W2 = [[3, -2]], b2 = [0.25]
        net.params
            .copy_from_slice(&[1.0, -1.0, 0.5, 2.0, 0.0, -1.0, 3.0, -2.0, 0.25]);
        let out = net.predict(&[1.0, 2.0, 3.0, -1.0]);
        // x = (1, 2): z1 = (−1, 3.5) → a1 = (0, 3.5) → 0·3 − 2·3.5 + 0.25 = −6.75
        // x = (3, −1): z1 = (4, −1.5) → a1 = (4, 0) → 12 + 0.25 = 12.25
        assert_eq!(out, vec![-6.75, 12.25]);
    }

    #[test]
    fn zero_hidden_layers_is_logistic_regression() {
        let mut net = Network::new(config(&[], ActivationKind::Relu)).unwrap();
        net.params.copy_from_slice(&[2.0, -1.0, 0.5]);
        assert_eq!(net.predict(&[1.0, 1.0]), vec![1.5]);
    }

    #[test]
    fn same_seed_same_weights() {
        let a = Network::new(config(&[8, 8], ActivationKind::Relu)).unwrap();
        let b = Network::new(config(&[8, 8], ActivationKind::Relu)).unwrap();
        assert_eq!(a.params, b.params);
        let c = Network::new(NetworkConfig {
            seed: 2,
            ..config(&[8, 8], ActivationKind::Relu)
        })
        .unwrap();
        assert_ne!(a.params, c.params);
    }

    #[test]
    fn bad_configs_name_the_field() {
        let field = |c: NetworkConfig| Network::new(c).unwrap_err().field;
        assert_eq!(
            field(NetworkConfig {
                inputs: 3,
                ..NetworkConfig::default()
            }),
            "inputs"
        );
        assert_eq!(field(config(&[4, 65], ActivationKind::Relu)), "hidden[1]");
        assert_eq!(field(config(&[4, 0], ActivationKind::Relu)), "hidden[1]");
        assert_eq!(
            field(config(&[1; 33], ActivationKind::Relu)),
            "hidden.length"
        );
        assert_eq!(
            field(NetworkConfig {
                bias_init: f32::NAN,
                ..NetworkConfig::default()
            }),
            "biasInit"
        );
        assert_eq!(
            field(NetworkConfig {
                activations: vec![],
                ..NetworkConfig::default()
            }),
            "activation"
        );
    }

    #[test]
    fn bce_matches_the_exact_formula_to_rounding_on_both_sides_of_the_tail_cutoff() {
        let loss = Loss::BinaryCrossEntropy;
        for s in [
            -200.0, -90.0, -87.5, -87.0, -86.5, -30.0, -1.0, 0.0, 2.0, 86.5, 87.5, 150.0_f32,
        ] {
            for y in [0.0, 1.0] {
                let (value, slope) = loss.value_and_slope(s, y);
                let exact_value =
                    f64::from(s).max(0.0) - f64::from(s * y) + (-f64::from(s.abs())).exp().ln_1p();
                let exact_slope = 1.0 / (1.0 + (-f64::from(s)).exp()) - f64::from(y);
                let close = |got: f32, want: f64| {
                    (f64::from(got) - want).abs() <= 1.7e-38 + 1e-6 * want.abs()
                };
                assert!(
                    close(value, exact_value),
                    "loss at s = {s}, y = {y}: {value}"
                );
                assert!(
                    close(slope, exact_slope),
                    "slope at s = {s}, y = {y}: {slope}"
                );
                assert!(
                    !value.is_subnormal() && !slope.is_subnormal(),
                    "s = {s}, y = {y}"
                );
            }
        }
    }

    #[test]
    fn bce_is_stable_for_huge_logits() {
        let loss = Loss::BinaryCrossEntropy;
        let (value, slope) = loss.value_and_slope(1e30, 0.0);
        assert_eq!(value, 1e30);
        assert_eq!(slope, 1.0);
        let (value, slope) = loss.value_and_slope(-200.0, 0.0);
        assert_eq!(value, 0.0);
        assert_eq!(slope, 0.0);
        let (value, _) = loss.value_and_slope(0.0, 1.0);
        assert!((value - core::f32::consts::LN_2).abs() < 1e-7);
    }
}
