//! The sums of the four-examples-at-a-time passes ([`crate::lane_pass`]): weighted sums
//! over a unit's inputs, and the sums over the examples of a batch that give the weight and
//! bias gradients, each in the order of the reference passes in [`crate::network`].

use crate::lanes::F32x4;

/// Blocks of four examples whose sums one tile keeps in registers, in batches of any size.
const TILE: usize = 4;

/// Work done a tile of `N` blocks at a time, `N` known to the compiler so that the tile's
/// sums stay in registers.
pub(crate) trait Tiled {
    /// Do the blocks `start..start + N`.
    fn tile<const N: usize>(&mut self, start: usize);
}

/// The batch size and its blocks of four examples per row. For the common small batches the
/// number of blocks is a constant ([`Blocks`]), so the compiler unrolls every loop over them.
pub(crate) trait Shape: Copy {
    /// Examples in the batch.
    fn batch(self) -> usize;

    /// Blocks of four examples per row: `batch / 4` rounded up.
    fn blocks(self) -> usize;

    /// Lanes of block `block` that hold examples (4, or fewer in the last block).
    fn lanes_in(self, block: usize) -> usize {
        (self.batch() - 4 * block).min(4)
    }

    /// The examples' values of one row (`blocks` values), in example order.
    fn examples(self, row: &[F32x4]) -> impl Iterator<Item = f32> + '_ {
        row.iter().flat_map(|v| v.to_array()).take(self.batch())
    }

    /// `work` over a row's blocks, in tiles.
    fn tiles(self, work: &mut impl Tiled);
}

/// A batch of `B` blocks, `B` known to the compiler.
#[derive(Clone, Copy)]
pub(crate) struct Blocks<const B: usize> {
    pub(crate) batch: usize,
}

impl<const B: usize> Shape for Blocks<B> {
    fn batch(self) -> usize {
        self.batch
    }

    fn blocks(self) -> usize {
        B
    }

    /// The whole row in one tile.
    fn tiles(self, work: &mut impl Tiled) {
        work.tile::<B>(0);
    }
}

/// A batch of any size.
#[derive(Clone, Copy)]
pub(crate) struct AnyBlocks {
    pub(crate) batch: usize,
    pub(crate) blocks: usize,
}

impl Shape for AnyBlocks {
    fn batch(self) -> usize {
        self.batch
    }

    fn blocks(self) -> usize {
        self.blocks
    }

    /// Tiles of [`TILE`] blocks, then single blocks.
    fn tiles(self, work: &mut impl Tiled) {
        let whole_tiles = self.blocks / TILE * TILE;
        for start in (0..whole_tiles).step_by(TILE) {
            work.tile::<TILE>(start);
        }
        for start in whole_tiles..self.blocks {
            work.tile::<1>(start);
        }
    }
}

/// Calls `$workspace.$method(shape, $arguments)` with the [`Shape`] of its batch:
/// `Blocks<3>` for 9 to 12 examples (the page's default batch of 10), else [`AnyBlocks`].
/// (Each constant shape adds about 1.8 KB gzipped to the wasm, so there is one.)
macro_rules! with_shape {
    ($workspace:ident.$method:ident($($argument:expr),*)) => {{
        let batch = $workspace.batch;
        match $workspace.blocks {
            3 => $workspace.$method($crate::lane_sums::Blocks::<3> { batch }, $($argument),*),
            blocks => $workspace.$method($crate::lane_sums::AnyBlocks { batch, blocks }, $($argument),*),
        }
    }};
}
pub(crate) use with_shape;

/// `sum + lanes[0] + lanes[1] + …` over the first `count` (1 to 4) of `lanes`, in order.
#[inline]
fn add_in_order(mut sum: F32x4, lanes: [F32x4; 4], count: usize) -> F32x4 {
    for &lane in &lanes[..count] {
        sum = sum + lane;
    }
    sum
}

/// dL/db: `grads[j] += Σ_p dz[j]_p`, p in order from −0 (as `Iterator::sum`), four units at a
/// time: a transpose puts one example of four units side by side.
pub(crate) fn add_bias_grads(grads: &mut [f32], dz: &[F32x4], shape: impl Shape) {
    let blocks = shape.blocks();
    let Some(last) = blocks.checked_sub(1) else {
        return;
    };
    let last_lanes = shape.lanes_in(last);
    let first = grads.len() / 4 * 4;
    let mut groups = grads.chunks_exact_mut(4);
    for (group, rows) in groups.by_ref().zip(dz.chunks_exact(4 * blocks)) {
        let block = |c: usize| F32x4::transpose([0, 1, 2, 3].map(|i| rows[i * blocks + c]));
        let mut sums = F32x4::splat(-0.0);
        for c in 0..last {
            sums = add_in_order(sums, block(c), 4);
        }
        sums = add_in_order(sums, block(last), last_lanes);
        (F32x4::load(group) + sums).store(group);
    }
    for (j, g) in groups.into_remainder().iter_mut().enumerate() {
        let row = &dz[(first + j) * blocks..(first + j + 1) * blocks];
        *g += shape.examples(row).sum::<f32>();
    }
}

