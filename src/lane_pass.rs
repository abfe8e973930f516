//! The forward and backward passes of [`crate::network`], four examples at a time.
//!
//! [`Layer::forward`] and [`Layer::backward`] are the lesson: one unit and one row of a batch
//! at a time. Training runs the same arithmetic here with the examples of a batch in the four
//! lanes of [`F32x4`] values. Each value is computed by the same adds and multiplies in the
//! same order as there, and every sum over the batch is taken in the same order, so the results
//! are identical bit for bit (`tests/lane_pass.rs` checks it natively and in wasm). What changes
//! is the memory traffic: a unit's sums over its inputs stay in registers until they are final
//! (the reference adds each input into the row in memory), the activation and the zero count
//! read each value once more at most, and four weight gradients are finished together.
//!
//! Layout: unit-major like [`Workspace`], each unit's row padded to whole blocks of four
//! examples: example `p` of unit `u` is lane `p % 4` of `u * blocks + p / 4`. Padding lanes
//! hold zeros in the inputs and in the output gradient; no sum over the batch reads them.
//! Float32 only: float16 training rounds every stored value and goes through the reference.
//!
//! [`Workspace`]: crate::network::Workspace

use crate::activation::Activation;
use crate::lane_sums::{
    AnyBlocks, InputGrads, Shape, Tiled, add_bias_grads, add_weight_grads, weighted_sums,
    with_shape,
};
use crate::lanes::F32x4;
use crate::network::{Layer, Network, UnitMajor, sign};

/// The buffers of one batch, four examples to a value. Allocated once per batch size.
#[derive(Clone, Debug, Default)]
pub struct LaneWorkspace {
    /// Examples in the batch.
    batch: usize,
    /// Blocks of four examples per row: `batch / 4` rounded up.
    blocks: usize,
    /// The inputs as loaded, unit-major with rows of `4 * blocks`.
    points: Vec<f32>,
    /// The inputs, `inputs × blocks`.
    input: Vec<F32x4>,
    /// Pre-activations z of every unit, `units × blocks`.
    z: Vec<F32x4>,
    /// Activations a = f(z), same layout.
    a: Vec<F32x4>,
    /// dL/da on the way back, dL/dz once a layer is done; same layout.
    grad: Vec<F32x4>,
    /// Labels of the batch.
    labels: Vec<f32>,
    /// As [`crate::network::Workspace::gradient_floor`].
    pub gradient_floor: f32,
}

impl LaneWorkspace {
    /// Size the buffers for `batch` examples of `network`, padding zeroed.
    pub fn prepare(&mut self, network: &Network, batch: usize) {
        let blocks = batch.div_ceil(4);
        let inputs = network.config.inputs;
        let values = network.unit_count() * blocks;
        if self.batch == batch && self.input.len() == inputs * blocks && self.z.len() == values {
            return;
        }
        self.batch = batch;
        self.blocks = blocks;
        for buffer in [&mut self.z, &mut self.a, &mut self.grad] {
            buffer.clear();
            buffer.resize(values, F32x4::ZERO);
        }
        self.input.clear();
        self.input.resize(inputs * blocks, F32x4::ZERO);
        self.points.clear();
        self.points.resize(inputs * blocks * 4, 0.0);
        self.labels.clear();
        self.labels.resize(batch, 0.0);
    }

    /// As [`crate::network::Workspace::load`]: examples `pick` (example-major points, `inputs`
    /// values each) and their labels into the slots from `first_slot` on.
    pub fn load(
        &mut self,
        points: &[f32],
        labels: &[f32],
        inputs: usize,
        first_slot: usize,
        pick: impl Iterator<Item = usize>,
    ) {
        let into = UnitMajor {
            values: &mut self.points,
            labels: &mut self.labels,
            row: 4 * self.blocks,
            slots: self.batch,
        };
        into.load(points, labels, inputs, first_slot, pick);
    }

    /// Run the loaded batch through every layer, as [`Network::forward`]. Returns how many
    /// pre-activations of hidden units are exactly 0 over the examples of the batch.
    pub fn forward(&mut self, network: &Network) -> u64 {
        with_shape!(self.forward_in(network))
    }

    /// [`Self::forward`] for batches of this shape.
    fn forward_in(&mut self, shape: impl Shape, network: &Network) -> u64 {
        let blocks = shape.blocks();
        let mut zeros = 0;
        for (values, block) in self.input.iter_mut().zip(self.points.chunks_exact(4)) {
            *values = F32x4::from_array([block[0], block[1], block[2], block[3]]);
        }
        for (index, layer) in network.layers.iter().enumerate() {
            let start = layer.first_unit * blocks;
            let end = start + layer.fan_out * blocks;
            let (done, rest) = self.a.split_at_mut(start);
            let a_prev: &[F32x4] = if index == 0 {
                &self.input
            } else {
                &done[start - layer.fan_in * blocks..]
            };
            zeros += forward_layer(
                shape,
                layer,
                &network.params,
                a_prev,
                (&mut self.z[start..end], &mut rest[..end - start]),
            );
        }
        let output_zeros = self.z[network.hidden_unit_count() * blocks..]
            .iter()
            .enumerate()
            .map(|(block, z)| u64::from(z.count_zeros(shape.lanes_in(block))));
        zeros - output_zeros.sum::<u64>()
    }

