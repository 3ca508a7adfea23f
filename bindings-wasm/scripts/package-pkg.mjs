// Makes bindings-wasm/pkg/ (the wasm-bindgen outputs of both modules, `learning_week` and
// `learning_week_office`, each in pkg/web and pkg/node) one publishable npm package: writes pkg/package.json (name, version, description and license from
// bindings-wasm/package.json, which is the private dev project and is never packed), an ES module
// face for the Node build, the types of the `.wasm` subpath, and drops wasm-bindgen's
// `learning_week_bg.wasm.d.ts` (it types the raw wasm exports, so `import url from
// "learning-week/learning_week_bg.wasm"` failed with TS1192).
//
// Usage: node bindings-wasm/scripts/package-pkg.mjs [PKG_DIR]   (scripts/test-wasm.sh runs it)
//
// What resolves where (the conditions are tried in this order):
//   "learning-week"  browser → web/ (ES module, `init()` fetches the .wasm next to the JS via
//                    `new URL(…, import.meta.url)`, which vite and webpack follow);
//                    node → import: node/learning_week.mjs, require: node/learning_week.js
//                    (CommonJS; the wasm is read synchronously, `init()` is a no-op there);
//                    default → web/ (bundlers without a browser condition, TypeScript "bundler").
//   "learning-week/web", "learning-week/node"   one build explicitly.
//   "learning-week/office"  the second module (Word / Excel / .doc import, the .docx export, the
//                    notice reader, the division registry, the inbox), the same conditions;
//                    "learning-week/office/web", "learning-week/office/node" likewise, and
//                    "learning-week/learning_week_office_bg.wasm" its .wasm. A page imports it
//                    only when it needs it (`await import("learning-week/office")`): bundlers
//                    split it into its own chunk, so the first download is the first module.
//   "learning-week/learning_week_bg.wasm"       the .wasm itself, for bundlers that do not follow
//                    `new URL(…, import.meta.url)` (esbuild: `--loader:.wasm=file`, then
//                    `await init({ module_or_path: wasmUrl })`).
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = resolve(here, '..');
const pkg = resolve(process.argv[2] || join(wasmDir, 'pkg'));
const fail = (msg) => { console.error(`package-pkg: ${msg}`); process.exit(2); };

const MODULES = ['learning_week', 'learning_week_office'];
for (const m of MODULES) {
  for (const f of [`web/${m}.js`, `web/${m}.d.ts`, `web/${m}_bg.wasm`, `node/${m}.js`, `node/${m}.d.ts`]) {
    if (!existsSync(join(pkg, f))) fail(`${join(pkg, f)} is missing: run wasm-bindgen first (scripts/test-wasm.sh --build-only)`);
  }
}

// One version for the crate and the npm package: the workspace's.
const dev = JSON.parse(readFileSync(join(wasmDir, 'package.json'), 'utf8'));
const cargo = readFileSync(join(wasmDir, '..', 'Cargo.toml'), 'utf8');
const cargoVersion = /\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/.exec(cargo)?.[1];
if (!cargoVersion) fail('no version in [workspace.package] of Cargo.toml');
if (dev.version !== cargoVersion) {
  fail(`bindings-wasm/package.json has version ${dev.version} but Cargo.toml's [workspace.package] has ${cargoVersion}: make them equal`);
}

