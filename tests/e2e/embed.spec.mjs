// Embedding (issue 5): the <relu-lab> element on a course page, the iframe page and its
// postMessage protocol, sandboxed frames, a strict CSP, the single file from file://, and
// accessibility across every screen when embedded.
//
// The test server serves www/ only. dist/ is built here (node .ci/dist.mjs) when it is missing
// or older than its sources, and reached either from disk (file://) or through page.route,
// which plays a static host serving dist/ as it is, with no CORS header.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { ORIGIN } from './playwright.config.mjs';
import { expectNoAxeViolations, labsReady, serveHtml, watchPage } from './support.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const COURSE = '/examples/course.html';
const STRICT_CSP = "script-src 'self' 'wasm-unsafe-eval'";
// Stricter still: nothing but the page's own files for anything (no inline style either).
const STRICTEST_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

// ---- helpers ---------------------------------------------------------------------------------

const lab = (page, screen) => page.locator(`relu-lab[screen="${screen}"]`);
const stepOf = async (locator) => Number((await locator.locator('[data-field="step"]').first().textContent()).replace(/[^\d]/g, ''));

/** Add `headers` to every response of the test server (as a host configured so would). */
async function addHeadersToAll(page, headers) {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headers } });
  });
}

/** Serve dist/ at ORIGIN/dist/ from disk, headers as python's http.server (no CORS). */
async function serveDist(page) {
  await page.route(`${ORIGIN}/dist/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice('/dist/'.length));
    const file = join(root, 'dist', path);
    if (!existsSync(file) || statSync(file).isDirectory()) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ path: file });
  });
}

/** Messages the page receives from frames, kept in window.received (install before goto). */
async function recordMessages(page) {
  await page.addInitScript(() => {
    window.received = [];
    window.addEventListener('message', (event) => {
      if (event.data && event.data.source === 'relu-lab') window.received.push(event.data);
    });
  });
}
const received = (page, type) => page.evaluate((t) => window.received.filter((m) => m.type === t), type);

/** The newest source file that dist/ is built from. */
function newestSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const path of ['www', '.ci/dist.mjs', '.ci/single-file.html', 'README.md']) visit(join(root, path));
  return newest;
}

function ensureDist() {
  const single = join(root, 'dist', 'relu-lab.html');
  if (!existsSync(single) || statSync(single).mtimeMs < newestSource()) {
    execFileSync('node', [join(root, '.ci', 'dist.mjs')], { cwd: root, stdio: 'pipe' });
  }
}

// ---- the course page: three elements ---------------------------------------------------------

test.describe('course page with three <relu-lab> elements', () => {
  test('each instance runs on its own; one wasm module is fetched once', async ({ page }) => {
    const watch = watchPage(page);
    const wasmRequests = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasmRequests.push(request.url());
    });
    await page.goto(COURSE);
    await labsReady(page);
    const network = lab(page, 'network');
    const neuron = lab(page, 'neuron');
    const fn = lab(page, 'function');
    await expect(fn.getByRole('heading', { name: 'Activation functions and their slopes' })).toBeVisible();
    await expect(network.locator('[data-field="step"]')).toHaveText('0');

    // Train the neuron screen's small network: the network screen stays at step 0.
    await neuron.getByRole('button', { name: /^Step \+/ }).click();
    await expect(neuron.locator('[data-field="step"]')).not.toHaveText('0');
    const neuronStep = await stepOf(neuron);
    await page.waitForTimeout(300);
    expect(await stepOf(network)).toBe(0);

    // Train the network screen: the neuron screen's count stays where it was.
    await network.locator('[data-action="play"]').click();
    await expect.poll(() => stepOf(network)).toBeGreaterThan(50);
    await network.locator('[data-action="play"]').click(); // pause
    expect(await stepOf(neuron)).toBe(neuronStep);
    // The function screen's probe reading is untouched.
    await expect(fn.locator('text=At the probe, x = 1')).toBeVisible();

    // Each instance has its own settings: change one, the others keep theirs.
    await page.evaluate(() => document.querySelector('relu-lab[screen="network"]').setState({ train: { learningRate: 0.01 } }));
    const state = await page.evaluate(() => document.querySelector('relu-lab[screen="network"]').getState());
    expect(state.train.learningRate).toBe(0.01);
    expect(state.train.optimizer).toBe('adam'); // the kill preset's, kept

    expect(wasmRequests).toHaveLength(1);
    // The element adds no <main>: the course page keeps its one main landmark.
    const mains = await page.evaluate(() => [
      document.querySelectorAll('main').length,
      ...[...document.querySelectorAll('relu-lab')].map((el) => el.shadowRoot.querySelectorAll('main, [role="main"]').length),
    ]);
    expect(mains).toEqual([1, 0, 0, 0]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('the host page CSS does not reach inside; no cookie, no storage', async ({ page, context }) => {
    const watch = watchPage(page);
    await page.goto(COURSE);
    await labsReady(page);
    const styles = await lab(page, 'network').locator('[data-action="play"]').evaluate((button) => {
      const style = getComputedStyle(button);
      return { background: style.backgroundColor, font: style.fontFamily };
    });
    expect(styles.background).not.toBe('rgb(255, 105, 180)'); // course.css makes buttons hotpink
    expect(styles.font).not.toContain('cursive');
    const canvasBorder = await lab(page, 'network').locator('canvas').first().evaluate((c) => getComputedStyle(c).borderTopStyle);
    expect(canvasBorder).not.toBe('dashed');
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    expect(watch.errors).toEqual([]);
  });

  test('changing an attribute updates its instance, keeping the other settings', async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(COURSE);
    await labsReady(page);
    const network = lab(page, 'network');
    // A setting: the learning rate control shows it and the state has it; the preset's other
    // settings (Adam, three layers of 8) are kept.
    await page.evaluate(() => document.querySelector('relu-lab[screen="network"]').setAttribute('learning-rate', '0.003'));
    await expect
      .poll(() => page.evaluate(() => document.querySelector('relu-lab[screen="network"]').getState()?.train.learningRate))
      .toBe(0.003);
    const state = await page.evaluate(() => document.querySelector('relu-lab[screen="network"]').getState());
    expect(state.train.optimizer).toBe('adam');
    expect(state.network.hidden).toEqual([8, 8, 8]);
    await expect(network.locator('input[type="number"][data-setting="train.learningRate"]')).toHaveValue('0.003');

    // hide: the optimiser control disappears; lock: the batch size is disabled.
    await page.evaluate(() => {
      const el = document.querySelector('relu-lab[screen="network"]');
      el.setAttribute('hide', 'presets,optimizer');
      el.setAttribute('lock', 'batch');
    });
    await expect(network.locator('[data-control="optimizer"]')).toBeHidden();
    await expect(network.locator('[data-control="batch-size"] input, [data-control="batch-size"] select').first()).toBeDisabled();
    expect(await page.evaluate(() => document.querySelector('relu-lab[screen="network"]').getState().train.learningRate)).toBe(0.003);

    // theme: the frame turns dark although the system is light.
    const background = () => network.locator('.relu-lab').evaluate((frame) => getComputedStyle(frame).backgroundColor);
    const light = await background();
    await page.evaluate(() => document.querySelector('relu-lab[screen="network"]').setAttribute('theme', 'dark'));
    await expect.poll(background).not.toBe(light);
    expect(await background()).toBe('rgb(19, 20, 23)');

    // screen: the neuron element becomes a function screen.
    await page.evaluate(() => document.querySelector('relu-lab[screen="neuron"]').setAttribute('screen', 'function'));
    await expect(page.locator('relu-lab').nth(2).getByRole('heading', { name: 'Activation functions and their slopes' })).toBeVisible();
    expect(watch.errors).toEqual([]);
  });

  test('function and neuron embeds: hide and lock, state kept across attribute changes, theme by redraw, remember', async ({ page }) => {
    const watch = watchPage(page);
    const warnings = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
      <link rel="icon" href="data:,"><script type="module" src="/relu-lab.js"></script></head>
      <body><main><h1>t</h1>
      <relu-lab screen="function" functions="relu,gelu" probe="2" hide="timing,zoom" lock="functions" remember="fn"></relu-lab>
      <relu-lab screen="neuron" hide="presets,training" lock="weights,step"></relu-lab>
      </main></body></html>`;
    await serveHtml(page, '/settings-test.html', html);
    await page.goto('/settings-test.html');
    await labsReady(page);
    const fn = lab(page, 'function');
    const neuron = lab(page, 'neuron');
    const fnState = () => page.evaluate(() => document.querySelector('relu-lab[screen="function"]').getState());
    const neuronState = () => page.evaluate(() => document.querySelector('relu-lab[screen="neuron"]').getState());

    // hide: gone; lock: disabled with the reason; the rest works.
    await expect(fn.locator('[data-action="measure"]')).toBeHidden();
    await expect(fn.locator('[data-role="zoom"]')).toBeHidden();
    await expect(fn.locator('input[data-role="function"]')).toHaveCount(12);
    for (const box of await fn.locator('input[data-role="function"]').all()) {
      await expect(box).toBeDisabled();
      await expect(box).toHaveAttribute('aria-disabled', 'true');
      await expect(box).toHaveAttribute('title', 'Fixed for this lesson');
    }
    await expect(neuron.locator('[data-action="preset-dead"]')).toBeHidden();
    await expect(neuron.locator('[data-action="play"]')).toBeHidden();
    await expect(neuron.locator('input[data-param="b"]').first()).toBeDisabled();
    await expect(neuron.locator('[data-part="unit"] [data-action="step"]')).toBeDisabled();
    await expect(neuron.locator('[data-role="units"]').first()).toBeEnabled();
    expect(warnings).toEqual([]); // hide="zoom" is the function screen's alias of range

    // getState: the attributes' settings.
    expect(await fnState()).toMatchObject({ functions: ['relu', 'gelu'], probe: 2, range: 5 });
    expect(await neuronState()).toMatchObject({ w1: 1, w2: -0.5, b: 0, units: 6, target: 'sin' });

    // The learner moves the probe: relu-lab-state follows (debounced), and `remember` stores it.
    await page.evaluate(() => {
      window.states = [];
      document.querySelector('relu-lab[screen="function"]').addEventListener('relu-lab-state', (e) => window.states.push(e.detail.state));
    });
    await fn.locator('[data-part="probe"]').focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => window.states.at(-1)?.probe)).toBeCloseTo(1.6, 6);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['relu-lab:/settings-test.html:function:fn']);

    // A setting attribute: taken live, the learner's probe kept.
    const marker = () => fn.locator('canvas').evaluate((canvas) => canvas.dataset.marker ?? null);
    await fn.locator('canvas').evaluate((canvas) => {
      canvas.dataset.marker = 'first mount';
    });
    await page.evaluate(() => document.querySelector('relu-lab[screen="function"]').setAttribute('range', '20'));
    await expect.poll(async () => (await fnState()).range).toBe(20);
    expect((await fnState()).probe).toBeCloseTo(1.6, 6);
    expect(await marker()).toBe('first mount');

    // hide/lock changed: mounted again with the state kept, the new locks applied.
    await page.evaluate(() => document.querySelector('relu-lab[screen="function"]').setAttribute('lock', 'functions,probe'));
    await expect(fn.locator('[data-part="probe"]')).toHaveAttribute('aria-disabled', 'true');
    await expect(fn.locator('[data-action="probe-zero"]')).toBeDisabled();
    await expect(fn.locator('[data-role="zoom"]')).toBeHidden();
    await fn.locator('[data-part="probe"]').focus();
    await page.keyboard.press('End');
    expect(await fnState()).toMatchObject({ functions: ['relu', 'gelu'], range: 20 });
    expect((await fnState()).probe).toBeCloseTo(1.6, 6);
    await page.evaluate(() =>
      document.querySelector('relu-lab[screen="neuron"]').setState({ w1: 0.5, w2: 0.5, b: -8, units: 3 }),
    );
    await page.evaluate(() => document.querySelector('relu-lab[screen="neuron"]').setAttribute('hide', 'presets'));
    await expect(neuron.locator('[data-action="play"]')).toBeVisible();
    expect(await neuronState()).toMatchObject({ w1: 0.5, w2: 0.5, b: -8, units: 3 });
    await expect(neuron.locator('[data-field="status"]')).toHaveAttribute('data-state', 'dead');

    // theme: the canvases are repainted (redraw), not the screen mounted again. (In view: an
    // embed off screen holds its drawing until seen.)
    await fn.locator('canvas').scrollIntoViewIfNeeded();
    await expect.poll(() => page.evaluate(() => document.querySelector('relu-lab[screen="function"]').suspended)).toBe(false);
    await fn.locator('canvas').evaluate((canvas) => {
      canvas.dataset.marker = 'second mount';
    });
    const pixels = () =>
      fn.locator('canvas').evaluate((canvas) => {
        const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let sum = 0;
        for (let i = 0; i < data.length; i += 97) sum += data[i];
        return sum;
      });
    const light = await pixels();
    await page.evaluate(() => document.querySelector('relu-lab[screen="function"]').setAttribute('theme', 'dark'));
    await expect.poll(pixels).not.toBe(light);
    expect(await marker()).toBe('second mount');

    // remember: after a reload the learner's settings come back.
    await page.reload();
    await labsReady(page);
    expect(await fnState()).toMatchObject({ functions: ['relu', 'gelu'], range: 20 });
    expect((await fnState()).probe).toBeCloseTo(1.6, 6);
    expect(watch.errors).toEqual([]);
  });

  test('an instance off screen or in a hidden tab stops drawing, and resumes when seen', async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(COURSE);
    await labsReady(page);
    const network = lab(page, 'network');
    await network.scrollIntoViewIfNeeded();
    await network.locator('[data-action="play"]').click();
    const frames = () => page.evaluate(() => document.querySelector('relu-lab[screen="network"]').frames);
    await expect.poll(frames).toBeGreaterThan(5);
    // Past the start-up grace (js/embed/gated-loop.js), in which every instance draws once.
    await page.waitForTimeout(1100);

    // Scroll to the top: the network element is far below the viewport.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.evaluate(() => document.querySelector('relu-lab[screen="network"]').suspended)).toBe(true);
    const held = await frames();
    const heldStep = await stepOf(network);
    await page.waitForTimeout(600);
    expect(await frames()).toBe(held);
    expect(await stepOf(network)).toBe(heldStep);

    // Back in view: it goes on where it stopped.
    await network.scrollIntoViewIfNeeded();
    await expect.poll(frames).toBeGreaterThan(held + 5);
    expect(await stepOf(network)).toBeGreaterThan(heldStep);

    // A hidden tab holds it too.
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('relu-lab[screen="network"]').suspended)).toBe(true);
    const hidden = await frames();
    await page.waitForTimeout(400);
    expect(await frames()).toBe(hidden);
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(frames).toBeGreaterThan(hidden);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('works under a strict Content-Security-Policy header', async ({ page }) => {
    for (const csp of [STRICT_CSP, STRICTEST_CSP]) {
      const watch = watchPage(page);
      const violations = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
      });
      await page.unrouteAll();
      await page.route(`${ORIGIN}${COURSE}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      });
      await page.goto(COURSE);
      await labsReady(page);
      const network = lab(page, 'network');
      await network.locator('[data-action="play"]').click();
      await expect.poll(() => stepOf(network)).toBeGreaterThan(10);
      await expect(lab(page, 'neuron').locator('canvas').first()).toBeVisible();
      expect(violations, csp).toEqual([]);
      expect(watch.errors, csp).toEqual([]);
      page.removeAllListeners('console');
    }
  });

  test('remember: settings kept in localStorage only when asked, and a bad entry is harmless', async ({ page }) => {
    const watch = watchPage(page);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
      <link rel="icon" href="data:,"><script type="module" src="/relu-lab.js"></script></head>
      <body><main><h1>t</h1><relu-lab screen="network" remember="lesson" autoplay="false"></relu-lab></main></body></html>`;
    await serveHtml(page, '/remember-test.html', html);
    await page.goto('/remember-test.html');
    await labsReady(page);
    await page.evaluate(() => document.querySelector('relu-lab').setState({ train: { learningRate: 0.001 } }));
    // The settings, and (since remember is set) that the first-timer guide was seen.
    expect((await page.evaluate(() => Object.keys(localStorage))).sort()).toEqual([
      'relu-lab:/remember-test.html:network:lesson',
      'relu-lab:/remember-test.html:network:lesson:guide-seen',
    ]);
    await page.reload();
    await labsReady(page);
    expect(await page.evaluate(() => document.querySelector('relu-lab').getState().train.learningRate)).toBe(0.001);
    // A damaged entry (written from another page, so that leaving this one does not overwrite
    // it): the defaults, and no error.
    await serveHtml(page, '/blank-test.html', '<!doctype html><title>blank</title>');
    await page.goto('/blank-test.html');
    await page.evaluate(() => localStorage.setItem('relu-lab:/remember-test.html:network:lesson', '{"data":1}'));
    await page.goto('/remember-test.html');
    await labsReady(page);
    expect(await page.evaluate(() => document.querySelector('relu-lab').getState().train.learningRate)).toBe(0.03);
    expect(watch.errors).toEqual([]);
  });

  test('reduced motion: an embedded network does not start by itself', async ({ page }) => {
    const html = (attributes) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
      <link rel="icon" href="data:,"><script type="module" src="/relu-lab.js"></script></head>
      <body><main><h1>t</h1><relu-lab screen="network" ${attributes}></relu-lab></main></body></html>`;
    await serveHtml(page, '/motion-test.html', html(''));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/motion-test.html');
    await labsReady(page);
    await page.waitForTimeout(700);
    expect(await stepOf(lab(page, 'network'))).toBe(0);
    // Without the preference the screen's own default (autoplay) applies.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.reload();
    await labsReady(page);
    await expect.poll(() => stepOf(lab(page, 'network'))).toBeGreaterThan(0);
  });

  test('keyboard: every embed is reached in order, none traps focus, focus is visible', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(COURSE);
    await labsReady(page);
    await page.locator('.course-header a[href="#lesson"]').focus();
    const visited = [];
    const invisible = [];
    for (let i = 0; i < 300; i += 1) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        let element = document.activeElement;
        const host = element?.closest('relu-lab');
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const label = `${element.tagName.toLowerCase()}${element.dataset.action ? `[${element.dataset.action}]` : ''}${element.id ? `#${element.id}` : ''}`;
        return { lab: host ? host.getAttribute('screen') : null, visible, label, footer: !!element.closest('footer') };
      });
      if (!where) break;
      if (where.lab && visited[visited.length - 1] !== where.lab) visited.push(where.lab);
      if (where.lab && !where.visible) invisible.push(`${where.lab}: ${where.label}`);
      if (where.footer) break;
    }
    expect(visited).toEqual(['function', 'network', 'neuron']);
    // The last embed let focus go on to the page's footer.
    expect(await page.evaluate(() => !!document.activeElement.closest('footer'))).toBe(true);
    expect(invisible).toEqual([]);
  });

  test('targets are at least 24 px (axe target-size) and there is no axe violation', async ({ page }) => {
    const watch = watchPage(page);
    await page.goto(COURSE);
    await labsReady(page);
    await page.waitForTimeout(500);
    await expectNoAxeViolations(page);
    const small = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const result = await axe.run(document, { runOnly: ['target-size'] });
      return result.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
    });
    expect(small).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  // The layout at each width, with screenshots, is in layout.spec.mjs.
  test('no axe violation in dark mode either, each instance drawn', async ({ page }) => {
    const watch = watchPage(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(COURSE);
    await labsReady(page);
    for (const screen of ['function', 'network', 'neuron']) {
      await lab(page, screen).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
    }
    await expectNoAxeViolations(page);
    expect(watch.errors).toEqual([]);
  });
});

// ---- the iframe page --------------------------------------------------------------------------

test.describe('embed.html in an iframe', () => {
  test('posts ready and resize, obeys set-state, play and pause (example host page)', async ({ page }) => {
    const watch = watchPage(page);
    await recordMessages(page);
    await page.goto('/examples/iframe.html');
    await expect.poll(async () => (await received(page, 'ready')).length).toBe(1);
    const ready = (await received(page, 'ready'))[0];
    expect(ready).toMatchObject({ source: 'relu-lab', version: 1, type: 'ready', screen: 'network' });
    await expect.poll(async () => (await received(page, 'resize')).length).toBeGreaterThan(0);
    // The host sized the frame to the content: no inner scrolling.
    const frameElement = page.locator('iframe.lab-frame');
    const frame = page.frameLocator('iframe.lab-frame');
    await expect
      .poll(async () => {
        const resizes = await received(page, 'resize');
        const last = resizes[resizes.length - 1].height;
        const box = await frameElement.boundingBox();
        return Math.abs(box.height - last);
      })
      .toBeLessThan(2);
    const inner = await frame.locator('body').evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
    expect(inner[0]).toBeLessThanOrEqual(inner[1] + 1);

    // set-state from the host's button.
    await page.getByRole('button', { name: 'Learning rate 0.03' }).click();
    await expect.poll(async () => (await received(page, 'state')).at(-1)?.state.train.learningRate).toBe(0.03);
    const embedded = frame.locator('relu-lab');
    await expect(embedded.locator('input[type="number"][data-setting="train.learningRate"]')).toHaveValue('0.03');

    // play, then pause: the step count stops.
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => stepOf(embedded)).toBeGreaterThan(20);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.waitForTimeout(200);
    const paused = await stepOf(embedded);
    await page.waitForTimeout(500);
    expect(await stepOf(embedded)).toBe(paused);

    // set-theme: the frame's content turns dark.
    await page.getByLabel('Theme').selectOption('dark');
    await expect
      .poll(() => embedded.locator('.relu-lab').evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe('rgb(19, 20, 23)');

    await expectNoAxeViolations(page);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('ignores messages of another shape, from another window, or from an origin not allowed', async ({ page }) => {
    const watch = watchPage(page);
    await recordMessages(page);
    const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
      <body><main><h1>host</h1>
      <iframe id="open" title="open" src="/embed.html?screen=network&amp;autoplay=false" width="900" height="600"></iframe>
      <iframe id="restricted" title="restricted" src="/embed.html?screen=network&amp;autoplay=false&amp;origin=https://lms.example" width="900" height="600"></iframe>
      </main></body></html>`;
    await serveHtml(page, '/host-test.html', host);
    await page.goto('/host-test.html');
    // Only the open frame posts here: the restricted one posts to https://lms.example only.
    await expect.poll(async () => (await received(page, 'ready')).length).toBe(1);
    await page.waitForTimeout(500);
    expect((await received(page, 'ready')).length).toBe(1);

    const lr = (id) => page.frameLocator(`#${id}`).locator('relu-lab').evaluate((el) => el.getState()?.train.learningRate);
    await expect.poll(() => lr('open')).toBe(0.03);
    await expect.poll(() => lr('restricted')).toBe(0.03);
    await page.evaluate(() => {
      const set = { source: 'relu-lab', version: 1, type: 'set-state', state: { train: { learningRate: 0.5 } } };
      const open = document.getElementById('open').contentWindow;
      open.postMessage({ ...set, version: 2 }, '*'); // wrong version
      open.postMessage({ ...set, source: 'other' }, '*'); // wrong source
      open.postMessage(JSON.stringify(set), '*'); // not an object
      open.postMessage({ ...set, state: 'everything' }, '*'); // malformed payload
      document.getElementById('restricted').contentWindow.postMessage(set, '*'); // origin not allowed
    });
    await page.waitForTimeout(400);
    expect(await lr('open')).toBe(0.03);
    expect(await lr('restricted')).toBe(0.03);
    // From another window of the page (a sibling frame), even well formed, it is ignored too.
    await page.frame({ url: /origin=https/ }).evaluate(() => {
      window.parent.frames[0].postMessage({ source: 'relu-lab', version: 1, type: 'set-state', state: { train: { learningRate: 0.5 } } }, '*');
    });
    await page.waitForTimeout(300);
    expect(await lr('open')).toBe(0.03);
    // The parent, well formed: obeyed.
    await page.evaluate(() => {
      document.getElementById('open').contentWindow.postMessage({ source: 'relu-lab', version: 1, type: 'set-state', state: { train: { learningRate: 0.5 } } }, '*');
    });
    await expect.poll(() => lr('open')).toBe(0.5);
    expect(watch.errors).toEqual([]);
  });

  test('function and neuron iframes: hide and lock from the query, set-state and get-state', async ({ page }) => {
    const watch = watchPage(page);
    await recordMessages(page);
    const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
      <body><main><h1>host</h1>
      <iframe id="neuron" title="neuron" src="/embed.html?screen=neuron&amp;hide=presets&amp;lock=weights" width="1000" height="700"></iframe>
      <iframe id="function" title="function" src="/embed.html?screen=function&amp;hide=timing&amp;lock=probe" width="1000" height="700"></iframe>
      </main></body></html>`;
    await serveHtml(page, '/settings-host.html', host);
    await page.goto('/settings-host.html');
    await expect.poll(async () => (await received(page, 'ready')).map((m) => m.screen).sort()).toEqual(['function', 'neuron']);
    // With ready, each posts its state (function and neuron screens have one now).
    const states = async (field) => (await received(page, 'state')).map((m) => m.state).filter((state) => field in state);
    await expect.poll(async () => (await states('w1')).length).toBe(1);
    await expect.poll(async () => (await states('functions')).length).toBe(1);
    expect((await states('w1'))[0]).toMatchObject({ w1: 1, w2: -0.5, b: 0, target: 'sin', units: 6 });

    const neuron = page.frameLocator('#neuron').locator('relu-lab');
    const fn = page.frameLocator('#function').locator('relu-lab');
    await expect(neuron.locator('[data-action="preset-dead"]')).toBeHidden();
    await expect(neuron.locator('input[data-param="w1"]').first()).toBeDisabled();
    await expect(fn.locator('[data-action="measure"]')).toBeHidden();
    await expect(fn.locator('[data-part="probe"]')).toHaveAttribute('aria-disabled', 'true');

    const post = (id, message) =>
      page.evaluate(
        ({ id, message }) => document.getElementById(id).contentWindow.postMessage({ source: 'relu-lab', version: 1, ...message }, '*'),
        { id, message },
      );
    // set-state: the view changes (locked controls show the values), and the state is posted.
    await post('neuron', { type: 'set-state', state: { w1: 0.5, w2: 0.5, b: -8, target: 'abs' } });
    await expect(neuron.locator('[data-field="status"]')).toHaveAttribute('data-state', 'dead');
    await expect(neuron.locator('input[type="number"][data-param="b"]')).toHaveValue('-8');
    await expect.poll(async () => (await states('w1')).at(-1)?.b).toBe(-8);
    expect((await states('w1')).at(-1).target).toBe('abs');
    await post('function', { type: 'set-state', state: { functions: ['relu', 'elu'], range: 50, probe: -20 } });
    await expect(fn.locator('[data-part="probe"]')).toHaveAttribute('aria-valuenow', '-20');
    await expect(fn.locator('[data-part="readout-rows"] tr[data-name]')).toHaveCount(2);
    await expect.poll(async () => (await states('functions')).at(-1)?.range).toBe(50);

    // get-state: answered with the current state.
    const before = (await states('functions')).length;
    await post('function', { type: 'get-state' });
    await expect.poll(async () => (await states('functions')).length).toBe(before + 1);
    expect((await states('functions')).at(-1)).toMatchObject({ functions: ['relu', 'elu'], range: 50, probe: -20 });

    // Every set-state is answered with what it did not take, and why (with the request's id).
    const answers = async () => (await received(page, 'set-state')).map(({ ignored, id }) => ({ ignored, id }));
    await expect.poll(async () => (await answers()).length).toBe(2);
    expect((await answers()).map((answer) => answer.ignored)).toEqual([[], []]);
    await post('neuron', { type: 'set-state', id: 'q3', state: { units: 'many', colour: 'red' } });
    await expect.poll(async () => (await answers()).at(-1)).toEqual({
      id: 'q3',
      ignored: [
        { key: 'colour', reason: 'unknown key' },
        { key: 'units', reason: 'invalid value' },
      ],
    });
    // … and, for hosts that only listen for errors, an error message names them.
    await expect.poll(async () => (await received(page, 'error')).at(-1)?.message).toBe('set-state: ignored colour (unknown key), units (invalid value)');
    await post('function', { type: 'set-state', state: { functions: ['relu', 'nope'], probe: 'far' } });
    await expect.poll(async () => (await answers()).at(-1)?.ignored).toEqual([
      { key: 'functions', reason: 'invalid value: nope' },
      { key: 'probe', reason: 'invalid value' },
    ]);
    // play and pause reach the neuron screen's sum of hinges.
    await post('neuron', { type: 'play' });
    await expect.poll(() => stepOf(neuron.locator('[data-part="hinges"]'))).toBeGreaterThan(0);
    await post('neuron', { type: 'pause' });
    await expect(neuron.locator('[data-action="play"]')).toContainText('Play');
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('embed.html alone passes axe for every screen, with a title', async ({ page }) => {
    for (const screen of ['function', 'neuron', 'network']) {
      const watch = watchPage(page);
      await page.goto(`/embed.html?screen=${screen}&autoplay=false`);
      await labsReady(page);
      await expect(page).toHaveTitle(/ReLU Lab: /);
      await expectNoAxeViolations(page);
      expect(watch.errors, screen).toEqual([]);
    }
  });

  test('sandboxed (allow-scripts only): www/ on a host that sends CORS headers', async ({ page }) => {
    const watch = watchPage(page);
    await recordMessages(page);
    await addHeadersToAll(page, { 'access-control-allow-origin': '*' });
    const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
      <body><main><h1>host</h1><iframe sandbox="allow-scripts" title="lab" src="/embed.html?screen=network&amp;autoplay=false&amp;remember" width="1000" height="700"></iframe></main></body></html>`;
    await serveHtml(page, '/sandbox-test.html', host);
    await page.goto('/sandbox-test.html');
    await expect.poll(async () => (await received(page, 'ready')).length).toBe(1);
    await expect.poll(async () => (await received(page, 'resize')).length).toBeGreaterThan(0);
    // An opaque origin: storage throws there, and `remember` must not break anything.
    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    expect(await frame.evaluate(() => self.origin)).toBe('null');
    await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ source: 'relu-lab', version: 1, type: 'play' }, '*'));
    await expect.poll(() => stepOf(page.frameLocator('iframe').locator('relu-lab'))).toBeGreaterThan(10);
    expect(watch.errors).toEqual([]);
  });

  test('sandboxed: www/ on a host without CORS headers explains what is wrong', async ({ page }) => {
    const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
      <body><main><h1>host</h1><iframe sandbox="allow-scripts" title="lab" src="/embed.html?screen=function" width="900" height="400"></iframe></main></body></html>`;
    await serveHtml(page, '/sandbox-test.html', host);
    await page.goto('/sandbox-test.html');
    await expect(page.frameLocator('iframe').getByRole('alert')).toContainText('Access-Control-Allow-Origin');
  });

  test('sandboxed: dist/embed.html works on a host without CORS headers, under a strict CSP', async ({ page }) => {
    ensureDist();
    const watch = watchPage(page);
    await recordMessages(page);
    await serveDist(page);
    const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
      <body><main><h1>host</h1><iframe sandbox="allow-scripts" title="lab" src="/dist/embed.html?screen=network&amp;autoplay=false" width="1000" height="700"></iframe></main></body></html>`;
    await serveHtml(page, '/sandbox-test.html', host, { 'content-security-policy': STRICT_CSP });
    // dist/embed.html itself served with the strictest policy.
    await page.route(`${ORIGIN}/dist/embed.html*`, (route) =>
      route.fulfill({ path: join(root, 'dist', 'embed.html'), headers: { 'content-security-policy': STRICTEST_CSP } }),
    );
    await page.goto('/sandbox-test.html');
    await expect.poll(async () => (await received(page, 'ready')).length).toBe(1);
    await page.evaluate(() =>
      document.querySelector('iframe').contentWindow.postMessage({ source: 'relu-lab', version: 1, type: 'set-state', state: { train: { learningRate: 0.1 } } }, '*'),
    );
    await expect.poll(async () => (await received(page, 'state')).at(-1)?.state.train.learningRate).toBe(0.1);
    await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ source: 'relu-lab', version: 1, type: 'play' }, '*'));
    const embedded = page.frameLocator('iframe').locator('relu-lab');
    await expect.poll(() => stepOf(embedded)).toBeGreaterThan(10);
    await page.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ source: 'relu-lab', version: 1, type: 'pause' }, '*'));
    await page.waitForTimeout(200);
    const paused = await stepOf(embedded);
    await page.waitForTimeout(400);
    expect(await stepOf(embedded)).toBe(paused);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});

