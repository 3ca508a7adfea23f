// Issue 22: a notice compiled once. Per call, on donghu's submission and on one field of it
// (what a form does per keystroke): the built-in notice, `new Validator(customNoticeText)`, and
// the one-shot functions given the notice in their options (the "before": the notice read again
// on every call). Interleaved rounds, medians; ratios against the built-in, in this run (goal:
// the custom notice ≤ 1.10× the built-in).   node bindings-wasm/bench/notice.mjs [CALLS]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lw, root } from '../tests/load.mjs';

const calls = Number(process.argv[2] || 300);
const doc = readFileSync(join(root, 'examples/nanchang-2021/submissions/donghu.submission.json'), 'utf8');
const noticeText = JSON.stringify(lw.defaultNotice());
const builtin = new lw.Validator();
const custom = new lw.Validator(noticeText);
const field = '/summary/participation/participants';
const cases = {
  'validateSubmission, built-in': () => builtin.validateSubmission(doc),
  'validateSubmission, Validator(custom)': () => custom.validateSubmission(doc),
  'validateSubmission({notice}) per call': () => lw.validateSubmission(doc, { notice: noticeText }),
  'validateField, built-in': () => builtin.validateField(doc, field),
  'validateField, Validator(custom)': () => custom.validateField(doc, field),
  'validateField({notice}) per call': () => lw.validateField(doc, field, { notice: noticeText }),
};
for (const f of Object.values(cases)) f();
const samples = Object.fromEntries(Object.keys(cases).map((n) => [n, []]));
const order = Object.entries(cases);
for (let round = 0; round < 15; round++) {
  // Forwards, then backwards: no case always runs first.
  for (const [n, f] of round % 2 === 0 ? order : [...order].reverse()) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) f();
    samples[n].push(Number(process.hrtime.bigint() - t) / calls);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${calls} calls × 15 interleaved rounds (order alternating), median µs per call (ratio to the built-in of the same call)`);
const med = Object.fromEntries(Object.entries(samples).map(([n, v]) => [n, median(v)]));
for (const [n, v] of Object.entries(med)) {
  const base = n.startsWith('validateField') ? med['validateField, built-in'] : med['validateSubmission, built-in'];
  console.log(`  ${n.padEnd(40)} ${(v / 1000).toFixed(1).padStart(8)} µs   ${(v / base).toFixed(2)}×`);
}
builtin.free();
custom.free();
