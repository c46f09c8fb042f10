#!/usr/bin/python3
"""Reference of MiniGPT-v2's IconVQA ranking (eval_vqa.py + minigpt_base.multi_select),
written from the description in issue 16 and ../shared/spec/minigptv2_protocol.md §2.3,
to check vleval's C++ port (metrics/iconvqa_choice.cc) on crafted inputs.

Input (stdin), JSON:
  {"samples": [{"choices": [str], "answer": int, "prompt_positions": int,
                "scores": {candidate text: [summed NLL, answer tokens]}}]}
  `scores` holds every candidate the scripts score for the sample (the "_"-split
  pieces) and the padding candidate "none". prompt_positions counts both BOS,
  the prompt's text ids and the image positions, as vleval records it.
Output (stdout), JSON: {"top": [int per sample], "correct": [0/1], "accuracy": float}.
"""
import json
import sys

BATCH = 10
PAD = "none"
PADDED_LOSS = 9999


def rank_batch(batch):
    # eval_vqa.py: candidates = '_'.join(choices) in the dataset, split('_') in the loop.
    candidates = ["_".join(s["choices"]).split("_") for s in batch]
    num_cand = [len(c) for c in candidates]
    for c in candidates:
        c.extend([PAD] * (max(num_cand) - len(c)))
    columns = [list(x) for x in zip(*candidates)]
    # The pass prepends one BOS to [prompt_wrap embeds]; vleval's prompt_positions
    # already holds that BOS, so the prompt_wrap length is prompt_positions - 1.
    input_len = [s["prompt_positions"] - 1 for s in batch]
    losses = [[] for _ in batch]
    for column in columns:
        answer_len = [s["scores"][text][1] for s, text in zip(batch, column)]
        # T = 1 (BOS) + max input + max answer; the loss is the mean over the
        # T - 1 shifted positions, ignored ones counting 0.
        t = 1 + max(input_len) + max(answer_len)
        for i, (s, text) in enumerate(zip(batch, column)):
            per_position = [0.0] * (t - 1)
            per_position[input_len[i]] = s["scores"][text][0]  # the answer's summed NLL
            losses[i].append(sum(per_position) / len(per_position))
    for i, n in enumerate(num_cand):
        for c in range(n, len(losses[i])):
            losses[i][c] = PADDED_LOSS
    # argsort ascending; a stable sort puts ties in index order.
    return [sorted(range(len(row)), key=lambda c: row[c])[0] for row in losses]


def main():
    samples = json.load(sys.stdin)["samples"]
    top = []
    for begin in range(0, len(samples), BATCH):
        top.extend(rank_batch(samples[begin:begin + BATCH]))
    correct = [int(t == s["answer"]) for t, s in zip(top, samples)]
    json.dump({"top": top, "correct": correct, "accuracy": sum(correct) / len(samples) * 100}, sys.stdout)


if __name__ == "__main__":
    main()
