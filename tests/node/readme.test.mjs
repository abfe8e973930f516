// The README's JS example runs in Node as written (only its import path is made absolute).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

test('the README JS example runs and prints what it says', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = readme.match(/```js\n([\s\S]*?)```/);
  assert.ok(block, 'README has a ```js example');
  const code = block[1].replaceAll("'./www/pkg/", `'${root}www/pkg/`);
  const file = join(mkdtempSync(join(tmpdir(), 'relu-lab-readme-')), 'example.mjs');
  writeFileSync(file, code);
  const output = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
  const expected = [...block[1].matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]);
  assert.ok(expected.length >= 3, 'the example says what it prints');
  const lines = output.trim().split('\n');
  assert.equal(lines.length, expected.length);
  // Runs are deterministic on every machine, so the printed numbers are exact.
  assert.deepEqual(lines, expected);
});
