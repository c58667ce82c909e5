// Copies a JS module into dist/ (Emscripten's glue rapport-core.mjs, and the JS
// API js-shim/coach.mjs as rapport.mjs), minified by esbuild when the JS tooling
// is installed (npm ci): a quarter to a half less gzipped. The readable source
// stays in js-shim/ (types: rapport.d.ts). Without esbuild it copies the file
// as it is and says so.
// Usage: node cmake/minify_glue.mjs IN OUT
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node minify_glue.mjs IN OUT');
  process.exit(2);
}
let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('minify_glue: esbuild is not installed (run npm ci); copying the glue unminified');
  copyFileSync(input, output);
  process.exit(0);
}
const { code } = await esbuild.transform(readFileSync(input, 'utf8'), {
  minify: true,
  format: 'esm',
  target: 'es2020',
  legalComments: 'none',
});
writeFileSync(output, `// Generated from ${input.split('/').slice(-2).join('/')} by cmake/minify_glue.mjs; do not edit.\n${code}`);
