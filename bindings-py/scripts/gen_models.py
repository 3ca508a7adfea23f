#!/usr/bin/env python3
"""Generates bindings-py/python/learning_week/models.py from the JSON Schemas in schemas/.

The Python classes give typed attribute access to the documents and answers of core
(`sub.summary.participation.participants.value`). Their structure is derived from the schemas
core generates from its Rust types (`learning-week schema --out schemas/`), so the binding holds
no structure of its own, and certainly no rule. Run it after the schemas change:

    python3 bindings-py/scripts/gen_models.py          # rewrite models.py
    python3 bindings-py/scripts/gen_models.py --check  # exit 1 when models.py is stale

The Python suite runs the check too (tests/test_models_in_sync.py). Standard library only.

How a schema becomes a class:
- an object (a `$defs` entry, or an object inlined under a property, named after the property
  in PascalCase, as the Rust types are) → a class with one read-only property per key;
- a string enum (`oneOf` of `const`) → a `Literal` alias;
- an `anyOf` mixing objects and scalars (a count: `12` or `{"value": 12, "qualifier": …}`) →
  one class with the objects' keys; a scalar is the short form of the object whose required key
  has the scalar's type (`12` reads as `{"value": 12}`), missing keys take the schema `default`;
- `format: date` / `date-time` → `datetime.date` / `datetime.datetime`.
Classes of the documents a unit sends (notice, plan, summary, submission) have every property
optional: a document being checked may lack any row. Classes of answers (roll-up, diagnostic,
rule) follow the schema's `required`.
"""

from __future__ import annotations

import json
import keyword
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
OUT = ROOT / "bindings-py" / "python" / "learning_week" / "models.py"

# (schema file, root class name, base class, document kind or None, is a document)
ROOTS = [
    ("notice.schema.json", "Notice", "_NoticeBase", "notice", True),
    ("plan.schema.json", "ActivityPlan", "_Document", "plan", True),
    ("summary.schema.json", "SummaryTable", "_SummaryBase", "summary", True),
    ("submission.schema.json", "Submission", "_Document", "submission", True),
    ("diagnostic.schema.json", "Diagnostic", "_DiagnosticBase", None, False),
    ("rules.schema.json", None, None, None, False),
    ("city-rollup.schema.json", "CityRollup", "_RollupBase", None, False),
]
# A nested class that is also a document the library reads on its own, and its base class.
DOCUMENT_CLASSES = {"ActivityPlan": "plan", "SummaryTable": "summary"}
DOCUMENT_BASES = {"SummaryTable": "_SummaryBase"}


def pascal(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in name.split("_"))


def first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


