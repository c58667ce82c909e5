#!/usr/bin/env node
// The local agent workspace: `npm run serve` (PORT, default 4567, on 127.0.0.1).
// Serves a ticket view that plays Zendesk's part (workspace/) and the built app
// (dist/zendesk/) in its sidebar. The app's iframe.html is served with the
// Zendesk SDK's CDN URL mapped to a local build of the npm package
// zendesk_app_framework_sdk (/vendor/zaf_sdk.min.js), so nothing leaves the machine;
// the packaged iframe.html keeps the official URL.
//
//   /                      the workspace (query: ticket, mode, threshold, width, ...)
//   /app/...               dist/zendesk/ (the app package as built)
//   /vendor/zaf_sdk.min.js the npm ZAF SDK, bundled for the browser
//   /workspace/...         the workspace's own files
//   /bench/...             bench/browser/ (the browser benchmark)

import { build } from 'esbuild';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildApp } from './build-app.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ZAF_CDN_URL = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';
export const ZAF_LOCAL_PATH = '/vendor/zaf_sdk.min.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// The workspace page itself: no inline script, only its own origin.
const WORKSPACE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

async function bundleSdk() {
  const out = await build({
    entryPoints: [path.join(ROOT, 'node_modules', 'zendesk_app_framework_sdk', 'lib', 'index.js')],
    bundle: true,
    format: 'iife',
    globalName: 'ZAFClient',
    minify: true,
    write: false,
    logLevel: 'error',
    banner: { js: '/* zendesk_app_framework_sdk (npm), bundled by tools/serve.mjs for the local workspace */' },
  });
  return Buffer.from(out.outputFiles[0].contents);
}

function inside(base, rel) {
  const p = path.resolve(base, '.' + path.posix.normalize('/' + rel));
  return p === base || p.startsWith(base + path.sep) ? p : null;
}

/**
 * @param {{root?: string, appDir?: string}} [o]
 * @returns {Promise<http.Server>} not yet listening
 */
export async function createWorkspaceServer({ root = ROOT, appDir } = {}) {
  appDir ??= path.join(root, 'dist', 'zendesk');
  const sdk = await bundleSdk();
  const mounts = [
    ['/app/', appDir],
    ['/workspace/', path.join(root, 'workspace')],
    ['/bench/', path.join(root, 'bench', 'browser')],
  ];

  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, body, type = 'text/plain; charset=utf-8', extra = {}) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');

    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(400, 'bad path');
    }
    if (pathname === '/' || pathname === '/index.html') {
      return send(200, fs.readFileSync(path.join(root, 'workspace', 'index.html')), TYPES['.html'], {
        'Content-Security-Policy': WORKSPACE_CSP,
      });
    }
    if (pathname === ZAF_LOCAL_PATH) return send(200, sdk, TYPES['.js']);
    if (pathname === '/favicon.ico') return send(204, '');
    for (const [prefix, base] of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      const file = inside(base, pathname.slice(prefix.length));
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) break;
      let body = fs.readFileSync(file);
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      const extra = {};
      if (prefix === '/app/' && path.basename(file) === 'iframe.html') {
        // Zendesk's CDN is not reachable here: serve the npm SDK in its place.
        body = Buffer.from(body.toString('utf8').replaceAll(ZAF_CDN_URL, ZAF_LOCAL_PATH));
      }
      if (prefix === '/bench/' && type.startsWith('text/html')) extra['Content-Security-Policy'] = WORKSPACE_CSP;
      return send(200, body, type, extra);
    }
    return send(404, 'not found');
  });
}

/** Builds the app, then listens. Resolves with { server, url }. */
export async function startWorkspace({ port = 4567, host = '127.0.0.1', buildFirst = true, quiet = false } = {}) {
  if (buildFirst) await buildApp({ quiet: true });
  const server = await createWorkspaceServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  const url = `http://${host}:${actual}/`;
  if (!quiet) {
    console.log(`Rapport workspace: ${url}`);
    console.log(`  sample tickets: ${url}?ticket=angry  ?ticket=outage  ?ticket=polite  ?ticket=refund`);
    console.log(`  admin settings: ${url}?mode=warn&threshold=60   (mode: off | warn | block)`);
  }
  return { server, url };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? 4567);
  startWorkspace({ port: Number.isInteger(port) && port >= 0 ? port : 4567 }).then(
    ({ server }) => {
      const stop = () => server.close(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err) => {
      console.error(`serve: ${err.message}`);
      process.exit(1);
    },
  );
}
