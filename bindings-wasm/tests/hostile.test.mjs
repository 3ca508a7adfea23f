// Bad input is answered with diagnostics, never thrown: on wasm32 a panic aborts the module
// (RuntimeError: unreachable) and every later call fails, so each hostile input goes through
// every export and the module must still answer afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lw, office, vectorFiles, caseText } from './load.mjs';

function deepArray(n) {
  let a = [];
  for (let i = 0; i < n; i++) a = [a];
  return a;
}
function deepObject(n) {
  let o = {};
  for (let i = 0; i < n; i++) o = { a: o };
  return o;
}
const cyclic = { host_unit: '东湖区' };
cyclic.self = cyclic;

/** Hostile values only a JS caller can send (no JSON text has them). */
const jsHostiles = {
  'a 100,000-deep JS array': deepArray(100_000),
  'a 100,000-deep JS object': deepObject(100_000),
  'a 100,000-deep array under a row': { host_unit: '东湖区', participation: deepArray(100_000) },
  '129-deep JS array (stringifies, then too deep)': deepArray(129),
  'a cycle': cyclic,
  'a BigInt': { participation: { participants: 10n } },
  undefined: undefined,
  null: null,
  'a function': () => 1,
  'a symbol': Symbol('x'),
  NaN: { participation: { participants: NaN } },
  'a Map': new Map([['host_unit', '东湖区']]),
  'a Date as period': { theme_and_content: { period: { start: new Date(0), end: new Date(0) } } },
  'a toJSON that throws': { toJSON() { throw new Error('boom'); } },
  'a getter that throws': Object.defineProperty({}, 'host_unit', { enumerable: true, get() { throw new TypeError('no'); } }),
  'a number': 42,
  'a 3 MB string (not JSON)': 'x'.repeat(3_000_000),
  'lone surrogates': '{"host_unit": "\ud800"}',
  'an array of 100,000 items': { leadership: { issuing_departments: new Array(100_000).fill('教体局') } },
};

/** Every export, each called with one hostile value in each argument position. */
function callEverything(v) {
  const answers = [
    lw.validateSummary(v), lw.validatePlan(v), lw.validateSubmission(v), lw.validate(v),
    lw.validateField(v, '/host_unit'), lw.validateField('{}', v),
    lw.validateSummary('{}', v), lw.validateSummary('{}', { notice: v }), lw.validateSummary('{}', { plan: v }),
    lw.validate('{}', { kind: v }), lw.validateSummary('{}', { lang: v }),
    lw.aggregate(v), lw.aggregate([v]), lw.aggregate([], v), lw.aggregate([], { notice: v }),
    lw.aggregate([], { plans: [v] }), lw.aggregate([], { grace_days: v }),
  ];
  for (const a of answers) {
    assert.equal(typeof a, 'object');
    assert.ok(Array.isArray(a.diagnostics) || Array.isArray(a.rollup?.accounting?.rejected));
  }
  // The text parsers: the hostile value as the text and as the options, always a ParseAnswer.
  const parsed = [
    lw.parseQuantity(v), lw.parsePercent(v), lw.parsePeriod(v), lw.parseVenues(v), lw.parseUnits(v), lw.splitNames(v),
    lw.parseQuantity('约100人', v), lw.parseQuantity('约100人', { of_kind: v }),
    lw.parsePeriod('11月22日至28日', v), lw.parsePeriod('11月22日至28日', { year: v }),
    lw.readCell(v, { row: 'participants' }), lw.readCell('约100人', v), lw.readCell('约100人', { row: v }),
    lw.readCell('约100人', { row: 'participants', year: v }),
  ];
  for (const a of parsed) {
    assert.equal(typeof a, 'object');
    assert.equal(typeof a.ok, 'boolean');
    assert.ok(a.ok ? a.value !== undefined && a.error === undefined : typeof a.error?.code === 'string');
  }
  if (typeof v !== 'string') assert.ok(parsed.slice(0, 6).every((a) => !a.ok && a.error.code === 'type.invalid'));
  // The division registry: the hostile value as the name and as the options, always an answer.
  const looked = [office.divisions(v), office.divisions('九江市', v), office.divisions('九江市', { year: v })];
  for (const a of looked) {
    assert.equal(typeof a, 'object');
    assert.equal(typeof a.ok, 'boolean');
    assert.ok(a.ok ? a.error === null : typeof a.error?.code === 'string');
  }
  if (typeof v !== 'string') assert.ok(!looked[0].ok && looked[0].error.code === 'type.invalid');
  return answers;
}

