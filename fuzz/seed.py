#!/usr/bin/env python3
"""Seeds the fuzz corpora from the shared test vectors and the examples, and writes a dictionary
of the field names, Chinese labels and number words the inputs use.

Each seed is the target's selector byte followed by the input text (see fuzz_targets/*.rs).
Usage: python3 fuzz/seed.py OUT_DIR   (writes OUT_DIR/corpus/<target>/ and OUT_DIR/dict.txt)
"""
import glob
import hashlib
import json
import os
import sys
import zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
KINDS = {"notice": 0, "plan": 1, "summary": 2, "submission": 3}
PARSERS = {"quantity": 0, "percent": 1, "period": 2, "venues": 3, "units": 4, "names": 5}


def write(out, target, selector, text):
    write_bytes(out, target, selector, text.encode("utf-8"))


def write_bytes(out, target, selector, raw):
    data = bytes([selector]) + raw
    d = os.path.join(out, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def dumps(v):
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def main(out):
    words = set()
    # Document vectors: validate (whole, field, request).
    for path in glob.glob(os.path.join(ROOT, "tests/vectors/*.json")):
        for case in json.load(open(path, encoding="utf-8")).get("cases", []):
            kind = KINDS.get(case.get("kind"), 4)
            text = dumps(case.get("input"))
            write(out, "validate", kind, text)
            write(out, "validate", kind + 5, "/host_unit\n" + text)
            write(out, "validate", 10, json.dumps({"kind": case.get("kind"), "input": case.get("input")}, ensure_ascii=False))
            write(out, "aggregate", 1, json.dumps([case.get("input")], ensure_ascii=False))
            collect_keys(case.get("input"), words)
    # Text vectors: every parser.
    for path in glob.glob(os.path.join(ROOT, "tests/vectors/text/*.json")):
        doc = json.load(open(path, encoding="utf-8"))
        sel = PARSERS.get(doc.get("parser"), 0)
        for case in doc.get("cases", []):
            text = case.get("text", "")
            if isinstance(text, str):
                write(out, "text", sel, text)
                write(out, "text", sel | 0x80, text)
                write(out, "text", 6, text)
                write(out, "labels", 3, "参加活动人数\t" + text)
    # Aggregate vectors and the examples.
    for path in glob.glob(os.path.join(ROOT, "tests/vectors/aggregate/*.json")):
        doc = json.load(open(path, encoding="utf-8"))
        req = {k: doc[k] for k in ("notice", "submissions", "plans", "options") if k in doc}
        write(out, "aggregate", 0, json.dumps(req, ensure_ascii=False))
    subs = [json.load(open(p, encoding="utf-8")) for p in sorted(glob.glob(os.path.join(ROOT, "examples/*/submissions/*.json")))]
    write(out, "aggregate", 1, json.dumps(subs, ensure_ascii=False))
    for s in subs:
        write(out, "validate", 3, json.dumps(s, ensure_ascii=False))
        collect_keys(s, words)
    # Office files: the python-docx / openpyxl fixtures (scripts/office-fixtures.sh), whole, and
    # their document.xml / core.xml for the wrapping modes.
    fixtures = os.environ.get("LW_OFFICE_FIXTURES", "")
    for path in sorted(glob.glob(os.path.join(fixtures, "*.docx"))) if fixtures else []:
        raw = open(path, "rb").read()
        write_bytes(out, "office", 0, raw)
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if "word/document.xml" in names:
                write_bytes(out, "office", 2, z.read("word/document.xml"))
            if "docProps/core.xml" in names:
                write_bytes(out, "office", 3, z.read("docProps/core.xml"))
    for path in sorted(glob.glob(os.path.join(fixtures, "*.xlsx"))) if fixtures else []:
        write_bytes(out, "office", 1, open(path, "rb").read())
    # Word 97–2003: LibreOffice's .doc fixtures (checked in), whole, and a patch of the first one.
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/doc/*.doc"))):
        write_bytes(out, "office", 4, open(path, "rb").read())
    write_bytes(out, "office", 5, b"\x00\x40\x07\x07\r")
    write_bytes(out, "office", 2, b"<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>\xe5\xb9\xb4\xe5\xba\xa6</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>")
    # The notice reader: the published notices, whole (no selector byte: the target reads all).
    d = os.path.join(out, "corpus", "notice")
    os.makedirs(d, exist_ok=True)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/notices/*.txt"))) + [os.path.join(ROOT, "core/data/nanchang-2021.notice.txt")]:
        raw = open(path, "rb").read()
        with open(os.path.join(d, hashlib.sha1(raw).hexdigest()), "wb") as f:
            f.write(raw)
    words.update(["关于举办", "活动周的通知", "一、活动主题", "二、活动时间", "三、活动安排", "四、组织要求", "附件", "主办", "承办", "报送", "另行通知", "上旬", "此后一周", "联系人及电话："])
    # Label import: the form's labels with corpus-style values.
    labels = ["年度", "举办县区", "主办单位", "参加活动人数", "参与单位数", "活动场地", "群众满意度", "活动时间", "宣传报道", "其他"]
    values = ["约3.5万人次", "1200余人", "二十三个", "98%", "主会场1个、分会场12个", "11月22日至28日", "东湖区"]
    write(out, "labels", 0, json.dumps(dict(zip(labels, values)), ensure_ascii=False))
    write(out, "labels", 2, "\n".join(f"{l}\t{v}" for l, v in zip(labels, values)))
    words.update(labels)
    words.update(values)
    words.update(["<w:tbl>", "<w:tr>", "<w:tc>", "<w:p>", "<w:r>", "<w:t>", "</w:t>", "<w:vMerge/>", "<w:vMerge w:val=\"restart\"/>", "<w:gridSpan w:val=\"2\"/>", "<dcterms:modified>", "word/document.xml", "PK\x03\x04", "万", "亿", "余", "约", "近", "多", "人次", "人", "个", "场", "%", "％", "至", "月", "日", "、", "，", "（", "）"])
    with open(os.path.join(out, "dict.txt"), "w", encoding="utf-8") as f:
        for w in sorted(words):
            if 0 < len(w.encode("utf-8")) <= 64:
                f.write('"' + dict_escape(w) + '"\n')


def dict_escape(word):
    """libFuzzer's dictionary syntax: printable ASCII as is, other bytes as \\xNN."""
    out = []
    for b in word.encode("utf-8"):
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append("\\x%02X" % b)
    return "".join(out)


def collect_keys(v, words):
    if isinstance(v, dict):
        for k, x in v.items():
            words.add(json.dumps(k, ensure_ascii=False))
            collect_keys(x, words)
    elif isinstance(v, list):
        for x in v:
            collect_keys(x, words)


if __name__ == "__main__":
    main(sys.argv[1])
