// End-to-end tests of the Neuron screen: the single unit's numbers come from the core, a dead
// unit is reported as dead and a gradient step leaves it unchanged, a live unit's step lowers
// the loss; the sum of hinges trains (its loss falls), counts pieces, takes the learner's
// points; controls hidden and locked by a teacher; getState/setState/onStateChange; axe-core;
// a dead unit's screenshot; what the screen (and the course example) says about dead units and
// sums of hinges; links that round-trip (and malformed ones); touch targets and text on a phone
// (the layout at each width: layout.spec.mjs).
import { test, expect } from '@playwright/test';
import {
  copyLink,
  expectLinkNotice,
  expectNoAxeViolations,
  expectPhoneSized,
  mountSecond,
  reopen,
  roundTripSecond,
  screenshot,
  screenshotTests,
  tabStops,
  watchPage,
  SOURCE,
} from './support.mjs';

const screen = '[data-screen="neuron"]';
const SCREEN_MODULE = '/js/screens/neuron/screen.js';
const unit = (page) => page.locator(`${screen} [data-part="unit"]`);
const hinges = (page) => page.locator(`${screen} [data-part="hinges"]`);
const weight = (page, key) => unit(page).locator(`input[type="number"][data-param="${key}"]`);
/** The exact number behind a table cell of the single unit (data-key, e.g. "grad-w1-mean"). */
const cell = async (page, key) =>
  Number(await unit(page).locator(`[data-key="${key}"]`).getAttribute('data-value'));

/** What the controls show: weights, rate, inspected point, target, units, the points' count. */
function shownState(page) {
  return page.locator(screen).evaluate((root) => ({
    weights: [...root.querySelectorAll('input[type="number"][data-param]')].map((input) => `${input.dataset.param}=${input.value}`),
    rate: root.querySelector('[data-role="rate"]').value,
    point: root.querySelector('[data-role="point"]').value,
    target: root.querySelector('input[data-role="target"]:checked')?.value,
    units: root.querySelector('input[type="number"][data-role="units"]').value,
    pointCount: root.querySelector('[data-field="point-count"]').textContent,
    status: root.querySelector('[data-field="status"]').dataset.state,
  }));
}

async function open(page, query = '') {
  await page.goto(`/neuron.html${query}`);
  await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', /alive|dead/);
  await expect(hinges(page).locator('[data-field="loss"]')).toHaveText(/^\d/);
}

