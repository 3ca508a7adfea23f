// The inbox through the WebAssembly package: the same files as bytes (as a page reads dropped
// `File`s) give the roll-up the Rust CLI gives of the folder — one policy in core for every door.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lw, office, root } from './load.mjs';

const cli = process.env.LW_CLI || join(root, 'target', 'debug', 'learning-week');
const fixtures =
  process.env.LW_OFFICE_FIXTURES ||
  execFileSync('bash', [join(root, 'scripts', 'office-fixtures.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

/** Eight JSON submissions, two Word forms, 东湖区's work summary, typical case and scan, a lock file, a scan naming no unit and a note (and, with `xlsx`, an Excel form). */
function makeInbox(xlsx = false) {
  const dir = mkdtempSync(join(tmpdir(), 'lw-inbox-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const subs = join(root, 'examples/nanchang-2021/submissions');
  for (const f of readdirSync(subs).filter((f) => f.endsWith('.json')).sort().slice(0, 8)) copyFileSync(join(subs, f), join(inbox, f));
  copyFileSync(join(fixtures, '01-standard.docx'), join(inbox, '东湖区总结表.docx'));
  copyFileSync(join(fixtures, '02-title-gives-unit.docx'), join(inbox, '附件.docx'));
  if (xlsx) copyFileSync(join(fixtures, '14-xlsx-retyped.xlsx'), join(inbox, '总结表.xlsx'));
  writeFileSync(join(inbox, '~$东湖区总结表.docx'), Buffer.concat([Buffer.from('\x0cAdministrator'), Buffer.alloc(148)]));
  writeFileSync(join(inbox, '盖章扫描件.pdf'), '%PDF-1.4\n'); // names no unit
  // 东湖区's package: its work summary, its typical case (only its first lines name the unit), its scan.
  copyFileSync(join(fixtures, '16-work-summary.docx'), join(inbox, '东湖区工作总结.docx'));
  copyFileSync(join(fixtures, '17-typical-case.docx'), join(inbox, '典型案例.docx'));
  writeFileSync(join(inbox, '东湖区盖章扫描件.pdf'), '%PDF-1.4\n% donghu\n');
  // 东湖区's form saved twice (byte for byte): counted once, listed as an exact copy.
  copyFileSync(join(fixtures, '01-standard.docx'), join(inbox, '东湖区总结表(1).docx'));
  writeFileSync(join(inbox, '说明.txt'), '各单位材料见附件。');
  return { dir, inbox };
}

const view = (r, prefix) => {
  const rel = (id) => (id && id.startsWith(prefix) ? id.slice(prefix.length) : id ?? '');
  const a = r.accounting;
  return {
    inputs: a.inputs,
    included: a.included.map((x) => rel(x.id)).sort(),
    superseded: a.superseded.map((x) => [rel(x.id), rel(x.superseded_by)]).sort(),
    rejected: a.rejected.map((x) => [rel(x.id), x.reason]).sort(),
    materials: a.materials.map((x) => [rel(x.id), x.unit, x.material]).sort(),
    codes: a.included.map((x) => [rel(x.id), (x.validation || {}).codes || []]).sort(),
    missing: r.missing_units,
    totals: r.totals,
    late: r.late_units.map((u) => [u.unit, u.days_late]),
  };
};

test('dropped files roll up as the CLI rolls up the folder, every file accounted for', () => {
  assert.ok(existsSync(cli), `no CLI at ${cli}: build it (cargo build -p learning-week-cli) or set LW_CLI`);
  const { dir, inbox } = makeInbox();
  try {
    const names = readdirSync(inbox).sort();
    const files = names.map((name) => ({
      name: `${inbox}/${name}`,
      bytes: new Uint8Array(readFileSync(join(inbox, name))),
      modified: new Date(statSync(join(inbox, name)).mtimeMs).toISOString(),
    }));
    const answer = office.aggregateFiles(files, { submitted_at: '2021-12-03' });
    assert.ok(answer.ok, JSON.stringify(answer.diagnostics));
    const r = answer.rollup;
    assert.equal(r.accounting.inputs, names.length);
    const rust = JSON.parse(execFileSync(cli, ['aggregate', '--format', 'json', '--submitted-at', '2021-12-03', inbox], { encoding: 'utf8' }));
    assert.deepStrictEqual(view(r, `${inbox}/`), view(rust, `${inbox}/`));
    const rejected = Object.fromEntries(r.accounting.rejected.map((x) => [x.id.slice(inbox.length + 1), x.diagnostics[0].message]));
    assert.match(rejected['~$东湖区总结表.docx'], /锁定文件/);
    assert.match(rejected['盖章扫描件.pdf'], /看不出属于哪个单位/);
    assert.match(rejected['东湖区总结表(1).docx'], /内容完全相同/);
    assert.deepStrictEqual(
      r.accounting.materials.map((x) => [x.id.slice(inbox.length + 1), x.unit, x.material]).sort(),
      [['东湖区工作总结.docx', '东湖区', 'work_summary'], ['东湖区盖章扫描件.pdf', '东湖区', 'stamped_scan'], ['典型案例.docx', '东湖区', 'typical_case']],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the office module reads an Excel form in the inbox, as the CLI does (no longer rejected)', () => {
  const { dir, inbox } = makeInbox(true);
  try {
    const names = readdirSync(inbox).sort();
    const files = names.map((name) => ({ name: `${inbox}/${name}`, bytes: new Uint8Array(readFileSync(join(inbox, name))) }));
    const r = office.aggregateFiles(files, { submitted_at: '2021-12-03' }).rollup;
    assert.equal(r.accounting.inputs, files.length);
    assert.ok(!r.accounting.rejected.some((x) => x.id.endsWith('总结表.xlsx')), JSON.stringify(r.accounting.rejected));
    const rust = JSON.parse(execFileSync(cli, ['aggregate', '--format', 'json', '--submitted-at', '2021-12-03', inbox], { encoding: 'utf8' }));
    assert.deepStrictEqual(view(r, `${inbox}/`), view(rust, `${inbox}/`));
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
