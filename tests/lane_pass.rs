//! The training passes four examples at a time equal the reference passes bit for bit
//! (natively; `wasm_determinism.rs` runs the same comparison in the browser).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/lane_pass.rs"]
mod lane_pass;

#[test]
fn lane_passes_equal_the_reference_bit_for_bit() {
    assert!(lane_pass::compare_all() > 1000);
}

/// Whole runs through the trainer: batches drawn across epochs, the penalties, the gradient
/// floor and Adam, the lanes against the reference passes (which the native benchmark times
/// side by side with them). Every parameter, loss and zero count must match bit for bit.
#[test]
fn trainer_runs_equal_the_reference_passes_bit_for_bit() {
    use relu_lab::activation::ActivationKind;
    use relu_lab::data::{self, DataConfig, DataKind};
    use relu_lab::network::{Loss, NetworkConfig};
    use relu_lab::optimizer::{OptimizerKind, TrainSettings};
    use relu_lab::trainer::Trainer;
    let data = data::generate(&DataConfig {
        kind: DataKind::Spiral,
        count: 90,
        noise: 0.1,
        test_ratio: 0.3,
        seed: 11,
    })
    .unwrap();
    for (batch, activation) in [(10, ActivationKind::Relu), (7, ActivationKind::Prelu)] {
        let config = NetworkConfig {
            hidden: vec![8, 5, 3],
            activations: vec![activation; 3],
            loss: Loss::BinaryCrossEntropy,
            seed: 9,
            ..NetworkConfig::default()
        };
        let settings = TrainSettings {
            optimizer: OptimizerKind::Adam,
            batch_size: batch,
            l2: 0.001,
            activation_l1: 0.01,
            gradient_floor: 1e-30,
            ..TrainSettings::default()
        };
        let mut lanes = Trainer::new(config.clone()).unwrap();
        let mut reference = Trainer::new(config).unwrap();
        reference.use_reference_passes(true);
        let a = lanes.train(&data, &settings, 3000, false).unwrap();
        let b = reference.train(&data, &settings, 3000, false).unwrap();
        let bits = |values: &[f32]| values.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(
            bits(&lanes.network.params),
            bits(&reference.network.params),
            "batch {batch}"
        );
        assert_eq!(
            a.batch_loss.to_bits(),
            b.batch_loss.to_bits(),
            "batch {batch}"
        );
        assert_eq!(
            lanes.zero_pre_activations_seen,
            reference.zero_pre_activations_seen
        );
        assert!(lanes.step == 3000 && a.batch_loss.is_finite());
    }
}
