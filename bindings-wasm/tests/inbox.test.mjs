// The inbox through the WebAssembly package: the same files as bytes (as a page reads dropped
// `File`s) give the roll-up the Rust CLI gives of the folder — one policy in core for every door.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lw, office, root } from './load.mjs';

const cli = process.env.LW_CLI || join(root, 'target', 'debug', 'learning-week');
const fixtures =
  process.env.LW_OFFICE_FIXTURES ||
  execFileSync('bash', [join(root, 'scripts', 'office-fixtures.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

/**
 * The fixture inbox every door's parity test reads (tests/fixtures/make_inbox.py), whole: the
 * office module (`learning-week/office`) reads the .xlsx and the .doc too.
 */
function makeInbox() {
  const dir = mkdtempSync(join(tmpdir(), 'lw-inbox-'));
  const inbox = join(dir, 'inbox');
  execFileSync('python3', [join(root, 'tests/fixtures/make_inbox.py'), fixtures, inbox], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { dir, inbox };
}

/** The answer with the folder's path taken out of every id and message. */
const relative = (answer, folder) => JSON.parse(JSON.stringify(answer).split(`${folder}/`).join(''));

/** The folder's files as a page has dropped `File`s: name, bytes, modification time. */
const dropped = (inbox) =>
  readdirSync(inbox).sort().map((name) => ({
    name: `${inbox}/${name}`,
    bytes: new Uint8Array(readFileSync(join(inbox, name))),
    modified: new Date(statSync(join(inbox, name)).mtimeMs).toISOString(),
  }));

for (const submittedAt of [undefined, '2021-12-03']) {
  test(`dropped files roll up exactly as the CLI rolls up the folder (submitted_at ${submittedAt ?? 'from the files'})`, () => {
    assert.ok(existsSync(cli), `no CLI at ${cli}: build it (cargo build -p learning-week-cli) or set LW_CLI`);
    const { dir, inbox } = makeInbox();
    try {
      const files = dropped(inbox);
      const answer = office.aggregateFiles(files, submittedAt ? { submitted_at: submittedAt } : undefined);
      assert.ok(answer.ok, JSON.stringify(answer.diagnostics));
      const r = answer.rollup;
      assert.equal(r.accounting.inputs, files.length);
      const a = r.accounting;
      assert.equal(a.included.length + a.superseded.length + a.rejected.length + a.plans.length + a.materials.length, files.length);
      const given = submittedAt ? ['--submitted-at', submittedAt] : [];
      const rust = JSON.parse(execFileSync(cli, ['aggregate', '--format', 'json', ...given, inbox], { encoding: 'utf8' }));
      // The whole answer: accounting, units, totals, findings, the city's 总结表.
      assert.deepStrictEqual(relative(r, inbox), relative(rust, inbox));
      const rejected = Object.fromEntries(r.accounting.rejected.map((x) => [x.id.slice(inbox.length + 1), x.diagnostics[0].message]));
      assert.match(rejected['~$东湖区总结表.docx'], /锁定文件/);
      assert.match(rejected['盖章扫描件.pdf'], /看不出属于哪个单位/);
      assert.match(rejected['东湖区总结表(1).docx'], /内容完全相同/);
      assert.match(rejected['红谷滩区总结表.wps'], /请另存为 \.docx/);
      assert.deepStrictEqual(
        r.accounting.materials.map((x) => [x.id.slice(inbox.length + 1), x.unit, x.material]).sort(),
        [['东湖区工作总结.docx', '东湖区', 'work_summary'], ['东湖区盖章扫描件.pdf', '东湖区', 'stamped_scan'], ['典型案例.docx', '东湖区', 'typical_case']],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a Word, Excel, .doc or JSON file given as bytes is validated as the CLI validates the file', () => {
  const { dir, inbox } = makeInbox();
  const v = new lw.Validator();
  try {
    const names = ['东湖区总结表.docx', '附件.docx', '关于开展2021年全民终身学习活动周的通知.docx', 'anyi.submission.json', '典型案例.docx', '高新区总结表.xlsx', '青山湖区总结表.doc', '红谷滩区总结表.wps'];
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(join(inbox, name)));
      const js = office.validateFile(bytes, { name });
      let out;
      try {
        out = execFileSync(cli, ['validate', '--format', 'json', join(inbox, name)], { encoding: 'utf8' });
      } catch (e) {
        out = e.stdout; // exit 1 or 2: findings, still JSON
      }
      const rust = JSON.parse(out);
      assert.deepStrictEqual(js.diagnostics, rust.diagnostics, name);
      assert.equal(js.kind, rust.kind, name);
      if (name.endsWith('.json')) {
        // JSON bytes need no office module: the first one reads them alike.
        assert.deepStrictEqual(v.validate(bytes).diagnostics, rust.diagnostics, name);
        assert.deepStrictEqual(lw.validate(bytes.buffer).diagnostics, rust.diagnostics, name);
      }
    }
    const notBytes = office.validateFile(42);
    assert.deepStrictEqual(notBytes.diagnostics.map((d) => d.code), ['type.invalid']);
    assert.match(notBytes.diagnostics[0].message_en, /number/);
  } finally {
    v.free();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the office module reads the Excel and the Word 97–2003 forms in the inbox, as the CLI does', () => {
  const { dir, inbox } = makeInbox();
  try {
    const files = readdirSync(inbox).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(inbox, name))) }));
    const r = office.aggregateFiles(files, { submitted_at: '2021-12-03' }).rollup;
    assert.equal(r.accounting.inputs, files.length);
    for (const name of ['高新区总结表.xlsx', '青山湖区总结表.doc']) {
      assert.ok(!r.accounting.rejected.some((x) => x.id === name), `${name}: ${JSON.stringify(r.accounting.rejected.map((x) => x.id))}`);
      assert.ok(r.accounting.included.some((x) => x.id === name) || r.accounting.superseded.some((x) => x.id === name), name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a notice in the options is compiled for the call; an unusable one is the answer', () => {
  const { dir, inbox } = makeInbox();
  try {
    const files = readdirSync(inbox).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(inbox, name))) }));
    const notice = lw.defaultNotice();
    const a = office.aggregateFiles(files, { submitted_at: '2021-12-03', notice });
    const b = office.aggregateFiles(files, { submitted_at: '2021-12-03' });
    assert.deepStrictEqual(a, b);
    const bad = office.aggregateFiles(files, { notice: { year: 'x' } });
    assert.equal(bad.ok, false);
    assert.ok(bad.diagnostics.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('what is not a list of files is answered, not thrown', () => {
  for (const bad of [null, 'x', [{ name: 'a.json' }], [{ bytes: new Uint8Array() }]]) {
    const a = office.aggregateFiles(bad);
    assert.equal(a.ok, false);
    assert.equal(a.diagnostics[0].document, 'submissions');
  }
  assert.equal(office.aggregateFiles([], { submitted_at: '12月3日' }).ok, false);
});
