// The 总结表 form in a real browser: Debian's /usr/bin/chromium driven headless by playwright-core
// (which never downloads a browser), the form served by `python3 -m http.server` on 127.0.0.1.
// Fills the form as a district would; messages must appear at the field their JSON Pointer names
// and go away when fixed; the downloaded JSON must pass the Rust CLI. Screenshots and the
// download go to $LW_BROWSER_DIR (scripts/test-wasm.sh: under the build cache).
//
// Prints "N passed, N failed" and exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { browserDir, check, finish, step } from './harness.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../load.mjs';

const out = process.env.LW_BROWSER_DIR || join(root, 'target', 'wasm-browser');
browserDir(out);
const cli = process.env.LW_CLI || join(root, 'target', 'debug', 'learning-week');
const example = JSON.parse(readFileSync(join(root, 'examples/nanchang-2021/submissions/donghu.submission.json'), 'utf8')).summary;

// ---- serve bindings-wasm/ on a free port of 127.0.0.1 --------------------------------------
const server = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '0'], {
  cwd: join(root, 'bindings-wasm'), stdio: ['ignore', 'pipe', 'pipe'],
});
const port = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('http.server did not start')), 10_000);
  server.stdout.on('data', (b) => {
    const m = /port (\d+)/.exec(String(b));
    if (m) { clearTimeout(timer); resolve(Number(m[1])); }
  });
  server.on('exit', (c) => reject(new Error(`http.server exited ${c}`)));
});
const url = `http://127.0.0.1:${port}/www/`;

