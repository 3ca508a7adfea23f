// The .docx office fixtures (python-docx wrote them: scripts/office-fixtures.sh, folder in
// LW_OFFICE_FIXTURES) through importDocx, judged against tests/vectors/office/fixtures.json as
// core/tests/office_fixtures.rs and bindings-py/tests/test_office.py judge them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { lw, root } from './load.mjs';

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

for (const f of spec.fixtures.filter((f) => f.format === 'docx')) {
  test(`office fixture ${f.name}`, () => {
    const bytes = readFileSync(join(dir, `${f.name}.docx`));
    const t = performance.now();
    const a = lw.importDocx(new Uint8Array(bytes));
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
    assert.deepStrictEqual(lw.importDocx(copy), a);
  });
}

test('importDocx refuses what is not a .docx, never throws', () => {
  for (const input of [new Uint8Array(), new TextEncoder().encode('%PDF-1.7')]) {
    const a = lw.importDocx(input);
    assert.equal(a.summary, null);
    assert.deepStrictEqual(a.diagnostics.map((d) => d.code), ['import.not_zip']);
  }
  // Not bytes at all: the argument is refused as such (not read as an empty file).
  for (const [input, found] of [['a string', 'string'], [null, 'null'], [undefined, 'undefined'], [42, 'number'], [{}, 'object']]) {
    const a = lw.importDocx(input);
    assert.equal(a.summary, null);
    assert.deepStrictEqual(a.diagnostics.map((d) => [d.code, d.document, d.params.found]), [['type.invalid', 'input', found]]);
  }
  // A fractional year is refused, not silently dropped.
  const frac = lw.importDocx(new Uint8Array(), { year: 2021.5 });
  assert.deepStrictEqual(frac.diagnostics.map((d) => [d.code, d.document]), [['type.invalid', 'options']]);
  const big = new Uint8Array(50 * 1024 * 1024);
  big.set([0x50, 0x4b, 3, 4]);
  assert.deepStrictEqual(lw.importDocx(big).diagnostics.map((d) => d.code), ['import.too_large']);
});
