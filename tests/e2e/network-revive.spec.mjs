// End-to-end tests of revival in place on the Network screen: the "Kill, then revive" scenario
// shows dead units coming back after the switch to leaky ReLU (in the event log, the live
// region and a mark on the charts), the switch schedule lives in the address (`then=`) and
// round-trips, a switch the learner makes joins it, a malformed one gives the notice, and the
// L1 penalty on the activations is offered, labelled and keyboard operable. axe-core in light
// and dark; screenshots at 360 and 1280 px (tests/e2e/screenshots/network-revive-*.png).
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, screenshot, watchPage } from './support.mjs';

const screen = '[data-network-screen]';
const field = (page, name) => page.locator(`${screen} [data-field="${name}"]:not([data-view] *)`);
const action = (page, name) => page.locator(`${screen} [data-action="${name}"]:not([data-view] *)`).first();
const read = async (page, name) => page.locator(screen).getAttribute(`data-${name}`);
const readNumber = async (page, name) => Number(await read(page, name));
const activation = (page) => page.locator(`${screen} select[data-setting="network.activation"]`);

/** Open network.html with `hash` and wait until the screen has drawn its first frame. */
async function openScreen(page, hash = '') {
  await page.goto(`/network.html${hash}`);
  await expect(page.locator(screen)).toHaveAttribute('data-step', /^\d+$/, { timeout: 20_000 });
}

/** Wait until the run has paused at `step`. */
async function waitForPauseAt(page, step) {
  await expect
    .poll(async () => `${await read(page, 'step')} ${await read(page, 'playing')}`, { timeout: 60_000, intervals: [250] })
    .toBe(`${step} false`);
}

/** Click Step `count` times and wait for the step count. */
async function stepTimes(page, count) {
  const start = await readNumber(page, 'step');
  for (let i = 0; i < count; i += 1) await action(page, 'step').click();
  await expect(page.locator(screen)).toHaveAttribute('data-step', String(start + count));
}

/** How many pixels of the loss chart's column at `step` are drawn in the ink colour. */
async function inkAtStep(page, step) {
  return page.evaluate(({ selector, at }) => {
    const canvas = document.querySelector(`${selector} [data-chart="loss"] canvas`);
    const ink = getComputedStyle(canvas).getPropertyValue('--plot-ink').trim();
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = ink;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const scale = canvas.width / canvas.clientWidth;
    // The plot spans x = 40 … width − 10 CSS px (draw/history-chart.js CHART_MARGIN) over the
    // steps 0 … the last tick, which the canvas publishes.
    const end = Number(canvas.dataset.xEnd);
    const x = Math.round((40 + ((canvas.clientWidth - 50) * at) / end) * scale);
    // Inside the plot only (the tick labels below it are ink too): top 8, bottom 22 CSS px.
    const top = Math.round(8 * scale);
    const column = canvas.getContext('2d').getImageData(x - 1, top, 3, canvas.height - top - Math.round(22 * scale)).data;
    let count = 0;
    for (let i = 0; i < column.length; i += 4) {
      if (Math.abs(column[i] - r) + Math.abs(column[i + 1] - g) + Math.abs(column[i + 2] - b) < 40 && column[i + 3] > 200) count += 1;
    }
    return count;
  }, { selector: screen, at: step });
}

