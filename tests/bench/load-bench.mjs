// Loading ReLU Lab, in headless Chromium on localhost (issue 13, goals 1, 2, 3 and 8). Serves
// the production build (target/site/, `make build`) and, with --dev, www/ as well, and PRINTS:
//   - goal 1: network.html's requests and gzipped bytes (each distinct URL's body, gzip -9),
//     the wasm apart from the JS + CSS + HTML;
//   - goal 2: the time from navigation to the first drawn map of the Network screen (the
//     performance mark 'relu-lab:first-map' that screens/network/heatmap.js sets), median, min
//     and max of --runs cold loads (a fresh browser context each, so nothing is cached), and the
//     long tasks (over 50 ms, PerformanceObserver 'longtask') until 1 s after that mark: the
//     longest task of each load and how many loads had one over 50 ms;
//   - goal 3: each page's cumulative layout shift (layout-shift entries, light and dark);
//   - goal 8, with --lighthouse: Lighthouse 12.2.3 mobile performance and accessibility scores
//     of every page (installed on first use into target/lighthouse/, about 1 min; a run of all
//     pages takes about 2 min, so `make bench` leaves it out).
// then one line per goal with the figure and its target. Asserts nothing.
// --compare <dir> loads network.html from another built site (say, a commit's, built with
// .ci/site.mjs in a copy of the repository) alternately with target/site, load by load, so
// that the shared machine's load falls on both alike, and prints its first maps and long tasks.
// --task-trace prints, per load, each main-thread task over 30 ms from a Chromium trace: its
// wall and CPU (thread) time, what ran in it (module evaluation, a timer, an animation frame)
// and its style, layout and paint CPU time (a trace slows the load: its first maps are later).
//
//   node tests/bench/load-bench.mjs [--runs 9] [--dev] [--lighthouse] [--compare <dir>] [--task-trace]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    dev: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    compare: { type: 'string' },
    'task-trace': { type: 'boolean', default: false },
  },
});
const RUNS = Number(args.runs);
const PAGES = ['index.html', 'function.html', 'neuron.html', 'network.html', 'experiments.html'];
const TARGET = Object.freeze({ requests: 6, totalKB: 60, wasmKB: 40, firstMapMs: 300, longTaskMs: 50, cls: 0.02, performance: 95, accessibility: 100 });
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => done(port));
    });
  });
}

