// End-to-end tests of the Function screen: the probe reads f and f' from the core (pointer and
// keyboard), the ReLU'(0) convention, zooming to ±1000 (ReLU never flattens on the right), the
// formulas, the timing, two instances on one page, controls hidden and locked by a teacher,
// getState/setState/onStateChange, axe-core, what the screen says about ReLU'(0), links that
// round-trip (and malformed ones), and touch targets and text on a phone (layout at each
// width: layout.spec.mjs).
import { test, expect } from '@playwright/test';
import {
  copyLink,
  expectLinkNotice,
  expectNoAxeViolations,
  expectPhoneSized,
  mountSecond,
  reopen,
  roundTripSecond,
  screenshotTests,
  tabStops,
  watchPage,
  SOURCE,
} from './support.mjs';

const screen = '[data-screen="function"]';
const SCREEN_MODULE = '/js/screens/function/screen.js';
const probe = (page) => page.locator(`${screen} [data-part="probe"]`);

/** Open the page (with an optional query string) and wait until the readout is filled. */
async function open(page, query = '') {
  await page.goto(`/function.html${query}`);
  await expect(probe(page)).toHaveAttribute('aria-valuetext', /^x = /);
}

/** The readout as { name: { value, slope } } from the cells' exact data-value attributes. */
async function readout(page) {
  return page.locator(`${screen} [data-part="readout-rows"] tr[data-name]`).evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.dataset.name,
        { value: Number(r.cells[1].dataset.value), slope: Number(r.cells[2].dataset.value) },
      ]),
    ),
  );
}

/** f and f' at x for each name, straight from the core, in the page. */
async function fromCore(page, names, x, options = {}) {
  return page.evaluate(
    async ({ names, x, options }) => {
      const core = await import('/pkg/relu_lab.js');
      return Object.fromEntries(
        names.map((name) => [
          name,
          { value: core.activationValue(name, x, options), slope: core.activationDerivative(name, x, options) },
        ]),
      );
    },
    { names, x, options },
  );
}

/** What the controls show: the functions ticked, zoom, probe, parameter fields, convention. */
function shownState(page) {
  return page.locator(screen).evaluate((root) => ({
    functions: [...root.querySelectorAll('input[data-role="function"]:checked')].map((input) => input.value),
    zoom: root.querySelector('[data-role="zoom"]').value,
    probe: root.querySelector('[data-part="probe"]').getAttribute('aria-valuenow'),
    parameters: [...root.querySelectorAll('input[type="number"][data-param]')].map((input) => `${input.dataset.param}=${input.value}`),
    convention: root.querySelector('input[data-role="convention"]:checked')?.value,
  }));
}

const SEVERAL = ['relu', 'leaky-relu', 'elu', 'gelu', 'silu', 'softplus', 'sigmoid', 'tanh'];

