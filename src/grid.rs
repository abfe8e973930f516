//! Evaluate a network over a grid covering the input domain, layer by layer over the whole grid
//! at once, and turn any of the results into RGBA pixels.

use crate::data::{DOMAIN_1D, DOMAIN_2D};
use crate::error::{InputError, Result, check_count};
use crate::network::{Loss, Network, Workspace};
use crate::palette::Palette;

/// Smallest grid side.
pub const MIN_RESOLUTION: usize = 2;
/// Largest grid side.
pub const MAX_RESOLUTION: usize = 256;
/// Largest number of values (units × grid points) a grid keeps, about 32 MB per buffer.
pub const MAX_VALUES: usize = 1 << 23;

/// An R×R grid over the plane (or R points on the line for a 1-input network) with the output
/// and every hidden unit's activation at each point.
#[derive(Clone, Debug)]
pub struct Grid {
    /// Points per side.
    pub resolution: usize,
    /// 1 or 2 inputs.
    pub inputs: usize,
    points: Vec<f32>,
    ws: Workspace,
    hidden_units: usize,
    display: Vec<f32>,
    output_pixels: Vec<u32>,
    unit_pixels: Vec<u32>,
    palette: Palette,
}

/// The points of a grid over the input domain, example-major like [`crate::data::Split::points`].
///
/// * `inputs == 2`: a `resolution x resolution` grid over [`DOMAIN_2D`], at cell centres,
///   row-major as an image is drawn: point `row * resolution + col` is `(x1, x2)` with `x1`
///   growing with `col` (column 0 at the left, smallest `x1`) and `x2` shrinking with `row`
///   (row 0 at the top, largest `x2`).
/// * `inputs == 1`: `resolution` points over [`DOMAIN_1D`] at cell centres, left to right.
///
/// Any other `inputs` gives an empty grid.
pub fn grid_points(inputs: usize, resolution: usize) -> Vec<f32> {
    match inputs {
        1 => (0..resolution)
            .map(|i| cell_centre(DOMAIN_1D, i, resolution))
            .collect(),
        2 => {
            let mut points = Vec::with_capacity(resolution * resolution * 2);
            for row in 0..resolution {
                // Row 0 is the top of the picture: the largest x2.
                let x2 = cell_centre(DOMAIN_2D, resolution - 1 - row, resolution);
                for col in 0..resolution {
                    points.push(cell_centre(DOMAIN_2D, col, resolution));
                    points.push(x2);
                }
            }
            points
        }
        _ => Vec::new(),
    }
}

/// The centre of cell `index` of `cells` equal cells over `domain`.
fn cell_centre(domain: (f32, f32), index: usize, cells: usize) -> f32 {
    let (low, high) = domain;
    low + (high - low) * (2 * index + 1) as f32 / (2 * cells) as f32
}

impl Grid {
    /// A grid of `resolution` points per side for networks with `inputs` inputs.
    pub fn new(inputs: usize, resolution: usize) -> Result<Self> {
        check_count("inputs", inputs as f64, 1, 2)?;
        check_count(
            "resolution",
            resolution as f64,
            MIN_RESOLUTION,
            MAX_RESOLUTION,
        )?;
        Ok(Self {
            resolution,
            inputs,
            points: grid_points(inputs, resolution),
            ws: Workspace::default(),
            hidden_units: 0,
            display: Vec::new(),
            output_pixels: Vec::new(),
            unit_pixels: Vec::new(),
            palette: Palette::diverging(),
        })
    }

    /// Number of grid points: R² on the plane, R on the line.
    pub fn point_count(&self) -> usize {
        self.points.len() / self.inputs
    }

    /// The grid points, example-major (see [`grid_points`] for the orientation).
    pub fn points(&self) -> &[f32] {
        &self.points
    }

    /// Run `network` over every grid point, keeping every unit's activation.
    pub fn evaluate(&mut self, network: &Network) -> Result<()> {
        if network.config.inputs != self.inputs {
            return Err(InputError::new(
                "network",
                format!(
                    "must have {} inputs to match this grid, has {}",
                    self.inputs, network.config.inputs
                ),
            ));
        }
        let count = self.point_count();
        let values = network.unit_count() * count;
        if values > MAX_VALUES {
            let most = MAX_VALUES / network.unit_count();
            let side = if self.inputs == 2 {
                (most as f64).sqrt() as usize
            } else {
                most
            };
            return Err(InputError::new(
                "resolution",
                format!(
                    "with {} units this grid would hold {values} values; use a resolution of at most {side}",
                    network.unit_count()
                ),
            ));
        }
        self.ws.prepare_forward(network, count);
        // Size the picture buffers now, so that rasterising later never allocates (an
        // allocation can grow wasm memory and detach views JS is holding).
        self.hidden_units = network.hidden_unit_count();
        self.display.resize(count, 0.0);
        self.output_pixels.resize(count, 0);
        self.unit_pixels.resize(self.hidden_units * count, 0);
        self.ws.load(&self.points, &[], self.inputs, 0, 0..count);
        network.forward(&mut self.ws);
        Ok(())
    }

    /// The network output (logit or regression value) at every grid point, after `evaluate`.
    pub fn output(&self) -> &[f32] {
        let count = self.point_count();
        let start = self.hidden_units * count;
        self.ws.z.get(start..start + count).unwrap_or(&[])
    }

