#!/usr/bin/env python3
"""Print label counts per split for the Rapport quality dataset (Markdown tables).

Usage: python3 tests/quality/stats.py
Also checks that every line parses and carries the expected fields.
"""
import json
import os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
CUSTOMER_FIELDS = {"id", "domain", "text", "frustration", "urgency", "repeatContact",
                   "churnRisk", "split", "hard"}
REPLY_FIELDS = {"id", "domain", "customer", "customerName", "draft", "split", "labels", "excellent"}
REPLY_LABELS = ["acknowledgement", "timeCommitment", "vagueTime", "ownership", "usesName",
                "negativeEnding", "blame", "condescension", "shouting", "refusal",
                "refusalWithoutAlternative", "offerHelp", "signoff", "proactive", "jargon", "template"]


def load(name, fields):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                row = json.loads(line)
                assert set(row) == fields, f"{name}:{n} has fields {sorted(row)}"
                assert row["split"] in ("dev", "test"), f"{name}:{n} bad split"
                rows.append(row)
    return rows


def table(title, rows, keys):
    """keys: list of (label, predicate) pairs."""
    print(f"\n### {title}\n")
    print("| value | dev | test | total | test % |")
    print("|---|---:|---:|---:|---:|")
    for label, pred in keys:
        c = Counter(r["split"] for r in rows if pred(r))
        total = c["dev"] + c["test"]
        pct = f"{100 * c['test'] / total:.0f}%" if total else "-"
        print(f"| {label} | {c['dev']} | {c['test']} | {total} | {pct} |")


def main():
    cust = load("customers.jsonl", CUSTOMER_FIELDS)
    reps = load("replies.jsonl", REPLY_FIELDS)
    for r in reps:
        assert set(r["labels"]) == set(REPLY_LABELS), r["id"]

    every = [("all", lambda r: True)]
    domains = sorted({r["domain"] for r in cust})
    table("customers.jsonl", cust,
          every
          + [(f"domain={d}", lambda r, d=d: r["domain"] == d) for d in domains]
          + [(f"frustration={v}", lambda r, v=v: r["frustration"] == v) for v in ("none", "mild", "high")]
          + [(f"{k}=true", lambda r, k=k: r[k]) for k in ("urgency", "repeatContact", "churnRisk")]
          + [(f"hard={h}", lambda r, h=h: r["hard"] == h) for h in
             ("negation", "sarcasm", "polite_anger", "caps_punct", "typos_slang", "mixed", "none")])
    table("replies.jsonl", reps,
          every
          + [(f"domain={d}", lambda r, d=d: r["domain"] == d) for d in domains]
          + [("excellent=true", lambda r: r["excellent"])]
          + [(f"{k}=true", lambda r, k=k: r["labels"][k]) for k in REPLY_LABELS])


if __name__ == "__main__":
    main()
