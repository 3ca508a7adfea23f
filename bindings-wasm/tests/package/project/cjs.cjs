// Node CommonJS: require() gives the Node build, ready at once.
const assert = require('node:assert/strict');
const lw = require('learning-week');
assert.equal(typeof lw.Validator, 'function', 'Validator');
const answer = lw.validateSummary({ host_unit: '东湖区', participation: { units_total: 10, units_participating: 12 } });
assert.ok(answer.diagnostics.some((d) => d.code === 'participation.units_exceed_total'), JSON.stringify(answer));
assert.equal(require('learning-week/node'), lw, 'learning-week/node is the same module');
const office = require('learning-week/office');
assert.equal(office.importDocx(new Uint8Array()).diagnostics[0].code, 'import.not_zip');
assert.equal(require('learning-week/office/node'), office, 'learning-week/office/node is the same module');
assert.equal(office.Validator, undefined, 'the office module holds no validator of its own');
console.log('cjs ok');
