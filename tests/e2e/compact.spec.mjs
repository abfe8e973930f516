// The compact layout (issue 14, "small frames"): an embed in a 720 × 432 frame or on a slide
// shows the screen's main picture, play and the figures that matter, with the rest behind one
// button; a phone-sized frame (360 × 640) too. Checked for each screen on both routes, the
// <relu-lab> element given a height in a host page and embed.html in an iframe: nothing
// overflows the frame, the main picture is whole inside it, and (function screen) the plot
// fills the height it is given.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, labsReady, serveHtml, watchPage } from './support.mjs';

// ---- helpers ---------------------------------------------------------------------------------

/** A host page at the test server's origin with `body` and no margin. */
const hostPage = (body, script = true) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
  <link rel="icon" href="data:,">${script ? '<script type="module" src="/relu-lab.js"></script>' : ''}</head>
  <body style="margin: 0"><main>${body}</main></body></html>`;

/** Each screen's main picture and the figures that matter, seen in compact. */
const SCREENS = {
  network: { query: '&preset=kill', picture: 'canvas.nw-map__overlay', figures: ['[data-action="play"]', '[data-field="test-accuracy"]', '[data-field="dead-units"]'], hidden: ['.nw-settings', '[data-part="charts"]'] },
  function: { query: '', picture: '.fn-canvas canvas', figures: ['[data-control="functions"] input[value="relu"]', '[data-part="readout"]'], hidden: ['[data-control="range"]', '[data-control="parameters"]'] },
  neuron: { query: '', picture: '.nu-canvas canvas', figures: ['input[type="number"][data-param="w1"]', '[data-field="status"]'], hidden: ['.nu-table-wrap', '.nu-intro'] },
};

/**
 * How the frame (the element's .relu-lab) and its document fit, measured in `frame` (page or
 * iframe): overflow down and sideways of the document and of the frame, and the main picture's
 * box against the frame's. For the function screen also the plot's holder, track and canvas.
 */
function measure(frame, picture) {
  return frame.evaluate((selector) => {
    const root = document.documentElement;
    const box = document.querySelector('relu-lab').shadowRoot.querySelector('.relu-lab');
    const rect = (node) => node?.getBoundingClientRect().toJSON() ?? null;
    const shown = box.querySelector(selector);
    return {
      layout: box.dataset.layout ?? 'full',
      page: { down: root.scrollHeight - root.clientHeight, sideways: root.scrollWidth - root.clientWidth },
      frame: { down: box.scrollHeight - box.clientHeight, sideways: box.scrollWidth - box.clientWidth, rect: rect(box) },
      picture: rect(shown),
      plot: box.querySelector('.fn-canvas') && {
        holder: rect(box.querySelector('.fn-canvas')),
        track: rect(box.querySelector('.fn-track')),
        canvas: rect(box.querySelector('.fn-canvas canvas')),
      },
    };
  }, picture);
}

/** Everything a compact frame promises, in `frame` (page or iframe) whose lab is `lab`. */
async function expectCompactFits(frame, lab, screen, what) {
  const spec = SCREENS[screen];
  await expect(lab.getByRole('button', { name: 'Show everything' })).toBeVisible();
  await expect(lab.locator(spec.picture).first()).toBeVisible();
  for (const figure of spec.figures) await expect(lab.locator(figure).first(), `${what}: ${figure}`).toBeVisible();
  for (const rest of spec.hidden) await expect(lab.locator(rest).first(), `${what}: ${rest} waits for the button`).toBeHidden();
  // Sizes settle after the first frames (the plot is drawn on the next animation frame).
  await expect.poll(async () => (await measure(frame, spec.picture)).frame.down, { message: `${what}: the frame scrolls` }).toBeLessThanOrEqual(0);
  const m = await measure(frame, spec.picture);
  expect(m.layout, what).toBe('compact');
  expect(m.page.down, `${what}: the document scrolls down`).toBeLessThanOrEqual(0);
  expect(m.page.sideways, `${what}: the document scrolls sideways`).toBeLessThanOrEqual(0);
  expect(m.frame.sideways, `${what}: the frame scrolls sideways`).toBeLessThanOrEqual(0);
  // The main picture is whole inside the frame, and large enough to read.
  const { picture, frame: box } = m;
  expect(picture.top, `${what}: picture's top`).toBeGreaterThanOrEqual(box.rect.top);
  expect(picture.bottom, `${what}: picture's bottom`).toBeLessThanOrEqual(box.rect.bottom);
  expect(picture.left, `${what}: picture's left`).toBeGreaterThanOrEqual(box.rect.left);
  expect(picture.right, `${what}: picture's right`).toBeLessThanOrEqual(box.rect.right);
  expect(Math.min(picture.width, picture.height), `${what}: picture's size`).toBeGreaterThanOrEqual(180);
  if (m.plot) {
    // The plot fills its holder: the canvas and the probe's track take its whole height, so
    // nothing of the plot (its x axis and labels) is cut off, and no room is left unused.
    const { holder, track, canvas } = m.plot;
    expect(Math.abs(holder.height - track.height - canvas.height), `${what}: the plot fills its holder (${JSON.stringify(m.plot)})`).toBeLessThanOrEqual(1);
    expect(track.bottom, `${what}: the probe's track inside the frame`).toBeLessThanOrEqual(box.rect.bottom);
  }
}

