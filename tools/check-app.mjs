#!/usr/bin/env node
// Checks a Zendesk app package against the rules Zendesk's validator applies
// (docs: /work/shared/docs/zendesk-host.md, "The app package"), since
// `zcli apps:validate` needs an account and the network. Checks the built
// directory and the zip an admin uploads.
//
//   node tools/check-app.mjs [dist/zendesk] [dist/rapport-zendesk.zip]
//
// Exits 1 and lists every problem if any rule fails. Also a library:
// checkPackageDir(dir, opts) and checkZip(path, opts) return { errors, warnings }.

import { unzipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const LOCALE_RE = /^[a-z]{2,3}(-\w{2,3})?$/;
export const LOCATIONS = { support: ['ticket_sidebar', 'new_ticket_sidebar', 'ticket_editor', 'background', 'modal'] };
export const LOCATION_OPTIONS = { url: 'string', flexible: 'boolean', autoLoad: 'boolean', autoHide: 'boolean', signed: 'boolean', size: 'any' };
export const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
export const BOOLEAN_FIELDS = ['requirementsOnly', 'marketingOnly', 'singleInstall', 'signedUrls', 'private'];
export const REQUIRED_LOGOS = ['assets/logo.png', 'assets/logo-small.png', 'assets/logo.svg'];
export const PUBLIC_TRANSLATIONS = ['short_description', 'long_description', 'installation_instructions'];

// File types the validator rejects, by extension and by content.
export const BLOCKED_TYPES = {
  rar: ['rar'], zip: ['zip'], gzip: ['gz', 'gzip', 'tgz'], pdf: ['pdf'], doc: ['doc'], docx: ['docx'],
  avi: ['avi'], bin: ['bin'], bz: ['bz'], bz2: ['bz2'], csh: ['csh'], sh: ['sh'], jar: ['jar'],
  mp3: ['mp3'], mpeg: ['mpeg', 'mpg'], odt: ['odt'], pptx: ['pptx'], ppt: ['ppt'], xls: ['xls'],
  xlsx: ['xlsx'], '7z': ['7z'],
};
const BLOCKED_EXT = new Map(Object.entries(BLOCKED_TYPES).flatMap(([type, exts]) => exts.map((e) => [e, type])));

const starts = (buf, bytes, at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s) => [...s].map((c) => c.charCodeAt(0));

/** The blocked type a file's content is, or null. */
export function sniff(buf) {
  if (starts(buf, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (starts(buf, [0x50, 0x4b, 0x03, 0x04]) || starts(buf, [0x50, 0x4b, 0x05, 0x06]) || starts(buf, [0x50, 0x4b, 0x07, 0x08])) {
    return 'zip (or docx, xlsx, pptx, odt, jar)';
  }
  if (starts(buf, [0x1f, 0x8b])) return 'gzip';
  if (starts(buf, ascii('%PDF'))) return 'pdf';
  if (starts(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc/xls/ppt (OLE)';
  if (starts(buf, ascii('RIFF')) && starts(buf, ascii('AVI '), 8)) return 'avi';
  if (starts(buf, ascii('BZh'))) return 'bz2';
  if (starts(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (starts(buf, [0x00, 0x00, 0x01, 0xba]) || starts(buf, [0x00, 0x00, 0x01, 0xb3])) return 'mpeg';
  if (starts(buf, ascii('ID3'))) return 'mp3';
  if (buf.length >= 4 && buf[0] === 0xff && (buf[1] & 0xe0) === 0xe0 && (buf[1] & 0x06) !== 0 && (buf[1] & 0x18) !== 0x08 && (buf[2] & 0xf0) !== 0xf0) {
    return 'mp3';
  }
  if (starts(buf, [0x7f, 0x45, 0x4c, 0x46])) return 'bin (ELF executable)';
  if (starts(buf, ascii('#!'))) {
    const line = Buffer.from(buf.subarray(0, 128)).toString('latin1').split('\n')[0];
    if (/^#!\s*\S*?\b(env\s+)?(ba|da|z|k|c|tc)?sh\b/.test(line)) return /\b(t?csh)\b/.test(line) ? 'csh' : 'sh';
  }
  return null;
}

/** The blocked type a file name's extension is, or null. */
export function blockedExtension(name) {
  const base = name.toLowerCase().split('/').pop();
  const parts = base.split('.');
  if (parts.length < 2) return null;
  return BLOCKED_EXT.get(parts.pop()) ?? null;
}

function pngSize(buf) {
  if (!starts(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || buf.length < 24) return null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const isObj = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmpty = (v) => typeof v === 'string' && v.trim() !== '';

/**
 * Checks the manifest, translations and files of a package given as a map of
 * path -> { data: Uint8Array, symlink: boolean }.
 */
function checkFiles(files, { requirePublic = false } = {}) {
  const errors = [];
  const warnings = [];
  const has = (p) => files.has(p) && !files.get(p).symlink;
  const json = (p) => {
    try {
      return JSON.parse(Buffer.from(files.get(p).data).toString('utf8'));
    } catch (err) {
      errors.push(`${p}: not valid JSON (${err.message})`);
      return undefined;
    }
  };

  // Files: no symlinks, no blocked types by extension or content, no odd paths.
  for (const [p, f] of files) {
    if (f.symlink) errors.push(`${p}: symlinks are not allowed in an app package`);
    if (p.startsWith('/') || p.split('/').includes('..')) errors.push(`${p}: paths must stay inside the package`);
    const byExt = blockedExtension(p);
    if (byExt) errors.push(`${p}: file type ${byExt} is not allowed (by extension)`);
    const byContent = f.symlink ? null : sniff(f.data);
    if (byContent) errors.push(`${p}: file type ${byContent} is not allowed (by content)`);
  }

  if (!has('manifest.json')) {
    errors.push('manifest.json: missing at the root of the package');
    return { errors, warnings };
  }
  const m = json('manifest.json');
  if (!isObj(m)) {
    if (m !== undefined) errors.push('manifest.json: must be a JSON object');
    return { errors, warnings };
  }

  // author
  if (!isObj(m.author)) errors.push('manifest.json: "author" is required ({ name, email, url })');
  else {
    for (const k of ['name', 'email', 'url']) {
      if (!nonEmpty(m.author[k])) errors.push(`manifest.json: "author.${k}" is required`);
    }
    if (nonEmpty(m.author.email) && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(m.author.email)) errors.push('manifest.json: "author.email" is not an email address');
    if (nonEmpty(m.author.url) && !/^https?:\/\/\S+$/.test(m.author.url)) errors.push('manifest.json: "author.url" is not an http(s) URL');
  }

  // frameworkVersion
  if (m.frameworkVersion !== '2.0') errors.push(`manifest.json: "frameworkVersion" must be "2.0" (got ${JSON.stringify(m.frameworkVersion)})`);

  // booleans, domainWhitelist
  for (const k of BOOLEAN_FIELDS) {
    if (k in m && typeof m[k] !== 'boolean') errors.push(`manifest.json: "${k}" must be a boolean`);
  }
  if ('domainWhitelist' in m && !(Array.isArray(m.domainWhitelist) && m.domainWhitelist.every((d) => typeof d === 'string'))) {
    errors.push('manifest.json: "domainWhitelist" must be an array of strings');
  }
  const isPublic = requirePublic || m.private === false;

  // defaultLocale and its translation file
  let translations;
  if (typeof m.defaultLocale !== 'string' || !LOCALE_RE.test(m.defaultLocale)) {
    errors.push(`manifest.json: "defaultLocale" must match ${LOCALE_RE} (got ${JSON.stringify(m.defaultLocale)})`);
  } else {
    const tp = `translations/${m.defaultLocale}.json`;
    if (!has(tp)) errors.push(`${tp}: missing (the translation file for defaultLocale)`);
    else translations = json(tp);
  }
  if (translations !== undefined) {
    const app = isObj(translations) && isObj(translations.app) ? translations.app : null;
    if (!app) errors.push(`translations/${m.defaultLocale}.json: must have an "app" object`);
    else {
      if (!nonEmpty(app.name)) errors.push(`translations/${m.defaultLocale}.json: "app.name" is required`);
      for (const k of PUBLIC_TRANSLATIONS) {
        if (!nonEmpty(app[k])) {
          (isPublic ? errors : warnings).push(`translations/${m.defaultLocale}.json: "app.${k}" is required for a public app`);
        }
      }
      for (const p of Array.isArray(m.parameters) ? m.parameters : []) {
        if (!isObj(p) || !nonEmpty(p.name) || p.type === 'hidden') continue;
        if (!nonEmpty(app.parameters?.[p.name]?.label)) {
          (isPublic ? errors : warnings).push(`translations/${m.defaultLocale}.json: "app.parameters.${p.name}.label" is missing`);
        }
      }
    }
  }

  // location
  if (!isObj(m.location) || Object.keys(m.location).length === 0) {
    errors.push('manifest.json: "location" is required and must not be empty');
  } else {
    for (const [product, locations] of Object.entries(m.location)) {
      if (!LOCATIONS[product]) {
        errors.push(`manifest.json: unknown product "${product}" in "location"`);
        continue;
      }
      if (!isObj(locations) || Object.keys(locations).length === 0) {
        errors.push(`manifest.json: "location.${product}" must name at least one location`);
        continue;
      }
      for (const [name, value] of Object.entries(locations)) {
        const where = `location.${product}.${name}`;
        if (!LOCATIONS[product].includes(name)) {
          errors.push(`manifest.json: unknown location "${name}" for ${product}`);
          continue;
        }
        const opts = typeof value === 'string' ? { url: value } : value;
        if (!isObj(opts)) {
          errors.push(`manifest.json: "${where}" must be a URL or an object of options`);
          continue;
        }
        for (const [k, v] of Object.entries(opts)) {
          const want = LOCATION_OPTIONS[k];
          if (!want) errors.push(`manifest.json: "${where}.${k}" is not a location option`);
          else if (want !== 'any' && typeof v !== want) errors.push(`manifest.json: "${where}.${k}" must be a ${want}`);
        }
        if (!nonEmpty(opts.url)) errors.push(`manifest.json: "${where}.url" is required`);
        else if (/^[a-z][a-z0-9+.-]*:/i.test(opts.url)) {
          if (!/^https:\/\/[^\s/]+/.test(opts.url)) errors.push(`manifest.json: "${where}.url" must be https or a path under assets/`);
        } else if (!opts.url.startsWith('assets/')) {
          errors.push(`manifest.json: "${where}.url" is relative, so it must start with "assets/" (got "${opts.url}")`);
        } else if (!has(opts.url.split(/[?#]/)[0])) {
          errors.push(`manifest.json: "${where}.url" points to ${opts.url.split(/[?#]/)[0]}, which is not in the package`);
        }
        if (name === 'ticket_editor' && !has('assets/icon_ticket_editor.svg')) {
          errors.push('assets/icon_ticket_editor.svg: required by the ticket_editor location');
        }
      }
    }
  }

  // parameters
  if ('parameters' in m) {
    if (!Array.isArray(m.parameters)) errors.push('manifest.json: "parameters" must be an array');
    else {
      const seen = new Set();
      m.parameters.forEach((p, i) => {
        const at = `parameters[${i}]`;
        if (!isObj(p)) return errors.push(`manifest.json: ${at} must be an object`);
        if (!nonEmpty(p.name)) errors.push(`manifest.json: ${at} needs a "name"`);
        else {
          if (p.name === 'name') errors.push(`manifest.json: ${at}: the parameter name "name" is reserved`);
          if (seen.has(p.name)) errors.push(`manifest.json: ${at}: duplicate parameter name "${p.name}"`);
          seen.add(p.name);
        }
        const type = p.type ?? 'text';
        if (!PARAMETER_TYPES.includes(type)) errors.push(`manifest.json: ${at}: unknown type "${type}" (one of ${PARAMETER_TYPES.join(', ')})`);
        for (const k of ['required', 'secure']) {
          if (k in p && typeof p[k] !== 'boolean') errors.push(`manifest.json: ${at}: "${k}" must be a boolean`);
        }
        if (type === 'hidden' && p.required === true) errors.push(`manifest.json: ${at}: a hidden parameter cannot be required`);
        if (type === 'number' && 'default' in p && !Number.isFinite(Number(p.default))) errors.push(`manifest.json: ${at}: the default of a number parameter must be a number`);
        if (type === 'checkbox' && 'default' in p && typeof p.default !== 'boolean') errors.push(`manifest.json: ${at}: the default of a checkbox parameter must be a boolean`);
      });
    }
  }

  // logos
  for (const p of REQUIRED_LOGOS) {
    if (!has(p)) errors.push(`${p}: missing`);
  }
  for (const [p, want] of [['assets/logo.png', 320], ['assets/logo-small.png', 128]]) {
    if (!has(p)) continue;
    const size = pngSize(files.get(p).data);
    if (!size) errors.push(`${p}: not a PNG image`);
    else if (size.width !== want || size.height !== want) warnings.push(`${p}: Zendesk expects ${want}x${want} (got ${size.width}x${size.height})`);
  }
  return { errors, warnings };
}

function readDir(dir) {
  const files = new Map();
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      const rel = path.relative(dir, p).split(path.sep).join('/');
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) files.set(rel, { data: new Uint8Array(), symlink: true });
      else if (st.isDirectory()) walk(p);
      else files.set(rel, { data: new Uint8Array(fs.readFileSync(p)), symlink: false });
    }
  };
  walk(dir);
  return files;
}

/** Checks a package directory (what the zip is made of). */
export function checkPackageDir(dir, opts = {}) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { errors: [`${dir}: not a directory (run npm run build:app)`], warnings: [] };
  }
  return checkFiles(readDir(dir), opts);
}

// Zip entries' Unix mode (external attributes >> 16), read from the central directory.
function zipModes(buf) {
  const modes = new Map();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory record');
  let at = buf.readUInt32LE(eocd + 16);
  const count = buf.readUInt16LE(eocd + 10);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const madeBy = buf.readUInt16LE(at + 4) >> 8;
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const external = buf.readUInt32LE(at + 38);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    modes.set(name, madeBy === 3 ? external >>> 16 : 0);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return modes;
}

/** Checks the zip an admin uploads; with `dir`, also that it holds exactly that directory. */
export function checkZip(zipPath, { dir, ...opts } = {}) {
  if (!fs.existsSync(zipPath)) return { errors: [`${zipPath}: missing (run npm run build:app)`], warnings: [] };
  const buf = fs.readFileSync(zipPath);
  let entries;
  let modes;
  try {
    entries = unzipSync(new Uint8Array(buf));
    modes = zipModes(buf);
  } catch (err) {
    return { errors: [`${zipPath}: not a readable zip (${err.message})`], warnings: [] };
  }
  const files = new Map();
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue; // directory entry
    const symlink = ((modes.get(name) ?? 0) & 0o170000) === 0o120000;
    files.set(name, { data, symlink });
  }
  const result = checkFiles(files, opts);
  if (dir && fs.existsSync(dir)) {
    const disk = readDir(dir);
    for (const p of disk.keys()) if (!files.has(p)) result.errors.push(`${zipPath}: ${p} is in ${dir} but not in the zip`);
    for (const p of files.keys()) if (!disk.has(p)) result.errors.push(`${zipPath}: ${p} is in the zip but not in ${dir}`);
    for (const [p, f] of files) {
      if (disk.has(p) && !Buffer.from(f.data).equals(Buffer.from(disk.get(p).data))) result.errors.push(`${zipPath}: ${p} differs from ${dir}`);
    }
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist', 'zendesk'));
  const zip = path.resolve(process.argv[3] ?? path.join(ROOT, 'dist', 'rapport-zendesk.zip'));
  // Rapport is meant for the Marketplace: hold it to the public app's rules.
  const results = [
    [path.relative(process.cwd(), dir) || dir, checkPackageDir(dir, { requirePublic: true })],
    [path.relative(process.cwd(), zip) || zip, checkZip(zip, { dir, requirePublic: true })],
  ];
  let failed = false;
  for (const [what, { errors, warnings }] of results) {
    for (const w of warnings) console.log(`warning: ${w}`);
    for (const e of errors) console.log(`error: ${e}`);
    failed ||= errors.length > 0;
    console.log(`${what}: ${errors.length ? `${errors.length} problem(s)` : 'ok'}`);
  }
  process.exit(failed ? 1 : 0);
}
