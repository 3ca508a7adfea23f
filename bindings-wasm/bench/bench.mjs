// JS benchmark (BENCHMARKS.md; run by scripts/bench-wasm.sh): `validateSubmission` and
// `validateField` of the WebAssembly package (Node build) against ajv (2020 mode, formats,
// allErrors, compiled once) on our exported schemas/submission.schema.json, on the same documents
// as the Python bench (bindings-py/benches/documents.py writes them), plus the gzipped .wasm size.
//
// Each document is timed with the validators in turn (load on a shared machine hits all alike);
// a document's time is the median of --repeat runs; the table shows the median over documents
// and the ratios of those medians, measured in this run. Prints; asserts nothing.
//
//   node bindings-wasm/bench/bench.mjs DOCS.json [--repeat N]
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = process.env.LW_WASM_PKG || join(root, 'bindings-wasm', 'pkg');
const lw = createRequire(import.meta.url)(join(pkg, 'node', 'learning_week.js'));
// ajv as the schema conformance check installs it (schemas/conformance/package.json).
const conformance = createRequire(join(root, 'schemas', 'conformance', 'package.json'));
const Ajv2020 = conformance('ajv/dist/2020.js').default;
const addFormats = conformance('ajv-formats').default;
const ajvVersion = conformance('ajv/package.json').version;

const args = process.argv.slice(2);
const docsPath = args.find((a) => !a.startsWith('--'));
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const repeat = opt('--repeat', 5);
if (!docsPath) {
  console.error('usage: node bench.mjs DOCS.json [--repeat N]');
  process.exit(2);
}
const docs = JSON.parse(readFileSync(docsPath, 'utf8'));
const FIELD = '/summary/participation/participants';

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
const schema = JSON.parse(readFileSync(join(root, 'schemas', 'submission.schema.json'), 'utf8'));
const t0 = process.hrtime.bigint();
const ajvValidate = ajv.compile(schema);
const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;

const tools = {
  validateSubmission: (d) => lw.validateSubmission(d).diagnostics.length,
  [`ajv ${ajvVersion} (2020, allErrors)`]: (d) => (ajvValidate(d) ? 0 : ajvValidate.errors.length),
  validateField: (d) => lw.validateField(d, FIELD).diagnostics.length,
};
const names = Object.keys(tools);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p90 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];
const us = (ns) => `${(ns / 1e3).toFixed(1).padStart(9)} µs`;

// Both modules' sizes: the first (what a form downloads on load; goal ≤ 150 KB gzipped) and the
// office module (Word / Excel / .doc import, .docx export, notice reader, divisions: on demand).
const sizeOf = (m) => {
  const bytes = readFileSync(join(pkg, 'web', `${m}_bg.wasm`));
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
};
const lean = sizeOf('learning_week');
const officeSize = existsSync(join(pkg, 'web', 'learning_week_office_bg.wasm')) ? sizeOf('learning_week_office') : null;
console.log(`node ${process.version}, ${os.cpus().length} cpus (${os.cpus()[0]?.model}), ${docs.length} documents, repeat ${repeat}`);
console.log(`wasm: learning_week ${lean.raw} bytes, gzipped ${lean.gz} bytes (${(lean.gz / 1024).toFixed(1)} KiB; goal ≤ 150 KB, loaded first)`);
if (officeSize) console.log(`wasm: learning_week_office ${officeSize.raw} bytes, gzipped ${officeSize.gz} bytes (${(officeSize.gz / 1024).toFixed(1)} KiB; loaded on demand)`);
console.log(`ajv compile: ${compileMs.toFixed(1)} ms (once)`);
for (const n of names) {
  const rejected = docs.filter((d) => tools[n](d) > 0).length;
  console.log(`  ${n}: reports problems in ${rejected} of ${docs.length}`);
}

// warm-up (JIT, wasm tier-up)
for (let i = 0; i < 3; i++) for (const d of docs.slice(0, 50)) for (const n of names) tools[n](d);

const perDoc = Object.fromEntries(names.map((n) => [n, []]));
for (const d of docs) {
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < repeat; r++) {
    for (const n of names) {
      const s = process.hrtime.bigint();
      tools[n](d);
      samples[n].push(Number(process.hrtime.bigint() - s));
    }
  }
  for (const n of names) perDoc[n].push(median(samples[n]));
}
const med = Object.fromEntries(names.map((n) => [n, median(perDoc[n])]));
const ajvName = names[1];
console.log('\nper document (median over documents of each document\'s median):');
console.log(`  ${'validator'.padEnd(34)} ${'median'.padStart(12)} ${'p90'.padStart(12)}   × ajv`);
for (const n of names) {
  console.log(`  ${n.padEnd(34)} ${us(med[n])} ${us(p90(perDoc[n]))}   ${(med[n] / med[ajvName]).toFixed(1).padStart(7)}×`);
}
