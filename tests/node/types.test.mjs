// The generated types: no `any` in relu_lab.d.ts, the type unions list what `names()` lists, and
// the README's JS example type-checks as written (TypeScript's default checks on a JS file;
// skipped when the typescript package is not installed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lab from './load.mjs';

const root = new URL('../../', import.meta.url).pathname;
const types = readFileSync(join(root, 'www/pkg/relu_lab.d.ts'), 'utf8');
const tsc = join(root, 'node_modules/.bin/tsc');

test('relu_lab.d.ts has no `any`', () => {
  const lines = types.split('\n').filter((line) => /\bany\b/.test(line));
  assert.deepEqual(lines, []);
});

test("the name unions in relu_lab.d.ts are the names the core accepts", () => {
  const union = (name) => {
    const match = types.match(new RegExp(`export type ${name} = ([^;]*);`));
    assert.ok(match, `relu_lab.d.ts declares ${name}`);
    return [...match[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
  };
  const names = lab.names();
  assert.deepEqual(union('ActivationName'), names.activations);
  assert.deepEqual(union('InitName'), names.inits);
  assert.deepEqual(union('OptimizerName'), names.optimizers);
  assert.deepEqual(union('DatasetName'), names.datasets);
  assert.deepEqual(union('LossName').sort(), [...names.losses].sort());
});

/** Type-check `code` (a JS module importing ./www/pkg/) with tsc; returns its output. */
function typeCheck(code) {
  const dir = mkdtempSync(join(tmpdir(), 'relu-lab-types-'));
  writeFileSync(join(dir, 'example.mjs'), code.replaceAll("'./www/pkg/", `'${root}www/pkg/`));
  // The example reads the wasm with node:fs; this test does not depend on @types/node.
  writeFileSync(join(dir, 'node-fs.d.ts'), "declare module 'node:fs' { export function readFileSync(path: string): Uint8Array; }\n");
  const args = ['--noEmit', '--allowJs', '--checkJs', '--strict', 'false', '--target', 'es2022',
    '--module', 'nodenext', '--lib', 'esnext,dom', join(dir, 'example.mjs'), join(dir, 'node-fs.d.ts')];
  const run = spawnSync(tsc, args, { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const readmeExample = readFileSync(join(root, 'README.md'), 'utf8').match(/```js\n([\s\S]*?)```/)[1];

test('the README JS example type-checks, and a wrong call in it would not', { skip: !existsSync(tsc) && 'typescript is not installed' }, () => {
  const good = typeCheck(readmeExample);
  assert.equal(good.status, 0, good.output);
  const planted = readmeExample.replace("activationValue('relu', -2)", "activationValue('relu', -2, 3)");
  assert.notEqual(planted, readmeExample);
  const bad = typeCheck(planted);
  assert.notEqual(bad.status, 0, 'a number where the options go must fail the check');
  assert.match(bad.output, /ActivationOptions/);
});
