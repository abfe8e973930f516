// End-to-end tests of the Network screen (network.html): it loads cleanly, learns, its
// presets show dead and revived units in the diagram and the meters, a link reproduces a run
// exactly, a bad link shows a notice, divergence pauses and explains, the learner's own
// points go into the link, a keyboard-only session works, and axe-core finds nothing in light
// and dark (the layout at each width, with screenshots: layout.spec.mjs).
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchPage, SOURCE } from './support.mjs';

const screen = '[data-network-screen]';
const field = (page, name) => page.locator(`${screen} [data-field="${name}"]:not([data-view] *)`);
const action = (page, name) => page.locator(`${screen} [data-action="${name}"]:not([data-view] *)`).first();
/** The screen's read-only numbers (full precision), from its data attributes. */
const read = async (page, name) => page.locator(screen).getAttribute(`data-${name}`);
const readNumber = async (page, name) => Number(await read(page, name));

/** Open network.html with `hash` and wait until the screen has drawn its first frame. */
async function openScreen(page, hash = '') {
  await page.goto(`/network.html${hash}`);
  await expect(page.locator(screen)).toHaveAttribute('data-step', /^\d+$/, { timeout: 20_000 });
}

/** Wait until the run has paused at `step` (a preset stops at its step count). */
async function waitForPauseAt(page, step) {
  await expect
    .poll(async () => `${await read(page, 'step')} ${await read(page, 'playing')}`, { timeout: 60_000, intervals: [250] })
    .toBe(`${step} false`);
}

/** Click (or tap) the big map at a fraction of its width and height. */
async function clickMap(page, u, v) {
  const map = page.locator(`${screen} .nw-map__overlay`);
  const box = await map.boundingBox();
  await map.click({ position: { x: box.width * u, y: box.height * v } });
}

