#!/usr/bin/env python3
"""Detection check of a benchmark run: every injected defect found, nothing on clean reports.

usage: detection.py MANIFEST.jsonl FINDINGS.json [--details N]

MANIFEST is generate.py's (one line per report: file, format, defects); FINDINGS is the output of
`ogicheck check --format json` over the same reports. A defect counts as found when one of the
rules it must fire (REQUIRED below) has a finding with outcome "fail" on that report. A clean
report counts as clean when it has no finding at all (any outcome, any severity). Prints Markdown
and exits 1 unless every defect is found and every clean report is clean.
"""
import argparse
import collections
import json
import os
import sys

PREFIX = {"ogi-2021": "OGI21", "ogi-2019": "OGI19", "ogi-2008": "OGI08"}
# Defect kind -> rule ids (without the pack prefix) of which at least one must fail.
REQUIRED = {
    "applications_balance": ["APP.BALANCE"],
    "review_total": ["REV.BLOCK_TOTAL"],
    "late": ["META.DEADLINE"],
    "missing_section": ["SEC.REQUIRED"],
    "row_total": ["APP.ROW_TOTAL"],
    "prose_parts": ["ARI.RECEIVED_CHANNELS", "TXT.BREAKDOWN"],
}
# Other rules a defect may legitimately fire as well (consequences of the same wrong number).
ALSO = {
    "row_total": ["APP.RESULTS_TOTAL", "APP.BALANCE", "TXT.CLOSED"],
    "applications_balance": ["TXT.CARRIED_FORWARD"],
    # The removed section is 五 in the generator: its content check cannot run.
    "missing_section": ["SEC.PROBLEMS_CONTENT"],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("findings")
    ap.add_argument("--details", type=int, default=5, help="examples to list per problem")
    args = ap.parse_args()
    with open(args.findings, encoding="utf-8") as f:
        out = json.load(f)
    by_path = {}
    for r in out.get("reports", []):
        by_path.setdefault(os.path.basename(r["path"]), []).append(r)
    errors = {os.path.basename(e.get("path", "")) for e in out.get("errors", [])}

    found = collections.Counter()
    total = collections.Counter()
    missed = collections.defaultdict(list)
    clean = clean_ok = 0
    clean_rules = collections.Counter()
    clean_examples = collections.defaultdict(list)
    unexpected = collections.Counter()
    unread = []
    with open(args.manifest, encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            name = os.path.basename(m["file"])
            reports = by_path.get(name)
            if not reports:
                unread.append(name)
                continue
            findings = [x for r in reports for x in r["findings"]]
            failed = {x["rule"] for x in findings if x["outcome"] == "fail"}
            pre = PREFIX[m["format"]] + "."
            if not m["defects"]:
                clean += 1
                if not findings:
                    clean_ok += 1
                for x in findings:
                    key = f'{x["rule"]} ({x["outcome"]})'
                    clean_rules[key] += 1
                    if len(clean_examples[key]) < args.details:
                        clean_examples[key].append(f'{name} [{m["layout"]}]')
                continue
            allowed = set()
            for d in m["defects"]:
                total[d] += 1
                req = {pre + r for r in REQUIRED[d]}
                allowed |= req | {pre + r for r in ALSO.get(d, [])}
                if req & failed:
                    found[d] += 1
                elif len(missed[d]) < args.details:
                    missed[d].append(f'{name} [{m["format"]}, {m["layout"]}]')
            for x in findings:
                if x["rule"] not in allowed:
                    unexpected[f'{x["rule"]} ({x["outcome"]})'] += 1

    n_def = sum(total.values())
    n_found = sum(found.values())
    print("### Detection\n")
    print("| injected defect | reports | found | rate |\n|---|---|---|---|")
    for d in sorted(total):
        print(f"| {d} | {total[d]} | {found[d]} | {100 * found[d] / total[d]:.1f}% |")
    print(f"| **all** | {n_def} | {n_found} | {100 * n_found / max(n_def, 1):.1f}% |\n")
    print(f"Clean reports: {clean}, of which without any finding: {clean_ok} "
          f"({100 * clean_ok / max(clean, 1):.1f}%).")
    if unread:
        print(f"\nReports missing from the output (unreadable?): {len(unread)}, e.g. {', '.join(unread[:5])}")
    if clean_rules:
        print("\nFindings on clean reports (rule, outcome: reports):\n")
        for k, v in clean_rules.most_common():
            print(f"- {k}: {v}, e.g. {', '.join(clean_examples[k])}")
    if unexpected:
        print("\nOther findings on reports with defects (rule, outcome: count):\n")
        for k, v in unexpected.most_common(15):
            print(f"- {k}: {v}")
    for d, names in sorted(missed.items()):
        print(f"\nMissed {d}: {', '.join(names)}")
    ok = n_found == n_def and clean_ok == clean and not unread
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
