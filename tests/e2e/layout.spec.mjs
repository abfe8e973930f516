// The layout of every page at a phone, a tablet and a desktop width: nothing sticks out
// sideways, the main picture is on screen, no text is too small to read, no two controls sit
// on top of each other. One test per page and width; each saves a light and a dark full-page
// screenshot to tests/e2e/screenshots/layout-<page>-<width>-<scheme>.png, to look at.
import { test, expect } from '@playwright/test';
import { screenshot, SOURCE } from './support.mjs';

const WIDTHS = [360, 768, 1280];

/**
 * Smallest font size (CSS px) of any visible text in the page's markup (canvas text aside).
 * Not 12: the diagram's unit badges (✕, !) are 11 px and the meters' column notes 10.88 px.
 */
const MIN_FONT_SIZE = 10.5;

/** The main picture (the largest canvas) is at least this wide: 3/4 of a phone, 360 px above. */
const mainPictureWidth = (viewport) => Math.min(0.75 * viewport, 360);

/**
 * The pages, each with how to bring it into a state worth looking at: `ready` waits until
 * the page has drawn what it shows (and may operate it a little first).
 */
const PAGES = [
  {
    name: 'index',
    path: '/',
    ready: async (page) => {
      await expect(page.locator('canvas').first()).toBeVisible({ timeout: 20_000 });
    },
  },
  {
    name: 'function',
    path: '/function.html?functions=relu,gelu,sigmoid,tanh&range=20&probe=3',
    ready: async (page) => {
      await expect(page.locator('[data-screen="function"] [data-part="probe"]')).toHaveAttribute(
        'aria-valuetext',
        /^x = /,
        { timeout: 20_000 },
      );
    },
  },
  {
    name: 'neuron',
    path: '/neuron.html',
    ready: async (page) => {
      await expect(page.locator('[data-field="status"]').first()).toHaveAttribute('data-state', /alive|dead/, {
        timeout: 20_000,
      });
    },
  },
  {
    name: 'network',
    path: '/network.html#preset=kill',
    ready: async (page) => {
      const screen = page.locator('[data-network-screen]');
      await expect(screen).toHaveAttribute('data-step', /^\d+$/, { timeout: 20_000 });
      // A few steps, and the step-by-step inspector open: its panel is the widest part.
      const action = (name) => page.locator(`[data-network-screen] [data-action="${name}"]:not([data-view] *)`).first();
      for (let i = 0; i < 3; i += 1) await action('step').click();
      await action('inspect').click();
      await expect(page.locator('.trace-inspector')).toBeVisible();
    },
  },
  {
    name: 'network-views',
    path: '/dev/network-views.html?preset=kill&inspect=1&select=1.4',
    ready: async (page) => {
      await expect(page.locator('[data-field="harness-summary"]')).toHaveAttribute('data-step', /^\d+$/, {
        timeout: 20_000,
      });
      await expect(page.locator('.unit-card')).toBeVisible();
    },
  },
  {
    name: 'embed',
    path: '/embed.html?screen=network&preset=kill',
    ready: async (page) => {
      await page.waitForFunction(() => customElements.get('relu-lab') !== undefined);
      await page.evaluate(() => document.querySelector('relu-lab').ready);
    },
  },
  {
    name: 'course',
    path: '/examples/course.html',
    ready: async (page) => {
      await page.waitForFunction(() => customElements.get('relu-lab') !== undefined);
      await page.evaluate(() => Promise.all([...document.querySelectorAll('relu-lab')].map((lab) => lab.ready)));
      // Every instance animates only in view: give each a frame on screen before measuring.
      for (const lab of await page.locator('relu-lab').all()) {
        await lab.scrollIntoViewIfNeeded();
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      }
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
];

/**
 * Measure the page as laid out: horizontal overflow, the visible canvases (largest first),
 * text smaller than `minFont`, and controls that are off the right edge or overlap another
 * control. Looks inside the <relu-lab> elements' shadow roots too. Inside a region that
 * scrolls sideways on purpose (overflow-x auto/scroll) position is not judged, nor overlap
 * with a sticky or fixed bar.
 */
function measureLayout(minFont) {
  const root = document.documentElement;
  const viewport = root.clientWidth;
  const roots = [document];
  for (let i = 0; i < roots.length; i += 1) {
    for (const element of roots[i].querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  const all = (selector) => roots.flatMap((r) => [...r.querySelectorAll(selector)]);
  const parentOf = (node) => node.parentElement ?? node.parentNode?.host ?? null;
  const describe = (element) => {
    const id = element.id ? `#${element.id}` : '';
    const part = element.dataset.part ?? element.dataset.field ?? element.dataset.action ?? '';
    const classes = typeof element.className === 'string' ? element.className.split(' ')[0] : '';
    return `${element.localName}${id}${classes ? `.${classes}` : ''}${part ? `[${part}]` : ''}`;
  };
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return false; // visually hidden (sr-only) or empty
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && Number(style.opacity) > 0 && element.checkVisibility();
  };
  const inSideScroller = (element) => {
    for (let node = parentOf(element); node && node !== document.body; node = parentOf(node)) {
      const style = getComputedStyle(node);
      if (/(auto|scroll)/.test(style.overflowX) && node.scrollWidth > node.clientWidth) return true;
    }
    return false;
  };
  const onABar = (element) => {
    for (let node = element; node && node !== document.body; node = parentOf(node)) {
      if (/sticky|fixed/.test(getComputedStyle(node).position)) return true;
    }
    return false;
  };

  const canvases = all('canvas').filter(shown).map((canvas) => {
    const box = canvas.getBoundingClientRect();
    return { what: describe(canvas), left: box.left, right: box.right, width: box.width, scrolls: inSideScroller(canvas) };
  });
  canvases.sort((a, b) => b.width * b.height - a.width * a.height);

  const smallText = [];
  const seen = new Set();
  for (const scope of roots) {
    const walker = document.createTreeWalker(scope === document ? document.body : scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !element || seen.has(element)) continue;
      seen.add(element);
      if (element.closest('style, script, template') || !shown(element)) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < minFont) smallText.push(`${describe(element)} "${node.textContent.trim().slice(0, 30)}" ${size}px`);
    }
  }

  const controls = all('button, input:not([type="hidden"]), select, textarea, [role="slider"], summary').filter(shown);
  const offScreen = controls
    .filter((control) => !inSideScroller(control))
    .filter((control) => {
      const box = control.getBoundingClientRect();
      return box.left < -1 || box.right > viewport + 1;
    })
    .map(describe);
  const overlapping = [];
  const boxes = controls.map((control) => [control, control.getBoundingClientRect()]);
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [a, boxA] = boxes[i];
      const [b, boxB] = boxes[j];
      if (a.contains(b) || b.contains(a) || onABar(a) !== onABar(b)) continue;
      const overlapX = Math.min(boxA.right, boxB.right) - Math.max(boxA.left, boxB.left);
      const overlapY = Math.min(boxA.bottom, boxB.bottom) - Math.max(boxA.top, boxB.top);
      if (overlapX > 2 && overlapY > 2) overlapping.push(`${describe(a)} × ${describe(b)}`);
    }
  }
  return {
    viewport,
    overflow: root.scrollWidth - root.clientWidth,
    canvases,
    smallText,
    offScreen,
    overlapping,
    controls: controls.length,
  };
}