/** Serve `dir` (relative to the repo) on a free port; resolves to { origin, stop() }. */
async function serve(dir) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { cwd: root, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { origin, stop: () => child.kill() };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Record long tasks and layout shifts from the page's start (in every new document). */
const OBSERVE = () => {
  window.__load = { longTasks: [], shifts: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__load.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of /** @type {any[]} */ (list.getEntries())) if (!entry.hadRecentInput) window.__load.shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
};

/** Loads traced for the CPU time of their longest task (all of them with --task-trace). */
const TRACED_RUNS = 3;

/** The trace categories of --task-trace: tasks with their thread time, and the page's marks. */
const TASK_TRACE = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink.user_timing'];

/**
 * The renderer main thread's tasks of a Chromium trace over `minMs` (wall) up to 1 s after the
 * first map (`firstMap`, page time, aligned on its mark in the trace): [{ start (page ms),
 * wall, cpu, kind ('module', 'timer', 'frame' or 'other'), style, layout, paint (CPU ms) }].
 */
function traceTasks(trace, firstMap, minMs = 30) {
  const events = trace.traceEvents ?? trace;
  const mark = events.find((event) => event.name === 'relu-lab:first-map');
  if (!mark) return [];
  const threads = new Map();
  for (const event of events) if (event.ph === 'M' && event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, event.args?.name);
  const main = events.filter((event) => event.ph === 'X' && event.pid === mark.pid && threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain');
  const offset = mark.ts / 1000 - firstMap; // trace ms = page ms + offset
  const tops = main.filter((event) => event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const outer = [];
  for (const task of tops) if (!outer.length || task.ts >= outer.at(-1).ts + outer.at(-1).dur) outer.push(task);
  const tasks = [];
  for (const task of outer) {
    const start = task.ts / 1000 - offset;
    if (task.dur / 1000 < minMs || start > firstMap + 1000) continue;
    const inside = main.filter((event) => event !== task && event.ts >= task.ts && event.ts + event.dur <= task.ts + task.dur);
    const has = (name) => inside.some((event) => event.name === name);
    const cpu = (names) => inside.filter((event) => names.includes(event.name)).reduce((sum, event) => sum + (event.tdur ?? 0) / 1000, 0);
    tasks.push({
      start,
      wall: task.dur / 1000,
      cpu: (task.tdur ?? 0) / 1000,
      kind: has('v8.evaluateModule') ? 'module' : has('TimerFire') ? 'timer' : has('FireAnimationFrame') ? 'frame' : 'other',
      style: cpu(['UpdateLayoutTree']),
      layout: cpu(['Layout']),
      paint: cpu(['PrePaint', 'Paint', 'Layerize', 'Commit']),
    });
  }
  return tasks;
}

/** One cold load of network.html: { firstMap, longTasks, responses, tasks (with `trace`) }. */
async function loadNetwork(browser, origin, trace = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  const responses = new Map();
  page.on('response', (response) => {
    const url = response.url();
    if (!responses.has(url) && response.status() === 200) responses.set(url, response.body().then((body) => gzipSync(body, { level: 9 }).length).catch(() => 0));
  });
  if (trace) await browser.startTracing(page, { categories: TASK_TRACE });
  await page.goto(`${origin}/network.html`);
  await page.waitForFunction(() => performance.getEntriesByName('relu-lab:first-map').length > 0, null, { timeout: 20_000 });
  await page.waitForTimeout(1000);
  const result = await page.evaluate(() => {
    const mark = performance.getEntriesByName('relu-lab:first-map')[0].startTime;
    return { firstMap: mark, longTasks: window.__load.longTasks.filter((task) => task.start < mark + 1000) };
  });
  const tasks = trace ? traceTasks(JSON.parse((await browser.stopTracing()).toString('utf8')), result.firstMap) : null;
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all([...responses].map(async ([url, gz]) => ({ url, gz: await gz })));
  await context.close();
  return { ...result, responses: sizes, tasks };
}

/** Print the first maps and long tasks of `loads`; returns their figures. */
function reportLoads(loads) {
  const firstMaps = loads.map((load) => load.firstMap);
  const longest = loads.map((load) => Math.max(0, ...load.longTasks.map((task) => task.duration)));
  const longLoads = longest.filter((ms) => ms > TARGET.longTaskMs).length;
  console.log(`  first map after ${firstMaps.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(firstMaps).toFixed(0)} ms)`);
  console.log(`  longest task at load per run: ${longest.map((ms) => ms.toFixed(0)).join(', ')} ms; tasks over 50 ms: ${loads.map((load) => load.longTasks.length).join(', ')}; ${longLoads} of ${loads.length} loads with a task over 50 ms`);
  loads.forEach((load, index) => {
    if (!load.tasks) return;
    const each = load.tasks.map((task) => `${task.start.toFixed(0)} ms ${task.kind} ${task.wall.toFixed(0)}/${task.cpu.toFixed(0)} (style ${task.style.toFixed(0)}, layout ${task.layout.toFixed(0)}, paint ${task.paint.toFixed(0)})`);
    console.log(`  load ${index + 1}, first map ${load.firstMap.toFixed(0)} ms, tasks over 30 ms (wall/CPU ms): ${each.join('; ') || 'none'}`);
  });
  return { firstMap: median(firstMaps), longest: median(longest), maxLongest: Math.max(...longest), longLoads };
}

/** Each page's CLS in light and dark at 412 × 823 (Lighthouse's phone) and 1280 × 800. */
async function layoutShifts(browser, origin) {
  const rows = [];
  for (const page of PAGES) {
    const row = { page, values: [] };
    for (const colorScheme of ['light', 'dark']) {
      for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 800 }]) {
        const context = await browser.newContext({ viewport, colorScheme });
        const tab = await context.newPage();
        await tab.addInitScript(OBSERVE);
        await tab.goto(`${origin}/${page}`);
        await tab.waitForFunction(() => !document.querySelector('main .loading'), null, { timeout: 20_000 });
        await tab.waitForTimeout(1500);
        row.values.push({ colorScheme, width: viewport.width, cls: await tab.evaluate(() => window.__load.shifts) });
        await context.close();
      }
    }
    rows.push(row);
  }
  return rows;
}

