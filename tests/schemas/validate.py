#!/usr/bin/env python3
"""Validates the shipped report schemas (schemas/ogi-*.yaml) against schemas/report-schema.schema.json
and checks what JSON Schema cannot say: ids unique, group references resolve, row_sum names real
columns, the ids fixed in the shared contract exist, and the row counts of the formats (spec §2.4,
§3.4: 23 data rows in 2019, 25 in 2021). Exits non-zero with file: message on the first failures."""
import glob
import json
import os
import sys

import jsonschema
import yaml

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
SCHEMA_DIR = os.path.join(ROOT, "schemas")

# Ids fixed by the shared contract (rule expressions reference them).
CONTRACT = {
    "ogi-2019": {
        "art20_1": (["regulations", "normative_docs"], ["new_made", "new_published", "total_published"]),
        "art20_5": (["licensing", "other_services"], ["prev_items", "change", "decisions"]),
        "art20_6": (["penalty", "compulsion"], ["prev_items", "change", "decisions"]),
        "art20_8": (["fees"], ["prev_items", "change"]),
        "art20_9": (["procurement"], ["projects", "amount"]),
    },
    "ogi-2021": {
        "art20_1": (["regulations", "normative_docs"], ["issued", "repealed", "in_force"]),
        "art20_5": (["licensing"], ["decisions"]),
        "art20_6": (["penalty", "compulsion"], ["decisions"]),
        "art20_8": (["fees"], ["amount"]),
    },
}
APP_COLS = ["natural_person", "commercial", "research", "public_interest", "legal_service", "other", "total"]
REVIEW = (["review", "direct_suit", "after_review"], ["upheld", "corrected", "other", "pending", "total"])
DATA_ROWS = {"ogi-2019": 23, "ogi-2021": 25}


def check(path, doc, errors):
    def err(msg):
        errors.append(f"{path}: {msg}")

    table_ids = [t["id"] for t in doc["tables"]]
    if len(set(table_ids)) != len(table_ids):
        err("duplicate table id")
    for t in doc["tables"]:
        rows = [r["id"] for r in t["rows"]]
        cols = [c["id"] for c in t["columns"]]
        if len(set(rows)) != len(rows):
            err(f"table {t['id']}: duplicate row id")
        if len(set(cols)) != len(cols):
            err(f"table {t['id']}: duplicate column id")
        headers = {r["id"] for r in t["rows"] if r.get("group_header")}
        for r in t["rows"]:
            if "group" in r and r["group"] not in headers:
                err(f"table {t['id']}: row {r['id']} names group {r['group']}, which is not a group header")
        if "row_sum" in t:
            for c in [t["row_sum"]["total"]] + t["row_sum"]["parts"]:
                if c not in cols:
                    err(f"table {t['id']}: row_sum names unknown column {c}")
        for c in t["columns"]:
            if c["type"] == "amount" and "unit" not in c:
                err(f"table {t['id']}: amount column {c['id']} must state its unit (\"\" when not fixed)")
    sid = doc["id"]
    want = dict(CONTRACT.get(sid, {}))
    if sid in DATA_ROWS:
        want["review_litigation"] = REVIEW
        tables = {t["id"]: t for t in doc["tables"]}
        app = tables.get("applications")
        if not app:
            err("no applications table")
        else:
            data = [r for r in app["rows"] if not r.get("group_header")]
            if len(data) != DATA_ROWS[sid]:
                err(f"applications has {len(data)} data rows, the format has {DATA_ROWS[sid]}")
            req = [c["id"] for c in app["columns"] if not c.get("optional")]
            if req != APP_COLS:
                err(f"applications columns {req} != {APP_COLS}")
        for tid, (rows, cols) in want.items():
            t = tables.get(tid)
            if not t:
                err(f"missing table {tid}")
                continue
            if [r["id"] for r in t["rows"]] != rows:
                err(f"table {tid}: rows {[r['id'] for r in t['rows']]} != {rows}")
            if [c["id"] for c in t["columns"]] != cols:
                err(f"table {tid}: columns {[c['id'] for c in t['columns']]} != {cols}")


def main():
    with open(os.path.join(SCHEMA_DIR, "report-schema.schema.json"), encoding="utf-8") as f:
        meta = json.load(f)
    jsonschema.Draft202012Validator.check_schema(meta)
    validator = jsonschema.Draft202012Validator(meta)
    files = sorted(glob.glob(os.path.join(SCHEMA_DIR, "ogi-*.yaml")))
    errors = []
    if [os.path.basename(f) for f in files] != ["ogi-2008.yaml", "ogi-2019.yaml", "ogi-2021.yaml"]:
        errors.append(f"{SCHEMA_DIR}: expected ogi-2008/2019/2021.yaml, found {files}")
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        for e in validator.iter_errors(doc):
            errors.append(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
        if not errors:
            check(path, doc, errors)
        if os.path.basename(path)[:-5] != doc.get("id"):
            errors.append(f"{path}: id {doc.get('id')} does not match the file name")
    for e in errors:
        print(e, file=sys.stderr)
    print(f"{len(files)} report schemas checked, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
