// Part 2 of the Experiments screen: each new experiment at its quick setting (progress, a
// verdict with numbers, no console error, no long task), the "needs a newer core" notice, the
// claims table filling in with figures measured in the browser, its links, the history card,
// the embed, axe, and screenshots at 360 and 1280 px, light and dark (screenshots/exp2-*.png).
import { test, expect } from '@playwright/test';
import { auditScreenshotTests, experimentCard as card, expectQuickRun, runQuick, watchPage, SOURCE } from './support.mjs';

const IDS = ['linear-pieces', 'sparsity', 'cost', 'convergence', 'negative-inputs', 'relu-at-zero', 'saturation'];

for (const id of IDS) {
  test(`${id}: the quick setting runs, with a verdict citing numbers off the main thread`, async ({ page }) => {
    const watch = watchPage(page);
    const { sentence } = await expectQuickRun(page, id, /^Verdict: (true|partly|false|needs a newer core)\.$/);
    // The time is a timing: reported, not asserted (make bench prints each experiment's time).
    const seconds = Number(/measured in ([\d.]+) s/.exec(sentence)[1]);
    test.info().annotations.push({ type: 'quick run in the worker (s)', description: String(seconds) });
    expect(sentence).toMatch(/\d/);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
}

test('an experiment whose core lacks a function says it needs a newer core, and shows no fake figure', async ({ page }) => {
  await page.goto('/experiments.html#experiment=saturation');
  const c = card(page, 'saturation');
  const lacks = await page.evaluate(async () => {
    const core = await import('/pkg/relu_lab.js');
    await core.default();
    return !core.names().activations.includes('relu6');
  });
  await runQuick(page, 'saturation');
  if (lacks) {
    await expect(c.locator('[data-field="needs-core"]')).toContainText('needs a newer core');
    await expect(c.locator('[data-field="sentence"]')).toContainText('needs a newer core');
    await expect(c.locator('[data-field="legend"]')).not.toContainText('ReLU6');
  } else {
    await expect(c.locator('[data-field="needs-core"]')).toHaveCount(0);
    await expect(c.locator('[data-field="legend"]')).toContainText('ReLU6');
  }
});

test('the claims table fills in with figures measured in the browser, and its links open the experiments', SOURCE, async ({ page }) => {
  test.setTimeout(90_000);
  const watch = watchPage(page);
  await page.goto('/experiments.html#experiment=claims');
  const table = card(page, 'claims');
  await expect(table).toBeVisible();
  await expect(table.locator('tbody tr')).toHaveCount(11);
  await expect(table.locator('tr[data-claim="k"] .claims-table__verdict')).toHaveText('false');
  // Before its run, a row shows the cached text (the last rows wait longest). The runs start
  // at once, so read every row in one go: each still waiting says "As measured on the
  // development machine", and at that moment some row is still waiting.
  const rows = await table.locator('tr[data-state]').evaluateAll((trs) =>
    trs.map((tr) => ({ state: tr.dataset.state, text: tr.querySelector('[data-field="measured"]')?.textContent ?? '' })),
  );
  const waiting = rows.filter((row) => row.state === 'waiting');
  expect(waiting.length, JSON.stringify(rows)).toBeGreaterThan(0);
  for (const row of waiting) expect(row.text).toContain('As measured on the development machine');
  await expect(table.locator('tr[data-state="measured"]')).toHaveCount(10, { timeout: 80_000 });
  await expect(table.locator('tr[data-claim="c"] [data-field="state"]')).toContainText('measured in your browser');
  await expect(table.locator('tr[data-claim="c"] [data-field="measured"]')).toContainText(/At depth 10 .*\d/);
  await expect(table.locator('[data-field="status"]')).toContainText('All 10 small runs');
  await table.locator('tr[data-claim="f"]').getByRole('link', { name: 'Convergence' }).click();
  await expect(card(page, 'convergence')).toBeVisible();
  await expect(table).toBeHidden();
  expect(page.url()).toContain('#experiment=convergence');
  await page.getByRole('button', { name: 'History (claim a)' }).click();
  await expect(card(page, 'history')).toContainText('Hahnloser');
  await expect(card(page, 'history').locator('.exp-timeline li')).toHaveCount(5);
  // Each source names the paper: authors, year and title.
  const sources = card(page, 'history').locator('.exp-sources li');
  await expect(sources).toHaveCount(5);
  await expect(sources.first()).toContainText('Hahnloser, Sarpeshkar, Mahowald, Douglas & Seung (2000).');
  await expect(sources.first().locator('cite')).toHaveText('Digital selection and analogue amplification coexist in a cortex-inspired silicon circuit');
  expect(watch.errors).toEqual([]);
});

test('embed.html shows one part-2 experiment, and the claims table', async ({ page }) => {
  const watch = watchPage(page);
  await page.goto('/embed.html?screen=experiments&experiment=negative-inputs&nets=4');
  const root = page.locator('relu-lab');
  const c = root.locator('.exp-card[data-experiment="negative-inputs"]');
  await expect(c).toBeVisible();
  await expect(root.locator('.exp-card:visible')).toHaveCount(1);
  await expect(c.getByLabel('Networks per activation')).toHaveValue('4');
  await c.getByRole('button', { name: 'Run' }).click();
  await expect(c.locator('[data-field="sentence"]')).toContainText('measured in', { timeout: 20_000 });
  await page.goto('/embed.html?screen=experiments&experiment=claims');
  await expect(page.locator('relu-lab').locator('.exp-card[data-experiment="claims"] tbody tr')).toHaveCount(11);
  expect(watch.errors).toEqual([]);
});

const AUDITED = ['linear-pieces', 'convergence', 'cost', 'negative-inputs', 'sparsity', 'relu-at-zero', 'saturation', 'claims', 'history'];
auditScreenshotTests(AUDITED, async (page, id) => {
  await page.goto(`/experiments.html#experiment=${id}`);
  if (id === 'claims') await expect(card(page, id).locator('tr[data-state="measured"]')).toHaveCount(10, { timeout: 80_000 });
  else if (id !== 'history') await runQuick(page, id);
  return `exp2-${id}`;
}, 180_000);
