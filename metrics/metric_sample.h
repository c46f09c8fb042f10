// Plain-value inputs and outputs of every scorer in metrics/. The harness
// turns a benchmark sample plus its prediction into one MetricSample; a
// metric reads only the reference fields its header names and ignores the
// rest. No file I/O happens here: tables a metric needs beyond the samples
// arrive through ScoringOptions::resources.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vleval {

// A box in pixel coordinates of the original image: corners (x1, y1) and
// (x2, y2), top-left origin, continuous coordinates (right edge = x + w).
struct PixelBox {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
};

// IconVQA: what the minigptv2 ranking rule (iconvqa_choice.h) needs beyond
// the summed NLLs. Empty in predictions that predate it.
struct ChoiceScoringDetail {
  std::vector<int> tokens;  // per choice: answer tokens scored (the choice's ids + EOS)
  // Per piece of the "_"-split of the "_"-joined choices, only when that
  // split differs from the choices (a choice contains "_"): summed NLL and
  // tokens, as for the choices.
  std::vector<double> split_nll;
  std::vector<int> split_tokens;
  // Positions of the context the answers follow: the added and the literal
  // BOS, the prompt's text ids and the image embedding positions.
  std::optional<int> prompt_positions;
  std::optional<int> padding_tokens;  // tokens of the padding candidate "none" + EOS

  bool empty() const { return tokens.empty() && !prompt_positions && !padding_tokens; }
};

// One scored sample: the model's output and the references for it.
struct MetricSample {
  std::string id;      // sample id as text, for per-sample output and messages
  std::string output;  // the model's decoded text, as generated

  // VQA family (vqa_accuracy, vizwiz_accuracy): the annotators' answers in
  // annotation order (10 for VQA v2 / OK-VQA / VizWiz). GQA: one entry, the
  // gold answer.
  std::vector<std::string> answers;
  std::string question_type;  // VQA breakdown key; empty = not reported
  std::string answer_type;    // VQA / VizWiz breakdown key; empty = not reported

  // Binary / choice labels: VSR and HM 0 or 1; IconVQA the 0-based index of
  // the correct choice.
  int label = 0;
  std::optional<double> p_yes;  // HM: model probability of "yes"
  // VizWiz: the annotation's `answerable` flag (0/1, absent when the file has
  // none) and the model's first-token probability of "unanswerable".
  std::optional<int> answerable;
  std::optional<double> p_unanswerable;
  std::vector<double> candidates_nll;  // IconVQA: summed NLL per choice, lower = better
  std::vector<std::string> choices;    // IconVQA: the choices as the annotation lists them
  ChoiceScoringDetail choice_detail;   // IconVQA: lengths for the minigptv2 rule

  // REC: the referred object's box and the original image size in pixels.
  PixelBox box;
  double image_width = 0, image_height = 0;

  // CHAIR (metric `chair`): COCO category names of the image's instance
  // annotations and its reference captions (see metrics/chair/).
  std::vector<std::string> reference_objects;
  std::vector<std::string> reference_captions;
};

// How to score. Defaults reproduce the MiniGPT-v2 scripts.
struct ScoringOptions {
  // Worker threads for per-sample scoring; 0 = every core TBB offers. The
  // numbers never depend on this (totals are summed in sample order).
  int max_threads = 0;
  // REC output format (a name in BoxCodecRegistry(), see box_codec.h).
  std::string box_codec = "minigptv2";
  // Named tables a metric needs beyond the samples, as text (file contents,
  // not paths). Each metric header lists the names it reads.
  std::map<std::string, std::string> resources;
};

// What a metric returns.
struct MetricReport {
  // Flat metric keys as data_layout.md names them: `accuracy` (percent),
  // `acc@0.5`, `miou`, `parse_failures`, `auroc`, ...
  std::map<std::string, double> metrics;
  // Breakdowns, e.g. {"answer_type": {"yes/no": 81.2, ...}}; values in the
  // unit of `accuracy`.
  std::map<std::string, std::map<std::string, double>> breakdowns;
  // One score per input sample, in input order (the unit each metric
  // documents: VQA 0-100 rounded as the reference stores it, others 0/1).
  std::vector<double> per_sample;
  // Human-readable remarks about approximations or skipped parts.
  std::vector<std::string> notes;
};

}  // namespace vleval