test.describe('neuron screen', () => {
  test('loads with no console errors and no foreign request', async ({ page }) => {
    const watch = watchPage(page);
    await open(page);
    await expect(page).toHaveTitle(/Inside one unit/);
    await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', 'alive');
    await expect(unit(page).locator('[data-field="status"]')).toContainText('Alive: active on');
    await expect(page.locator(`${screen} canvas`)).toHaveCount(3);
    await expect(page.locator(`${screen} math`)).toHaveCount(3);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('the unit\u2019s z and gradients are the core\u2019s, by the chain rule', SOURCE, async ({ page }) => {
    await open(page, '?w1=0.8&w2=0.4&b=-0.5');
    await unit(page).locator('[data-role="point"]').fill('7');
    await expect(unit(page).locator('[data-field="point-head"]')).toHaveText('Point 7');
    // The same unit built in the page from the core: inspect point 7 and compare.
    const core = await page.evaluate(async () => {
      const { Dataset, Network } = await import('/pkg/relu_lab.js');
      const data = Dataset.generate({ name: 'gaussians', n: 40, noise: 0.1, seed: 1, testRatio: 0 });
      const net = new Network({ inputs: 2, hidden: [1], activation: 'relu', loss: 'bce', seed: 1 });
      net.setParams([0.8, 0.4, -0.5, 1, -2]);
      const points = data.points('train').slice();
      const labels = data.labels('train').slice();
      const trace = net.inspect(points.subarray(12, 14), labels[6]);
      const stats = net.stats(data, 'train');
      const result = {
        x: [points[12], points[13]],
        z: trace.layers[0].z[0],
        gradZ: trace.layers[0].gradZ[0],
        loss: trace.loss,
        meanLoss: stats.loss,
        gradWNorm: stats.layers[0].gradWNorm,
      };
      net.free();
      data.free();
      return result;
    });
    expect(await cell(page, 'z')).toBe(core.z);
    expect(await cell(page, 'grad-z')).toBe(core.gradZ);
    expect(await cell(page, 'loss')).toBe(core.loss);
    expect(await cell(page, 'loss-mean')).toBe(core.meanLoss);
    expect(await cell(page, 'grad-w1')).toBeCloseTo(core.gradZ * core.x[0], 6);
    expect(await cell(page, 'grad-w2')).toBeCloseTo(core.gradZ * core.x[1], 6);
    expect(await cell(page, 'grad-b')).toBe(core.gradZ);
    // z = w·x + b (float32 arithmetic in the core).
    expect(core.z).toBeCloseTo(0.8 * core.x[0] + 0.4 * core.x[1] - 0.5, 5);
    // The mean gradient over the set matches the norm the core computes itself.
    const g1 = await cell(page, 'grad-w1-mean');
    const g2 = await cell(page, 'grad-w2-mean');
    expect(Math.hypot(g1, g2)).toBeCloseTo(core.gradWNorm, 5);
  });

  test('a dead unit is reported as dead, and a gradient step changes nothing', async ({ page }) => {
    const watch = watchPage(page);
    await open(page);
    // Type the bias: −8 puts every training point on the inactive side.
    await weight(page, 'w1').fill('0.5');
    await weight(page, 'w2').fill('0.5');
    await weight(page, 'b').fill('-8');
    await weight(page, 'b').press('Enter');
    const status = unit(page).locator('[data-field="status"]');
    await expect(status).toHaveAttribute('data-state', 'dead');
    await expect(status).toContainText('Dead on the training set');
    await expect(status).toContainText('exactly 0');
    await expect(unit(page).locator('[data-field="announcer"]')).toHaveText(/now dead on the training set/);
    for (const key of ['grad-w1-mean', 'grad-w2-mean', 'grad-b-mean', 'grad-z', 'a', 'gate']) {
      expect(await cell(page, key), key).toBe(0);
    }
    await expect(unit(page).locator('[data-field="core-norm"]')).toHaveText('0');
    const before = await Promise.all(['w1', 'w2', 'b'].map((k) => weight(page, k).inputValue()));
    const lossBefore = await cell(page, 'loss-mean');
    for (const rate of ['0.1', '1']) {
      await unit(page).locator('[data-role="rate"]').selectOption(rate);
      await unit(page).locator('[data-action="step"]').click();
    }
    await expect(unit(page).locator('[data-field="steps"]')).toHaveText('2');
    await expect(unit(page).locator('[data-field="announcer"]')).toHaveText(
      /^Gradient step 2 changed nothing: the unit is dead on the training set/,
    );
    expect(await Promise.all(['w1', 'w2', 'b'].map((k) => weight(page, k).inputValue()))).toEqual(before);
    expect(await cell(page, 'loss-mean')).toBe(lossBefore);
    await expect(status).toHaveAttribute('data-state', 'dead');
    // Reviving it by hand works: move the bias back up.
    await weight(page, 'b').fill('0');
    await weight(page, 'b').press('Enter');
    await expect(status).toHaveAttribute('data-state', 'alive');
    await expect(unit(page).locator('[data-field="announcer"]')).toHaveText(/alive again/);
    expect(watch.errors).toEqual([]);
  });

  test('on a live unit a gradient step moves the weights and lowers the loss', async ({ page }) => {
    await open(page);
    const lossBefore = await cell(page, 'loss-mean');
    const g = await Promise.all(['grad-w1-mean', 'grad-w2-mean', 'grad-b-mean'].map((k) => cell(page, k)));
    await unit(page).locator('[data-action="step"]').click(); // learning rate 0.1
    await expect(unit(page).locator('[data-field="steps"]')).toHaveText('1');
    // Start: w = (1, −0.5), b = 0. One step: each parameter moves by −0.1 × its mean gradient.
    const after = await Promise.all(['w1', 'w2', 'b'].map(async (k) => Number(await weight(page, k).inputValue())));
    expect(after[0]).toBeCloseTo(1 - 0.1 * g[0], 3);
    expect(after[1]).toBeCloseTo(-0.5 - 0.1 * g[1], 3);
    expect(after[2]).toBeCloseTo(0 - 0.1 * g[2], 3);
    expect(await cell(page, 'loss-mean')).toBeLessThan(lossBefore);
    await expect(unit(page).locator('[data-field="announcer"]')).toHaveText(
      /^Gradient step 1 with learning rate 0\.1: w1 1 → [\d.]+, w2 −0\.5 → −?[\d.]+, b 0 → −?[\d.]+; mean loss [\d.]+ → [\d.]+\.$/,
    );
  });

  test('sliders move with the keyboard; the preset makes the unit dead', async ({ page }) => {
    await open(page);
    const slider = unit(page).locator('input[type="range"][data-param="w1"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect(weight(page, 'w1')).toHaveValue('1.05');
    await unit(page).locator('[data-action="preset-dead"]').click();
    await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', 'dead');
    await unit(page).locator('[data-action="reset"]').click();
    await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', 'alive');
    await expect(weight(page, 'w1')).toHaveValue('1');
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });

    test('the sum-of-hinges fit lowers its loss; pieces and dead units are counted', async ({ page }) => {
      await open(page);
      const field = (name) => hinges(page).locator(`[data-field="${name}"]`);
      const loss = async () => Number(await field('loss').getAttribute('data-value'));
      // Nothing plays by itself.
      await expect(hinges(page).locator('[data-action="play"]')).toContainText('Play');
      await page.waitForTimeout(300);
      await expect(field('step')).toHaveText('0');
      const start = await loss();
      // At He init with zero biases every hinge sits at x = 0: two linear pieces.
      await expect(field('pieces')).toHaveText('2');
      for (let i = 0; i < 8; i += 1) await hinges(page).locator('[data-action="step"]').click();
      await expect(field('step')).toHaveText('200');
      const trained = await loss();
      expect(trained).toBeLessThan(start / 5);
      await expect(field('announcer')).toHaveText(/^Step 200: training loss [\d.]+, \d+ linear pieces, \d+ of 6 units dead on \[−1, 1\]\.$/);
      expect(Number(await field('pieces').textContent())).toBeGreaterThanOrEqual(3);
      await expect(field('dead')).toHaveText(/^\d+ of 6$/);
      // Play trains on; Pause stops.
      await hinges(page).locator('[data-action="play"]').click();
      await expect.poll(async () => Number((await field('step').textContent()).replace(/,/g, ''))).toBeGreaterThan(200);
      await hinges(page).locator('[data-action="play"]').click();
      await expect(field('announcer')).toHaveText(/^Paused at step [\d,]+: /);
      await hinges(page).locator('[data-action="reset"]').click();
      await expect(field('step')).toHaveText('0');
      expect(await loss()).toBe(start);
    });

    test('every target fits; the unit count sets the panels', async ({ page }) => {
      await open(page);
      const field = (name) => hinges(page).locator(`[data-field="${name}"]`);
      for (const label of ['|x|', 'a step', 'sin(πx)']) {
        await hinges(page).getByLabel(label, { exact: true }).check();
        await hinges(page).locator('[data-action="reset"]').click();
        const start = Number(await field('loss').getAttribute('data-value'));
        for (let i = 0; i < 8; i += 1) await hinges(page).locator('[data-action="step"]').click();
        expect(Number(await field('loss').getAttribute('data-value')), label).toBeLessThan(start);
      }
      const units = hinges(page).locator('input[type="number"][data-role="units"]');
      await units.fill('12');
      await expect(field('units')).toHaveText('12');
      await expect(field('dead')).toHaveText(/ of 12$/);
      await hinges(page).locator('details summary').click();
      await expect(hinges(page).locator('[data-part="unit-rows"] tr')).toHaveCount(12);
    });

    test('the learner\u2019s own points: add by keyboard and by click, then fit them', async ({ page }) => {
      const watch = watchPage(page);
      await open(page, '?target=points&units=8');
      const field = (name) => hinges(page).locator(`[data-field="${name}"]`);
      await expect(hinges(page).locator('[data-part="points-editor"]')).toBeVisible();
      await expect(field('point-count')).toHaveText('7 points.');
      await hinges(page).locator('[data-action="clear-points"]').click();
      await expect(field('point-count')).toHaveText('0 points: add at least one to train.');
      await expect(hinges(page).locator('[data-action="step"]')).toBeDisabled();
      await hinges(page).locator('[data-role="point-x"]').fill('-0.5');
      await hinges(page).locator('[data-role="point-y"]').fill('1');
      await hinges(page).locator('[data-action="add-point"]').click();
      await expect(field('announcer')).toHaveText('Point added at x = −0.5, y = 1: 1 points.');
      await hinges(page).locator('[data-role="point-x"]').fill('0.5');
      await hinges(page).locator('[data-role="point-y"]').fill('-1');
      await hinges(page).locator('[data-action="add-point"]').click();
      // A click in the middle of the plot adds a point near (0, 0).
      const canvas = hinges(page).locator('.nu-fit canvas');
      const box = await canvas.boundingBox();
      const frameWidth = box.width - 46 - 12;
      const frameHeight = box.height - 12 - 44;
      await canvas.click({ position: { x: 46 + frameWidth / 2, y: 12 + frameHeight / 2 } });
      await expect(field('point-count')).toHaveText('3 points.');
      await expect(field('announcer')).toHaveText(/^Point added at x = −?0(\.0\d+)?, y = −?0(\.0\d+)?: 3 points\.$/);
      const start = Number(await field('loss').getAttribute('data-value'));
      for (let i = 0; i < 8; i += 1) await hinges(page).locator('[data-action="step"]').click();
      expect(Number(await field('loss').getAttribute('data-value'))).toBeLessThan(start);
      await hinges(page).locator('[data-action="remove-point"]').click();
      await expect(field('point-count')).toHaveText('2 points.');
      expect(watch.errors).toEqual([]);
    });

    for (const colorScheme of ['light', 'dark']) {
      test(`axe-core finds no violations (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        await open(page, '?target=points');
        await hinges(page).locator('details summary').click();
        await expectNoAxeViolations(page);
        await unit(page).locator('[data-action="preset-dead"]').click();
        await expectNoAxeViolations(page);
      });
    }

    test('a dead unit, screenshot at 1280 px', async ({ page }) => {
      await open(page, '?w1=0.5&w2=0.5&b=-8');
      await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', 'dead');
      await unit(page).locator('[data-action="step"]').click();
      await screenshot(page, 'neuron-screen-1280-dead');
    });
  });

  test('a teacher hides and locks controls by key; locked ones cannot be operated', async ({ page }) => {
    const watch = watchPage(page);
    const messages = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    // `bogus` is no control key: ignored, silently. The points editor would show for this target.
    await open(page, '?target=points&hide=presets,draw,training,bogus&lock=weights,step,target,units');
    // Hidden: gone from the layout, and from the accessibility tree.
    for (const selector of ['[data-action="preset-dead"]', '[data-action="reset"]', '[data-part="points-editor"]']) {
      for (const element of await page.locator(`${screen} ${selector}`).all()) {
        await expect(element).toBeHidden();
        // The control or the group around it (data-control) takes no space.
        expect(await element.evaluate((el) => getComputedStyle(el.closest('[hidden]')).display), selector).toBe('none');
      }
    }
    await expect(hinges(page).getByRole('group', { name: 'Training controls' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Play|Step \+|Make it dead/ })).toHaveCount(0);
    await expect(unit(page).locator('[data-control-text="presets"]')).toBeHidden();
    // A click on the plot adds no point while drawing is hidden.
    const canvas = hinges(page).locator('.nu-fit canvas');
    const box = await canvas.boundingBox();
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect(hinges(page).locator('[data-field="point-count"]')).toHaveText('7 points.');

    // Locked: shown, disabled, aria-disabled, with a tooltip and a description saying why.
    const locked = page.locator(
      `${screen} input[data-param], ${screen} [data-action="step"]:not([hidden] *):not([hidden]), ${screen} input[data-role="target"], ${screen} input[data-role="units"]`,
    );
    expect(await locked.count()).toBe(6 + 1 + 4 + 2);
    for (const control of await locked.all()) {
      await expect(control).toBeVisible();
      await expect(control).toBeDisabled();
      await expect(control).toHaveAttribute('aria-disabled', 'true');
      await expect(control).toHaveAttribute('title', 'Fixed for this lesson');
      await expect(control).toHaveAccessibleDescription(/Fixed for this lesson/);
    }
    // Keyboard: focus cannot reach them, so keys change nothing.
    const slider = unit(page).locator('input[type="range"][data-param="w1"]');
    await slider.focus();
    await expect(slider).not.toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(weight(page, 'w1')).toHaveValue('1');
    await unit(page).locator('[data-role="rate"]').focus();
    const reached = await tabStops(page, 15);
    expect(reached.filter((r) => r.locked || !r.visible)).toEqual([]);
    // What is neither hidden nor locked still works: the learning rate and the inspected point.
    await unit(page).locator('[data-role="rate"]').selectOption('0.3');
    await unit(page).locator('[data-role="point"]').fill('5');
    await expect(unit(page).locator('[data-field="point-head"]')).toHaveText('Point 5');
    await expectNoAxeViolations(page);
    expect(watch.errors).toEqual([]);
    expect(messages).toEqual([]);
  });

  test('getState and setState: a plain object that round-trips and changes the view', SOURCE, async ({ page }) => {
    const watch = watchPage(page);
    await open(page);
    await mountSecond(page, SCREEN_MODULE, 'mountNeuronScreen', {}, { record: true });
    const second = (selector) => page.locator(`#second ${selector}`);
    const start = await page.evaluate(() => window.second.getState());
    expect(start).toMatchObject({ w1: 1, w2: -0.5, b: 0, learningRate: 0.1, target: 'sin', units: 6 });
    expect(Number.isInteger(start.point)).toBe(true);
    expect(start.points).toHaveLength(7);
    expect(JSON.parse(JSON.stringify(start))).toEqual(start); // plain data

    // A partial state changes the view: a dead unit, another target, three units, a rate.
    const problems = await page.evaluate(() =>
      window.second.setState({ w1: 0.5, w2: 0.5, b: -8, learningRate: 0.3, point: 4, target: 'abs', units: 3 }),
    );
    expect(problems).toEqual([]);
    await expect(second('[data-field="status"]')).toHaveAttribute('data-state', 'dead');
    await expect(second('input[type="number"][data-param="b"]')).toHaveValue('-8');
    await expect(second('[data-role="rate"]')).toHaveValue('0.3');
    await expect(second('[data-field="point-head"]')).toHaveText('Point 5');
    await expect(second('input[data-role="target"][value="abs"]')).toBeChecked();
    await expect(second('[data-field="units"]')).toHaveText('3');
    await expect(second('[data-field="dead"]')).toHaveText(/ of 3$/);

    // Round trip: setState(getState()) changes nothing, not even the training progress.
    await second('[data-action="step"]').last().click(); // Step +25 of the sum of hinges
    await expect(second('[data-part="hinges"] [data-field="step"]')).toHaveText('25');
    const round = await roundTripSecond(page);
    expect(round.problems).toEqual([]);
    expect(round.after).toEqual(round.state);
    await expect(second('[data-part="hinges"] [data-field="step"]')).toHaveText('25');

    // The learner's own points, shown in the editor.
    await page.evaluate(() => window.second.setState({ target: 'points', points: [[-0.5, 1], [0.5, -1], [2, 9]] }));
    await expect(second('[data-part="points-editor"]')).toBeVisible();
    await expect(second('[data-field="point-count"]')).toHaveText('3 points.');
    expect((await page.evaluate(() => window.second.getState())).points).toEqual([[-0.5, 1], [0.5, -1], [1, 1.5]]);

    // Bad input is clamped or ignored and listed, never thrown.
    const bad = await page.evaluate(() => [
      window.second.setState({ w1: 'heavy', w2: 99, units: 40, target: 'cubic', points: 'many', learningRate: 0.05, extra: 1 }),
      window.second.setState(null),
      window.second.setState({ points: [[0, 0], [0], 'x', [NaN, 1]] }),
      window.second.getState(),
    ]);
    expect(bad[0]).toEqual(['extra', 'w1', 'target', 'points']);
    expect(bad[1]).toEqual(['state']);
    expect(bad[2]).toEqual(['points']);
    expect(bad[3]).toMatchObject({ w1: 0.5, w2: 3, units: 16, target: 'points', learningRate: 0.03, points: [[0, 0]] });
    await expect(second('[data-field="units"]')).toHaveText('16');

    // onStateChange: once after a burst of slider keys, never for setState.
    expect(await page.evaluate(() => window.changes.length)).toBe(0);
    // The burst is sent in one task, as the Function screen's test sends its own, so its steps
    // are surely closer than the 250 ms settle time however loaded the machine is. Each step is
    // what an arrow key does to a range input: a step up, an input event and a change event.
    await second('input[type="range"][data-param="b"]').evaluate((input) => {
      for (let i = 0; i < 5; i += 1) {
        input.stepUp();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    });
    await expect.poll(() => page.evaluate(() => window.changes.length)).toBe(1);
    await page.waitForTimeout(400);
    const changes = await page.evaluate(() => window.changes);
    expect(changes).toHaveLength(1);
    expect(changes[0].b).toBeCloseTo(-7.5, 5);
    await page.evaluate(() => window.second.redraw());
    expect(watch.errors).toEqual([]);
  });

  test('what the screen says about a dead unit: on which data set, and who can come back', async ({ page }) => {
    await open(page, '?w1=0.5&w2=0.5&b=-8');
    const status = unit(page).locator('[data-field="status"]');
    await expect(status).toHaveAttribute('data-state', 'dead');
    // Old: "gradient descent cannot move the unit, and it cannot recover by itself", for any unit.
    await expect(status).not.toContainText('gradient descent cannot move the unit, and it cannot');
    await expect(status).toContainText('gradient descent on this training set cannot move the unit.');
    await expect(status).toContainText('It reads the inputs directly, with no layer below it whose change could bring it back');
    await expect(status).toContainText('(A dead unit in a deeper layer can come back when the layers below it change.)');
    const intro = page.locator(`${screen} .nu-intro`);
    await expect(intro.first()).toContainText('the unit is dead on the training set, and a gradient step no longer moves it.');
    // A sum of hinges is the one-hidden-layer case.
    await expect(intro.last()).not.toContainText('A layer of them with a linear output adds the hinges up');
    await expect(intro.last()).toContainText('One hidden layer of them with a linear output adds the hinges up');
    await expect(intro.last()).toContainText('with more layers the hinges are composed, not added');
    const hint = hinges(page).locator('.nu-panel > .hint').last();
    await expect(hint).not.toContainText('adds nothing anywhere');
    await expect(hint).toContainText('so the unit adds nothing there and no training point gives it a gradient.');
  });

  test('the course example says where a dead unit cannot come back', async ({ page }) => {
    await page.goto('/examples/course.html');
    const article = page.locator('article');
    await expect(article).not.toContainText('gradient descent cannot revive it');
    await expect(article).not.toContainText('outputs 0 everywhere');
    await expect(article).toContainText(
      'it is dead on the training set. In the first hidden layer, gradient descent on that set cannot revive it; ' +
        'a dead unit in a deeper layer can come back when the layers below it change.',
    );
    await expect(article).not.toContainText('its gradient vanishes');
    await expect(article).toContainText('its gradient becomes exactly 0.');
  });

  test('a link round-trips: the settings go into the address and Copy link copies it', async ({ page, context }) => {
    const watch = watchPage(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '?hide=presets');
    const part = (selector) => page.locator(`${screen} ${selector}`);
    expect(new URL(page.url()).search).toBe('?hide=presets');
    await expect(part('[data-field="link-notice"]')).toBeHidden();
    // The single unit: a weight, the rate, the inspected point, and a gradient step.
    await weight(page, 'w1').fill('0.8');
    await weight(page, 'w1').press('Tab');
    await unit(page).locator('[data-role="rate"]').selectOption('0.3');
    await unit(page).locator('[data-role="point"]').fill('5');
    await unit(page).locator('[data-action="step"]').click();
    await expect(unit(page).locator('[data-field="steps"]')).toHaveText('1');
    // The sum of hinges: the learner's points with one more, and three units.
    await hinges(page).getByLabel('your own points').check();
    await hinges(page).locator('[data-role="point-x"]').fill('0.2');
    await hinges(page).locator('[data-role="point-y"]').fill('-0.4');
    await hinges(page).locator('[data-action="add-point"]').click();
    await hinges(page).locator('input[type="number"][data-role="units"]').fill('3');
    await hinges(page).locator('input[type="number"][data-role="units"]').press('Tab');
    const expected = await shownState(page);
    expect(expected).toMatchObject({ rate: '0.3', point: '5', target: 'points', units: '3', pointCount: '8 points.' });
    expect(expected.weights[0]).not.toBe('w1=0.8'); // the step moved it
    // The address follows, keeping the lesson's hide key and the step's float32 weights.
    await expect.poll(() => new URL(page.url()).search).toMatch(
      /^\?hide=presets&w1=[-\d.]+&w2=[-\d.]+&b=[-\d.]+&learningRate=0\.3&point=4&target=points&units=3&points=[-\d.:,]+0\.2:-0\.4$/,
    );
    const link = await copyLink(page, screen, /^Link copied: it opens this screen with these settings/);
    await reopen(page, link, async () => {
      await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', /alive|dead/);
      await expect(hinges(page).locator('[data-field="loss"]')).toHaveText(/^\d/);
      expect(await shownState(page)).toEqual(expected);
      await expect(part('[data-field="link-notice"]')).toBeHidden();
      await expect(part('[data-action="preset-dead"]')).toBeHidden();
    });
    expect(watch.errors).toEqual([]);
  });

  test('a malformed link: defaults for what it breaks, and a notice naming what was ignored', SOURCE, async ({ page }) => {
    const watch = watchPage(page);
    await open(page, '?w1=zz&b=-8&units=many&target=cosine&points=0:1,x:2&bogus=1');
    const part = (selector) => page.locator(`${screen} ${selector}`);
    const notice = await expectLinkNotice(page, screen, 'bogus, w1, target, points, units');
    // What could be used is used: the bias, and the one good point; the rest is default.
    expect(await shownState(page)).toMatchObject({
      weights: ['w1=1', 'w2=-0.5', 'b=-8'],
      target: 'sin',
      units: '6',
      status: 'dead',
    });
    await part('[data-action="dismiss-link-notice"]').click();
    await expect(notice).toBeHidden();
    // The link's weights are where "Back to the start" goes.
    await weight(page, 'b').fill('0');
    await weight(page, 'b').press('Tab');
    await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', 'alive');
    await unit(page).locator('.nu-presets [data-action="reset"]').click();
    await expect(weight(page, 'b')).toHaveValue('-8');
    await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', 'dead');
    // A screen mounted without useUrl (an embed) neither shows link controls nor writes the address.
    await mountSecond(page, SCREEN_MODULE, 'mountNeuronScreen', {});
    await expect(page.locator('#second [data-action="copy-link"]')).toHaveCount(0);
    // (The first screen rewrote its own address after the learner's changes, with clean values.)
    await expect
      .poll(() => new URL(page.url()).search)
      .toMatch(/^\?w1=1&w2=-0\.5&b=-8&learningRate=0\.1&point=\d+&target=sin&units=6&points=0:1$/);
    const address = page.url();
    await page.locator('#second input[type="number"][data-param="b"]').fill('2');
    await page.locator('#second input[type="number"][data-param="b"]').press('Tab');
    await page.waitForTimeout(400);
    expect(page.url()).toBe(address);
    expect(watch.errors).toEqual([]);
  });

  test('on a phone (360 px): touch targets at least 44 \u00d7 44 px, text at least 12 px', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    // The points editor and the link notice showing, the table of units open.
    await open(page, '?target=points&nope=1');
    await expect(page.locator(`${screen} [data-field="link-notice"]`)).toBeVisible();
    await hinges(page).locator('details summary').click();
    await expectPhoneSized(page, screen);
  });

  screenshotTests('teach-neuron', (page) => open(page, '?w1=0.5&w2=0.5&b=-8&target=points&oops=1'));

  test('two screens on one page are independent; destroy cleans up', SOURCE, async ({ page }) => {
    const watch = watchPage(page);
    await open(page);
    await mountSecond(page, SCREEN_MODULE, 'mountNeuronScreen', { w1: 0.5, w2: 0.5, b: -8, units: 3, target: 'abs' });
    await expect(page.locator('#second [data-field="status"]')).toHaveAttribute('data-state', 'dead');
    await expect(unit(page).locator('[data-field="status"]')).toHaveAttribute('data-state', 'alive');
    await expect(page.locator('#second [data-field="dead"]')).toHaveText(/ of 3$/);
    await page.evaluate(() => window.second.destroy());
    await expect(page.locator('#second')).toBeEmpty();
    expect(watch.errors).toEqual([]);
  });
});
