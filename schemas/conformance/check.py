#!/usr/bin/env python3
"""Runs the shared test vectors through Python `jsonschema` (draft 2020-12, formats checked)
against the generated schemas in schemas/, and fails when the schema and the library disagree.

The Rust verdicts are the vectors' own expectations: core/tests/vectors.rs asserts every
`expect` against the library, so comparing with `expect` is comparing with the library.

What a schema is expected to say about a case:
  * every expected code is structural (SCHEMA_CODES, or no code at all): the schema's verdict
    equals `expect.valid`;
  * some expected codes are not structural and none is: only the library's deeper rules catch
    the case, so the schema must ACCEPT it (it must not be stricter than the library);
  * both kinds of code: the structural ones make the schema refuse it.
Cases about text that is not a JSON value (json.syntax, json.too_deep) are skipped, and so is
an object whose kind is neither given nor detectable (document.kind_unknown), and a one-field
re-check (`field`), whose answer is not a verdict on the whole document.
Context documents in `options` (notice, plan) are checked against their own schemas as well:
the library judges them before the input.

schemas/conformance/edge-cases.json adds cases where regex dialects and format checkers differ
(whitespace, a trailing newline, e-mail, RFC 3339, integral floats, nulls); each is a base
document with the values at some JSON Pointers replaced (`patch`), and its expectations are
the library's verdicts too (core/tests/schema_keywords.rs asserts them).

Usage: python check.py [--schemas DIR] [--vectors DIR] [--edge-cases FILE] [-v]
"""

import argparse
import copy
import json
import pathlib
import sys

from jsonschema import Draft202012Validator, FormatChecker

HERE = pathlib.Path(__file__).resolve().parent

# The codes a schema expresses (learning_week::schema::SCHEMA_CODES).
SCHEMA_CODES = {
    "type.invalid", "row.missing", "row.blank", "row.too_long", "count.negative",
    "count.not_integer", "count.too_large", "date.invalid", "datetime.invalid", "enum.unknown",
    "number.out_of_range", "satisfaction.out_of_range", "contact.phone_invalid",
    "contact.email_invalid",
}
NOT_JSON_VALUES = {"json.syntax", "json.too_deep"}
KINDS = ("notice", "plan", "summary", "submission")


def detect(value):
    """learning_week::DocumentKind::detect, key for key."""
    if not isinstance(value, dict):
        return None
    has = lambda keys: any(k in value for k in keys)  # noqa: E731
    if has(["submitted_at", "summary", "materials"]):
        return "submission"
    if has(["jurisdiction", "reporting", "arrangements", "issuer"]):
        return "notice"
    if has(["host_unit", "participation", "leadership", "theme_and_content", "reach", "publicity", "organizers"]):
        return "summary"
    if has(["activities", "opening_ceremony", "unit", "drafting_department", "epidemic_prevention"]):
        return "plan"
    return None


def case_text(case):
    """The input text of a case, as core/tests/vectors.rs builds it."""
    if isinstance(case.get("input_text"), str):
        return case["input_text"]
    g = case.get("input_generated")
    if g is not None:
        return g.get("prefix", "") + g.get("repeat", "") * int(g.get("count", 0)) + g.get("suffix", "")
    return json.dumps(case.get("input"), ensure_ascii=False)


def patched(base, patch):
    """`base` with the value at each JSON Pointer of `patch` replaced."""
    doc = copy.deepcopy(base)
    for pointer, value in patch.items():
        tokens = [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]
        target = doc
        for t in tokens[:-1]:
            target = target[int(t)] if isinstance(target, list) else target[t]
        if isinstance(target, list):
            target[int(tokens[-1])] = value
        else:
            target[tokens[-1]] = value
    return doc


