//! The same configuration and seed give bit-identical runs, and match the recorded trace that
//! the wasm test (`wasm_determinism.rs`) checks too: native and wasm agree bit for bit.
//! Re-record with `RECORD_TRACE=1 cargo test --test determinism` after an intended change.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/trace.rs"]
mod trace;

#[test]
fn same_seed_twice_gives_identical_runs() {
    assert_eq!(trace::run_trace(), trace::run_trace());
}

#[test]
fn native_run_matches_the_recorded_trace() {
    let now = trace::run_trace();
    if std::env::var_os("RECORD_TRACE").is_some() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/trace.txt"),
            &now,
        )
        .unwrap();
    }
    assert_eq!(now, trace::RECORDED);
}

#[test]
fn reset_reproduces_the_run() {
    use relu_lab::activation::ActivationKind;
    use relu_lab::data::DataKind;
    use relu_lab::network::Loss;
    use relu_lab::optimizer::TrainSettings;
    use relu_lab::trainer::Trainer;
    let data = common::dataset(DataKind::Circle, 300, 0.1, 3);
    let mut trainer = Trainer::new(common::config(
        &[5, 5],
        ActivationKind::Relu,
        Loss::BinaryCrossEntropy,
        9,
    ))
    .unwrap();
    let settings = TrainSettings::default();
    trainer.train(&data, &settings, 300, true).unwrap();
    let first = (
        trainer.network.params.clone(),
        trainer.history.records().to_vec(),
    );
    trainer.reset();
    trainer.train(&data, &settings, 300, true).unwrap();
    assert_eq!(first.0, trainer.network.params);
    assert_eq!(first.1, trainer.history.records());
}

#[test]
fn unit_events_do_not_depend_on_how_the_run_is_chunked_or_watched() {
    use relu_lab::activation::ActivationKind;
    use relu_lab::data::DataKind;
    use relu_lab::network::Loss;
    use relu_lab::optimizer::{OptimizerKind, TrainSettings};
    use relu_lab::trainer::{Trainer, Which};
    let data = common::dataset(DataKind::Circle, 500, 0.1, 1);
    let config = common::config(
        &[8, 8, 8],
        ActivationKind::Relu,
        Loss::BinaryCrossEntropy,
        4,
    );
    let settings = TrainSettings {
        optimizer: OptimizerKind::Adam,
        learning_rate: 0.3,
        ..TrainSettings::default()
    };
    let mut whole = Trainer::new(config.clone()).unwrap();
    whole.train(&data, &settings, 1500, true).unwrap();
    let mut chunked = Trainer::new(config).unwrap();
    for _ in 0..15 {
        chunked.train(&data, &settings, 100, true).unwrap();
        // A page reading statistics between frames must not change what is recorded.
        chunked.evaluate(&data, Which::Train);
    }
    assert!(
        whole.history.events().iter().any(|e| e.died),
        "the kill run reports deaths"
    );
    assert_eq!(whole.history.events(), chunked.history.events());
    assert_eq!(whole.history.records(), chunked.history.records());
}
