//! Finite-difference checks: every activation's derivative, and every network parameter's
//! gradient for every activation and both losses. Each checker is also shown to fail on a
//! planted wrong derivative, so a pass means something.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use relu_lab::activation::{ACTIVATION_NAMES, Activation, ActivationKind, ActivationOptions};
use relu_lab::network::{Loss, Network, Workspace};
use relu_lab::rng::{self, Stream};

/// Compare `derivative` with a central difference of `value` at each x. The step is relative
/// to |x| so large inputs are probed at a scale where f32 still resolves a change.
fn check_derivative(
    value: impl Fn(f32) -> f32,
    derivative: impl Fn(f32) -> f32,
    xs: &[f32],
) -> Result<(), String> {
    for &x in xs {
        let h = 1e-3 * x.abs().max(1.0);
        let numeric = (f64::from(value(x + h)) - f64::from(value(x - h))) / f64::from(2.0 * h);
        let analytic = f64::from(derivative(x));
        let tolerance = 2e-3 * analytic.abs().max(1.0);
        if (numeric - analytic).abs() > tolerance {
            return Err(format!(
                "at x = {x}: analytic {analytic}, finite difference {numeric}"
            ));
        }
    }
    Ok(())
}

/// Near 0 (but off ReLU's kink), moderate, and large |x|.
const PROBES: [f32; 14] = [
    -1e4, -300.0, -30.0, -4.0, -1.3, -0.4, -0.02, 0.02, 0.4, 1.3, 4.0, 30.0, 300.0, 1e4,
];

fn every_activation() -> Vec<Activation> {
    let options = ActivationOptions::default();
    let mut list: Vec<Activation> = ACTIVATION_NAMES
        .iter()
        .map(|(_, k)| Activation::with_options(*k, &options))
        .collect();
    list.extend([
        Activation::Prelu(0.25),
        Activation::LeakyRelu(0.3),
        Activation::Elu(2.0),
    ]);
    list
}

#[test]
fn every_activation_derivative_matches_finite_differences() {
    for f in every_activation() {
        check_derivative(|x| f.value(x), |x| f.derivative(x), &PROBES)
            .unwrap_or_else(|e| panic!("{f:?}: {e}"));
    }
}

#[test]
fn prelu_slope_derivative_matches_finite_differences() {
    for &x in &PROBES {
        check_derivative(
            |a| Activation::Prelu(a).value(x),
            |a| Activation::Prelu(a).slope_derivative(x),
            &[0.25, -0.1, 0.9],
        )
        .unwrap_or_else(|e| panic!("PReLU slope at x = {x}: {e}"));
    }
}

#[test]
fn derivative_checker_catches_planted_bugs() {
    // A classic slip: GELU's derivative taken as Φ(x) alone, forgetting x·φ(x).
    let gelu = Activation::Gelu;
    let cdf_only = |x: f32| 0.5 * (1.0 + libm::erff(x / core::f32::consts::SQRT_2));
    assert!(check_derivative(|x| gelu.value(x), cdf_only, &PROBES).is_err());
    // Sigmoid's derivative written as σ(x) instead of σ(x)(1 − σ(x)).
    let sigmoid = Activation::Sigmoid;
    assert!(check_derivative(|x| sigmoid.value(x), |x| sigmoid.value(x), &PROBES).is_err());
    // ReLU with slope 1 on both sides (a "derivative" that never closes the gate).
    let relu = Activation::Relu(relu_lab::activation::ReluAtZero::default());
    assert!(check_derivative(|x| relu.value(x), |_| 1.0, &PROBES).is_err());
}

/// A batch where every hidden pre-activation is at least `margin` away from 0, so that
/// finite differences never straddle a ReLU kink.
fn batch_away_from_kinks(network: &Network, margin: f32) -> (Vec<f32>, Vec<f32>) {
    let mut rng = rng::seeded(99, Stream::Data);
    let (mut points, mut labels) = (Vec::new(), Vec::new());
    let mut ws = Workspace::default();
    while labels.len() < 6 {
        let point = [
            rng::uniform(&mut rng, -3.0, 3.0),
            rng::uniform(&mut rng, -3.0, 3.0),
        ];
        ws.prepare(network, 1);
        ws.load(&point, &[], 2, 0, 0..1);
        network.forward(&mut ws);
        let hidden = network.hidden_unit_count();
        if ws.z[..hidden].iter().all(|z| z.abs() > margin) {
            points.extend(point);
            labels.push(if rng::uniform(&mut rng, 0.0, 1.0) < 0.5 {
                0.0
            } else {
                1.0
            });
        }
    }
    (points, labels)
}