def strict_loads(text):
    """JSON as the library reads it: NaN and Infinity are not JSON."""
    def refuse(token):
        raise ValueError(f"not JSON: {token}")
    return json.loads(text, parse_constant=refuse)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--schemas", default=str(HERE.parent))
    ap.add_argument("--vectors", default=str(HERE.parent.parent / "tests" / "vectors"))
    ap.add_argument("--edge-cases", default=str(HERE / "edge-cases.json"))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    checker = FormatChecker()
    for fmt in ("date", "date-time", "email"):
        if fmt not in checker.checkers:
            sys.exit(f"jsonschema cannot check format {fmt!r} here (is rfc3339-validator installed?)")

    problems = []
    schemas_dir = pathlib.Path(args.schemas)
    validators = {}
    for path in sorted(schemas_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        v = Draft202012Validator(schema, format_checker=checker)
        for i, example in enumerate(schema.get("examples", [])):
            errs = list(v.iter_errors(example))
            if errs:
                problems.append(f"{path.name}: examples[{i}] does not validate: {errs[0].message[:200]}")
        validators[path.name.removesuffix(".schema.json")] = v
    missing = [k for k in KINDS if k not in validators]
    if missing:
        sys.exit(f"missing schemas for {missing} in {schemas_dir}")
    print(f"python jsonschema: {len(validators)} schemas are valid draft 2020-12, their examples validate")

    def verdict(kind, value):
        errors = list(validators[kind].iter_errors(value))
        return not errors, errors

    checked = agreed = 0
    per_source = {}
    by_category = {"structural": 0, "library-only": 0, "mixed": 0}
    skipped = {}
    files = sorted(pathlib.Path(args.vectors).glob("*.json"))  # text/ and aggregate/ are not document vectors
    if args.edge_cases:
        files.append(pathlib.Path(args.edge_cases))
    for f in files:
        group = json.loads(f.read_text(encoding="utf-8"))
        bases = group.get("bases", {})
        for case in group["cases"]:
            name = f"{f.name}: {case['name']}"
            expect = case.get("expect", {})
            codes = expect.get("codes")

            def skip(reason):
                skipped.setdefault(reason, []).append(name)

            if codes is None:
                skip("no expected codes")
                continue
            if "field" in case:
                skip("a one-field re-check: not a verdict on the whole document")
                continue
            if NOT_JSON_VALUES & set(codes):
                skip("json.syntax / json.too_deep: the input is not a JSON value")
                continue
            try:
                if "base" in case:
                    value = patched(bases[case["base"]], case.get("patch", {}))
                else:
                    value = strict_loads(case_text(case))
            except (ValueError, RecursionError):
                skip("not parseable as JSON here")
                continue
            kind = case.get("kind") or detect(value)
            options = case.get("options") or {}

            structural = [c for c in codes if c in SCHEMA_CODES]
            other = [c for c in codes if c not in SCHEMA_CODES]
            if not other:
                category, expected = "structural", expect.get("valid")
            elif not structural:
                category, expected = "library-only", True
            else:
                category, expected = "mixed", False
            if expected is None:
                skip("no expected verdict")
                continue

            if kind is None:
                if isinstance(value, dict):
                    skip("document.kind_unknown: no schema to choose")
                    continue
                # Not an object and no kind: every document schema must refuse it.
                results = [verdict(k, value) for k in KINDS]
                ok = all(r[0] for r in results)
                errors = [e for r in results for e in r[1]]
            else:
                ok, errors = verdict(kind, value)
                for ctx_kind in ("notice", "plan"):
                    ctx = options.get(ctx_kind)
                    if isinstance(ctx, str):
                        try:
                            ctx = strict_loads(ctx)
                        except ValueError:
                            ctx = None
                    if ctx is not None:
                        ctx_ok, ctx_errors = verdict(ctx_kind, ctx)
                        ok = ok and ctx_ok
                        errors += ctx_errors

            checked += 1
            source = "edge cases" if "bases" in group else "shared vectors"
            per_source[source] = per_source.get(source, 0) + 1
            by_category[category] += 1
            if ok == expected:
                agreed += 1
                if args.verbose:
                    print(f"  ok    [{category}] {name}")
            else:
                detail = "; ".join(f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:160]}" for e in errors[:3])
                problems.append(
                    f"DISAGREE [{category}] {name}: library {'accepts' if expected else 'refuses'} "
                    f"(codes {codes}), python jsonschema {'accepts' if ok else 'refuses'}"
                    + (f" — {detail}" if detail else "")
                )

    print(
        f"python jsonschema: {checked} cases checked ("
        + " + ".join(f"{n} {src}" for src, n in sorted(per_source.items(), reverse=True))
        + f"; {by_category['structural']} structural, "
        f"{by_category['library-only']} library-only → must be schema-valid, {by_category['mixed']} mixed), "
        f"{agreed} agree with the library"
    )
    for reason, names in sorted(skipped.items()):
        print(f"python jsonschema: skipped {len(names)} ({reason})")
        if args.verbose:
            for n in names:
                print(f"    {n}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