test.describe('layout', () => {
  for (const entry of PAGES) {
    for (const width of WIDTHS) {
      test(`${entry.name} at ${width} px`, entry.path.startsWith('/dev/') ? SOURCE : {}, async ({ page }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
        await page.goto(entry.path);
        await entry.ready(page);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        // The picture first, so a failure leaves one to look at.
        await screenshot(page, `layout-${entry.name}-${width}-light`);
        const layout = await page.evaluate(measureLayout, MIN_FONT_SIZE);
        expect(layout.viewport).toBe(width);
        expect(layout.overflow, 'horizontal overflow (px)').toBeLessThanOrEqual(0);
        // The main picture is on screen, whole and not squeezed; no canvas pokes out sideways.
        expect(layout.canvases.length, 'a visible canvas').toBeGreaterThan(0);
        const [main] = layout.canvases;
        expect(main.width, `${main.what} width`).toBeGreaterThanOrEqual(mainPictureWidth(width));
        const outside = layout.canvases.filter((c) => !c.scrolls && (c.left < -1 || c.right > width + 1));
        expect(outside, 'canvases beyond the viewport').toEqual([]);
        expect(layout.smallText, `text under ${MIN_FONT_SIZE} px`).toEqual([]);
        expect(layout.controls, 'visible controls').toBeGreaterThan(0);
        expect(layout.offScreen, 'controls beyond the viewport').toEqual([]);
        expect(layout.overlapping, 'controls on top of each other').toEqual([]);
        await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await screenshot(page, `layout-${entry.name}-${width}-dark`);
      });
    }
  }
});
