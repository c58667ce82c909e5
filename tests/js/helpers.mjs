// Shared by the node tests: paths, the coach from dist/, and running the CLI.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cli = path.join(root, 'build/native/rapport');

let coachPromise;
/** One coach for the whole file: loading the wasm is the slow part. */
export function sharedCoach() {
  coachPromise ??= import(path.join(root, 'dist/rapport.mjs')).then((m) => m.createCoach());
  return coachPromise;
}

/** Runs the CLI; returns { status, stdout, stderr }. */
export function runCli(args, input) {
  const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function cliJson(args, input) {
  return JSON.parse(execFileSync(cli, args, { input, encoding: 'utf8' }));
}

/** Applies a fix as a host would. */
export const applyFix = (draft, fix) => draft.slice(0, fix.start) + fix.text + draft.slice(fix.end);
