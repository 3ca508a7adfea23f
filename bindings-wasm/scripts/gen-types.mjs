// Generates the TypeScript types of the package (bindings-wasm/src/types.d.ts) from the JSON
// Schemas that core writes to schemas/ (themselves generated from the Rust model and kept in
// sync by core's tests), so the `.d.ts` never drifts from the Rust types by hand: the documents
// and the roll-up, and from api.schema.json the answers, options and text-parser results of the
// functions (src/lib.rs adds by hand only what a JSON Schema cannot say: generics, bytes, Error).
//
//   node bindings-wasm/scripts/gen-types.mjs          # rewrite src/types.d.ts
//   node bindings-wasm/scripts/gen-types.mjs --check  # exit 1 when it is out of date
//
// The file is included into the wasm-bindgen output of both modules by `typescript_custom_section`
// (src/lib.rs, office/src/lib.rs): each module's .d.ts is whole on its own.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const out = join(here, '..', 'src', 'types.d.ts');

// schema file → name of its root type, and the prefix for its definitions that differ from an
// earlier schema's of the same name (the roll-up's `Count` is the library's output form, an
// input's `Count` also admits text: `RollupCount` vs `Count`).
const ROOTS = [
  ['diagnostic', 'Diagnostic', 'Diagnostic'],
  ['rules', 'RuleCatalog', 'Rule'],
  ['notice', 'Notice', 'Notice'],
  ['plan', 'ActivityPlan', 'Plan'],
  ['summary', 'SummaryTable', 'Summary'],
  ['submission', 'Submission', 'Submission'],
  ['city-rollup', 'CityRollup', 'Rollup'],
  ['api', null, 'Api'], // only `$defs`: no root type
];
// Generated types that src/lib.rs narrows by hand under their own name (a generic parameter
// or a typed item where Rust holds any JSON value: `ValidationAnswer<D>`, `ParseAnswer<V>`,
// `InboxOptions.plans`), so the generated one takes another.
const WRAPPED = new Map([
  ['ValidationAnswer', 'ValidationAnswerBase'],
  ['ParseAnswer', 'ParseAnswerBase'],
  ['InboxOptions', 'InboxOptionsBase'],
]);
const PREFIXES = ROOTS.map(([, , prefix]) => prefix);
let rename = new Map(); // $defs name → TS name, for the schema being read

const defs = new Map(); // name → {ts, from}
const ident = (k) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : JSON.stringify(k));
const doc = (s, pad) => {
  const d = s && typeof s === 'object' ? s.description || s.title : null;
  if (!d) return '';
  return `${pad}/** ${String(d).replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */\n`;
};

function ts(s, pad) {
  if (s === true || s === undefined) return 'unknown';
  if (s === false) return 'never';
  if (s.$ref) {
    const name = s.$ref.replace('#/$defs/', '');
    return rename.get(name) || name;
  }
  if ('const' in s) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alts = s.anyOf || s.oneOf;
  if (alts) {
    const parts = [...new Set(alts.map((a) => ts(a, pad)))];
    return parts.length === 1 ? parts[0] : parts.map((p) => (p.includes('\n') ? `(${p})` : p)).join(' | ');
  }
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.length > 1) return types.map((t) => ts({ ...s, type: t }, pad)).join(' | ');
  switch (types[0]) {
    case 'string': return 'string';
    case 'integer':
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array': {
      const item = ts(s.items, pad);
      return /[ |&]/.test(item) ? `Array<${item}>` : `${item}[]`;
    }
    case 'object': {
      const props = s.properties || {};
      const req = new Set(s.required || []);
      const inner = pad + '  ';
      const lines = Object.entries(props).map(
        ([k, v]) => `${doc(v, inner)}${inner}${ident(k)}${req.has(k) ? '' : '?'}: ${ts(v, inner)};\n`,
      );
      const extra = s.additionalProperties;
      if (extra && extra !== false) lines.push(`${inner}[key: string]: ${ts(extra, inner)};\n`);
      if (!lines.length) return 'Record<string, unknown>';
      return `{\n${lines.join('')}${pad}}`;
    }
    default: return 'unknown';
  }
}

function define(name, schema, from, body = ts(schema, '')) {
  const text = body.startsWith('{\n')
    ? `${doc(schema, '')}export interface ${name} ${body}\n`
    : `${doc(schema, '')}export type ${name} = ${body};\n`;
  const seen = defs.get(name);
  if (seen && seen.body !== body) {
    throw new Error(`type ${name} differs between ${seen.from} and ${from}: make the schemas agree`);
  }
  if (!seen) defs.set(name, { text, body, from });
}

for (const [file, rootName, prefix] of ROOTS) {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', `${file}.schema.json`), 'utf8'));
  // LibraryRule: the rules only the library checks (their list is the definition's examples), not a type.
  const local = Object.entries(schema.$defs || {}).filter(([name]) => name !== 'LibraryRule');
  // Rename, until nothing changes, every definition whose type differs from the one already
  // defined under that name (a renamed reference makes its users differ too).
  // defined under that name (a renamed reference makes its users differ too); a definition
  // identical to one an earlier schema renamed (the library's output `SummaryTable` is the
  // roll-up's) takes that name instead of a new one.
  rename = new Map(local.filter(([name]) => WRAPPED.has(name)).map(([name]) => [name, WRAPPED.get(name)]));
  for (let changed = true, rounds = 0; changed; rounds++) {
    if (rounds > 50) throw new Error(`${file}: renaming does not settle`);
    changed = false;
    for (const [name, def] of local) {
      if (WRAPPED.has(name)) continue;
      const body = ts(def, '');
      const seen = defs.get(name);
      let target = name;
      if (seen && seen.body !== body) {
        const twin = PREFIXES.map((p) => p + name).find((n) => defs.get(n)?.body === body);
        target = twin || prefix + name;
      }
      if ((rename.get(name) || name) !== target) {
        rename.set(name, target);
        changed = true;
      }
    }
  }
  for (const [name, def] of local) define(rename.get(name) || name, def, file);
  const { $defs, examples, ...top } = schema;
  if (rootName) define(rootName, top, file);
}

const header = `// Generated by bindings-wasm/scripts/gen-types.mjs from schemas/*.schema.json; do not edit by hand.
// 由 schemas/*.schema.json 生成，请勿手工修改。
`;
const text = header + [...defs.values()].map((d) => d.text).join('\n');

if (process.argv.includes('--check')) {
  let old = '';
  try { old = readFileSync(out, 'utf8'); } catch { /* missing */ }
  if (old !== text) {
    console.error('bindings-wasm/src/types.d.ts is out of date: run node bindings-wasm/scripts/gen-types.mjs');
    process.exit(1);
  }
  console.log('types.d.ts is up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out} (${defs.size} types)`);
}
