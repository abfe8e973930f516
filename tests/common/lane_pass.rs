//! The four-examples-at-a-time passes (`lane_pass`) against the reference passes of
//! `network`, compared bit for bit over shapes, activations, batch sizes (whole and partial
//! blocks of four), both losses, the activation penalty and the gradient floor. Run natively
//! (`tests/lane_pass.rs`) and in wasm (`tests/wasm_determinism.rs`).

use relu_lab::activation::{ACTIVATION_NAMES, ActivationOptions, ReluAtZero};
use relu_lab::data::{self, DataConfig, DataKind, Dataset};
use relu_lab::lane_pass::LaneWorkspace;
use relu_lab::network::{Loss, Network, NetworkConfig, Workspace};

/// Batch sizes with every remainder mod 4, one block and several.
pub const BATCHES: &[usize] = &[1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 16, 17, 22, 33];

/// Bit patterns of a float slice.
fn bits(values: impl IntoIterator<Item = f32>) -> Vec<u32> {
    values.into_iter().map(f32::to_bits).collect()
}

/// What one forward and backward pass gives: outputs, parameter gradients, data loss,
/// activation penalty and zero pre-activations, as bits.
#[derive(Debug, PartialEq)]
struct Pass {
    outputs: Vec<u32>,
    param_grads: Vec<u32>,
    loss_and_penalty: (u32, u32),
    zeros: u64,
}

/// The examples of a batch: a scrambled order, loaded in two parts as a batch that wraps
/// around the end of an epoch is.
fn picks(batch: usize, points: usize) -> (Vec<usize>, Vec<usize>) {
    let order: Vec<usize> = (0..batch).map(|i| (7 * i + 3) % points).collect();
    let split = batch / 3;
    (order[..split].to_vec(), order[split..].to_vec())
}

fn reference(network: &Network, data: &Dataset, batch: usize, l1: f32, floor: f32) -> Pass {
    let (first, rest) = picks(batch, data.train.len());
    let inputs = network.config.inputs;
    let (points, labels) = (&data.train.points, &data.train.labels);
    let mut ws = Workspace {
        gradient_floor: floor,
        ..Workspace::default()
    };
    ws.prepare(network, batch);
    ws.load(points, labels, inputs, 0, first.iter().copied());
    ws.load(points, labels, inputs, first.len(), rest.iter().copied());
    network.forward(&mut ws);
    let zeros = ws.z[..network.hidden_unit_count() * batch]
        .iter()
        .filter(|&&z| z == 0.0)
        .count() as u64;
    let mut grads = vec![0.0; network.params.len()];
    let scale = 1.0 / batch as f32;
    let (loss, penalty) = network.backward_with_activation_penalty(&mut ws, &mut grads, scale, l1);
    Pass {
        outputs: bits(network.output(&ws).iter().copied()),
        param_grads: bits(grads),
        loss_and_penalty: (loss.to_bits(), penalty.to_bits()),
        zeros,
    }
}

fn in_lanes(
    lanes: &mut LaneWorkspace,
    network: &Network,
    data: &Dataset,
    batch: usize,
    l1: f32,
    floor: f32,
) -> Pass {
    let (first, rest) = picks(batch, data.train.len());
    let inputs = network.config.inputs;
    let (points, labels) = (&data.train.points, &data.train.labels);
    lanes.gradient_floor = floor;
    lanes.prepare(network, batch);
    lanes.load(points, labels, inputs, 0, first.iter().copied());
    lanes.load(points, labels, inputs, first.len(), rest.iter().copied());
    let zeros = lanes.forward(network);
    let mut grads = vec![0.0; network.params.len()];
    let scale = 1.0 / batch as f32;
    let (loss, penalty) = lanes.backward(network, &mut grads, scale, l1);
    Pass {
        outputs: bits(lanes.outputs(network)),
        param_grads: bits(grads),
        loss_and_penalty: (loss.to_bits(), penalty.to_bits()),
        zeros,
    }
}

/// A network whose first hidden unit has all-zero weights and bias, so that its z is exactly
/// 0 on every example (the ReLU'(0) convention and the zero count are exercised).
fn network(config: NetworkConfig) -> Network {
    let mut network = Network::new(config).unwrap();
    if network.layers.len() > 1 {
        let first = network.layers[0];
        network.params[first.weights..first.weights + first.fan_in].fill(0.0);
        network.params[first.biases] = 0.0;
    }
    network
}

/// Every case; returns how many were compared. Panics with the case on the first difference.
pub fn compare_all() -> usize {
    let data_sets = [
        (Loss::BinaryCrossEntropy, DataKind::Circle),
        (Loss::MeanSquared, DataKind::Sin),
    ];
    let shapes: &[&[usize]] = &[&[], &[3], &[4, 2], &[5, 7], &[8, 8, 8], &[9, 1]];
    let options = ActivationOptions {
        relu_at_zero: ReluAtZero::Half,
        ..ActivationOptions::default()
    };
    let mut lanes = LaneWorkspace::default();
    let mut cases = 0;
    for (loss, kind) in data_sets {
        let data = data::generate(&DataConfig {
            kind,
            count: 80,
            noise: 0.1,
            test_ratio: 0.5,
            seed: 3,
        })
        .unwrap();
        for &hidden in shapes {
            for (name, activation) in ACTIVATION_NAMES {
                let network = network(NetworkConfig {
                    inputs: kind.inputs(),
                    hidden: hidden.to_vec(),
                    activations: vec![*activation; hidden.len()],
                    activation_options: options,
                    bias_init: 0.1,
                    loss,
                    seed: 5,
                    ..NetworkConfig::default()
                });
                for &batch in BATCHES {
                    for (l1, floor) in [(0.0, 0.0), (0.01, 1e-3)] {
                        let want = reference(&network, &data, batch, l1, floor);
                        let got = in_lanes(&mut lanes, &network, &data, batch, l1, floor);
                        assert_eq!(
                            got, want,
                            "{name} {hidden:?} {loss:?}, batch {batch}, activation L1 {l1}, floor {floor}"
                        );
                        cases += 1;
                    }
                }
            }
        }
    }
    cases
}
