#!/usr/bin/env python3
"""Writes a batch's texts without their labels, for a blind second labeller.

    python3 tools/labelling/strip.py writer.jsonl blind.jsonl
"""
import json
import sys

FIELDS = ('id', 'domain', 'customer', 'customerName', 'draft')


def main(src, dst):
    with open(src) as rows, open(dst, 'w') as out:
        for line in rows:
            if line.strip():
                row = json.loads(line)
                out.write(json.dumps({k: row[k] for k in FIELDS}, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    main(*sys.argv[1:3])
