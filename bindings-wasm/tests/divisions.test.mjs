// tests/vectors/divisions/*.json through the package's `divisions`, judged as
// core/tests/divisions_vectors.rs judges them: every key of `expect` matches the answer (objects on
// the keys given, arrays of the same length element by element, numbers as numbers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lw, office, vectorFiles } from './load.mjs';

function mismatches(want, got, at = '', out = []) {
  if (want && typeof want === 'object' && !Array.isArray(want)) {
    if (!got || typeof got !== 'object' || Array.isArray(got)) out.push(`${at}: expected an object, got ${JSON.stringify(got)}`);
    else for (const [k, w] of Object.entries(want)) {
      if (k in got) mismatches(w, got[k], `${at}/${k}`, out);
      else out.push(`${at}/${k}: absent`);
    }
  } else if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) out.push(`${at}: expected ${want.length} items, got ${JSON.stringify(got)}`);
    else want.forEach((w, i) => mismatches(w, got[i], `${at}/${i}`, out));
  } else if (want !== got) {
    out.push(`${at}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return out;
}

const cases = vectorFiles('divisions').flatMap(({ doc }) => doc.cases || []);

test('there are division vectors', () => assert.ok(cases.length >= 10));

for (const c of cases) {
  test(`divisions: ${c.name}`, () => {
    const answer = office.divisions(c.query, c.year === undefined ? undefined : { year: c.year });
    const problems = mismatches(c.expect, answer);
    assert.deepEqual(problems, []);
  });
}

test('every division.* code of the catalog is fired by a vector', () => {
  const fired = new Set(cases.map((c) => c.expect.error?.code).filter(Boolean));
  const codes = lw.rules().map((r) => r.code).filter((c) => c.startsWith('division.'));
  assert.ok(codes.length > 0);
  assert.deepEqual(codes.filter((c) => !fired.has(c)), []);
});

test('a query that is no string, or a year that is no integer, is a type.invalid answer', () => {
  assert.equal(office.divisions(42).error.code, 'type.invalid');
  assert.equal(office.divisions('南昌市', { year: 2021.5 }).error.code, 'type.invalid');
  assert.equal(office.divisions('南昌市', { year: '2021' }).error.code, 'type.invalid');
  assert.equal(office.divisions('南昌市', { year: 2018 }).units.find((u) => u.name === '湾里区').kind, 'district');
});
