// tests/vectors/reading/notices.json through readNotice, judged as core/tests/vectors.rs judges
// them: the sorted codes, the values at the pointers, and every source span (UTF-16, so
// `text.slice(start, end)`) equal to the words it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lw, office, root } from './load.mjs';

const { cases } = JSON.parse(readFileSync(join(root, 'tests', 'vectors', 'reading', 'notices.json'), 'utf8'));

const at = (data, pointer) =>
  pointer.split('/').slice(1).reduce((v, step) => (v == null ? null : v[Array.isArray(v) ? Number(step) : step] ?? null), data);

test('there are reading vectors', () => assert.ok(cases.length >= 8));

for (const c of cases) {
  test(`reading: ${c.name}`, () => {
    const text = typeof c.input_text === 'string' ? c.input_text : readFileSync(join(root, c.input_file), 'utf8');
    const r = office.readNotice(text, c.options ?? undefined);
    assert.deepEqual(r.diagnostics.map((d) => d.code).sort(), c.expect.codes);
    for (const [pointer, want] of Object.entries(c.expect.values)) assert.deepEqual(at(r.notice, pointer), want, pointer);
    for (const s of r.sources) assert.equal(text.slice(s.span.start, s.span.end), s.text, s.path);
    for (const [pointer, want] of Object.entries(c.expect.sources ?? {})) {
      assert.equal(r.sources.find((s) => s.path === pointer)?.text, want);
    }
  });
}

test('readNotice takes bytes and answers what is no input, never throws', () => {
  const bytes = new TextEncoder().encode(readFileSync(join(root, 'tests/fixtures/notices/jiangxi-province-2023.txt'), 'utf8'));
  assert.equal(office.readNotice(bytes).notice.jurisdiction.city, '江西省');
  for (const bad of [undefined, null, 3, {}, () => 1]) {
    const r = office.readNotice(bad);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].code, 'type.invalid');
  }
  assert.equal(office.readNotice(new Uint8Array([0x25, 0x50, 0x44, 0x46])).diagnostics[0].code, 'reading.not_a_notice');
});
