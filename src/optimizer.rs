//! Optimisers: plain SGD, SGD with momentum, and Adam, plus the training settings they read.

use crate::error::{Result, check_count, check_f32_range, parse_name};

/// Allowed learning rates η.
pub const LEARNING_RATE_RANGE: (f64, f64) = (1e-5, 10.0);
/// The largest batch (examples per step); a batch is also capped at the training set's size.
pub const MAX_BATCH_SIZE: usize = 10_000;
/// Allowed momentum μ.
pub const MOMENTUM_RANGE: (f64, f64) = (0.0, 0.999);
/// Allowed Adam β1 and β2.
pub const BETA_RANGE: (f64, f64) = (0.0, 0.999_999);
/// Allowed Adam ε.
pub const EPSILON_RANGE: (f64, f64) = (1e-12, 1.0);
/// Allowed L1 and L2 penalty rates.
pub const PENALTY_RANGE: (f64, f64) = (0.0, 1.0);
/// Allowed rates of the L1 penalty on the activations. On the screens' circle a rate near 0.01
/// already raises the sparsity clearly; at 1 the penalty outweighs the data loss.
pub const ACTIVATION_PENALTY_RANGE: (f64, f64) = (0.0, 1.0);

/// Which update rule to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptimizerKind {
    /// θ ← θ − η·g
    Sgd,
    /// v ← μ·v + g; θ ← θ − η·v
    Momentum,
    /// Adam (Kingma & Ba 2015) with bias correction.
    Adam,
}

/// Every optimiser with its name.
pub const OPTIMIZER_NAMES: &[(&str, OptimizerKind)] = &[
    ("sgd", OptimizerKind::Sgd),
    ("momentum", OptimizerKind::Momentum),
    ("adam", OptimizerKind::Adam),
];

impl OptimizerKind {
    /// Parse a name from [`OPTIMIZER_NAMES`].
    pub fn parse(name: &str) -> Result<Self> {
        parse_name("optimizer", name, OPTIMIZER_NAMES)
    }

    /// The name as the JS API spells it.
    pub fn name(self) -> &'static str {
        OPTIMIZER_NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("sgd", |(n, _)| n)
    }
}

/// Training settings: the update rule, its step size, the batch size and the penalties.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainSettings {
    /// The update rule.
    pub optimizer: OptimizerKind,
    /// Step size η, from 1e-5 to 10.
    pub learning_rate: f32,
    /// Examples per step, from 1 to 10,000 (capped at the training set size).
    pub batch_size: usize,
    /// Momentum μ for `Momentum`, from 0 to 0.999 (default 0.9).
    pub momentum: f32,
    /// Adam's β1 (default 0.9).
    pub beta1: f32,
    /// Adam's β2 (default 0.999).
    pub beta2: f32,
    /// Adam's ε (default 1e-8).
    pub epsilon: f32,
    /// L1 penalty rate λ1 on weights: adds λ1·Σ|w| to the loss (0 to 1).
    pub l1: f32,
    /// L2 penalty rate λ2 on weights: adds λ2/2·Σw² to the loss (0 to 1).
    pub l2: f32,
    /// L1 penalty rate on the hidden activations: adds rate · (batch mean of Σ|a| over the
    /// hidden units) to the loss (0 to 1; Glorot et al. 2011's sparsity penalty).
    pub activation_l1: f32,
    /// Output gradients smaller in magnitude than this are set to 0 before the backward pass
    /// ([`GRADIENT_FLOOR`] by default; 0 turns the flush off). Not part of the JS API.
    pub gradient_floor: f32,
}

/// The default [`TrainSettings::gradient_floor`]: 1e-30. On well-separated data the logits of
/// confidently classified examples keep growing (below −87 in long runs), their output gradient
/// σ(s) falls under 1e-30 and, carried back through the layers, becomes subnormal, which wasm
/// cannot flush to zero and which makes arithmetic many times slower (issue 13: 1.49 M → 1.05 M
/// examples/s by step 400 k). Flushing it changes the learning only below rounding: such an
/// example adds less than η·1e-30 to any parameter, which rounds away for every parameter
/// larger than about 1e-23 in magnitude (tests/science.rs checks a long run).
pub const GRADIENT_FLOOR: f32 = 1e-30;
/// Allowed gradient floors.
pub const GRADIENT_FLOOR_RANGE: (f64, f64) = (0.0, 1e-20);