// ---- every screen, both routes, two frame sizes ------------------------------------------------

const SIZES = [
  { width: 720, height: 432, name: '720 × 432', layout: '' }, // auto: compact below 480 px
  { width: 360, height: 640, name: '360 × 640', layout: 'compact' },
];

for (const size of SIZES) {
  for (const screen of Object.keys(SCREENS)) {
    test(`${screen} compact at ${size.name}: the element given a height and embed.html in an iframe fit, main picture whole`, async ({ page }) => {
      const watch = watchPage(page);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const layout = size.layout ? ` layout="${size.layout}"` : '';
      await serveHtml(page, '/compact-element.html', hostPage(`<relu-lab screen="${screen}" height="${size.height}"${layout} autoplay="false"></relu-lab>`));
      await page.goto('/compact-element.html');
      await labsReady(page);
      await expectCompactFits(page, page.locator('relu-lab'), screen, `element, ${screen}`);

      const query = `screen=${screen}${SCREENS[screen].query}${size.layout ? `&layout=${size.layout}` : ''}`;
      await serveHtml(
        page,
        '/compact-iframe.html',
        hostPage(`<iframe title="ReLU Lab" src="/embed.html?${query.replaceAll('&', '&amp;')}" width="${size.width}" height="${size.height}" style="border: 0; display: block"></iframe>`, false),
      );
      await page.goto('/compact-iframe.html');
      const frame = page.frames()[1];
      await labsReady(frame);
      await expectCompactFits(frame, page.frameLocator('iframe').locator('relu-lab'), screen, `iframe, ${screen}`);
      expect(watch.errors).toEqual([]);
    });
  }
}

test('function compact with ten functions ticked: thinner strip rows, so the frame still fits and nothing scrolls', async ({ page }) => {
  const watch = watchPage(page);
  await page.setViewportSize({ width: 720, height: 432 });
  const ten = 'relu,leaky-relu,prelu,elu,relu6,gelu,gelu-tanh,silu,softplus,sigmoid';
  await serveHtml(page, '/compact-ten.html', hostPage(`<relu-lab screen="function" height="432" functions="${ten}" autoplay="false"></relu-lab>`));
  await page.goto('/compact-ten.html');
  await labsReady(page);
  const lab = page.locator('relu-lab');
  await expect(lab.locator('[data-control="functions"] input:checked')).toHaveCount(10);
  await expectCompactFits(page, lab, 'function', 'element, ten functions');
  expect(watch.errors).toEqual([]);
});

test('function compact: "Show everything" gives the plot its own height and the rest; "Show less" fits again', async ({ page }) => {
  await page.setViewportSize({ width: 720, height: 432 });
  await serveHtml(page, '/compact-function.html', hostPage('<relu-lab screen="function" height="432"></relu-lab>'));
  await page.goto('/compact-function.html');
  await labsReady(page);
  const lab = page.locator('relu-lab');
  const canvasHeight = () => lab.locator('.fn-canvas canvas').evaluate((canvas) => canvas.getBoundingClientRect().height);
  await expect.poll(canvasHeight).toBeLessThan(400);
  const compact = await canvasHeight();
  await lab.getByRole('button', { name: 'Show everything' }).click();
  for (const rest of ['[data-control="range"]', '[data-control="parameters"]', '.fn-plot figcaption', '[data-control="negative"]', '[data-control="formulas"]']) {
    await expect(lab.locator(rest).first()).toBeVisible();
  }
  // The plot's height follows its width again (functionPlotLayout with no height to fill).
  await expect.poll(canvasHeight).toBeGreaterThan(compact + 100);
  await lab.getByRole('button', { name: 'Show less' }).click();
  await expect.poll(canvasHeight).toBe(compact);
  await expect(lab.locator('[data-control="range"]')).toBeHidden();
});

