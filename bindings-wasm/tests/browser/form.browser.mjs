// The 总结表 form in a real browser: Debian's /usr/bin/chromium driven headless by playwright-core
// (which never downloads a browser), the form served by `python3 -m http.server` on 127.0.0.1.
// Fills the form as a district would; messages must appear at the field their JSON Pointer names
// and go away when fixed; the downloaded JSON must pass the Rust CLI. Then what issue 20 asks of
// the form as a tool: the draft survives a reload (with the language, one per unit, clearable),
// the unit beside a count is saved with it, nothing is invented after a .docx import, the print
// view (A4, no controls, whole cells), the notice's reporting duty and the package check
// (validateSubmission, 「可以报送」 only when it passes), accessible names from Chromium's own
// accessibility tree, aria-describedby / aria-invalid, keyboard-reachable message buttons,
// 32 px controls, English labels. The page loads the first module only; the office module is
// fetched the first time 「下载 Word」 is pressed or a file dropped: the .docx it writes is read
// back by python-docx ($LW_DOCX_PYTHON, the office-fixtures venv) and its cells must equal those
// of the CLI's `export summary` of the same JSON; .xlsx and .doc forms import as the .docx does.
// Screenshots, the downloads and the print PDF go to $LW_BROWSER_DIR (scripts/test-wasm.sh: under
// the build cache).
//
// Prints "N passed, N failed" and exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { browserDir, check, finish, step } from './harness.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
/** Every URL the page asked for, in order: the office module must not be among the first load's. */
const requested = [];
page.on('request', (r) => requested.push(r.url()));
const officeFetched = () => requested.filter((u) => /learning_week_office/.test(u));
// python-docx reads the downloaded Word files (the venv scripts/office-fixtures.sh makes).
const docxPython = process.env.LW_DOCX_PYTHON || join(process.env.LW_CACHE || join(process.env.HOME || '/root', '.cache', 'learning-week'), 'venv-fixtures', 'bin', 'python');
/** The rows of every table of a .docx as python-docx reads them: [[cell text, …], …]. */
function docxRows(file) {
  const r = spawnSync(docxPython, ['-c', 'import docx, json, sys\nd = docx.Document(sys.argv[1])\nprint(json.dumps([[c.text for c in row.cells] for t in d.tables for row in t.rows], ensure_ascii=False))', file], { encoding: 'utf8' });
  check(r.status === 0, `python-docx (${docxPython}) could not read ${file}: ${r.stderr || r.error}`);
  return JSON.parse(r.stdout);
}

// window.confirm: each test says how to answer the next one (`answer = true`); the default is
// "Cancel", and every question asked is recorded.
let answer = false;
const asked = [];
page.on('dialog', async (d) => { asked.push(d.message()); const a = answer; answer = false; if (a) await d.accept(); else await d.dismiss(); });

/** Downloads the JSON as the clerk does and returns it parsed (the file is kept under `out`). */
async function downloadJson(name) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const file = join(out, name);
  await dl.saveAs(file);
  return { file, doc: JSON.parse(readFileSync(file, 'utf8')) };
}
/** Drops a file on the form as the clerk's file manager does. */
async function drop(name, bytes, type) {
  await page.evaluate(([n, data, t]) => {
    const b = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([b], n, { type: t }));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, Buffer.from(bytes).toString('base64'), type]);
}
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const hasCjk = (s) => /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/.test(s);

const msgAt = (pointer, code) => page.locator(`tr[data-pointer~="${pointer}"] .msg[data-code="${code}"]`);
const errorCount = () => page.locator('.msg.sev-error').count();

