// Opens each bundled page (esbuild's and vite's build of project/app) in headless Chromium, driven
// by playwright-core, and checks that the first module's .wasm was fetched after bundling (HTTP
// 200, application/wasm) and the page's validation gave the planted error — and that the office
// module's .wasm was not fetched until the page asked for it, then was, and wrote a .docx.
//
// Usage: node bundled.browser.mjs NAME=DIST_DIR...   (run by run.sh; $LW_BROWSER_DIR for the profile)
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { browserDir, check, finish, step } from '../browser/harness.mjs';

const sites = process.argv.slice(2).map((a) => { const i = a.indexOf('='); return { name: a.slice(0, i), dir: a.slice(i + 1) }; });
if (!sites.length) { console.error('usage: node bundled.browser.mjs NAME=DIST_DIR...'); process.exit(2); }
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
// /NAME/… serves DIST_DIR/…
const server = createServer(async (req, res) => {
  const [, name, ...rest] = new URL(req.url, 'http://x').pathname.split('/');
  const site = sites.find((s) => s.name === name);
  const file = site && normalize(join(site.dir, rest.join('/') || 'index.html'));
  try {
    if (!file || !file.startsWith(site.dir)) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const profile = join(browserDir(process.env.LW_BROWSER_DIR || join(process.cwd(), 'browser')), 'profile-bundled');
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.LW_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const { name } of sites) {
    await step(`${name}: the bundled page finds its .wasm and validates; the office .wasm only when asked`, async () => {
      const page = await context.newPage();
      const wasm = [];
      const errors = [];
      page.on('response', (r) => { if (/\.wasm(\?|$)/.test(r.url())) wasm.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] }); });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`${base}/${name}/`);
      await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 20_000 });
      const result = await page.evaluate(() => window.__result);
      check(!result.error, `the page threw: ${result.error}`);
      const first = wasm.slice();
      check(first.length === 1 && first[0].status === 200 && first[0].type === 'application/wasm'
        && /learning_week_bg[^/]*\.wasm/.test(first[0].url) && !/office/.test(first[0].url),
        `expected only the first module's .wasm fetched with 200 application/wasm, got ${JSON.stringify(first)}`);
      check(result.codes.includes('participation.units_exceed_total'), `codes: ${result.codes}`);
      const office = await page.evaluate(() => window.__office());
      check(!office.error, `the office module threw: ${office.error}`);
      check(office.ok && office.zip && office.unit === '东湖区', `office: ${JSON.stringify(office)}`);
      const later = wasm.slice(first.length);
      check(later.length === 1 && later[0].status === 200 && /learning_week_office_bg[^/]*\.wasm/.test(later[0].url),
        `expected the office .wasm fetched on demand, got ${JSON.stringify(later)}`);
      await page.close();
      check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    });
  }
} finally {
  await context.close();
  server.close();
}
finish('bundled pages');