// ---- the button, auto and explicit layouts -------------------------------------------------------

test('an iframe of 720 × 432 is compact by itself: the map, play and the figures that matter, the rest behind one button', async ({ page }) => {
  const watch = watchPage(page);
  await serveHtml(
    page,
    '/compact-host.html',
    hostPage('<h1>host</h1><iframe title="ReLU Lab: a network whose units die" src="/embed.html?screen=network&amp;preset=kill" width="720" height="432" style="border: 0; display: block"></iframe>', false),
  );
  await page.goto('/compact-host.html');
  const lab = page.frameLocator('iframe').locator('relu-lab');
  await expect(lab.locator('.relu-lab')).toHaveAttribute('data-layout', 'compact');
  const more = lab.getByRole('button', { name: 'Show everything' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  for (const hidden of ['.nw-presets', '.nw-settings', '.nw-network', '[data-part="charts"]', '[data-action="reset"]']) {
    await expect(lab.locator(hidden).first()).toBeHidden();
  }
  // Keyboard: the button is the first thing in the frame; Enter shows everything, again less.
  await page.locator('iframe').focus();
  await page.keyboard.press('Tab');
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  const less = lab.getByRole('button', { name: 'Show less' });
  await expect(less).toHaveAttribute('aria-expanded', 'true');
  await expect(lab.locator('.nw-presets')).toBeVisible();
  await expect(lab.locator('.nw-toolbar [data-action="reset"]')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(lab.locator('.nw-presets')).toBeHidden();
  expect(watch.errors).toEqual([]);
});

test('a taller iframe, or layout="full", is not compact; layout="compact" on the element is', async ({ page }) => {
  await serveHtml(
    page,
    '/compact-layouts.html',
    hostPage(`<h1>host</h1>
      <relu-lab screen="function" layout="compact"></relu-lab>
      <relu-lab screen="neuron" height="400"></relu-lab>
      <relu-lab screen="network" height="400" layout="full" autoplay="false"></relu-lab>
      <iframe title="lab" src="/embed.html?screen=function" width="720" height="600"></iframe>`),
  );
  await page.goto('/compact-layouts.html');
  await labsReady(page);
  const layout = (selector) => page.locator(selector).evaluate((element) => element.shadowRoot.querySelector('.relu-lab').dataset.layout ?? 'full');
  expect(await layout('relu-lab[screen="function"]')).toBe('compact');
  expect(await layout('relu-lab[screen="neuron"]')).toBe('compact'); // auto: given 400 px
  expect(await layout('relu-lab[screen="network"]')).toBe('full');
  await expect(page.frameLocator('iframe').locator('relu-lab .relu-lab')).not.toHaveAttribute('data-layout', 'compact');
  // Given more room, the auto one is full again.
  await page.locator('relu-lab[screen="neuron"]').evaluate((element) => element.setAttribute('height', '900'));
  await expect.poll(() => layout('relu-lab[screen="neuron"]')).toBe('full');
});

// ---- accessibility and screenshots -------------------------------------------------------------

for (const colorScheme of ['light', 'dark']) {
  test(`every screen compact at 720 × 432 and 360 × 640: no axe violation, screenshots (${colorScheme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const screen of Object.keys(SCREENS)) {
        await page.goto(`/embed.html?screen=${screen}&layout=compact${SCREENS[screen].query}`);
        await labsReady(page);
        await expectCompactFits(page, page.locator('relu-lab'), screen, `${screen} at ${size.name}`);
        await expectNoAxeViolations(page);
        await page.screenshot({ path: `tests/e2e/screenshots/embed-compact-${screen}-${size.width}-${colorScheme}.png` });
        await page.locator('relu-lab').getByRole('button', { name: 'Show everything' }).click();
        await expectNoAxeViolations(page);
      }
    }
  });
}
