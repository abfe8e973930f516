//! Shared helpers for the integration tests.
#![allow(dead_code)] // each test file uses a different part of this module

use relu_lab::activation::ActivationKind;
use relu_lab::data::{self, DataConfig, DataKind, Dataset};
use relu_lab::network::{Loss, NetworkConfig};

/// A network config with one activation for every hidden layer.
pub fn config(hidden: &[usize], kind: ActivationKind, loss: Loss, seed: u64) -> NetworkConfig {
    NetworkConfig {
        hidden: hidden.to_vec(),
        activations: vec![kind; hidden.len()],
        loss,
        seed,
        ..NetworkConfig::default()
    }
}

/// A generated data set.
pub fn dataset(kind: DataKind, count: usize, noise: f32, seed: u64) -> Dataset {
    data::generate(&DataConfig {
        kind,
        count,
        noise,
        test_ratio: 0.5,
        seed,
    })
    .unwrap()
}