test.describe('revival in place', () => {
  test('Kill, then revive: units die under ReLU, then come back under leaky ReLU, in the log and on the charts', async ({ page }) => {
    const watch = watchPage(page);
    await openScreen(page, '#preset=kill-revive&speed=100');
    const button = page.locator(`${screen} [data-preset="kill-revive"]`);
    await expect(button).toHaveText('Kill, then revive');
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/&then=leaky-relu@1000(&|$)/);
    await expect(field(page, 'schedule')).toHaveText('ReLU at step 0; every hidden layer switches at step 1,000 to leaky ReLU, keeping the weights.');
    await waitForPauseAt(page, 3000);
    // The switch, in the log and in words under the charts, with the dead count it found.
    const log = field(page, 'event-log');
    await expect(log).toContainText(/Switched every hidden layer from ReLU to leaky ReLU at step 1,000, keeping the weights\. (\d+) of the 24 units were dead; as leaky ReLU units they are only inactive/);
    const told = Number((await log.innerText()).match(/step 1,000, keeping the weights\. (\d+) of the 24/)[1]);
    expect(told).toBeGreaterThanOrEqual(12);
    // Units coming back after it: the log says so for leaky ReLU units ("active again").
    const items = await log.locator('li').allInnerTexts();
    const switchLine = items.findIndex((text) => text.startsWith('Switched every hidden layer'));
    expect(switchLine).toBeGreaterThan(0); // newer lines above it
    expect(items.slice(0, switchLine).join(' ')).toMatch(/(became active again|went inactive and back) (at|between) steps? 1,0/);
    // Fewer units off now than were dead at the switch; the activation shown is the new one.
    expect(await readNumber(page, 'off-units')).toBeLessThan(told / 2);
    await expect(field(page, 'off-label')).toHaveText('Inactive units');
    await expect(activation(page)).toHaveValue('leaky-relu');
    // A mark on the charts: words, text alternatives and the dashed line itself.
    await expect(field(page, 'switch-marks')).toHaveText('The dashed line marks step 1,000, where every hidden layer switched to leaky ReLU, keeping the weights.');
    for (const chart of ['loss', 'accuracy', 'dead', 'sparsity']) {
      await expect(page.locator(`${screen} [data-chart="${chart}"] canvas`)).toHaveAttribute('aria-label', /The dashed line marks step 1,000/);
    }
    expect(await inkAtStep(page, 1000)).toBeGreaterThan(20);
    expect(await inkAtStep(page, 2000)).toBeLessThan(10); // no line where nothing switched
    await expect(page.locator(`${screen} [data-preset="kill-revive"]`)).toHaveAttribute('aria-pressed', 'true');

    // Reset replays the run from ReLU: the mark goes with the switch.
    await action(page, 'reset').click();
    await expect(page.locator(screen)).toHaveAttribute('data-step', '0');
    await expect(activation(page)).toHaveValue('relu');
    await expect(field(page, 'switch-marks')).toBeHidden();
    expect(watch.errors).toEqual([]);
  });

  test.describe('with reduced motion', () => {
    test.use({ reducedMotion: 'reduce' });

    test('the switch schedule round-trips in the link and is said on the page', async ({ page, context }) => {
      await openScreen(page, '#layers=6,6&seed=2&then=elu@5');
      await expect(page).toHaveURL(/&then=elu@5(&|$)/);
      await expect(field(page, 'schedule')).toHaveText('ReLU at step 0; every hidden layer switches at step 5 to ELU, keeping the weights.');
      await stepTimes(page, 5);
      await expect(activation(page)).toHaveValue('relu'); // the switch trains from step 5
      await stepTimes(page, 1);
      await expect(activation(page)).toHaveValue('elu');
      await expect(field(page, 'event-log')).toContainText('Switched every hidden layer from ReLU to ELU at step 5, keeping the weights.');
      await expect(field(page, 'announcer')).toContainText('Switched every hidden layer from ReLU to ELU at step 5');
      await stepTimes(page, 4);
      const link = page.url();
      const losses = [await read(page, 'train-loss'), await read(page, 'test-loss')];
      // The same link elsewhere: the same schedule, the same run.
      const again = await context.newPage();
      await again.goto(link);
      await expect(again.locator(screen)).toHaveAttribute('data-step', '0');
      await expect(again.locator(`${screen} [data-field="schedule"]`)).toContainText('at step 5 to ELU');
      for (let i = 0; i < 10; i += 1) await again.locator(`${screen} [data-action="step"]`).click();
      await expect(again.locator(screen)).toHaveAttribute('data-step', '10');
      expect([await read(again, 'train-loss'), await read(again, 'test-loss')]).toEqual(losses);
      expect(again.url()).toBe(link);
      await again.close();
    });

    test('switching by the control keeps the step and joins the link; off, it starts again', async ({ page }) => {
      const watch = watchPage(page);
      await openScreen(page, '#layers=6,6&seed=2');
      await stepTimes(page, 7);
      await expect(page.locator(`${screen} [data-setting="keepWeights"]`)).toBeChecked();
      await activation(page).selectOption('leaky-relu');
      await expect(page.locator(screen)).toHaveAttribute('data-step', '7'); // the same weights, go on
      await expect(page).toHaveURL(/&act=relu&.*&then=leaky-relu@7(&|$)/);
      await expect(field(page, 'event-log')).toContainText('Switched every hidden layer from ReLU to leaky ReLU at step 7, keeping the weights.');
      await expect(field(page, 'switch-marks')).toContainText('marks step 7');
      await stepTimes(page, 2);
      // PReLU adds a learned slope per unit (the parameters' layout changes): still in place.
      await activation(page).selectOption('prelu');
      await expect(page).toHaveURL(/&then=leaky-relu@7,prelu@9(&|$)/);
      await expect(field(page, 'switch-marks')).toContainText('The dashed lines mark step 7');
      await stepTimes(page, 2);
      await expect(page.locator(`${screen} .diagram-unit`)).toHaveCount(12);
      expect(watch.errors).toEqual([]);
      // Without keeping the weights, a new activation is a new network from step 0.
      await page.locator(`${screen} [data-setting="keepWeights"]`).uncheck();
      await activation(page).selectOption('elu');
      await expect(page.locator(screen)).toHaveAttribute('data-step', '0');
      await expect(page).toHaveURL(/&act=elu&/);
      await expect(page).not.toHaveURL(/then=/);
      await expect(field(page, 'schedule')).toBeHidden();
    });

    test('a malformed schedule in the link gives the notice and the defaults', async ({ page }) => {
      const watch = watchPage(page);
      await openScreen(page, '#then=leaky-relu@soon&opt=adam');
      await expect(field(page, 'hash-notice')).toBeVisible();
      await expect(field(page, 'hash-notice')).toContainText('could not be used (then)');
      await expect(page.locator(`${screen} [data-setting="train.optimizer"]`)).toHaveValue('adam');
      await expect(field(page, 'schedule')).toBeHidden();
      await expect(page).not.toHaveURL(/then=/);
      await openScreen(page, '#then=elu@30,relu@20');
      await expect(field(page, 'hash-notice')).toContainText('could not be used (then)');
      expect(watch.errors).toEqual([]);
    });

    test('the L1 penalty on the activations: labelled as such, keyboard operable, in the link', async ({ page }) => {
      await openScreen(page, '#al1=0.003');
      const penalty = page.locator(`${screen} select[data-setting="train.activationL1"]`);
      await expect(penalty).toHaveValue('0.003');
      await expect(penalty).toHaveAccessibleName('Penalty on the activations (L1, |a|)');
      await expect(penalty).toHaveAccessibleDescription(/a penalty on the activations a, not on the weights/);
      await expect(page.locator(`${screen} [data-control="regularization"]`)).toContainText('that takes the penalty on the activations below');
      // The keyboard: Tab to it (from the weight penalty's rate), arrow keys change it.
      await page.locator(`${screen} [data-setting="train.regularization"]`).focus();
      for (let i = 0; i < 5 && !(await penalty.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
      await expect(penalty).toBeFocused();
      expect(await penalty.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
      await page.keyboard.press('ArrowDown');
      await expect(penalty).toHaveValue('0.01');
      await expect(page).toHaveURL(/&al1=0\.01&/);
      await page.keyboard.press('Home');
      await expect(penalty).toHaveValue('0');
      await expect(page).toHaveURL(/&al1=0&/);
      // A training setting: the run goes on (no new network).
      await stepTimes(page, 3);
      await penalty.selectOption('0.1');
      await expect(page.locator(screen)).toHaveAttribute('data-step', '3');
      // A rate from a link between the stops is shown as it is.
      await openScreen(page, '#al1=0.005');
      await expect(penalty).toHaveValue('0.005');
      await expect(field(page, 'hash-notice')).toBeHidden();
    });

    for (const colorScheme of ['light', 'dark']) {
      test(`after the switch: axe-core finds no violations; screenshots at 360 and 1280 px (${colorScheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await openScreen(page, '#preset=kill-revive&then=leaky-relu@3&speed=1');
        await stepTimes(page, 8);
        await expect(field(page, 'switch-marks')).toBeVisible();
        await expectNoAxeViolations(page);
        await page.locator(`${screen} .nw-charts`).scrollIntoViewIfNeeded();
        await screenshot(page, `network-revive-1280-${colorScheme}`);
        await page.setViewportSize({ width: 360, height: 740 });
        await page.locator(`${screen} .nw-charts`).scrollIntoViewIfNeeded();
        await screenshot(page, `network-revive-360-${colorScheme}`);
        await action(page, 'settings').click();
        await page.locator(`${screen} [data-action="settings-tab"][data-group="network"]`).click();
        await expect(field(page, 'schedule')).toBeVisible();
        await page.screenshot({ path: `tests/e2e/screenshots/network-revive-360-settings-${colorScheme}.png` });
        await page.locator(`${screen} [data-action="settings-tab"][data-group="train"]`).click();
        await page.locator(`${screen} select[data-setting="train.activationL1"]`).scrollIntoViewIfNeeded();
        await page.screenshot({ path: `tests/e2e/screenshots/network-revive-360-l1-${colorScheme}.png` });
        await expectNoAxeViolations(page);
      });
    }
  });
});
