//! The JS `Network` class: a network with its trainer, statistics, grid pictures and history.
//!
//! Each method reads and checks all of its arguments into plain Rust values first, then
//! touches the network. A `Dataset` argument is looked up by [`convert::dataset`] rather than
//! borrowed through wasm-bindgen, so it is never left borrowed and a wrong or freed one gets a
//! clear error.

use js_sys::{Float32Array, Uint8ClampedArray};
use wasm_bindgen::prelude::*;

use super::convert::{self, Options, js_error, number_or_null};
use crate::activation::{
    ACTIVATION_NAMES, ActivationKind, ActivationOptions, ELU_ALPHA_RANGE, LEAKY_SLOPE_RANGE,
    PRELU_SLOPE_RANGE, ReluAtZero,
};
use crate::data::{Dataset as CoreDataset, MAX_USER_VALUE};
use crate::error::{InputError, Result};
use crate::grid::{Grid, MAX_RESOLUTION, MIN_RESOLUTION};
use crate::init::INIT_NAMES;
use crate::inspect;
use crate::network::{BIAS_INIT_RANGE, LOSS_NAMES, Loss, MAX_HIDDEN_LAYERS, MAX_UNITS};
use crate::network::{MAX_PREDICT_POINTS, NetworkConfig, PRELU_INITIAL_SLOPE};
use crate::optimizer::{
    ACTIVATION_PENALTY_RANGE, BETA_RANGE, EPSILON_RANGE, LEARNING_RATE_RANGE, MAX_BATCH_SIZE,
    MOMENTUM_RANGE, OPTIMIZER_NAMES, PENALTY_RANGE, TrainSettings,
};
use crate::precision::PRECISION_NAMES;
use crate::trainer::{MAX_STEPS_PER_CALL, Trainer, Which};

/// A network being trained, with everything the page shows about it.
#[wasm_bindgen]
pub struct Network {
    trainer: Trainer,
    grid: Option<Grid>,
    history_columns: Vec<f32>,
}

/// Read `{ inputs, hidden, activation, slope, eluAlpha, reluAtZero, init, biasInit, seed,
/// loss, precision }` into a network configuration (the core validates it as a whole).
fn config_from(value: &JsValue) -> Result<NetworkConfig> {
    let options = Options::new("config", value)?;
    let defaults = NetworkConfig::default();
    let inputs = match options.get("inputs")? {
        None => defaults.inputs,
        Some(inputs) => convert::count("inputs", &inputs, 1, 2)?,
    };
    let hidden: Vec<usize> = match options.get("hidden")? {
        None => defaults.hidden.clone(),
        Some(list) => convert::items("hidden", &list, MAX_HIDDEN_LAYERS, "an array of widths")?
            .iter()
            .enumerate()
            .map(|(i, width)| convert::count(&format!("hidden[{i}]"), width, 1, MAX_UNITS))
            .collect::<Result<_>>()?,
    };
    let activations = match options.get("activation")? {
        None => vec![ActivationKind::Relu; hidden.len()],
        Some(value) if value.is_string() => {
            vec![convert::name("activation", &value, ACTIVATION_NAMES)?; hidden.len()]
        }
        Some(value) if value.is_object() => convert::items(
            "activation",
            &value,
            MAX_HIDDEN_LAYERS,
            "a name or one per layer",
        )?
        .iter()
        .enumerate()
        .map(|(i, name)| convert::name(&format!("activation[{i}]"), name, ACTIVATION_NAMES))
        .collect::<Result<_>>()?,
        Some(value) => {
            return Err(InputError::new(
                "activation",
                format!(
                    "must be a name or an array of names, got {}",
                    convert::describe(&value)
                ),
            ));
        }
    };
    let option_defaults = ActivationOptions::default();
    let default_loss = if inputs == 2 {
        Loss::BinaryCrossEntropy
    } else {
        Loss::MeanSquared
    };
    let seed = match options.get("seed")? {
        None => defaults.seed,
        Some(seed) => convert::seed("seed", &seed)?,
    };
    Ok(NetworkConfig {
        inputs,
        hidden,
        activations,
        activation_options: ActivationOptions {
            leaky_slope: options.float("slope", option_defaults.leaky_slope, LEAKY_SLOPE_RANGE)?,
            elu_alpha: options.float("eluAlpha", option_defaults.elu_alpha, ELU_ALPHA_RANGE)?,
            relu_at_zero: ReluAtZero::from_value("reluAtZero", options.number("reluAtZero", 0.0)?)?,
        },
        init: options.name("init", defaults.init, INIT_NAMES)?,
        bias_init: options.float("biasInit", 0.0, BIAS_INIT_RANGE)?,
        seed,
        loss: options.name("loss", default_loss, LOSS_NAMES)?,
        precision: options.name("precision", defaults.precision, PRECISION_NAMES)?,
    })
}

