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
