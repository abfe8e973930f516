//! Training: a network with its optimiser state, its mini-batch order, its history and the
//! events a learner should hear about (a unit died, a unit came back, training diverged).

use crate::activation::{ActivationKind, ActivationOptions};
use crate::data::{Dataset, Split};
use crate::error::{InputError, Result, check_count};
use crate::history::{History, Record, UnitEvent};
use crate::lane_pass::LaneWorkspace;
use crate::network::{Loss, Network, NetworkConfig, Workspace};
use crate::optimizer::{OptimizerState, TrainSettings};
use crate::precision::Precision;
use crate::rng::{self, Rng, Stream};
use crate::stats::{Evaluator, Stats};

/// Records the history keeps at most; older ones are thinned out, never grown.
pub const HISTORY_CAPACITY: usize = 512;
/// Most steps one call may run.
pub const MAX_STEPS_PER_CALL: usize = 1_000_000;
/// The most work one call of the JS API's `train` may do, in examples ×
/// [`Network::example_cost`]: the examples of every batch, plus every point of both splits
/// measured for each history record the call will keep. About half a second in wasm on a
/// 2-core laptop-class machine, whatever the network.
pub const MAX_TRAIN_WORK: u64 = 500_000_000;
/// Smoothing of the batch loss watched for [`TrainReport::exploding`]: each step moves the
/// smoothed loss this share of the way to the new batch loss.
pub const LOSS_SMOOTHING: f32 = 0.05;
/// Steps before the smoothed loss counts (its best so far is taken only from then on).
pub const LOSS_WARMUP_STEPS: u64 = 20;
/// [`TrainReport::exploding`] when the smoothed loss is more than this many times its best.
pub const EXPLODING_FACTOR: f32 = 10.0;
/// The best smoothed loss is taken as at least this, so a loss near 0 does not make noise look
/// like an explosion.
pub const EXPLODING_FLOOR: f32 = 0.01;
/// [`TrainReport::collapsed`] when the last batch's outputs differ by at most this, relative to
/// their size (1 + |mean|).
pub const COLLAPSED_SPREAD: f32 = 1e-6;

/// The most activation switches a run remembers (the oldest are dropped).
pub const MAX_SWITCHES: usize = 64;

/// A change of activation during a run ([`Trainer::set_activation`]), for the charts to mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActivationSwitch {
    /// The step at which the new activation took over.
    pub step: u64,
    /// The hidden layer switched (0-based), or `None` for all of them.
    pub layer: Option<usize>,
    /// The new activation.
    pub kind: ActivationKind,
}

/// What one call to [`Trainer::train`] did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainReport {
    /// Steps actually run (fewer than asked when training diverged).
    pub steps: usize,
    /// Mean data loss of the last batch.
    pub batch_loss: f32,
    /// True when a loss or parameter became NaN or infinite; training stops at once.
    pub diverged: bool,
    /// Divergence without NaN: the smoothed batch loss ([`LOSS_SMOOTHING`]) is more than
    /// [`EXPLODING_FACTOR`] times its best since the reset (at least [`EXPLODING_FLOOR`]),
    /// after [`LOSS_WARMUP_STEPS`] steps. Training goes on; the flag reports the state now.
    pub exploding: bool,
    /// The network gave the same output (within [`COLLAPSED_SPREAD`]) for every example of
    /// the last batch (of at least 2): it computes a constant, usually because a whole hidden
    /// layer died. Training goes on; it seldom recovers.
    pub collapsed: bool,
}

