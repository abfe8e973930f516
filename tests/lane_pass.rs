//! The training passes four examples at a time equal the reference passes bit for bit
//! (natively; `wasm_determinism.rs` runs the same comparison in the browser).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/lane_pass.rs"]
mod lane_pass;

#[test]
fn lane_passes_equal_the_reference_bit_for_bit() {
    assert!(lane_pass::compare_all() > 1000);
}
