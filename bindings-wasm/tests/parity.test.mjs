// Identical to Rust, not only to the vectors' expectations: every document vector goes through the
// Rust CLI (`learning-week validate --format json`, one run per kind and options) and through the
// WebAssembly package, and the whole answers (every diagnostic with its messages and params) must
// be equal. Needs the CLI: $LW_CLI, or target/debug/learning-week (scripts/test-wasm.sh builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lw, root, vectorFiles, caseText, validateAs } from './load.mjs';

const cli = process.env.LW_CLI || join(root, 'target', 'debug', 'learning-week');

test('every document vector: the same answer as the Rust CLI', () => {
  assert.ok(existsSync(cli), `no CLI at ${cli}: build it (cargo build -p learning-week-cli) or set LW_CLI`);
  const dir = mkdtempSync(join(tmpdir(), 'lw-parity-'));
  try {
    // Group the cases by kind and options: one CLI run per group.
    const groups = new Map();
    let n = 0;
    for (const { doc } of vectorFiles()) {
      for (const c of doc.cases || []) {
        const key = JSON.stringify([c.kind ?? null, c.options ?? null]);
        if (!groups.has(key)) groups.set(key, []);
        const file = join(dir, `case-${n++}.json`);
        writeFileSync(file, caseText(c));
        groups.get(key).push({ c, file });
      }
    }
    let compared = 0;
    const differences = [];
    for (const [key, cases] of groups) {
      const [kind, options] = JSON.parse(key);
      const args = ['validate', '--format', 'json'];
      if (kind) args.push('--kind', kind);
      for (const ctx of ['notice', 'plan']) {
        if (options && options[ctx] != null) {
          const f = join(dir, `${ctx}-${compared}.json`);
          const v = options[ctx];
          writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v));
          args.push(`--${ctx}`, f);
        }
      }
      args.push(...cases.map((x) => x.file));
      let out;
      try {
        out = execFileSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
      } catch (e) {
        out = e.stdout; // exit 1/2: invalid documents, the answers are still printed
      }
      const rust = new Map(out.trim().split('\n').map((l) => JSON.parse(l)).map((a) => [a.file, a]));
      for (const { c, file } of cases) {
        const r = rust.get(file);
        const w = validateAs(kind, caseText(c), options ?? undefined);
        compared += 1;
        try {
          assert.ok(r, 'the CLI printed no answer');
          assert.deepStrictEqual(
            { kind: w.kind, valid: w.valid, errors: w.errors, warnings: w.warnings, diagnostics: w.diagnostics },
            { kind: r.kind, valid: r.valid, errors: r.errors, warnings: r.warnings, diagnostics: r.diagnostics },
          );
        } catch (e) {
          differences.push(`${c.name}: ${e.message.split('\n').slice(0, 12).join('\n')}`);
        }
      }
    }
    assert.ok(compared >= 80);
    assert.equal(differences.length, 0, `${differences.length} of ${compared} differ from Rust:\n${differences.join('\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
