#include "metrics/chair/chair_metric.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "metrics/chair/punkt_parameters.h"
#include "metrics/parallel_scoring.h"

namespace vleval::chair {
namespace {

struct CaptionCounts {
  std::optional<Error> error;
  long mentions = 0;
  long hallucinated = 0;
  long gt_objects = 0;
  long recalled = 0;
  long raw_words = 0;
};

CaptionCounts CountCaption(const ChairTables& tables, const MetricSample& sample) {
  CaptionCounts counts;
  std::set<std::string> ground_truth;
  const auto& inverse = tables.vocabulary.inverse_synonyms;
  for (const std::string& name : sample.reference_objects) {
    auto node = inverse.find(name);
    if (node == inverse.end()) {
      counts.error = Error{"chair: sample " + sample.id + ": reference object '" + name +
                           "' is not in the synonyms table"};
      return counts;
    }
    ground_truth.insert(node->second);
  }
  for (const std::string& caption : sample.reference_captions) {
    for (std::string& node : CaptionToWords(caption, tables).node_words) {
      ground_truth.insert(std::move(node));
    }
  }
  const ChairCaptionWords words = CaptionToWords(sample.output, tables);
  counts.mentions = static_cast<long>(words.node_words.size());
  counts.raw_words = static_cast<long>(words.raw_words.size());
  counts.gt_objects = static_cast<long>(ground_truth.size());
  std::set<std::string> mentioned;
  for (const std::string& node : words.node_words) {
    if (!ground_truth.count(node)) ++counts.hallucinated;
    mentioned.insert(node);
  }
  for (const std::string& node : mentioned) counts.recalled += ground_truth.count(node);
  return counts;
}

double Percent(long part, long whole) { return static_cast<double>(part) / whole * 100.0; }

std::string Resource(const std::map<std::string, std::string>& resources, const std::string& key,
                     std::string& missing) {
  auto it = resources.find(key);
  if (it != resources.end()) return it->second;
  missing += (missing.empty() ? "" : ", ") + key;
  return {};
}

}  // namespace

Result<ChairTables> ChairTablesFromResources(const std::map<std::string, std::string>& resources) {
  std::string missing;
  const std::string synonyms = Resource(resources, "chair_synonyms", missing);
  const std::string abbrev = Resource(resources, "punkt_abbrev_types", missing);
  const std::string collocations = Resource(resources, "punkt_collocations", missing);
  const std::string starters = Resource(resources, "punkt_sent_starters", missing);
  const std::string ortho = Resource(resources, "punkt_ortho_context", missing);
  if (!missing.empty()) return Error{"chair: missing tables: " + missing};
  auto vocabulary = ParseChairSynonyms(synonyms);
  if (!vocabulary.ok()) return vocabulary.error();
  auto punkt = ParsePunktParameters(abbrev, collocations, starters, ortho);
  if (!punkt.ok()) return punkt.error();
  return ChairTables{std::move(*punkt), std::move(*vocabulary)};
}

Result<MetricReport> ScoreChair(const ChairTables& tables, const std::vector<MetricSample>& samples,
                                int max_threads) {
  const auto per_caption = ScoreEachSample<CaptionCounts>(
      samples.size(), max_threads, [&](size_t i) { return CountCaption(tables, samples[i]); });
  CaptionCounts total;
  long hallucinated_captions = 0;
  MetricReport report;
  for (const CaptionCounts& counts : per_caption) {
    if (counts.error) return *counts.error;
    total.mentions += counts.mentions;
    total.hallucinated += counts.hallucinated;
    total.gt_objects += counts.gt_objects;
    total.recalled += counts.recalled;
    total.raw_words += counts.raw_words;
    hallucinated_captions += counts.hallucinated > 0 ? 1 : 0;
    report.per_sample.push_back(counts.hallucinated > 0 ? 1.0 : 0.0);
  }
  const long n = static_cast<long>(samples.size());
  auto& m = report.metrics;
  m["chair_s"] = n > 0 ? Percent(hallucinated_captions, n) : 0.0;
  m["len"] = n > 0 ? static_cast<double>(total.raw_words) / n : 0.0;
  m["chair_i"] = total.mentions > 0 ? Percent(total.hallucinated, total.mentions) : 0.0;
  m["recall"] = total.gt_objects > 0 ? Percent(total.recalled, total.gt_objects) : 0.0;
  if (total.mentions == 0) {
    report.notes.push_back(
        "chair_i: no object mentioned in any caption; the reference divides by zero, reported 0");
  }
  if (total.gt_objects == 0) {
    report.notes.push_back(
        "recall: no ground-truth object for any image; the reference divides by zero, reported 0");
  }
  report.notes.push_back("chair: original variant (nltk 3.8.1 word_tokenize + pattern singularize)");
  return report;
}

}  // namespace vleval::chair

namespace vleval {

MetricEntry ChairMetric() {
  return MetricEntry{"CHAIR_i / CHAIR_s / Recall / Len, original variant (pattern singularize)",
                     [](Dialect, const std::vector<MetricSample>& samples,
                        const ScoringOptions& options) -> Result<MetricReport> {
                       auto tables = chair::ChairTablesFromResources(options.resources);
                       if (!tables.ok()) return tables.error();
                       return chair::ScoreChair(*tables, samples, options.max_threads);
                     }};
}

}  // namespace vleval
