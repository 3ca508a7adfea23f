// Loads the Node (CommonJS) builds of the package's two modules: $LW_WASM_PKG/node, or
// bindings-wasm/pkg/node — `lw` the first (validation, the roll-up, the text parsers), `office`
// the second (Word / Excel / .doc import, the .docx export, the notice reader, the divisions, the inbox).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = process.env.LW_WASM_PKG || join(root, 'bindings-wasm', 'pkg');
export const lw = createRequire(import.meta.url)(join(pkg, 'node', 'learning_week.js'));
export const office = createRequire(import.meta.url)(join(pkg, 'node', 'learning_week_office.js'));

/** Every `*.json` of a folder of tests/vectors, sorted, parsed. */
export function vectorFiles(sub = '') {
  const dir = join(root, 'tests', 'vectors', sub);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, path: join(dir, f), doc: JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
}

/** A document vector's input text, exactly as core/tests/vectors.rs builds it. */
export function caseText(c) {
  if (typeof c.input_text === 'string') return c.input_text;
  if (c.input_generated) {
    const g = c.input_generated;
    return (g.prefix || '') + (g.repeat || '').repeat(g.count || 0) + (g.suffix || '');
  }
  return JSON.stringify(c.input === undefined ? null : c.input);
}

/** Validates like `api::validate_json(kind, text, options)`, through the export for the kind. */
export function validateAs(kind, input, options, field) {
  if (field !== undefined) return lw.validateField(input, field, { ...(options || {}), kind: kind ?? null });
  switch (kind) {
    case 'summary': return lw.validateSummary(input, options);
    case 'plan': return lw.validatePlan(input, options);
    case 'submission': return lw.validateSubmission(input, options);
    default: return lw.validate(input, { ...(options || {}), kind: kind ?? null });
  }
}

/** `validateAs` on a compiled `Validator` (its notice and plan were given to the constructor). */
export function validateWith(v, kind, input, field) {
  if (field !== undefined) return v.validateField(input, field, { kind: kind ?? null });
  switch (kind) {
    case 'summary': return v.validateSummary(input);
    case 'plan': return v.validatePlan(input);
    case 'submission': return v.validateSubmission(input);
    default: return v.validate(input, { kind: kind ?? null });
  }
}

/** `expect` as a subset of `actual` (tests/vectors/aggregate/README.md); null, or the mismatch. */
export function matches(expect, actual, at) {
  if (Array.isArray(expect) && Array.isArray(actual)) {
    const open = expect.length > 0 && expect[expect.length - 1] === '...';
    const want = open ? expect.slice(0, -1) : expect;
    if (open ? want.length > actual.length : want.length !== actual.length) {
      return `${at}: expected ${want.length} items, got ${actual.length}`;
    }
    const used = new Array(actual.length).fill(false);
    for (let i = 0; i < want.length; i++) {
      const j = actual.findIndex((a, k) => !used[k] && matches(want[i], a, '') === null);
      if (j < 0) return `${at}/${i}: no item matches ${JSON.stringify(want[i])}`;
      used[j] = true;
    }
    return null;
  }
  if (expect && typeof expect === 'object' && !Array.isArray(expect)) {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) {
      return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    }
    for (const [k, v] of Object.entries(expect)) {
      const m = matches(v, actual[k] === undefined ? null : actual[k], `${at}/${k}`);
      if (m) return m;
    }
    return null;
  }
  if (typeof expect === 'number' && Array.isArray(actual)) {
    return expect === actual.length ? null : `${at}: expected ${expect} items, got ${actual.length}`;
  }
  if (typeof expect === 'number' && typeof actual === 'number') {
    return Math.abs(expect - actual) < 1e-9 ? null : `${at}: expected ${expect}, got ${actual}`;
  }
  return JSON.stringify(expect) === JSON.stringify(actual)
    ? null
    : `${at}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(actual)}`;
}
