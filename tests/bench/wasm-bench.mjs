// Wasm benchmark in Node: the same figures as tests/bench/throughput.rs, through the JS API the
// page uses, plus the size of the shipped wasm. Prints figures; asserts nothing.
// Run after `make build`: `node tests/bench/wasm-bench.mjs`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { initSync, Dataset, Network } from '../../www/pkg/relu_lab.js';

const wasmUrl = new URL('../../www/pkg/relu_lab_bg.wasm', import.meta.url);
const wasmBytes = readFileSync(wasmUrl);
initSync({ module: wasmBytes });

// Times are this process's CPU time (user + system), so other processes on the shared machine
// slow the figures less than wall time would.
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const median = (runs, work) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = cpuMs();
    work();
    times.push(cpuMs() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
};

// This 2-core machine's wasm SIMD peak, f32x4 multiplies and adds without dependencies, as
// measured for issue 13 (goal 6 reports training's share of it).
const SIMD_PEAK_GFLOPS = 36;
// Goal 6's baseline: 2→6×8→1 at batch 10 in wasm before the lane passes (README: Benchmarks).
const BEFORE_LANES_PER_SECOND = 1.72e6;
const goals = [];

// 500 points, half for testing: 250 training points.
const data = Dataset.generate({ name: 'circle', n: 500, noise: 0.1, testRatio: 0.5, seed: 1 });
const settings = { optimizer: 'sgd', learningRate: 0.03, batchSize: 10, record: false };
for (const [name, hidden] of [['2-[4,2]-1', [4, 2]], ['2-6x8-1', [8, 8, 8, 8, 8, 8]]]) {
  const network = new Network({ inputs: 2, hidden, activation: 'relu' });
  const steps = 20000;
  const ms = median(7, () => {
    network.reset();
    network.train(data, steps, settings);
  });
  const perSecond = (steps * settings.batchSize) / (ms / 1000);
  // Multiply-adds of one example in the weight sums: forward, weight gradients, input gradients.
  const widths = [2, ...hidden, 1];
  const products = widths.slice(1).map((out, l) => widths[l] * out);
  const multiplyAdds = 3 * products.reduce((a, b) => a + b, 0) - products[0];
  const gflops = (2 * multiplyAdds * perSecond) / 1e9;
  const share = (100 * gflops) / SIMD_PEAK_GFLOPS;
  if (name === '2-6x8-1') {
    const times = perSecond / BEFORE_LANES_PER_SECOND;
    goals.push(`goal 6 (core, wasm): ${Math.round(perSecond).toLocaleString('en')} examples/s on 2→6×8→1 at batch 10, ${times.toFixed(2)}× the ${(BEFORE_LANES_PER_SECOND / 1e6).toFixed(2)} M recorded before the lane passes on a quieter day (the native goal 6 line also times the two side by side), ${share.toFixed(0)}% of the SIMD peak (target ≥ 2×: ${times >= 2 ? 'met' : 'missed'})`);
  }
  console.log(`wasm   train ${name.padStart(10)}: ${perSecond.toFixed(0).padStart(12)} examples/s (ReLU, batch 10, 250 points; ${multiplyAdds} multiply-adds an example: ${gflops.toFixed(1)} GFLOP/s, ${share.toFixed(1)}% of the ${SIMD_PEAK_GFLOPS} GFLOP/s wasm SIMD peak)`);
  network.free();
}

// Goal 5 (issue 13): throughput at step 500 k within 5% of step 0, on one long run (the loop
// above resets the network every repeat, so it never reaches the late steps).
{
  const config = { inputs: 2, hidden: [8, 8, 8, 8, 8, 8], activation: 'relu' };
  const early = new Network(config);
  const late = new Network(config);
  while (late.step < 500000) late.train(data, 20000, settings);
  const window = (network) => {
    const start = cpuMs();
    network.train(data, 20000, settings);
    return (20000 * settings.batchSize) / ((cpuMs() - start) / 1000);
  };
  // Windows of 20 k steps, alternating so that the machine's load weighs on both alike: one
  // network trains steps 0 to 20 k again and again, the other goes on from step 500 k.
  const firsts = [];
  const lasts = [];
  for (let i = 0; i < 7; i++) {
    early.reset();
    firsts.push(window(early));
    lasts.push(window(late));
  }
  const middle = (values) => values.sort((a, b) => a - b)[3];
  const first = middle(firsts);
  const last = middle(lasts);
  const change = (100 * (last / first - 1)).toFixed(1);
  console.log(`wasm   long run  2-6x8-1: ${first.toFixed(0).padStart(12)} examples/s at step 0, ${last.toFixed(0).padStart(10)} at 500 k (${change.startsWith('-') ? '' : '+'}${change}%, target within 5%)`);
  goals.push(`goal 5 (flat long runs, wasm): step 500 k ${change.startsWith('-') ? '' : '+'}${change}% against step 0 on 2→6×8→1 (target within 5%: ${Math.abs(last / first - 1) <= 0.05 ? 'met' : 'missed'})`);
  early.free();
  late.free();
}

const network = new Network({ inputs: 2, hidden: [8, 8, 8, 8, 8, 8], activation: 'relu' });
network.train(data, 1000, settings);
const gridMs = median(31, () => {
  network.evaluateGrid(100);
  network.gridActivations();
});
console.log(`wasm   grid  100x100 6x8: ${gridMs.toFixed(3).padStart(9)} ms (output and all 48 unit activations)`);
const rasterMs = median(31, () => {
  network.gridOutputPixels();
  network.gridUnitPixels();
});
console.log(`wasm   rasterise 49 maps: ${rasterMs.toFixed(3).padStart(9)} ms (output and 48 units, RGBA)`);
const statsMs = median(31, () => network.stats(data, 'train'));
console.log(`wasm   stats on 250 pts : ${statsMs.toFixed(3).padStart(9)} ms`);
console.log(`wasm   size             : ${wasmBytes.length} bytes raw, ${gzipSync(wasmBytes, { level: 9 }).length} bytes gzipped`);
for (const line of goals.sort()) console.log(line);
