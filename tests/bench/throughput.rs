//! Native benchmark: training examples per second and grid evaluation time. Prints figures;
//! asserts nothing (the machine is shared and noisy). The wasm twin is `wasm-bench.mjs`.

use std::hint::black_box;
use std::time::Instant;

use relu_lab::activation::ActivationKind;
use relu_lab::data::{self, DataConfig, DataKind};
use relu_lab::grid::Grid;
use relu_lab::network::{Loss, NetworkConfig};
use relu_lab::optimizer::TrainSettings;
use relu_lab::trainer::Trainer;

fn trainer(hidden: &[usize]) -> Trainer {
    Trainer::new(NetworkConfig {
        hidden: hidden.to_vec(),
        activations: vec![ActivationKind::Relu; hidden.len()],
        loss: Loss::BinaryCrossEntropy,
        ..NetworkConfig::default()
    })
    .unwrap()
}

/// Median of `runs` timings of `work`, in seconds.
fn median_seconds(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    // 500 points with a 50% test split: 250 training points, as the issue specifies.
    let data = data::generate(&DataConfig {
        kind: DataKind::Circle,
        count: 500,
        noise: 0.1,
        test_ratio: 0.5,
        seed: 1,
    })
    .unwrap();
    let settings = TrainSettings {
        batch_size: 10,
        ..TrainSettings::default()
    };
    for (name, hidden) in [("2-[4,2]-1", vec![4, 2]), ("2-6x8-1", vec![8; 6])] {
        let mut trainer = trainer(&hidden);
        let steps = 20_000;
        let seconds = median_seconds(7, || {
            trainer.reset();
            black_box(trainer.train(&data, &settings, steps, false).unwrap());
        });
        let per_second = (steps * settings.batch_size) as f64 / seconds;
        println!(
            "native train {name:>10}: {per_second:>12.0} examples/s (ReLU, batch 10, 250 points)"
        );
    }
    let mut trainer = trainer(&[8; 6]);
    trainer.train(&data, &settings, 1000, false).unwrap();
    let mut grid = Grid::new(2, 100).unwrap();
    let seconds = median_seconds(31, || {
        grid.evaluate(&trainer.network).unwrap();
        black_box(grid.activations());
    });
    println!(
        "native grid  100x100 6x8: {:>9.3} ms (output and all 48 unit activations)",
        seconds * 1e3
    );
    let seconds = median_seconds(31, || {
        black_box(grid.rasterize_units());
    });
    println!("native rasterise 48 maps: {:>9.3} ms", seconds * 1e3);
}