/// Mean loss plus penalty on a batch, and its gradient from `gradient_network`'s backward
/// pass (normally the same network; a planted bug passes a different one).
fn loss_and_gradient(
    network: &Network,
    gradient_network: &Network,
    points: &[f32],
    labels: &[f32],
    penalty: (f32, f32),
) -> (f64, Vec<f32>) {
    let batch = labels.len();
    let mut ws = Workspace::default();
    ws.prepare(network, batch);
    ws.load(points, labels, 2, 0, 0..batch);
    network.forward(&mut ws);
    let mut grads = vec![0.0; network.params.len()];
    let loss_sum = network.backward(&mut ws, &mut grads, 1.0 / batch as f32);
    let loss = f64::from(loss_sum) / batch as f64
        + f64::from(network.add_penalty(penalty.0, penalty.1, &mut grads));
    if gradient_network != network {
        let mut ws = Workspace::default();
        ws.prepare(gradient_network, batch);
        ws.load(points, labels, 2, 0, 0..batch);
        gradient_network.forward(&mut ws);
        grads.fill(0.0);
        gradient_network.backward(&mut ws, &mut grads, 1.0 / batch as f32);
        gradient_network.add_penalty(penalty.0, penalty.1, &mut grads);
    }
    (loss, grads)
}

/// Check every parameter's gradient against a central difference of the loss.
fn check_network_gradient(
    network: &Network,
    gradient_network: &Network,
    penalty: (f32, f32),
) -> Result<(), String> {
    let (points, labels) = batch_away_from_kinks(network, 0.05);
    let (_, analytic) = loss_and_gradient(network, gradient_network, &points, &labels, penalty);
    let mut probe = network.clone();
    let h = 2e-3_f32;
    for i in 0..network.params.len() {
        let original = network.params[i];
        probe.params[i] = original + h;
        let (up, _) = loss_and_gradient(&probe, &probe, &points, &labels, penalty);
        probe.params[i] = original - h;
        let (down, _) = loss_and_gradient(&probe, &probe, &points, &labels, penalty);
        probe.params[i] = original;
        let numeric = (up - down) / f64::from(2.0 * h);
        let analytic = f64::from(analytic[i]);
        if (numeric - analytic).abs() > 2e-3 * analytic.abs().max(numeric.abs()) + 2e-4 {
            return Err(format!(
                "parameter {i}: analytic {analytic}, finite difference {numeric}"
            ));
        }
    }
    Ok(())
}

#[test]
fn every_parameter_gradient_matches_finite_differences() {
    for (name, kind) in ACTIVATION_NAMES {
        for loss in [Loss::MeanSquared, Loss::BinaryCrossEntropy] {
            let mut config = common::config(&[4, 3], *kind, loss, 5);
            config.bias_init = 0.1;
            let network = Network::new(config).unwrap();
            check_network_gradient(&network, &network, (0.0, 0.0))
                .unwrap_or_else(|e| panic!("{name} with {loss:?}: {e}"));
        }
    }
}

#[test]
fn penalties_and_mixed_layers_have_correct_gradients() {
    let mut config = common::config(
        &[5, 4, 3],
        ActivationKind::Relu,
        Loss::BinaryCrossEntropy,
        11,
    );
    config.activations = vec![
        ActivationKind::Prelu,
        ActivationKind::Tanh,
        ActivationKind::Elu,
    ];
    let network = Network::new(config).unwrap();
    check_network_gradient(&network, &network, (0.01, 0.03)).unwrap();
}

#[test]
fn network_gradient_checker_catches_planted_bugs() {
    // Loss computed through ReLU, gradient taken through leaky ReLU (slope 0.5): the
    // derivative of the negative side is wrong, and the checker must say so.
    let relu = Network::new(common::config(
        &[4, 3],
        ActivationKind::Relu,
        Loss::BinaryCrossEntropy,
        5,
    ))
    .unwrap();
    let mut leaky_config = relu.config.clone();
    leaky_config.activations = vec![ActivationKind::LeakyRelu; 2];
    leaky_config.activation_options.leaky_slope = 0.5;
    let mut leaky = Network::new(leaky_config).unwrap();
    leaky.params.clone_from(&relu.params);
    assert!(check_network_gradient(&relu, &leaky, (0.0, 0.0)).is_err());
    // Sigmoid forward, tanh backward.
    let sigmoid = Network::new(common::config(
        &[3],
        ActivationKind::Sigmoid,
        Loss::MeanSquared,
        2,
    ))
    .unwrap();
    let mut tanh = Network::new(common::config(
        &[3],
        ActivationKind::Tanh,
        Loss::MeanSquared,
        2,
    ))
    .unwrap();
    tanh.params.clone_from(&sigmoid.params);
    assert!(check_network_gradient(&sigmoid, &tanh, (0.0, 0.0)).is_err());
}

#[test]
fn a_dead_relu_unit_gets_exactly_zero_gradient() {
    let mut network = Network::new(common::config(
        &[3],
        ActivationKind::Relu,
        Loss::BinaryCrossEntropy,
        3,
    ))
    .unwrap();
    // Unit 1: weights 0, bias −1, so z = −1 on every input: dead everywhere.
    let layer = network.layers[0];
    network.params[layer.weights + 2] = 0.0;
    network.params[layer.weights + 3] = 0.0;
    network.params[layer.biases + 1] = -1.0;
    let points = [1.0, 2.0, -3.0, 0.5, 2.5, -1.0];
    let labels = [1.0, 0.0, 1.0];
    let (_, grads) = loss_and_gradient(&network, &network, &points, &labels, (0.0, 0.0));
    assert_eq!(grads[layer.weights + 2], 0.0);
    assert_eq!(grads[layer.weights + 3], 0.0);
    assert_eq!(grads[layer.biases + 1], 0.0);
    assert!(grads[layer.biases].abs() + grads[layer.biases + 2].abs() > 0.0);
}

