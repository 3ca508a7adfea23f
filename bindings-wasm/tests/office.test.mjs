// The office module (learning_week_office): the .docx and .xlsx office fixtures (python-docx and
// openpyxl wrote them: scripts/office-fixtures.sh, folder in LW_OFFICE_FIXTURES) through
// importDocx / importXlsx, judged against tests/vectors/office/fixtures.json as
// core/tests/office_fixtures.rs and bindings-py/tests/test_office.py judge them; the .doc
// fixtures (LibreOffice wrote them, tests/fixtures/doc) read as their .docx; the filled 总结表
// exported to .docx byte for byte as the CLI's `export summary` writes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { lw, office, root } from './load.mjs';

const spec = JSON.parse(readFileSync(join(root, 'tests', 'vectors', 'office', 'fixtures.json'), 'utf8'));
// LW_OFFICE_FIXTURES, or the folder scripts/office-fixtures.sh writes now: never skipped.
const dir =
  process.env.LW_OFFICE_FIXTURES ||
  execFileSync('bash', [join(root, 'scripts', 'office-fixtures.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

const pointer = (data, p) =>
  p
    .split('/')
    .slice(1)
    .reduce((d, t) => (d !== null && typeof d === 'object' ? d[t.replace(/~1/g, '/').replace(/~0/g, '~')] ?? null : null), data);

for (const f of spec.fixtures) {
  test(`office fixture ${f.name}.${f.format}`, () => {
    const bytes = readFileSync(join(dir, `${f.name}.${f.format}`));
    const read = f.format === 'xlsx' ? office.importXlsx : office.importDocx;
    const t = performance.now();
    const a = read(new Uint8Array(bytes));
    const ms = performance.now() - t;
    assert.ok(ms < 5000, `${ms} ms`);
    const codes = a.diagnostics.map((d) => d.code);
    const e = f.expect;
    if ('errors' in e) assert.equal(a.errors, e.errors, codes.join());
    for (const [p, want] of Object.entries(e.fields ?? {})) assert.deepStrictEqual(pointer(a.summary, p), want, p);
    for (const c of e.codes ?? []) assert.ok(codes.includes(c), `${c} missing from ${codes}`);
    for (const c of e.absent_codes ?? []) assert.ok(!codes.includes(c), `${c} present`);
    for (const s of e.other_contains ?? []) assert.ok((a.summary?.other ?? '').includes(s), s);
    if ('outside_text_count' in e) assert.equal(codes.filter((c) => c === 'import.outside_text').length, e.outside_text_count);
    // an ArrayBuffer is read the same
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    assert.deepStrictEqual(read(copy), a);
  });
}

test('a .doc (Word 97–2003) reads as the .docx it was saved from', () => {
  for (const name of ['01-standard', '03-messy-labels', '09-split-table']) {
    const doc = office.importDoc(new Uint8Array(readFileSync(join(root, 'tests', 'fixtures', 'doc', `${name}.doc`))), { year: 2021 });
    const docx = office.importDocx(new Uint8Array(readFileSync(join(dir, `${name}.docx`))), { year: 2021 });
    assert.ok(doc.summary, `${name}.doc: ${JSON.stringify(doc.diagnostics)}`);
    assert.deepStrictEqual(doc.summary, docx.summary, name);
    assert.deepStrictEqual(doc.diagnostics.map((d) => [d.code, d.path]), docx.diagnostics.map((d) => [d.code, d.path]), name);
  }
  const ws = office.importDoc(new Uint8Array(readFileSync(join(root, 'tests', 'fixtures', 'doc', '16-work-summary.doc'))));
  assert.deepStrictEqual(ws.diagnostics.map((d) => d.code), ['import.no_table']);
  assert.deepStrictEqual(office.importDoc('x').diagnostics.map((d) => [d.code, d.document]), [['type.invalid', 'input']]);
  assert.match(office.importDoc(42).diagnostics[0].message_en, /\.doc/);
});

test('exportSummaryDocx writes the .docx the CLI writes, byte for byte, and reads back', () => {
  const cli = process.env.LW_CLI || join(root, 'target', 'debug', 'learning-week');
  const file = join(root, 'examples', 'nanchang-2021', 'submissions', 'donghu.submission.json');
  const text = readFileSync(file, 'utf8');
  const tmp = mkdtempSync(join(tmpdir(), 'lw-export-'));
  try {
    const out = join(tmp, 'donghu.docx');
    execFileSync(cli, ['export', 'summary', '--format', 'docx', file, '-o', out]);
    const rust = readFileSync(out);
    for (const input of [text, JSON.parse(text)]) {
      const a = office.exportSummaryDocx(input);
      assert.equal(a.ok, true, JSON.stringify(a.diagnostics));
      assert.ok(a.bytes instanceof Uint8Array);
      assert.ok(Buffer.from(a.bytes).equals(rust), 'the same bytes as the CLI');
    }
    // what it wrote is a 总结表 the importer reads back: same unit and participants
    const back = office.importDocx(office.exportSummaryDocx(text).bytes, { year: 2021 });
    const sub = JSON.parse(text);
    assert.equal(back.summary.host_unit, sub.summary.host_unit);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // unusable input: diagnostics, never a throw
  const bad = office.exportSummaryDocx('{');
  assert.equal(bad.ok, false);
  assert.equal(bad.diagnostics[0].code, 'json.syntax');
  assert.equal(office.exportSummaryDocx(() => 1).ok, false);
});

test('importDocx refuses what is not a .docx, never throws', () => {
  for (const input of [new Uint8Array(), new TextEncoder().encode('%PDF-1.7')]) {
    const a = office.importDocx(input);
    assert.equal(a.summary, null);
    assert.deepStrictEqual(a.diagnostics.map((d) => d.code), ['import.not_zip']);
  }
  // Not bytes at all: the argument is refused as such (not read as an empty file).
  for (const [input, found] of [['a string', 'string'], [null, 'null'], [undefined, 'undefined'], [42, 'number'], [{}, 'object']]) {
    const a = office.importDocx(input);
    assert.equal(a.summary, null);
    assert.deepStrictEqual(a.diagnostics.map((d) => [d.code, d.document, d.params.found]), [['type.invalid', 'input', found]]);
  }
  // A fractional year is refused, not silently dropped.
  const frac = office.importDocx(new Uint8Array(), { year: 2021.5 });
  assert.deepStrictEqual(frac.diagnostics.map((d) => [d.code, d.document]), [['type.invalid', 'options']]);
  const big = new Uint8Array(50 * 1024 * 1024);
  big.set([0x50, 0x4b, 3, 4]);
  assert.deepStrictEqual(office.importDocx(big).diagnostics.map((d) => d.code), ['import.too_large']);
});
