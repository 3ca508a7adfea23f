// What the browser tests share: a build folder that Chromium's own files stay in, and a tiny
// TAP-like runner (`step` runs one check and goes on after a failure; `finish` prints the count
// and exits non-zero if any failed).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Makes `dir` and points Chromium's $HOME-ish folders (XDG config and cache, TMPDIR) into it:
 *  Chromium writes there even with a fresh profile. Returns `dir`. */
export function browserDir(dir) {
  mkdirSync(dir, { recursive: true });
  for (const k of ['XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'TMPDIR']) {
    process.env[k] = join(dir, k.toLowerCase());
    mkdirSync(process.env[k], { recursive: true });
  }
  return dir;
}

let passed = 0;
let failed = 0;

/** Runs one named check; a throw is a failure, printed with the first lines of its stack. */
export async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String((e && e.stack) || e).split('\n').slice(0, 6).join('\n  ')}`);
  }
}

/** Throws `msg` unless `cond`. */
export const check = (cond, msg) => { if (!cond) throw new Error(msg); };

/** Prints "<label>: N passed, N failed" and exits, non-zero on any failure. */
export function finish(label) {
  console.log(`${label}: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
