// End-to-end tests of the Network screen's views (diagram, meters, inspector) on their dev
// harness, www/dev/network-views.html, which feeds them a real network from the wasm core.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, watchPage } from './support.mjs';

const harness = (query) => `/dev/network-views.html?${query}`;
const summary = (page) => page.locator('[data-field="harness-summary"]');
const units = (page) => page.locator('.diagram-unit');
const card = (page) => page.locator('.unit-card');
const inspector = (page) => page.locator('.trace-inspector');
const explanation = (page) => inspector(page).locator('[data-field="explanation"]');

/** Open the harness and wait until the views have drawn their first snapshot. */
async function open(page, query) {
  await page.goto(harness(query));
  await expect(summary(page)).toHaveAttribute('data-step', /^\d+$/);
}

const readNumber = async (locator, attribute) => Number(await locator.getAttribute(attribute));

test.describe('network views harness', () => {
  test('every scenario loads without console errors or foreign requests', async ({ page }) => {
    const watch = watchPage(page);
    for (const query of ['preset=kill', 'preset=healthy', 'preset=vanishing', 'preset=kill&inspect=1&select=2.3']) {
      await open(page, query);
      await expect(units(page).first()).toBeVisible();
    }
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test('kill: every dead unit is marked, by text and not by colour alone', async ({ page }) => {
    await open(page, 'preset=kill');
    const deadUnits = await readNumber(summary(page), 'data-dead-units');
    expect(deadUnits).toBeGreaterThan(10);
    const dead = page.locator('.diagram-unit[data-dead="true"]');
    await expect(dead).toHaveCount(deadUnits);
    for (const unit of await dead.all()) {
      await expect(unit).toHaveAttribute('aria-label', /^Layer \d, unit \d: dead — never active on the 250 training points$/);
      await expect(unit.locator('.diagram-unit__badge')).toHaveText('✕');
    }
    // Living units carry no dead mark.
    for (const unit of await page.locator('.diagram-unit[data-dead="false"]').all()) {
      await expect(unit).not.toHaveAttribute('aria-label', /dead/);
    }
    await expect(page.locator('.network-diagram__stage')).toHaveAttribute(
      'aria-label',
      new RegExp(`${deadUnits} of 24 hidden units dead`),
    );
    // The meters agree, layer by layer.
    const counts = await page.locator('.layer-meters tbody [data-field="dead"]').evaluateAll((cells) =>
      cells.map((cell) => Number(cell.dataset.value)),
    );
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(deadUnits);
  });

  test('healthy: few dead units, fewer than kill', async ({ page }) => {
    await open(page, 'preset=healthy');
    const deadUnits = await readNumber(summary(page), 'data-dead-units');
    expect(deadUnits).toBeLessThanOrEqual(3);
    await expect(page.locator('.diagram-unit[data-dead="true"]')).toHaveCount(deadUnits);
    await expect(page.locator('.layer-meters__summary')).toContainText(`${deadUnits} of 24 units dead`);
  });

  test('a unit active on under 5% of the training points is flagged nearly dead', async ({ page }) => {
    // With network seed 2 the kill run leaves layer 1, unit 8 active on 3.2% of the points.
    await open(page, 'preset=kill&seed=2');
    const nearly = await readNumber(summary(page), 'data-nearly-dead');
    expect(nearly).toBeGreaterThan(0);
    const flagged = page.locator('.diagram-unit[data-nearly-dead="true"]');
    await expect(flagged).toHaveCount(nearly);
    await expect(flagged.first()).toHaveAttribute('aria-label', /nearly dead — active on only \d\.\d% of the 250/);
    await expect(flagged.first().locator('.diagram-unit__badge')).toHaveText('!');
    await expect(flagged.first()).toHaveAttribute('data-dead', 'false');
  });

  test('keyboard: Tab enters the diagram, arrows move, focus shows the unit card', async ({ page }) => {
    await open(page, 'preset=healthy');
    await expect(units(page).and(page.locator('[tabindex="0"]'))).toHaveCount(1);
    await page.locator('[data-action="inspect"]').focus();
    await page.keyboard.press('Tab');
    const focused = page.locator('.diagram-unit:focus');
    await expect(focused).toHaveAttribute('data-layer', '0');
    await expect(focused).toHaveAttribute('data-unit', '0');
    await expect(card(page)).toBeVisible();
    await expect(card(page).locator('.unit-card__title')).toContainText('Layer 1, unit 1');
    await expect(card(page).locator('[data-field="formula"]')).toHaveText(
      /^z = −?\d+\.\d\d·x₁ [+−] \d+\.\d\d·x₂ [+−] \d+\.\d\d$/,
    );
    await expect(card(page).locator('[data-field="activation"]')).toHaveText('a = ReLU(z) = max(0, z)');
    await expect(card(page).locator('[data-field="active"]')).toHaveText(/^\d+% of 250 training points$/);
    // The unit's own gradient figures, not its layer's.
    await expect(card(page)).toContainText('Its mean |dL/dz|');
    await expect(card(page).locator('[data-field="grad-z"]')).toHaveText(/^\d|× 10/);

    await page.keyboard.press('ArrowDown');
    await expect(focused).toHaveAttribute('data-unit', '1');
    await expect(card(page).locator('.unit-card__title')).toContainText('Layer 1, unit 2');
    await page.keyboard.press('ArrowRight');
    await expect(focused).toHaveAttribute('data-layer', '1');
    await expect(card(page).locator('.unit-card__title')).toContainText('Layer 2, unit 2');
    // Eight inputs: the four largest terms, then "…".
    await expect(card(page).locator('[data-field="formula"]')).toHaveText(/^z = .*·a[₁-₈] .* \+ … [+−] \d+\.\d\d$/);
    await page.keyboard.press('End');
    await expect(focused).toHaveAttribute('data-unit', '7');
    // Roving tabindex: one Tab stop for the whole diagram.
    await expect(units(page).and(page.locator('[tabindex="0"]'))).toHaveCount(1);
    await page.keyboard.press('Tab');
    await expect(page.locator('.diagram-unit:focus')).toHaveCount(0);
    await page.keyboard.press('Shift+Tab');
    await expect(focused).toHaveAttribute('data-unit', '7');
  });

  test('a dead unit card says why it cannot recover', async ({ page }) => {
    await open(page, 'preset=kill');
    await page.locator('.diagram-unit[data-dead="true"]').first().focus();
    await expect(card(page).locator('[data-field="state"]')).toHaveText('dead');
    await expect(card(page).locator('[data-field="why"]')).toContainText(
      'z is ≤ 0 for every training point, so it always outputs 0, its gradient is zero and it cannot recover by itself',
    );
  });

  test('inspector: step forward then backward by keyboard; closed gates are explained', async ({ page }) => {
    await open(page, 'preset=kill&inspect=1');
    await expect(explanation(page)).toHaveText(
      /^Layer 1 forward: unit 1 has z = −\d+\.\d\d < 0, so ReLU outputs 0 and its gate is closed: no gradient will pass back through it\./,
    );
    await expect(inspector(page).locator('tbody tr.is-closed').first()).toContainText('closed');
    const next = inspector(page).locator('[data-action="next"]');
    await next.focus();
    await page.keyboard.press('Enter');
    await expect(explanation(page)).toHaveText(/^Layer 2 forward:/);
    await expect(inspector(page).locator('[role="status"]')).toHaveText(/^Layer 2 forward:/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(explanation(page)).toHaveText(/^Output forward: the network's output is z = /);
    await page.keyboard.press('ArrowRight');
    await expect(explanation(page)).toHaveText(/^Output backward: the loss gradient dL\/dz = σ\(z\) − y = /);
    for (const layer of [3, 2, 1]) {
      await page.keyboard.press('ArrowRight');
      await expect(explanation(page)).toHaveText(new RegExp(`^Layer ${layer} backward:`));
    }
    await expect(inspector(page).locator('li[aria-current="step"]')).toContainText('Layer 1 backward');
    await expect(inspector(page).locator('[data-action="next"]')).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(explanation(page)).toHaveText(/^Layer 2 backward:/);
    await inspector(page).locator('[data-action="close"]').click();
    await expect(inspector(page).locator('[data-field="point"]')).toHaveText(/^No point is being inspected/);
  });

  test('meters show numbers for sparsity, dead units and gradient flow', async ({ page }) => {
    await open(page, 'preset=healthy');
    const rows = page.locator('.layer-meters tbody tr');
    await expect(rows).toHaveCount(3);
    for (const row of await rows.all()) {
      await expect(row.locator('[data-field="sparsity"] .layer-meters__value')).toHaveText(/^\d+%$/);
      await expect(row.locator('[data-field="dead"] .layer-meters__value')).toHaveText(/^\d of 8 dead(, \d nearly)?$/);
      await expect(row.locator('[data-field="grad-z"] .layer-meters__value')).toHaveText(/^\d\.\d+$|× 10/);
      expect(await readNumber(row.locator('[data-field="grad-z"]'), 'data-value')).toBeGreaterThan(0);
      await expect(row.locator('[data-field="grad-w"]')).toHaveText(/^‖dL\/dW‖ /);
    }
  });

  test('vanishing: the first layer gets a far smaller gradient than the last', async ({ page }) => {
    await open(page, 'preset=vanishing');
    const gradients = await page.locator('.layer-meters tbody [data-field="grad-z"]').evaluateAll((cells) =>
      cells.map((cell) => Number(cell.dataset.value)),
    );
    expect(gradients).toHaveLength(6);
    expect(gradients[0]).toBeGreaterThan(0);
    expect(gradients[0] * 100).toBeLessThan(gradients[5]);
    await expect(page.locator('.layer-meters__summary')).toContainText(/at layer 1 is 1\/[\d,]+ of that at layer 6/);
    // Sigmoid units are never "dead", and z ≤ 0 everywhere is no failure for them: no marks.
    await expect(page.locator('.diagram-unit[data-dead="true"]')).toHaveCount(0);
    await expect(page.locator('.diagram-unit[data-state="inactive"]')).toHaveCount(0);
    await expect(page.locator('.diagram-unit').first()).toHaveAttribute('aria-label', /active on/);
  });

  for (const scheme of ['light', 'dark']) {
    test(`axe-core finds no violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, 'preset=kill&inspect=1&select=1.4');
      await expect(card(page)).toBeVisible();
      await expectNoAxeViolations(page);
      await open(page, 'preset=vanishing&inspect=1&select=2.8');
      await expectNoAxeViolations(page);
    });
  }
});
