//! The claims ReLU Lab teaches (SCIENCE.md), checked on the core with fixed seeds and over
//! several seeds where the claim is statistical. These are the experiments behind the presets.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use relu_lab::activation::{ActivationKind, ReluAtZero};
use relu_lab::data::DataKind;
use relu_lab::grid::{Grid, grid_points};
use relu_lab::init::Init;
use relu_lab::network::{Loss, Network};
use relu_lab::optimizer::{OptimizerKind, TrainSettings};
use relu_lab::precision::Precision;
use relu_lab::stats::Evaluator;
use relu_lab::trainer::{Trainer, Which};

fn relu_config(hidden: &[usize], seed: u64) -> relu_lab::network::NetworkConfig {
    common::config(hidden, ActivationKind::Relu, Loss::BinaryCrossEntropy, seed)
}

#[test]
fn a_small_relu_network_learns_the_circle() {
    let data = common::dataset(DataKind::Circle, 500, 0.1, 1);
    let mut trainer = Trainer::new(relu_config(&[6, 6], 1)).unwrap();
    let settings = TrainSettings {
        learning_rate: 0.03,
        batch_size: 10,
        ..TrainSettings::default()
    };
    trainer.train(&data, &settings, 3000, true).unwrap();
    let test = trainer.evaluate(&data, Which::Test);
    assert!(test.accuracy > 0.9, "test accuracy {}", test.accuracy);
    let history = trainer.history.records();
    assert!(history.len() <= relu_lab::trainer::HISTORY_CAPACITY);
    assert!(history.last().unwrap().train_loss < history[0].train_loss);
}

#[test]
fn sparsity_at_he_init_with_zero_bias_is_about_half() {
    let points = grid_points(2, 40);
    let mut sparsities = Vec::new();
    for seed in 0..20 {
        let net = Network::new(relu_config(&[16, 16, 16], seed)).unwrap();
        let stats = Evaluator::default().evaluate(&net, &points, None, false);
        sparsities.push(stats.overall_sparsity());
    }
    let mean = sparsities.iter().sum::<f32>() / sparsities.len() as f32;
    assert!(
        (0.4..0.6).contains(&mean),
        "mean sparsity {mean} over 20 seeds"
    );
}

/// Mean never-active units (of 24) and mean training accuracy over 5 seeds after training
/// an 8-8-8 network on the circle with `settings`.
fn after_training(kind: ActivationKind, settings: &TrainSettings, steps: usize) -> (f32, f32) {
    let data = common::dataset(DataKind::Circle, 500, 0.1, 1);
    let (mut never_active, mut accuracy) = (0.0, 0.0);
    for seed in 0..5 {
        let config = common::config(&[8, 8, 8], kind, Loss::BinaryCrossEntropy, seed);
        let mut trainer = Trainer::new(config).unwrap();
        trainer.train(&data, settings, steps, false).unwrap();
        let stats = trainer.evaluate(&data, Which::Train);
        never_active += stats.never_active_units() as f32 / 5.0;
        accuracy += stats.accuracy / 5.0;
    }
    (never_active, accuracy)
}

#[test]
fn a_high_learning_rate_kills_relu_units_and_leaky_units_keep_learning() {
    let gentle = TrainSettings {
        learning_rate: 0.03,
        ..TrainSettings::default()
    };
    let harsh = TrainSettings {
        optimizer: OptimizerKind::Adam,
        learning_rate: 0.3,
        ..TrainSettings::default()
    };
    let (healthy_dead, healthy_accuracy) = after_training(ActivationKind::Relu, &gentle, 2000);
    let (killed_dead, killed_accuracy) = after_training(ActivationKind::Relu, &harsh, 2000);
    let (leaky_inactive, leaky_accuracy) = after_training(ActivationKind::LeakyRelu, &harsh, 2000);
    let (prelu_inactive, _) = after_training(ActivationKind::Prelu, &harsh, 2000);
    assert!(
        healthy_dead < 3.0 && healthy_accuracy > 0.9,
        "{healthy_dead} dead, {healthy_accuracy}"
    );
    assert!(
        killed_dead > 12.0,
        "Adam at 0.3 left {killed_dead} of 24 ReLU units dead"
    );
    assert!(
        killed_accuracy < 0.75,
        "and accuracy collapsed to {killed_accuracy}"
    );
    assert!(
        leaky_inactive < killed_dead,
        "leaky inactive {leaky_inactive} vs dead {killed_dead}"
    );
    assert!(
        leaky_accuracy > killed_accuracy + 0.2,
        "leaky ReLU still learns: {leaky_accuracy}"
    );
    assert!(
        prelu_inactive < killed_dead / 3.0,
        "PReLU inactive {prelu_inactive}"
    );
}