    /// The output (logit or regression value) of each example after [`Self::forward`].
    pub fn outputs(&self, network: &Network) -> impl Iterator<Item = f32> + '_ {
        let start = network.output_layer().first_unit * self.blocks;
        let shape = AnyBlocks {
            batch: self.batch,
            blocks: self.blocks,
        };
        shape.examples(&self.z[start..start + self.blocks])
    }

    /// As [`Network::backward_with_activation_penalty`]: adds the gradient of
    /// `scale · Σ_p loss_p` (plus the activation penalty) into `param_grads` and returns the
    /// data loss `Σ_p loss_p` and the penalty's value.
    pub fn backward(
        &mut self,
        network: &Network,
        param_grads: &mut [f32],
        scale: f32,
        activation_l1: f32,
    ) -> (f32, f32) {
        with_shape!(self.backward_in(network, param_grads, scale, activation_l1))
    }

    /// [`Self::backward`] for batches of this shape.
    fn backward_in(
        &mut self,
        shape: impl Shape,
        network: &Network,
        param_grads: &mut [f32],
        scale: f32,
        activation_l1: f32,
    ) -> (f32, f32) {
        let blocks = shape.blocks();
        let total = self.output_grads(network, scale);
        let hidden_layers = network.layers.len() - 1;
        let mut penalty = 0.0;
        for (index, layer) in network.layers.iter().enumerate().rev() {
            let start = layer.first_unit * blocks;
            let end = start + layer.fan_out * blocks;
            if index < hidden_layers && activation_l1 > 0.0 {
                self.add_activation_penalty(activation_l1 * scale, start..end, &mut penalty);
            }
            let (before, rest) = self.grad.split_at_mut(start);
            let a_prev: &[F32x4] = if index == 0 {
                &self.input
            } else {
                &self.a[start - layer.fan_in * blocks..start]
            };
            let grad_prev = (index > 0).then(|| &mut before[start - layer.fan_in * blocks..]);
            backward_layer(
                shape,
                layer,
                &network.params,
                a_prev,
                (&self.z[start..end], &mut rest[..end - start]),
                param_grads,
                grad_prev,
            );
        }
        (total, penalty)
    }

    /// The loss of each example and its gradient at the output, `scale · dL/ds` (0 below the
    /// gradient floor), in dL/dz of the output unit; returns Σ_p loss_p. One copy for every
    /// shape: the loss's exp and ln1p cost far more than the loop.
    #[inline(never)]
    fn output_grads(&mut self, network: &Network, scale: f32) -> f32 {
        let out = network.output_layer().first_unit * self.blocks;
        let mut total = 0.0;
        for block in 0..self.blocks {
            let (z, mut grads) = (self.z[out + block].to_array(), [0.0; 4]);
            let examples = (self.batch - 4 * block).min(4);
            for lane in 0..examples {
                let label = self.labels[4 * block + lane];
                let (value, slope) = network.config.loss.value_and_slope(z[lane], label);
                total += value;
                let grad = slope * scale;
                grads[lane] = if grad.abs() < self.gradient_floor {
                    0.0
                } else {
                    grad
                };
            }
            self.grad[out + block] = F32x4::from_array(grads);
        }
        total
    }

    /// dL/da += rate · sign(a) over rows `rows` of a hidden layer, example by example in the
    /// reference's order, adding rate·|a| to `penalty` one by one.
    #[inline(never)] // rare (a penalty rate above 0): one copy for every shape
    fn add_activation_penalty(
        &mut self,
        rate: f32,
        rows: core::ops::Range<usize>,
        penalty: &mut f32,
    ) {
        for index in rows {
            let (a, mut grad) = (self.a[index].to_array(), self.grad[index].to_array());
            let shape = AnyBlocks {
                batch: self.batch,
                blocks: self.blocks,
            };
            for lane in 0..shape.lanes_in(index % self.blocks) {
                *penalty += rate * a[lane].abs();
                grad[lane] += rate * sign(a[lane]);
            }
            self.grad[index] = F32x4::from_array(grad);
        }
    }
}

