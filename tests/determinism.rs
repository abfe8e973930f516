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