// ---- the single file --------------------------------------------------------------------------

test.describe('dist/relu-lab.html, one file', () => {
  test.beforeAll(() => ensureDist());

  test('works opened from disk (file://) with no server, every screen', async ({ page }) => {
    const errors = [];
    const requests = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(join(root, 'dist', 'relu-lab.html')).href;
    await page.goto(url);
    await labsReady(page);
    await expect(page.locator('relu-lab').getByRole('heading', { name: 'Activation functions and their slopes' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'One neuron' }).click();
    await expect(page.locator('relu-lab').getByRole('heading', { name: /One ReLU unit/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Network playground' }).click();
    await expect(page.locator('relu-lab[screen="network"] [data-action="play"]')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Network playground' })).toHaveAttribute('aria-pressed', 'true');
    const network = page.locator('relu-lab');
    await expect.poll(() => stepOf(network)).toBeGreaterThan(0); // autoplays, as network.html does
    await expectNoAxeViolations(page);

    await page.getByLabel('Theme').selectOption('contrast');
    await expect.poll(() => network.locator('.relu-lab').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 255, 255)');

    // Only the file itself (and data: URLs, which the axe injection does not make) was loaded.
    const others = requests.filter((r) => r !== url && !r.startsWith('data:') && !r.startsWith(`${url}#`));
    expect(others).toEqual([]);
    expect(errors).toEqual([]);
    // The file really holds everything: no reference to a sibling file.
    const html = readFileSync(join(root, 'dist', 'relu-lab.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"/);
  });
});

// ---- issue 14: the host's scheme and type, set-state answers, milestones ---------------------

test.describe('following the host page; answers and milestones a course can use', () => {
  /** A page at the test server's origin with `body` (the element's script loaded). */
  const hostPage = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
    <link rel="icon" href="data:,">${head}<script type="module" src="/relu-lab.js"></script></head>
    <body><main><h1>host</h1>${body}</main></body></html>`;
  const frameStyle = (locator) =>
    locator.evaluate((element) => {
      const style = getComputedStyle(element.shadowRoot.querySelector('.relu-lab'));
      return { background: style.backgroundColor, theme: element.shadowRoot.querySelector('.relu-lab').dataset.theme, font: style.fontSize };
    });

  test('theme="auto" follows the host page\'s own dark switch (color-scheme on html or body)', async ({ page }) => {
    const watch = watchPage(page);
    await page.emulateMedia({ colorScheme: 'light' });
    // The host's switch as MkDocs Material writes it: an attribute on body whose rule sets color-scheme.
    const style = '<link rel="stylesheet" href="/host-scheme.css">';
    await page.route(`${ORIGIN}/host-scheme.css`, (route) =>
      route.fulfill({ contentType: 'text/css', body: '[data-md-color-scheme="slate"] { color-scheme: dark; } .light-site { color-scheme: light; }' }),
    );
    await serveHtml(page, '/host-scheme.html', hostPage('<relu-lab screen="function"></relu-lab><relu-lab screen="neuron" theme="light"></relu-lab>', style));
    await page.goto('/host-scheme.html');
    await labsReady(page);
    const auto = page.locator('relu-lab[screen="function"]');
    const light = await frameStyle(auto);
    expect(light.theme).toBe('auto');
    await page.evaluate(() => document.body.setAttribute('data-md-color-scheme', 'slate'));
    await expect.poll(async () => (await frameStyle(auto)).theme).toBe('dark');
    const dark = await frameStyle(auto);
    expect(dark.background).not.toBe(light.background);
    // An explicit theme is kept whatever the host does.
    expect((await frameStyle(page.locator('relu-lab[screen="neuron"]'))).theme).toBe('light');
    // The host declaring light wins over the reader's dark system; declaring nothing follows it.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => {
      document.body.removeAttribute('data-md-color-scheme');
      document.documentElement.className = 'light-site';
    });
    await expect.poll(async () => (await frameStyle(auto)).theme).toBe('light');
    expect((await frameStyle(auto)).background).toBe(light.background);
    await page.evaluate(() => document.documentElement.removeAttribute('class'));
    await expect.poll(async () => (await frameStyle(auto)).theme).toBe('auto');
    expect((await frameStyle(auto)).background).toBe(dark.background); // the system's dark
    expect(watch.errors).toEqual([]);
  });

  test('the embed\'s text follows the font size it sits in, not the host\'s root size', async ({ page }) => {
    // MkDocs Material's shape: html at 125% (20 px), the article's text at 0.8rem (16 px).
    await serveHtml(
      page,
      '/host-type.html',
      hostPage('<article style="font-size: 0.8rem"><relu-lab screen="function"></relu-lab></article><div style="font-size: 24px"><relu-lab screen="neuron"></relu-lab></div>')
        .replace('<html lang="en">', '<html lang="en" style="font-size: 125%">'),
    );
    await page.goto('/host-type.html');
    await labsReady(page);
    const sizes = (screen) =>
      page.locator(`relu-lab[screen="${screen}"]`).evaluate((element) => {
        const root = element.shadowRoot;
        const px = (node) => Number.parseFloat(getComputedStyle(node).fontSize);
        return { frame: px(root.querySelector('.relu-lab')), heading: px(root.querySelector('h2, h1')), padding: Number.parseFloat(getComputedStyle(root.querySelector('.relu-lab')).paddingTop) };
      });
    const article = await sizes('function');
    const big = await sizes('neuron');
    expect(article.frame).toBe(16);
    expect(big.frame).toBe(24);
    // Headings and spacing scale with it (they were rem lengths).
    expect(article.heading).toBeGreaterThan(16);
    expect(big.heading / big.frame).toBeCloseTo(article.heading / article.frame, 2);
    expect(big.padding / article.padding).toBeCloseTo(1.5, 2);
  });

  test('setState answers with the keys it ignored and why', async ({ page }) => {
    await serveHtml(page, '/set-state.html', hostPage('<relu-lab screen="network" autoplay="false"></relu-lab><relu-lab screen="neuron"></relu-lab>'));
    await page.goto('/set-state.html');
    await labsReady(page);
    const answers = await page.evaluate(() => {
      const [network, neuron] = document.querySelectorAll('relu-lab');
      return [
        network.setState({ train: { learningRate: 0.1 } }),
        network.setState({ train: { learningRate: 'fast', momentum: 0.9 }, colour: 'red' }),
        network.setState(null),
        neuron.setState({ w1: 0.5, units: 'many', extra: 1 }),
      ];
    });
    expect(answers).toEqual([
      [],
      [
        { key: 'train.momentum', reason: 'unknown key' },
        { key: 'colour', reason: 'unknown key' },
        { key: 'train.learningRate', reason: 'invalid value' },
      ],
      [{ key: '', reason: 'not an object' }],
      [
        { key: 'extra', reason: 'unknown key' },
        { key: 'units', reason: 'invalid value' },
      ],
    ]);
    expect(await page.evaluate(() => document.querySelector('relu-lab').getState().train.learningRate)).toBe(0.1);
  });

  /** Run the "born-dead" experiment's quick setting in `lab` (the element, or the iframe's). */
  const runBornDead = async (lab) => {
    const root = lab.locator('.exp-card[data-experiment="born-dead"]');
    await root.getByRole('button', { name: 'Quick setting' }).click();
    await root.getByRole('button', { name: 'Run' }).click();
    await expect(root.locator('[data-field="sentence"]')).toContainText('measured in', { timeout: 60_000 });
  };

  // Each case: the element and the iframe side by side (both in view: an embed off screen is
  // held), what sets them going, the milestones' names, and what their figures must say.
  const MILESTONE_CASES = [
    {
      what: "a preset's effect and a target accuracy",
      // Short frames that scroll inside, so both are in view.
      body: `<relu-lab screen="network" preset="healthy" speed="100" goal-accuracy="80%" autoplay height="300"></relu-lab>
        <iframe title="lab" src="/embed.html?screen=network&amp;preset=healthy&amp;speed=100&amp;goal-accuracy=0.8&amp;autoplay&amp;height=280" width="900" height="300"></iframe>`,
      names: ['accuracy', 'preset-effect'],
      timeout: 60_000,
      start: async () => {}, // both play by themselves
      async checkElement(page, [accuracy, effect]) {
        expect(accuracy.figures.goal).toBe(0.8);
        expect(accuracy.figures.testAccuracy).toBeGreaterThanOrEqual(0.8);
        expect(effect.figures).toMatchObject({ preset: 'healthy', step: 2000, unitCount: 24 });
        // The step the figures name is the one the screen shows when it pauses there.
        const network = page.locator('relu-lab[screen="network"]');
        await expect.poll(() => stepOf(network)).toBe(2000);
        await expect(network.locator('[data-action="play"]')).toContainText('Play');
      },
      // Same seeds, same run: the same figures.
      checkIframe: (posted, [, effect]) => expect(posted[1].figures).toEqual(effect.figures),
    },
    {
      what: 'an experiment finished, with its verdict',
      body: `<relu-lab screen="experiments" experiment="born-dead"></relu-lab>
        <iframe title="lab" src="/embed.html?screen=experiments&amp;experiment=born-dead" width="900" height="700"></iframe>`,
      names: ['experiment-done'],
      timeout: 30_000,
      start: runBornDead,
      async checkElement(page, [done]) {
        const card = page.locator('relu-lab[screen="experiments"] .exp-card[data-experiment="born-dead"]');
        expect(done.figures.experiment).toBe('born-dead');
        expect(['true', 'partly', 'shown', 'false']).toContain(done.figures.verdict);
        await expect(card.locator('[data-field="verdict"]')).toContainText(done.figures.verdict);
        expect(done.figures.sentence.length).toBeGreaterThan(0);
        await expect(card.locator('[data-field="sentence"]')).toContainText(done.figures.sentence.slice(0, 40));
        expect(done.figures.elapsed).toBeGreaterThan(0);
      },
      checkIframe: (posted, [done]) => expect(posted[0].figures).toMatchObject({ experiment: 'born-dead', verdict: done.figures.verdict }),
    },
  ];

  for (const scenario of MILESTONE_CASES) {
    test(`milestones: ${scenario.what}, on the element and through the iframe`, async ({ page }) => {
      test.setTimeout(120_000);
      const watch = watchPage(page);
      await recordMessages(page);
      await page.addInitScript(() => {
        window.milestones = [];
        document.addEventListener('relu-lab-milestone', (event) => window.milestones.push(event.detail), true);
      });
      await serveHtml(page, '/milestones.html', hostPage(scenario.body));
      await page.goto('/milestones.html');
      await labsReady(page);
      await scenario.start(page.locator('relu-lab'));
      await expect.poll(() => page.evaluate(() => window.milestones.map((m) => m.name)), { timeout: scenario.timeout }).toEqual(scenario.names);
      const milestones = await page.evaluate(() => window.milestones);
      await scenario.checkElement(page, milestones);
      // The iframe posts the same milestones as messages.
      await scenario.start(page.frameLocator('iframe').locator('relu-lab'));
      await expect.poll(async () => (await received(page, 'milestone')).map((m) => m.name), { timeout: scenario.timeout }).toEqual(scenario.names);
      scenario.checkIframe(await received(page, 'milestone'), milestones);
      expect(watch.errors).toEqual([]);
    });
  }
});

// The compact layout (small frames) is tested in compact.spec.mjs.