/// A network being trained.
#[derive(Clone, Debug)]
pub struct Trainer {
    /// The model.
    pub network: Network,
    /// Steps taken since the last reset.
    pub step: u64,
    /// Loss, accuracy, dead units and sparsity over time, in bounded memory.
    pub history: History,
    /// Pre-activations that were exactly 0 in training batches since the last reset.
    pub zero_pre_activations_seen: u64,
    /// Set when training diverged; cleared by a reset.
    pub diverged: bool,
    /// Activation switches since the last reset, oldest first (at most [`MAX_SWITCHES`]).
    pub switches: Vec<ActivationSwitch>,
    /// The batch loss smoothed over steps, and the steps it has seen since the last reset.
    smoothed_loss: f32,
    smoothed_steps: u64,
    /// The lowest smoothed loss since the last reset, after the warm-up.
    best_smoothed_loss: f32,
    optimizer: OptimizerState,
    batch_rng: Rng,
    order: Vec<usize>,
    cursor: usize,
    /// The batch for float16 training, through the reference passes of [`Network`].
    ws: Workspace,
    /// The batch for float32 training: the same passes four examples at a time.
    lanes: LaneWorkspace,
    /// Float32 steps through `ws` instead of `lanes` ([`Self::use_reference_passes`]).
    reference_passes: bool,
    param_grads: Vec<f32>,
    evaluator: Evaluator,
    /// Dead/inactive flags per hidden unit at the last evaluation on the training set.
    never_active: Vec<bool>,
}

impl Trainer {
    /// A freshly initialised network from `config`.
    pub fn new(config: NetworkConfig) -> Result<Self> {
        let network = Network::new(config)?;
        let seed = network.config.seed;
        Ok(Self {
            param_grads: vec![0.0; network.params.len()],
            network,
            step: 0,
            history: History::new(HISTORY_CAPACITY),
            zero_pre_activations_seen: 0,
            diverged: false,
            switches: Vec::new(),
            smoothed_loss: f32::NAN,
            smoothed_steps: 0,
            best_smoothed_loss: f32::INFINITY,
            optimizer: OptimizerState::default(),
            batch_rng: rng::seeded(seed, Stream::Batches),
            order: Vec::new(),
            cursor: 0,
            ws: Workspace::default(),
            lanes: LaneWorkspace::default(),
            reference_passes: false,
            evaluator: Evaluator::default(),
            never_active: Vec::new(),
        })
    }

    /// Back to step 0 with the same seed: the same weights, batches and history as a new run.
    pub fn reset(&mut self) {
        self.network.initialise();
        self.step = 0;
        self.history.clear();
        self.zero_pre_activations_seen = 0;
        self.diverged = false;
        self.switches.clear();
        self.smoothed_loss = f32::NAN;
        self.smoothed_steps = 0;
        self.best_smoothed_loss = f32::INFINITY;
        self.optimizer.clear();
        self.batch_rng = rng::seeded(self.network.config.seed, Stream::Batches);
        self.order.clear();
        self.cursor = 0;
        self.never_active.clear();
    }

    /// Switch hidden layer `layer` (`None`: every hidden layer) to `kind` and go on from the
    /// same weights and biases: step, history, events, batch order and optimiser state are
    /// kept. PReLU slopes are added (starting at `prelu_slope`, their optimiser state at zero)
    /// or dropped. `options` become the network's activation options. A reset afterwards
    /// starts the new configuration from its seed. The switch is noted in [`Trainer::switches`].
    pub fn set_activation(
        &mut self,
        layer: Option<usize>,
        kind: ActivationKind,
        options: ActivationOptions,
        prelu_slope: f32,
    ) -> Result<()> {
        let from_old = self
            .network
            .set_activation(layer, kind, options, prelu_slope)?;
        self.optimizer.remap(&from_old);
        self.param_grads.clear();
        self.param_grads.resize(self.network.params.len(), 0.0);
        if self.switches.len() == MAX_SWITCHES {
            self.switches.remove(0);
        }
        self.switches.push(ActivationSwitch {
            step: self.step,
            layer,
            kind,
        });
        Ok(())
    }

