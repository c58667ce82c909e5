// Rapport's JS API: createCoach() loads the WebAssembly core (browser or
// node) and returns a coach whose analyze() gives the report as a plain
// object. Types: rapport.d.ts. The core does all the work; this file only
// loads it and moves strings across the boundary.
//
//   import { createCoach } from './dist/rapport.mjs';
//   const coach = await createCoach({ rules: 'en' });
//   const report = coach.analyze({ draft: 'Hi Ann, ...', customerMessages: ['...'] });

import createRapportCore from './rapport-core.mjs';

/** An error from Rapport, with a machine-readable code. */
export class RapportError extends Error {
  constructor(code, message, details) {
    super(message);
    this.name = 'RapportError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

const isNode =
  typeof process === 'object' && process.versions != null && process.versions.node != null;

// Lone surrogates cannot cross into UTF-8; U+FFFD keeps every UTF-16 offset.
const wellFormed =
  typeof String.prototype.toWellFormed === 'function'
    ? (s) => s.toWellFormed()
    : (s) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function text(value, name) {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    throw new RapportError('bad_input', `${name} must be a string`);
  }
  return wellFormed(value);
}

async function loadModule(options) {
  const wasmUrl = options.wasmUrl ?? new URL('./rapport.wasm', import.meta.url);
  const moduleArgs = {
    locateFile: () => String(wasmUrl),
    print: () => {},
    printErr: () => {},
  };
  if (options.wasmBinary) {
    moduleArgs.wasmBinary = options.wasmBinary;
  } else if (isNode && String(wasmUrl).startsWith('file:')) {
    // Emscripten's loader would try fetch() on a file URL under node.
    const { readFile } = await import('node:fs/promises');
    moduleArgs.wasmBinary = await readFile(new URL(String(wasmUrl)));
  }
  try {
    return await createRapportCore(moduleArgs);
  } catch (err) {
    throw new RapportError('load_failed', `could not load the Rapport core: ${err?.message ?? err}`);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The C ABI of wasm/binding.cc, wrapped: strings cross as UTF-8 on the heap.
class Native {
  constructor(core, adminPack) {
    this.core = core;
    const bytes = encoder.encode(adminPack);
    const ptr = core._malloc(bytes.length + 1);
    core.HEAPU8.set(bytes, ptr);
    this.handle = core._rapport_create(ptr, bytes.length);
    core._free(ptr);
  }
  read(length) {
    const at = this.core._rapport_output(this.handle);
    return decoder.decode(this.core.HEAPU8.subarray(at, at + length));
  }
  analyze(request) {
    // UTF-16 to UTF-8 takes at most 3 bytes per code unit.
    const capacity = request.length * 3;
    const at = this.core._rapport_input(this.handle, capacity);
    const { written } = encoder.encodeInto(request, this.core.HEAPU8.subarray(at, at + capacity));
    return this.read(this.core._rapport_analyze(this.handle, written));
  }
  info() {
    return this.read(this.core._rapport_info(this.handle));
  }
  delete() {
    this.core._rapport_destroy(this.handle);
  }
}

function cString(heap, at) {
  let end = at;
  while (heap[end] !== 0) end += 1;
  return decoder.decode(heap.subarray(at, end));
}

const registry =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry((native) => {
        try {
          native.delete();
        } catch {
          /* already gone */
        }
      })
    : null;

/**
 * Loads the core and builds a coach.
 * options.rules: 'en' (default) or an admin pack object (or JSON string) that
 * extends the default pack. A broken admin pack does not throw: coach.packErrors
 * lists its problems and the default pack is used.
 */
export async function createCoach(options = {}) {
  const rules = options.rules ?? 'en';
  let adminPack = '';
  if (typeof rules === 'string' && rules !== 'en') {
    if (rules.trimStart().startsWith('{')) {
      adminPack = rules;
    } else {
      throw new RapportError('bad_rules', `unknown rule pack "${rules}" (only "en" is built in)`);
    }
  } else if (rules !== null && typeof rules === 'object') {
    adminPack = JSON.stringify(rules);
  } else if (rules !== 'en') {
    throw new RapportError('bad_rules', 'rules must be "en" or a pack object');
  }
  const core = await loadModule(options);
  let native;
  try {
    native = new Native(core, wellFormed(adminPack));
  } catch (err) {
    throw new RapportError('load_failed', `could not start the Rapport core: ${err?.message ?? err}`);
  }
  const info = JSON.parse(native.info());
  let disposed = false;

  const coach = {
    version: cString(core.HEAPU8, core._rapport_version()),
    pack: info.pack,
    rules: info.rules,
    packErrors: info.adminErrors,
    /** Analyses a draft; see rapport.d.ts for the input and the report. */
    analyze(input) {
      if (disposed) throw new RapportError('disposed', 'this coach was disposed');
      if (input === null || typeof input !== 'object') {
        throw new RapportError('bad_input', 'analyze() takes an object');
      }
      const messages = input.customerMessages ?? [];
      if (!Array.isArray(messages)) {
        throw new RapportError('bad_input', 'customerMessages must be an array of strings');
      }
      const request = JSON.stringify({
        draft: text(input.draft, 'draft'),
        format: input.format ?? 'text',
        customerMessages: messages.map((m, i) =>
          text(typeof m === 'object' && m !== null ? m.text : m, `customerMessages[${i}]`),
        ),
        customerName: text(input.customerName, 'customerName'),
        agentName: text(input.agentName, 'agentName'),
        locale: text(input.locale, 'locale'),
        ...(input.dimensions == null ? {} : { dimensions: input.dimensions }),
      });
      let out;
      try {
        out = native.analyze(request);
      } catch (err) {
        throw new RapportError('internal', `the Rapport core failed: ${err?.message ?? err}`);
      }
      const report = JSON.parse(out);
      if (report.error) throw new RapportError(report.error.code, report.error.message);
      return report;
    },
    /** The size of this coach's WebAssembly memory in bytes; it only ever grows. */
    memoryBytes() {
      return core.HEAPU8.buffer.byteLength;
    },
    /** Frees the native memory now (it is also freed when the coach is collected). */
    dispose() {
      if (disposed) return;
      disposed = true;
      registry?.unregister(coach);
      native.delete();
    },
  };
  registry?.register(coach, native, coach);
  return coach;
}

export default createCoach;
