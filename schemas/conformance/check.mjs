// Runs the shared test vectors through ajv (draft 2020-12, `ajv/dist/2020`, formats from
// ajv-formats) against the generated schemas in schemas/, and fails when the schema and the
// library disagree. Same cases, same expectations and same skips as check.py (read its
// docstring): the Rust verdicts are the vectors' own `expect`, which core/tests/vectors.rs
// asserts against the library.
//
// schemas/conformance/edge-cases.json is run too (base documents with `patch`ed values).
//
// Usage: node check.mjs [--schemas DIR] [--vectors DIR] [--edge-cases FILE] [-v]

import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const schemasDir = resolve(opt("--schemas", join(here, "..")));
const vectorsDir = resolve(opt("--vectors", join(here, "..", "..", "tests", "vectors")));
const edgeCases = opt("--edge-cases", join(here, "edge-cases.json"));
const verbose = args.includes("-v") || args.includes("--verbose");

// The codes a schema expresses (learning_week::schema::SCHEMA_CODES).
const SCHEMA_CODES = new Set([
  "type.invalid", "row.missing", "row.blank", "row.too_long", "count.negative",
  "count.not_integer", "count.too_large", "date.invalid", "datetime.invalid", "enum.unknown",
  "number.out_of_range", "satisfaction.out_of_range", "contact.phone_invalid",
  "contact.email_invalid",
]);
const NOT_JSON_VALUES = new Set(["json.syntax", "json.too_deep"]);
const KINDS = ["notice", "plan", "summary", "submission"];

// learning_week::DocumentKind::detect, key for key.
function detect(value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const has = (keys) => keys.some((k) => Object.hasOwn(value, k));
  if (has(["submitted_at", "summary", "materials"])) return "submission";
  if (has(["jurisdiction", "reporting", "arrangements", "issuer"])) return "notice";
  if (has(["host_unit", "participation", "leadership", "theme_and_content", "reach", "publicity", "organizers"])) return "summary";
  if (has(["activities", "opening_ceremony", "unit", "drafting_department", "epidemic_prevention"])) return "plan";
  return null;
}

// The input text of a case, as core/tests/vectors.rs builds it.
function caseText(c) {
  if (typeof c.input_text === "string") return c.input_text;
  const g = c.input_generated;
  if (g) return (g.prefix ?? "") + (g.repeat ?? "").repeat(g.count ?? 0) + (g.suffix ?? "");
  return JSON.stringify(c.input ?? null);
}

// `base` with the value at each JSON Pointer of `patch` replaced.
function patched(base, patch) {
  const doc = structuredClone(base);
  for (const [pointer, value] of Object.entries(patch ?? {})) {
    const tokens = pointer.split("/").slice(1).map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
    let target = doc;
    for (const t of tokens.slice(0, -1)) target = target[t];
    target[tokens[tokens.length - 1]] = value;
  }
  return doc;
}

// First as a user who only adds the formats: ajv's defaults (strict mode on for unknown
// keywords and formats) must load every schema — no `ajv.addKeyword` needed. Its type-strictness
// notes (union types are how an optional row admits null) are warnings ajv logs; errors fail.
{
  const notes = { warn: 0, errors: [] };
  const plain = new Ajv2020({ logger: { log() {}, warn() { notes.warn += 1; }, error(...m) { notes.errors.push(m.join(" ")); } } });
  addFormats(plain);
  for (const f of readdirSync(schemasDir).filter((f) => f.endsWith(".schema.json")).sort()) {
    try {
      plain.compile(JSON.parse(readFileSync(join(schemasDir, f), "utf8")));
    } catch (e) {
      console.error(`${f}: ajv with its default options refuses the schema: ${e.message}`);
      process.exit(1);
    }
  }
  if (notes.errors.length) {
    console.error(`ajv with its default options logged errors:\n${notes.errors.join("\n")}`);
    process.exit(1);
  }
  console.log(`ajv (default options + ajv-formats): every schema compiles (${notes.warn} type notes logged)`);
}

// strict: the schemas must be clean for ajv's strict mode (no unknown formats or keywords,
// types stated); union types (`["string", "null"]`) are how an optional row admits null.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);

const problems = [];
const validators = {};
const schemaFiles = readdirSync(schemasDir).filter((f) => f.endsWith(".schema.json")).sort();
for (const f of schemaFiles) {
  const schema = JSON.parse(readFileSync(join(schemasDir, f), "utf8"));
  const validate = ajv.compile(schema);
  (schema.examples ?? []).forEach((example, i) => {
    if (!validate(example)) {
      problems.push(`${f}: examples[${i}] does not validate: ${ajv.errorsText(validate.errors).slice(0, 200)}`);
    }
  });
  validators[f.replace(/\.schema\.json$/, "")] = validate;
}
const missing = KINDS.filter((k) => !validators[k]);
if (missing.length) {
  console.error(`missing schemas for ${missing} in ${schemasDir}`);
  process.exit(1);
}
console.log(`ajv: ${schemaFiles.length} schemas compile in strict mode, their examples validate`);