    /// Check that `data` fits this network: same input count, and labels 0/1 for
    /// cross-entropy.
    pub fn check_data(&self, data: &Dataset) -> Result<()> {
        let inputs = self.network.config.inputs;
        if data.inputs != inputs {
            return Err(InputError::new(
                "dataset",
                format!(
                    "must have {inputs} input(s) per point to match the network, has {}",
                    data.inputs
                ),
            ));
        }
        if self.network.config.loss == Loss::BinaryCrossEntropy {
            let labels = data.train.labels.iter().chain(&data.test.labels);
            if let Some(bad) = labels.copied().find(|&y| y != 0.0 && y != 1.0) {
                return Err(InputError::new(
                    "dataset",
                    format!(
                        "labels must be 0 or 1 for the \"bce\" loss, found {}; use \"mse\" for regression targets",
                        crate::error::number(f64::from(bad))
                    ),
                ));
            }
        }
        if data.train.is_empty() {
            return Err(InputError::new(
                "dataset",
                "needs at least 1 training point",
            ));
        }
        Ok(())
    }

    /// Run `steps` mini-batch steps on the training set. With `record`, the history keeps
    /// evenly spaced records (measured on the training and test sets).
    pub fn train(
        &mut self,
        data: &Dataset,
        settings: &TrainSettings,
        steps: usize,
        record: bool,
    ) -> Result<TrainReport> {
        settings.validate()?;
        check_count("steps", steps as f64, 0, MAX_STEPS_PER_CALL)?;
        self.check_data(data)?;
        let mut report = TrainReport {
            steps: 0,
            batch_loss: f32::NAN,
            diverged: self.diverged,
            exploding: false,
            collapsed: false,
        };
        if self.diverged {
            return Ok(report);
        }
        let batch = settings.batch_size.min(data.train.len());
        if self.in_lanes() {
            self.lanes.prepare(&self.network, batch);
        } else {
            self.ws.prepare(&self.network, batch);
        }
        if self.order.len() != data.train.len() {
            self.order = (0..data.train.len()).collect();
            self.cursor = self.order.len();
        }
        for _ in 0..steps {
            report.batch_loss = self.step_once(&data.train, settings, batch);
            report.steps += 1;
            self.step += 1;
            // A non-finite weight makes the next loss non-finite, so the loss is watched step by
            // step and the weights once at the end of the call.
            if !report.batch_loss.is_finite() {
                break;
            }
            self.watch_loss(report.batch_loss);
            if record {
                self.record(data);
            }
        }
        let loss_broke = report.steps > 0 && !report.batch_loss.is_finite();
        if loss_broke || !self.network.params.iter().all(|p| p.is_finite()) {
            self.diverged = true;
            report.diverged = true;
        }
        if report.steps > 0 && !report.diverged {
            report.exploding = self.smoothed_steps >= LOSS_WARMUP_STEPS
                && self.smoothed_loss
                    > EXPLODING_FACTOR * self.best_smoothed_loss.max(EXPLODING_FLOOR);
            report.collapsed = batch >= 2
                && if self.in_lanes() {
                    output_is_constant(self.lanes.outputs(&self.network))
                } else {
                    output_is_constant(self.network.output(&self.ws).iter().copied())
                };
        }
        Ok(report)
    }

    /// Check that one call of `train` with these arguments stays within [`MAX_TRAIN_WORK`]
    /// and its batch within [`crate::network::MAX_BATCH_VALUES`]; the JS API calls this before
    /// training, so no call blocks a page for long. The error names `steps` or `batchSize`.
    pub fn check_call(
        &self,
        data: &Dataset,
        settings: &TrainSettings,
        steps: usize,
        record: bool,
    ) -> Result<()> {
        let batch = settings.batch_size.min(data.train.len()).max(1);
        let units = self.network.unit_count();
        let most_batch = crate::network::MAX_BATCH_VALUES / units;
        if batch > most_batch {
            return Err(InputError::new(
                "batchSize",
                format!(
                    "must be at most {most_batch} on this network ({units} units), got {batch}"
                ),
            ));
        }
        let records = if record {
            self.history.kept_in_next(steps as u64)
        } else {
            0
        };
        let measured = (data.train.len() + data.test.len()) as u64;
        let examples = (steps as u64) * batch as u64 + records * measured;
        let work = examples.saturating_mul(self.network.example_cost());
        if work > MAX_TRAIN_WORK {
            let per_step = batch as u64 + if record { measured } else { 0 };
            let most = MAX_TRAIN_WORK / (per_step * self.network.example_cost());
            if most == 0 {
                let most_batch = MAX_TRAIN_WORK / self.network.example_cost();
                return Err(InputError::new(
                    "batchSize",
                    format!(
                        "one step of {batch} examples{} is too much work for one call on this network ({} parameters, {units} units): use a batch of at most {most_batch}{}",
                        if record { " (recording history)" } else { "" },
                        self.network.params.len(),
                        if record { ", or record: false" } else { "" }
                    ),
                ));
            }
            return Err(InputError::new(
                "steps",
                format!(
                    "{steps} steps of {batch} examples{} are too much work for one call on this network ({} parameters, {units} units): call train with at most about {most} steps at a time",
                    if record { " (recording history)" } else { "" },
                    self.network.params.len()
                ),
            ));
        }
        Ok(())
    }

