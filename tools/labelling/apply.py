#!/usr/bin/env python3
"""Applies an adjudicator's decisions to a batch.

    python3 tools/labelling/apply.py [--split test] OUT FIRST [FIRST ...]

Reads adjudicate_key.json (from compare.py) and adjudicate_out.jsonl (the
adjudicator's {id, label, final, reason} per item) from the current
directory; writes OUT.jsonl (the final rows, in replies.jsonl's field order,
split dev unless --split says otherwise) and OUT_adjudication.jsonl (the log
lines for adjudication.jsonl).
"""
import argparse
import json
import sys

ORDER = ['acknowledgement', 'timeCommitment', 'vagueTime', 'ownership', 'usesName', 'negativeEnding', 'blame',
         'condescension', 'shouting', 'refusal', 'refusalWithoutAlternative', 'offerHelp', 'signoff', 'proactive',
         'jargon', 'template']


def main(out_name, firsts, split='dev'):
    with open('adjudicate_key.json') as f:
        key = json.load(f)
    with open('adjudicate_out.jsonl') as f:
        decisions = {f"{d['id']}/{d['label']}": d for d in (json.loads(l) for l in f if l.strip())}
    if set(decisions) != set(key):
        sys.exit(f'decisions and disagreements differ: {sorted(set(decisions) ^ set(key))[:5]}')
    rows = []
    for path in firsts:
        with open(path) as f:
            rows += [json.loads(l) for l in f if l.strip()]
    rows.sort(key=lambda r: r['id'])
    log = []
    for r in rows:
        for label in ORDER + ['excellent']:
            d = decisions.get(f"{r['id']}/{label}")
            if not d:
                continue
            final = bool(d['final'])
            if label == 'excellent':
                r['excellent'] = final
            else:
                r['labels'][label] = final
            k = key[f"{r['id']}/{label}"]
            log.append({'id': r['id'], 'label': label, 'first': k['first'], 'second': k['second'],
                        'final': final, 'reason': d['reason']})
        if r['labels']['refusalWithoutAlternative'] and not r['labels']['refusal']:
            sys.exit(f"{r['id']}: refusalWithoutAlternative without refusal")
    with open(f'{out_name}.jsonl', 'w') as out:
        for r in rows:
            row = {'id': r['id'], 'domain': r['domain'], 'customer': r['customer'], 'customerName': r['customerName'],
                   'draft': r['draft'], 'split': split, 'labels': {k: r['labels'][k] for k in ORDER},
                   'excellent': r['excellent']}
            out.write(json.dumps(row, ensure_ascii=False) + '\n')
    with open(f'{out_name}_adjudication.jsonl', 'w') as out:
        for e in log:
            out.write(json.dumps(e, ensure_ascii=False) + '\n')
    print(len(rows), 'rows,', len(log), 'decisions')


if __name__ == '__main__':
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--split', choices=('dev', 'test'), default='dev', help='split of the rows written')
    parser.add_argument('out', metavar='OUT', help='name of the batch written (OUT.jsonl, OUT_adjudication.jsonl)')
    parser.add_argument('firsts', metavar='FIRST', nargs='+', help="a writer's file")
    args = parser.parse_args()
    main(args.out, args.firsts, args.split)
