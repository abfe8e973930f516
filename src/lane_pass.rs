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
use crate::lanes::F32x4;
use crate::network::{Layer, Network, sign};

/// Blocks of four examples whose sums one tile keeps in registers.
const TILE: usize = 4;

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
        let row = 4 * self.blocks;
        for (slot, example) in (first_slot..self.batch).zip(pick) {
            for k in 0..inputs {
                self.points[k * row + slot] = points[example * inputs + k];
            }
            if let Some(&label) = labels.get(example) {
                self.labels[slot] = label;
            }
        }
    }

    /// The batch size and the blocks per row.
    fn shape(&self) -> Shape {
        Shape {
            batch: self.batch,
            blocks: self.blocks,
        }
    }

    /// Run the loaded batch through every layer, as [`Network::forward`].
    pub fn forward(&mut self, network: &Network) {
        let blocks = self.blocks;
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
            forward_layer(
                layer,
                &network.params,
                a_prev,
                &mut self.z[start..end],
                &mut rest[..end - start],
                blocks,
            );
        }
    }

    /// The output (logit or regression value) of each example after [`Self::forward`].
    pub fn outputs(&self, network: &Network) -> impl Iterator<Item = f32> + '_ {
        let start = network.output_layer().first_unit * self.blocks;
        self.shape().examples(&self.z[start..start + self.blocks])
    }

    /// Pre-activations of hidden units that are exactly 0, over the examples of the batch.
    pub fn zero_pre_activations(&self, network: &Network) -> u64 {
        let rows = self.z[..network.hidden_unit_count() * self.blocks].chunks_exact(self.blocks);
        rows.map(|row| {
            let per_block = row.iter().enumerate();
            per_block
                .map(|(block, z)| u64::from(z.count_zeros(self.shape().lanes_in(block))))
                .sum::<u64>()
        })
        .sum()
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
        let blocks = self.blocks;
        let output = network.output_layer();
        let out = output.first_unit * blocks;
        let mut total = 0.0;
        for block in 0..blocks {
            let (z, mut grads) = (self.z[out + block].to_array(), [0.0; 4]);
            for lane in 0..self.shape().lanes_in(block) {
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
        let hidden_layers = network.layers.len() - 1;
        let shape = self.shape();
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

    /// dL/da += rate · sign(a) over rows `rows` of a hidden layer, example by example in the
    /// reference's order, adding rate·|a| to `penalty` one by one.
    fn add_activation_penalty(
        &mut self,
        rate: f32,
        rows: core::ops::Range<usize>,
        penalty: &mut f32,
    ) {
        for index in rows {
            let (a, mut grad) = (self.a[index].to_array(), self.grad[index].to_array());
            for lane in 0..self.shape().lanes_in(index % self.blocks) {
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
    shape: Shape,
    layer: &Layer,
    params: &[f32],
    a_prev: &[F32x4],
    (z, grad): (&[F32x4], &mut [F32x4]),
    param_grads: &mut [f32],
    grad_prev: Option<&mut [F32x4]>,
) {
    let blocks = shape.blocks;
    let fan_in = layer.fan_in;
    let rows = grad.chunks_exact_mut(blocks).zip(z.chunks_exact(blocks));
    for (j, (grad_row, z_row)) in rows.enumerate() {
        let activation = layer.unit_activation(params, j);
        if let Some(offset) = layer.slopes {
            let pairs = shape.examples(grad_row).zip(shape.examples(z_row));
            let slope_grad: f32 = pairs.map(|(g, x)| g * activation.slope_derivative(x)).sum();
            param_grads[offset + j] += slope_grad;
        }
        gate(activation, z_row, grad_row);
    }
    // The layer's weights, then its biases (crate conventions).
    let (weight_grads, bias_grads) =
        param_grads[layer.weights..layer.biases + layer.fan_out].split_at_mut(layer.weight_count());
    with_tail!(shape.batch % 4, add_bias_grads(bias_grads, grad, blocks));
    for (unit_grads, dz) in weight_grads
        .chunks_exact_mut(fan_in)
        .zip(grad.chunks_exact(blocks))
    {
        with_tail!(
            shape.batch % 4,
            add_weight_grads(unit_grads, dz, a_prev, blocks)
        );
    }
    if let Some(grad_prev) = grad_prev {
        let weights = &params[layer.weights..layer.weights + layer.weight_count()];
        for (k, prev_row) in grad_prev.chunks_exact_mut(blocks).enumerate() {
            // dL/da_prev[k] = Σ_j W[j][k] · dL/dz[j], j in order, from 0.
            let column = weights[k..].iter().step_by(fan_in).copied();
            for_each_tile(blocks, |start, tile| {
                tile.sums(F32x4::ZERO, column.clone(), &*grad, blocks, start, prev_row);
            });
        }
    }
}

/// The batch size and the blocks of four examples per row.
#[derive(Clone, Copy)]
struct Shape {
    batch: usize,
    blocks: usize,
}

impl Shape {
    /// Lanes of block `block` that hold examples (4, or fewer in the last block).
    fn lanes_in(self, block: usize) -> usize {
        (self.batch - 4 * block).min(4)
    }

    /// The examples' values of one row (`blocks` values), in example order.
    fn examples(self, row: &[F32x4]) -> impl Iterator<Item = f32> + '_ {
        row.iter().flat_map(|v| v.to_array()).take(self.batch)
    }
}

/// z and a = f(z) of every unit of `layer`, as [`Layer::forward`] in float32.
fn forward_layer(
    layer: &Layer,
    params: &[f32],
    a_prev: &[F32x4],
    z: &mut [F32x4],
    a: &mut [F32x4],
    blocks: usize,
) {
    let rows = z.chunks_exact_mut(blocks).zip(a.chunks_exact_mut(blocks));
    for (j, (z_row, a_row)) in rows.enumerate() {
        let weights = &params[layer.weights + j * layer.fan_in..][..layer.fan_in];
        let bias = F32x4::splat(params[layer.biases + j]);
        for_each_tile(blocks, |start, tile| {
            tile.sums(bias, weights.iter().copied(), a_prev, blocks, start, z_row);
        });
        match layer.unit_activation(params, j) {
            Activation::Relu(_) => {
                for (a, z) in a_row.iter_mut().zip(z_row.iter()) {
                    *a = z.relu();
                }
            }
            Activation::Linear => a_row.copy_from_slice(z_row),
            activation => {
                for (a, z) in a_row.iter_mut().zip(z_row.iter()) {
                    *a = z.map(|x| activation.value(x));
                }
            }
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
                *g = *g * x.map(|x| activation.derivative(x));
            }
        }
    }
}

/// Calls `$function::<TAIL>($arguments)` with `TAIL` the number of examples in the last,
/// partial block (0 when the batch fills its blocks), so the sums over the batch unroll.
macro_rules! with_tail {
    ($tail:expr, $function:ident($($argument:expr),*)) => {
        match $tail {
            0 => $function::<0>($($argument),*),
            1 => $function::<1>($($argument),*),
            2 => $function::<2>($($argument),*),
            _ => $function::<3>($($argument),*),
        }
    };
}
use with_tail;

/// dL/db: `grads[j] += Σ_p dz[j]_p`, p in order from −0 (as `Iterator::sum`), four units at a
/// time: a transpose puts one example of four units side by side. `TAIL` as [`with_tail`].
fn add_bias_grads<const TAIL: usize>(grads: &mut [f32], dz: &[F32x4], blocks: usize) {
    let whole = blocks - usize::from(TAIL > 0);
    let first = grads.len() / 4 * 4;
    let mut groups = grads.chunks_exact_mut(4);
    for (group, rows) in groups.by_ref().zip(dz.chunks_exact(4 * blocks)) {
        let block = |c: usize| F32x4::transpose([0, 1, 2, 3].map(|i| rows[i * blocks + c]));
        let mut sums = F32x4::splat(-0.0);
        for c in 0..whole {
            for example in block(c) {
                sums = sums + example;
            }
        }
        if TAIL > 0 {
            for &example in &block(whole)[..TAIL] {
                sums = sums + example;
            }
        }
        (F32x4::load(group) + sums).store(group);
    }
    for (j, g) in groups.into_remainder().iter_mut().enumerate() {
        let row = &dz[(first + j) * blocks..(first + j + 1) * blocks];
        *g += row
            .iter()
            .flat_map(|v| v.to_array())
            .take(4 * whole + TAIL)
            .sum::<f32>();
    }
}

/// dL/dW of one unit: for each input `k`, `grads[k] += Σ_p dz_p · a_prev[k]_p`, summed as the
/// reference's `dot`: four lanes over the whole blocks ((lane 0 + 1) + (2 + 3)), then the
/// `TAIL` examples of the last, partial block in order. Four inputs are finished at once: a
/// transpose turns their four lane sums into four values side by side.
fn add_weight_grads<const TAIL: usize>(
    grads: &mut [f32],
    dz: &[F32x4],
    a_prev: &[F32x4],
    blocks: usize,
) {
    let whole = blocks - usize::from(TAIL > 0);
    let mut groups = grads.chunks_exact_mut(4);
    let mut row_groups = a_prev.chunks_exact(4 * blocks);
    for (group, rows) in groups.by_ref().zip(row_groups.by_ref()) {
        let rows: [&[F32x4]; 4] = [0, 1, 2, 3].map(|i| &rows[i * blocks..(i + 1) * blocks]);
        let mut lanes = [F32x4::ZERO; 4];
        for c in 0..whole {
            for i in 0..4 {
                lanes[i] = lanes[i] + dz[c] * rows[i][c];
            }
        }
        let [l0, l1, l2, l3] = F32x4::transpose(lanes);
        let mut tail_sum = F32x4::splat(-0.0);
        if TAIL > 0 {
            let products = F32x4::transpose(rows.map(|row| dz[whole] * row[whole]));
            for &product in &products[..TAIL] {
                tail_sum = tail_sum + product;
            }
        }
        let dots = ((l0 + l1) + (l2 + l3)) + tail_sum;
        (F32x4::load(group) + dots).store(group);
    }
    for (g, row) in groups
        .into_remainder()
        .iter_mut()
        .zip(row_groups.remainder().chunks_exact(blocks))
    {
        let mut lanes = F32x4::ZERO;
        for c in 0..whole {
            lanes = lanes + dz[c] * row[c];
        }
        let l = lanes.to_array();
        let tail_sum: f32 = if TAIL > 0 {
            (dz[whole] * row[whole]).to_array()[..TAIL].iter().sum()
        } else {
            -0.0
        };
        *g += (l[0] + l[1]) + (l[2] + l[3]) + tail_sum;
    }
}

/// Calls `work(start, tile)` over the blocks `0..blocks` in tiles of up to [`TILE`] blocks.
fn for_each_tile(blocks: usize, mut work: impl FnMut(usize, Tile)) {
    let mut start = 0;
    while start < blocks {
        let tile = Tile((blocks - start).min(TILE));
        work(start, tile);
        start += tile.0;
    }
}

/// A run of 1 to [`TILE`] blocks whose sums stay in registers.
#[derive(Clone, Copy)]
struct Tile(usize);

impl Tile {
    /// `out[b] = first + Σ_i weights_i · rows[i][b]` for the blocks `b` of this tile, `i` in
    /// order (z = b + W·a for a unit, or Wᵀ·dz for an input), each product and sum rounded
    /// as the reference's `y += w·x` rounds them.
    fn sums(
        self,
        first: F32x4,
        weights: impl Iterator<Item = f32> + Clone,
        rows: &[F32x4],
        blocks: usize,
        start: usize,
        out: &mut [F32x4],
    ) {
        match self.0 {
            4 => weighted_sums::<4>(first, weights, rows, blocks, start, out),
            3 => weighted_sums::<3>(first, weights, rows, blocks, start, out),
            2 => weighted_sums::<2>(first, weights, rows, blocks, start, out),
            _ => weighted_sums::<1>(first, weights, rows, blocks, start, out),
        }
    }
}

/// [`Tile::sums`] for `N` blocks, with `N` known to the compiler so the sums live in registers.
#[inline]
fn weighted_sums<const N: usize>(
    first: F32x4,
    weights: impl Iterator<Item = f32>,
    rows: &[F32x4],
    blocks: usize,
    start: usize,
    out: &mut [F32x4],
) {
    let mut sums = [first; N];
    for (i, w) in weights.enumerate() {
        let w = F32x4::splat(w);
        let row = &rows[i * blocks + start..][..N];
        for n in 0..N {
            sums[n] = sums[n] + w * row[n];
        }
    }
    out[start..start + N].copy_from_slice(&sums);
}
