#!/usr/bin/python3
"""Writes a synthetic OK-VQA data root and predictions for bench/vqa/run.

Usage: make_data.py OUT_DIR [QUESTIONS]   (default 200000 questions)

OUT_DIR/data/okvqa/OpenEnded_mscoco_val2014_questions.json and
mscoco_val2014_annotations.json in the published VQA format (the keys and
compact separators of the real files, ten answers per question with
raw_answer, answer_confidence and answer_id), and OUT_DIR/predictions.json in
the answer-file format of the MiniGPT-v2 scripts. Answers repeat heavily and
carry punctuation, number words, articles and contractions, as real
annotations do; a quarter of the questions are unanimous; most predictions
are an annotator's answer, some cased or punctuated differently.
Deterministic.
"""
import json
import os
import random
import sys

ANSWERS = ['two', '2', 'Yes', 'yes', 'no', 'fire hydrant', 'dont know', 'u.s.a.', 'hot-dog',
           'the red one', '3,5', 'a cat', 'cats', 'surfing', 'tennis racket', 'wooden', 'blue',
           'one', 'three', 'none', "it's a dog", 'im not sure', 'black and white', 'an apple',
           'pizza!', 'baseball bat', '10', 'ten', 'left', 'giraffe', 'kitchen', 'snowboarding']
OUTPUTS = ['Two.', 'yes', 'fire hydrant!', 'I dont know', 'usa', 'hot dog', 'red', '35', 'a cat',
           'none', 'Surfing', 'tennis', 'wood', 'Blue', '1', 'three', "it's a dog", 'black and white',
           'apple', 'pizza', 'bat', 'ten', 'left', 'giraffe', 'kitchen', 'snowboard <unk>']
QUESTION_TYPES = ['what is the', 'how many', 'what color is the', 'is this', 'what sport is',
                  'where is the', 'other', 'what kind of']
ANSWER_TYPES = ['other', 'number', 'yes/no']


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200000
    rng = random.Random(14)
    os.makedirs(os.path.join(out, 'data', 'okvqa'), exist_ok=True)
    questions, annotations, predictions = [], [], []
    for i in range(count):
        question_id = 1000000 + i * 7
        image_id = 100 + i // 3
        base = rng.randrange(len(ANSWERS))
        if i % 4 == 0:
            raw = [ANSWERS[base]] * 10
        else:
            raw = [ANSWERS[(base + rng.randrange(4) * rng.randrange(3)) % len(ANSWERS)] for _ in range(10)]
        questions.append({'image_id': image_id, 'question': 'What is shown in picture %d of this set?' % i,
                          'question_id': question_id})
        annotations.append({'image_id': image_id, 'answer_type': ANSWER_TYPES[i % 3],
                            'question_type': QUESTION_TYPES[i % len(QUESTION_TYPES)],
                            'question_id': question_id, 'confidence': 3,
                            'answers': [{'raw_answer': a, 'answer_confidence': 'yes', 'answer_id': k + 1,
                                         'answer': a} for k, a in enumerate(raw)]})
        # Most predictions are one of the annotators' answers, often cased or
        # punctuated differently; the rest come from a fixed list.
        guess = rng.choice(raw) if rng.random() < 0.6 else OUTPUTS[rng.randrange(len(OUTPUTS))]
        if rng.random() < 0.2:
            guess = guess.capitalize() + '.'
        predictions.append({'answer': guess, 'question_id': question_id})
    info = {'description': 'synthetic OK-VQA-format file for bench/vqa', 'version': '1.0'}
    with open(os.path.join(out, 'data', 'okvqa', 'OpenEnded_mscoco_val2014_questions.json'), 'w') as f:
        json.dump({'info': info, 'task_type': 'Open-Ended', 'data_type': 'mscoco', 'license': {},
                   'data_subtype': 'val2014', 'questions': questions}, f)
    with open(os.path.join(out, 'data', 'okvqa', 'mscoco_val2014_annotations.json'), 'w') as f:
        json.dump({'info': info, 'license': {}, 'data_subtype': 'val2014', 'annotations': annotations,
                   'data_type': 'mscoco'}, f)
    with open(os.path.join(out, 'predictions.json'), 'w') as f:
        json.dump(predictions, f)


if __name__ == '__main__':
    main()
