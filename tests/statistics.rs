//! Statistics checked against an independent brute-force computation: a naive forward pass
//! written from the documented parameter layout, one example and one unit at a time in f64,
//! and gradients by finite differences of that naive pass.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use relu_lab::activation::ActivationKind;
use relu_lab::data::{DataKind, Split};
use relu_lab::network::{Loss, Network};
use relu_lab::stats::Evaluator;

/// Naive forward of one example. Returns every hidden layer's z, and the output.
/// `nudge` adds a value to one pre-activation `(layer, unit, delta)`.
fn naive_forward(
    net: &Network,
    x: &[f32],
    nudge: Option<(usize, usize, f64)>,
) -> (Vec<Vec<f64>>, f64) {
    naive_forward_tweaked(net, x, nudge, None)
}

/// As [`naive_forward`], with parameter `index` moved by `delta` (in f64, finer than f32 allows).
fn naive_forward_tweaked(
    net: &Network,
    x: &[f32],
    nudge: Option<(usize, usize, f64)>,
    tweak: Option<(usize, f64)>,
) -> (Vec<Vec<f64>>, f64) {
    let param =
        |i: usize| f64::from(net.params[i]) + tweak.filter(|t| t.0 == i).map_or(0.0, |t| t.1);
    let mut input: Vec<f64> = x.iter().map(|&v| f64::from(v)).collect();
    let mut zs = Vec::new();
    for (l, layer) in net.layers.iter().enumerate() {
        let mut z = vec![0.0; layer.fan_out];
        let mut a = vec![0.0; layer.fan_out];
        for j in 0..layer.fan_out {
            z[j] = param(layer.biases + j);
            for k in 0..layer.fan_in {
                z[j] += param(layer.weights + j * layer.fan_in + k) * input[k];
            }
            if let Some((nl, nj, delta)) = nudge {
                if nl == l && nj == j {
                    z[j] += delta;
                }
            }
            a[j] = match layer.kind {
                ActivationKind::Relu => z[j].max(0.0),
                ActivationKind::Tanh => z[j].tanh(),
                ActivationKind::Linear => z[j],
                ActivationKind::LeakyRelu => {
                    if z[j] > 0.0 {
                        z[j]
                    } else {
                        0.01 * z[j]
                    }
                }
                other => panic!("naive forward does not model {other:?}"),
            };
        }
        if l + 1 == net.layers.len() {
            return (zs, z[0]);
        }
        zs.push(z);
        input = a;
    }
    unreachable!()
}

fn naive_loss(loss: Loss, s: f64, y: f64) -> f64 {
    match loss {
        Loss::MeanSquared => 0.5 * (s - y) * (s - y),
        Loss::BinaryCrossEntropy => {
            let p = 1.0 / (1.0 + (-s).exp());
            -(y * p.ln() + (1.0 - y) * (1.0 - p).ln())
        }
    }
}

fn brute_force_check(net: &Network, split: &Split) {
    let stats = Evaluator::default().evaluate(net, &split.points, Some(&split.labels), true);
    compare(&stats, net, split);
}

