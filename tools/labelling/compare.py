#!/usr/bin/env python3
"""Agreement of two labellings of a batch, and the disagreements for an adjudicator.

    python3 tools/labelling/compare.py FIRST SECOND [FIRST SECOND ...]

FIRST is a writer's file (replies.jsonl rows), SECOND the blind labeller's
({id, labels, excellent}). Prints each label's counts, agreement and Cohen's
kappa; writes adjudicate_in.jsonl (texts, label, the two answers in a random
order per item) and adjudicate_key.json (whose answer was whose) to the
current directory.
"""
import json
import random
import sys

LABELS = ['acknowledgement', 'timeCommitment', 'vagueTime', 'ownership', 'usesName', 'negativeEnding', 'blame',
          'condescension', 'shouting', 'refusal', 'refusalWithoutAlternative', 'offerHelp', 'signoff', 'proactive',
          'jargon', 'template', 'excellent']


def read(path):
    with open(path) as f:
        return {r['id']: r for r in (json.loads(l) for l in f if l.strip())}


def value(row, label):
    return bool(row['excellent'] if label == 'excellent' else row['labels'][label])


def main(args):
    first, second = {}, {}
    for a, b in zip(args[0::2], args[1::2]):
        first.update(read(a))
        second.update(read(b))
    if set(first) != set(second):
        sys.exit(f'the two labellings cover different ids: {sorted(set(first) ^ set(second))[:5]}')
    rng = random.Random(13)
    items, key = [], {}
    print(f"{'label':28} first second both agree kappa")
    n = len(first)
    for label in LABELS:
        a = b = both = agree = 0
        for i in sorted(first):
            x, y = value(first[i], label), value(second[i], label)
            a, b, both, agree = a + x, b + y, both + (x and y), agree + (x == y)
            if x != y:
                answers = [y, x] if rng.random() < 0.5 else [x, y]
                r = first[i]
                items.append({'id': i, 'label': label, 'customer': r['customer'], 'customerName': r['customerName'],
                              'draft': r['draft'], 'answerA': answers[0], 'answerB': answers[1]})
                key[f'{i}/{label}'] = {'first': x, 'second': y}
        po = agree / n
        pe = (a / n) * (b / n) + (1 - a / n) * (1 - b / n)
        kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
        print(f'{label:28} {a:5} {b:6} {both:4} {po:5.2f} {kappa:5.2f}')
    with open('adjudicate_in.jsonl', 'w') as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + '\n')
    with open('adjudicate_key.json', 'w') as out:
        json.dump(key, out, indent=1)
    print(len(items), 'disagreements')


if __name__ == '__main__':
    main(sys.argv[1:])