/// As [`Layer::backward`]: `z_and_grad` holds this layer's z and, on entry, dL/da (dL/dz
/// on exit).
fn backward_layer(
    shape: impl Shape,
    layer: &Layer,
    params: &[f32],
    a_prev: &[F32x4],
    (z, grad): (&[F32x4], &mut [F32x4]),
    param_grads: &mut [f32],
    grad_prev: Option<&mut [F32x4]>,
) {
    let blocks = shape.blocks();
    let fan_in = layer.fan_in;
    let rows = grad.chunks_exact_mut(blocks).zip(z.chunks_exact(blocks));
    for (j, (grad_row, z_row)) in rows.enumerate() {
        let activation = layer.unit_activation(params, j);
        if let Some(offset) = layer.slopes {
            param_grads[offset + j] += prelu_slope_grad(activation, shape.batch(), grad_row, z_row);
        }
        gate(activation, z_row, grad_row);
    }
    // The layer's weights, then its biases (crate conventions).
    let (weight_grads, bias_grads) =
        param_grads[layer.weights..layer.biases + layer.fan_out].split_at_mut(layer.weight_count());
    add_bias_grads(bias_grads, grad, shape);
    for (unit_grads, dz) in weight_grads
        .chunks_exact_mut(fan_in)
        .zip(grad.chunks_exact(blocks))
    {
        add_weight_grads(unit_grads, dz, a_prev, shape);
    }
    if let Some(grad_prev) = grad_prev {
        let weights = &params[layer.weights..layer.weights + layer.weight_count()];
        for (k, prev_row) in grad_prev.chunks_exact_mut(blocks).enumerate() {
            // dL/da_prev[k] = Σ_j W[j][k] · dL/dz[j], j in order, from 0.
            shape.tiles(&mut InputGrads {
                column: weights[k..].iter().step_by(fan_in).copied(),
                dz: grad,
                shape,
                out: prev_row,
            });
        }
    }
}

/// z and a = f(z) of every unit of `layer`, as [`Layer::forward`] in float32; returns how
/// many of the z are exactly 0.
fn forward_layer(
    shape: impl Shape,
    layer: &Layer,
    params: &[f32],
    a_prev: &[F32x4],
    (z, a): (&mut [F32x4], &mut [F32x4]),
) -> u64 {
    let blocks = shape.blocks();
    let mut zeros = 0;
    let rows = z.chunks_exact_mut(blocks).zip(a.chunks_exact_mut(blocks));
    for (j, (z_row, a_row)) in rows.enumerate() {
        let mut unit = Unit {
            weights: &params[layer.weights + j * layer.fan_in..][..layer.fan_in],
            bias: params[layer.biases + j],
            activation: layer.unit_activation(params, j),
            shape,
            a_prev,
            z: z_row,
            a: a_row,
            zeros: 0,
        };
        shape.tiles(&mut unit);
        zeros += unit.zeros;
    }
    zeros
}

/// One unit's weights, bias and activation, its inputs and its rows of z and a: the forward
/// pass of one unit, tile by tile.
struct Unit<'a, S> {
    weights: &'a [f32],
    bias: f32,
    activation: Activation,
    shape: S,
    a_prev: &'a [F32x4],
    z: &'a mut [F32x4],
    a: &'a mut [F32x4],
    /// How many of the examples' z were exactly 0 so far.
    zeros: u64,
}

impl<S: Shape> Tiled for Unit<'_, S> {
    /// z = b + Σ_k w_k·a_prev_k and a = f(z) for the `N` blocks from `start` on, counting
    /// the z that are exactly 0.
    #[inline]
    fn tile<const N: usize>(&mut self, start: usize) {
        let bias = F32x4::splat(self.bias);
        let weights = self.weights.iter().copied();
        let sums = weighted_sums::<N>(bias, weights, self.a_prev, self.shape, start);
        for (n, sum) in sums.into_iter().enumerate() {
            self.z[start + n] = sum;
            self.a[start + n] = match self.activation {
                Activation::Relu(_) => sum.relu(),
                Activation::Linear => sum,
                activation => values(activation, sum),
            };
            self.zeros += u64::from(sum.count_zeros(self.shape.lanes_in(start + n)));
        }
    }
}

/// dL/dz = dL/da · f'(z), as [`Activation::gate_row`].
fn gate(activation: Activation, z: &[F32x4], grad: &mut [F32x4]) {
    match activation {
        Activation::Relu(at_zero) => {
            let at_zero = at_zero.value();
            for (g, x) in grad.iter_mut().zip(z) {
                *g = *g * x.relu_slope(at_zero);
            }
        }
        Activation::Linear => {}
        _ => {
            for (g, x) in grad.iter_mut().zip(z) {
                *g = *g * derivatives(activation, *x);
            }
        }
    }
}

/// f(x) lane by lane, for the activations other than ReLU and the identity. (Not inlined:
/// their scalar code would be copied into every shape's pass.)
#[inline(never)]
fn values(activation: Activation, x: F32x4) -> F32x4 {
    x.map(|x| activation.value(x))
}

/// f'(x) lane by lane, as [`values`].
#[inline(never)]
fn derivatives(activation: Activation, x: F32x4) -> F32x4 {
    x.map(|x| activation.derivative(x))
}

/// PReLU's dL/d slope = Σ_p dL/da · min(0, z) over one unit's row, before the gate.
#[inline(never)]
fn prelu_slope_grad(activation: Activation, batch: usize, grad: &[F32x4], z: &[F32x4]) -> f32 {
    let shape = AnyBlocks {
        batch,
        blocks: grad.len(),
    };
    let pairs = shape.examples(grad).zip(shape.examples(z));
    pairs.map(|(g, x)| g * activation.slope_derivative(x)).sum()
}
