// Node ESM, as an app written for the browser would run in Node: the default `init` and the named exports.
import init, { Validator, validateSummary, initSync } from 'learning-week';
import assert from 'node:assert/strict';

assert.equal(typeof init, 'function', 'default export init');
assert.equal(typeof initSync, 'function', 'initSync');
await init();
const doc = { host_unit: '东湖区', participation: { units_total: 10, units_participating: 12 } };
const v = new Validator();
const codes = v.validateSummary(doc).diagnostics.map((d) => d.code);
assert.ok(codes.includes('participation.units_exceed_total'), `Validator: ${codes}`);
const one = validateSummary(doc).diagnostics.find((d) => d.code === 'participation.units_exceed_total');
assert.equal(one?.path, '/participation/units_participating');
v.free();
// The second module: learning-week/office (Word / Excel / .doc import, the .docx export …).
const office = await import('learning-week/office');
await office.default();
const docx = office.exportSummaryDocx(doc);
assert.ok(docx.ok && docx.bytes[0] === 0x50 && docx.bytes[1] === 0x4b, 'exportSummaryDocx gives a zip');
assert.equal(office.importDocx(docx.bytes, { year: 2021 }).summary.host_unit, '东湖区');
assert.equal(typeof office.importXlsx, 'function');
assert.equal(typeof office.importDoc, 'function');
// The subpaths resolve too.
const web = await import('learning-week/package.json', { with: { type: 'json' } });
assert.equal(web.default.name, 'learning-week');
console.log('esm ok');
