// Fuzzing embed.html's postMessage protocol (issue 9): malformed messages from the parent,
// well-formed ones from senders that must not be obeyed (a sibling frame, the embed's own
// window, a parent whose origin is not in `origin=`), and a flood of both; seeded
// (fuzz-support.mjs: FUZZ_SEED replays a run, FUZZ_SCALE runs more).
//
// The oracle: nothing is obeyed that should not be (the settings, the step count and the theme
// stay as they were), nothing is posted in reply to a message that is not obeyed (no `state` or
// `error` message reaches the host; the parent's set-state requests get the protocol's
// set-state answer, taken or not), no uncaught or console error; and after the flood the
// parent's well-formed requests are still obeyed (set-state, get-state, play, pause).
import { expect, test } from '@playwright/test';
import { readInbound } from '../../www/js/embed/protocol.js';
import { cases, createFuzz, hostileValue, recordConsole } from './fuzz-support.mjs';

const FOREIGN_ORIGIN = 'https://lms.example';

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fuzz host</title>
  <link rel="icon" href="data:,"></head><body><main><h1>fuzz host</h1>
  <iframe id="open" title="open" src="/embed.html?screen=network&amp;autoplay=false" width="900" height="500"></iframe>
  <iframe id="restricted" title="restricted" src="/embed.html?screen=network&amp;autoplay=false&amp;origin=${FOREIGN_ORIGIN}" width="900" height="500"></iframe>
  <iframe id="sibling" title="sibling" src="/fuzz-sibling.html" width="10" height="10"></iframe>
  </main></body></html>`;
const SIBLING = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>sibling</title><link rel="icon" href="data:,"></head><body></body></html>';

const envelope = { source: 'relu-lab', version: 1 };
/** Well-formed requests that change something: obeyed from the parent only. */
const OBEYABLE = [
  { ...envelope, type: 'set-state', state: { train: { learningRate: 0.5 } } },
  { ...envelope, type: 'set-state', state: { network: { hidden: [2] } } },
  { ...envelope, type: 'play' },
  { ...envelope, type: 'set-theme', theme: 'dark' },
  { ...envelope, type: 'get-state' },
];

/** A message the embed must ignore, whoever sends it: of another shape, source, version or type. */
function malformed(fuzz) {
  const base = fuzz.pick(OBEYABLE);
  switch (fuzz.int(12)) {
    case 0: return { ...base, version: fuzz.pick([2, 0, -1, '1', null, true, 1.5, NaN, [1], { v: 1 }, 1n]) };
    case 1: return { ...base, source: fuzz.pick(['other', 'RELU-LAB', 'relu-lab ', '', null, 1, ['relu-lab']]) };
    case 2: return { ...base, type: fuzz.pick(['PLAY', 'eval', 'ready', 'resize', 'state', 'error', '', 'set_state', 'toString', '__proto__', 1, null]) };
    case 3: return { ...base, type: undefined };
    case 4: return JSON.stringify(base);
    case 5: return fuzz.pick([null, undefined, 0, -0, NaN, Infinity, 1n, true, 'play', '', [], [base], new Date(0), /x/]);
    case 6: return { ...envelope, type: 'set-state', state: fuzz.pick([null, 'everything', 1, [], [1, 2], true, new Date(0), new Map()]) };
    case 7: return { ...envelope, type: 'set-state' };
    case 8: return { ...envelope, type: 'set-theme', theme: fuzz.pick([1, null, undefined, ['dark'], { theme: 'dark' }, true]) };
    case 9: return new Uint8Array([1, 2, 3]);
    case 10: return { envelope, type: 'play' };
    default: return { ...base, source: hostileValue(fuzz), version: hostileValue(fuzz) };
  }
}

/**
 * A message that is well formed but has hostile content: obeyed as far as it is valid (the
 * screen checks every field), never throwing. Returns [message, class].
 */
function hostilePayload(fuzz) {
  const value = () => fuzz.pick([hostileValue(fuzz), -1, 1e308, -0, NaN, Infinity, null, [], {}, [1e9], 'x'.repeat(10_000)]);
  const roll = fuzz.int(4);
  if (roll === 0) return [{ ...envelope, type: 'set-theme', theme: hostileValue(fuzz) }, 'set-theme, hostile theme'];
  if (roll === 1) return [{ ...envelope, type: 'set-state', state: { [fuzz.pick(['train', 'network', 'data', 'preset', 'stepsPerFrame', '__proto__', 'x'])]: value() } }, 'set-state, hostile group'];
  const group = fuzz.pick(['train', 'network', 'data']);
  const field = fuzz.pick({ train: ['learningRate', 'batchSize', 'optimizer', 'regularizationRate'], network: ['hidden', 'activation', 'seed', 'slope'], data: ['name', 'noise', 'points', 'seed'] }[group]);
  return [{ ...envelope, type: 'set-state', state: { [group]: { [field]: value() } } }, 'set-state, hostile field'];
}

/** The open frame's settings, step and theme: what must not change under foreign messages. */
async function snapshot(page, id) {
  const frame = page.frame({ url: id === 'open' ? /autoplay=false$/ : /origin=/ });
  return frame.evaluate(() => {
    const lab = document.querySelector('relu-lab');
    const step = lab.shadowRoot.querySelector('[data-field="step"]')?.textContent;
    return { state: JSON.stringify(lab.getState()), step, theme: lab.getAttribute('theme') };
  });
}

/** Messages from the embeds received by the host since the last call (by type, resize left out). */
async function takeReplies(page) {
  return page.evaluate(() => window.replies.splice(0).filter((m) => m.type !== 'resize'));
}

test('embed.html: malformed, foreign and flooding messages are not obeyed; valid ones still are', async ({ page }) => {
  test.setTimeout(90_000);
  const fuzz = createFuzz('iframe-protocol');
  const watch = recordConsole(page);
  await page.route('**/fuzz-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await page.route('**/fuzz-sibling.html', (route) => route.fulfill({ contentType: 'text/html', body: SIBLING }));
  await page.addInitScript(() => {
    if (window !== window.top) return;
    window.replies = [];
    window.addEventListener('message', (event) => {
      if (!event.data || event.data.source !== 'relu-lab') return;
      const from = [...document.querySelectorAll('iframe')].find((frame) => frame.contentWindow === event.source)?.id ?? 'unknown';
      window.replies.push({ ...event.data, from });
    });
  });
  await page.goto('/fuzz-host.html');
  await expect.poll(async () => (await page.evaluate(() => window.replies.filter((m) => m.type === 'ready').length))).toBe(1);
  await page.frame({ url: /origin=/ }).evaluate(() => document.querySelector('relu-lab').ready);
  await takeReplies(page);
  const openBefore = await snapshot(page, 'open');
  const restrictedBefore = await snapshot(page, 'restricted');

  // Senders that must never be obeyed, with well-formed and malformed messages alike.
  const send = {
    parent: (message) => page.evaluate((m) => document.getElementById('open').contentWindow.postMessage(m, '*'), message),
    sibling: (message) =>
      page.frame({ url: /fuzz-sibling/ }).evaluate((m) => window.parent.frames[0].postMessage(m, '*'), message),
    self: (message) => page.frame({ url: /autoplay=false$/ }).evaluate((m) => window.postMessage(m, '*'), message),
    // The restricted frame obeys only https://lms.example; the host is on 127.0.0.1.
    'parent, origin not allowed': (message) =>
      page.evaluate((m) => document.getElementById('restricted').contentWindow.postMessage(m, '*'), message),
  };

  const singles = cases(400);
  let setStates = 0; // the parent's messages that are set-state requests (answered, taken or not)
  for (let i = 0; i < singles; i += 1) {
    const sender = fuzz.pick(['parent', 'parent', 'sibling', 'self', 'parent, origin not allowed']);
    const wellFormed = sender !== 'parent' && fuzz.chance(0.5);
    const message = wellFormed ? fuzz.pick(OBEYABLE) : malformed(fuzz);
    await send[sender](message);
    if (sender === 'parent' && readInbound(message)?.type === 'set-state') setStates += 1;
    fuzz.count(`${sender}: ${wellFormed ? 'well formed' : 'malformed'}`);
  }
  // Each sender's messages arrive in order, so a get-state from the parent after them all marks
  // the end: its state reply comes after every reply to the messages before it.
  await send.parent({ ...envelope, type: 'get-state' });
  const replies = [];
  const marker = () => replies.findIndex((m) => m.type === 'state' && m.from === 'open');
  await expect.poll(async () => {
    replies.push(...(await takeReplies(page)));
    return marker() >= 0;
  }, { message: 'the parent\'s get-state is answered' }).toBe(true);
  const before = replies.slice(0, marker());
  // The protocol answers every set-state request of the parent (set-state { ignored }), whether
  // it took anything or not; nothing else may come: no state, no error, nothing from the
  // restricted frame, no answer to another sender.
  const answers = before.filter((m) => m.type === 'set-state' && m.from === 'open' && Array.isArray(m.ignored));
  expect(before.filter((m) => !answers.includes(m)), 'no reply to a message that was not obeyed').toEqual([]);
  expect(answers.length, 'set-state answers only to the parent\'s set-state requests').toBeLessThanOrEqual(setStates);
  fuzz.count('set-state answers to the parent', answers.length);
  expect(await snapshot(page, 'open'), 'the open frame: nothing changed').toEqual(openBefore);
  expect(await snapshot(page, 'restricted'), 'the restricted frame: nothing changed').toEqual(restrictedBefore);
  expect(watch.take().errors).toEqual([]);

  // Well formed, hostile content, from the parent: obeyed as far as valid, and never an error.
  for (let i = 0; i < cases(120); i += 1) {
    const [message, kind] = hostilePayload(fuzz);
    await send.parent(message);
    fuzz.count(`parent: ${kind}`);
  }
  await send.parent({ ...envelope, type: 'get-state' });
  await expect.poll(async () => (await page.evaluate(() => window.replies.filter((m) => m.type === 'state').length)) > 0).toBe(true);
  const after = await takeReplies(page);
  expect(after.every((m) => ['state', 'error', 'set-state'].includes(m.type) && m.from === 'open'), 'only state, error and set-state replies, from the open frame').toBe(true);
  fuzz.count('error replies to hostile content', after.filter((m) => m.type === 'error').length);
  expect(watch.take().errors, 'hostile content: no error').toEqual([]);

  // The flood: thousands at once from every sender, in one task each.
  const flood = cases(3000);
  await page.evaluate(({ n, obeyable }) => {
    const open = document.getElementById('open').contentWindow;
    const restricted = document.getElementById('restricted').contentWindow;
    const junk = [null, 'play', { source: 'relu-lab', version: 2, type: 'play' }, { source: 'relu-lab', version: 1, type: 'ready' }];
    for (let i = 0; i < n; i += 1) {
      open.postMessage(junk[i % junk.length], '*');
      restricted.postMessage(obeyable[i % obeyable.length], '*');
    }
  }, { n: flood, obeyable: OBEYABLE });
  await page.frame({ url: /fuzz-sibling/ }).evaluate(({ n, obeyable }) => {
    for (let i = 0; i < n; i += 1) window.parent.frames[0].postMessage(obeyable[i % obeyable.length], '*');
  }, { n: flood, obeyable: OBEYABLE });
  fuzz.count('flood: parent malformed', flood);
  fuzz.count('flood: parent, origin not allowed, well formed', flood);
  fuzz.count('flood: sibling, well formed', flood);

  // After the flood the parent is still obeyed, in order.
  await send.parent({ ...envelope, type: 'set-state', state: { train: { learningRate: 0.1 } } });
  await send.parent({ ...envelope, type: 'get-state' });
  await expect
    .poll(async () => (await takeReplies(page)).filter((m) => m.type === 'state').at(-1)?.state.train.learningRate, { timeout: 15_000 })
    .toBe(0.1);
  const open = page.frameLocator('#open').locator('relu-lab');
  const step = async () => Number(await open.locator('[data-field="step"]').textContent());
  await send.parent({ ...envelope, type: 'play' });
  await expect.poll(step, { timeout: 10_000 }).toBeGreaterThan(0);
  await send.parent({ ...envelope, type: 'pause' });
  await expect(open.locator('[data-action="play"]')).toContainText('Play');
  await send.parent({ ...envelope, type: 'set-theme', theme: 'contrast' });
  await expect.poll(() => open.evaluate((element) => element.getAttribute('theme'))).toBe('contrast');
  // …and the restricted frame obeyed nothing of it all.
  expect(await snapshot(page, 'restricted')).toEqual(restrictedBefore);
  expect(watch.take().errors).toEqual([]);
  fuzz.report();
});
