#!/usr/bin/python3
"""The official VQA evaluation, run by CPython on the files `vleval score`
reads: the reference side of bench/vqa/run.

Usage: official_eval.py CONTRACTIONS_JSON QUESTIONS_JSON ANNOTATIONS_JSON RESULTS_JSON DIALECT

Structure of GT-Vision-Lab vqa.py + vqaEval.py (as the MiniGPT-4 repository
ships them): json.load of the three files, question id -> annotation and
question dictionaries, then evaluate() question by question with the
answers as dicts, the unanimity gate, leave-one-out over annotators by dict
comparison, and the per-question-type / per-answer-type accumulators. The
normalisation itself (processPunctuation, processDigitArticle) is imported
from scripts/vqa_reference_score.py, the project's transcription of
scoring.md, so one copy of it exists. DIALECT "minigptv2" applies
eval_vqa.py's post-processing to the prediction and compares
case-insensitively, as that copy does. Prints {"overall": ..., "n": ...}.
"""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    'vqa_reference_score', os.path.join(HERE, '..', '..', 'scripts', 'vqa_reference_score.py'))
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)


def main():
    contractions_path, questions_path, annotations_path, results_path, dialect = sys.argv[1:6]
    contractions = json.load(open(contractions_path, encoding='utf-8'))
    dataset = json.load(open(annotations_path, encoding='utf-8'))
    questions = json.load(open(questions_path, encoding='utf-8'))
    qa = {ann['question_id']: ann for ann in dataset['annotations']}
    qqa = {ques['question_id']: ques for ques in questions['questions']}
    results = json.load(open(results_path, encoding='utf-8'))
    res = {}
    for entry in results:
        assert entry['question_id'] in qqa, 'result for a question not in the question file'
        res[entry['question_id']] = entry
    assert set(res) == set(qa), 'results do not cover every annotated question'

    acc_qa, acc_ques_type, acc_ans_type = [], {}, {}
    for ques_id in qqa:
        gts = qa[ques_id]
        res_ans = res[ques_id]['answer']
        if dialect == 'minigptv2':
            res_ans = res_ans.lower().replace('<unk>', '').strip()
        for ans_dic in gts['answers']:
            ans_dic['answer'] = ans_dic['answer'].replace('\n', ' ').replace('\t', ' ').strip()
        res_ans = res_ans.replace('\n', ' ').replace('\t', ' ').strip()
        gt_answers = [ans['answer'] for ans in gts['answers']]
        if len(set(gt_answers)) > 1:
            for ans_dic in gts['answers']:
                ans_dic['answer'] = reference.process_digit_article(
                    reference.process_punctuation(ans_dic['answer']), contractions)
            res_ans = reference.process_digit_article(reference.process_punctuation(res_ans), contractions)
        gt_acc = []
        for gt_datum in gts['answers']:
            others = [item for item in gts['answers'] if item != gt_datum]
            if dialect == 'minigptv2':
                matching = [item for item in others if item['answer'].lower() == res_ans.lower()]
            else:
                matching = [item for item in others if item['answer'] == res_ans]
            gt_acc.append(min(1, float(len(matching)) / 3))
        avg = float(sum(gt_acc)) / len(gt_acc)
        acc_qa.append(avg)
        acc_ques_type.setdefault(gts['question_type'], []).append(avg)
        acc_ans_type.setdefault(gts['answer_type'], []).append(avg)
    overall = round(100 * float(sum(acc_qa)) / len(acc_qa), 2)
    per_type = {t: round(100 * float(sum(v)) / len(v), 2) for t, v in acc_ans_type.items()}
    json.dump({'overall': overall, 'n': len(acc_qa), 'answer_type': per_type}, sys.stdout)
    print()


if __name__ == '__main__':
    main()