/** Press Tab until `locator` has focus (at most `limit` presses). */
async function tabTo(page, locator, limit = 120) {
  for (let i = 0; i < limit; i += 1) {
    if (await locator.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${locator}`);
}

test.describe('network screen', () => {
  test('loads with no console errors and no request outside the origin', async ({ page }) => {
    const watch = watchPage(page);
    await openScreen(page);
    // Motion allowed: it plays on its own, and every part is there.
    await expect(action(page, 'play')).toContainText('Pause');
    await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(0);
    await expect(page.locator(`${screen} .diagram-unit`)).toHaveCount(24);
    await expect(page.locator(`${screen} .layer-meters tbody tr`)).toHaveCount(3);
    await expect(page.locator(`${screen} .nw-chart canvas`)).toHaveCount(4);
    await expect(page.locator(`${screen} .nw-map__overlay`)).toHaveAttribute('aria-label', /^Decision map after [\d,]+ training steps/);
    // The settings went into the address.
    await expect(page).toHaveURL(/#v=1&data=circle&.*layers=8,8,8&.*lr=0\.03/);
    await expect(field(page, 'hash-notice')).toBeHidden();
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('training on the circle passes 90% test accuracy', async ({ page }) => {
    await openScreen(page, '#speed=20');
    await expect
      .poll(() => readNumber(page, 'test-accuracy'), { timeout: 30_000, intervals: [250] })
      .toBeGreaterThan(0.9);
    // The text is the value rounded to a tenth of a percent: 0.9004 reads "90.0%".
    const accuracy = await field(page, 'test-accuracy').textContent();
    expect(Number(accuracy.replace('%', ''))).toBeGreaterThanOrEqual(90);
  });

  test('kill preset: most units die, in the diagram, the meters and the log; PReLU: none can', async ({ page }) => {
    await openScreen(page, '#preset=kill&speed=100');
    await expect(page.locator(`${screen} [data-preset="kill"]`)).toHaveAttribute('aria-pressed', 'true');
    await waitForPauseAt(page, 2000);
    const dead = await readNumber(page, 'off-units');
    expect(dead).toBeGreaterThanOrEqual(16);
    await expect(field(page, 'dead-units')).toHaveText(`${dead} of 24`);
    // The diagram marks exactly these units dead; the meters count them layer by layer.
    await expect(page.locator(`${screen} .diagram-unit[data-dead="true"]`)).toHaveCount(dead);
    const perLayer = await page
      .locator(`${screen} .layer-meters tbody [data-field="dead"]`)
      .evaluateAll((cells) => cells.map((cell) => Number(cell.dataset.value)));
    expect(perLayer.reduce((a, b) => a + b, 0)).toBe(dead);
    await expect(page.locator(`${screen} .layer-meters`)).toContainText(`${dead} of 24 units dead`);
    // Deaths were told near the diagram, e.g. "Units 1.2, 3.4 and … died between steps …".
    await expect(field(page, 'event-log')).toContainText(/died/);
    await expect(field(page, 'announcer')).toContainText(/Paused at step 2,000, where this scenario shows its effect/);
    await expect(page.locator(`${screen} [data-chart="dead"] canvas`)).toHaveAttribute('aria-label', /times a unit died or came back/);

    // The same run with PReLU: no unit can die; the loss is still far from healthy.
    await page.locator(`${screen} [data-preset="prelu"]`).click();
    await expect(page.locator(`${screen} [data-preset="prelu"]`)).toHaveAttribute('aria-pressed', 'true');
    // Faster: the speed is not part of the run, so the preset stays active.
    await page.locator(`${screen} [data-setting="stepsPerFrame"]`).evaluate((slider) => {
      slider.value = '100';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await waitForPauseAt(page, 2000);
    const inactive = await readNumber(page, 'off-units');
    expect(inactive).toBeLessThanOrEqual(dead / 4);
    await expect(field(page, 'off-label')).toHaveText('Inactive units');
    await expect(page.locator(`${screen} .diagram-unit[data-dead="true"]`)).toHaveCount(0);
    expect(await readNumber(page, 'test-accuracy')).toBeGreaterThan(0.9);
  });

  test('widening a hidden layer while playing throws nothing and the connections follow', SOURCE, async ({ page }) => {
    // Issue 9: a wider layer was handed the narrower network's statistics for up to 100 ms, so
    // the diagram threw on every frame and stopped drawing its connections.
    const watch = watchPage(page);
    await openScreen(page);
    await expect(action(page, 'play')).toContainText('Pause');
    const units = page.locator(`${screen} .diagram-unit`);
    /** How many of the canvas pixels just left of the last unit of the last hidden layer are
     *  painted: every connection into that unit ends there. */
    const inkBeforeLastUnit = () =>
      page.evaluate((selector) => {
        const root = document.querySelector(selector);
        const canvas = root.querySelector('.network-diagram__canvas');
        const buttons = [...root.querySelectorAll('.diagram-unit')];
        const lastLayer = Math.max(...buttons.map((b) => Number(b.dataset.layer)));
        const unit = buttons.filter((b) => Number(b.dataset.layer) === lastLayer).at(-1);
        const scale = canvas.width / canvas.clientWidth;
        const x = Math.round((unit.offsetLeft - 7) * scale);
        const y = Math.round((unit.offsetTop + unit.offsetHeight / 2 - 3) * scale);
        const size = Math.round(6 * scale);
        const pixels = canvas.getContext('2d').getImageData(x, y, size, size).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) painted += 1;
        return painted;
      }, screen);
    const expectConnections = async (widths) => {
      await expect(units).toHaveCount(widths.reduce((sum, width) => sum + width, 0));
      await expect(page).toHaveURL(new RegExp(`layers=${widths.join(',')}(&|$)`));
      await expect.poll(inkBeforeLastUnit, { timeout: 5_000 }).toBeGreaterThan(0);
    };
    // "+" on the first layer, several times in a row, then one more layer.
    const widen = page.locator(`${screen} [data-action="units"][data-layer="0"][data-delta="1"]`);
    for (let i = 1; i <= 3; i += 1) {
      await widen.click();
      await expectConnections([8 + i, 8, 8]);
    }
    await action(page, 'add-layer').click();
    await expectConnections([11, 8, 8, 8]);
    // Links that widen a layer (the hash is read again when the learner edits the address).
    for (const widths of [[16], [8, 8, 16], [16, 8, 8], [4], [16, 16]]) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, `#layers=${widths.join(',')}`);
      await expectConnections(widths);
      await expect(page.locator(screen)).toHaveAttribute('data-playing', 'true');
    }
    // And from script, as an embedding page would.
    await page.evaluate(async () => {
      const { mountNetworkScreen } = await import('/js/screens/network/screen.js');
      const host = document.createElement('div');
      host.id = 'scripted';
      document.querySelector('main').append(host);
      window.scripted = mountNetworkScreen(host, { useHash: false, idPrefix: 'scripted', autoplay: true });
    });
    const scripted = page.locator('#scripted .diagram-unit');
    await expect(scripted).toHaveCount(24);
    for (const hidden of [[8, 8, 9], [12, 8, 9], [12, 16, 9, 9]]) {
      await page.evaluate((widths) => window.scripted.setState({ network: { hidden: widths } }), hidden);
      await expect(scripted).toHaveCount(hidden.reduce((sum, width) => sum + width, 0));
    }
    await page.waitForTimeout(500); // several frames after the last change
    await page.evaluate(() => window.scripted.destroy());
    expect(watch.errors).toEqual([]);
  });

  test('a copied link reproduces the run exactly', async ({ page, context }) => {
    // A preset plays to its step count and pauses there: a fixed number of steps.
    await openScreen(page, '#preset=healthy&speed=100');
    await waitForPauseAt(page, 2000);
    const link = page.url();
    const losses = [await read(page, 'train-loss'), await read(page, 'test-loss')];
    expect(Number(losses[0])).toBeGreaterThan(0);
    const again = await context.newPage();
    await again.goto(link);
    await waitForPauseAt(again, 2000);
    expect([await read(again, 'train-loss'), await read(again, 'test-loss')]).toEqual(losses);
    expect(again.url()).toBe(link);
    await again.close();
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });

    test('a link with your own points and settings reproduces the same steps', async ({ page, context }) => {
      await openScreen(page, '#data=xor&noise=0.2&layers=6,5&act=elu&opt=adam&lr=0.01&batch=7&seed=11');
      await expect(action(page, 'play')).toContainText('Play'); // no autoplay
      // Add two points by their coordinates (the keyboard way) and one by clicking the map.
      await page.locator(`${screen} [data-add="x1"]`).fill('2.5');
      await page.locator(`${screen} [data-add="x2"]`).fill('-3');
      await page.locator(`${screen} [data-add="label"]`).selectOption('1');
      await action(page, 'add-point').click();
      await page.locator(`${screen} [data-add="x1"]`).fill('-1.23');
      await action(page, 'add-point').click();
      await page.locator(`${screen} [data-mode][value="0"]`).check();
      await clickMap(page, 0.5, 0.33);
      await expect(page).toHaveURL(/pts=[A-Za-z0-9_-]{9}(&|$)/);
      await expect(field(page, 'own-points')).toHaveText('3 of your own points added to the set.');
      for (let i = 0; i < 12; i += 1) await action(page, 'step').click();
      await expect(page.locator(screen)).toHaveAttribute('data-step', '12');
      const link = page.url();
      const losses = [await read(page, 'train-loss'), await read(page, 'test-loss')];

      const again = await context.newPage();
      await again.goto(link);
      await expect(again.locator(screen)).toHaveAttribute('data-step', '0');
      for (let i = 0; i < 12; i += 1) await again.locator(`${screen} [data-action="step"]`).click();
      await expect(again.locator(screen)).toHaveAttribute('data-step', '12');
      expect([await read(again, 'train-loss'), await read(again, 'test-loss')]).toEqual(losses);
      await expect(again.locator(`${screen} [data-field="own-points"]`)).toHaveText('3 of your own points added to the set.');
      await again.close();
    });

    test('a malformed link shows a notice and loads the valid part', async ({ page }) => {
      const watch = watchPage(page);
      await openScreen(page, '#lr=abc&layers=8,99&opt=adam&bogus=1');
      await expect(field(page, 'hash-notice')).toBeVisible();
      await expect(field(page, 'hash-notice')).toContainText(/could not be used \(lr, bogus, layers\)/);
      await expect(page.locator(`${screen} [data-setting="train.optimizer"]`)).toHaveValue('adam');
      await expect(page.locator(`${screen} input[type="number"][data-setting="train.learningRate"]`)).toHaveValue('0.03');
      await expect(page.locator(`${screen} .diagram-unit`)).toHaveCount(24);
      // The page still works, and the address now holds a clean, complete state.
      await action(page, 'step').click();
      await expect(page.locator(screen)).toHaveAttribute('data-step', '1');
      await expect(page).toHaveURL(/#v=1&.*layers=8,8,8&.*opt=adam&lr=0\.03/);
      await action(page, 'dismiss-notice').click();
      await expect(field(page, 'hash-notice')).toBeHidden();
      // Garbage that is not even key=value pairs.
      await openScreen(page, '#%E0%A4%A&&==');
      await expect(field(page, 'hash-notice')).toBeVisible();
      expect(watch.errors).toEqual([]);
    });

    test('divergence pauses, explains, keeps the settings; Reset recovers', async ({ page }) => {
      await openScreen(page, '#layers=8,8&act=leaky-relu&init=normal&lr=10&seed=4');
      const hash = new URL(page.url()).hash;
      await action(page, 'play').click();
      await expect(field(page, 'diverged')).toBeVisible();
      await expect(field(page, 'diverged')).toContainText('learning rate is probably too high');
      await expect(action(page, 'play')).toBeDisabled();
      await expect(action(page, 'play')).toContainText('Play');
      await expect(action(page, 'step')).toBeDisabled();
      await expect(field(page, 'announcer')).toContainText(/^Training stopped at step \d+: it diverged/);
      expect(new URL(page.url()).hash).toBe(hash);
      await field(page, 'diverged').locator('[data-action="reset"]').click();
      await expect(field(page, 'diverged')).toBeHidden();
      await expect(page.locator(screen)).toHaveAttribute('data-step', '0');
      await expect(action(page, 'play')).toBeEnabled();
    });

    test('clear, then draw a data set of your own', async ({ page }) => {
      await openScreen(page);
      await action(page, 'clear').click();
      await expect(field(page, 'own-points')).toHaveText('0 points of your own: add some to train.');
      await expect(action(page, 'play')).toBeDisabled();
      await expect(page.locator(`${screen} [data-mode][value="0"]`)).toBeChecked();
      await clickMap(page, 0.5, 0.4);
      await page.locator(`${screen} [data-mode][value="1"]`).check();
      await clickMap(page, 0.3, 0.4);
      await expect(field(page, 'own-points')).toHaveText('2 points of your own.');
      await expect(page).toHaveURL(/data=custom&.*pts=/);
      await expect(action(page, 'play')).toBeEnabled();
      await action(page, 'step').click();
      await expect(page.locator(screen)).toHaveAttribute('data-step', '1');
    });

    test('keyboard only: change a setting, train, inspect a point', async ({ page }) => {
      test.setTimeout(60_000); // many Tab presses: from the map's side round to the inspector
      await openScreen(page);
      // A setting: one more hidden layer.
      const addLayer = action(page, 'add-layer');
      await tabTo(page, addLayer);
      expect(await addLayer.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
      await page.keyboard.press('Enter');
      await expect(field(page, 'layer-count')).toHaveText('4');
      await expect(page).toHaveURL(/layers=8,8,8,8&/);
      await expect(page.locator(`${screen} .diagram-unit`)).toHaveCount(32);
      // A unit stepper: one unit fewer in layer 1, focus stays on the button.
      const fewer = page.locator(`${screen} [data-action="units"][data-layer="0"][data-delta="-1"]`);
      await tabTo(page, fewer);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/layers=7,8,8,8&/);
      await expect(fewer).toBeFocused();
      // The learning rate slider, by arrow keys: 0.03 → 0.05.
      const rate = page.locator(`${screen} input[type="range"][data-setting="train.learningRate"]`);
      await tabTo(page, rate);
      await page.keyboard.press('ArrowRight');
      await expect(rate).toHaveAttribute('aria-valuetext', '0.05');
      await expect(page).toHaveURL(/lr=0\.05&/);

      // Train: Play with Space, then pause.
      const play = action(page, 'play');
      await tabTo(page, play);
      await page.keyboard.press('Space');
      await expect(play).toContainText('Pause');
      await expect.poll(() => readNumber(page, 'step'), { timeout: 20_000 }).toBeGreaterThan(100);
      await page.keyboard.press('Space');
      await expect(play).toContainText('Play');
      await expect(field(page, 'announcer')).toHaveText(/^Paused at step [\d,]+: test accuracy \d+%, \d+ of 31 units dead, layer 1 \d+% sparse/);

      // Inspect training point 5, then step through its passes with the arrow keys.
      const index = field(page, 'inspect-index');
      await tabTo(page, index);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('5');
      await page.keyboard.press('Enter');
      const inspector = page.locator(`${screen} .trace-inspector`);
      await expect(inspector).toBeVisible();
      await expect(field(page, 'inspect-hint')).toContainText('Following training point 5');
      await page.keyboard.press('ArrowUp'); // the number field: point 6
      await page.keyboard.press('Enter');
      await expect(field(page, 'inspect-hint')).toContainText('Following training point 6');
      const next = inspector.locator('[data-action="next"]');
      await tabTo(page, next);
      const current = inspector.locator('[aria-current="step"]');
      const first = await current.textContent();
      await page.keyboard.press('Enter');
      await expect(current).not.toHaveText(first);
      await page.keyboard.press('ArrowRight');
      await expect(inspector.locator('[data-field="explanation"]')).not.toBeEmpty();
      // Close it again from the keyboard.
      await tabTo(page, action(page, 'inspect-close'));
      await page.keyboard.press('Enter');
      await expect(inspector).toBeHidden();
    });

    test('two screens live on one page; controls can be hidden or disabled; destroy cleans up', SOURCE, async ({ page }) => {
      const watch = watchPage(page);
      await openScreen(page, '#preset=healthy');
      const hash = new URL(page.url()).hash;
      await page.evaluate(async () => {
        const { mountNetworkScreen } = await import('/js/screens/network/screen.js');
        const host = document.createElement('div');
        host.id = 'second';
        document.querySelector('main').append(host);
        window.secondScreen = mountNetworkScreen(host, {
          useHash: false,
          idPrefix: 'second',
          state: { data: { name: 'xor' }, network: { hidden: [4, 4] } },
          controls: { hidden: ['presets', 'new-seed'], disabled: ['layers'] },
        });
      });
      const second = page.locator('#second [data-network-screen]');
      await expect(second).toHaveAttribute('data-step', '0');
      await expect(second.locator('.diagram-unit')).toHaveCount(8);
      await expect(second.locator('[data-control="presets"]')).toBeHidden();
      await expect(second.locator('[data-action="new-seed"]')).toBeHidden();
      await expect(second.locator('[data-action="add-layer"]')).toBeDisabled();
      await second.locator('[data-action="step"]').click();
      await expect(second).toHaveAttribute('data-step', '1');
      // The first screen and the address are untouched.
      await expect(page.locator(screen).first()).toHaveAttribute('data-step', '0');
      expect(new URL(page.url()).hash).toBe(hash);
      const state = await page.evaluate(() => window.secondScreen.getState());
      expect(state.data.name).toBe('xor');
      expect(state.network.hidden).toEqual([4, 4]);
      expect(await page.evaluate(() => window.secondScreen.setState({ train: { learningRate: 0.1 } }))).toEqual([]);
      await expect(second.locator('input[type="number"][data-setting="train.learningRate"]')).toHaveValue('0.1');
      await page.evaluate(() => window.secondScreen.destroy());
      await expect(page.locator('#second')).toBeEmpty();
      expect(watch.errors).toEqual([]);
    });

    test('every control is labelled and at least 24 px', async ({ page }) => {
      await openScreen(page);
      const controls = page.locator(`${screen} :is(button, input, select):visible`);
      const count = await controls.count();
      expect(count).toBeGreaterThan(40);
      for (let i = 0; i < count; i += 1) {
        const control = controls.nth(i);
        const box = await control.boundingBox();
        const type = await control.getAttribute('type');
        if (type !== 'radio' && type !== 'checkbox') {
          expect(box.height, await control.evaluate((el) => el.outerHTML.slice(0, 80))).toBeGreaterThanOrEqual(24);
        }
        await expect(control).toHaveAccessibleName(/\S/);
      }
    });

    test('inspecting a point pauses training, and stopping resumes it', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      await openScreen(page);
      await expect(page.locator(screen)).toHaveAttribute('data-playing', 'true');
      await action(page, 'inspect').click();
      await expect(page.locator(screen)).toHaveAttribute('data-playing', 'false');
      await expect(field(page, 'inspect-hint')).toContainText('Training is paused while you inspect');
      const step = await read(page, 'step');
      await page.waitForTimeout(600);
      expect(await read(page, 'step')).toBe(step); // the numbers hold still
      await action(page, 'inspect-close').click();
      await expect(page.locator(screen)).toHaveAttribute('data-playing', 'true');
      await expect.poll(() => readNumber(page, 'step')).toBeGreaterThan(Number(step));
    });

    test('locked controls say “Fixed for this lesson” in visible text', SOURCE, async ({ page }) => {
      await openScreen(page);
      await page.evaluate(async () => {
        const { mountNetworkScreen } = await import('/js/screens/network/screen.js');
        const host = document.createElement('div');
        host.id = 'locked';
        document.querySelector('main').append(host);
        window.locked = mountNetworkScreen(host, { useHash: false, idPrefix: 'locked', controls: { disabled: ['learning-rate', 'step'] } });
      });
      const locked = page.locator('#locked');
      await expect(locked.locator('[data-control="learning-rate"] .nw-locked')).toHaveText('Fixed for this lesson');
      await expect(locked.locator('[data-control="learning-rate"] .nw-locked')).toBeVisible();
      await expect(locked.locator('[data-control="step"] .nw-locked')).toBeVisible();
      await expect(locked.locator('[data-control="optimizer"] .nw-locked')).toHaveCount(0);
      await page.evaluate(() => window.locked.destroy());
    });

    test('the guide opens on a first visit, from one button, and not from a link', async ({ page }) => {
      await openScreen(page);
      const guide = field(page, 'guide');
      await expect(guide).toBeVisible();
      await expect(guide).toContainText('Inside the network: each square is one hidden unit');
      await action(page, 'guide-close').click();
      await expect(guide).toBeHidden();
      await expect(action(page, 'guide')).toHaveAttribute('aria-expanded', 'false');
      await action(page, 'guide').click();
      await expect(guide).toBeVisible();
      await page.goto('about:blank');
      await openScreen(page, '#preset=healthy');
      await expect(field(page, 'guide')).toBeHidden();
      expect(await page.evaluate(() => localStorage.length)).toBe(0); // nothing stored
    });

    for (const colorScheme of ['light', 'dark']) {
      test(`axe-core finds no violations (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await openScreen(page, '#preset=kill');
        for (let i = 0; i < 5; i += 1) await action(page, 'step').click();
        await action(page, 'inspect').click(); // the inspector too
        await expect(page.locator(`${screen} .trace-inspector`)).toBeVisible();
        await page.locator(`${screen} .diagram-unit`).nth(3).focus(); // and the unit card
        await expectNoAxeViolations(page);
      });
    }
  });

  test.describe('every sentence true (issue 10)', () => {
    test('the corrected sentences are gone and the new ones are there', async ({ page }) => {
      const sentence = field(page, 'preset-sentence');
      await openScreen(page, '#preset=kill&speed=1');
      await expect(sentence).toContainText('a deeper unit can come back when the layers below it change');
      await expect(sentence).not.toContainText('They never come back');
      await openScreen(page, '#preset=vanishing&speed=1');
      await expect(sentence).toContainText('each layer passes back only about a fifth of the gradient');
      await expect(sentence).not.toContainText('at most 1/4');
      await openScreen(page, '#preset=negative-bias&speed=1');
      await expect(page.locator(`${screen} [data-preset="negative-bias"]`)).toHaveText('Dead from the start: bias −5');
      await expect(sentence).toContainText('the network is born dead (its output is constant over the input plane at initialisation)');
      await openScreen(page, '#preset=revive&speed=1'); // an old link
      await expect(page.locator(`${screen} [data-preset="prelu"]`)).toHaveAttribute('aria-pressed', 'true');
      await expect(sentence).toContainText('no unit can die (there is nothing to revive)');
      const text = await page.locator(screen).innerText();
      for (const gone of ['Revive with PReLU', 'Born dead: bias', 'Hardly any unit ends inactive', 'No gradient reaches the last hidden layer', 'half the units']) {
        expect(text).not.toContain(gone);
      }
      // The weight penalty says what it does; the unit card shows the unit's own gradient.
      await expect(page.locator(`${screen} [data-control="regularization"]`)).toContainText('The penalty is on the weights');
      await expect(page.locator(`${screen} .unit-card`)).toContainText('Its mean |dL/dz|');
    });

    test('dead from the start is explained at step 0; ratios read as factors; the layer table has the activation scale', async ({ page }) => {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await openScreen(page);
      await expect(field(page, 'start-note')).toContainText('At step 0, 3 of the 24 units were already dead (layers 2 and 3): dead from the start');
      await expect(page.locator(`${screen} .layer-meters__summary`)).toContainText(/Gradient ‖dL\/dz‖ at layer 1 is (×|1\/)[\d.,]+ (of )?that at layer 3\./);
      await expect(page.locator(`${screen} .layer-meters__summary`)).not.toContainText('%');
      const scales = await page.locator(`${screen} .layer-meters tbody [data-field="scale"]`).evaluateAll((cells) => cells.map((cell) => Number(cell.dataset.value)));
      expect(scales).toHaveLength(3);
      for (const scale of scales) expect(scale).toBeGreaterThan(0.5);
    });

    test('ReLU at learning rate 10: the screen says the rate is too high and most units died', async ({ page }) => {
      await openScreen(page, '#lr=10&speed=20');
      const warning = field(page, 'rate-warning');
      await expect(warning).toBeVisible({ timeout: 30_000 });
      await expect(warning).toContainText('The learning rate is too high for these ReLU units: most of them died');
      await expect(field(page, 'announcer')).toContainText('most of them died');
      await expect(page.locator(screen)).toHaveAttribute('data-playing', 'true'); // it goes on
      await expect(field(page, 'diverged')).toBeHidden();
    });

    test('the loss chart follows the data: a loss of 13 is on the chart', async ({ page }) => {
      await openScreen(page, '#preset=prelu&speed=100');
      await waitForPauseAt(page, 2000);
      expect(await readNumber(page, 'train-loss')).toBeGreaterThan(13);
      const loss = page.locator(`${screen} [data-chart="loss"] canvas`);
      await expect(loss).toHaveAttribute('data-y-scale', 'log');
      const top = Number(await loss.getAttribute('data-y-max'));
      const highest = Number(await loss.getAttribute('data-max-loss'));
      expect(highest).toBeGreaterThan(13);
      expect(top).toBeGreaterThanOrEqual(highest);
      await expect(field(page, 'rate-warning')).toContainText('The loss is exploding');
    });
  });

  test.describe('on a phone (360 px)', () => {
    test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, reducedMotion: 'reduce' });

    test('the learning rate is two taps from the top; Inspect brings its trace into view', async ({ page }) => {
      await openScreen(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await action(page, 'settings').tap();
      await page.locator(`${screen} [data-action="settings-tab"][data-group="train"]`).tap();
      const rate = page.locator(`${screen} input[type="range"][data-setting="train.learningRate"]`);
      await expect(rate).toBeInViewport();
      await page.locator(`${screen} [data-action="settings-close"]`).tap();
      await expect(rate).toBeHidden();
      await action(page, 'inspect').tap();
      await expect(page.locator(`${screen} .trace-inspector`)).toBeInViewport();
    });

    test('every touch target is at least 44 × 44 px and no text is under 12 px', async ({ page }) => {
      await openScreen(page, '#preset=kill');
      await action(page, 'step').tap();
      await action(page, 'inspect').tap();
      await action(page, 'settings').tap();
      const small = await page.evaluate((selector) => {
        const root = document.querySelector(selector);
        const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const targets = [...root.querySelectorAll('button, select, input, a[href]')].filter(visible)
          .map((el) => (el.matches('input[type="radio"], input[type="checkbox"]') ? el.closest('label') ?? el : el));
        const tooSmall = targets.filter((el) => {
          const r = el.getBoundingClientRect();
          return r.height < 44 || r.width < 44;
        }).map((el) => `${el.outerHTML.slice(0, 70)} ${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const tinyText = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const el = node.parentElement;
          if (!node.textContent.trim() || !visible(el) || el.closest('.visually-hidden')) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < 12) tinyText.push(`${size}px: ${node.textContent.trim().slice(0, 30)}`);
        }
        return { tooSmall, tinyText };
      }, screen);
      expect(small.tooSmall).toEqual([]);
      expect(small.tinyText).toEqual([]);
    });
  });
});
