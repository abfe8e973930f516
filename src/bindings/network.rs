//! The JS `Network` class: a network with its trainer, statistics, grid pictures and history.

use js_sys::{Float32Array, Uint8ClampedArray};
use wasm_bindgen::prelude::*;

use super::Dataset;
use super::convert::{self, Options, js_error, number_or_null, numbers};
use crate::activation::{ActivationKind, ActivationOptions, ReluAtZero};
use crate::error::{InputError, Result, check_count};
use crate::grid::Grid;
use crate::init::Init;
use crate::inspect;
use crate::network::{Loss, MAX_HIDDEN_LAYERS, NetworkConfig};
use crate::optimizer::{OptimizerKind, TrainSettings};
use crate::trainer::{Trainer, Which};

/// A network being trained, with everything the page shows about it.
#[wasm_bindgen]
pub struct Network {
    trainer: Trainer,
    grid: Option<Grid>,
    history_columns: Vec<f32>,
}

/// Read `{ inputs, hidden, activation, slope, eluAlpha, reluAtZero, init, biasInit, seed,
/// loss }` into a network configuration (the core validates the ranges).
fn config_from(value: &JsValue) -> Result<NetworkConfig> {
    let options = Options::new("config", value)?;
    let defaults = NetworkConfig::default();
    let inputs = check_count("inputs", options.number("inputs", 2.0)?, 1, 2)?;
    let hidden: Vec<usize> = match options.get("hidden") {
        None => defaults.hidden.clone(),
        Some(list) => numbers("hidden", &list, MAX_HIDDEN_LAYERS)?
            .into_iter()
            .enumerate()
            .map(|(i, w)| check_count(&format!("hidden[{i}]"), w, 1, crate::network::MAX_UNITS))
            .collect::<Result<_>>()?,
    };
    let activations = match options.get("activation") {
        None => vec![ActivationKind::Relu; hidden.len()],
        Some(value) if value.is_string() => {
            let kind = ActivationKind::parse("activation", &value.as_string().unwrap_or_default())?;
            vec![kind; hidden.len()]
        }
        Some(value) if js_sys::Array::is_array(&value) => js_sys::Array::from(&value)
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let field = format!("activation[{i}]");
                let name = name
                    .as_string()
                    .ok_or_else(|| InputError::new(&field, "must be an activation name"))?;
                ActivationKind::parse(&field, &name)
            })
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
    let default_loss = if inputs == 2 { "bce" } else { "mse" };
    Ok(NetworkConfig {
        inputs,
        hidden,
        activations,
        activation_options: ActivationOptions {
            leaky_slope: options.number("slope", f64::from(option_defaults.leaky_slope))? as f32,
            elu_alpha: options.number("eluAlpha", f64::from(option_defaults.elu_alpha))? as f32,
            relu_at_zero: ReluAtZero::from_value("reluAtZero", options.number("reluAtZero", 0.0)?)?,
        },
        init: Init::parse(&options.string("init", defaults.init.name())?)?,
        bias_init: options.number("biasInit", 0.0)? as f32,
        seed: super::seed_from(options.number("seed", defaults.seed as f64)?)?,
        loss: Loss::parse(&options.string("loss", default_loss)?)?,
    })
}

/// Read `{ optimizer, learningRate, batchSize, momentum, beta1, beta2, epsilon, l1, l2 }`.
fn settings_from(options: &Options) -> Result<TrainSettings> {
    let defaults = TrainSettings::default();
    let number =
        |key: &str, default: f32| options.number(key, f64::from(default)).map(|v| v as f32);
    let settings = TrainSettings {
        optimizer: OptimizerKind::parse(&options.string("optimizer", defaults.optimizer.name())?)?,
        learning_rate: number("learningRate", defaults.learning_rate)?,
        batch_size: check_count("batchSize", options.number("batchSize", 10.0)?, 1, 10_000)?,
        momentum: number("momentum", defaults.momentum)?,
        beta1: number("beta1", defaults.beta1)?,
        beta2: number("beta2", defaults.beta2)?,
        epsilon: number("epsilon", defaults.epsilon)?,
        l1: number("l1", defaults.l1)?,
        l2: number("l2", defaults.l2)?,
    };
    settings.validate()?;
    Ok(settings)
}

fn which(split: &str) -> Result<Which> {
    crate::error::parse_name(
        "split",
        split,
        &[("train", Which::Train), ("test", Which::Test)],
    )
}

