#!/usr/bin/python3
"""Reference VQA accuracy, written in Python from ../shared/spec/scoring.md §1 so
that CPython's own `re`, `str.lower/split/strip`, `sum` and `round` decide the
last bits. Used by tests/metrics/vqa_accuracy_test.cc to cross-check the C++
port; nothing is stored, the test runs it live.

Provenance: algorithm per scoring.md §1.1-1.6 (GT-Vision-Lab vqaEval.py at
a013f004, MiniGPT-4 copy at d94738a7); contractions read from
../shared/data/vqa/contractions.json (the published table). Needs CPython 3.11
(plain left-to-right float sum): run with /usr/bin/python3 on Debian 12.

Usage: vqa_reference_score.py CONTRACTIONS_JSON INPUT_JSON
INPUT_JSON: {"dialect": "official"|"minigptv2",
             "questions": [{"answers": [...], "prediction": "..."}]}
Prints JSON: {"per_question": [repr of avg acc, ...], "overall": repr}.
"""
import json
import re
import sys

PUNCT = [';', r"/", '[', ']', '"', '{', '}', '(', ')', '=', '+', '\\', '_', '-',
         '>', '<', '@', '`', ',', '?', '!']
NUMBERS = {'none': '0', 'zero': '0', 'one': '1', 'two': '2', 'three': '3', 'four': '4',
           'five': '5', 'six': '6', 'seven': '7', 'eight': '8', 'nine': '9', 'ten': '10'}
ARTICLES = ['a', 'an', 'the']
PERIOD_STRIP = re.compile(r"(?!<=\d)(\.)(?!\d)")
COMMA_STRIP = re.compile(r"(\d)(\,)(\d)")


def process_punctuation(text):
    out = text
    for p in PUNCT:
        if (p + ' ' in text or ' ' + p in text) or (re.search(COMMA_STRIP, text) is not None):
            out = out.replace(p, '')
        else:
            out = out.replace(p, ' ')
    # re.UNICODE (32) lands in the `count` parameter, as in the reference.
    return PERIOD_STRIP.sub('', out, re.UNICODE)


def process_digit_article(text, contractions):
    words = []
    for word in text.lower().split():
        word = NUMBERS.get(word, word)
        if word not in ARTICLES:
            words.append(word)
    return ' '.join(contractions.get(w, w) for w in words)


def question_accuracy(answers, prediction, dialect, contractions):
    if dialect == 'minigptv2':
        prediction = prediction.lower().replace('<unk>', '').strip()
    clean = lambda s: s.replace('\n', ' ').replace('\t', ' ').strip()
    gts = [clean(a) for a in answers]
    res = clean(prediction)
    if len(set(gts)) > 1:
        gts = [process_digit_article(process_punctuation(a), contractions) for a in gts]
        res = process_digit_article(process_punctuation(res), contractions)
    accs = []
    for i in range(len(gts)):
        others = [g for j, g in enumerate(gts) if j != i]
        if dialect == 'minigptv2':
            matches = [g for g in others if g.lower() == res.lower()]
        else:
            matches = [g for g in others if g == res]
        accs.append(min(1, float(len(matches)) / 3))
    return float(sum(accs)) / len(accs)


def main():
    contractions = json.load(open(sys.argv[1], encoding='utf-8'))
    request = json.load(open(sys.argv[2], encoding='utf-8'))
    accs = [question_accuracy(q['answers'], q['prediction'], request['dialect'], contractions)
            for q in request['questions']]
    overall = round(100 * float(sum(accs)) / len(accs), 2)
    json.dump({'per_question': [repr(a) for a in accs], 'overall': repr(overall)}, sys.stdout)


if __name__ == '__main__':
    main()
