// The roll-up's HTML report in a real browser: Debian's /usr/bin/chromium driven headless by
// playwright-core. The Rust CLI writes the report of examples/nanchang-2021/
// (`aggregate --out report.html`); the page is opened from disk at A4 width (794 CSS px) and
// must render its SVG charts (one bar per unit that gave a figure, one coverage cell per topic
// and unit), make no request, log no error, not overflow the page, and keep chart text legible
// once scaled to the page. A second report, made with a hostile unit name, must show it as text
// and run nothing. Screenshots and a PDF printed at A4 go to $LW_BROWSER_DIR/report/.
//
// Needs only the CLI ($LW_CLI) and Chromium, not the WebAssembly package.
// Prints "N passed, N failed" and exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { browserDir, check, finish, step } from './harness.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const out = join(process.env.LW_BROWSER_DIR || join(root, 'target', 'wasm-browser'), 'report');
browserDir(out);
const cli = process.env.LW_CLI || join(root, 'target', 'debug', 'learning-week');
const A4 = { width: 794, height: 1123 }; // 210 × 297 mm at 96 px per inch

function runCli(args) {
  const r = spawnSync(cli, args, { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(`${cli} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

// ---- the reports ------------------------------------------------------------------------------
const examples = join(root, 'examples', 'nanchang-2021');
const report = join(out, 'report.html');
const rollup = JSON.parse(runCli(['aggregate', '--format', 'json', '--out', report, examples]));

// A notice whose first unit is named like an attack, and that unit's submission.
const hostileName = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">区';
const notice = JSON.parse(runCli(['notice', 'show']));
notice.jurisdiction.units[0].name = hostileName;
const hostileDir = mkdtempSync(join(out, 'hostile-'));
writeFileSync(join(hostileDir, 'notice.json'), JSON.stringify(notice));
mkdirSync(join(hostileDir, 'in'));
writeFileSync(join(hostileDir, 'in', 'a.json'), JSON.stringify({
  submitted_at: '2021-12-01T10:00:00+08:00',
  summary: { year: 2021, host_unit: hostileName, participation: { participants: { value: 500, qualifier: 'at_least', unit: '人' } } },
}));
const hostileReport = join(out, 'report-hostile.html');
runCli(['aggregate', '--notice', join(hostileDir, 'notice.json'), '--out', hostileReport, join(hostileDir, 'in')]);

// ---- the browser ------------------------------------------------------------------------------
const profile = mkdtempSync(join(out, 'profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.LW_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: A4,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || (await context.newPage());
const consoleErrors = [];
const requests = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));
page.on('request', (r) => requests.push(r.url()));

try {
  await step('the report opens from disk with its three SVG charts', async () => {
    await page.goto(pathToFileURL(report).href);
    for (const id of ['participants-chart', 'completeness-chart', 'coverage-chart']) {
      check(await page.locator(`svg#${id}`).count() === 1, `svg#${id} missing`);
      const box = await page.locator(`svg#${id}`).boundingBox();
      check(box && box.width > 300 && box.height > 40, `svg#${id} not drawn: ${JSON.stringify(box)}`);
    }
  });

  await step('one bar per unit that gave a figure; the approximate one hatched', async () => {
    const withFigure = rollup.units.filter((u) => u.participants !== undefined && u.participants !== null);
    const bars = await page.locator('svg#participants-chart rect.bar').count();
    check(bars === withFigure.length, `bars ${bars}, units with a figure ${withFigure.length}`);
    const units = await page.locator('svg#participants-chart rect.bar').evaluateAll((els) => els.map((e) => e.dataset.unit));
    check(JSON.stringify(units) === JSON.stringify(withFigure.map((u) => u.unit)), `bar order: ${units}`);
    const approx = withFigure.filter((u) => typeof u.participants === 'object' && u.participants.qualifier === 'approx');
    const hatched = await page.locator('svg#participants-chart rect.bar[fill="url(#hatch)"]').count();
    check(hatched === approx.length && hatched > 0, `hatched ${hatched}, approximate ${approx.length}`);
    const widths = await page.locator('svg#participants-chart rect.bar').evaluateAll((els) => els.map((e) => e.getBBox().width));
    check(widths.every((w) => w >= 1), `a bar has no width: ${widths}`);
  });

  await step('completeness segments add up to the expected units; coverage matrix is topics × units', async () => {
    const segs = await page.locator('svg#completeness-chart rect.segment').evaluateAll((els) => els.map((e) => e.getAttribute('class')));
    check(segs.some((c) => c.includes('on-time')) && segs.some((c) => c.includes('late')) && segs.some((c) => c.includes('missing')), String(segs));
    const cells = await page.locator('svg#coverage-chart rect.cell').count();
    check(cells === rollup.topic_coverage.length * rollup.units.length, `cells ${cells}`);
    const missing = await page.textContent('#missing-list');
    check(rollup.missing_units.every((u) => missing.includes(u)), missing);
  });

  await step('A4 width: no horizontal overflow, chart text at least 8 px once scaled', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `horizontal overflow ${overflow}px at A4 width`);
    const smallest = await page.evaluate(() => {
      let min = Infinity;
      for (const svg of document.querySelectorAll('svg')) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        for (const t of svg.querySelectorAll('text')) {
          min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
        }
      }
      return min;
    });
    check(smallest >= 8, `smallest chart text ${smallest.toFixed(1)} px`);
  });

  await step('screenshot at A4 width and a PDF printed on A4', async () => {
    await page.screenshot({ path: join(out, 'report-a4.png'), fullPage: true });
    for (const id of ['participants', 'completeness', 'coverage']) {
      await page.locator(`section#${id}`).screenshot({ path: join(out, `report-${id}.png`) });
    }
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(out, 'report-a4.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pdf = readFileSync(join(out, 'report-a4.pdf'));
    check(pdf.subarray(0, 4).toString() === '%PDF', 'not a PDF');
    console.log(`  ${join(out, 'report-a4.png')}, ${join(out, 'report-a4.pdf')} (${pdf.length} bytes)`);
  });

  await step('a hostile unit name is shown as text and runs nothing', async () => {
    await page.goto(pathToFileURL(hostileReport).href);
    await page.waitForTimeout(200);
    check(await page.evaluate(() => window.__pwned) === undefined, 'injected script ran');
    check(await page.locator('script, img').count() === 0, 'an element was injected');
    const text = await page.textContent('#units-table');
    check(text.includes('<script>window.__pwned=1</script>'), 'the name is not shown as text');
    check(await page.locator('svg#participants-chart .marker-at-least').count() === 1, 'lower-bound marker');
    await page.screenshot({ path: join(out, 'report-hostile.png'), fullPage: true });
  });

  await step('no network request, no console error', async () => {
    const foreign = requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'));
    check(foreign.length === 0, `requests: ${foreign.join(', ')}`);
    const fileRequests = requests.filter((u) => u.startsWith('file://'));
    check(fileRequests.length === 2, `file requests (expected the two reports only): ${fileRequests.join(', ')}`);
    check(consoleErrors.length === 0, consoleErrors.join('\n'));
  });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(hostileDir, { recursive: true, force: true });
}
finish('report');
