// tests/vectors/text/*.json through the package's text parsers, judged exactly as
// core/tests/text_vectors.rs judges them: the parser named by the file (`quantity` →
// parseQuantity, `names` → splitNames …), `of_kind` (quantities) and `year` (periods) from the
// case, the answer put in the vectors' format (`phrase` is the span of `source`, counts their
// `value`, refusals `{ok: false, code}`), and every key of `expect` equal to the answer's
// (numbers compared as numbers; a key the answer lacks is null).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { lw, vectorFiles } from './load.mjs';

/** `Span::of` in JavaScript's units: `source.slice(start, end)` (the package counts spans in
 *  UTF-16 code units), or "" when it does not fit. */
function phrase(v) {
  const source = String(v.source ?? '');
  const { start, end } = v.span ?? {};
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > source.length) return '';
  return source.slice(start, end);
}
const count = (q) => (q && typeof q === 'object' ? q.value : null);
const err = (a) => ({ ok: false, code: a.error?.code, reason: a.error?.params?.reason ?? null });
/** A cell's warnings: codes sorted, and the reasons of those that have one, in order. */
function warned(out, warnings) {
  out.warnings = warnings.map((w) => w.code).sort();
  out.reasons = warnings.filter((w) => w.params && 'reason' in w.params).map((w) => w.params.reason);
  return out;
}

/** i32 like the Rust runner's `as_i64` + `i32::try_from`; anything else is no year. */
const year = (y) => (Number.isInteger(y) && y >= -(2 ** 31) && y < 2 ** 31 ? y : undefined);

/** The parser's answer for one case, in the vectors' format (mirrors `run` of text_vectors.rs). */
function run(parser, c) {
  if (typeof c.text !== 'string') throw new Error('case has no text');
  const text = c.text;
  switch (parser) {
    case 'quantity': {
      const a = typeof c.of_kind === 'string' ? lw.parseQuantity(text, { of_kind: c.of_kind }) : lw.parseQuantity(text);
      if (!a.ok) return err(a);
      const q = a.value;
      return { ok: true, value: q.value, qualifier: q.qualifier, unit: q.unit ?? null, kind: q.kind, phrase: phrase(q) };
    }
    case 'percent': {
      const a = lw.parsePercent(text);
      if (!a.ok) return err(a);
      const p = a.value;
      return 'level' in p
        ? { ok: true, level: p.level, phrase: phrase(p) }
        : { ok: true, value: p.value, qualifier: p.qualifier, phrase: phrase(p) };
    }
    case 'period': {
      const a = lw.parsePeriod(text, { year: year(c.year) });
      if (!a.ok) return err(a);
      return { ok: true, start: a.value.start, end: a.value.end, phrase: phrase(a.value) };
    }
    case 'venues': {
      const a = lw.parseVenues(text);
      if (!a.ok) return err(a);
      const v = a.value;
      return {
        ok: true,
        main_venues: count(v.main_venues),
        sub_venues: count(v.sub_venues),
        refused: v.refused.map((e) => e.code),
      };
    }
    case 'units': {
      const a = lw.parseUnits(text);
      if (!a.ok) return err(a);
      return { ok: true, units_total: count(a.value.units_total), units_participating: count(a.value.units_participating) };
    }
    case 'cell': {
      const a = lw.readCell(text, { row: c.row, year: year(c.year) });
      if (!a.ok) return err(a);
      const v = a.value.value;
      if (c.row === 'satisfaction') {
        const out = 'level' in v ? { ok: true, level: v.level } : { ok: true, value: v.value, qualifier: v.qualifier };
        return warned(out, a.value.warnings);
      }
      return warned(
        {
          ok: true,
          value: v.value,
          qualifier: v.qualifier,
          unit: v.unit ?? null,
          kind: v.kind,
          phrase: phrase(v),
          parts_add_up: a.value.parts_add_up ?? null,
          videos: count(a.value.videos),
        },
        a.value.warnings,
      );
    }
    case 'names': {
      const a = lw.splitNames(text);
      if (!a.ok) return err(a);
      return { ok: true, names: a.value.map((i) => i.text) };
    }
    default:
      throw new Error(`unknown parser ${parser}`);
  }
}

/** Every key of `expect` equal to the answer's (`compare` of text_vectors.rs). */
function compare(expect, got) {
  if (!expect || typeof expect !== 'object' || Array.isArray(expect)) return ['expect is not an object'];
  const diffs = [];
  for (const [k, v] of Object.entries(expect)) {
    const g = got[k] === undefined ? null : got[k];
    const same = typeof v === 'number' && typeof g === 'number' ? v === g : isDeepStrictEqual(v, g);
    if (!same) diffs.push(`${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(g)}`);
  }
  return diffs;
}

const files = vectorFiles('text');
let total = 0;
for (const { file, doc } of files) {
  const parser = doc.parser || '';
  total += (doc.cases || []).length;
  test(`text vectors ${file} (${parser})`, () => {
    const failures = [];
    for (const c of doc.cases || []) {
      const name = c.name ?? '<unnamed>';
      try {
        const got = run(parser, c);
        const diffs = compare(c.expect, got);
        if (diffs.length) failures.push(`[${parser}] ${name} «${c.text}»: ${diffs.join('; ')} (got ${JSON.stringify(got)})`);
      } catch (e) {
        failures.push(`[${parser}] ${name}: ${e.message}`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} of ${doc.cases.length} failed:\n${failures.join('\n')}`);
  });
}

test('text vectors: at least 200 cases', () => {
  assert.ok(files.length > 0, 'no vector files');
  assert.ok(total >= 200, `only ${total} vector cases`);
});

test('a refusal is an answer with the diagnostic, never an exception', () => {
  const a = lw.parseQuantity('成千上万人');
  assert.equal(a.ok, false);
  assert.equal(a.value, undefined);
  assert.equal(a.error.code, 'text.vague');
  assert.equal(lw.parsePeriod('11月22日至28日', { year: 2021 }).value.start, '2021-11-22');
});
