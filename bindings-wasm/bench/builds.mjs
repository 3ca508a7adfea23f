// Several builds of the first module side by side (BENCHMARKS.md, "Stop 20 in the browser's
// engine"): each package's Node build loaded in one process and the same calls run through each
// in turn, round after round, so that load on a shared machine hits all alike. Prints the median
// of the rounds per call and each build's ratio to the first. Asserts nothing.
//
//   node bindings-wasm/bench/builds.mjs DOCS.json PKG [PKG ...]   (PKG: a folder with node/learning_week.js)
//   env ROUNDS (11), N (200 documents)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

const [docsPath, ...pkgs] = process.argv.slice(2);
if (!docsPath || pkgs.length === 0) {
  console.error('usage: node builds.mjs DOCS.json PKG [PKG ...]');
  process.exit(2);
}
const req = createRequire(import.meta.url);
const lws = pkgs.map((p) => req(resolve(p, 'node', 'learning_week.js')));
const docs = JSON.parse(readFileSync(docsPath, 'utf8')).slice(0, Number(process.env.N || 200));
const texts = docs.map((d) => JSON.stringify(d));
const FIELD = '/summary/participation/participants';
const calls = {
  'validateSubmission(obj)': (lw, i) => lw.validateSubmission(docs[i]),
  'validateSubmission(text, {document: false})': (lw, i) => lw.validateSubmission(texts[i], { document: false }),
  'validateField(obj)': (lw, i) => lw.validateField(docs[i], FIELD),
  'validateField(text)': (lw, i) => lw.validateField(texts[i], FIELD),
};
const rounds = Number(process.env.ROUNDS || 11);
for (const [name, call] of Object.entries(calls)) {
  const times = pkgs.map(() => []);
  for (const lw of lws) for (let i = 0; i < docs.length; i++) call(lw, i); // warm up
  for (let r = 0; r < rounds; r++) {
    lws.forEach((lw, k) => {
      const t = process.hrtime.bigint();
      for (let i = 0; i < docs.length; i++) call(lw, i);
      times[k].push(Number(process.hrtime.bigint() - t) / 1e3 / docs.length);
    });
  }
  const med = times.map((x) => [...x].sort((a, b) => a - b)[x.length >> 1]);
  const cells = med.map((m, k) => `${basename(pkgs[k])} ${m.toFixed(1)} µs (${(m / med[0]).toFixed(2)}×)`);
  console.log(name.padEnd(44), cells.join('  '));
}
