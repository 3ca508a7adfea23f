// The compiled Validator of the WebAssembly package: built once from any notice, the same
// answers as the one-shot functions, an unusable notice thrown at construction with its
// diagnostics, never at a call.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lw, root } from './load.mjs';

const noticeText = JSON.stringify(lw.defaultNotice());
const donghu = readFileSync(join(root, 'examples/nanchang-2021/submissions/donghu.submission.json'), 'utf8');

test('a custom notice answers exactly as the built-in one', () => {
  const v = new lw.Validator(noticeText);
  const doc = { year: 2021, host_unit: '湾里区', participation: { units_total: 5, units_participating: 7 } };
  assert.deepStrictEqual(v.validateSummary(doc), lw.validateSummary(doc));
  assert.deepStrictEqual(v.validateSubmission(donghu), lw.validateSubmission(donghu));
  const p = '/participation/units_participating';
  assert.deepStrictEqual(v.validateField(doc, p, { kind: 'summary' }), lw.validateField(doc, p, { kind: 'summary' }));
  assert.ok(v.validateField(doc, p, { kind: 'summary' }).diagnostics.some((d) => d.code === 'participation.units_exceed_total'));
  assert.equal(v.notice.jurisdiction.city, '南昌市');
  v.free();
});

test('the notice as an object, as text and absent give one validator', () => {
  const objectForm = new lw.Validator(JSON.parse(noticeText));
  const builtin = new lw.Validator();
  const nullForm = new lw.Validator(null, undefined);
  for (const v of [objectForm, nullForm]) assert.deepStrictEqual(v.validateSubmission(donghu), builtin.validateSubmission(donghu));
  for (const v of [objectForm, builtin, nullForm]) v.free();
});

test('an unusable notice or plan throws at construction, with diagnostics', () => {
  for (const [notice, plan, document] of [[{ year: 'x' }, undefined, 'notice'], ['{', undefined, 'notice'], [undefined, { activities: 1 }, 'plan']]) {
    let thrown;
    try {
      new lw.Validator(notice, plan);
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof Error, 'throws an Error');
    assert.ok(thrown.diagnostics.length > 0 && thrown.diagnostics.every((d) => d.document === document), JSON.stringify(thrown.diagnostics));
    assert.match(thrown.message, /cannot be used/);
  }
});

test('a call with a notice or plan is answered with an options error, not thrown', () => {
  const v = new lw.Validator();
  const a = v.validateSummary({ host_unit: '东湖区' }, { notice: lw.defaultNotice() });
  assert.equal(a.valid, false);
  assert.deepStrictEqual(a.diagnostics.map((d) => [d.code, d.document]), [['type.invalid', 'options']]);
  const r = v.aggregate([], { notice: lw.defaultNotice() });
  assert.equal(r.ok, false);
  v.free();
});

test('a pointer to no field is a finding, with the nearest one', () => {
  const v = new lw.Validator();
  const doc = { host_unit: '东湖区', participation: { participants: '很多' } };
  assert.deepStrictEqual(v.validateField(doc, '/participation/participants').diagnostics.map((d) => d.code), ['text.vague']);
  const typo = v.validateField(doc, '/participation/particpants');
  assert.equal(typo.valid, false);
  assert.equal(typo.diagnostics[0].code, 'pointer.unknown');
  assert.equal(typo.diagnostics[0].params.nearest, '/participation/participants');
  assert.equal(lw.validateField(doc, 'participation/participants').diagnostics[0].code, 'pointer.malformed');
  v.free();
});

test('the validator rolls up on its notice', () => {
  const v = new lw.Validator(noticeText);
  const items = [{ id: 'donghu.json', input_text: donghu }, '{'];
  assert.deepStrictEqual(v.aggregate(items), lw.aggregate(items));
  v.free();
});
