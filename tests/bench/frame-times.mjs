// Frame times of the network screen in headless Chromium: 6 hidden layers of 8 ReLU units,
// the 100×100 output map and all 48 unit maps, training several steps per frame. Serves www/,
// opens network.html playing, records requestAnimationFrame timestamps for about 5 s and the
// long tasks (PerformanceObserver "longtask", over 50 ms), and PRINTS the median and 95th
// percentile frame time and the longest task. Asserts nothing.
// Run after `make build`: `node tests/bench/frame-times.mjs [seconds] [steps per frame]`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seconds = Number(process.argv[2] ?? 5);
const stepsPerFrame = Number(process.argv[3] ?? 10);

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolve once the server answers. */
async function waitForServer(origin, timeoutMs = 10_000) {
  const start = Date.now();
  for (;;) {
    try {
      const response = await fetch(`${origin}/network.html`);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() - start > timeoutMs) throw new Error(`no server at ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'www'], {
  cwd: root,
  stdio: 'ignore',
});
let browser;
try {
  await waitForServer(origin);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Long tasks are observed from the very start of the page, and every animation-frame
  // callback is timed (the page's work per frame, apart from style, layout and paint).
  await page.addInitScript(() => {
    window.__frameWork = [];
    const original = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => original((now) => {
      const start = performance.now();
      try {
        callback(now);
      } finally {
        window.__frameWork.push(performance.now() - start);
      }
    });
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const hash = `#layers=8,8,8,8,8,8&act=relu&init=he-normal&opt=sgd&lr=0.03&batch=10&speed=${stepsPerFrame}`;
  await page.goto(`${origin}/network.html${hash}`);
  await page.waitForFunction(() => Number(document.querySelector('[data-network-screen]')?.dataset.step) > 0, null, { timeout: 15_000 });
  await page.waitForTimeout(500); // past start-up (module loads, first layout)
  const result = await page.evaluate((ms) => new Promise((resolve) => {
    const root = document.querySelector('[data-network-screen]');
    const startStep = Number(root.dataset.step);
    const longBefore = window.__longTasks.length;
    const workBefore = window.__frameWork.length;
    const times = [];
    let last = 0;
    const begin = performance.now();
    const tick = (now) => {
      if (last) times.push(now - last);
      last = now;
      if (now - begin < ms) requestAnimationFrame(tick);
      else {
        resolve({
          times,
          steps: Number(root.dataset.step) - startStep,
          longTasks: window.__longTasks.slice(longBefore),
          work: window.__frameWork.slice(workBefore),
          startupLongTasks: window.__longTasks.slice(0, longBefore),
        });
      }
    };
    requestAnimationFrame(tick);
  }), seconds * 1000);
  const sorted = [...result.times].sort((a, b) => a - b);
  const work = [...result.work].sort((a, b) => a - b);
  const longest = result.longTasks.length ? Math.max(...result.longTasks) : 0;
  const startupLongest = result.startupLongTasks.length ? Math.max(...result.startupLongTasks) : 0;
  console.log(`network screen, 6x8 ReLU, 100x100 maps, ${stepsPerFrame} steps per frame, ${seconds} s in headless Chromium:`);
  console.log(`  frames          : ${result.times.length} (${(result.times.length / seconds).toFixed(1)} per second)`);
  console.log(`  frame time      : median ${quantile(sorted, 0.5).toFixed(1)} ms, 95th percentile ${quantile(sorted, 0.95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`);
  console.log(`  script per frame: median ${quantile(work, 0.5).toFixed(1)} ms, 95th percentile ${quantile(work, 0.95).toFixed(1)} ms (train, grid, stats, rasterise, draw)`);
  console.log(`  training        : ${result.steps} steps (${(result.steps / seconds).toFixed(0)} per second)`);
  console.log(`  long tasks      : ${result.longTasks.length} while playing, longest ${longest.toFixed(0)} ms (start-up: ${result.startupLongTasks.length}, longest ${startupLongest.toFixed(0)} ms)`);
  if (result.startupLongTasks.length) {
    console.log(`  start-up tasks  : ${result.startupLongTasks.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (over 50 ms, in order)`);
  }
  if (errors.length) console.log(`  page errors     : ${errors.join(' | ')}`);
} finally {
  await browser?.close();
  server.kill();
}