/** Lighthouse 12.2.3 (mobile, the default) on every page: { page, performance, accessibility, cls, lcp, tbt }. */
function lighthouse(origin) {
  const prefix = join(root, 'target', 'lighthouse');
  const cli = join(prefix, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(cli)) {
    mkdirSync(prefix, { recursive: true });
    console.log('installing lighthouse@12.2.3 into target/lighthouse/ (once)');
    execFileSync('npm', ['i', '-E', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', 'lighthouse@12.2.3'], { stdio: 'inherit' });
  }
  const rows = [];
  for (const page of PAGES) {
    const out = execFileSync(process.execPath, [cli, `${origin}/${page}`, '--output=json', '--quiet', '--only-categories=performance,accessibility', '--chrome-flags=--headless --no-sandbox --disable-gpu'], {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(out.toString());
    const audit = (id) => report.audits[id]?.numericValue;
    rows.push({
      page,
      performance: Math.round(report.categories.performance.score * 100),
      accessibility: Math.round(report.categories.accessibility.score * 100),
      cls: audit('cumulative-layout-shift'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      fcp: audit('first-contentful-paint'),
    });
  }
  return rows;
}

async function measure(label, dir, browser, compareDir = null) {
  const server = await serve(dir);
  const other = compareDir ? await serve(compareDir) : null;
  try {
    const loads = [];
    const otherLoads = [];
    for (let run = 0; run < RUNS; run += 1) {
      loads.push(await loadNetwork(browser, server.origin, args['task-trace']));
      if (other) otherLoads.push(await loadNetwork(browser, other.origin, args['task-trace']));
    }
    const last = loads.at(-1).responses;
    const wasm = last.filter((file) => file.url.endsWith('.wasm')).reduce((sum, file) => sum + file.gz, 0);
    const total = last.reduce((sum, file) => sum + file.gz, 0);
    console.log(`${label} (${dir}):`);
    console.log(`  network.html: ${last.length} requests, ${kb(total)} gzipped: wasm ${kb(wasm)}, JS + CSS + HTML ${kb(total - wasm)}`);
    const result = { requests: last.length, total, wasm, ...reportLoads(loads) };
    if (label === 'production') {
      // A task's wall time includes waiting (for a core of this shared 2-core machine, which
      // Chromium's other processes use too, or for another thread); its CPU time
      // (from a trace, which slows the load a little, hence loads of their own) does not.
      const traced = args['task-trace'] ? loads : [];
      while (traced.length < TRACED_RUNS) traced.push(await loadNetwork(browser, server.origin, true));
      const cpu = traced.map((load) => Math.max(0, ...load.tasks.map((task) => task.cpu)));
      console.log(`  longest task's main-thread CPU time per traced load: ${cpu.map((ms) => (ms > 0 ? ms.toFixed(0) : 'under 30')).join(', ')} ms`);
      result.cpu = Math.max(...cpu);
    }
    if (other) {
      console.log(`compared (${compareDir}), its loads alternating with these:`);
      result.compared = reportLoads(otherLoads);
    }
    if (label === 'production') {
      result.shifts = await layoutShifts(browser, server.origin);
      for (const row of result.shifts) console.log(`  CLS ${row.page}: ${row.values.map((v) => `${v.colorScheme} ${v.width} px ${v.cls.toFixed(3)}`).join(', ')}`);
      if (args.lighthouse) {
        result.lighthouse = lighthouse(server.origin);
        for (const row of result.lighthouse) {
          console.log(`  Lighthouse mobile ${row.page}: performance ${row.performance}, accessibility ${row.accessibility} (FCP ${row.fcp.toFixed(0)} ms, LCP ${row.lcp.toFixed(0)} ms, TBT ${row.tbt.toFixed(0)} ms, CLS ${row.cls.toFixed(3)})`);
        }
      }
    }
    return result;
  } finally {
    server.stop();
    other?.stop();
  }
}

if (!existsSync(join(root, 'target', 'site', 'network.html'))) {
  console.error('load-bench: target/site is missing: run `make build` (or node .ci/site.mjs) first');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
let prod;
try {
  if (args.dev) await measure('development', 'www', browser);
  prod = await measure('production', 'target/site', browser, args.compare ? resolve(args.compare) : null);
} finally {
  await browser.close();
}
const worstCls = Math.max(...prod.shifts.flatMap((row) => row.values.map((v) => v.cls)));
const verdict = (ok) => (ok ? 'met' : 'missed');
console.log(`goal 1 (weight): network.html ${prod.requests} requests, ${kb(prod.total)} gzipped (wasm ${kb(prod.wasm)}, JS + CSS + HTML ${kb(prod.total - prod.wasm)}); target ≤ ${TARGET.requests} requests, ≤ ${TARGET.totalKB} KB, wasm ≤ ${TARGET.wasmKB} KB: ${verdict(prod.requests <= TARGET.requests && prod.total <= TARGET.totalKB * 1024 && prod.wasm <= TARGET.wasmKB * 1024)}`);
const loadLine = (figures) => `${figures.firstMap.toFixed(0)} ms median of ${RUNS}, longest task at load ${figures.longest.toFixed(0)} ms median (${figures.maxLongest.toFixed(0)} ms worst), ${figures.longLoads} of ${RUNS} loads with a task over ${TARGET.longTaskMs} ms`;
if (prod.compared) console.log(`goal 2, the compared build (${args.compare}): ${loadLine(prod.compared)}`);
console.log(`goal 2 (first picture): ${loadLine(prod)}, longest task's CPU time ${prod.cpu > 0 ? `${prod.cpu.toFixed(0)} ms` : 'under 30 ms'} (for the rest of its wall time the main thread waited, for a core of this 2-core machine or for another thread); target ≤ ${TARGET.firstMapMs} ms, no task over ${TARGET.longTaskMs} ms: ${verdict(prod.firstMap <= TARGET.firstMapMs && prod.maxLongest <= TARGET.longTaskMs)}`);
console.log(`goal 3 (layout shift): worst page CLS ${worstCls.toFixed(3)} (light and dark, 412 and 1280 px); target ≤ ${TARGET.cls}: ${verdict(worstCls <= TARGET.cls)}`);
if (prod.lighthouse) {
  const low = Math.min(...prod.lighthouse.map((row) => row.performance));
  const lowA11y = Math.min(...prod.lighthouse.map((row) => row.accessibility));
  console.log(`goal 8 (Lighthouse mobile): performance ${prod.lighthouse.map((row) => row.performance).join(', ')} (lowest ${low}), accessibility lowest ${lowA11y}; target ≥ ${TARGET.performance}, accessibility ${TARGET.accessibility}: ${verdict(low >= TARGET.performance && lowA11y >= TARGET.accessibility)}`);
} else {
  console.log('goal 8 (Lighthouse mobile): not run (node tests/bench/load-bench.mjs --lighthouse)');
}