#[test]
fn the_mean_gradient_on_a_split_matches_finite_differences() {
    use relu_lab::trainer::{Trainer, Which};
    let data = common::dataset(relu_lab::data::DataKind::Gaussians, 60, 0.2, 8);
    let mut config = common::config(&[3], ActivationKind::Tanh, Loss::BinaryCrossEntropy, 4);
    config.bias_init = 0.1;
    let mut trainer = Trainer::new(config).unwrap();
    let analytic = trainer.mean_gradient(&data, Which::Train);
    let h = 1e-2_f32;
    for i in 0..analytic.len() {
        let original = trainer.network.params[i];
        trainer.network.params[i] = original + h;
        let up = f64::from(trainer.score(&data, Which::Train).loss);
        trainer.network.params[i] = original - h;
        let down = f64::from(trainer.score(&data, Which::Train).loss);
        trainer.network.params[i] = original;
        let numeric = (up - down) / f64::from(2.0 * h);
        let got = f64::from(analytic[i]);
        assert!(
            (numeric - got).abs() < 2e-3 * got.abs().max(numeric.abs()) + 2e-4,
            "parameter {i}: {got} vs {numeric}"
        );
    }
}

/// Mean loss plus the activation penalty at `rate` on a batch, and its gradient.
fn loss_with_activation_penalty(
    network: &Network,
    points: &[f32],
    labels: &[f32],
    rate: f32,
) -> (f64, Vec<f32>) {
    let batch = labels.len();
    let mut ws = Workspace::default();
    ws.prepare(network, batch);
    ws.load(points, labels, 2, 0, 0..batch);
    network.forward(&mut ws);
    let mut grads = vec![0.0; network.params.len()];
    let (loss_sum, penalty) =
        network.backward_with_activation_penalty(&mut ws, &mut grads, 1.0 / batch as f32, rate);
    (
        f64::from(loss_sum) / batch as f64 + f64::from(penalty),
        grads,
    )
}

#[test]
fn the_activation_penalty_has_the_correct_gradient() {
    let mut config = common::config(&[5, 4], ActivationKind::Relu, Loss::BinaryCrossEntropy, 7);
    config.activations = vec![ActivationKind::Tanh, ActivationKind::Relu];
    config.bias_init = 0.1;
    let network = Network::new(config).unwrap();
    let (points, labels) = batch_away_from_kinks(&network, 0.05);
    let rate = 0.2;
    let (with, analytic) = loss_with_activation_penalty(&network, &points, &labels, rate);
    let (without, plain) = loss_with_activation_penalty(&network, &points, &labels, 0.0);
    assert!(with > without, "the penalty adds to the loss");
    assert_ne!(analytic, plain, "and to the gradient");
    let mut probe = network.clone();
    let h = 2e-3_f32;
    for i in 0..network.params.len() {
        let original = network.params[i];
        probe.params[i] = original + h;
        let (up, _) = loss_with_activation_penalty(&probe, &points, &labels, rate);
        probe.params[i] = original - h;
        let (down, _) = loss_with_activation_penalty(&probe, &points, &labels, rate);
        probe.params[i] = original;
        let numeric = (up - down) / f64::from(2.0 * h);
        let exact = f64::from(analytic[i]);
        assert!(
            (numeric - exact).abs() <= 2e-3 * exact.abs().max(numeric.abs()) + 2e-4,
            "parameter {i}: analytic {exact}, finite difference {numeric}"
        );
    }
}

#[test]
fn gradients_stay_correct_after_switching_to_prelu_in_place() {
    let config = common::config(&[4, 3], ActivationKind::Relu, Loss::BinaryCrossEntropy, 3);
    let mut network = Network::new(config).unwrap();
    network.params.iter_mut().for_each(|p| *p += 0.05);
    let before = network.params.clone();
    let options = network.config.activation_options;
    let from_old = network
        .set_activation(None, ActivationKind::Prelu, options, 0.25)
        .unwrap();
    assert_eq!(
        network.params.len(),
        before.len() + 7,
        "one slope per hidden unit"
    );
    for (new, old) in from_old.iter().enumerate() {
        match old {
            Some(old) => assert_eq!(network.params[new], before[*old]),
            None => assert_eq!(network.params[new], 0.25),
        }
    }
    check_network_gradient(&network, &network, (0.0, 0.0)).unwrap();
    let from_old = network
        .set_activation(Some(1), ActivationKind::LeakyRelu, options, 0.25)
        .unwrap();
    assert_eq!(
        network.params.len(),
        before.len() + 4,
        "layer 1's slopes dropped"
    );
    assert!(from_old.iter().all(Option::is_some));
    check_network_gradient(&network, &network, (0.0, 0.0)).unwrap();
    let err = network
        .set_activation(Some(2), ActivationKind::Relu, options, 0.25)
        .unwrap_err();
    assert_eq!(err.field, "layer");
}