/// Read `{ optimizer, learningRate, batchSize, momentum, beta1, beta2, epsilon, l1, l2,
/// activationL1, record }`, each checked as the `f64` given before it is rounded to `f32`.
fn settings_from(value: &JsValue) -> Result<(TrainSettings, bool)> {
    let options = Options::new("options", value)?;
    let defaults = TrainSettings::default();
    let batch_size = match options.get("batchSize")? {
        None => defaults.batch_size,
        Some(size) => convert::count("batchSize", &size, 1, MAX_BATCH_SIZE)?,
    };
    let settings = TrainSettings {
        optimizer: options.name("optimizer", defaults.optimizer, OPTIMIZER_NAMES)?,
        learning_rate: options.float(
            "learningRate",
            defaults.learning_rate,
            LEARNING_RATE_RANGE,
        )?,
        batch_size,
        momentum: options.float("momentum", defaults.momentum, MOMENTUM_RANGE)?,
        beta1: options.float("beta1", defaults.beta1, BETA_RANGE)?,
        beta2: options.float("beta2", defaults.beta2, BETA_RANGE)?,
        epsilon: options.float("epsilon", defaults.epsilon, EPSILON_RANGE)?,
        l1: options.float("l1", defaults.l1, PENALTY_RANGE)?,
        l2: options.float("l2", defaults.l2, PENALTY_RANGE)?,
        activation_l1: options.float(
            "activationL1",
            defaults.activation_l1,
            ACTIVATION_PENALTY_RANGE,
        )?,
        gradient_floor: defaults.gradient_floor,
    };
    settings.validate()?;
    Ok((settings, options.boolean("record", true)?))
}

/// Read `setActivation`'s `(layer, name, options)`: `layer` a hidden layer index or `"all"`,
/// the options defaulting to the network's current ones (PReLU's new slopes to 0.25).
fn switch_from(
    config: &NetworkConfig,
    layer: &JsValue,
    name: &JsValue,
    options: &JsValue,
) -> Result<(Option<usize>, ActivationKind, ActivationOptions, f32)> {
    let layer = if layer.as_string().as_deref() == Some("all") {
        None
    } else {
        let most = config.hidden.len().saturating_sub(1);
        if config.hidden.is_empty() || layer.as_f64().is_none() {
            return Err(InputError::new(
                "layer",
                format!(
                    "must be 'all' or a hidden layer index from 0 to {most}, got {}",
                    convert::describe(layer)
                ),
            ));
        }
        Some(convert::count("layer", layer, 0, most)?)
    };
    let kind = convert::name("name", name, ACTIVATION_NAMES)?;
    let options = Options::new("options", options)?;
    let current = config.activation_options;
    let activation_options = ActivationOptions {
        leaky_slope: options.float("slope", current.leaky_slope, LEAKY_SLOPE_RANGE)?,
        elu_alpha: options.float("eluAlpha", current.elu_alpha, ELU_ALPHA_RANGE)?,
        relu_at_zero: match options.get("reluAtZero")? {
            None => current.relu_at_zero,
            Some(value) => {
                ReluAtZero::from_value("reluAtZero", convert::number("reluAtZero", &value)?)?
            }
        },
    };
    let prelu_slope = options.float("preluSlope", PRELU_INITIAL_SLOPE, PRELU_SLOPE_RANGE)?;
    Ok((layer, kind, activation_options, prelu_slope))
}