#[test]
fn a_negative_bias_init_leaves_most_units_dead_from_the_start() {
    let data = common::dataset(DataKind::Circle, 500, 0.1, 1);
    let mut dead = 0;
    for seed in 0..5 {
        let mut config = relu_config(&[8, 8, 8], seed);
        config.bias_init = -5.0;
        let mut trainer = Trainer::new(config).unwrap();
        dead += trainer.evaluate(&data, Which::Train).dead_units();
    }
    assert!(dead > 5 * 24 * 3 / 4, "{dead} of 120 units dead at init");
}

/// Share of freshly initialised networks (He normal, zero bias) whose output is constant over
/// the input domain.
fn born_dead_share(width: usize, depth: usize) -> f32 {
    let mut grid = Grid::new(2, 24).unwrap();
    let seeds = 60;
    let dead = (0..seeds)
        .filter(|&seed| {
            let net = Network::new(relu_config(&vec![width; depth], seed)).unwrap();
            grid.evaluate(&net).unwrap();
            grid.output_is_constant()
        })
        .count();
    dead as f32 / seeds as f32
}

#[test]
fn deep_narrow_relu_networks_are_born_dead_more_often() {
    let shallow = born_dead_share(2, 2);
    let deep = born_dead_share(2, 20);
    let deep_wide = born_dead_share(5, 20);
    assert!(
        deep > shallow + 0.3,
        "width 2: depth 2 {shallow}, depth 20 {deep}"
    );
    assert!(
        deep_wide < deep,
        "depth 20: width 2 {deep}, width 5 {deep_wide}"
    );
}

/// Ratio of the mean ‖∂ℓ/∂z‖ at the first hidden layer to that at the last, at init.
fn gradient_ratio(kind: ActivationKind, init: Init) -> f32 {
    let data = common::dataset(DataKind::Circle, 300, 0.1, 1);
    let mut ratios = Vec::new();
    for seed in 0..5 {
        let mut config = common::config(&[16; 8], kind, Loss::BinaryCrossEntropy, seed);
        config.init = init;
        let net = Network::new(config).unwrap();
        let stats =
            Evaluator::default().evaluate(&net, &data.train.points, Some(&data.train.labels), true);
        ratios.push(stats.layers[0].grad_z_norm / stats.layers[7].grad_z_norm);
    }
    ratios.iter().sum::<f32>() / ratios.len() as f32
}

#[test]
fn sigmoid_gradients_vanish_with_depth_and_relu_with_he_init_keeps_them() {
    let sigmoid = gradient_ratio(ActivationKind::Sigmoid, Init::XavierNormal);
    let relu_he = gradient_ratio(ActivationKind::Relu, Init::HeNormal);
    assert!(
        sigmoid < 0.05,
        "sigmoid first/last gradient ratio {sigmoid}"
    );
    assert!(
        (0.2..5.0).contains(&relu_he),
        "ReLU + He first/last gradient ratio {relu_he}"
    );
}