/// Compare `stats` (from the core) with a brute-force computation on `net`; panics on a mismatch.
fn compare(stats: &relu_lab::stats::Stats, net: &Network, split: &Split) {
    let n = split.len();
    let hidden = net.hidden_layers();

    let mut loss = 0.0;
    let mut correct = 0;
    let mut active = vec![vec![0usize; 0]; hidden.len()];
    let mut zero_activations = vec![0usize; hidden.len()];
    let mut sums = vec![(0.0_f64, 0.0_f64); hidden.len()];
    for (l, layer) in hidden.iter().enumerate() {
        active[l] = vec![0; layer.fan_out];
    }
    for p in 0..n {
        let (zs, s) = naive_forward(net, split.point(p), None);
        let y = f64::from(split.labels[p]);
        loss += naive_loss(net.config.loss, s, y);
        correct += usize::from((s > 0.0) == (y > 0.5));
        for (l, z) in zs.iter().enumerate() {
            for (j, &zj) in z.iter().enumerate() {
                let a = f64::from(hidden[l].activation.value(zj as f32));
                active[l][j] += usize::from(zj > 0.0);
                zero_activations[l] += usize::from(a == 0.0);
                sums[l].0 += a;
                sums[l].1 += a * a;
            }
        }
    }
    let close = |a: f64, b: f64, what: &str| {
        assert!(
            (a - b).abs() <= 1e-4 * b.abs().max(1.0),
            "{what}: core {a}, brute force {b}"
        );
    };
    close(f64::from(stats.loss), loss / n as f64, "loss");
    if net.config.loss == Loss::BinaryCrossEntropy {
        close(
            f64::from(stats.accuracy),
            correct as f64 / n as f64,
            "accuracy",
        );
    }
    let mut unit = 0;
    for (l, layer) in hidden.iter().enumerate() {
        let pairs = (n * layer.fan_out) as f64;
        let got = &stats.layers[l];
        close(
            f64::from(got.sparsity),
            zero_activations[l] as f64 / pairs,
            "sparsity",
        );
        let mean = sums[l].0 / pairs;
        close(f64::from(got.activation_mean), mean, "activation mean");
        close(
            f64::from(got.activation_variance),
            sums[l].1 / pairs - mean * mean,
            "activation variance",
        );
        assert_eq!(
            got.never_active,
            active[l].iter().filter(|&&c| c == 0).count(),
            "dead count"
        );
        for j in 0..layer.fan_out {
            close(
                f64::from(stats.units[unit].active_share),
                active[l][j] as f64 / n as f64,
                "active share",
            );
            unit += 1;
        }
        // Per-example ‖∂ℓ/∂z‖ by finite differences on the naive pass, averaged over examples.
        let h = 1e-5;
        let mut norm_sum = 0.0;
        let mut unit_abs_sums = vec![0.0; layer.fan_out];
        for p in 0..n {
            let y = f64::from(split.labels[p]);
            let squares: f64 = (0..layer.fan_out)
                .map(|j| {
                    let up = naive_loss(
                        net.config.loss,
                        naive_forward(net, split.point(p), Some((l, j, h))).1,
                        y,
                    );
                    let down = naive_loss(
                        net.config.loss,
                        naive_forward(net, split.point(p), Some((l, j, -h))).1,
                        y,
                    );
                    let slope = (up - down) / (2.0 * h);
                    unit_abs_sums[j] += slope.abs();
                    slope.powi(2)
                })
                .sum();
            norm_sum += squares.sqrt();
        }
        close(
            f64::from(got.grad_z_norm),
            norm_sum / n as f64,
            "gradient norm dL/dz",
        );
        // ‖∂L/∂W‖ by finite differences of the mean loss in each weight.
        let mean_loss = |tweak: (usize, f64)| -> f64 {
            (0..n)
                .map(|p| {
                    let s = naive_forward_tweaked(net, split.point(p), None, Some(tweak)).1;
                    naive_loss(net.config.loss, s, f64::from(split.labels[p]))
                })
                .sum::<f64>()
                / n as f64
        };
        let h = 1e-6;
        let weight_slopes: Vec<f64> = (layer.weights..layer.biases)
            .map(|i| (mean_loss((i, h)) - mean_loss((i, -h))) / (2.0 * h))
            .collect();
        let fd_norm = weight_slopes.iter().map(|g| g * g).sum::<f64>().sqrt();
        for (j, row) in weight_slopes.chunks(layer.fan_in).enumerate() {
            let unit = &stats.units[unit - layer.fan_out + j];
            close(
                f64::from(unit.grad_z_mean),
                unit_abs_sums[j] / n as f64,
                "unit mean |dL/dz|",
            );
            let row_norm = row.iter().map(|g| g * g).sum::<f64>().sqrt();
            assert!(
                (f64::from(unit.grad_w_norm) - row_norm).abs() <= 2e-3 * row_norm.max(1e-2),
                "unit dL/dW row norm: core {}, brute force {row_norm}",
                unit.grad_w_norm
            );
        }
        assert!(
            (f64::from(got.grad_w_norm) - fd_norm).abs() <= 2e-3 * fd_norm.max(1e-2),
            "dL/dW norm: core {}, brute force {fd_norm}",
            got.grad_w_norm
        );
    }
}

#[test]
fn statistics_match_brute_force_on_trained_and_fresh_networks() {
    let data = common::dataset(DataKind::Circle, 400, 0.1, 4);
    for (kind, bias) in [
        (ActivationKind::Relu, 0.05),
        (ActivationKind::Relu, -0.8),
        (ActivationKind::Tanh, 0.1),
        (ActivationKind::LeakyRelu, -0.5),
    ] {
        let mut config = common::config(&[6, 5, 4], kind, Loss::BinaryCrossEntropy, 12);
        config.bias_init = bias;
        let mut trainer = relu_lab::trainer::Trainer::new(config).unwrap();
        brute_force_check(&trainer.network, &data.train);
        trainer
            .train(
                &data,
                &relu_lab::optimizer::TrainSettings::default(),
                400,
                false,
            )
            .unwrap();
        brute_force_check(&trainer.network, &data.train);
        brute_force_check(&trainer.network, &data.test);
    }
    let sine = common::dataset(DataKind::Sin, 300, 0.05, 2);
    let mut config = common::config(&[8], ActivationKind::Relu, Loss::MeanSquared, 3);
    config.inputs = 1;
    let net = Network::new(config).unwrap();
    brute_force_check(&net, &sine.train);
}

#[test]
fn the_brute_force_check_fails_on_a_planted_bug() {
    // Planted bug: statistics measured on a network whose biases are shifted by a hair, as if
    // the core counted z >= −0.01 as active. The brute force on the real network must object.
    let data = common::dataset(DataKind::Circle, 200, 0.1, 4);
    let net = Network::new(common::config(
        &[6, 5],
        ActivationKind::Relu,
        Loss::BinaryCrossEntropy,
        12,
    ))
    .unwrap();
    let mut shifted = net.clone();
    for layer in shifted.hidden_layers().to_vec() {
        for b in &mut shifted.params[layer.biases..layer.biases + layer.fan_out] {
            *b += 0.01;
        }
    }
    let wrong =
        Evaluator::default().evaluate(&shifted, &data.train.points, Some(&data.train.labels), true);
    let caught = std::panic::catch_unwind(|| compare(&wrong, &net, &data.train));
    assert!(
        caught.is_err(),
        "the brute-force comparison accepted wrong statistics"
    );
}
