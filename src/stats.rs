//! Statistics of a network on a data set: who is active, who is dead, how sparse each layer
//! is, and how the gradient flows. Definitions are those of the crate conventions.

use crate::network::{Network, Workspace};

/// Examples evaluated per chunk, so memory stays small whatever the data set size.
const CHUNK: usize = 512;

/// One hidden unit on one data set.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct UnitStats {
    /// Share of examples on which the unit is active (z > 0).
    pub active_share: f32,
    /// z <= 0 on every example: "dead" for ReLU, "inactive" for the other activations.
    pub never_active: bool,
    /// Mean activation over the data set.
    pub mean_activation: f32,
    /// Mean over examples of |∂ℓ/∂z| for this unit (0 when gradients were not measured).
    pub grad_z_mean: f32,
    /// Norm of the gradient of the mean loss with respect to this unit's incoming weights
    /// (0 when gradients were not measured).
    pub grad_w_norm: f32,
}

/// One hidden layer on one data set.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LayerStats {
    /// Units in the layer.
    pub units: usize,
    /// Fraction of (example, unit) pairs whose activation is exactly 0.
    pub sparsity: f32,
    /// Units that are never active on the data set (dead for ReLU, inactive otherwise).
    pub never_active: usize,
    /// Whether never-active units of this layer are dead (ReLU: no gradient passes).
    pub can_die: bool,
    /// Mean of the activations over all (example, unit) pairs.
    pub activation_mean: f32,
    /// Variance of the activations over all (example, unit) pairs.
    pub activation_variance: f32,
    /// Mean over examples of the per-example norm ‖∂ℓ/∂z‖ of this layer (0 when not measured).
    pub grad_z_norm: f32,
    /// Norm ‖∂L/∂W‖ of the weight gradient of the mean loss (0 when not measured).
    pub grad_w_norm: f32,
    /// Count of pre-activations that are exactly 0.0 (where the ReLU'(0) convention matters).
    pub exact_zero_pre_activations: u64,
}

/// Everything measured on one data set.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Examples in the data set.
    pub examples: usize,
    /// Mean loss (NaN without labels or examples).
    pub loss: f32,
    /// Share of correctly classified examples (NaN for regression, without labels or examples).
    pub accuracy: f32,
    /// One entry per hidden layer.
    pub layers: Vec<LayerStats>,
    /// One entry per hidden unit, layer after layer.
    pub units: Vec<UnitStats>,
}

impl Stats {
    /// Hidden units that are dead: never active in a ReLU layer.
    pub fn dead_units(&self) -> usize {
        self.layers
            .iter()
            .filter(|l| l.can_die)
            .map(|l| l.never_active)
            .sum()
    }

    /// Hidden units never active, whatever the activation.
    pub fn never_active_units(&self) -> usize {
        self.layers.iter().map(|l| l.never_active).sum()
    }

    /// Sparsity over all hidden (example, unit) pairs.
    pub fn overall_sparsity(&self) -> f32 {
        let units: usize = self.layers.iter().map(|l| l.units).sum();
        if units == 0 {
            return 0.0;
        }
        self.layers
            .iter()
            .map(|l| l.sparsity * l.units as f32)
            .sum::<f32>()
            / units as f32
    }
}

/// Reusable buffers for evaluating statistics (no allocation once warmed up).
#[derive(Clone, Debug, Default)]
pub struct Evaluator {
    ws: Workspace,
    param_grads: Vec<f32>,
    active: Vec<u64>,
    zeros: Vec<u64>,
    exact_zero_pre: Vec<u64>,
    sum: Vec<f64>,
    sum_squares: Vec<f64>,
    grad_z_norm_sum: Vec<f64>,
    unit_grad_z_sum: Vec<f64>,
    examples: usize,
}