#[test]
fn exact_zero_pre_activations_are_rare_on_continuous_data() {
    let data = common::dataset(DataKind::Spiral, 500, 0.2, 1);
    let mut config = relu_config(&[8, 8], 3);
    config.bias_init = 0.1;
    let mut trainer = Trainer::new(config).unwrap();
    let settings = TrainSettings {
        optimizer: OptimizerKind::Adam,
        learning_rate: 0.01,
        ..TrainSettings::default()
    };
    trainer.train(&data, &settings, 2000, false).unwrap();
    assert_eq!(trainer.zero_pre_activations_seen, 0);
}

#[test]
fn divergence_stops_training_and_reset_recovers() {
    let data = common::dataset(DataKind::Sin, 200, 0.1, 1);
    let mut config = common::config(&[8; 4], ActivationKind::Relu, Loss::MeanSquared, 1);
    config.inputs = 1;
    config.init = Init::StandardNormal;
    let mut trainer = Trainer::new(config).unwrap();
    let settings = TrainSettings {
        learning_rate: 10.0,
        ..TrainSettings::default()
    };
    let report = trainer.train(&data, &settings, 5000, true).unwrap();
    assert!(report.diverged && report.steps < 5000, "{report:?}");
    assert_eq!(trainer.train(&data, &settings, 10, false).unwrap().steps, 0);
    trainer.reset();
    assert!(!trainer.diverged);
    assert!(trainer.network.params.iter().all(|p| p.is_finite()));
}

/// Issue 9, item 10: at learning rate 10 most runs collapse to chance without a NaN; the train
/// report says so (collapsed, or exploding), while a healthy run reports neither.
#[test]
fn silent_divergence_is_reported() {
    let data = common::dataset(DataKind::Circle, 300, 0.1, 1);
    let settings = |learning_rate| TrainSettings {
        learning_rate,
        ..TrainSettings::default()
    };
    let mut flagged = 0;
    for seed in 0..6 {
        let config = common::config(
            &[8, 8, 8],
            ActivationKind::Relu,
            Loss::BinaryCrossEntropy,
            seed,
        );
        let mut trainer = Trainer::new(config).unwrap();
        let report = trainer.train(&data, &settings(10.0), 3000, false).unwrap();
        if !report.diverged && (report.collapsed || report.exploding) {
            flagged += 1;
        }
        let accuracy = trainer.evaluate(&data, Which::Train).accuracy;
        if report.collapsed {
            assert!(
                accuracy < 0.8,
                "seed {seed}: collapsed yet accuracy {accuracy}"
            );
        }
    }
    assert!(
        flagged >= 3,
        "{flagged} of 6 runs at learning rate 10 flagged"
    );

    let config = common::config(&[8, 8], ActivationKind::Relu, Loss::BinaryCrossEntropy, 1);
    let mut trainer = Trainer::new(config).unwrap();
    let report = trainer.train(&data, &settings(0.03), 3000, false).unwrap();
    assert!(
        !report.diverged && !report.exploding && !report.collapsed,
        "{report:?}"
    );
}

/// Dead units after killing 8-8-8 ReLU networks with Adam at 0.3, and how many of them are
/// active again after switching to leaky ReLU in place and training on, summed over 5 seeds.
fn killed_then_revived(steps_after: usize) -> (usize, usize) {
    let data = common::dataset(DataKind::Circle, 500, 0.1, 1);
    let harsh = TrainSettings {
        optimizer: OptimizerKind::Adam,
        learning_rate: 0.3,
        ..TrainSettings::default()
    };
    let (mut dead, mut revived) = (0, 0);
    for seed in 0..5 {
        let mut trainer = Trainer::new(relu_config(&[8, 8, 8], seed)).unwrap();
        trainer.train(&data, &harsh, 2000, false).unwrap();
        let before = trainer.evaluate(&data, Which::Train);
        let options = trainer.network.config.activation_options;
        trainer
            .set_activation(None, ActivationKind::LeakyRelu, options, 0.25)
            .unwrap();
        assert_eq!(trainer.step, 2000, "the switch keeps the step");
        trainer.train(&data, &harsh, steps_after, false).unwrap();
        let after = trainer.evaluate(&data, Which::Train);
        for (was, now) in before.units.iter().zip(&after.units) {
            if was.never_active {
                dead += 1;
                revived += usize::from(!now.never_active);
            }
        }
    }
    (dead, revived)
}

