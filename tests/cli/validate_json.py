#!/usr/bin/env python3
"""Validates JSON on stdin against a JSON Schema file: validate_json.py SCHEMA. Exit 1 on errors."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    doc = json.load(sys.stdin)
except json.JSONDecodeError as e:
    print(f"not JSON: {e}")
    sys.exit(1)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:10]:
    print("/".join(str(p) for p in e.path), e.message[:300])
sys.exit(1 if errors else 0)