/// `"train"` or `"test"`.
fn which(split: &JsValue) -> Result<Which> {
    convert::name(
        "split",
        split,
        &[("train", Which::Train), ("test", Which::Test)],
    )
}

impl Network {
    /// Read a `(data, split)` pair, and check the data set fits this network and the work of
    /// measuring it (`weight` 2 with gradients) is bounded.
    fn data_split(
        &self,
        data: &JsValue,
        split: &JsValue,
        weight: u64,
    ) -> Result<(std::rc::Rc<CoreDataset>, Which)> {
        let which = which(split)?;
        let data = convert::dataset("data", data)?;
        self.trainer.check_data(&data)?;
        self.trainer
            .network
            .check_forward_work("data", which.of(&data).len(), weight, false)?;
        Ok((data, which))
    }
}

#[wasm_bindgen]
impl Network {
    /// A new network from a plain config object; every field is optional:
    /// `{ inputs: 1|2 (2), hidden: widths 1..64, 0..32 layers ([4, 2]), activation: name or
    /// one per layer ("relu"), slope: 0..1 (0.01), eluAlpha (1), reluAtZero: 0|0.5|1 (0),
    /// init ("he-normal"), biasInit: −10..10 (0), seed: 0..2^53−1 (1), loss: "bce"|"mse",
    /// precision: "float32"|"float16" ("float32") }`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "NetworkConfig")] config: JsValue,
    ) -> std::result::Result<Network, JsError> {
        let config = config_from(&config).map_err(js_error)?;
        let trainer = Trainer::new(config).map_err(js_error)?;
        Ok(Network {
            trainer,
            grid: None,
            history_columns: Vec::new(),
        })
    }

    /// The normalised configuration, as a plain object that `new Network()` accepts.
    #[wasm_bindgen(getter, unchecked_return_type = "NormalisedConfig")]
    pub fn config(&self) -> JsValue {
        convert::config_object(&self.trainer.network.config)
    }

    /// Train `steps` (0 to 1,000,000) mini-batch steps on `data`'s training split. Options:
    /// `{ optimizer: "sgd"|"momentum"|"adam", learningRate: 1e-5..10 (0.03), batchSize:
    /// 1..10000 (10), momentum: 0..0.999 (0.9), l1, l2: 0..1 (0), activationL1: 0..1 (0),
    /// record: bool (true) }`.
    /// One call may do at most `trainer::MAX_TRAIN_WORK` work (README: limits). Returns
    /// `{ steps, batchLoss, diverged, exploding, collapsed }`; once diverged, training stops
    /// until `reset()`.
    #[wasm_bindgen(unchecked_return_type = "TrainResult")]
    pub fn train(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Dataset")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] steps: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TrainOptions")] options: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        let mut run = || -> Result<_> {
            let (settings, record) = settings_from(&options)?;
            let steps = convert::count("steps", &steps, 0, MAX_STEPS_PER_CALL)?;
            let data = convert::dataset("data", &data)?;
            self.trainer.check_data(&data)?;
            self.trainer.check_call(&data, &settings, steps, record)?;
            self.trainer.train(&data, &settings, steps, record)
        };
        let report = run().map_err(js_error)?;
        Ok(convert::train_report_object(&report))
    }

    /// Switch the activation of hidden layer `layer` (0-based) or of `"all"` hidden layers to
    /// `name`, keeping weights, biases, step, history, events and optimiser state. `options`
    /// (`slope`, `eluAlpha`, `reluAtZero`: the network's current values by default) become the
    /// network's activation options; `preluSlope` (−10..10, 0.25) starts the PReLU slopes that
    /// are added, with zero optimiser state. Dropping PReLU drops its slopes, so `params()` and
    /// `layout()` change. The switch is listed by `switches()`. `reset()` afterwards starts the
    /// new configuration from its seed.
    #[wasm_bindgen(js_name = setActivation)]
    pub fn set_activation(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number | 'all'")] layer: JsValue,
        #[wasm_bindgen(unchecked_param_type = "ActivationName")] name: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ActivationOptions")] options: JsValue,
    ) -> std::result::Result<(), JsError> {
        let (layer, kind, options, prelu_slope) =
            switch_from(&self.trainer.network.config, &layer, &name, &options).map_err(js_error)?;
        self.trainer
            .set_activation(layer, kind, options, prelu_slope)
            .map_err(js_error)
    }

    /// Activation switches since the last reset, oldest first (the last 64): `[{ step, layer,
    /// activation }]`, `layer` null when every hidden layer switched.
    #[wasm_bindgen(unchecked_return_type = "ActivationSwitch[]")]
    pub fn switches(&self) -> JsValue {
        convert::switches_object(&self.trainer.switches)
    }

    /// Back to step 0 with the same seed: identical weights, batches and history.
    pub fn reset(&mut self) {
        self.trainer.reset();
    }

    /// Steps taken since the last reset.
    #[wasm_bindgen(getter)]
    pub fn step(&self) -> f64 {
        self.trainer.step as f64
    }

    /// True once a loss or weight became NaN or infinite (training has stopped).
    #[wasm_bindgen(getter)]
    pub fn diverged(&self) -> bool {
        self.trainer.diverged
    }

    /// Exactly-zero pre-activations met in training batches since the last reset.
    #[wasm_bindgen(getter, js_name = zeroPreActivationsSeen)]
    pub fn zero_pre_activations_seen(&self) -> f64 {
        self.trainer.zero_pre_activations_seen as f64
    }

    /// Statistics on `"train"` or `"test"`: `{ examples, loss, accuracy, deadUnits,
    /// neverActiveUnits, sparsity, layers: [{ units: [{ activeShare, neverActive, dead,
    /// meanActivation }], sparsity, neverActive, dead, canDie, activationMean,
    /// activationVariance, gradZNorm, gradWNorm, exactZeroPreActivations }] }`.
    #[wasm_bindgen(unchecked_return_type = "Stats")]
    pub fn stats(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Dataset")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        let (data, which) = self.data_split(&data, &split, 2).map_err(js_error)?;
        Ok(convert::stats_object(
            &self.trainer.evaluate(&data, which),
            self.trainer.diverged,
        ))
    }

    /// As `stats` without the backward pass (gradient norms are 0): cheaper, for every frame.
    #[wasm_bindgen(unchecked_return_type = "Stats")]
    pub fn score(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Dataset")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        let (data, which) = self.data_split(&data, &split, 1).map_err(js_error)?;
        Ok(convert::stats_object(
            &self.trainer.score(&data, which),
            self.trainer.diverged,
        ))
    }

    /// The gradient of the mean loss on `"train"` or `"test"` with respect to every parameter
    /// (same layout as `params()`; penalties not included). A copy.
    pub fn gradient(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Dataset")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: JsValue,
    ) -> std::result::Result<Vec<f32>, JsError> {
        let (data, which) = self.data_split(&data, &split, 2).map_err(js_error)?;
        Ok(self.trainer.mean_gradient(&data, which))
    }

    /// Mean loss on `"train"` or `"test"` (null for an empty split).
    #[wasm_bindgen(unchecked_return_type = "number | null")]
    pub fn loss(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Dataset")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        let (data, which) = self.data_split(&data, &split, 2).map_err(js_error)?;
        Ok(number_or_null(self.trainer.evaluate(&data, which).loss))
    }

    /// Share correctly classified on `"train"` or `"test"` (null for regression).
    #[wasm_bindgen(unchecked_return_type = "number | null")]
    pub fn accuracy(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Dataset")] data: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        let (data, which) = self.data_split(&data, &split, 2).map_err(js_error)?;
        Ok(number_or_null(self.trainer.evaluate(&data, which).accuracy))
    }

    /// Evaluate over an R×R grid of the input domain (R points on the line for 1 input),
    /// R from 2 to 256, within the work limit of one forward call (README: limits).
    /// Afterwards `gridOutput`, `gridActivations` and the pixel views read the results.
    #[wasm_bindgen(js_name = evaluateGrid)]
    pub fn evaluate_grid(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] resolution: JsValue,
    ) -> std::result::Result<(), JsError> {
        let resolution = convert::count("resolution", &resolution, MIN_RESOLUTION, MAX_RESOLUTION)
            .map_err(js_error)?;
        self.evaluate_grid_at(resolution).map_err(js_error)
    }

    /// The grid points of the last `evaluateGrid` (`inputs` coordinates each, row 0 at the
    /// top), as a view.
    #[wasm_bindgen(js_name = gridPoints)]
    pub fn grid_points(&self) -> std::result::Result<Float32Array, JsError> {
        Ok(convert::f32_view(self.grid()?.points()))
    }

    /// View of the output at every grid point (row 0 at the top, largest x2).
    #[wasm_bindgen(js_name = gridOutput)]
    pub fn grid_output(&self) -> std::result::Result<Float32Array, JsError> {
        Ok(convert::f32_view(self.grid()?.output()))
    }

    /// View of every hidden unit's activation over the grid, unit after unit.
    #[wasm_bindgen(js_name = gridActivations)]
    pub fn grid_activations(&self) -> std::result::Result<Float32Array, JsError> {
        Ok(convert::f32_view(self.grid()?.activations()))
    }

    /// View of every hidden unit's pre-activation z over the grid, unit after unit.
    #[wasm_bindgen(js_name = gridPreActivations)]
    pub fn grid_pre_activations(&self) -> std::result::Result<Float32Array, JsError> {
        Ok(convert::f32_view(self.grid()?.pre_activations()))
    }

    /// RGBA view of the output map (predicted probability for classification), ready for
    /// `new ImageData(view, R, R)`.
    #[wasm_bindgen(js_name = gridOutputPixels)]
    pub fn grid_output_pixels(&mut self) -> std::result::Result<Uint8ClampedArray, JsError> {
        let loss = self.trainer.network.config.loss;
        let grid = self.grid.as_mut().ok_or_else(no_grid)?;
        Ok(convert::rgba_view(grid.rasterize_output(loss)))
    }

    /// RGBA view of every hidden unit's activation map, unit after unit (R·R·4 bytes each).
    #[wasm_bindgen(js_name = gridUnitPixels)]
    pub fn grid_unit_pixels(&mut self) -> std::result::Result<Uint8ClampedArray, JsError> {
        let grid = self.grid.as_mut().ok_or_else(no_grid)?;
        Ok(convert::rgba_view(grid.rasterize_units()))
    }

    /// Born dead? Evaluates an R×R grid and returns `{ constant, zeroLayer }`: whether the
    /// output is the same at every grid point, and the first hidden layer (0-based) that is
    /// zero everywhere, or null.
    #[wasm_bindgen(js_name = outputConstantOnDomain, unchecked_return_type = "BornDead")]
    pub fn output_constant_on_domain(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "number")] resolution: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        self.evaluate_grid(resolution)?;
        let grid = self.grid()?;
        let zero_layer = grid.first_zero_layer(&self.trainer.network);
        Ok(convert::born_dead_object(
            grid.output_is_constant(),
            zero_layer,
        ))
    }

    /// Statistics of the hidden units over the last evaluated grid (the whole input domain):
    /// the same shape as `stats`, without loss, accuracy or gradients.
    #[wasm_bindgen(js_name = gridStats, unchecked_return_type = "Stats")]
    pub fn grid_stats(&mut self) -> std::result::Result<JsValue, JsError> {
        let points = self.grid()?.points().to_vec();
        Ok(convert::stats_object(
            &self.trainer.evaluate_points(&points),
            self.trainer.diverged,
        ))
    }

    /// View of all parameters (layout in the crate docs and `layout()`).
    pub fn params(&self) -> Float32Array {
        convert::f32_view(&self.trainer.network.params)
    }

    /// Replace every parameter: an array or a `Float32Array` of the same length as
    /// `params()`, all finite.
    #[wasm_bindgen(js_name = setParams)]
    pub fn set_params(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array | Float64Array | number[]")]
        values: JsValue,
    ) -> std::result::Result<(), JsError> {
        let expected = self.trainer.network.params.len();
        let values =
            convert::floats("params", &values, expected, f64::from(f32::MAX)).map_err(js_error)?;
        if values.len() != expected {
            return Err(js_error(InputError::new(
                "params",
                format!("must have {expected} values, got {}", values.len()),
            )));
        }
        self.trainer.network.params.copy_from_slice(&values);
        Ok(())
    }

    /// Where each layer's parameters sit: `[{ fanIn, fanOut, activation, weights, biases,
    /// slopes }]` (offsets into `params()`; slopes null unless PReLU), hidden layers then output.
    #[wasm_bindgen(unchecked_return_type = "LayerLayout[]")]
    pub fn layout(&self) -> JsValue {
        convert::layout_object(&self.trainer.network.layers)
    }

    /// Follow one example: `{ loss, output, layers: [{ z, a, gate, gradA, gradZ }] }`, hidden
    /// layers then the output layer. `point` has `inputs` coordinates.
    #[wasm_bindgen(unchecked_return_type = "Inspection")]
    pub fn inspect(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array | Float64Array | number[]")]
        point: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] label: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        let read = || -> Result<_> {
            // A longer point is refused by the core, which names the expected length.
            let point = convert::floats("point", &point, 16, f64::from(MAX_USER_VALUE))?;
            let limit = f64::from(MAX_USER_VALUE);
            let label = convert::float("label", &label, (-limit, limit))?;
            inspect::trace(&self.trainer.network, &point, label)
        };
        Ok(convert::inspection_object(&read().map_err(js_error)?))
    }

    /// The network output at each point (`inputs` coordinates per point, at most 65,536 points
    /// and within the work limit of one forward call, README: limits), as a copy.
    pub fn predict(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Float32Array | Float64Array | number[]")]
        points: JsValue,
    ) -> std::result::Result<Vec<f32>, JsError> {
        let network = &self.trainer.network;
        let inputs = network.config.inputs;
        let read = || -> Result<_> {
            let points = convert::floats(
                "points",
                &points,
                inputs * MAX_PREDICT_POINTS,
                f64::from(f32::MAX),
            )?;
            if points.len() % inputs != 0 {
                return Err(InputError::new(
                    "points",
                    format!(
                        "must hold {inputs} value(s) per point, got {} values",
                        points.len()
                    ),
                ));
            }
            network.check_forward_work("points", points.len() / inputs, 1, true)?;
            Ok(points)
        };
        Ok(network.predict(&read().map_err(js_error)?))
    }

    /// The training history as columns, 7 numbers per record: step, train loss, test loss,
    /// train accuracy, test accuracy, never-active units (dead for ReLU, inactive otherwise),
    /// sparsity (NaN where not defined). A view,
    /// valid until the next call.
    #[wasm_bindgen(js_name = historyColumns)]
    pub fn history_columns(&mut self) -> Float32Array {
        self.trainer.history.as_columns(&mut self.history_columns);
        convert::f32_view(&self.history_columns)
    }

    /// Units that died or came back: `[{ step, layer, unit, died }]`, oldest first (the last
    /// 256), noticed at the history's records while training with `record: true`.
    #[wasm_bindgen(unchecked_return_type = "UnitEvent[]")]
    pub fn events(&self) -> JsValue {
        convert::events_object(self.trainer.history.events())
    }
}

fn no_grid() -> JsError {
    JsError::new("grid: call evaluateGrid(resolution) first")
}

impl Network {
    fn grid(&self) -> std::result::Result<&Grid, JsError> {
        self.grid.as_ref().ok_or_else(no_grid)
    }

    /// Evaluate the grid of `resolution` points per side, (re)built if its size changed.
    fn evaluate_grid_at(&mut self, resolution: usize) -> Result<()> {
        let network = &self.trainer.network;
        let inputs = network.config.inputs;
        let points = if inputs == 2 {
            resolution * resolution
        } else {
            resolution
        };
        network.check_forward_work("resolution", points, 1, true)?;
        if self
            .grid
            .as_ref()
            .is_none_or(|g| g.resolution != resolution || g.inputs != inputs)
        {
            self.grid = Some(Grid::new(inputs, resolution)?);
        }
        match self.grid.as_mut() {
            Some(grid) => grid.evaluate(network),
            None => Err(InputError::new("grid", "not evaluated")),
        }
    }
}
