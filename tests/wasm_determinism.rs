//! In headless Chromium: the wasm build reproduces the trace recorded natively, bit for bit,
//! its four-examples-at-a-time passes equal the reference passes, and the core's numbers stay
//! finite on the browser's own wasm engine.
#![cfg(target_arch = "wasm32")]

#[path = "common/lane_pass.rs"]
mod lane_pass;
#[path = "common/trace.rs"]
mod trace;

use relu_lab::activation::{ACTIVATION_NAMES, Activation, ActivationOptions};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn wasm_run_matches_the_native_trace() {
    let now = trace::run_trace();
    for (wasm, native) in now.lines().zip(trace::RECORDED.lines()) {
        assert_eq!(wasm, native);
    }
    assert_eq!(now.lines().count(), trace::RECORDED.lines().count());
}

#[wasm_bindgen_test]
fn wasm_lane_passes_equal_the_reference_bit_for_bit() {
    // The trace trains at batch 8 (whole blocks); this covers partial blocks, every
    // activation, both losses and the penalties with wasm's v128 lanes.
    assert!(lane_pass::compare_all() > 1000);
}

#[wasm_bindgen_test]
fn activations_are_finite_in_the_browser() {
    let options = ActivationOptions::default();
    for (name, kind) in ACTIVATION_NAMES {
        let f = Activation::with_options(*kind, &options);
        for x in [-1e30_f32, -50.0, -1.0, 0.0, 1.0, 50.0, 1e30] {
            assert!(
                f.value(x).is_finite() && f.derivative(x).is_finite(),
                "{name} at {x}"
            );
        }
    }
}
