// Every inbox vector of tests/vectors/inbox/*.json through the office module's inbox
// (`aggregateFiles`, as a page hands over dropped `File`s), with the matching and the checks of
// core/tests/inbox_vectors.rs (see that folder's README.md). A fixture that is missing fails the
// vector, never skips it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { office, root, vectorFiles, matches } from './load.mjs';

const folders = {
  office:
    process.env.LW_OFFICE_FIXTURES ||
    execFileSync('bash', [join(root, 'scripts', 'office-fixtures.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim(),
  doc: join(root, 'tests', 'fixtures', 'doc'),
};
const lists = ['included', 'superseded', 'rejected', 'plans', 'materials'];
const fileOnly = ['aggregate.refused', 'aggregate.unit_name_conflict', 'aggregate.unit_from_file_name', 'aggregate.superseded_same_time'];

/** A file's bytes: its inline `text` (UTF-8), or its `fixture` (`office:<file>` / `doc:<file>`). */
function bytesOf(spec) {
  if (typeof spec.text === 'string') return new TextEncoder().encode(spec.text);
  const at = spec.fixture.indexOf(':');
  const folder = folders[spec.fixture.slice(0, at)];
  assert.ok(folder, `${spec.fixture}: not office:<file> or doc:<file>`);
  const path = join(folder, spec.fixture.slice(at + 1));
  assert.ok(existsSync(path), `fixture missing: ${path}`);
  return new Uint8Array(readFileSync(path));
}

/** `fires`: each code on the named input of its accounting list; `silent`: on no input. Null, or the failure. */
function codeErrors(v, accounting) {
  const has = (record, code) => (record.diagnostics || []).some((d) => d.code === code);
  for (const f of v.fires || []) {
    const record = (accounting[f.in] || []).find((r) => r.id === f.input);
    if (!record) return `fires ${f.code}: ${f.input} is not in accounting.${f.in}`;
    if (!has(record, f.code)) return `fires ${f.code}: not on ${f.input} in accounting.${f.in}: ${JSON.stringify(record.diagnostics)}`;
  }
  for (const code of v.silent || []) {
    for (const name of lists) {
      const r = accounting[name].find((x) => has(x, code));
      if (r) return `silent ${code}: fired on ${r.id} in accounting.${name}`;
    }
  }
  return null;
}

const vectors = vectorFiles('inbox');

test('inbox vectors: each file-only code fires in one and is silent in a near miss', () => {
  assert.ok(vectors.length >= 8, `only ${vectors.length} inbox vectors`);
  for (const code of fileOnly) {
    assert.ok(vectors.some(({ doc: v }) => (v.fires || []).some((f) => f.code === code)), `${code} fires in no vector`);
    assert.ok(vectors.some(({ doc: v }) => (v.silent || []).includes(code)), `${code} is silent in no near miss`);
  }
});

for (const { file, doc: v } of vectors) {
  test(`inbox vector ${file}`, () => {
    const files = v.files.map((f) => ({ name: f.name, bytes: bytesOf(f), ...(f.modified ? { modified: f.modified } : {}) }));
    const answer = office.aggregateFiles(files, v.options || {});
    assert.ok(answer.ok && answer.rollup, `no roll-up: ${JSON.stringify(answer.diagnostics)}`);
    const a = answer.rollup.accounting;
    const counted = lists.reduce((n, name) => n + a[name].length, 0);
    assert.ok(a.inputs === files.length && counted === files.length, `accounting does not balance: ${files.length} files, ${a.inputs} inputs, ${counted} accounted for`);
    assert.equal(matches(v.expect, answer.rollup, ''), null);
    assert.equal(codeErrors(v, a), null);
  });
}