impl Default for TrainSettings {
    fn default() -> Self {
        Self {
            optimizer: OptimizerKind::Sgd,
            learning_rate: 0.03,
            batch_size: 10,
            momentum: 0.9,
            beta1: 0.9,
            beta2: 0.999,
            epsilon: 1e-8,
            l1: 0.0,
            l2: 0.0,
            activation_l1: 0.0,
            gradient_floor: GRADIENT_FLOOR,
        }
    }
}

impl TrainSettings {
    /// Check every field against its allowed range.
    pub fn validate(&self) -> Result<()> {
        check_f32_range("learningRate", self.learning_rate, LEARNING_RATE_RANGE)?;
        check_count("batchSize", self.batch_size as f64, 1, MAX_BATCH_SIZE)?;
        check_f32_range("momentum", self.momentum, MOMENTUM_RANGE)?;
        check_f32_range("beta1", self.beta1, BETA_RANGE)?;
        check_f32_range("beta2", self.beta2, BETA_RANGE)?;
        check_f32_range("epsilon", self.epsilon, EPSILON_RANGE)?;
        check_f32_range("l1", self.l1, PENALTY_RANGE)?;
        check_f32_range("l2", self.l2, PENALTY_RANGE)?;
        check_f32_range("activationL1", self.activation_l1, ACTIVATION_PENALTY_RANGE)?;
        check_f32_range("gradientFloor", self.gradient_floor, GRADIENT_FLOOR_RANGE)?;
        Ok(())
    }
}

/// The optimiser's memory: velocities for momentum, first and second moments for Adam.
/// Sized once for the parameter count; an update allocates nothing.
#[derive(Clone, Debug, Default)]
pub struct OptimizerState {
    kind: Option<OptimizerKind>,
    first_moment: Vec<f32>,
    second_moment: Vec<f32>,
    beta1_power: f32,
    beta2_power: f32,
}

impl OptimizerState {
    /// Forget all history (after a reset, or when the update rule changes).
    pub fn clear(&mut self) {
        self.kind = None;
        self.first_moment.clear();
        self.second_moment.clear();
    }

    /// Follow a change of the parameter layout: entry `i` of `from_old` is the old index of new
    /// parameter `i`, or `None` for a new one, whose moments start at zero.
    pub fn remap(&mut self, from_old: &[Option<usize>]) {
        if self.kind.is_none() {
            return;
        }
        let follow = |old: &[f32]| -> Vec<f32> {
            from_old
                .iter()
                .map(|i| i.and_then(|i| old.get(i).copied()).unwrap_or(0.0))
                .collect()
        };
        self.first_moment = follow(&self.first_moment);
        self.second_moment = follow(&self.second_moment);
    }