class Gen:
    def __init__(self) -> None:
        self.classes: dict[str, dict[str, Any]] = {}  # name → {doc, fields, short, base, kind, document}
        self.order: list[str] = []
        self.enums: dict[str, list[str]] = {}
        self.enum_order: list[str] = []
        self.named: dict[str, list[str]] = {}  # $defs object name → its keys, over all schemas

    # -- schema helpers -------------------------------------------------------------------
    def deref(self, s: dict[str, Any], defs: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
        ref = s.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            name = ref[len("#/$defs/") :]
            return name, defs[name]
        return None, s

    @staticmethod
    def enum_values(s: dict[str, Any]) -> list[str] | None:
        variants = s.get("oneOf") or s.get("anyOf")
        if isinstance(s.get("enum"), list) and all(isinstance(v, str) for v in s["enum"]):
            return list(s["enum"])
        if variants and all(isinstance(v, dict) and isinstance(v.get("const"), str) for v in variants):
            return [v["const"] for v in variants]
        return None

    def json_type(self, s: dict[str, Any], defs: dict[str, Any]) -> str | None:
        """The scalar JSON type of a schema, if it is one."""
        _, t = self.deref(s, defs)
        if self.enum_values(t) is not None:
            return "string"
        ty = t.get("type")
        if isinstance(ty, list):
            ty = next((x for x in ty if x != "null"), None)
        return ty if ty in ("integer", "number", "string", "boolean") else None

    # -- types ----------------------------------------------------------------------------
    def py_type(
        self, s: Any, defs: dict[str, Any], hint: str, document: bool, owner: str = ""
    ) -> tuple[str, str, bool]:
        """(annotation, converter expression template over `v`, nullable) of a schema."""
        if s is True or s == {} or not isinstance(s, dict):
            return "Any", "v", True
        name, t = self.deref(s, defs)
        # nullable forms
        for key in ("anyOf", "oneOf"):
            variants = t.get(key)
            if isinstance(variants, list) and name is None:
                non_null = [v for v in variants if not (isinstance(v, dict) and v.get("type") == "null")]
                if len(non_null) < len(variants) and len(non_null) == 1:
                    ann, conv, _ = self.py_type(non_null[0], defs, hint, document, owner)
                    return ann, conv, True
        values = self.enum_values(t)
        if values is not None:
            same = next((n for n, vs in self.enums.items() if vs == values), None)
            alias = name or same or owner + pascal(hint)
            self.add_enum(alias, values)
            return alias, "v", False
        ty = t.get("type")
        nullable = False
        if isinstance(ty, list):
            nullable = "null" in ty
            rest = [x for x in ty if x != "null"]
            ty = rest[0] if len(rest) == 1 else None
        if ty == "object" or "properties" in t or (isinstance(t.get("anyOf"), list) and name is not None):
            if "properties" not in t and not isinstance(t.get("anyOf"), list):
                return "dict[str, Any]", "v", nullable
            cls = name or self.same_shape(t) or pascal(hint)
            cls = self.add_class(cls, t, defs, document)
            return cls, f"{cls}._wrap(v)", nullable
        if ty == "array":
            item_ann, item_conv, _ = self.py_type(t.get("items", True), defs, hint, document, owner)
            if item_conv == "v":
                return f"list[{item_ann}]", "list(v)", nullable
            return f"list[{item_ann}]", f"[{item_conv.replace('(v)', '(x)')} for x in v]", nullable
        fmt = t.get("format")
        if ty == "string" and fmt == "date":
            return "datetime.date", "_date(v)", nullable
        if ty == "string" and fmt == "date-time":
            return "datetime.datetime", "_datetime(v)", nullable
        scalar = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}.get(ty or "")
        if scalar:
            return scalar, ("float(v)" if scalar == "float" else "v"), nullable
        return "Any", "v", True

    def same_shape(self, t: dict[str, Any]) -> str | None:
        """An existing class with exactly these keys (an inlined copy of a named type, such as the
        summary table inside a submission)."""
        keys = [k for k, v in t.get("properties", {}).items() if v is not False]
        for name, named_keys in self.named.items():
            if len(keys) > 1 and named_keys == keys:
                return name
        for name, c in self.classes.items():
            if len(keys) > 1 and [f["key"] for f in c["fields"]] == keys:
                return name
        return None

    def add_enum(self, name: str, values: list[str]) -> None:
        if name in self.enums:
            if self.enums[name] != values:
                raise SystemExit(f"enum {name} has two definitions: {self.enums[name]} vs {values}")
            return
        self.enums[name] = values
        self.enum_order.append(name)

    def add_class(self, name: str, t: dict[str, Any], defs: dict[str, Any], document: bool) -> str:
        if name in self.classes:
            return name
        entry: dict[str, Any] = {
            "doc": t.get("title") or t.get("description") or name,
            "desc": t.get("description", ""),
            "fields": [],
            "short": {},
            "base": "_Model",
            "kind": DOCUMENT_CLASSES.get(name),
            "document": document,
        }
        if entry["kind"]:
            entry["base"] = DOCUMENT_BASES.get(name, "_Document")
        self.classes[name] = entry  # registered first: recursive types terminate
        self.order.append(name)
        objects: list[dict[str, Any]] = []
        scalars: list[dict[str, Any]] = []
        if isinstance(t.get("anyOf"), list) and "properties" not in t:
            for v in t["anyOf"]:
                _, vt = self.deref(v, defs)
                if "properties" in vt or "properties" in v:
                    merged = dict(vt)
                    if "properties" in v and v is not vt:
                        merged = {**vt, "properties": {**vt.get("properties", {}), **v["properties"]}}
                    objects.append(merged)
                elif vt.get("type") != "null":
                    scalars.append(v)
        else:
            objects = [t]
        props: dict[str, tuple[Any, Any]] = {}  # key → (schema, default)
        required_everywhere: set[str] | None = None
        for o in objects:
            req = set(o.get("required", []))
            required_everywhere = req if required_everywhere is None else required_everywhere & req
            for key, ps in o.get("properties", {}).items():
                if ps is False:
                    continue
                if key not in props:
                    props[key] = (ps, ps.get("default") if isinstance(ps, dict) else None)
        # Short forms: a scalar variant stands for the object whose required key has its type.
        for v in scalars:
            ty = self.json_type(v, defs)
            if ty is None or ty in entry["short"]:
                continue
            for o in objects:
                for key in o.get("required", []):
                    ps = o.get("properties", {}).get(key)
                    if isinstance(ps, dict) and self.json_type(ps, defs) in (ty, "number" if ty == "integer" else ty):
                        entry["short"].setdefault(ty, key)
                if ty in entry["short"]:
                    break
        if "integer" not in entry["short"] and "number" in entry["short"]:
            entry["short"]["integer"] = entry["short"]["number"]
        for key, (ps, default) in props.items():
            ann, conv, nullable = self.py_type(ps, defs, key, document, name)
            required = key in (required_everywhere or set()) and not nullable and not document
            if default is not None:
                required = True  # the schema's default fills it
            desc = ps.get("description") or ps.get("title") or "" if isinstance(ps, dict) else ""
            entry["fields"].append(
                {"key": key, "ann": ann, "conv": conv, "required": required, "default": default, "desc": desc}
            )
        return name

    def add_root(self, file: str, root: str | None, base: str | None, kind: str | None, document: bool) -> None:
        schema = json.loads((SCHEMAS / file).read_text(encoding="utf-8"))
        defs = schema.get("$defs", {})
        if root is None:  # an array of a $defs class (rules)
            self.py_type(schema.get("items", {}), defs, "item", document)
            return
        self.add_class(root, schema, defs, document)
        assert base is not None
        self.classes[root]["base"] = base
        self.classes[root]["kind"] = kind

    # -- output ---------------------------------------------------------------------------
    def render(self) -> str:
        out = [
            "# Generated by bindings-py/scripts/gen_models.py from schemas/*.schema.json (core's Rust",
            "# types); do not edit by hand. 生成文件，请勿手工修改。",
            '"""Typed views of the documents and answers of learning-week (generated)."""',
            "",
            "from __future__ import annotations",
            "",
            "import datetime",
            "from typing import Any, ClassVar, Literal, Union",
            "",
            "from ._base import _date, _datetime, _DiagnosticBase, _Document, _Model, _NoticeBase, _RollupBase, _SummaryBase",
            "",
            "__all__ = [",
        ]
        names = sorted(self.enum_order + self.order)
        out += [f'    "{n}",' for n in names]
        out += ["]", ""]
        for name in self.enum_order:
            # Union[Literal[a], Literal[b]] means Literal[a, b]; written out, stubtest can check it.
            values = ", ".join(f"Literal[{json.dumps(v, ensure_ascii=False)}]" for v in self.enums[name])
            out += [f"{name} = Union[{values}]", ""]
        fields_out: list[str] = ["", "", "# The fields of each class, in schema order (repr, to_records), set once all classes exist."]
        for name in self.order:
            c = self.classes[name]
            out += ["", f"class {name}({c['base']}):"]
            doc = first_line(c["desc"]) or c["doc"]
            out.append(f'    """{doc}"""' if '"""' not in doc else f"    {json.dumps(doc, ensure_ascii=False)}")
            out += ["", "    __slots__ = ()"]
            if c["kind"]:
                out.append(f'    _KIND: ClassVar[str] = "{c["kind"]}"')
            if c["short"]:
                short = ", ".join(f'"{k}": "{v}"' for k, v in sorted(c["short"].items()))
                out.append(f"    _SHORT: ClassVar[dict[str, str]] = {{{short}}}")
            nested = [
                f'("{f["key"]}", {f["ann"] if f["conv"].endswith("._wrap(v)") else "None"})' for f in c["fields"]
            ]
            fields_out += ["", f"{name}._FIELDS = ("] + [f"    {n}," for n in nested] + [")"]
            for f in c["fields"]:
                attr = f["key"] + "_" if keyword.iskeyword(f["key"]) else f["key"]
                ann = f["ann"] if f["required"] else f"{f['ann']} | None"
                out += ["", "    @property", f"    def {attr}(self) -> {ann}:"]
                desc = first_line(f["desc"]).replace("\\", "\\\\")
                if desc:
                    out.append(f'        """{desc}"""' if '"""' not in desc else f"        # {desc}")
                # A Python literal: JSON's text but for the booleans (true → True).
                literal = repr(f["default"]) if isinstance(f["default"], bool) else json.dumps(f["default"], ensure_ascii=False)
                default = "" if f["default"] is None else f", {literal}"
                get = f'self._get("{f["key"]}"{default})'
                conv = f["conv"]
                if conv == "v":
                    out += [f"        v: {ann} = {get}", "        return v"]
                elif f["required"]:
                    out += [f"        v = {get}", f"        return {conv}"]
                else:
                    out += [f"        v = {get}", f"        return None if v is None else {conv}"]
        return "\n".join(out + fields_out) + "\n"


def generate() -> str:
    g = Gen()
    # Named enums first, so that an enum inlined somewhere takes its Rust name.
    for file, *_ in ROOTS:
        for name, d in json.loads((SCHEMAS / file).read_text(encoding="utf-8")).get("$defs", {}).items():
            values = g.enum_values(d)
            if values is not None:
                g.add_enum(name, values)
            elif "properties" in d:
                g.named.setdefault(name, [k for k, v in d["properties"].items() if v is not False])
    for file, root, base, kind, document in ROOTS:
        g.add_root(file, root, base, kind, document)
    return g.render()


def main() -> int:
    text = generate()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run python3 bindings-py/scripts/gen_models.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