#[test]
fn switching_killed_relu_units_to_leaky_relu_in_place_revives_many() {
    let (dead, revived) = killed_then_revived(3000);
    assert!(dead > 60, "Adam at 0.3 left {dead} of 120 units dead");
    assert!(
        revived * 2 > dead,
        "leaky ReLU revived {revived} of {dead} dead units"
    );
}

/// Mean sparsity on the training set and mean accuracy over 3 seeds of 8-8 ReLU networks on
/// the circle trained with the activation penalty `rate`.
fn sparsity_with_activation_penalty(rate: f32) -> (f32, f32) {
    let data = common::dataset(DataKind::Circle, 500, 0.1, 1);
    let settings = TrainSettings {
        optimizer: OptimizerKind::Adam,
        learning_rate: 0.01,
        activation_l1: rate,
        ..TrainSettings::default()
    };
    let (mut sparsity, mut accuracy) = (0.0, 0.0);
    for seed in 0..3 {
        let mut trainer = Trainer::new(relu_config(&[8, 8], seed)).unwrap();
        trainer.train(&data, &settings, 2000, false).unwrap();
        let stats = trainer.evaluate(&data, Which::Train);
        sparsity += stats.overall_sparsity() / 3.0;
        accuracy += stats.accuracy / 3.0;
    }
    (sparsity, accuracy)
}

#[test]
fn an_l1_penalty_on_the_activations_raises_sparsity() {
    let (plain, plain_accuracy) = sparsity_with_activation_penalty(0.0);
    let (penalised, accuracy) = sparsity_with_activation_penalty(0.05);
    assert!(
        penalised > plain + 0.1,
        "sparsity {plain} without the penalty, {penalised} with rate 0.05"
    );
    assert!(
        plain_accuracy > 0.9 && accuracy > 0.8,
        "{plain_accuracy} {accuracy}"
    );
}

/// Exact-zero pre-activations met and the final parameters of a run on the circle.
fn run_at(precision: Precision, relu_at_zero: ReluAtZero) -> (u64, Vec<f32>) {
    let data = common::dataset(DataKind::Circle, 200, 0.1, 1);
    let mut config = relu_config(&[8, 8, 8], 3);
    // A small positive bias: no layer starts at z = b = 0 exactly where its inputs are all 0.
    config.bias_init = 0.1;
    config.precision = precision;
    config.activation_options.relu_at_zero = relu_at_zero;
    let mut trainer = Trainer::new(config).unwrap();
    let settings = TrainSettings {
        learning_rate: 0.03,
        ..TrainSettings::default()
    };
    trainer.train(&data, &settings, 1000, false).unwrap();
    (trainer.zero_pre_activations_seen, trainer.network.params)
}

#[test]
fn float16_makes_exact_zeros_and_then_relu_at_zero_matters() {
    let (zeros32, params32) = run_at(Precision::Float32, ReluAtZero::Zero);
    let (_, params32_one) = run_at(Precision::Float32, ReluAtZero::One);
    assert_eq!(zeros32, 0, "continuous data in float32 meets no exact zero");
    assert_eq!(params32, params32_one, "so ReLU'(0) cannot change the run");
    let (zeros16, params16) = run_at(Precision::Float16, ReluAtZero::Zero);
    let (_, params16_one) = run_at(Precision::Float16, ReluAtZero::One);
    assert!(
        zeros16 > 0,
        "float16 rounds some pre-activations to exactly 0"
    );
    assert_ne!(params16, params16_one, "and then ReLU'(0) changes the run");
    for p in &params16 {
        assert_eq!(
            relu_lab::precision::round_to_f16(*p),
            *p,
            "stored as float16"
        );
    }
}
