// The Experiments screen (experiments.html): each experiment at its quick setting, progress,
// cancel, no long task on the main thread while the worker runs, links, embedding, axe, and
// screenshots at 360 and 1280 px, light and dark (tests/e2e/screenshots/experiments-*.png).
import { test, expect } from '@playwright/test';
import { auditScreenshotTests, experimentCard as card, expectQuickRun, expectWorker, observeLongTasks, reportLongTasks, runQuick, watchPage } from './support.mjs';

const IDS = ['born-dead', 'gradient-depth', 'activation-scale', 'dying', 'revival'];

for (const id of IDS) {
  test(`${id}: the quick setting runs with progress, a verdict with numbers off the main thread`, async ({ page }) => {
    const watch = watchPage(page);
    const { card: c } = await expectQuickRun(page, id, /^Verdict: (true|partly|shown)\.$/);
    await expect(c.locator('[data-field="sentence"]')).toContainText(/\d+(\.\d+)?%|1\/[\d,]+|×[\d,]+/);
    await expect(c.locator('[data-field="alt"]')).not.toBeEmpty();
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
}

test('a long run shows its progress, draws partial results, keeps drawing frames and can be cancelled', async ({ page }) => {
  const watch = watchPage(page);
  await observeLongTasks(page);
  await page.goto('/experiments.html#experiment=born-dead&nets=2500');
  const c = card(page, 'born-dead');
  const before = await page.evaluate(() => performance.now());
  await c.getByRole('button', { name: 'Run' }).click();
  await expect(c.locator('progress')).toBeVisible();
  await expect(c.locator('[data-field="progress-text"]')).toContainText(/networks so far · (about \d+ s left|estimating)/, { timeout: 10_000 });
  await expect(c.locator('[data-field="verdict"]')).toContainText('so far');
  expectWorker(page);
  // Frames keep coming while the worker runs.
  const frames = await page.evaluate(() => new Promise((resolve) => {
    let count = 0;
    const start = performance.now();
    const tick = () => (performance.now() - start < 1000 ? (count += 1, requestAnimationFrame(tick)) : resolve(count));
    requestAnimationFrame(tick);
  }));
  expect(frames, 'the page keeps drawing while the worker runs').toBeGreaterThan(5);
  await c.getByRole('button', { name: 'Cancel' }).click();
  await expect(c.locator('[data-field="progress-text"]')).toContainText('Cancelled after');
  const shown = await c.locator('[data-field="progress-text"]').textContent();
  await page.waitForTimeout(600);
  await expect(c.locator('[data-field="progress-text"]')).toHaveText(shown);
  await expect(c.getByRole('button', { name: 'Cancel' })).toBeHidden();
  const after = await page.evaluate(() => performance.now());
  await reportLongTasks(page, before, after);
  expect(watch.errors).toEqual([]);
});

test('results are kept while the learner switches experiments; the link records the choice', async ({ page }) => {
  await page.goto('/experiments.html#experiment=activation-scale');
  const c = await runQuick(page, 'activation-scale');
  const sentence = await c.locator('[data-field="sentence"]').textContent();
  await page.getByRole('button', { name: 'Dying ReLU' }).click();
  await expect(card(page, 'dying')).toBeVisible();
  await expect(c).toBeHidden();
  expect(page.url()).toContain('#experiment=dying');
  await page.getByRole('button', { name: 'Activation scale across depth' }).click();
  await expect(c.locator('[data-field="sentence"]')).toHaveText(sentence);
});

test('a link restores the experiment and its parameters', async ({ page }) => {
  await page.goto('/experiments.html#experiment=dying&adamRates=0.003,0.3&seeds=3&domain=6');
  const c = card(page, 'dying');
  await expect(c).toBeVisible();
  await expect(card(page, 'born-dead')).toBeHidden();
  await expect(c.getByLabel('Adam learning rates')).toHaveValue('0.003,0.3');
  await expect(c.getByLabel('Seeds per setting')).toHaveValue('3');
  await expect(c.locator('[data-field="setup"]')).toContainText('[−6, 6]²');
  await c.getByText('Parameters', { exact: true }).click();
  await c.getByLabel('Seeds per setting').fill('5');
  await c.getByLabel('Seeds per setting').dispatchEvent('change');
  await expect.poll(() => page.url()).toContain('seeds=5');
});

test('each card names its sources as papers: authors, year, title, and the link the science notes give', async ({ page }) => {
  await page.goto('/experiments.html#experiment=born-dead');
  const first = card(page, 'born-dead').locator('.exp-sources li').first();
  await expect(first).toContainText('Lu, Shin, Su & Karniadakis (2020).');
  await expect(first.locator('cite')).toHaveText('Dying ReLU and Initialization: Theory and Numerical Examples');
  await expect(first.getByRole('link', { name: 'arXiv 1903.06733' })).toHaveAttribute('href', 'https://arxiv.org/abs/1903.06733');
  await page.getByRole('button', { name: 'Reviving dead units' }).click();
  await expect(card(page, 'revival').locator('.exp-sources cite')).toHaveText([
    'Rectifier Nonlinearities Improve Neural Network Acoustic Models',
    'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    'Fast and Accurate Deep Network Learning by Exponential Linear Units (ELUs)',
  ]);
  // A learner is never sent to the lab's own notes as if they were a source.
  await expect(page.locator('.exp-cards')).not.toContainText('SCIENCE.md');
});

test('embed.html and the element show one experiment', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/embed.html?screen=experiments&experiment=revival&seeds=2&activations=relu,elu');
  const c = page.locator('relu-lab').locator('.exp-card[data-experiment="revival"]');
  await expect(c).toBeVisible();
  await expect(page.locator('relu-lab').locator('.exp-card:visible')).toHaveCount(1);
  await expect(page.locator('relu-lab').locator('.exp-chooser')).toBeHidden();
  await expect(c.getByLabel('Seeds per setting')).toHaveValue('2');
  await c.getByRole('button', { name: 'Run' }).click();
  await expect(c.locator('[data-field="sentence"]')).toContainText('measured in', { timeout: 20_000 });
  await expect(c.locator('[data-field="sentence"]')).toContainText('ELU');

  await page.goto('/');
  await page.evaluate(async () => {
    await import('/relu-lab.js');
    const element = document.createElement('relu-lab');
    element.setAttribute('screen', 'experiments');
    element.setAttribute('experiment', 'born-dead');
    element.setAttribute('nets', '30');
    document.querySelector('main').append(element);
  });
  const el = page.locator('main > relu-lab').locator('.exp-card[data-experiment="born-dead"]');
  await expect(el).toBeVisible();
  await expect(el.getByLabel('Networks per cell')).toHaveValue('30');
  await expect(page.locator('main > relu-lab').locator('.exp-card:visible')).toHaveCount(1);
  expect(watch.errors).toEqual([]);
});

auditScreenshotTests([['born-dead', ''], ['gradient-depth', ''], ['dying', '&seeds=3'], ['revival', '']], async (page, [id, setting]) => {
  await page.goto(`/experiments.html#experiment=${id}${setting}`);
  await runQuick(page, id);
  if (id === 'born-dead') await card(page, id).getByRole('button', { name: 'Show the numbers as a table' }).click();
  return `experiments-${id}`;
}, 150_000);
