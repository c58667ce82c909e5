// Native and wasm give identical reports on a shared set of inputs: the same
// C++ and the same pack, compiled twice.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root, sharedCoach, runCli } from './helpers.mjs';

const inputs = readFileSync(path.join(root, 'tests/data/parity.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim());

test(`native and wasm reports are identical on ${inputs.length} inputs`, async () => {
  assert.ok(inputs.length >= 20);
  const native = runCli(['batch'], inputs.join('\n') + '\n');
  assert.equal(native.status, 0, native.stderr);
  const nativeReports = native.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(nativeReports.length, inputs.length);
  const coach = await sharedCoach();
  inputs.forEach((line, i) => {
    const wasm = coach.analyze(JSON.parse(line));
    assert.deepEqual(wasm, nativeReports[i], `input ${i + 1}: ${line.slice(0, 80)}`);
  });
});