function stillAnswers() {
  const a = lw.validateSummary({ host_unit: '朝阳区' });
  assert.ok(a.diagnostics.some((d) => d.code === 'unit.unknown'));
  assert.equal(lw.defaultNotice().year, 2021);
  assert.ok(lw.rules().length > 10);
}

test('hostile JS values through every export: diagnostics, no throw, module alive', () => {
  for (const [name, v] of Object.entries(jsHostiles)) {
    let answers;
    assert.doesNotThrow(() => { answers = callEverything(v); }, `${name} threw`);
    stillAnswers();
    if (name.startsWith('a 100,000-deep')) {
      assert.ok(answers[0].diagnostics.some((d) => d.code === 'json.too_deep'), `${name}: ${JSON.stringify(answers[0].diagnostics)}`);
    }
  }
});

test('NaN, ±Infinity and a BigInt are read where they stand, as Python reads them (never as a missing row)', () => {
  const summary = (participants, year = 2021) => ({ host_unit: '东湖区', year, participation: { participants } });
  const codesAt = (a, path) => a.diagnostics.filter((d) => d.path === path).map((d) => d.code);
  for (const [value, text] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']]) {
    const a = lw.validateSummary(summary(value));
    // The same answer as for the text a clerk would see, the figure named where it stands.
    assert.deepEqual(a, lw.validateSummary(summary(text)), text);
    assert.deepEqual(codesAt(a, '/participation/participants'), ['text.no_number'], text);
    assert.ok(a.diagnostics.find((d) => d.path === '/participation/participants').message_en.includes(text));
    // validateField, the compiled Validator and the roll-up read it the same way.
    assert.deepEqual(lw.validateField(summary(value), '/participation/participants'),
      lw.validateField(summary(text), '/participation/participants'), text);
    const v = new lw.Validator();
    assert.deepEqual(v.validateSummary(summary(value)), v.validateSummary(summary(text)), text);
    v.free();
    assert.deepEqual(lw.aggregate([summary(value)]), lw.aggregate([summary(text)]), text);
  }
  // A BigInt is its figure, exact: 10n participants are 10, as Python's int 10 is; one beyond
  // 2^53 is its digits, refused as too large, never rounded to a near number.
  assert.deepEqual(lw.validateSummary(summary(10n)), lw.validateSummary(summary(10)));
  const huge = lw.validateSummary(summary(9007199254740993n));
  assert.deepEqual(huge, lw.validateSummary(summary('9007199254740993')));
  assert.deepEqual(codesAt(huge, '/participation/participants'), ['text.too_large']);
  // A null stays null (missing), NaN next to it does not change that.
  const both = lw.validateSummary({ ...summary(NaN), leadership: null });
  assert.deepEqual(codesAt(both, '/leadership'), ['row.missing']);
});

/** Whether a message holds no Latin letters but the JSON words it names (a Chinese message). */
const chineseOnly = (m) => !/[A-Za-z]/.test(m.replace(/JSON|null|toJSON|getter|Unicode|UTF-8|Map|Set|TypedArray|DataView|function|symbol/g, ''));