function verdict(kind, value) {
  const validate = validators[kind];
  const ok = validate(value);
  return [ok, ok ? [] : [...validate.errors]];
}

let checked = 0;
let agreed = 0;
const perSource = {};
const byCategory = { structural: 0, "library-only": 0, mixed: 0 };
const skipped = {};
// text/ and aggregate/ are not document vectors: only the top-level files.
const vectorFiles = readdirSync(vectorsDir, { withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith(".json"))
  .map((d) => join(vectorsDir, d.name))
  .sort();
if (edgeCases) vectorFiles.push(edgeCases);
for (const path of vectorFiles) {
  const f = path.split(/[\\/]/).pop();
  const group = JSON.parse(readFileSync(path, "utf8"));
  const bases = group.bases ?? {};
  for (const c of group.cases) {
    const name = `${f}: ${c.name}`;
    const expect = c.expect ?? {};
    const codes = expect.codes;
    const skip = (reason) => (skipped[reason] ??= []).push(name);
    if (!Array.isArray(codes)) {
      skip("no expected codes");
      continue;
    }
    if (c.field !== undefined) {
      skip("a one-field re-check: not a verdict on the whole document");
      continue;
    }
    if (codes.some((x) => NOT_JSON_VALUES.has(x))) {
      skip("json.syntax / json.too_deep: the input is not a JSON value");
      continue;
    }
    let value;
    try {
      value = c.base ? patched(bases[c.base], c.patch) : JSON.parse(caseText(c));
    } catch {
      skip("not parseable as JSON here");
      continue;
    }
    const kind = c.kind ?? detect(value);
    const options = c.options ?? {};
    const structural = codes.filter((x) => SCHEMA_CODES.has(x));
    const other = codes.filter((x) => !SCHEMA_CODES.has(x));
    let category;
    let expected;
    if (other.length === 0) [category, expected] = ["structural", expect.valid];
    else if (structural.length === 0) [category, expected] = ["library-only", true];
    else [category, expected] = ["mixed", false];
    if (typeof expected !== "boolean") {
      skip("no expected verdict");
      continue;
    }

    let ok;
    let errors;
    if (kind == null) {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        skip("document.kind_unknown: no schema to choose");
        continue;
      }
      // Not an object and no kind: every document schema must refuse it.
      const results = KINDS.map((k) => verdict(k, value));
      ok = results.every((r) => r[0]);
      errors = results.flatMap((r) => r[1]);
    } else {
      [ok, errors] = verdict(kind, value);
      for (const ctxKind of ["notice", "plan"]) {
        let ctx = options[ctxKind];
        if (typeof ctx === "string") {
          try {
            ctx = JSON.parse(ctx);
          } catch {
            ctx = undefined;
          }
        }
        if (ctx !== undefined && ctx !== null) {
          const [ctxOk, ctxErrors] = verdict(ctxKind, ctx);
          ok = ok && ctxOk;
          errors = errors.concat(ctxErrors);
        }
      }
    }

    checked += 1;
    const source = group.bases ? "edge cases" : "shared vectors";
    perSource[source] = (perSource[source] ?? 0) + 1;
    byCategory[category] += 1;
    if (ok === expected) {
      agreed += 1;
      if (verbose) console.log(`  ok    [${category}] ${name}`);
    } else {
      const detail = errors
        .slice(0, 3)
        .map((e) => `${e.instancePath || "(root)"}: ${e.message}`)
        .join("; ");
      problems.push(
        `DISAGREE [${category}] ${name}: library ${expected ? "accepts" : "refuses"} (codes ${JSON.stringify(codes)}), ` +
          `ajv ${ok ? "accepts" : "refuses"}${detail ? ` — ${detail}` : ""}`,
      );
    }
  }
}

console.log(
  `ajv: ${checked} cases checked (${Object.entries(perSource).sort().reverse().map(([s, n]) => `${n} ${s}`).join(" + ")}; ` +
    `${byCategory.structural} structural, ${byCategory["library-only"]} library-only → must be schema-valid, ` +
    `${byCategory.mixed} mixed), ${agreed} agree with the library`,
);
for (const [reason, names] of Object.entries(skipped).sort()) {
  console.log(`ajv: skipped ${names.length} (${reason})`);
  if (verbose) for (const n of names) console.log(`    ${n}`);
}
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