#[wasm_bindgen]
impl Network {
    /// A new network from a plain config object; every field is optional:
    /// `{ inputs: 1|2 (2), hidden: widths 1..64, 0..32 layers ([4, 2]), activation: name or
    /// one per layer ("relu"), slope: 0..1 (0.01), eluAlpha (1), reluAtZero: 0|0.5|1 (0),
    /// init ("he-normal"), biasInit: −10..10 (0), seed: 0..2^53−1 (1), loss: "bce"|"mse" }`.
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
    /// 1..10000 (10), momentum: 0..0.999 (0.9), l1, l2: 0..1 (0), record: bool (true) }`.
    /// Returns `{ steps, batchLoss, diverged }`; once diverged, training stops until `reset()`.
    #[wasm_bindgen(unchecked_return_type = "TrainResult")]
    pub fn train(
        &mut self,
        data: &Dataset,
        steps: f64,
        #[wasm_bindgen(unchecked_optional_param_type = "TrainOptions")] options: JsValue,
    ) -> std::result::Result<JsValue, JsError> {
        let mut run = || -> Result<_> {
            let parsed = Options::new("options", &options)?;
            let settings = settings_from(&parsed)?;
            let record = parsed.boolean("record", true)?;
            let steps = check_count("steps", steps, 0, crate::trainer::MAX_STEPS_PER_CALL)?;
            self.trainer.train(data.core(), &settings, steps, record)
        };
        let report = run().map_err(js_error)?;
        Ok(convert::train_report_object(&report))
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
        data: &Dataset,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: &str,
    ) -> std::result::Result<JsValue, JsError> {
        let which = which(split).map_err(js_error)?;
        self.trainer.check_data(data.core()).map_err(js_error)?;
        Ok(convert::stats_object(
            &self.trainer.evaluate(data.core(), which),
            self.trainer.diverged,
        ))
    }

    /// As `stats` without the backward pass (gradient norms are 0): cheaper, for every frame.
    #[wasm_bindgen(unchecked_return_type = "Stats")]
    pub fn score(
        &mut self,
        data: &Dataset,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: &str,
    ) -> std::result::Result<JsValue, JsError> {
        let which = which(split).map_err(js_error)?;
        self.trainer.check_data(data.core()).map_err(js_error)?;
        Ok(convert::stats_object(
            &self.trainer.score(data.core(), which),
            self.trainer.diverged,
        ))
    }

    /// The gradient of the mean loss on `"train"` or `"test"` with respect to every parameter
    /// (same layout as `params()`; penalties not included). A copy.
    pub fn gradient(
        &mut self,
        data: &Dataset,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: &str,
    ) -> std::result::Result<Vec<f32>, JsError> {
        let which = which(split).map_err(js_error)?;
        self.trainer.check_data(data.core()).map_err(js_error)?;
        Ok(self.trainer.mean_gradient(data.core(), which))
    }

    /// Mean loss on `"train"` or `"test"` (null for an empty split).
    #[wasm_bindgen(unchecked_return_type = "number | null")]
    pub fn loss(
        &mut self,
        data: &Dataset,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: &str,
    ) -> std::result::Result<JsValue, JsError> {
        let which = which(split).map_err(js_error)?;
        self.trainer.check_data(data.core()).map_err(js_error)?;
        Ok(number_or_null(
            self.trainer.evaluate(data.core(), which).loss,
        ))
    }

    /// Share correctly classified on `"train"` or `"test"` (null for regression).
    #[wasm_bindgen(unchecked_return_type = "number | null")]
    pub fn accuracy(
        &mut self,
        data: &Dataset,
        #[wasm_bindgen(unchecked_param_type = "Split")] split: &str,
    ) -> std::result::Result<JsValue, JsError> {
        let which = which(split).map_err(js_error)?;
        self.trainer.check_data(data.core()).map_err(js_error)?;
        Ok(number_or_null(
            self.trainer.evaluate(data.core(), which).accuracy,
        ))
    }

