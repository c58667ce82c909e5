// Copies Emscripten's glue (rapport-core.mjs) into dist/, minified by esbuild
// when the JS tooling is installed (npm ci), which saves about a quarter of its
// gzipped size. Without esbuild it copies the file as it is and says so.
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
writeFileSync(output, `// Generated from Emscripten's output by cmake/minify_glue.mjs; do not edit.\n${code}`);
