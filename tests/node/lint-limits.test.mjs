// The size limits of eslint.config.mjs (issue 8: a site function one can read at once) catch a
// planted long function under www/js/ and leave a short one alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** An exported function of `lines` lines, its braces included. */
function generated(lines) {
  const body = Array.from({ length: lines - 4 }, (_, i) => `  total += ${i};`);
  return ['export function planted() {', '  let total = 0;', ...body, '  return total;', '}', ''].join('\n');
}

async function sizeMessages(source) {
  const [result] = await eslint.lintText(source, { filePath: `${root}/www/js/planted-long.js` });
  return result.messages.filter((message) => message.ruleId === 'max-lines-per-function');
}

test('a 160-line function under www/js is an error', async () => {
  const messages = await sizeMessages(generated(160));
  assert.equal(messages.length, 1);
  assert.equal(messages[0].severity, 2);
  assert.match(messages[0].message, /too many lines \(160\)/);
});

test('a 100-line function under www/js passes', async () => {
  assert.deepEqual(await sizeMessages(generated(100)), []);
});