/// dL/dW of one unit: for each input `k`, `grads[k] += Σ_p dz_p · a_prev[k]_p`, summed as the
/// reference's `dot`: four lanes over the whole blocks ((lane 0 + 1) + (2 + 3)), then the
/// examples of a last, partial block in order. Four inputs are finished at once: a transpose
/// turns their four lane sums into four values side by side.
pub(crate) fn add_weight_grads(
    grads: &mut [f32],
    dz: &[F32x4],
    a_prev: &[F32x4],
    shape: impl Shape,
) {
    let blocks = shape.blocks();
    let Some(last) = blocks.checked_sub(1) else {
        return;
    };
    let last_lanes = shape.lanes_in(last);
    let mut groups = grads.chunks_exact_mut(4);
    let mut first = 0;
    for group in groups.by_ref() {
        let rows: [&[F32x4]; 4] =
            [0, 1, 2, 3].map(|i| &a_prev[(first + i) * blocks..(first + i + 1) * blocks]);
        first += 4;
        let mut lanes = [F32x4::ZERO; 4];
        for c in 0..last {
            for i in 0..4 {
                lanes[i] = lanes[i] + dz[c] * rows[i][c];
            }
        }
        let products = rows.map(|row| dz[last] * row[last]);
        let mut tail = F32x4::splat(-0.0);
        if last_lanes == 4 {
            for i in 0..4 {
                lanes[i] = lanes[i] + products[i];
            }
        } else {
            tail = add_in_order(tail, F32x4::transpose(products), last_lanes);
        }
        let [l0, l1, l2, l3] = F32x4::transpose(lanes);
        let dots = ((l0 + l1) + (l2 + l3)) + tail;
        (F32x4::load(group) + dots).store(group);
    }
    for (i, g) in groups.into_remainder().iter_mut().enumerate() {
        let row = &a_prev[(first + i) * blocks..(first + i + 1) * blocks];
        let mut lanes = F32x4::ZERO;
        for c in 0..last {
            lanes = lanes + dz[c] * row[c];
        }
        let products = dz[last] * row[last];
        let mut tail = -0.0;
        if last_lanes == 4 {
            lanes = lanes + products;
        } else {
            tail = products.to_array()[..last_lanes].iter().sum();
        }
        let l = lanes.to_array();
        *g += (l[0] + l[1]) + (l[2] + l[3]) + tail;
    }
}

/// `dL/da_prev = Σ_j W[j][k] · dL/dz[j]` for one input `k` (`column` is `W[·][k]`), `j` in order
/// from 0, into the row `out`.
pub(crate) struct InputGrads<'a, C, S> {
    pub(crate) column: C,
    pub(crate) dz: &'a [F32x4],
    pub(crate) shape: S,
    pub(crate) out: &'a mut [F32x4],
}

impl<C: Iterator<Item = f32> + Clone, S: Shape> Tiled for InputGrads<'_, C, S> {
    #[inline]
    fn tile<const N: usize>(&mut self, start: usize) {
        let (column, dz) = (self.column.clone(), self.dz);
        let sums = weighted_sums::<N>(F32x4::ZERO, column, dz, self.shape, start);
        self.out[start..start + N].copy_from_slice(&sums);
    }
}

/// `first + Σ_i weights_i · rows[i]` for the `N` blocks from `start` on, `i` in order, each
/// product and sum rounded as the reference's `y += w·x` rounds them (z = b + W·a for a
/// unit, or Wᵀ·dz for an input).
#[inline]
pub(crate) fn weighted_sums<const N: usize>(
    first: F32x4,
    weights: impl Iterator<Item = f32>,
    rows: &[F32x4],
    shape: impl Shape,
    start: usize,
) -> [F32x4; N] {
    let mut sums = [first; N];
    // Row i starts at i · blocks (stepped through rather than `chunks_exact`, which divides).
    let mut rest = rows.get(start..).unwrap_or_default();
    for w in weights {
        let w = F32x4::splat(w);
        let row = &rest[..N];
        for n in 0..N {
            sums[n] = sums[n] + w * row[n];
        }
        rest = rest.get(shape.blocks()..).unwrap_or_default();
    }
    sums
}
