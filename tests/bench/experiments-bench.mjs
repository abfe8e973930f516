// How long each experiment takes in headless Chromium at its quick setting and at its default,
// run in the page's worker, and what the main thread does meanwhile (frames per second from
// requestAnimationFrame, long tasks over 50 ms). Prints figures, asserts nothing.
//   node tests/bench/experiments-bench.mjs [quick|default|both] [experiment ids…]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 8139);
const [which = 'both', ...only] = process.argv.slice(2);
const IDS = only.length > 0 ? only : [
  'born-dead', 'gradient-depth', 'activation-scale', 'dying', 'revival',
  'linear-pieces', 'sparsity', 'cost', 'convergence', 'negative-inputs', 'relu-at-zero', 'saturation',
];
const SETTINGS = which === 'both' ? ['quick', 'default'] : [which];

const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', `${root}www`], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });

async function measure(id, setting) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
    const tick = (now) => {
      window.__frames.push(now);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(`http://127.0.0.1:${PORT}/experiments.html#experiment=${id}`);
  const card = page.locator(`.exp-card[data-experiment="${id}"]`);
  await card.getByRole('button', { name: setting === 'quick' ? 'Quick setting' : 'Defaults' }).click();
  await page.waitForTimeout(500);
  const start = await page.evaluate(() => performance.now());
  await card.getByRole('button', { name: 'Run' }).click();
  await card.locator('[data-field="sentence"]').filter({ hasText: 'measured in' }).waitFor({ timeout: 180_000 });
  const end = await page.evaluate(() => performance.now());
  const { frames, longTasks, sentence } = await page.evaluate(([from, to]) => ({
    frames: window.__frames.filter((t) => t >= from && t <= to),
    longTasks: window.__longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => Math.round(t.duration)),
    sentence: document.querySelector(`.exp-card:not([hidden]) [data-field="sentence"]`).textContent,
  }), [start, end]);
  const gaps = frames.slice(1).map((t, i) => t - frames[i]).sort((a, b) => a - b);
  const at = (q) => (gaps.length > 0 ? gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))].toFixed(1) : '—');
  const worker = /measured in ([\d.]+) s/.exec(sentence)?.[1];
  console.log(
    `${id.padEnd(17)} ${setting.padEnd(7)} worker ${worker} s, page ${((end - start) / 1000).toFixed(1)} s; ` +
      `${(frames.length / ((end - start) / 1000)).toFixed(0)} frames/s (gap median ${at(0.5)} ms, p95 ${at(0.95)} ms); ` +
      `long tasks: ${longTasks.length === 0 ? 'none' : longTasks.join(', ') + ' ms'}`,
  );
  await page.close();
}

try {
  const load = (await import('node:os')).loadavg()[0];
  console.log(`load average ${load.toFixed(1)} on ${(await import('node:os')).cpus().length} cores`);
  for (const setting of SETTINGS) for (const id of IDS) await measure(id, setting);
} finally {
  await browser.close();
  server.kill();
}
