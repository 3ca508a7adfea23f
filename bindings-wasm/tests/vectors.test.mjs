// Every shared vector of tests/vectors/ through the WebAssembly package, with the semantics of the
// Rust runners (core/tests/vectors.rs, core/tests/aggregate_vectors.rs): the same files must give
// the same results in every language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lw, vectorFiles, caseText, validateAs, validateWith, matches } from './load.mjs';

const catalog = new Set(lw.rules().map((r) => r.code));
const sorted = (xs) => [...xs].sort();

/** The problems of one answer against a case's `expect` (empty when it passes). */
function check(c, answer) {
  const e = c.expect || {};
  const problems = [];
  if (typeof e.valid === 'boolean' && e.valid !== answer.valid) {
    problems.push(`valid: expected ${e.valid}, got ${answer.valid}`);
  }
  const got = answer.diagnostics.map((d) => d.code);
  if (Array.isArray(e.codes) && JSON.stringify(sorted(e.codes)) !== JSON.stringify(sorted(got))) {
    problems.push(`codes: expected ${JSON.stringify(sorted(e.codes))}, got ${JSON.stringify(sorted(got))}`);
  }
  for (const [code, want] of Object.entries(e.paths || {})) {
    const have = answer.diagnostics.filter((d) => d.code === code).map((d) => d.path);
    if (JSON.stringify(sorted(want)) !== JSON.stringify(sorted(have))) {
      problems.push(`paths of ${code}: expected ${JSON.stringify(sorted(want))}, got ${JSON.stringify(sorted(have))}`);
    }
  }
  for (const d of answer.diagnostics) {
    if (!d.message || !d.message_en) problems.push(`${d.code}: message not rendered`);
    if (!catalog.has(d.code)) problems.push(`${d.code}: code not in the catalog`);
    if (!(d.path === '' || d.path.startsWith('/'))) problems.push(`${d.code}: path ${d.path} is not a JSON Pointer`);
    for (const k of ['code', 'severity', 'path', 'message', 'message_en', 'params']) {
      if (!(k in d)) problems.push(`${d.code}: no ${k}`);
    }
  }
  return problems;
}

const documentFiles = vectorFiles();

test('document vectors (tests/vectors/*.json), as text and as JS objects', () => {
  let total = 0;
  const failures = [];
  for (const { file, doc } of documentFiles) {
    for (const c of doc.cases || []) {
      total += 1;
      const text = caseText(c);
      const answer = validateAs(c.kind ?? null, text, c.options, c.field);
      const problems = check(c, answer);
      // A compiled Validator answers the same, or refuses the notice / plan with those diagnostics.
      let compiled;
      try {
        compiled = new lw.Validator(c.options?.notice, c.options?.plan);
      } catch (e) {
        if (!Array.isArray(e.diagnostics)) problems.push(`Validator threw without diagnostics: ${e}`);
        else if (JSON.stringify(e.diagnostics) !== JSON.stringify(answer.diagnostics)) problems.push('Validator refused differently');
      }
      if (compiled) {
        try {
          assert.deepStrictEqual(validateWith(compiled, c.kind ?? null, text, c.field), answer);
        } catch {
          problems.push('the compiled Validator answers differently');
        }
        compiled.free();
      }
      // A JS object must give exactly the answer its JSON text gives.
      if (c.input !== undefined && typeof c.input !== 'string' && c.input_text === undefined) {
        const fromObject = validateAs(c.kind ?? null, c.input, c.options, c.field);
        try {
          assert.deepStrictEqual(fromObject, answer);
        } catch {
          problems.push('the JS object and its JSON text give different answers');
        }
      }
      if (problems.length) failures.push(`${file} :: ${c.name}: ${problems.join('; ')}`);
    }
  }
  assert.ok(total >= 80, `only ${total} vectors`);
  assert.equal(failures.length, 0, `${failures.length} of ${total} vectors failed:\n${failures.join('\n')}`);
});

// ---- roll-up vectors -------------------------------------------------------------------------

test('roll-up vectors (tests/vectors/aggregate/*.json)', () => {
  const files = vectorFiles('aggregate');
  assert.ok(files.length >= 15, `only ${files.length} aggregate vectors`);
  const failures = [];
  for (const { file, doc: v } of files) {
    const answer = lw.aggregate(v.submissions || [], {
      notice: v.notice,
      plans: v.plans,
      grace_days: v.options ? v.options.grace_days : undefined,
    });
    if (!answer.ok || !answer.rollup) {
      failures.push(`${file}: no roll-up: ${JSON.stringify(answer.diagnostics)}`);
      continue;
    }
    const r = answer.rollup;
    const a = r.accounting;
    if (a.included.length + a.superseded.length + a.rejected.length + a.plans.length !== a.inputs) {
      failures.push(`${file}: accounting does not balance`);
    }
    const m = matches(v.expect, r, '');
    if (m) failures.push(`${v.name || file}: ${m}`);
    for (const rec of [...a.rejected, ...a.superseded]) {
      for (const d of rec.diagnostics || []) {
        if (!catalog.has(d.code)) failures.push(`${file}: ${d.code} not in the catalog`);
        if (d.message.includes('{') && d.code !== 'json.syntax') failures.push(`${file}: unrendered ${d.message}`);
      }
    }
  }
  assert.equal(failures.length, 0, `${failures.length} roll-up vector(s) failed:\n${failures.join('\n')}`);
});
