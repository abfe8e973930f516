// ReLU Lab as a notebook widget (issue 14, item 2), in a real JupyterLab: the README's Python
// class (README.md, <!-- snippet: notebook-widget -->) with dist/anywidget.js beside the
// notebook, as the README says. JupyterLab, anywidget and the kernel come from the venv that
// `.ci/install.sh --browser` makes (tests/python/requirements.txt); the server runs on loopback
// with a known token, in a temporary root with a generated notebook and its own config, data and
// runtime folders, and is stopped at the end.
//
// Checked in Chromium: the widget renders and trains; a state set in Python (a second cell)
// reaches the element; a setting the learner changes in the widget reaches Python (a cell that
// prints the trait); the element's events arrive in Python as messages.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { expect, test } from '@playwright/test';
import { README_BASE, ensureDist, freePort, readmeSnippet, startProcess, stopProcess, venvBin, waitForUrl } from '../python/support.mjs';

const TOKEN = 'relu-lab-e2e';
// 8186–8191 are tests/e2e/bundlers.spec.mjs's, 8195–8199 ssg.spec.mjs's.
const PORTS = [8192, 8193, 8194];

/** The notebook's cells; the first is the README's, as a course author would paste it. */
function cells() {
  return [
    readmeSnippet('notebook-widget'),
    'import json\nevents = []\nlab.on_msg(lambda _widget, message, _buffers: events.append(message))\nprint("listening")',
    'lab.state = {"train": {"learningRate": 0.1}, "colour": "red"}',
    [
      'answers = [m["ignored"] for m in events if m["type"] == "set-state"]',
      'train = lab.state["train"]',
      'print("STATE " + json.dumps({"lr": train["learningRate"], "optimizer": train["optimizer"], "types": sorted({m["type"] for m in events}), "answers": answers}))',
    ].join('\n'),
    'lab.screen = "neuron"',
    'print("NEURON " + json.dumps(sorted(lab.state)))',
  ];
}