const counts = {};
for (const m of MODULES) {
  // The Node build's named exports, read from the module itself (wasm-bindgen's CommonJS output).
  const names = Object.keys(createRequire(import.meta.url)(join(pkg, 'node', `${m}.js`)))
    .filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && !n.startsWith('__'))
    .sort();
  const expected = m === 'learning_week' ? 'Validator' : 'importDocx';
  if (!names.includes(expected)) fail(`node/${m}.js exports no ${expected} (found: ${names.join(', ')})`);
  counts[m] = names.length;

  const banner = '// Written by bindings-wasm/scripts/package-pkg.mjs; do not edit.\n';
  // Node ESM: the same module, plus the web build's `init` / `initSync` so code written for the
  // browser (`import init, { Validator } from "learning-week"; await init();`) runs unchanged.
  writeFileSync(join(pkg, 'node', `${m}.mjs`), `${banner}import lw from './${m}.js';

export const { ${names.join(', ')} } = lw;

/** The Node build is ready on import (the .wasm is read synchronously); kept for code shared with the browser. */
export function initSync(_module) {}

/** The Node build is ready on import; resolves at once. Any argument is ignored. */
export default async function init(_moduleOrPath) {}
`);
  writeFileSync(join(pkg, 'node', `${m}.d.mts`), `${banner}export * from './${m}.js';

/** The Node build is ready on import (the .wasm is read synchronously); kept for code shared with the browser. */
export function initSync(module?: unknown): void;

/** The Node build is ready on import; resolves at once. Any argument is ignored. */
export default function init(moduleOrPath?: unknown): Promise<void>;
`);
  // `import wasmUrl from "learning-week/learning_week_bg.wasm"`: what a bundler's file / url loader gives.
  writeFileSync(join(pkg, 'web', `${m}_bg.wasm.url.d.ts`), `${banner}/** The URL of the .wasm as the bundler emitted it (esbuild \`--loader:.wasm=file\`, vite \`?url\`); pass it to \`init({ module_or_path })\`. */
declare const url: string;
export default url;
`);
  for (const d of ['web', 'node']) rmSync(join(pkg, d, `${m}_bg.wasm.d.ts`), { force: true });

  // One .wasm in the package, not two: wasm-bindgen writes the same module for --target web and
  // --target nodejs, so the Node build reads web/'s (half the download, ~0.5 MB packed instead of
  // ~1 MB). Only when the two are byte for byte the same and the loader line is the one expected.
  const nodeJs = join(pkg, 'node', `${m}.js`);
  const nodeWasm = join(pkg, 'node', `${m}_bg.wasm`);
  if (existsSync(nodeWasm)) {
    const same = readFileSync(nodeWasm).equals(readFileSync(join(pkg, 'web', `${m}_bg.wasm`)));
    const loader = `const wasmPath = \`\${__dirname}/${m}_bg.wasm\`;`;
    const js = readFileSync(nodeJs, 'utf8');
    if (same && js.split(loader).length === 2) {
      writeFileSync(nodeJs, js.replace(loader, `const wasmPath = require('path').join(__dirname, '..', 'web', '${m}_bg.wasm');`));
      rmSync(nodeWasm);
    } else {
      console.log(`package-pkg: keeping node/${m}_bg.wasm (${same ? `the loader line of node/${m}.js changed` : 'it differs from web/\'s'})`);
    }
  }
  // wasm-bindgen's classes declare `[Symbol.dispose]()`, which needs TypeScript's
  // esnext.disposable lib: without it a project on "lib": ["es2022", "dom"] fails with TS2550 inside
  // our types. Reference it from the types themselves (TypeScript >= 5.2).
  const disposable = '/// <reference lib="esnext.disposable" />\n';
  for (const d of [`web/${m}.d.ts`, `node/${m}.d.ts`]) {
    const text = readFileSync(join(pkg, d), 'utf8');
    if (!text.includes('Symbol.dispose')) continue;
    if (!text.startsWith(disposable)) writeFileSync(join(pkg, d), disposable + text);
  }
}

/** The conditions of one module (`learning_week` or `learning_week_office`). */
const faces = (m) => ({
  web: { types: `./web/${m}.d.ts`, default: `./web/${m}.js` },
  node: {
    import: { types: `./node/${m}.d.mts`, default: `./node/${m}.mjs` },
    require: { types: `./node/${m}.d.ts`, default: `./node/${m}.js` },
  },
  wasmUrl: { types: `./web/${m}_bg.wasm.url.d.ts`, default: `./web/${m}_bg.wasm` },
});
const lean = faces('learning_week');
const office = faces('learning_week_office');
const manifest = {
  name: dev.name,
  version: dev.version,
  description: dev.description,
  license: dev.license,
  ...(dev.repository ? { repository: dev.repository } : {}),
  keywords: ['全民终身学习活动周', 'validation', 'webassembly', 'json-schema'],
  main: './node/learning_week.js',
  module: './web/learning_week.js',
  browser: { './node/learning_week.js': './web/learning_week.js' },
  types: './web/learning_week.d.ts',
  exports: {
    '.': { browser: lean.web, node: lean.node, default: lean.web },
    './web': lean.web,
    './node': lean.node,
    './office': { browser: office.web, node: office.node, default: office.web },
    './office/web': office.web,
    './office/node': office.node,
    './learning_week_bg.wasm': lean.wasmUrl,
    './web/learning_week_bg.wasm': lean.wasmUrl,
    './learning_week_office_bg.wasm': office.wasmUrl,
    './web/learning_week_office_bg.wasm': office.wasmUrl,
    './package.json': './package.json',
  },
  files: ['web/', 'node/', 'README.md'],
  // Importing defines classes and functions only; the Node build reads its .wasm on load, which
  // nothing needs when none of its exports is used.
  sideEffects: false,
  engines: { node: '>=18' },
};
writeFileSync(join(pkg, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
// The package's README (npm shows it on the package page): bindings-wasm/README.npm.md.
writeFileSync(join(pkg, 'README.md'), readFileSync(join(wasmDir, 'README.npm.md'), 'utf8'));
// web/package.json ({"type": "module"}) stays: it tells Node and TypeScript that web/ is ESM.
writeFileSync(join(pkg, 'web', 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
console.log(`package-pkg: ${pkg}/package.json ${manifest.name}@${manifest.version} (${MODULES.map((m) => `${m}: ${counts[m]} named exports`).join(', ')})`);