test.describe('function screen', () => {
  test('loads with no console errors, no foreign request, and the core\u2019s values', async ({ page }) => {
    const watch = watchPage(page);
    await open(page);
    await expect(page).toHaveTitle(/Activation functions/);
    await expect(page.locator('main')).toHaveCount(1);
    // Default: ReLU, sigmoid and tanh, probe at x = 1.
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '1');
    const values = await readout(page);
    expect(Object.keys(values)).toEqual(['relu', 'sigmoid', 'tanh']);
    expect(values.relu).toEqual({ value: 1, slope: 1 });
    expect(values.sigmoid.value).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
    expect(values.sigmoid.slope).toBeCloseTo(0.19661193, 6);
    expect(values.tanh.value).toBeCloseTo(Math.tanh(1), 6);
    expect(values.tanh.slope).toBeCloseTo(1 - Math.tanh(1) ** 2, 6);
    // Formulas as native MathML: a function and a derivative per plotted function.
    await expect(page.locator(`${screen} .fn-formula math`)).toHaveCount(6);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('the probe reports the core\u2019s f and f\u2032 for several functions', SOURCE, async ({ page }) => {
    await open(page, `?functions=${SEVERAL.join(',')}&probe=-1.5&slope=0.1&eluAlpha=2`);
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '-1.5');
    const shown = await readout(page);
    expect(Object.keys(shown)).toEqual(SEVERAL);
    const options = { slope: 0.1, eluAlpha: 2, preluSlope: 0.25, reluAtZero: 0 };
    expect(shown).toEqual(await fromCore(page, SEVERAL, -1.5, options));
    // Spot checks against the formulas.
    expect(shown.relu).toEqual({ value: 0, slope: 0 });
    expect(shown['leaky-relu'].value).toBeCloseTo(-0.15, 6);
    expect(shown['leaky-relu'].slope).toBeCloseTo(0.1, 6);
    expect(shown.elu.value).toBeCloseTo(2 * (Math.exp(-1.5) - 1), 5);
    expect(shown.elu.slope).toBeCloseTo(2 * Math.exp(-1.5), 5);
    expect(shown.softplus.slope).toBeCloseTo(1 / (1 + Math.exp(1.5)), 6);
    // The spoken value names every function with its value and slope.
    const text = await probe(page).getAttribute('aria-valuetext');
    expect(text).toMatch(/^x = −1\.5: ReLU 0, slope 0; leaky ReLU −0\.15, slope 0\.1; /);
  });

  test('arrow keys, Shift, Home and End move the probe; values follow', SOURCE, async ({ page }) => {
    await open(page, '?functions=relu,sigmoid,gelu');
    await probe(page).focus();
    // Visible focus on the probe.
    expect(await probe(page).evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    // At ±5 an arrow moves 0.1 and Shift+arrow 1.
    await page.keyboard.press('ArrowRight');
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '1.1');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '2.1');
    await page.keyboard.press('ArrowLeft');
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '2');
    expect(await readout(page)).toEqual(await fromCore(page, ['relu', 'sigmoid', 'gelu'], 2));
    await expect(probe(page)).toHaveAttribute('aria-valuetext', /^x = 2: ReLU 2, slope 1; GELU 1\.954, slope 1\.085; sigmoid 0\.8808, slope 0\.105$/);
    await page.keyboard.press('Home');
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '-5');
    expect(await readout(page)).toEqual(await fromCore(page, ['relu', 'sigmoid', 'gelu'], -5));
    await page.keyboard.press('End');
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '5');
    await page.keyboard.press('ArrowRight'); // stays at the end
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '5');
    await expect(page.locator(`${screen} [data-field="probe-x"]`)).toHaveText('x = 5');
  });

  test('dragging on the plot moves the probe', SOURCE, async ({ page }) => {
    await open(page);
    const canvas = page.locator(`${screen} canvas`);
    const box = await canvas.boundingBox();
    // The plot spans x from −5 to 5 between the canvas's side margins (66 px and 14 px).
    const left = box.x + 66;
    const right = box.x + box.width - 14;
    const y = box.y + 120;
    await page.mouse.move(left + 0.25 * (right - left), y);
    await page.mouse.down();
    await page.mouse.move(left + 0.5 * (right - left), y, { steps: 5 });
    await page.mouse.up();
    const x = Number(await probe(page).getAttribute('aria-valuenow'));
    expect(Math.abs(x)).toBeLessThanOrEqual(0.1); // the middle, snapped to the 0.1 grid
    expect(await readout(page)).toEqual(await fromCore(page, ['relu', 'sigmoid', 'tanh'], x));
    await expect(probe(page)).toBeFocused();
  });

  test('ReLU at 0: one-sided slopes 0 and 1, and the chosen convention', async ({ page }) => {
    await open(page);
    const field = (name) => page.locator(`${screen} [data-field="${name}"]`);
    await expect(field('left-slope')).toHaveText('0');
    await expect(field('right-slope')).toHaveText('1');
    await expect(field('zero-slope')).toHaveText('0');
    await page.locator(`${screen} [data-action="probe-zero"]`).click();
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '0');
    await expect(probe(page)).toBeFocused();
    expect((await readout(page)).relu).toEqual({ value: 0, slope: 0 });
    await page.getByLabel('½ (the mean of the two sides)').check();
    await expect(field('zero-slope')).toHaveText('0.5');
    expect((await readout(page)).relu).toEqual({ value: 0, slope: 0.5 });
    await page.getByLabel('1 (the right-hand slope)').check();
    expect((await readout(page)).relu).toEqual({ value: 0, slope: 1 });
    await expect(page.locator(`${screen} .fn-zero__text`)).toContainText('PyTorch, TensorFlow and JAX');
    await expect(page.locator(`${screen} .fn-zero__text`)).toContainText('Bertoin et al.');
  });

  test('ReLU\u2032(0): the frameworks used 0 before Bertoin et al. measured the choice', async ({ page }) => {
    await open(page);
    const text = page.locator(`${screen} .fn-zero__text`);
    // The old heading suggested the paper was the reason for the frameworks' choice.
    await expect(text).not.toContainText('Why frameworks pick 0');
    await expect(text).toContainText('What the frameworks use.');
    await expect(text).toContainText('PyTorch, TensorFlow and JAX all use ReLU\u2032(0) = 0, and did so long before anyone measured the choice.');
    await expect(text).toContainText('Their study explains why the choice can matter; it is not why the frameworks chose 0.');
  });

  test('zoomed out to ±1000, ReLU keeps slope 1 while sigmoid and tanh flatten', async ({ page }) => {
    await open(page);
    const zoom = page.locator(`${screen} [data-role="zoom"]`);
    await zoom.focus();
    await page.keyboard.press('End');
    await expect(page.locator(`${screen} .fn-zoom label`)).toHaveText('Zoom: x from −1000 to 1000');
    await expect(zoom).toHaveAttribute('aria-valuetext', 'x from −1000 to 1000');
    const flat = page.locator(`${screen} [data-field="flat"]`);
    // ReLU is flat only on the left; sigmoid and tanh on both sides.
    await expect(flat).toContainText('ReLU from −1000 to about 0;');
    await expect(flat).toContainText(/sigmoid from −1000 to about −\d+(\.\d+)? and from about \d+(\.\d+)? to 1000/);
    await expect(flat).toContainText(/tanh from −1000 to about −\d+(\.\d+)? and from about \d+(\.\d+)? to 1000/);
    await probe(page).focus();
    await page.keyboard.press('End');
    const values = await readout(page);
    expect(values.relu).toEqual({ value: 1000, slope: 1 });
    expect(values.sigmoid).toEqual({ value: 1, slope: 0 });
    expect(values.tanh).toEqual({ value: 1, slope: 0 });
    // Leaky ReLU with its default slope 0.01 is not counted as flat (0.01 is not below 0.01).
    await page.getByLabel('leaky ReLU', { exact: true }).check();
    await expect(flat).toContainText('leaky ReLU nowhere');
  });

  test('negative inputs: the shaded half x < 0, what each function sends to exactly 0 and its slope there', async ({ page }) => {
    await open(page, '?functions=relu,leaky-relu,elu,sigmoid&range=5');
    const rows = page.locator(`${screen} [data-part="negative-rows"] tr[data-name]`);
    const row = (name) => page.locator(`${screen} [data-part="negative-rows"] tr[data-name="${name}"]`);
    await expect(rows).toHaveCount(4);
    await expect(page.locator(`${screen} [data-part="negative"] caption`)).toContainText('x from −5 to 0 (600 points sampled from the core)');
    // ReLU: every sample of x < 0 is exactly 0, and so is the slope; leaky ReLU and ELU keep a slope.
    await expect(row('relu')).toHaveAttribute('data-zeros', '600');
    await expect(row('relu').locator('td')).toHaveText(['every x', '0 everywhere']);
    await expect(row('leaky-relu').locator('td')).toHaveText(['none', '0.01']);
    await expect(row('elu').locator('td').first()).toHaveText('none');
    await expect(row('elu').locator('td').last()).toHaveText(/^0\.0067 to 0\.99$/);
    await expect(page.locator(`${screen} .fn-negative`)).toContainText('relu(x) − relu(−x) = x');
    await expect(page.locator(`${screen} [data-field="negative-rounding"]`)).toBeHidden();
    await expect(page.locator(`${screen} canvas`)).toHaveAttribute('aria-label', /The half x < 0 is shaded/);
    // The counts follow the parameters: leaky ReLU with slope 0 is ReLU there.
    await page.locator(`${screen} input[type="number"][data-param="slope"]`).fill('0');
    await page.locator(`${screen} input[type="number"][data-param="slope"]`).press('Tab');
    await expect(row('leaky-relu').locator('td')).toHaveText(['every x', '0 everywhere']);
    // Far out, float32 rounds sigmoid to 0: counted, and said to be rounding.
    await page.locator(`${screen} [data-role="zoom"]`).focus();
    await page.keyboard.press('End');
    await expect(row('sigmoid').locator('td').first()).toHaveText(/^\d+% \(x below about −\d+\)$/);
    await expect(page.locator(`${screen} [data-field="negative-rounding"]`)).toHaveText(/^ELU and sigmoid never reach exactly 0 for x < 0.*float32 rounding\.$/);
    // A teacher can hide the table (and the shading goes with it).
    await open(page, '?hide=negative');
    await expect(page.locator(`${screen} [data-part="negative"]`)).toBeHidden();
  });

  test('measures nanoseconds per evaluation for every activation, sorted', async ({ page }) => {
    const watch = watchPage(page);
    await open(page);
    await page.locator(`${screen} [data-action="measure"]`).click();
    const status = page.locator(`${screen} [data-field="measure-status"]`);
    await expect(status).toHaveText(/^Done\. Fastest: .+ ns; ReLU [\d.]+ ns per evaluation\.$/, {
      timeout: 25_000,
    });
    const items = page.locator(`${screen} [data-part="bars"] li`);
    await expect(items).toHaveCount(12);
    const ns = await page
      .locator(`${screen} .fn-bars__value`)
      .evaluateAll((cells) => cells.map((c) => Number(c.dataset.ns)));
    expect(ns.every((v) => v > 0 && Number.isFinite(v))).toBe(true);
    expect([...ns].sort((a, b) => a - b)).toEqual(ns);
    await expect(page.locator(`${screen} .fn-cost figcaption`)).toContainText('compare and a select');
    expect(watch.errors).toEqual([]);
  });

  test('two screens on one page are independent; destroy cleans up', SOURCE, async ({ page }) => {
    const watch = watchPage(page);
    await open(page);
    await mountSecond(page, SCREEN_MODULE, 'mountFunctionScreen', { functions: ['relu', 'elu'], range: 1000, probe: -3 });
    const second = page.locator('#second [data-part="probe"]');
    await expect(second).toHaveAttribute('aria-valuenow', '-3');
    await second.focus();
    await page.keyboard.press('ArrowRight'); // step 25 at ±1000, snapped
    await expect(second).toHaveAttribute('aria-valuenow', '25');
    await expect(probe(page).first()).toHaveAttribute('aria-valuenow', '1');
    await page.evaluate(() => window.second.destroy());
    await expect(page.locator('#second')).toBeEmpty();
    expect(watch.errors).toEqual([]);
  });

  test('a teacher hides and locks controls by key; locked ones do not move by keyboard or pointer', async ({ page }) => {
    const watch = watchPage(page);
    const messages = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    // `bogus` is no control key: ignored, silently.
    await open(page, '?hide=timing,range,bogus&lock=functions,probe,options');
    const part = (selector) => page.locator(`${screen} ${selector}`);
    // Hidden: gone from the layout (display: none), not only from view.
    await expect(part('[data-role="zoom"]')).toBeHidden();
    await expect(part('[data-action="measure"]')).toBeHidden();
    for (const selector of ['.fn-zoom', '[data-control="timing"]']) {
      expect(await part(selector).evaluate((el) => getComputedStyle(el).display), selector).toBe('none');
    }
    // Out of the accessibility tree too (getByRole skips hidden elements).
    await expect(page.getByRole('heading', { name: /How cheap/ })).toHaveCount(0);
    await expect(page.getByRole('slider', { name: /^Zoom/ })).toHaveCount(0);
    // Locked: shown, disabled, aria-disabled, with a tooltip and a description saying why.
    const locked = part('input[data-role="function"], input[data-param], input[data-role="convention"], [data-action="probe-zero"]');
    expect(await locked.count()).toBe(12 + 6 + 3 + 1);
    for (const control of await locked.all()) {
      await expect(control).toBeVisible();
      await expect(control).toBeDisabled();
      await expect(control).toHaveAttribute('aria-disabled', 'true');
      await expect(control).toHaveAttribute('title', 'Fixed for this lesson');
      await expect(control).toHaveAccessibleDescription(/Fixed for this lesson/);
    }
    await expect(probe(page)).toHaveAttribute('aria-disabled', 'true');
    // The locked probe keeps focus (its value is read out) but keys do not move it…
    await probe(page).focus();
    for (const key of ['ArrowRight', 'Shift+ArrowLeft', 'End', 'Home', 'PageUp']) await page.keyboard.press(key);
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '1');
    // …and Tab never lands on a locked or hidden control (other than that probe).
    const reached = await tabStops(page, 12);
    expect(reached.filter((r) => r.part !== 'probe' && (r.locked || !r.visible))).toEqual([]);
    // Nor does dragging on the plot.
    const box = await part('canvas').boundingBox();
    await page.mouse.move(box.x + box.width * 0.3, box.y + 120);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, box.y + 120, { steps: 4 });
    await page.mouse.up();
    await expect(probe(page)).toHaveAttribute('aria-valuenow', '1');
    expect((await readout(page)).relu).toEqual({ value: 1, slope: 1 });
    await expectNoAxeViolations(page);
    expect(watch.errors).toEqual([]);
    expect(messages).toEqual([]);
  });

  test('getState and setState: a plain object that round-trips and changes the view', SOURCE, async ({ page }) => {
    const watch = watchPage(page);
    await open(page);
    await mountSecond(page, SCREEN_MODULE, 'mountFunctionScreen', {}, { record: true });
    const second = (selector) => page.locator(`#second ${selector}`);
    expect(await page.evaluate(() => window.second.getState())).toEqual({
      functions: ['relu', 'sigmoid', 'tanh'],
      range: 5,
      probe: 1,
      slope: 0.01,
      eluAlpha: 1,
      preluSlope: 0.25,
      reluAtZero: 0,
    });

    // A partial state changes the view: functions, zoom, probe, parameters, convention.
    const problems = await page.evaluate(() =>
      window.second.setState({ functions: ['gelu', 'relu'], range: 1000, probe: -300, slope: 0.2, reluAtZero: 0.5 }),
    );
    expect(problems).toEqual([]);
    const rows = () => second('[data-part="readout-rows"] tr[data-name]').evaluateAll((r) => r.map((row) => row.dataset.name));
    expect(await rows()).toEqual(['relu', 'gelu']);
    await expect(second('.fn-zoom label')).toHaveText('Zoom: x from −1000 to 1000');
    await expect(second('[data-role="zoom"]')).toHaveValue('9');
    await expect(second('[data-part="probe"]')).toHaveAttribute('aria-valuenow', '-300');
    await expect(second('[data-field="probe-x"]')).toHaveText('x = −300');
    await expect(second('input[data-role="function"][value="gelu"]')).toBeChecked();
    await expect(second('input[data-role="function"][value="sigmoid"]')).not.toBeChecked();
    await expect(second('input[type="number"][data-param="slope"]')).toHaveValue('0.2');
    await expect(second('input[data-role="convention"][value="0.5"]')).toBeChecked();
    await expect(second('[data-field="zero-slope"]')).toHaveText('0.5');
    await expect(second('.fn-formula')).toHaveCount(2);

    // Round trip: setState(getState()) changes nothing.
    const round = await roundTripSecond(page);
    expect(round.problems).toEqual([]);
    expect(round.after).toEqual(round.state);
    expect(round.state).toMatchObject({ functions: ['relu', 'gelu'], range: 1000, probe: -300, slope: 0.2, reluAtZero: 0.5 });

    // Bad input is clamped or ignored and listed, never thrown.
    const bad = await page.evaluate(() => [
      window.second.setState({ range: -5, probe: 'far', functions: ['relu', 'nope'], slope: 7, reluAtZero: 2, extra: 1 }),
      window.second.setState(null),
      window.second.setState([1, 2]),
      window.second.setState({ functions: 42 }),
      window.second.getState(),
    ]);
    expect(bad[0]).toEqual(['extra', 'functions: nope', 'range', 'probe', 'reluAtZero']);
    expect(bad[1]).toEqual(['state']);
    expect(bad[2]).toEqual(['state']);
    expect(bad[3]).toEqual(['functions']);
    expect(bad[4]).toMatchObject({ functions: ['relu'], range: 1000, probe: -300, slope: 1, reluAtZero: 0.5 });
    await expect(second('input[type="number"][data-param="slope"]')).toHaveValue('1');
    // A smaller range pulls the probe in.
    await page.evaluate(() => window.second.setState({ range: 3 }));
    await expect(second('[data-part="probe"]')).toHaveAttribute('aria-valuenow', '-3');

    // onStateChange: once after the learner's burst of key presses, never for setState.
    expect(await page.evaluate(() => window.changes.length)).toBe(0);
    await second('[data-part="probe"]').focus();
    // The burst is sent in one task, so its presses are surely closer than the 250 ms settle
    // time however loaded the machine is (six Playwright presses can drift apart under load).
    await page.evaluate(() => {
      for (let i = 0; i < 6; i += 1) {
        document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
      }
    });
    await expect.poll(() => page.evaluate(() => window.changes.length)).toBe(1);
    await page.waitForTimeout(400);
    const changes = await page.evaluate(() => window.changes);
    expect(changes).toHaveLength(1);
    expect(changes[0].probe).toBeCloseTo(-2.7, 6);
    // A checkbox is a change too.
    await second('input[data-role="function"][value="tanh"]').check();
    await expect.poll(() => page.evaluate(() => window.changes.at(-1).functions)).toEqual(['relu', 'tanh']);

    // redraw() repaints with the current colours; the first screen is untouched throughout.
    await page.evaluate(() => window.second.redraw());
    await expect(probe(page).first()).toHaveAttribute('aria-valuenow', '1');
    expect(watch.errors).toEqual([]);
  });

  test('controls are labelled and at least 24 px', async ({ page }) => {
    await open(page);
    // Every control shown (the link notice and its Dismiss button are hidden without a problem).
    const controls = page.locator(
      `${screen} input:visible, ${screen} button:visible, ${screen} [role="slider"]:visible`,
    );
    const count = await controls.count();
    expect(count).toBeGreaterThan(20);
    for (let i = 0; i < count; i += 1) {
      const control = controls.nth(i);
      await expect(control).toHaveAccessibleName(/\w/);
      const box = await control.boundingBox();
      expect(box.height, await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(20);
      // Checkboxes and radios are 20 px but sit in a label row at least 32 px tall.
      const target = await control.evaluate((el) => {
        const rect = (el.closest('label') ?? el).getBoundingClientRect();
        return { width: rect.width, height: rect.height };
      });
      expect(target.height).toBeGreaterThanOrEqual(24);
      expect(target.width).toBeGreaterThanOrEqual(24);
    }
  });

  test('a link round-trips: the settings go into the address and Copy link copies it', async ({ page, context }) => {
    const watch = watchPage(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '?hide=timing');
    const part = (selector) => page.locator(`${screen} ${selector}`);
    // Opening the page leaves its address alone; the notice is hidden.
    expect(new URL(page.url()).search).toBe('?hide=timing');
    await expect(part('[data-field="link-notice"]')).toBeHidden();
    // The learner changes every kind of setting.
    await part('input[data-role="function"][value="gelu"]').check();
    await part('input[data-role="function"][value="tanh"]').uncheck();
    await part('[data-role="zoom"]').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft'); // ±500
    await probe(page).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft'); // 500 − 10
    await part('input[type="number"][data-param="slope"]').fill('0.2');
    await part('input[type="number"][data-param="slope"]').press('Tab');
    await part('input[type="number"][data-param="eluAlpha"]').fill('2.5');
    await part('input[type="number"][data-param="eluAlpha"]').press('Tab');
    await page.getByLabel('\u00bd (the mean of the two sides)').check();
    const expected = {
      functions: ['relu', 'gelu', 'sigmoid'],
      zoom: '8',
      probe: '490',
      parameters: ['slope=0.2', 'eluAlpha=2.5', 'preluSlope=0.25'],
      convention: '0.5',
    };
    expect(await shownState(page)).toEqual(expected);
    // The address follows (after a short pause), keeping the lesson's hide key.
    await expect
      .poll(() => new URL(page.url()).search)
      .toBe('?hide=timing&functions=relu,gelu,sigmoid&range=500&probe=490&slope=0.2&eluAlpha=2.5&preluSlope=0.25&reluAtZero=0.5');
    // Copy link: the clipboard holds the address, and the status says so.
    const link = await copyLink(page, screen, 'Link copied: it opens this screen with these settings.');
    // The link opened afresh, and the page reloaded, show the same state, without a notice.
    await reopen(page, link, async () => {
      await expect(probe(page)).toHaveAttribute('aria-valuetext', /^x = 490: ReLU 490, slope 1; GELU 490/);
      expect(await shownState(page)).toEqual(expected);
      await expect(part('[data-field="link-notice"]')).toBeHidden();
      await expect(part('[data-action="measure"]')).toBeHidden();
    });
    expect(watch.errors).toEqual([]);
  });

  test('a malformed link: defaults for what it breaks, and a notice naming what was ignored', async ({ page }) => {
    const watch = watchPage(page);
    await open(page, '?functions=relu,nope&range=abc&probe=1.5&slope=7&reluAtZero=2&foo=1');
    const part = (selector) => page.locator(`${screen} ${selector}`);
    const notice = await expectLinkNotice(page, screen, 'foo, functions: nope, range, reluAtZero');
    // What could be used is used (slope clamped to what the core accepts); the rest is default.
    expect(await shownState(page)).toEqual({
      functions: ['relu'],
      zoom: '2',
      probe: '1.5',
      parameters: ['slope=1', 'eluAlpha=1', 'preluSlope=0.25'],
      convention: '0',
    });
    await expect(part('.fn-zoom label')).toHaveText('Zoom: x from \u22125 to 5');
    // The first change writes a clean address.
    await probe(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => new URL(page.url()).search)
      .toBe('?functions=relu&range=5&probe=1.6&slope=1&eluAlpha=1&preluSlope=0.25&reluAtZero=0');
    await part('[data-action="dismiss-link-notice"]').click();
    await expect(notice).toBeHidden();
    await expect(part('[data-action="copy-link"]')).toBeFocused();
    expect(watch.errors).toEqual([]);
  });

  test('without useUrl (an embed, the start page) the screen leaves the address alone', SOURCE, async ({ page }) => {
    await open(page);
    await mountSecond(page, SCREEN_MODULE, 'mountFunctionScreen', { functions: ['elu'] });
    await expect(page.locator('#second [data-action="copy-link"]')).toHaveCount(0);
    await expect(page.locator('#second [data-field="link-notice"]')).toHaveCount(0);
    await page.locator('#second input[data-role="function"][value="tanh"]').check();
    await page.locator('#second [data-part="probe"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(400);
    expect(new URL(page.url()).search).toBe('');
  });

  test('on a phone (360 px): touch targets at least 44 \u00d7 44 px, text at least 12 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    // With the link notice showing, so that its button is measured too.
    await open(page, '?functions=relu,leaky-relu,sigmoid,tanh&nope=1');
    await expect(page.locator(`${screen} [data-field="link-notice"]`)).toBeVisible();
    await expectPhoneSized(page, screen);
  });

  screenshotTests('teach-function', (page) => open(page, '?functions=relu,gelu,sigmoid,tanh&range=20&probe=3&oops=1'));

  for (const colorScheme of ['light', 'dark']) {
    test(`axe-core finds no violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await open(page, '?functions=relu,leaky-relu,gelu,sigmoid,tanh');
      await expectNoAxeViolations(page);
    });
  }
});
