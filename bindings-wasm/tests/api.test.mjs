// The package's surface: plain-object answers, options (notice, plan, lang, kind), per-field
// validation, line and column for JSON text, the notice and the rule catalog.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lw, root } from './load.mjs';

const example = (f) => JSON.parse(readFileSync(join(root, 'examples', 'nanchang-2021', f), 'utf8'));

test('a diagnostic is a plain object {code, severity, path, message, message_en, params}', () => {
  const a = lw.validateSummary({ year: 2021, host_unit: '湾里区', participation: { units_total: 5, units_participating: 7 } });
  assert.equal(a.valid, false);
  assert.equal(a.kind, 'summary');
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  const d = a.diagnostics.find((x) => x.code === 'participation.units_exceed_total');
  assert.equal(d.path, '/participation/units_participating');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /[\u4e00-\u9fff]/);
  assert.match(d.message_en, /^[\x20-\x7e]+$/);
  assert.equal(typeof d.params, 'object');
  assert.equal(a.errors, a.diagnostics.filter((x) => x.severity === 'error').length);
  assert.ok(a.diagnostics.some((x) => x.code === 'unit.alias_normalised'));
});

test('JSON text keeps line and column of a syntax error', () => {
  const a = lw.validateSummary('{\n  "host_unit": "东湖区",\n}');
  assert.equal(a.diagnostics[0].code, 'json.syntax');
  assert.equal(a.diagnostics[0].params.line, 3);
});

test('document: false leaves the document out and keeps every finding', () => {
  const doc = { host_unit: '朝阳区', participation: { participants: '约3.5万人次' } };
  const full = lw.validateSummary(doc);
  const lean = lw.validateSummary(doc, { document: false });
  assert.equal(full.document.participation.participants.value, 35000);
  assert.equal(lean.document, undefined);
  assert.deepEqual(lean.diagnostics, full.diagnostics);
});

test('lang: "en" puts English in message; message_en is always English', () => {
  const zh = lw.validateSummary({ host_unit: '朝阳区' });
  const en = lw.validateSummary({ host_unit: '朝阳区' }, { lang: 'en' });
  assert.deepEqual(en.diagnostics.map((d) => d.message), zh.diagnostics.map((d) => d.message_en));
  assert.deepEqual(en.diagnostics.map((d) => d.message_en), zh.diagnostics.map((d) => d.message_en));
});

test('bad options are answered as diagnostics tagged document "options"', () => {
  for (const o of [{ lang: 'fr' }, { kind: 'letter' }, { notice: 5 }, { plan: true }]) {
    const a = lw.validateSummary({ host_unit: '东湖区' }, o);
    assert.equal(a.valid, false, JSON.stringify(o));
    assert.ok(a.diagnostics.every((d) => d.document === 'options' || d.document === 'notice' || d.document === 'plan'), JSON.stringify(a.diagnostics));
  }
});

test('validateField re-checks only the rules that read that field', () => {
  const doc = { host_unit: '东湖区', year: '2021', participation: { main_venues: 0 } };
  assert.deepEqual(lw.validateField(doc, '/participation/main_venues').diagnostics.map((d) => d.code), ['participation.no_main_venue']);
  assert.deepEqual(lw.validateField({ host_unit: '朝阳区' }, '/host_unit').diagnostics.map((d) => d.code), ['unit.unknown']);
  assert.deepEqual(lw.validateField({ host_unit: '朝阳区' }, '/host_unit', { kind: 'summary', lang: 'en' }).diagnostics.map((d) => d.code), ['unit.unknown']);
});

test('the example package validates and rolls up as in Rust', () => {
  const sub = example('submissions/donghu.submission.json');
  const a = lw.validateSubmission(sub);
  assert.equal(a.kind, 'submission');
  assert.equal(a.errors, 0, JSON.stringify(a.diagnostics));
  const plan = example('plans/donghu.plan.json');
  assert.equal(lw.validatePlan(plan).errors, 0);
  const b = lw.validateSummary(sub.summary, { plan });
  assert.equal(b.errors, 0, JSON.stringify(b.diagnostics));
  const r = lw.aggregate([sub, JSON.stringify(sub), { id: 'broken.json', input_text: '{' }]);
  assert.equal(r.ok, true);
  assert.equal(r.rollup.expected_units, 13);
  assert.equal(r.rollup.accounting.rejected.length, 1);
  assert.equal(lw.aggregate('not json').ok, false);
  assert.equal(lw.aggregate({}).ok, false);
});

test('defaultNotice and rules come from core', () => {
  const n = lw.defaultNotice();
  assert.equal(n.theme, '庆建党百年华诞，谱终身学习新篇');
  assert.equal(n.jurisdiction.units.length, 13);
  const rules = lw.rules();
  assert.ok(rules.some((r) => r.code === 'submission.late'));
  assert.ok(rules.every((r) => r.description && r.description_en));
});

test('the public surface of the .d.ts has real types, no `any`', async () => {
  const { readFileSync: read } = await import('node:fs');
  for (const target of ['node', 'web']) {
    const dts = read(join(process.env.LW_WASM_PKG || join(root, 'bindings-wasm', 'pkg'), target, 'learning_week.d.ts'), 'utf8');
    const fns = dts.split('\n').filter((l) => l.startsWith('export function') && !/^export function (initSync|__wbg)/.test(l));
    assert.ok(fns.length >= 8, `${target}: ${fns.length} exported functions`);
    for (const l of fns) assert.doesNotMatch(l, /\bany\b/, l);
    // everything before wasm-bindgen's own InitOutput block (the raw exports) is ours
    const ours = dts.split('export type InitInput')[0].split('export interface InitOutput')[0];
    assert.doesNotMatch(ours.replace(/\/\*\*[\s\S]*?\*\//g, ''), /:\s*any\b|<any>|any\[\]/);
  }
});

test('spans are JavaScript string indices (UTF-16): text.slice(start, end) is the fragment', () => {
  // An emoji is 2 UTF-16 units (4 UTF-8 bytes): byte or character offsets would cut wrongly.
  const text = '😀参与群众共600余人，图片200余张';
  const q = lw.parseQuantity(text);
  assert.ok(q.ok, JSON.stringify(q.error));
  assert.equal(text.slice(q.value.span.start, q.value.span.end), '600余人');
  const names = '😀 区教体局、区文明办';
  const items = lw.splitNames(names).value;
  assert.deepEqual(items.map((i) => names.slice(i.span.start, i.span.end)), items.map((i) => i.text));
  assert.deepEqual(items.map((i) => i.text).slice(-2), ['区教体局', '区文明办']);
});
