//! A recorded training trace, run identically natively and in wasm: data generation (sin, cos,
//! normal draws), initialisation, mini-batch order, forward and backward passes through
//! exp/erf/tanh/ln1p, and every optimiser. Losses and weights are compared as bit patterns.

use std::fmt::Write as _;

use relu_lab::activation::ActivationKind;
use relu_lab::data::{self, DataConfig, DataKind};
use relu_lab::init::Init;
use relu_lab::network::{Loss, NetworkConfig};
use relu_lab::optimizer::{OptimizerKind, TrainSettings};
use relu_lab::trainer::Trainer;

/// The recorded trace, one line per scenario and checkpoint.
pub const RECORDED: &str = include_str!("../fixtures/trace.txt");

/// FNV-1a over the bit patterns of a float slice.
pub fn checksum(values: &[f32]) -> u64 {
    values.iter().fold(0xcbf2_9ce4_8422_2325, |hash, v| {
        v.to_bits().to_le_bytes().iter().fold(hash, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
    })
}

/// Run the scenarios and return the trace text: `name step loss_bits params_checksum`.
pub fn run_trace() -> String {
    let scenarios = [
        (
            "relu-sgd-circle",
            DataKind::Circle,
            ActivationKind::Relu,
            Init::HeNormal,
            OptimizerKind::Sgd,
            0.1,
        ),
        (
            "gelu-adam-spiral",
            DataKind::Spiral,
            ActivationKind::Gelu,
            Init::XavierUniform,
            OptimizerKind::Adam,
            0.01,
        ),
        (
            "tanh-momentum-xor",
            DataKind::Xor,
            ActivationKind::Tanh,
            Init::HeUniform,
            OptimizerKind::Momentum,
            0.02,
        ),
        (
            "elu-sgd-sin",
            DataKind::Sin,
            ActivationKind::Elu,
            Init::XavierNormal,
            OptimizerKind::Sgd,
            0.05,
        ),
        (
            "silu-adam-gaussians",
            DataKind::Gaussians,
            ActivationKind::Silu,
            Init::Uniform,
            OptimizerKind::Adam,
            0.01,
        ),
    ];
    let mut out = String::new();
    for (name, kind, activation, init, optimizer, learning_rate) in scenarios {
        let data = data::generate(&DataConfig {
            kind,
            count: 200,
            noise: 0.2,
            test_ratio: 0.3,
            seed: 42,
        })
        .unwrap();
        let inputs = kind.inputs();
        let mut trainer = Trainer::new(NetworkConfig {
            inputs,
            hidden: vec![6, 5],
            activations: vec![activation; 2],
            init,
            seed: 7,
            loss: if inputs == 2 {
                Loss::BinaryCrossEntropy
            } else {
                Loss::MeanSquared
            },
            ..NetworkConfig::default()
        })
        .unwrap();
        let settings = TrainSettings {
            optimizer,
            learning_rate,
            batch_size: 8,
            ..TrainSettings::default()
        };
        let _ = writeln!(out, "{name} data {:016x}", checksum(&data.train.points));
        for checkpoint in 1..=4 {
            let report = trainer
                .train(&data, &settings, 50, checkpoint == 4)
                .unwrap();
            let _ = writeln!(
                out,
                "{name} {} {:08x} {:016x}",
                trainer.step,
                report.batch_loss.to_bits(),
                checksum(&trainer.network.params)
            );
        }
    }
    out
}