const profile = mkdtempSync(join(out, 'profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.LW_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1000, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = context.pages()[0] || (await context.newPage());
const consoleErrors = [];
page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
page.on('pageerror', (e) => consoleErrors.push(String(e)));

const msgAt = (pointer, code) => page.locator(`tr[data-pointer~="${pointer}"] .msg[data-code="${code}"]`);
const errorCount = () => page.locator('.msg.sev-error').count();

try {
  await step('the form loads the WebAssembly package and lists the units of the notice', async () => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    const units = await page.locator('#host_unit option').allTextContents();
    check(units.includes('东湖区') && units.includes('湾里管理局') && units.length === 14, `units: ${units}`);
    check((await page.textContent('h1')).includes('2021年南昌市全民终身学习活动周总结表'), 'title');
    for (const label of ['组织', '活动参与情况', '活动主题与内容', '活动的群众性', '宣传报道', '其他', '主办单位及协办单位']) {
      const text = (await page.textContent('table.sheet')).replace(/\s/g, '');
      check(text.includes(label.replace(/\s/g, '')), `label ${label}`);
    }
  });

  await step('choose a unit; participating > total → the message at 参与活动的数量', async () => {
    await page.selectOption('#host_unit', '东湖区');
    await page.fill('#units_total', '10');
    await page.fill('#units_participating', '12');
    await msgAt('/participation/units_participating', 'participation.units_exceed_total').waitFor({ timeout: 5000 });
    check(/参与|数量/.test(await msgAt('/participation/units_participating', 'participation.units_exceed_total').textContent()), 'Chinese message');
  });

  await step('English switch shows the English message', async () => {
    await page.check('#lang-en');
    const t = await msgAt('/participation/units_participating', 'participation.units_exceed_total').textContent();
    check(/^[\x20-\x7e]+$/.test(t), `not English: ${t}`);
    await page.uncheck('#lang-en');
  });

  await step('fix it → the message disappears', async () => {
    await page.fill('#units_participating', '10');
    await msgAt('/participation/units_participating', 'participation.units_exceed_total').waitFor({ state: 'detached', timeout: 5000 });
  });

  await step('a date outside the week → the message at 活动时间', async () => {
    await page.fill('#period_start', '2021-10-12');
    await page.fill('#period_end', '2021-10-18');
    await msgAt('/theme_and_content/period', 'period.outside_week').waitFor({ timeout: 5000 });
    const path = await msgAt('/theme_and_content/period', 'period.outside_week').getAttribute('data-path');
    check(path.startsWith('/theme_and_content/period'), path);
  });

  await step('text counts go to the library as written (约3.5万人次)', async () => {
    await page.fill('#participants', '约3.5万人次');
    const codes = await page.locator('#summary-list li').evaluateAll((els) => els.map((e) => e.dataset.code));
    // Before the text parsers land the library refuses text (type.invalid); after, it reads it (count.from_text).
    check(codes.includes('count.from_text') || codes.includes('type.invalid'), String(codes));
  });

  await step('the whole form filled as 东湖区 did: no error anywhere', async () => {
    const s = example;
    await page.fill('#units_total', String(s.participation.units_total));
    await page.fill('#units_participating', String(s.participation.units_participating));
    await page.fill('#main_venues', String(s.participation.main_venues));
    await page.fill('#sub_venues', String(s.participation.sub_venues));
    await page.fill('#participants', String(s.participation.participants.value));
    await page.selectOption('#participants_unit', s.participation.participants.unit);
    const fillList = async (id, items, keys) => {
      for (let i = 0; i < items.length; i++) {
        if ((await page.locator(`#${id} .item`).count()) <= i) await page.click(`[data-add="${id}"]`);
        for (const k of keys) {
          const v = items[i][k];
          if (v === undefined || v === null) continue;
          const el = page.locator(`#${id} .item`).nth(i).locator(`[data-key="${k}"]`);
          if (k === 'role') await el.selectOption(v); else await el.fill(Array.isArray(v) ? v.join('、') : String(v));
        }
      }
    };
    await fillList('organizers', s.organizers, ['name', 'role']);
    await page.fill('#issuing_departments', s.leadership.issuing_departments.join('\n'));
    await fillList('attending_leaders', s.leadership.attending_leaders, ['title', 'name']);
    await page.fill('#coordinating_department', s.leadership.coordinating_department);
    await page.fill('#planning_department', s.leadership.planning_department);
    await fillList('featured_activities', s.participation.featured_activities, ['name', 'description', 'topics']);
    await page.fill('#theme', s.theme_and_content.theme);
    await page.fill('#content', s.theme_and_content.content);
    await page.fill('#outcomes', s.theme_and_content.outcomes);
    await page.fill('#period_start', s.theme_and_content.period.start);
    await page.fill('#period_end', s.theme_and_content.period.end);
    await page.fill('#reach_scope', s.reach.scope);
    await page.fill('#satisfaction', typeof s.reach.satisfaction === 'object' ? JSON.stringify(s.reach.satisfaction.value) : String(s.reach.satisfaction));
    await page.fill('#self_assessment', s.reach.self_assessment);
    await page.fill('#publicity_scope', s.publicity.scope);
    await page.fill('#text_reports', String(s.publicity.text_reports.value ?? s.publicity.text_reports));
    await page.fill('#image_reports', String(s.publicity.image_reports.value ?? s.publicity.image_reports));
    if (s.other) await page.fill('#other', s.other);
    const listed = await page.locator('#summary-list li.sev-error').allTextContents();
    check(listed.length === 0, `errors listed: ${listed.join(' | ')}`);
    check((await errorCount()) === 0, 'an error message is shown');
    check((await page.getAttribute('#summary', 'class')).includes('valid'), 'summary not valid');
  });

  await step('download JSON → the Rust CLI validates it as a valid 总结表', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const file = join(out, 'summary-downloaded.json');
    await dl.saveAs(file);
    const r = spawnSync(cli, ['validate', '--kind', 'summary', '--format', 'json', file], { encoding: 'utf8' });
    check(r.status === 0, `CLI exit ${r.status}: ${r.stdout}${r.stderr}`);
    check(JSON.parse(r.stdout.trim().split('\n')[0]).valid === true, r.stdout);
    check((await errorCount()) === 0, 'download showed errors');
  });

  await step('drop a filled Word 总结表 (python-docx fixture) → the form is filled and validated', async () => {
    const dir = process.env.LW_OFFICE_FIXTURES;
    if (!dir) { console.log('  SKIP: LW_OFFICE_FIXTURES is not set (bash scripts/office-fixtures.sh writes them)'); return; }
    const b64 = readFileSync(join(dir, '01-standard.docx')).toString('base64');
    await page.evaluate((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], '01-standard.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, b64);
    await page.waitForSelector('#import[data-imported="true"]', { timeout: 10_000 });
    check((await page.inputValue('#host_unit')) === '东湖区', 'host unit');
    check((await page.inputValue('#participants')) === '约3.5万人次', `participants: ${await page.inputValue('#participants')}`);
    check((await page.inputValue('#sub_venues')) === '12', 'sub-venues');
    check((await page.inputValue('#period_start')) === '2021-11-22', 'period');
    check((await page.locator('#organizers .item').count()) === 2, 'two organisers');
    check(/01-standard\.docx/.test(await page.textContent('#import-status')), 'import status');
    // validated as filled: the library read the text count, and the form shows the verdict
    const codes = await page.locator('#summary-list li').evaluateAll((els) => els.map((e) => e.dataset.code));
    check(codes.includes('count.from_text'), String(codes));
    check((await page.textContent('#summary-counts')).length > 0, 'no verdict');
    await page.screenshot({ path: join(out, 'form-imported-docx.png'), fullPage: true });
  });

  await step('dropping a file that is not a .docx says so and leaves the form alone', async () => {
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new TextEncoder().encode('%PDF-1.7')], 'scan.pdf', { type: 'application/pdf' }));
      document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('#import[data-imported="false"]', { timeout: 10_000 });
    check((await page.locator('#import-list li[data-code="import.not_zip"]').count()) === 1, 'not_zip listed');
    check((await page.inputValue('#host_unit')) === '东湖区', 'form kept');
  });

  await step('screenshots: desktop and phone width (the form fits, no horizontal scroll)', async () => {
    await page.screenshot({ path: join(out, 'form-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `horizontal overflow ${overflow}px at phone width`);
    await page.fill('#units_participating', '12');
    await page.screenshot({ path: join(out, 'form-phone.png'), fullPage: true });
    console.log(`  screenshots: ${join(out, 'form-desktop.png')}, ${join(out, 'form-phone.png')}`);
  });

  await step('no console errors', async () => {
    check(consoleErrors.length === 0, consoleErrors.join('\n'));
  });
} finally {
  await context.close();
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
finish('browser');