    /// Evaluate over an R×R grid of the input domain (R points on the line for 1 input),
    /// R from 2 to 256. Afterwards `gridOutput`, `gridActivations` and the pixel views read
    /// the results.
    #[wasm_bindgen(js_name = evaluateGrid)]
    pub fn evaluate_grid(&mut self, resolution: f64) -> std::result::Result<(), JsError> {
        let inputs = self.trainer.network.config.inputs;
        let resolution = check_count("resolution", resolution, 2, crate::grid::MAX_RESOLUTION)
            .map_err(js_error)?;
        if self
            .grid
            .as_ref()
            .is_none_or(|g| g.resolution != resolution || g.inputs != inputs)
        {
            self.grid = Some(Grid::new(inputs, resolution).map_err(js_error)?);
        }
        let grid = self
            .grid
            .as_mut()
            .ok_or_else(|| JsError::new("grid: not evaluated"))?;
        grid.evaluate(&self.trainer.network).map_err(js_error)
    }

    fn grid(&self) -> std::result::Result<&Grid, JsError> {
        self.grid
            .as_ref()
            .ok_or_else(|| JsError::new("grid: call evaluateGrid(resolution) first"))
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
        let grid = self
            .grid
            .as_mut()
            .ok_or_else(|| JsError::new("grid: call evaluateGrid(resolution) first"))?;
        let pixels = grid.rasterize_output(loss);
        Ok(convert::rgba_view(pixels))
    }

    /// RGBA view of every hidden unit's activation map, unit after unit (R·R·4 bytes each).
    #[wasm_bindgen(js_name = gridUnitPixels)]
    pub fn grid_unit_pixels(&mut self) -> std::result::Result<Uint8ClampedArray, JsError> {
        let grid = self
            .grid
            .as_mut()
            .ok_or_else(|| JsError::new("grid: call evaluateGrid(resolution) first"))?;
        let pixels = grid.rasterize_units();
        Ok(convert::rgba_view(pixels))
    }

    /// Born dead? Evaluates an R×R grid and returns `{ constant, zeroLayer }`: whether the
    /// output is the same at every grid point, and the first hidden layer (0-based) that is
    /// zero everywhere, or null.
    #[wasm_bindgen(js_name = outputConstantOnDomain, unchecked_return_type = "BornDead")]
    pub fn output_constant_on_domain(
        &mut self,
        resolution: f64,
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

    /// Replace every parameter (same length as `params()`, all finite).
    #[wasm_bindgen(js_name = setParams)]
    pub fn set_params(&mut self, values: &[f32]) -> std::result::Result<(), JsError> {
        let params = &mut self.trainer.network.params;
        if values.len() != params.len() {
            return Err(js_error(InputError::new(
                "params",
                format!("must have {} values, got {}", params.len(), values.len()),
            )));
        }
        if let Some(i) = values.iter().position(|v| !v.is_finite()) {
            return Err(js_error(InputError::new(
                format!("params[{i}]"),
                "must be a finite number",
            )));
        }
        params.copy_from_slice(values);
        Ok(())
    }

    /// Where each layer's parameters sit: `[{ fanIn, fanOut, activation, weights, biases,
    /// slopes }]` (offsets into `params()`; slopes null unless PReLU), hidden layers then output.
    #[wasm_bindgen(unchecked_return_type = "LayerLayout[]")]
    pub fn layout(&self) -> JsValue {
        convert::layout_object(&self.trainer.network.layers)
    }

    /// Follow one example: `{ loss, output, layers: [{ z, a, gate, gradA, gradZ }] }`, hidden
    /// layers then the output layer.
    #[wasm_bindgen(unchecked_return_type = "Inspection")]
    pub fn inspect(&self, point: &[f32], label: f64) -> std::result::Result<JsValue, JsError> {
        let trace = inspect::trace(&self.trainer.network, point, label as f32).map_err(js_error)?;
        Ok(convert::inspection_object(&trace))
    }

    /// The network output at each point (`inputs` coordinates per point, at most 65,536 points).
    pub fn predict(&self, points: &[f32]) -> std::result::Result<Vec<f32>, JsError> {
        let inputs = self.trainer.network.config.inputs;
        if points.len() % inputs != 0 || points.len() / inputs > 65_536 {
            return Err(js_error(InputError::new(
                "points",
                format!("must hold {inputs} value(s) per point, at most 65536 points"),
            )));
        }
        if let Some(i) = points.iter().position(|v| !v.is_finite()) {
            return Err(js_error(InputError::new(
                format!("points[{i}]"),
                "must be a finite number",
            )));
        }
        Ok(self.trainer.network.predict(points))
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
