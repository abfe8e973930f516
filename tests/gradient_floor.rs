//! The gradient floor (`TrainSettings::gradient_floor`, issue 13) keeps training fast over long
//! runs without changing what the network learns beyond rounding.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use relu_lab::activation::ActivationKind;
use relu_lab::data::DataKind;
use relu_lab::network::{Loss, Network, Workspace};
use relu_lab::optimizer::{GRADIENT_FLOOR, TrainSettings};
use relu_lab::trainer::Trainer;

/// Steps of the long run: past the point where confidently classified examples reach logits
/// below −67, where σ(s)/batch falls under the floor of 1e-30 (about step 60 k on this seed).
const STEPS: usize = 150_000;

/// The most negative logit over the training split.
fn lowest_logit(network: &Network, points: &[f32]) -> f32 {
    let count = points.len() / network.config.inputs;
    let mut ws = Workspace::default();
    ws.prepare_forward(network, count);
    ws.load(points, &[], network.config.inputs, 0, 0..count);
    network.forward(&mut ws);
    network
        .output(&ws)
        .iter()
        .copied()
        .fold(f32::INFINITY, f32::min)
}

#[test]
fn a_long_run_learns_the_same_with_and_without_the_floor() {
    let data = common::dataset(DataKind::Circle, 500, 0.1, 1);
    let config = common::config(&[8; 6], ActivationKind::Relu, Loss::BinaryCrossEntropy, 1);
    let run = |gradient_floor: f32| {
        let settings = TrainSettings {
            gradient_floor,
            ..TrainSettings::default()
        };
        let mut trainer = Trainer::new(config.clone()).unwrap();
        for _ in 0..STEPS / 10_000 {
            trainer.train(&data, &settings, 10_000, false).unwrap();
        }
        trainer.network
    };
    let floored = run(GRADIENT_FLOOR);
    let plain = run(0.0);
    // The run reached the regime the floor is for: some output gradient σ(s)/10 is below 1e-30
    // (σ(−67)/10 ≈ 8e-31).
    let lowest = lowest_logit(&plain, &data.train.points);
    assert!(
        lowest < -67.0,
        "lowest logit {lowest}: the run is too short to test the floor"
    );
    // Tolerance: a flushed gradient moves a parameter by less than η·1e-30, far below half an
    // ulp of any parameter that is not itself below about 1e-23, so each update rounds to the
    // same float and the runs agree bit for bit (as they do today). Two ulps of relative drift
    // per parameter are allowed in case a flushed value ever decides a rounding tie; a floor
    // that changes learning (planted: flushing below 1e-5) moves parameter 0 by 4%.
    for (i, (&a, &b)) in floored.params.iter().zip(&plain.params).enumerate() {
        let tolerance = 2.0 * f32::EPSILON * a.abs().max(b.abs());
        assert!(
            (a - b).abs() <= tolerance,
            "parameter {i}: {a} with the floor, {b} without"
        );
    }
}