function notebook(sources) {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
    cells: sources.map((source, index) => ({
      id: `cell-${index}`,
      cell_type: 'code',
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
  };
}

let server = null;
let origin = '';
let work = '';

test.describe('JupyterLab', () => {
  test.beforeAll(async ({}, testInfo) => {
    testInfo.setTimeout(90_000);
    const jupyter = venvBin('jupyter');
    const bundle = await ensureDist('anywidget.js');
    work = mkdtempSync(join(tmpdir(), 'relu-lab-notebook-'));
    const dirs = Object.fromEntries(['root', 'config', 'data', 'runtime', 'ipython', 'settings', 'workspaces'].map((name) => [name, join(work, name)]));
    for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
    // As the README says: dist/anywidget.js beside the notebook.
    cpSync(bundle, join(dirs.root, 'anywidget.js'));
    writeFileSync(join(dirs.root, 'lesson.ipynb'), JSON.stringify(notebook(cells()), null, 1));
    // No news or update check (they would ask other hosts), no announcement toast.
    mkdirSync(join(dirs.config, 'labconfig'), { recursive: true });
    writeFileSync(
      join(dirs.config, 'labconfig', 'page_config.json'),
      JSON.stringify({ disabledExtensions: { '@jupyterlab/apputils-extension:announcements': true } }),
    );
    const port = await freePort(PORTS);
    origin = `http://127.0.0.1:${port}`;
    server = startProcess(
      jupyter,
      [
        'lab',
        '--no-browser',
        '--allow-root', // CI runs as root
        '--ServerApp.ip=127.0.0.1',
        `--ServerApp.port=${port}`,
        '--ServerApp.port_retries=0',
        `--IdentityProvider.token=${TOKEN}`,
        `--ServerApp.root_dir=${dirs.root}`,
        '--LabApp.expose_app_in_browser=True',
        '--LabApp.news_url=None',
        '--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate',
        '--LabApp.extension_manager=readonly',
        `--LabApp.user_settings_dir=${dirs.settings}`,
        `--LabApp.workspaces_dir=${dirs.workspaces}`,
      ],
      {
        cwd: dirs.root,
        env: {
          ...process.env,
          JUPYTER_CONFIG_DIR: dirs.config,
          JUPYTER_DATA_DIR: dirs.data,
          JUPYTER_RUNTIME_DIR: dirs.runtime,
          IPYTHONDIR: dirs.ipython,
          JUPYTER_PLATFORM_DIRS: '1',
        },
      },
    );
    await waitForUrl(`${origin}/api/status?token=${TOKEN}`, server, 60_000);
  });

  test.afterAll(async () => {
    await stopProcess(server);
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** Run the notebook's cell `index` through JupyterLab's own command; wait for its prompt number. */
  async function runCell(page, index) {
    await page.evaluate(async (i) => {
      const app = window.jupyterapp;
      app.shell.currentWidget.content.activeCellIndex = i;
      await app.commands.execute('notebook:run-cell');
    }, index);
    await expect(page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-InputPrompt')).toHaveText(/\[\d+\]/, { timeout: 30_000 });
  }

  /** The text a cell printed. */
  const printed = (page, index) => page.locator('.jp-Notebook .jp-Cell').nth(index).locator('.jp-OutputArea-output').first();

  test('the anywidget in JupyterLab: renders, trains, and syncs state both ways', async ({ page }) => {
    test.setTimeout(120_000);
    const errors = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    const foreign = [];
    page.on('request', (request) => {
      if (!/^(data|blob):/.test(request.url()) && new URL(request.url()).origin !== origin) foreign.push(request.url());
    });
    await page.goto(`${origin}/lab/tree/lesson.ipynb?token=${TOKEN}`);
    await page.waitForFunction(
      () => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel?.status === 'idle',
      null,
      { timeout: 45_000 },
    );

    // 1. The README's cell: the widget renders and trains (the network screen starts on its own).
    await runCell(page, 0);
    const lab = page.locator('.jp-OutputArea-output relu-lab');
    await expect(lab).toHaveCount(1);
    await lab.evaluate((element) => element.ready);
    await expect(lab.locator('canvas').first()).toBeVisible();
    const step = async () => Number((await lab.locator('[data-field="step"]').first().textContent()).replace(/[^\d]/g, ''));
    const firstStep = await step();
    await expect.poll(step, { timeout: 15_000 }).toBeGreaterThan(firstStep);
    expect(await lab.getAttribute('preset')).toBe('kill');
    await lab.locator('[data-field="step"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('jupyterlab-widget.png') });

    // 2. Python → widget: a partial state set in a cell arrives in the element and its control.
    await runCell(page, 1);
    await expect(printed(page, 1)).toHaveText('listening');
    expect(await lab.evaluate((element) => element.getState().train.learningRate)).not.toBe(0.1);
    await runCell(page, 2);
    await expect.poll(() => lab.evaluate((element) => element.getState().train.learningRate)).toBe(0.1);
    await expect(lab.locator('input[type="number"][data-setting="train.learningRate"]')).toHaveValue('0.1');

    // 3. Widget → Python: the learner picks another optimiser; the trait follows.
    const optimizer = lab.locator('select[data-setting="train.optimizer"]');
    const before = await optimizer.inputValue();
    const chosen = before === 'adam' ? 'momentum' : 'adam';
    await lab.evaluate((element) => {
      window.reluLabAnnounced = [];
      element.addEventListener('relu-lab-state', (event) => window.reluLabAnnounced.push(event.detail.state.train.optimizer));
    });
    // A narrow layout (a notebook's output area) folds the settings behind their button.
    if (!(await optimizer.isVisible())) await lab.getByRole('button', { name: 'Settings' }).click();
    await optimizer.selectOption(chosen);
    await expect.poll(() => page.evaluate(() => window.reluLabAnnounced.at(-1))).toBe(chosen);
    await runCell(page, 3);
    const output = (await printed(page, 3).textContent()).trim();
    expect(output).toMatch(/^STATE /);
    const fromPython = JSON.parse(output.slice('STATE '.length));
    expect(fromPython.lr).toBe(0.1);
    expect(fromPython.optimizer).toBe(chosen);
    // The element's events reached Python: the answer to the state set in cell 2 (naming the key
    // it did not take), the learner's change.
    expect(fromPython.types).toEqual(expect.arrayContaining(['set-state', 'state']));
    expect(fromPython.answers).toEqual([[{ key: 'colour', reason: 'unknown key' }]]);

    // 4. Another screen from Python: the element mounts it, and Python gets its state.
    await runCell(page, 4);
    await expect(lab).toHaveAttribute('screen', 'neuron');
    await expect.poll(() => lab.evaluate((element) => Object.keys(element.getState() ?? {}))).toContain('w1');
    await expect(lab.getByRole('button', { name: 'Play', exact: true }).first()).toBeVisible();
    await runCell(page, 5);
    const keys = JSON.parse((await printed(page, 5).textContent()).trim().slice('NEURON '.length));
    expect(keys).toEqual(expect.arrayContaining(['w1', 'w2', 'b']));
    expect(keys).not.toContain('train');

    await page.screenshot({ path: test.info().outputPath('jupyterlab.png') });
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});

// ---- a host without a kernel -------------------------------------------------------------------

/**
 * MyST-MD's {anywidget} model as myst-theme implements it: get, set and on work, send,
 * save_changes and off throw ("not implemented yet"). Installed in the page as window.StaticModel.
 */
function installStaticModel() {
  window.StaticModel = class {
    #state;
    #target = new EventTarget();
    constructor(state) {
      this.#state = state;
    }
    get(name) {
      return this.#state[name];
    }
    set(name, value) {
      this.#state[name] = value;
      this.#target.dispatchEvent(new CustomEvent(`change:${name}`, { detail: value }));
      this.#target.dispatchEvent(new CustomEvent('change', { detail: value }));
    }
    on(name, callback) {
      this.#target.addEventListener(name, callback);
    }
    off() {
      throw new Error('off not implemented');
    }
    save_changes() {
      throw new Error('save_changes not implemented');
    }
    send() {
      throw new Error('send not implemented');
    }
  };
}

/** The README's {anywidget} directive: its module URL and its JSON body. */
function mystDirective() {
  const block = readmeSnippet('myst-anywidget');
  const match = /^```\{anywidget\}\s+(\S+)\n([\s\S]*?)\n```\n$/.exec(block);
  if (!match) throw new Error(`README's myst-anywidget block is not one {anywidget} directive:\n${block}`);
  return { esm: match[1], json: JSON.parse(match[2]) };
}

test("the anywidget module on a host without a kernel (MyST-MD's static model, README's directive)", async ({ page }) => {
  test.setTimeout(90_000); // dist/ may be built first
  const bundle = await ensureDist('anywidget.js');
  const source = readFileSync(bundle, 'utf8');
  const directive = mystDirective();
  expect(directive.esm).toBe(`${README_BASE}anywidget.js`);
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.route('**/static-host.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><head><title>book</title><link rel="icon" href="data:,"></head><body><main><h1>A chapter</h1></main></body></html>',
    }),
  );
  await page.goto('/static-host.html');
  await page.evaluate(installStaticModel);
  // As anywidget and myst-theme load it: the module's text imported from a blob: URL, rendered
  // into a new container; `window.views[i]` is the cleanup of view i.
  const renderView = () =>
    page.evaluate(async (text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
      const widget = (await import(url)).default;
      const el = document.createElement('div');
      el.className = 'view';
      document.querySelector('main').append(el);
      window.views = [...(window.views ?? []), await widget.render({ model: window.model, el })];
    }, source);
  const step = async (lab) => Number((await lab.locator('[data-field="step"]').first().textContent()).replace(/[^\d]/g, ''));

  // 1. The directive's JSON as the model: the embed it asks for, mounted and training.
  await page.evaluate((json) => {
    window.model = new window.StaticModel(json);
  }, directive.json);
  await renderView();
  const lab = page.locator('.view').nth(0).locator('relu-lab');
  await lab.evaluate((element) => element.ready);
  for (const [name, value] of Object.entries(directive.json)) await expect(lab).toHaveAttribute(name, String(value));
  await expect.poll(() => step(lab), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(Object.keys(await page.evaluate(() => window.model.get('state')))).toContain('train');

  // 2. Another screen and its state at once: the state waits for the new screen.
  await page.evaluate(() => {
    window.model.set('screen', 'neuron');
    window.model.set('state', { b: -0.5 });
  });
  await expect.poll(() => lab.evaluate((element) => element.getState()?.b)).toBe(-0.5);
  await expect.poll(() => page.evaluate(() => window.model.get('state'))).toEqual(expect.objectContaining({ b: -0.5, w1: expect.any(Number) }));

  // 3. A second view of the same model keeps in step with the first.
  await renderView();
  const second = page.locator('.view').nth(1).locator('relu-lab');
  await second.evaluate((element) => element.ready);
  await expect.poll(() => second.evaluate((element) => element.getState()?.b)).toBe(-0.5);
  await lab.evaluate((element) => element.setState({ b: 0.75 }));
  await expect.poll(() => second.evaluate((element) => element.getState().b)).toBe(0.75);
  await page.evaluate(() => window.views[1]());
  await expect(second).toHaveCount(0);

  // 4. It trains on Play; every screen mounts from the one module, the Experiments one (and its worker) too.
  await lab.getByRole('button', { name: 'Play', exact: true }).first().click();
  await expect.poll(() => step(lab), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.evaluate(() => window.model.set('screen', 'function'));
  await expect(lab.locator('[data-field="step"]')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => 'functions' in window.model.get('state'))).toBe(true);
  await lab.evaluate((element) => {
    window.readyScreens = [];
    element.addEventListener('relu-lab-ready', (event) => window.readyScreens.push(event.detail.screen));
  });
  await page.evaluate(() => window.model.set('screen', 'experiments'));
  await expect.poll(() => page.evaluate(() => window.readyScreens)).toEqual(['experiments']);
  await expect(lab.getByRole('button').first()).toBeVisible();

  // 5. Cleanup removes the element, even though this model's off() throws.
  await page.evaluate(() => window.views[0]());
  await expect(lab).toHaveCount(0);
  expect(errors).toEqual([]);
});