try {
  await step('the form loads the WebAssembly package and lists the units of the notice', async () => {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    check(requested.some((u) => /learning_week_bg\.wasm$/.test(u)), `the first module was not fetched: ${requested.join(' ')}`);
    check(officeFetched().length === 0, `the first load fetched the office module: ${officeFetched()}`);
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

  await step('「缺少必填项“结束日期”」 waits while the start date is typed; the dates are bounded to the notice year', async () => {
    await page.fill('#period_start', '2021-11-22');
    const endMissing = page.locator('tr[data-pointer="/theme_and_content/period"] .msg[data-code="row.missing"][data-path="/theme_and_content/period/end"]');
    // the library does report it (the summary lists it), but not yet beside the field
    check((await page.locator('#summary-list li[data-code="row.missing"][data-path="/theme_and_content/period/end"]').count()) === 1, 'the library does not report the end date');
    check((await endMissing.count()) === 0, 'end-date message shown while typing the start date');
    check((await page.getAttribute('#period_end', 'aria-invalid')) === null, 'end date marked invalid too early');
    await page.focus('#period_end'); // moving within the row: still quiet
    check((await endMissing.count()) === 0, 'end-date message shown on entering the end field');
    await page.focus('#reach_scope'); // leaving the row: now it shows, tied to the end field
    await endMissing.waitFor({ timeout: 5000 });
    const id = await endMissing.getAttribute('id');
    check((await page.getAttribute('#period_end', 'aria-describedby') || '').split(' ').includes(id), 'end date not described by its message');
    check((await page.getAttribute('#period_end', 'aria-invalid')) === 'true', 'end date not aria-invalid');
    for (const sel of ['#period_start', '#period_end']) {
      check((await page.getAttribute(sel, 'min')) === '2021-01-01' && (await page.getAttribute(sel, 'max')) === '2021-12-31', `${sel} bounds`);
    }
    const overflow = await page.$eval('#period_end', (e) => { e.value = '11122-11-22'; const o = e.validity.rangeOverflow; e.value = ''; return o; });
    check(overflow === true, 'a year 11122 is inside the bounds');
  });

  await step('a date outside the week → the message at 活动时间', async () => {
    await page.fill('#period_start', '2021-10-12');
    await page.fill('#period_end', '2021-10-18');
    await msgAt('/theme_and_content/period', 'period.outside_week').waitFor({ timeout: 5000 });
    const path = await msgAt('/theme_and_content/period', 'period.outside_week').getAttribute('data-path');
    check(path.startsWith('/theme_and_content/period'), path);
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

  await step('「下载 Word」 loads the office module then, and its .docx has the cells the CLI\'s export writes', async () => {
    check(officeFetched().length === 0, `the office module was fetched before it was needed: ${officeFetched()}`);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download-docx')]);
    check(dl.suggestedFilename() === '总结表-东湖区.docx', `file name ${dl.suggestedFilename()}`);
    const file = join(out, 'summary-downloaded.docx');
    await dl.saveAs(file);
    check(officeFetched().some((u) => /learning_week_office_bg\.wasm$/.test(u)), `the office .wasm was not fetched: ${officeFetched()}`);
    check((await page.getAttribute('body', 'data-office')) === 'ready', 'office module state');
    const rows = docxRows(file);
    const cell = (label) => rows.find((r) => r.slice(0, -1).some((c) => c.replace(/\s/g, '') === label))?.at(-1);
    check(cell('举办县区') === '东湖区', `举办县区: ${cell('举办县区')}`);
    check(cell('具体协调部门') === example.leadership.coordinating_department, `具体协调部门: ${cell('具体协调部门')}`);
    check(/主会场数量：1；分会场数量：12/.test(cell('主会场及分会场数量') || ''), `会场: ${cell('主会场及分会场数量')}`);
    check((cell('主办单位及协办单位') || '').includes(example.organizers[0].name), `主办单位: ${cell('主办单位及协办单位')}`);
    // The same export as the CLI's, cell for cell: the JSON downloaded from the form, exported by the CLI.
    const json = join(out, 'summary-for-docx.json');
    const [dj] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    await dj.saveAs(json);
    const cliDocx = join(out, 'summary-cli.docx');
    const r = spawnSync(cli, ['export', 'summary', '--format', 'docx', json, '-o', cliDocx], { encoding: 'utf8' });
    check(r.status === 0, `CLI export: ${r.stdout}${r.stderr}`);
    check(JSON.stringify(docxRows(cliDocx)) === JSON.stringify(rows), 'the browser\'s .docx differs from the CLI\'s');
    check(readFileSync(cliDocx).equals(readFileSync(file)), 'not byte for byte the CLI\'s .docx');
  });

  await step('a count typed with its unit in the text sets the unit beside it (约3.5万人次 → 人次)', async () => {
    await page.selectOption('#participants_unit', '');
    await page.fill('#participants', '约3.5万人次');
    check((await page.inputValue('#participants_unit')) === '人次', `unit select: ${await page.inputValue('#participants_unit')}`);
    const codes = await page.locator('#summary-list li[data-path^="/participation/participants"]').evaluateAll((els) => els.map((e) => e.dataset.code));
    check(!codes.some((c) => c !== 'count.from_text'), `participants refused: ${codes}`);
  });

  await step('the unit chosen beside 参加活动人数 is kept in the downloaded JSON (约3.5万 + 人次)', async () => {
    await page.fill('#participants', '约3.5万');
    await page.selectOption('#participants_unit', '人次');
    const { file, doc } = await downloadJson('summary-unit.json');
    const p = doc.participation.participants;
    check(p && p.value === 35000 && p.qualifier === 'approx' && p.unit === '人次' && p.source === '约3.5万', `participants: ${JSON.stringify(p)}`);
    const r = spawnSync(cli, ['validate', '--kind', 'summary', '--format', 'json', file], { encoding: 'utf8' });
    check(r.status === 0, `CLI exit ${r.status}: ${r.stdout}${r.stderr}`);
    // rolled up with another unit's 人次, the total stays a number (issue 20: it became null)
    const other = { summary: { ...example, host_unit: '西湖区' }, submitted_at: '2021-12-01T09:00:00+08:00' };
    const mine = { summary: doc, submitted_at: '2021-12-01T09:00:00+08:00' };
    writeFileSync(join(out, 'rollup-a.json'), JSON.stringify(mine));
    writeFileSync(join(out, 'rollup-b.json'), JSON.stringify(other));
    const agg = spawnSync(cli, ['aggregate', '--format', 'json', join(out, 'rollup-a.json'), join(out, 'rollup-b.json')], { encoding: 'utf8' });
    const total = JSON.parse(agg.stdout).totals.participants;
    check(total.value === 35000 + example.participation.participants.value && total.unit === '人次' && total.qualifier === 'approx',
      `roll-up total: ${JSON.stringify(total)}`);
    // not stated stays not stated: no unit is invented
    await page.selectOption('#participants_unit', '');
    const { doc: bare } = await downloadJson('summary-no-unit.json');
    check(!('unit' in bare.participation.participants), `a unit was invented: ${JSON.stringify(bare.participation.participants)}`);
    await page.selectOption('#participants_unit', '人次');
  });

  await step('reload keeps the draft and the language', async () => {
    await page.check('#lang-en');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    check((await page.inputValue('#host_unit')) === '东湖区', 'host unit lost');
    check((await page.inputValue('#participants')) === '约3.5万' && (await page.inputValue('#participants_unit')) === '人次', 'participants lost');
    check((await page.inputValue('#theme')) === example.theme_and_content.theme, 'theme lost');
    check((await page.inputValue('#period_end')) === example.theme_and_content.period.end, 'period lost');
    const orgs = await page.locator('#organizers .item [data-key="name"]').evaluateAll((els) => els.map((e) => e.value));
    check(JSON.stringify(orgs) === JSON.stringify(example.organizers.map((o) => o.name)), `organisers: ${orgs}`);
    const roles = await page.locator('#organizers .item [data-key="role"]').evaluateAll((els) => els.map((e) => e.value));
    check(JSON.stringify(roles) === JSON.stringify(example.organizers.map((o) => o.role)), `roles: ${roles}`);
    check(await page.isChecked('#lang-en'), 'language switch lost');
    check((await page.getAttribute('html', 'lang')) === 'en', 'html lang');
    check(/Lifelong Learning Activity Week/.test(await page.textContent('h1')), `title: ${await page.textContent('h1')}`);
    check((await page.locator('#summary-list li.sev-error').count()) === 0, 'the restored draft has errors');
    await page.uncheck('#lang-en');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    check(!(await page.isChecked('#lang-en')) && (await page.getAttribute('html', 'lang')) === 'zh-CN', 'Chinese not kept');
  });

  await step('several units\' drafts: another unit gets its own, clearing asks and empties the form, the first comes back', async () => {
    await page.selectOption('#host_unit', '西湖区');
    const drafts = () => page.locator('#draft-pick option').evaluateAll((els) => els.map((e) => e.textContent));
    check((await drafts()).includes('东湖区') && (await drafts()).includes('西湖区'), `drafts: ${await drafts()}`);
    asked.length = 0;
    await page.click('#draft-clear'); // answered "Cancel": nothing happens
    check(asked.length === 1 && (await page.inputValue('#host_unit')) === '西湖区', 'clear did not ask');
    answer = true;
    await page.click('#draft-clear');
    check((await page.inputValue('#host_unit')) === '' && (await page.inputValue('#theme')) === '', 'form not emptied');
    check(!(await drafts()).includes('西湖区') && (await drafts()).includes('东湖区'), `drafts after clear: ${await drafts()}`);
    answer = true; // choosing 东湖区 again: its saved draft is offered and loaded
    await page.selectOption('#host_unit', '东湖区');
    check(asked.length === 3 && /草稿/.test(asked[2]), `asked: ${asked}`);
    check((await page.inputValue('#theme')) === example.theme_and_content.theme, 'the 东湖区 draft did not come back');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    check((await page.inputValue('#host_unit')) === '东湖区' && (await page.inputValue('#theme')) === example.theme_and_content.theme, 'not restored after reload');
  });

  await step('the package: the notice\'s duty is shown; 「可以报送」 only when validateSubmission passes', async () => {
    const duty = async (k) => page.textContent(`#duty dd[data-duty="${k}"]`);
    check((await duty('deadline')).includes('2021-12-05'), `deadline: ${await duty('deadline')}`);
    for (const m of ['工作总结材料', '总结表', '典型活动案例', '盖章后扫描件（PDF格式）']) check((await duty('materials')).includes(m), `material ${m}`);
    check((await duty('formats')).includes('PDF'), 'stamped PDF not said');
    const verdict = () => page.textContent('#package-verdict');
    check(!(await verdict()).includes('可以报送') && (await page.getAttribute('#package-verdict', 'data-state')) === 'none', `before files: ${await verdict()}`);
    check(!(await page.textContent('#summary')).includes('可以报送'), 'the summary check alone says 可以报送');
    await page.clock.setFixedTime(new Date('2021-12-02T10:00:00+08:00'));
    const file = (name) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    await page.setInputFiles('#attach', [file('东湖区2021年全民终身学习活动周工作总结.docx'), file('东湖区典型活动案例.docx')]);
    check((await page.getAttribute('#package-verdict', 'data-state')) === 'no', `2 files: ${await verdict()}`);
    check(!(await verdict()).includes('可以报送'), `2 files: ${await verdict()}`);
    check((await page.locator('#package-list li[data-code="submission.material_missing"]').count()) >= 1, 'missing scan not listed');
    await page.setInputFiles('#attach', [file('东湖区活动周总结材料（盖章）.pdf')]);
    const kinds = await page.locator('#attach-list select').evaluateAll((els) => els.map((e) => e.value));
    check(JSON.stringify(kinds) === '["work_summary","typical_case","stamped_scan"]', `kinds: ${kinds}`);
    check((await page.getAttribute('#package-verdict', 'data-state')) === 'ok' && (await verdict()).includes('可以报送'), `complete: ${await verdict()} ${await page.textContent('#package-list')}`);
    // a scan that is not the kind the notice asks → no
    await page.locator('#attach-list select').nth(2).selectOption('other');
    check((await page.getAttribute('#package-verdict', 'data-state')) === 'no', 'without the stamped scan');
    // late (after 2021-12-05) → no, with the library's submission.late
    await page.clock.setFixedTime(new Date('2021-12-08T10:00:00+08:00'));
    await page.locator('#attach-list select').nth(2).selectOption('stamped_scan');
    check((await page.getAttribute('#package-verdict', 'data-state')) === 'no', 'late but 可以报送');
    check((await page.locator('#package-list li[data-code="submission.late"]').count()) === 1, 'late not listed');
    await page.clock.setFixedTime(new Date('2021-12-02T10:00:00+08:00'));
    // an error in the 总结表 → no, and the message jumps to the field
    await page.fill('#units_participating', '12');
    check((await page.getAttribute('#package-verdict', 'data-state')) === 'no', 'a 总结表 error but 可以报送');
    await page.locator('#package-list li[data-code="participation.units_exceed_total"] button.jump').click();
    check((await page.evaluate(() => document.activeElement.id)) === 'units_participating', 'package message does not jump to the field');
    await page.fill('#units_participating', String(example.participation.units_participating));
    check((await page.getAttribute('#package-verdict', 'data-state')) === 'ok', `fixed: ${await verdict()}`);
    // the files' names and kinds are part of the draft
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    check((await page.locator('#attach-list select').count()) === 3, 'attachments lost on reload');
    check((await page.getAttribute('#package-verdict', 'data-state')) === 'ok', 'verdict after reload');
    await page.screenshot({ path: join(out, 'form-package.png'), fullPage: true });
  });

  await step('print view: A4, no controls, the whole text of every cell', async () => {
    const long = '以“庆建党百年华诞，谱终身学习新篇”为主题，'.repeat(30) + '全文结束。';
    await page.fill('#content', long);
    await page.emulateMedia({ media: 'print' });
    try {
      const shown = await page.evaluate(() => {
        const sel = '.bar, #import, #summary, #package, button, #form input, #form select, #form textarea, .msgs';
        return [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).map((e) => e.id || e.className || e.tagName);
      });
      check(shown.length === 0, `visible in print: ${shown.join(', ')}`);
      const sheet = await page.evaluate(() => document.querySelector('table.sheet').innerText);
      check(sheet.includes(long), 'the long 活动内容 is cut in print');
      for (const v of ['东湖区', example.organizers[0].name, example.leadership.coordinating_department, '约3.5万', '人次', '2021-11-22'])
        check(sheet.includes(v), `print lacks ${v}`);
      check(sheet.includes('（主办）'), 'print lacks the organiser role');
      await page.screenshot({ path: join(out, 'form-print.png'), fullPage: true });
      const pdf = await page.pdf({ path: join(out, 'form-print.pdf'), preferCSSPageSize: true, printBackground: false });
      const box = /MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      check(box && Math.abs(Number(box[1]) - 595.3) < 2 && Math.abs(Number(box[2]) - 841.9) < 2, `page size: ${box && box.slice(1)}`);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    check(await page.isVisible('#download'), 'controls gone on screen');
    await page.fill('#content', example.theme_and_content.content);
  });

  await step('drop a filled Word 总结表 on a filled form: it asks first; then filled, no role invented', async () => {
    const dir = process.env.LW_OFFICE_FIXTURES;
    if (!dir) { console.log('  SKIP: LW_OFFICE_FIXTURES is not set (bash scripts/office-fixtures.sh writes them)'); return; }
    const bytes = readFileSync(join(dir, '01-standard.docx'));
    asked.length = 0;
    await drop('01-standard.docx', bytes, DOCX); // "Cancel": the clerk's entries stay
    await page.waitForSelector('#import[data-imported="declined"]', { timeout: 10_000 });
    check(asked.length === 1, `asked ${asked.length} times`);
    check((await page.inputValue('#theme')) === example.theme_and_content.theme && (await page.inputValue('#participants')) === '约3.5万', 'entries changed although declined');
    answer = true;
    await drop('01-standard.docx', bytes, DOCX);
    await page.waitForSelector('#import[data-imported="true"]', { timeout: 10_000 });
    check((await page.inputValue('#host_unit')) === '东湖区', 'host unit');
    check((await page.inputValue('#participants')) === '约3.5万人次', `participants: ${await page.inputValue('#participants')}`);
    check((await page.inputValue('#participants_unit')) === '人次', 'participants unit');
    check((await page.inputValue('#sub_venues')) === '12', 'sub-venues');
    check((await page.inputValue('#period_start')) === '2021-11-22', 'period');
    check((await page.locator('#organizers .item').count()) === 2, 'two organisers');
    check(/01-standard\.docx/.test(await page.textContent('#import-status')), 'import status');
    // The Word file gives no roles: the selects stay at 「未注明」 and the JSON has none.
    const roles = await page.locator('#organizers [data-key="role"]').evaluateAll((els) => els.map((e) => [e.value, e.selectedOptions[0]?.textContent]));
    check(roles.every(([v, shown]) => v === '' && shown === '（未注明）'), `roles invented or not shown as not stated: ${JSON.stringify(roles)}`);
    const { doc } = await downloadJson('summary-imported.json');
    check(doc.organizers.length === 2 && doc.organizers.every((o) => !('role' in o)), `organizers: ${JSON.stringify(doc.organizers)}`);
    check(doc.participation.participants.unit === '人次' && doc.participation.participants.qualifier === 'approx', `participants: ${JSON.stringify(doc.participation.participants)}`);
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

  /** Every control of the page with the name Chromium's accessibility tree gives it (what a
   *  screen reader says), read over CDP for each rendered input, select, textarea and button. */
  async function accessibleNames() {
    const cdp = await context.newCDPSession(page);
    await page.evaluate(() => {
      document.querySelectorAll('[data-ax]').forEach((e) => e.removeAttribute('data-ax'));
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((e) => e.getClientRects().length > 0).forEach((e, i) => e.setAttribute('data-ax', String(i)));
    });
    const { root: doc } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: doc.nodeId, selector: '[data-ax]' });
    const names = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const { node } = await cdp.send('DOM.describeNode', { nodeId });
      const attrs = Object.fromEntries((node.attributes || []).reduce((a, v, i, all) => (i % 2 ? a : [...a, [v, all[i + 1]]]), []));
      names.push({ tag: node.localName, id: attrs.id || attrs['data-key'] || attrs.class || '', role: nodes[0]?.role?.value, name: (nodes[0]?.name?.value || '').trim() });
    }
    await cdp.detach();
    return names;
  }

  await step('accessibility tree: every input, select, textarea and button has a name (list items and the role select too)', async () => {
    await page.setViewportSize({ width: 1000, height: 900 });
    const names = await accessibleNames();
    check(names.length > 60, `only ${names.length} controls found`);
    const unnamed = names.filter((n) => !n.name);
    check(unnamed.length === 0, `no accessible name: ${JSON.stringify(unnamed)}`);
    const role = names.find((n) => n.id === 'role');
    check(role && /第1项/.test(role.name) && /角色/.test(role.name) && role.role === 'combobox', `role select: ${JSON.stringify(role)}`);
    const item = names.find((n) => n.id === 'title');
    check(item && /出席活动的领导第1项/.test(item.name), `leader item: ${JSON.stringify(item)}`);
    // the same, as Playwright's aria snapshot (kept for the record)
    writeFileSync(join(out, 'form-aria.yml'), await page.locator('main').ariaSnapshot());
  });

  await step('aria-invalid and aria-describedby tie every shown message to its field', async () => {
    await page.fill('#units_participating', '12');
    await page.fill('#participants', '很多');
    await page.fill('#image_reports', '很多组');
    await page.click('#download'); // shows every message
    for (const id of ['units_participating', 'participants', 'image_reports']) {
      check((await page.getAttribute(`#${id}`, 'aria-invalid')) === 'true', `#${id} not aria-invalid`);
      check(((await page.getAttribute(`#${id}`, 'aria-describedby')) || '').length > 0, `#${id} not described`);
    }
    check((await page.getAttribute('#units_total', 'aria-invalid')) === null, '#units_total marked for its neighbour\'s error');
    const problems = await page.evaluate(() => {
      const out = [];
      const msgs = [...document.querySelectorAll('#form .msg')];
      if (!msgs.length) out.push('no messages shown');
      for (const m of msgs) {
        const fields = [...document.querySelectorAll('#form [aria-describedby]')].filter((f) => f.getAttribute('aria-describedby').split(' ').includes(m.id));
        if (!fields.length) out.push(`message ${m.dataset.code} ${m.dataset.path} describes no field`);
        if (m.classList.contains('sev-error') && fields.some((f) => f.getAttribute('aria-invalid') !== 'true')) out.push(`error ${m.dataset.code} on a field not aria-invalid`);
        if (fields.some((f) => f.closest('tr') !== m.closest('tr'))) out.push(`message ${m.dataset.code} describes a field of another row`);
      }
      for (const f of document.querySelectorAll('[aria-describedby]')) {
        for (const id of f.getAttribute('aria-describedby').split(' ')) if (!document.getElementById(id)) out.push(`dangling ${id} on ${f.id}`);
      }
      for (const f of document.querySelectorAll('#form [aria-invalid="true"]')) {
        const ids = (f.getAttribute('aria-describedby') || '').split(' ');
        if (!ids.some((id) => document.getElementById(id)?.classList.contains('sev-error'))) out.push(`${f.id || f.dataset.pointer} invalid without an error message`);
      }
      return out;
    });
    check(problems.length === 0, problems.join('\n'));
  });

  await step('the summary\'s messages are buttons reached with Tab; Enter moves the focus to the field', async () => {
    const rows = await page.locator('#summary-list li').count();
    const buttons = await page.locator('#summary-list li > button.jump').count();
    check(buttons > 0 && buttons === rows, `${buttons} buttons for ${rows} messages`);
    await page.focus('#other');
    let reached = null;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement.matches('#summary-list button.jump') ? document.activeElement.parentElement.dataset.path : null));
    }
    check(reached, 'no message button reached with Tab');
    await page.keyboard.press('Enter');
    const at = await page.evaluate(() => document.activeElement.dataset.pointer || document.activeElement.closest('tr')?.dataset.pointer);
    check(at && (reached === at || reached.startsWith(at + '/') || at.split(' ').some((p) => reached.startsWith(p))), `Enter on ${reached} focused ${at}`);
  });

  await step('English switches the title, labels, placeholders, names and messages', async () => {
    await page.check('#lang-en');
    try { await english(); } finally { await page.uncheck('#lang-en'); }
    check((await page.textContent('label[for="theme"]')) === '活动主题', 'Chinese labels not back');
  });
  async function english() {
    check((await page.getAttribute('html', 'lang')) === 'en', 'html lang');
    check(/Lifelong Learning Activity Week: summary table/.test(await page.textContent('h1')), `title ${await page.textContent('h1')}`);
    check(/Lifelong Learning Activity Week/.test(await page.title()), 'document title');
    const chinese = await page.evaluate((re) => {
      const cjk = new RegExp(re);
      const out = [];
      for (const el of document.querySelectorAll('table.sheet th, table.sheet label, .add, #summary-title, #summary-counts, .actions button, #package h2, #duty dt, #package-verdict, #draft-clear, .attachment, .note'))
        if (cjk.test(el.textContent)) out.push(el.textContent.trim());
      for (const el of document.querySelectorAll('[placeholder]')) if (!/^[A-Za-z]/.test(el.placeholder)) out.push(`placeholder ${el.placeholder}`);
      // (a file's own name stays as it is: 「Remove 东湖区….pdf」, 「Kind of “东湖区….pdf”」)
      const names = [...document.querySelectorAll('#attach-list .file-name')].map((e) => e.textContent);
      for (const el of document.querySelectorAll('[aria-label]')) {
        const label = names.reduce((l, n) => l.split(n).join(''), el.getAttribute('aria-label'));
        if (cjk.test(label)) out.push(`aria-label ${el.getAttribute('aria-label')}`);
      }
      for (const el of document.querySelectorAll('#form option')) if (el.value && !/[A-Za-z]/.test(el.textContent) && !document.getElementById('host_unit').contains(el)) out.push(`option ${el.textContent}`);
      return out;
    }, '[\\u3400-\\u9fff]');
    check(chinese.length === 0, `still Chinese in English: ${chinese.join(' | ')}`);
    check((await page.getAttribute('#organizers .item [data-key="role"]', 'aria-label')) === 'Organisers, item 1: role', 'role select name in English');
    const msg = await page.locator('#form .msg').first().textContent();
    check(/[A-Za-z]{3}/.test(msg) && !/[\u3400-\u9fff]/.test(msg.replace(/「[^」]*」|“[^”]*”|"[^"]*"/g, '')), `message not English: ${msg}`);
  }

  await step('the page\'s own words never show internal names (approx, at_least, host …)', async () => {
    const own = await page.evaluate(() => {
      const skip = (el) => el.closest('.msgs, #summary-list, #package-list, #import-list');
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const out = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (skip(n.parentElement) || n.parentElement.closest('script, template')) continue;
        if (/\b(approx|at_least|at_most|exact|co_organiser|undertaker|implementer|supporter|work_summary|stamped_scan|typical_case)\b/.test(n.textContent)) out.push(n.textContent.trim());
      }
      return out;
    });
    check(own.length === 0, own.join(' | '));
  });

  await step('Chinese messages never show internal names (约 / 余, not approx / at_least; no field keys)', async () => {
    await page.fill('#units_total', '10余个');
    const all = await page.locator('#summary-list li').allTextContents();
    const bad = all.filter((t) => /\((approx|at_least|at_most|exact)\)|（(approx|at_least|at_most|exact|[a-z_]+)）/.test(t));
    const read = all.some((t) => t.includes('解读为 10余个'));
    await page.fill('#units_total', String(example.participation.units_total));
    check(bad.length === 0, bad.join('\n'));
    check(read, `no 「解读为 10余个」 note among: ${all.join(' | ')}`);
  });

  await step('small controls are at least 32 px (buttons, selects, inputs, the language switch)', async () => {
    for (const width of [1000, 375]) {
      await page.setViewportSize({ width, height: 900 });
      const small = await page.evaluate(() => [...document.querySelectorAll('button, select, input:not([type=checkbox]), textarea, label.lang')]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => ({ e: e.id || e.dataset.key || e.className || e.tagName, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 32 || r.width < 32).map(({ e, r }) => `${e} ${Math.round(r.width)}×${Math.round(r.height)}`));
      check(small.length === 0, `at ${width} px: ${small.join(', ')}`);
    }
    await page.setViewportSize({ width: 1000, height: 900 });
  });

  await step('screenshots: desktop and phone width (the form fits, no horizontal scroll)', async () => {
    await page.screenshot({ path: join(out, 'form-desktop.png'), fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `horizontal overflow ${overflow}px at phone width`);
    await page.fill('#units_participating', '12');
    await page.screenshot({ path: join(out, 'form-phone.png'), fullPage: true });
    console.log(`  screenshots: ${join(out, 'form-desktop.png')}, ${join(out, 'form-phone.png')}`);
  });

  await step('an Excel (.xlsx) and a Word 97–2003 (.doc) 总结表 import as the .docx does', async () => {
    const dir = process.env.LW_OFFICE_FIXTURES;
    check(dir, 'LW_OFFICE_FIXTURES is not set (bash scripts/office-fixtures.sh writes them)');
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    answer = true;
    await page.evaluate(() => { document.querySelector('#import').dataset.imported = ''; });
    await drop('东湖区总结表.xlsx', readFileSync(join(dir, '14-xlsx-retyped.xlsx')), XLSX);
    await page.waitForSelector('#import[data-imported="true"]', { timeout: 10_000 });
    check(/东湖区总结表\.xlsx/.test(await page.textContent('#import-status')), `import status: ${await page.textContent('#import-status')}`);
    // The workbook (openpyxl wrote it) retypes 东湖区's form without a theme row.
    check((await page.inputValue('#host_unit')) === '东湖区', 'xlsx: host unit');
    check((await page.inputValue('#participants')) === '约3.5万人次', `xlsx: participants ${await page.inputValue('#participants')}`);
    check((await page.inputValue('#period_start')) === '2021-11-22', 'xlsx: period');
    answer = true;
    await page.evaluate(() => { document.querySelector('#import').dataset.imported = ''; });
    await drop('东湖区总结表.doc', readFileSync(join(root, 'tests', 'fixtures', 'doc', '01-standard.doc')), 'application/msword');
    await page.waitForSelector('#import[data-imported="true"]', { timeout: 10_000 });
    check(/东湖区总结表\.doc\b/.test(await page.textContent('#import-status')), `import status: ${await page.textContent('#import-status')}`);
    // The .doc was saved from 01-standard.docx: the same rows as that import above.
    check((await page.inputValue('#host_unit')) === '东湖区', 'doc: host unit');
    check((await page.inputValue('#participants')) === '约3.5万人次', `doc: participants ${await page.inputValue('#participants')}`);
    check((await page.inputValue('#sub_venues')) === '12', 'doc: sub-venues');
    check((await page.inputValue('#period_start')) === '2021-11-22', 'doc: period');
    check((await page.locator('#organizers .item').count()) === 2, 'doc: two organisers');
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