    /// Apply one update to `params` with gradient `grads` (same length).
    pub fn update(&mut self, settings: &TrainSettings, params: &mut [f32], grads: &[f32]) {
        if self.kind != Some(settings.optimizer) || self.first_moment.len() != params.len() {
            self.kind = Some(settings.optimizer);
            self.first_moment.clear();
            self.first_moment.resize(params.len(), 0.0);
            self.second_moment.clear();
            self.second_moment.resize(params.len(), 0.0);
            self.beta1_power = 1.0;
            self.beta2_power = 1.0;
        }
        let rate = settings.learning_rate;
        match settings.optimizer {
            OptimizerKind::Sgd => {
                for (p, g) in params.iter_mut().zip(grads) {
                    *p -= rate * g;
                }
            }
            OptimizerKind::Momentum => {
                let mu = settings.momentum;
                for ((p, g), v) in params.iter_mut().zip(grads).zip(&mut self.first_moment) {
                    *v = mu * *v + g;
                    *p -= rate * *v;
                }
            }
            OptimizerKind::Adam => {
                let (beta1, beta2) = (settings.beta1, settings.beta2);
                self.beta1_power *= beta1;
                self.beta2_power *= beta2;
                let correction1 = 1.0 - self.beta1_power;
                let correction2 = 1.0 - self.beta2_power;
                let moments = self.first_moment.iter_mut().zip(&mut self.second_moment);
                for ((p, g), (m, v)) in params.iter_mut().zip(grads).zip(moments) {
                    *m = beta1 * *m + (1.0 - beta1) * g;
                    *v = beta2 * *v + (1.0 - beta2) * g * g;
                    let m_hat = *m / correction1;
                    let v_hat = *v / correction2;
                    *p -= rate * m_hat / (v_hat.sqrt() + settings.epsilon);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Minimise f(θ) = (θ − 3)² from θ = 0 with each optimiser.
    fn minimise(optimizer: OptimizerKind, rate: f32) -> f32 {
        let settings = TrainSettings {
            optimizer,
            learning_rate: rate,
            ..TrainSettings::default()
        };
        let mut state = OptimizerState::default();
        let mut theta = [0.0_f32];
        for _ in 0..2000 {
            let grad = [2.0 * (theta[0] - 3.0)];
            state.update(&settings, &mut theta, &grad);
        }
        theta[0]
    }

    #[test]
    fn every_optimizer_finds_a_quadratic_minimum() {
        assert!((minimise(OptimizerKind::Sgd, 0.1) - 3.0).abs() < 1e-4);
        assert!((minimise(OptimizerKind::Momentum, 0.01) - 3.0).abs() < 1e-3);
        assert!((minimise(OptimizerKind::Adam, 0.05) - 3.0).abs() < 1e-2);
    }

    #[test]
    fn adam_first_step_has_size_of_the_learning_rate() {
        let settings = TrainSettings {
            optimizer: OptimizerKind::Adam,
            learning_rate: 0.1,
            ..TrainSettings::default()
        };
        let mut state = OptimizerState::default();
        let mut theta = [1.0_f32, 1.0];
        state.update(&settings, &mut theta, &[1000.0, -0.001]);
        assert!((theta[0] - 0.9).abs() < 1e-5);
        assert!((theta[1] - 1.1).abs() < 1e-3);
    }

    #[test]
    fn remapped_state_keeps_old_moments_and_starts_new_ones_at_zero() {
        let settings = TrainSettings {
            optimizer: OptimizerKind::Momentum,
            learning_rate: 0.1,
            ..TrainSettings::default()
        };
        let mut state = OptimizerState::default();
        let mut theta = [0.0_f32; 2];
        state.update(&settings, &mut theta, &[1.0, 2.0]);
        state.remap(&[Some(1), None, Some(0)]);
        let mut moved = [0.0_f32; 3];
        state.update(&settings, &mut moved, &[0.0; 3]);
        // With zero gradient, each parameter moves by −η·μ·(its remembered velocity).
        assert_eq!(moved, [-0.1 * 0.9 * 2.0, 0.0, -0.1 * 0.9 * 1.0]);
    }

    #[test]
    fn settings_name_the_bad_field() {
        let bad = TrainSettings {
            learning_rate: 20.0,
            ..TrainSettings::default()
        };
        assert_eq!(bad.validate().unwrap_err().field, "learningRate");
        let bad = TrainSettings {
            batch_size: 0,
            ..TrainSettings::default()
        };
        assert_eq!(bad.validate().unwrap_err().field, "batchSize");
        assert!(OptimizerKind::parse("rmsprop").is_err());
    }

    #[test]
    fn the_documented_lowest_and_highest_values_pass_as_f32() {
        let edges = TrainSettings {
            learning_rate: 1e-5,
            momentum: 0.999,
            epsilon: 1e-12,
            beta1: 0.999_999,
            ..TrainSettings::default()
        };
        assert_eq!(edges.validate(), Ok(()));
        let top = TrainSettings {
            learning_rate: 10.0,
            epsilon: 1.0,
            ..TrainSettings::default()
        };
        assert_eq!(top.validate(), Ok(()));
        let penalty = TrainSettings {
            activation_l1: -0.1,
            ..TrainSettings::default()
        };
        assert_eq!(penalty.validate().unwrap_err().field, "activationL1");
        let below = TrainSettings {
            learning_rate: 9.9e-6,
            ..TrainSettings::default()
        };
        assert_eq!(below.validate().unwrap_err().field, "learningRate");
    }
}
