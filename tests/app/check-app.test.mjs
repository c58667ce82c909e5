// The package checker (tools/check-app.mjs) accepts a good package and rejects
// each kind of broken one. The fixture is made from the repo's own manifest,
// translations and assets, so these tests need no build.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { checkPackageDir, checkZip, sniff, blockedExtension } from '../../tools/check-app.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function fixture(mutate) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-pkg-'));
  fs.cpSync(path.join(ROOT, 'manifest.json'), path.join(dir, 'manifest.json'));
  fs.cpSync(path.join(ROOT, 'translations'), path.join(dir, 'translations'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'assets'), path.join(dir, 'assets'), { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const translations = JSON.parse(fs.readFileSync(path.join(dir, 'translations', 'en.json'), 'utf8'));
  mutate?.({ dir, manifest, translations });
  if (fs.existsSync(path.join(dir, 'manifest.json'))) {
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  }
  if (fs.existsSync(path.join(dir, 'translations', 'en.json'))) {
    fs.writeFileSync(path.join(dir, 'translations', 'en.json'), JSON.stringify(translations, null, 2));
  }
  return dir;
}

function errorsOf(mutate, opts = { requirePublic: true }) {
  const dir = fixture(mutate);
  try {
    return checkPackageDir(dir, opts).errors;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function rejects(name, mutate, pattern, opts) {
  test(`rejects: ${name}`, () => {
    const errors = errorsOf(mutate, opts);
    assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got:\n  ${errors.join('\n  ') || '(none)'}`);
  });
}

test('accepts the repository package as it is', () => {
  assert.deepEqual(errorsOf(), []);
});

test('the shipped iframe.html loads the official ZAF SDK and has no inline script', () => {
  const html = fs.readFileSync(path.join(ROOT, 'assets', 'iframe.html'), 'utf8');
  assert.match(html, /<script src="https:\/\/static\.zdassets\.com\/zendesk_app_framework_sdk\/2\.0\/zaf_sdk\.min\.js"><\/script>/);
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(m[1], /\bsrc=/, 'every script has a src');
    assert.equal(m[2].trim(), '', 'no inline script');
  }
});

// manifest: required fields
rejects('no author', ({ manifest }) => delete manifest.author, /"author" is required/);
rejects('author without email', ({ manifest }) => delete manifest.author.email, /"author\.email" is required/);
rejects('author without url', ({ manifest }) => delete manifest.author.url, /"author\.url" is required/);
rejects('no frameworkVersion', ({ manifest }) => delete manifest.frameworkVersion, /"frameworkVersion" must be "2\.0"/);
rejects('frameworkVersion 1.0', ({ manifest }) => (manifest.frameworkVersion = '1.0'), /"frameworkVersion" must be "2\.0"/);
rejects('private as a string', ({ manifest }) => (manifest.private = 'yes'), /"private" must be a boolean/);
rejects('singleInstall as a number', ({ manifest }) => (manifest.singleInstall = 1), /"singleInstall" must be a boolean/);
rejects('domainWhitelist not an array', ({ manifest }) => (manifest.domainWhitelist = 'example.com'), /"domainWhitelist" must be an array of strings/);

test('rejects: manifest.json that is not JSON', () => {
  const dir = fixture();
  fs.writeFileSync(path.join(dir, 'manifest.json'), '{ "author": ');
  const { errors } = checkPackageDir(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(errors.some((e) => /manifest\.json: not valid JSON/.test(e)), errors.join('\n'));
});

test('rejects: no manifest.json', () => {
  const dir = fixture();
  fs.rmSync(path.join(dir, 'manifest.json'));
  const { errors } = checkPackageDir(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(errors.some((e) => /manifest\.json: missing/.test(e)), errors.join('\n'));
});

// locale and translations
rejects('defaultLocale with capitals', ({ manifest }) => (manifest.defaultLocale = 'EN_us'), /"defaultLocale" must match/);
rejects('defaultLocale missing', ({ manifest }) => delete manifest.defaultLocale, /"defaultLocale" must match/);
rejects('defaultLocale without its translation file', ({ manifest }) => (manifest.defaultLocale = 'fr'), /translations\/fr\.json: missing/);
rejects('translations without app.name', ({ translations }) => delete translations.app.name, /"app\.name" is required/);
rejects('a public app without a long description', ({ manifest, translations }) => {
  manifest.private = false;
  delete translations.app.long_description;
}, /"app\.long_description" is required for a public app/, {});
rejects('a public app without installation instructions', ({ translations }) => delete translations.app.installation_instructions, /"app\.installation_instructions" is required/);
rejects('a public app without a short description', ({ translations }) => delete translations.app.short_description, /"app\.short_description" is required/);
rejects('a parameter without a label', ({ translations }) => delete translations.app.parameters.sendCheck, /"app\.parameters\.sendCheck\.label" is missing/);

test('a private app needs only app.name', () => {
  const errors = errorsOf(({ translations }) => {
    delete translations.app.long_description;
    delete translations.app.short_description;
  }, {});
  assert.deepEqual(errors, []);
});

// locations
rejects('no location', ({ manifest }) => delete manifest.location, /"location" is required/);
rejects('an empty location', ({ manifest }) => (manifest.location = {}), /"location" is required/);
rejects('an unknown product', ({ manifest }) => (manifest.location.chatter = { ticket_sidebar: 'assets/iframe.html' }), /unknown product "chatter"/);
rejects('an unknown location', ({ manifest }) => (manifest.location.support.ticket_footer = { url: 'assets/iframe.html' }), /unknown location "ticket_footer"/);
rejects('a relative url outside assets/', ({ manifest }) => (manifest.location.support.ticket_sidebar.url = 'iframe.html'), /must start with "assets\/"/);
rejects('a url to a missing asset', ({ manifest }) => (manifest.location.support.ticket_sidebar.url = 'assets/nope.html'), /assets\/nope\.html, which is not in the package/);
rejects('a plain http url', ({ manifest }) => (manifest.location.support.ticket_sidebar.url = 'http://example.com/app'), /must be https/);
rejects('a location without url', ({ manifest }) => delete manifest.location.support.ticket_sidebar.url, /\.url" is required/);
rejects('flexible as a string', ({ manifest }) => (manifest.location.support.ticket_sidebar.flexible = 'true'), /flexible" must be a boolean/);
rejects('an unknown location option', ({ manifest }) => (manifest.location.support.ticket_sidebar.colour = 'red'), /colour" is not a location option/);
rejects('ticket_editor without its icon', ({ manifest }) => (manifest.location.support.ticket_editor = { url: 'assets/iframe.html' }), /icon_ticket_editor\.svg: required/);

// parameters
rejects('a parameter called name', ({ manifest }) => manifest.parameters.push({ name: 'name', type: 'text' }), /the parameter name "name" is reserved/);
rejects('a hidden required parameter', ({ manifest }) => manifest.parameters.push({ name: 'token', type: 'hidden', required: true }), /a hidden parameter cannot be required/);
rejects('an unknown parameter type', ({ manifest }) => manifest.parameters.push({ name: 'pick', type: 'select' }), /unknown type "select"/);
rejects('a duplicate parameter', ({ manifest }) => manifest.parameters.push({ ...manifest.parameters[0] }), /duplicate parameter name "sendCheck"/);
rejects('required as a string', ({ manifest }) => (manifest.parameters[0].required = 'no'), /"required" must be a boolean/);
rejects('secure as a string', ({ manifest }) => (manifest.parameters[0].secure = 'yes'), /"secure" must be a boolean/);
rejects('parameters not an array', ({ manifest }) => (manifest.parameters = { sendCheck: {} }), /"parameters" must be an array/);
rejects('a parameter without a name', ({ manifest }) => manifest.parameters.push({ type: 'text' }), /needs a "name"/);

// assets and files
rejects('no logo.png', ({ dir }) => fs.rmSync(path.join(dir, 'assets', 'logo.png')), /assets\/logo\.png: missing/);
rejects('no logo-small.png', ({ dir }) => fs.rmSync(path.join(dir, 'assets', 'logo-small.png')), /assets\/logo-small\.png: missing/);
rejects('no logo.svg', ({ dir }) => fs.rmSync(path.join(dir, 'assets', 'logo.svg')), /assets\/logo\.svg: missing/);
rejects('a logo that is not a PNG', ({ dir }) => fs.writeFileSync(path.join(dir, 'assets', 'logo.png'), 'GIF89a'), /logo\.png: not a PNG/);
rejects('a symlink', ({ dir }) => fs.symlinkSync('logo.png', path.join(dir, 'assets', 'logo-link.png')), /logo-link\.png: symlinks are not allowed/);

const BLOCKED_EXTS = ['rar', 'zip', 'gz', 'pdf', 'doc', 'docx', 'avi', 'bin', 'bz', 'bz2', 'csh', 'sh', 'jar', 'mp3', 'mpeg', 'odt', 'pptx', 'ppt', 'xls', 'xlsx', '7z'];
for (const ext of BLOCKED_EXTS) {
  rejects(`a .${ext} file (by extension)`, ({ dir }) => fs.writeFileSync(path.join(dir, 'assets', `file.${ext}`), 'plain text'), new RegExp(`file\\.${ext}: file type .* not allowed \\(by extension\\)`));
}

const MAGIC = {
  rar: Buffer.from('Rar!\x1a\x07\x00', 'latin1'),
  zip: Buffer.from('PK\x03\x04\x14\x00', 'latin1'),
  gzip: Buffer.from([0x1f, 0x8b, 0x08, 0x00]),
  pdf: Buffer.from('%PDF-1.7\n'),
  ole: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
  avi: Buffer.from('RIFF\x00\x00\x00\x00AVI LIST', 'latin1'),
  bz2: Buffer.from('BZh91AY&SY'),
  '7z': Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]),
  mpeg: Buffer.from([0, 0, 1, 0xba, 0x44]),
  mp3id3: Buffer.from('ID3\x03\x00', 'latin1'),
  mp3frame: Buffer.from([0xff, 0xfb, 0x90, 0x64, 0]),
  sh: Buffer.from('#!/bin/sh\necho hi\n'),
  bash: Buffer.from('#!/usr/bin/env bash\necho hi\n'),
  csh: Buffer.from('#!/bin/csh\necho hi\n'),
  elf: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]),
};
for (const [kind, bytes] of Object.entries(MAGIC)) {
  rejects(`${kind} content in an innocent name (by content)`, ({ dir }) => fs.writeFileSync(path.join(dir, 'assets', 'innocent.txt'), bytes), /innocent\.txt: file type .* not allowed \(by content\)/);
}

test('sniff leaves the app\'s own file types alone', () => {
  const wasm = Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  assert.equal(sniff(wasm), null);
  assert.equal(sniff(fs.readFileSync(path.join(ROOT, 'assets', 'logo.png'))), null);
  assert.equal(sniff(Buffer.from('<!doctype html>')), null);
  assert.equal(sniff(Buffer.from('#!/usr/bin/env node\n')), null);
  assert.equal(blockedExtension('assets/rapport.wasm'), null);
  assert.equal(blockedExtension('assets/archive.tar.gz'), 'gzip');
});

// the zip
function zipOf(dir, extra = {}) {
  const entries = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else entries[path.relative(dir, p).split(path.sep).join('/')] = new Uint8Array(fs.readFileSync(p));
    }
  };
  walk(dir);
  Object.assign(entries, extra);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-zip-')), 'app.zip');
  fs.writeFileSync(file, zipSync(entries));
  return file;
}

test('a zip of a good package passes, and matches its directory', () => {
  const dir = fixture();
  const zip = zipOf(dir);
  assert.deepEqual(checkZip(zip, { dir, requirePublic: true }).errors, []);
});

test('rejects: a zip with a symlink entry', () => {
  const dir = fixture();
  const link = [new TextEncoder().encode('logo.png'), { os: 3, attrs: (0o120777 << 16) >>> 0 }];
  const zip = zipOf(dir, { 'assets/link.png': link });
  const { errors } = checkZip(zip, {});
  assert.ok(errors.some((e) => /assets\/link\.png: symlinks are not allowed/.test(e)), errors.join('\n'));
});

test('rejects: a zip with the package inside a folder (manifest not at the root)', () => {
  const dir = fixture();
  const entries = {};
  entries['rapport/manifest.json'] = new Uint8Array(fs.readFileSync(path.join(dir, 'manifest.json')));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-zip-')), 'app.zip');
  fs.writeFileSync(file, zipSync(entries));
  const { errors } = checkZip(file, {});
  assert.ok(errors.some((e) => /manifest\.json: missing at the root/.test(e)), errors.join('\n'));
});

test('rejects: a zip that differs from the built directory', () => {
  const dir = fixture();
  const zip = zipOf(dir, { 'assets/stale.js': new TextEncoder().encode('old') });
  const { errors } = checkZip(zip, { dir });
  assert.ok(errors.some((e) => /assets\/stale\.js is in the zip but not in/.test(e)), errors.join('\n'));
});

test('rejects: a file that is not a zip', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-zip-')), 'app.zip');
  fs.writeFileSync(file, 'not a zip');
  const { errors } = checkZip(file, {});
  assert.ok(errors.some((e) => /not a readable zip/.test(e)), errors.join('\n'));
});
