// The Zendesk app's entry (bundled to assets/app.js by tools/build-app.mjs).
// It starts fetching the core at once, in parallel with the ZAF handshake, and
// hands both to the host-independent app (coach-app.mjs).

import { connectZendesk } from './hosts/zendesk.mjs';
import { startApp } from './coach-app.mjs';

// Beside app.js in the package: rapport.js (the JS API and Emscripten glue,
// bundled) and rapport.wasm.
const wasmUrl = new URL('./rapport.wasm', import.meta.url);
const core = Promise.all([
  import('./rapport.js'),
  fetch(wasmUrl).then((r) => {
    if (!r.ok) throw new Error(`rapport.wasm: HTTP ${r.status}`);
    return r.arrayBuffer();
  }),
]);
core.catch(() => {}); // reported by startApp when it waits on it

async function loadCoach({ rules }) {
  const [api, bytes] = await core;
  return api.createCoach({ rules, wasmBinary: bytes.slice(0) });
}

startApp({
  host: connectZendesk(),
  loadCoach,
  root: document.getElementById('rapport'),
});
