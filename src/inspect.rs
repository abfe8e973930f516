//! Follow one example through the network: its forward pass (z, a and the gate f'(z) of every
//! unit) and its backward pass (the gradient arriving at each unit, dL/da, and what passes the
//! gate, dL/dz). A closed ReLU gate (f'(z) = 0) shows as a gradient that stops.

use crate::error::{InputError, Result, check_range};
use crate::network::{Network, Workspace};

/// One layer of an inspected example (hidden layers, then the output).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayerTrace {
    /// Pre-activations z.
    pub z: Vec<f32>,
    /// Activations a = f(z).
    pub a: Vec<f32>,
    /// Local slopes f'(z): for ReLU the gate, 0 or 1.
    pub gate: Vec<f32>,
    /// Gradient arriving at each unit's output, ∂ℓ/∂a.
    pub grad_a: Vec<f32>,
    /// Gradient that passes the gate, ∂ℓ/∂z = ∂ℓ/∂a · f'(z).
    pub grad_z: Vec<f32>,
}

/// The whole trace of one example.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The loss ℓ of this example.
    pub loss: f32,
    /// The network output (logit or value).
    pub output: f32,
    /// Hidden layers, then the output layer.
    pub layers: Vec<LayerTrace>,
}

/// Trace `point` (one value per input) with `label` through `network`.
pub fn trace(network: &Network, point: &[f32], label: f32) -> Result<Trace> {
    let inputs = network.config.inputs;
    if point.len() != inputs {
        return Err(InputError::new(
            "point",
            format!("must have {inputs} coordinate(s), got {}", point.len()),
        ));
    }
    for (k, &x) in point.iter().enumerate() {
        check_range(&format!("point[{k}]"), f64::from(x), -1e4, 1e4)?;
    }
    check_range("label", f64::from(label), -1e4, 1e4)?;
    let mut ws = Workspace::default();
    ws.prepare(network, 1);
    ws.load(point, &[label], inputs, 0, 0..1);
    network.forward(&mut ws);
    let mut param_grads = vec![0.0; network.params.len()];
    let loss = network.backward(&mut ws, &mut param_grads, 1.0);

    let mut layers: Vec<LayerTrace> = network
        .layers
        .iter()
        .map(|layer| {
            let units = layer.first_unit..layer.first_unit + layer.fan_out;
            let z = ws.z[units.clone()].to_vec();
            let gate = (0..layer.fan_out)
                .map(|j| layer.unit_activation(&network.params, j).derivative(z[j]))
                .collect();
            LayerTrace {
                a: ws.a[units.clone()].to_vec(),
                grad_z: ws.grad[units].to_vec(),
                z,
                gate,
                grad_a: vec![0.0; layer.fan_out],
            }
        })
        .collect();
    // ∂ℓ/∂a of a layer is what the next layer sends back: Σ_i W_next[i][j] · ∂ℓ/∂z_next[i].
    for index in 0..network.layers.len() {
        if let Some(next) = network.layers.get(index + 1) {
            let next_grad_z = layers[index + 1].grad_z.clone();
            for (j, grad) in layers[index].grad_a.iter_mut().enumerate() {
                *grad = (0..next.fan_out)
                    .map(|i| next.weight(&network.params, i, j) * next_grad_z[i])
                    .sum();
            }
        } else {
            let output = &mut layers[index];
            output.grad_a.clone_from(&output.grad_z);
        }
    }
    Ok(Trace {
        loss,
        output: layers.last().map_or(0.0, |l| l.z[0]),
        layers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activation::ActivationKind;
    use crate::network::NetworkConfig;

    #[test]
    fn a_closed_gate_stops_the_gradient() {
        let mut net = Network::new(NetworkConfig {
            hidden: vec![2],
            activations: vec![ActivationKind::Relu],
            ..NetworkConfig::default()
        })
        .unwrap();
        // unit 0: z = x1 (open for x1 > 0); unit 1: z = −x1 (closed for x1 > 0)
        net.params
            .copy_from_slice(&[1.0, 0.0, -1.0, 0.0, 0.0, 0.0, 2.0, 3.0, 0.0]);
        let trace = trace(&net, &[1.5, 0.0], 1.0).unwrap();
        let hidden = &trace.layers[0];
        assert_eq!(hidden.z, vec![1.5, -1.5]);
        assert_eq!(hidden.gate, vec![1.0, 0.0]);
        assert!(
            hidden.grad_a[1] != 0.0,
            "gradient arrives at the closed unit"
        );
        assert_eq!(hidden.grad_z[1], 0.0, "but does not pass its gate");
        assert_eq!(hidden.grad_z[0], hidden.grad_a[0]);
        assert_eq!(trace.output, 3.0);
        assert!(trace.loss > 0.0);
        assert_eq!(
            trace.layers[1].grad_z,
            vec![crate::activation::sigmoid(3.0) - 1.0]
        );
    }

    #[test]
    fn wrong_point_length_is_an_error() {
        let net = Network::new(NetworkConfig::default()).unwrap();
        assert_eq!(trace(&net, &[1.0], 0.0).unwrap_err().field, "point");
        assert_eq!(
            trace(&net, &[1.0, f32::NAN], 0.0).unwrap_err().field,
            "point[1]"
        );
    }
}
