// The byte-taking exports (the office module's importDocx, readNotice, aggregateFiles) and the Validator's
// methods with values only a JS caller can send — undefined, a function, a Symbol, a BigInt, a
// 4 MB string or 5 MB of zeros where bytes belong: each is answered as data (a type.invalid
// naming what came, or the reader's own finding), never a throw across the boundary, and the
// module still answers afterwards. hostile.test.mjs does the same for the one-shot exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lw, office } from './load.mjs';

const notBytes = {
  undefined: [undefined, 'undefined'],
  'a function': [() => 1, 'function'],
  'a symbol': [Symbol('x'), 'symbol'],
  'a BigInt': [10n, 'bigint'],
  'a number': [42, 'number'],
};

/** One diagnostic, type.invalid at the root, whose messages name `found` in both languages. */
function typeInvalid(answer, found, what) {
  assert.ok(Array.isArray(answer.diagnostics), `${what}: no diagnostics in ${JSON.stringify(answer)}`);
  const [d, ...rest] = answer.diagnostics;
  assert.equal(rest.length, 0, `${what}: ${JSON.stringify(answer.diagnostics)}`);
  assert.equal(d.code, 'type.invalid', what);
  assert.equal(d.path, '', what);
  assert.ok(d.message.includes(found) && d.message_en.includes(found), `${what}: ${d.message_en} does not name ${found}`);
}

function stillAnswers() {
  assert.ok(lw.validateSummary({ host_unit: '朝阳区' }).diagnostics.some((d) => d.code === 'unit.unknown'));
}

test('importDocx and readNotice: what is not bytes (or text) is type.invalid naming what came', () => {
  for (const [name, [v, found]] of Object.entries(notBytes)) {
    let docx;
    let notice;
    assert.doesNotThrow(() => { docx = office.importDocx(v); }, `importDocx(${name})`);
    typeInvalid(docx, found, `importDocx(${name})`);
    assert.equal(docx.summary, null);
    assert.equal(docx.errors, 1);
    assert.doesNotThrow(() => { notice = office.readNotice(v); }, `readNotice(${name})`);
    typeInvalid(notice, found, `readNotice(${name})`);
    stillAnswers();
  }
  // A string is no .docx: importDocx says it wants bytes and names what came.
  typeInvalid(office.importDocx('x'.repeat(4_000_000)), 'string', 'importDocx(4 MB string)');
});

test('oversized inputs to the readers are bounded findings, not hangs or throws', () => {
  const zeros = office.importDocx(new Uint8Array(5_000_000));
  assert.deepEqual(zeros.diagnostics.map((d) => d.code), ['import.not_zip']);
  const long = office.readNotice('x'.repeat(4_000_000));
  assert.deepEqual(long.diagnostics.map((d) => d.code), ['reading.not_a_notice']);
  assert.match(long.diagnostics[0].message_en, /long/);
  stillAnswers();
});

test('every text parser refuses a 4 MB text of figures as row.too_long, with an excerpt', () => {
  const text = '约3万人次，98%，11月22日，主会场1个，9个县区、'.repeat(150_000);
  const calls = {
    parseQuantity: () => lw.parseQuantity(text),
    parsePercent: () => lw.parsePercent(text),
    parsePeriod: () => lw.parsePeriod(text, { year: 2021 }),
    parseVenues: () => lw.parseVenues(text),
    parseUnits: () => lw.parseUnits(text),
    splitNames: () => lw.splitNames(text),
    readCell: () => lw.readCell(text, { row: 'participants', year: 2021 }),
  };
  for (const [name, call] of Object.entries(calls)) {
    const a = call();
    assert.equal(a.ok, false, name);
    assert.equal(a.error.code, 'row.too_long', name);
    assert.equal(a.error.params.max, 65536, name);
    assert.ok(a.error.params.text.length <= 21, `${name}: ${a.error.params.text.length}`);
    assert.ok(a.error.message.length < 200, name);
  }
  stillAnswers();
});

test('Validator methods: hostile values as the document, the pointer, the files', () => {
  const validator = new lw.Validator();
  try {
    for (const [name, [v]] of Object.entries(notBytes)) {
      for (const [call, f] of Object.entries({
        validateSummary: () => validator.validateSummary(v),
        validatePlan: () => validator.validatePlan(v),
        validateSubmission: () => validator.validateSubmission(v),
        validate: () => validator.validate(v),
        'validateField(doc, ·)': () => validator.validateField('{}', v),
        'aggregate(·)': () => validator.aggregate(v),
      })) {
        let a;
        assert.doesNotThrow(() => { a = f(); }, `${call} with ${name}`);
        assert.ok(Array.isArray(a.diagnostics) || Array.isArray(a.rollup?.accounting?.rejected), `${call} with ${name}: ${JSON.stringify(a)}`);
        if (call.startsWith('validate')) {
          assert.equal(a.valid, false, `${call} with ${name}`);
          assert.ok(a.diagnostics.some((d) => ['type.invalid', 'value.unconvertible'].includes(d.code)), `${call} with ${name}: ${JSON.stringify(a.diagnostics)}`);
        }
      }
      // aggregateFiles: as the list, and as one file's bytes.
      for (const [what, files] of [['the list', v], ['a file\'s bytes', [{ name: '东湖区总结表.docx', bytes: v }]]]) {
        let a;
        assert.doesNotThrow(() => { a = office.aggregateFiles(files); }, `aggregateFiles: ${name} as ${what}`);
        assert.equal(a.ok, false, `aggregateFiles: ${name} as ${what}`);
        assert.deepEqual(a.diagnostics.map((d) => d.code), ['type.invalid'], `aggregateFiles: ${name} as ${what}`);
        assert.match(a.diagnostics[0].message_en, /files/);
      }
    }
    stillAnswers();
  } finally {
    validator.free();
  }
});

test('a detached buffer reads as an empty file, never a throw', () => {
  const detached = () => {
    const b = new ArrayBuffer(8);
    structuredClone(b, { transfer: [b] });
    return b;
  };
  const b = detached();
  assert.equal(b.byteLength, 0);
  const view = new Uint8Array(8);
  structuredClone(view.buffer, { transfer: [view.buffer] });
  assert.equal(view.byteLength, 0);
  for (const input of [b, view]) {
    const r = office.readNotice(input);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['reading.not_a_notice']);
    const i = office.importDocx(input);
    assert.deepEqual(i.diagnostics.map((d) => d.code), ['import.not_zip']);
  }
});

test('a function or a symbol as a document is named as what it is, not as null', () => {
  for (const [v, what] of [[() => 1, 'function'], [Symbol('x'), 'symbol']]) {
    const a = lw.validateSummary(v);
    assert.equal(a.valid, false);
    assert.deepEqual(a.diagnostics.map((d) => [d.code, d.params.reason]), [['value.unconvertible', 'no_json']]);
    assert.ok(a.diagnostics[0].message_en.includes(`type "${what}"`), a.diagnostics[0].message_en);
    assert.ok(a.diagnostics[0].message.includes(`“${what}”类型`), a.diagnostics[0].message);
  }
});