    /// Follow the smoothed batch loss and its best, for [`TrainReport::exploding`].
    fn watch_loss(&mut self, loss: f32) {
        self.smoothed_loss = if self.smoothed_steps == 0 {
            loss
        } else {
            self.smoothed_loss + LOSS_SMOOTHING * (loss - self.smoothed_loss)
        };
        self.smoothed_steps += 1;
        if self.smoothed_steps >= LOSS_WARMUP_STEPS {
            self.best_smoothed_loss = self.best_smoothed_loss.min(self.smoothed_loss);
        }
    }

    /// Run float32 steps through the reference passes of [`Network`] instead of four examples
    /// at a time. The numbers are the same bit for bit (`tests/lane_pass.rs`); the native
    /// benchmark times the two side by side, so goal 6's ratio does not depend on how fast the
    /// shared machine is that day. Not part of the page's API.
    #[doc(hidden)]
    pub fn use_reference_passes(&mut self, on: bool) {
        self.reference_passes = on;
    }

    /// Whether steps run four examples at a time ([`LaneWorkspace`], float32) or through the
    /// reference passes (float16). Both give the same numbers in float32.
    fn in_lanes(&self) -> bool {
        !self.reference_passes && self.network.config.precision == Precision::Float32
    }

    /// One step: draw a batch, forward, backward, penalties, update. Allocates nothing.
    fn step_once(&mut self, train: &Split, settings: &TrainSettings, batch: usize) -> f32 {
        let inputs = self.network.config.inputs;
        let in_lanes = self.in_lanes();
        let order = &mut self.order;
        let mut picked = 0;
        while picked < batch {
            if self.cursor == order.len() {
                shuffle(order, &mut self.batch_rng);
                self.cursor = 0;
            }
            let take = (batch - picked).min(order.len() - self.cursor);
            let chosen = order[self.cursor..self.cursor + take].iter().copied();
            if in_lanes {
                self.lanes
                    .load(&train.points, &train.labels, inputs, picked, chosen);
            } else {
                self.ws
                    .load(&train.points, &train.labels, inputs, picked, chosen);
            }
            picked += take;
            self.cursor += take;
        }
        self.param_grads.fill(0.0);
        let scale = 1.0 / batch as f32;
        let loss_sum = if in_lanes {
            self.zero_pre_activations_seen += self.lanes.forward(&self.network);
            self.lanes.gradient_floor = settings.gradient_floor;
            let grads = &mut self.param_grads;
            let (loss_sum, _) =
                self.lanes
                    .backward(&self.network, grads, scale, settings.activation_l1);
            loss_sum
        } else {
            self.network.forward(&mut self.ws);
            let hidden_values = self.network.hidden_unit_count() * batch;
            self.zero_pre_activations_seen += self.ws.z[..hidden_values]
                .iter()
                .filter(|&&z| z == 0.0)
                .count() as u64;
            self.ws.gradient_floor = settings.gradient_floor;
            let (loss_sum, _) = self.network.backward_with_activation_penalty(
                &mut self.ws,
                &mut self.param_grads,
                scale,
                settings.activation_l1,
            );
            loss_sum
        };
        self.network
            .add_penalty(settings.l1, settings.l2, &mut self.param_grads);
        let precision = self.network.config.precision;
        precision.round_row(&mut self.param_grads);
        self.optimizer
            .update(settings, &mut self.network.params, &self.param_grads);
        precision.round_row(&mut self.network.params);
        loss_sum / batch as f32
    }