    /// Every hidden unit's activation over the grid, unit after unit (unit `u` at `u * points`).
    pub fn activations(&self) -> &[f32] {
        self.ws
            .a
            .get(..self.hidden_units * self.point_count())
            .unwrap_or(&[])
    }

    /// Every hidden unit's pre-activation over the grid, same layout as [`Grid::activations`].
    pub fn pre_activations(&self) -> &[f32] {
        self.ws
            .z
            .get(..self.hidden_units * self.point_count())
            .unwrap_or(&[])
    }

    /// True when the output is the same number at every grid point (born dead, if at init).
    pub fn output_is_constant(&self) -> bool {
        let output = self.output();
        output
            .first()
            .is_some_and(|&first| output.iter().all(|&v| v == first))
    }

    /// The first hidden layer whose activations are exactly 0 at every grid point, if any.
    pub fn first_zero_layer(&self, network: &Network) -> Option<usize> {
        let count = self.point_count();
        network.hidden_layers().iter().position(|layer| {
            let rows =
                &self.ws.a[layer.first_unit * count..(layer.first_unit + layer.fan_out) * count];
            rows.iter().all(|&a| a == 0.0)
        })
    }

    /// RGBA pixels (one little-endian `u32` each: bytes R, G, B, A) of the output, row-major
    /// as the grid points. Classification: the predicted probability, 0 → blue end,
    /// ½ → neutral, 1 → orange end (`t = 2σ(s) − 1 = tanh(s/2)`).
    /// Regression: the value scaled by the largest |value| on the grid.
    pub fn rasterize_output(&mut self, loss: Loss) -> &[u32] {
        let count = self.point_count();
        let start = self.hidden_units * count;
        let output = &self.ws.z[start..start + count];
        self.display.clear();
        let scale = match loss {
            Loss::BinaryCrossEntropy => {
                self.display
                    .extend(output.iter().map(|&s| libm::tanhf(0.5 * s)));
                1.0
            }
            Loss::MeanSquared => {
                self.display.extend_from_slice(output);
                max_abs(output)
            }
        };
        self.output_pixels.resize(count, 0);
        self.palette
            .rasterize(&self.display, scale, &mut self.output_pixels);
        &self.output_pixels
    }

    /// RGBA pixels of every hidden unit's activation map, unit after unit (`points` pixels
    /// each); each map is scaled by its own largest |activation|, so a dead unit is uniformly
    /// neutral.
    pub fn rasterize_units(&mut self) -> &[u32] {
        let count = self.point_count();
        self.unit_pixels.resize(self.hidden_units * count, 0);
        let activations = &self.ws.a[..self.hidden_units * count];
        for (values, pixels) in activations
            .chunks_exact(count)
            .zip(self.unit_pixels.chunks_exact_mut(count))
        {
            self.palette.rasterize(values, max_abs(values), pixels);
        }
        &self.unit_pixels
    }
}

/// The largest |v| of a slice, or 1 when every value is 0 or not finite.
fn max_abs(values: &[f32]) -> f32 {
    // Four independent running maxima (a max is exact in any order), so the loop can use SIMD.
    let mut lanes = [0.0_f32; 4];
    let chunks = values.chunks_exact(4);
    let tail = chunks.remainder();
    for chunk in chunks {
        for lane in 0..4 {
            let magnitude = chunk[lane].abs();
            // `<` is false for NaN, and infinities are skipped, so only finite values count.
            if lanes[lane] < magnitude && magnitude < f32::INFINITY {
                lanes[lane] = magnitude;
            }
        }
    }
    let largest = tail
        .iter()
        .map(|v| v.abs())
        .filter(|v| v.is_finite())
        .fold(lanes[0].max(lanes[1]).max(lanes[2].max(lanes[3])), f32::max);
    if largest > 0.0 { largest } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_orientation_and_cell_centres() {
        let grid = grid_points(2, 4);
        assert_eq!(grid.len(), 4 * 4 * 2);
        // Cell width 3: centres at -4.5, -1.5, 1.5, 4.5.
        assert_eq!(&grid[0..2], &[-4.5, 4.5]); // top left
        assert_eq!(&grid[6..8], &[4.5, 4.5]); // top right
        assert_eq!(&grid[24..26], &[-4.5, -4.5]); // bottom left
        assert_eq!(&grid[30..32], &[4.5, -4.5]); // bottom right
        assert_eq!(grid_points(1, 4), vec![-0.75, -0.25, 0.25, 0.75]);
        assert!(grid_points(3, 4).is_empty());
        assert!(grid_points(2, 0).is_empty());
    }

    #[test]
    fn max_abs_skips_nan_and_infinity() {
        assert_eq!(
            max_abs(&[0.5, -3.0, f32::NAN, f32::INFINITY, 2.0, -f32::INFINITY, 1.0]),
            3.0
        );
        assert_eq!(max_abs(&[f32::NAN; 9]), 1.0);
        assert_eq!(max_abs(&[]), 1.0);
        assert_eq!(max_abs(&[0.0, 0.0, 0.0, 0.0, -7.5]), 7.5);
    }
}