test('a 100,000-deep JS array gives json.too_deep; a cycle, a throwing toJSON, a function are value.unconvertible, worded by core', () => {
  const a = lw.validateSummary(deepArray(100_000));
  assert.equal(a.valid, false);
  assert.deepEqual(a.diagnostics.map((d) => d.code), ['json.too_deep']);
  assert.equal(a.diagnostics[0].path, '');
  const cases = [
    [cyclic, 'cycle', /循环引用/, /a cycle/],
    [{ toJSON() { throw new Error('表单出错'); } }, 'raised', /抛出了异常/, /threw/],
    [Object.defineProperty({}, 'host_unit', { enumerable: true, get() { throw new TypeError('no'); } }), 'raised', /getter/, /getter/],
    [() => 1, 'no_json', /“function”类型/, /type "function"/],
    [Symbol('x'), 'no_json', /“symbol”类型/, /type "symbol"/],
  ];
  for (const [value, reason, zh, en] of cases) {
    const { diagnostics } = lw.validateSummary(value);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.path, d.params.reason]), [['value.unconvertible', '', reason]], reason);
    const [d] = diagnostics;
    assert.match(d.message, zh);
    assert.match(d.message_en, en);
    // The engine's English stays out of the Chinese message (a param for developers only).
    assert.ok(chineseOnly(d.message), d.message);
    assert.ok(!d.message_en.includes('Converting circular structure'), d.message_en);
  }
  // The error's own text is kept, for whoever debugs the form.
  const threw = lw.validateSummary({ toJSON() { throw new Error('表单出错'); } }).diagnostics[0];
  assert.equal(threw.params.detail, 'Error: 表单出错');
});

test('a pointer that is not a string is an argument error naming what came, in both languages', () => {
  for (const [pointer, found] of [[42, 'number'], [null, 'null'], [{}, 'object']]) {
    const { diagnostics } = lw.validateField('{}', pointer);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.document, d.params.found]), [['type.invalid', 'pointer', found]]);
    assert.match(diagnostics[0].message, /RFC 6901/);
    const v = new lw.Validator();
    assert.deepEqual(v.validateField('{}', pointer).diagnostics, diagnostics);
    v.free();
  }
});

test('every hostile vector (tests/vectors/hostile.json and the others) through every export', () => {
  let n = 0;
  for (const { doc } of vectorFiles()) {
    for (const c of doc.cases || []) {
      const text = caseText(c);
      assert.doesNotThrow(() => callEverything(text), c.name);
      if (c.input !== undefined) assert.doesNotThrow(() => callEverything(c.input), c.name);
      n += 1;
    }
  }
  for (const { doc } of vectorFiles('text')) {
    for (const c of doc.cases || []) assert.doesNotThrow(() => callEverything(c.text), c.name);
  }
  stillAnswers();
  assert.ok(n >= 80);
});

test('a Map, a Set, a typed array or a DataView is value.unconvertible, never read as {} (its data lost)', () => {
  const values = {
    Map: new Map([['host_unit', '东湖区']]),
    Set: new Set(['东湖区']),
    Int16Array: new Int16Array([1, 2]),
    DataView: new DataView(new ArrayBuffer(4)),
  };
  for (const [name, v] of Object.entries(values)) {
    const a = lw.validateSummary(v);
    assert.deepEqual(a.diagnostics.map((d) => [d.code, d.params.reason]), [['value.unconvertible', 'loses_data']], name);
    assert.match(a.diagnostics[0].message_en, /would be written as \{\}, its data lost/, name);
    assert.match(a.diagnostics[0].message, /数据将丢失/, name);
    assert.ok(chineseOnly(a.diagnostics[0].message), a.diagnostics[0].message);
  }
  // Bytes are still a file: a Uint8Array of JSON text validates as that text.
  const bytes = new TextEncoder().encode(JSON.stringify({ host_unit: '东湖区' }));
  assert.ok(!lw.validateSummary(bytes).diagnostics.some((d) => d.code === 'type.invalid'));
});