    /// Measure the network on a split, gradient norms included.
    pub fn evaluate(&mut self, data: &Dataset, split: Which) -> Stats {
        self.measure(data, split, true)
    }

    /// As [`Trainer::evaluate`] without the backward pass: gradient norms are left at 0.
    pub fn score(&mut self, data: &Dataset, split: Which) -> Stats {
        self.measure(data, split, false)
    }

    /// The gradient of the mean data loss on a split with respect to every parameter (the
    /// layout of `network.params`), without penalties.
    pub fn mean_gradient(&mut self, data: &Dataset, split: Which) -> Vec<f32> {
        let set = split.of(data);
        self.evaluator
            .evaluate(&self.network, &set.points, Some(&set.labels), true);
        self.evaluator.mean_gradient()
    }

    fn measure(&mut self, data: &Dataset, split: Which, gradients: bool) -> Stats {
        let set = split.of(data);
        self.evaluator
            .evaluate(&self.network, &set.points, Some(&set.labels), gradients)
    }

    /// Measure the network on unlabelled points (a grid, say): forward statistics only.
    pub fn evaluate_points(&mut self, points: &[f32]) -> Stats {
        self.evaluator.evaluate(&self.network, points, None, false)
    }

    /// Note units that died or came back since the last record, as events at this step. Only
    /// history records look (at steps fixed by the run, not by when a page asks), so the same
    /// run reports the same events at the same steps.
    fn note_unit_changes(&mut self, stats: &Stats) {
        let now: Vec<bool> = stats.units.iter().map(|u| u.never_active).collect();
        if self.never_active.len() == now.len() {
            let mut unit_index = 0;
            for (layer_index, layer) in stats.layers.iter().enumerate() {
                for unit in 0..layer.units {
                    let (before, after) = (self.never_active[unit_index], now[unit_index]);
                    if before != after {
                        self.history.push_event(UnitEvent {
                            step: self.step,
                            layer: layer_index as u16,
                            unit: unit as u16,
                            died: after,
                        });
                    }
                    unit_index += 1;
                }
            }
        }
        self.never_active = now;
    }

    fn record(&mut self, data: &Dataset) {
        if !self.history.will_keep_next() {
            self.history.skip();
            return;
        }
        let train = self.score(data, Which::Train);
        self.note_unit_changes(&train);
        let test = self.evaluator.evaluate(
            &self.network,
            &data.test.points,
            Some(&data.test.labels),
            false,
        );
        self.history.push(Record {
            step: self.step,
            train_loss: train.loss,
            test_loss: test.loss,
            train_accuracy: train.accuracy,
            test_accuracy: test.accuracy,
            never_active_units: train.never_active_units() as u32,
            sparsity: train.overall_sparsity(),
        });
    }
}

/// Which part of a data set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// The training split.
    Train,
    /// The test split.
    Test,
}

impl Which {
    /// The chosen split of `data`.
    pub fn of(self, data: &Dataset) -> &Split {
        match self {
            Which::Train => &data.train,
            Which::Test => &data.test,
        }
    }
}

/// Whether every output of a batch is the same number, within [`COLLAPSED_SPREAD`].
fn output_is_constant(outputs: impl Iterator<Item = f32>) -> bool {
    let (low, high, sum, count) = outputs.fold(
        (f32::INFINITY, f32::NEG_INFINITY, 0.0_f32, 0_usize),
        |(low, high, sum, count), v| (low.min(v), high.max(v), sum + v, count + 1),
    );
    let mean = sum / count.max(1) as f32;
    count > 0 && high - low <= COLLAPSED_SPREAD * (1.0 + mean.abs())
}

/// Fisher–Yates shuffle through the explicit generator.
fn shuffle(order: &mut [usize], rng: &mut Rng) {
    for i in (1..order.len()).rev() {
        order.swap(i, rng::index(rng, i + 1));
    }
}