impl Evaluator {
    /// Measure `network` on `points` (example-major). With `labels` (one per point) it also
    /// measures loss and accuracy, and with `gradients` the gradient norms (a backward pass);
    /// without labels, only the forward statistics.
    pub fn evaluate(
        &mut self,
        network: &Network,
        points: &[f32],
        labels: Option<&[f32]>,
        gradients: bool,
    ) -> Stats {
        let inputs = network.config.inputs;
        let examples = points.len() / inputs;
        let units = network.unit_count();
        let hidden = network.hidden_layers();
        for buffer in [&mut self.active, &mut self.zeros, &mut self.exact_zero_pre] {
            buffer.clear();
            buffer.resize(units, 0);
        }
        for buffer in [&mut self.sum, &mut self.sum_squares] {
            buffer.clear();
            buffer.resize(units, 0.0);
        }
        self.unit_grad_z_sum.clear();
        self.unit_grad_z_sum.resize(units, 0.0);
        self.grad_z_norm_sum.clear();
        self.grad_z_norm_sum.resize(network.layers.len(), 0.0);
        self.param_grads.clear();
        self.param_grads.resize(network.params.len(), 0.0);

        let mut loss_sum = 0.0_f64;
        let mut correct = 0_usize;
        let mut start = 0;
        while start < examples {
            let batch = CHUNK.min(examples - start);
            self.ws.prepare(network, batch);
            self.ws.load(
                points,
                labels.unwrap_or(&[]),
                inputs,
                0,
                start..start + batch,
            );
            network.forward(&mut self.ws);
            self.count_units(network, batch);
            if labels.is_some() {
                let loss = network.config.loss;
                for (&s, &y) in network.output(&self.ws).iter().zip(&self.ws.labels) {
                    loss_sum += f64::from(loss.value_and_slope(s, y).0);
                    correct += usize::from(loss.is_correct(s, y));
                }
                if gradients {
                    network.backward(&mut self.ws, &mut self.param_grads, 1.0);
                    self.sum_gradient_norms(network, batch);
                }
            }
            start += batch;
        }

        self.examples = examples;
        let n = examples.max(1) as f64;
        let mut stats = Stats {
            examples,
            loss: f32::NAN,
            accuracy: f32::NAN,
            ..Stats::default()
        };
        if labels.is_some() && examples > 0 {
            stats.loss = (loss_sum / n) as f32;
            if network.config.loss == crate::network::Loss::BinaryCrossEntropy {
                stats.accuracy = (correct as f64 / n) as f32;
            }
        }
        for layer in hidden {
            let range = layer.first_unit..layer.first_unit + layer.fan_out;
            let pairs = n * layer.fan_out as f64;
            let sum: f64 = self.sum[range.clone()].iter().sum();
            let sum_squares: f64 = self.sum_squares[range.clone()].iter().sum();
            let mean = sum / pairs;
            let grad_w_norm = if labels.is_some() && gradients {
                let w = &self.param_grads[layer.weights..layer.biases];
                (w.iter().map(|g| f64::from(*g).powi(2)).sum::<f64>()).sqrt() / n
            } else {
                0.0
            };
            let mut never_active = 0;
            for u in range.clone() {
                let dead = self.active[u] == 0;
                never_active += usize::from(dead);
                let row = u - layer.first_unit;
                let weight_row = &self.param_grads
                    [layer.weights + row * layer.fan_in..layer.weights + (row + 1) * layer.fan_in];
                let unit_grad_w = if labels.is_some() && gradients {
                    weight_row
                        .iter()
                        .map(|g| f64::from(*g).powi(2))
                        .sum::<f64>()
                        .sqrt()
                        / n
                } else {
                    0.0
                };
                stats.units.push(UnitStats {
                    active_share: (self.active[u] as f64 / n) as f32,
                    never_active: dead,
                    mean_activation: (self.sum[u] / n) as f32,
                    grad_z_mean: (self.unit_grad_z_sum[u] / n) as f32,
                    grad_w_norm: unit_grad_w as f32,
                });
            }
            stats.layers.push(LayerStats {
                units: layer.fan_out,
                sparsity: (self.zeros[range.clone()].iter().sum::<u64>() as f64 / pairs) as f32,
                never_active,
                can_die: layer.kind.can_die(),
                activation_mean: mean as f32,
                activation_variance: (sum_squares / pairs - mean * mean).max(0.0) as f32,
                grad_z_norm: (self.grad_z_norm_sum[stats.layers.len()] / n) as f32,
                grad_w_norm: grad_w_norm as f32,
                exact_zero_pre_activations: self.exact_zero_pre[range].iter().sum(),
            });
        }
        stats
    }

    /// The gradient of the mean loss with respect to every parameter, from the last
    /// [`Evaluator::evaluate`] with labels and gradients (zeros otherwise), same layout as the
    /// parameters. Penalties are not included.
    pub fn mean_gradient(&self) -> Vec<f32> {
        let n = self.examples.max(1) as f32;
        self.param_grads.iter().map(|g| g / n).collect()
    }

    /// Per unit: active count, exact-zero activations, exact-zero pre-activations, sums.
    fn count_units(&mut self, network: &Network, batch: usize) {
        for layer in network.hidden_layers() {
            for u in layer.first_unit..layer.first_unit + layer.fan_out {
                let z_row = &self.ws.z[u * batch..(u + 1) * batch];
                let a_row = &self.ws.a[u * batch..(u + 1) * batch];
                let (mut active, mut zeros, mut zero_pre) = (0, 0, 0);
                let (mut sum, mut sum_squares) = (0.0_f64, 0.0_f64);
                for (&z, &a) in z_row.iter().zip(a_row) {
                    active += u64::from(z > 0.0);
                    zero_pre += u64::from(z == 0.0);
                    zeros += u64::from(a == 0.0);
                    sum += f64::from(a);
                    sum_squares += f64::from(a) * f64::from(a);
                }
                self.active[u] += active;
                self.zeros[u] += zeros;
                self.exact_zero_pre[u] += zero_pre;
                self.sum[u] += sum;
                self.sum_squares[u] += sum_squares;
            }
        }
    }

    /// Per layer: Σ over examples of ‖∂ℓ_p/∂z‖ (the backward pass ran with scale 1).
    fn sum_gradient_norms(&mut self, network: &Network, batch: usize) {
        for (index, layer) in network.hidden_layers().iter().enumerate() {
            let rows = self.ws.rows(&self.ws.grad, layer);
            for (j, row) in rows.chunks_exact(batch).enumerate() {
                self.unit_grad_z_sum[layer.first_unit + j] +=
                    row.iter().map(|g| f64::from(g.abs())).sum::<f64>();
            }
            for p in 0..batch {
                let squares: f64 = (0..layer.fan_out)
                    .map(|j| f64::from(rows[j * batch + p]).powi(2))
                    .sum();
                self.grad_z_norm_sum[index] += squares.sqrt();
            }
        }
    }
}
