#include "metrics/chair/chair_metric.h"

#include <gtest/gtest.h>

#include "metrics/metric_registry.h"
#include "tests/metrics/chair_test_tables.h"

namespace vleval::chair {
namespace {

MetricSample Sample(std::string id, std::string output, std::vector<std::string> objects,
                    std::vector<std::string> captions) {
  MetricSample sample;
  sample.id = std::move(id);
  sample.output = std::move(output);
  sample.reference_objects = std::move(objects);
  sample.reference_captions = std::move(captions);
  return sample;
}

std::vector<MetricSample> ThreeCaptions() {
  return {Sample("1", "A dog and a cat on a bench.", {"dog"}, {"A dog lies on a bench."}),
          Sample("2", "A bus on the street.", {"bus"}, {}),
          Sample("3", "Two buses and a toilet seat.", {"toilet"}, {"a bus parked"})};
}

TEST(ChairMetric, CountsMentionsHallucinationsRecallAndLen) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  auto report = ScoreChair(*tables, ThreeCaptions(), 0);
  ASSERT_TRUE(report.ok()) << report.error().message;
  // mentions: dog cat bench | - | bus toilet; hallucinated: cat, bus ("bus"
  // in the reference caption singularises to "bu").
  EXPECT_DOUBLE_EQ(report->metrics.at("chair_i"), 2.0 / 5 * 100.0);
  EXPECT_EQ(report->metrics.at("chair_i"), 2.0 / 5 * 100.0);
  EXPECT_EQ(report->metrics.at("chair_s"), 2.0 / 3 * 100.0);
  EXPECT_EQ(report->metrics.at("recall"), 3.0 / 4 * 100.0);
  EXPECT_EQ(report->metrics.at("len"), 21.0 / 3);
  EXPECT_EQ(report->per_sample, (std::vector<double>{1, 0, 1}));
}

TEST(ChairMetric, ResultDoesNotDependOnThreadCount) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  std::vector<MetricSample> samples;
  for (int copy = 0; copy < 200; ++copy) {
    for (MetricSample& sample : ThreeCaptions()) samples.push_back(std::move(sample));
  }
  auto one = ScoreChair(*tables, samples, 1);
  auto all = ScoreChair(*tables, samples, 0);
  ASSERT_TRUE(one.ok() && all.ok());
  EXPECT_EQ(one->metrics, all->metrics);
  EXPECT_EQ(one->per_sample, all->per_sample);
}

TEST(ChairMetric, PerfectAndEmptyCaptions) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  auto perfect = ScoreChair(*tables, {Sample("1", "a dog on a bench", {"dog", "bench"}, {})}, 0);
  ASSERT_TRUE(perfect.ok());
  EXPECT_EQ(perfect->metrics.at("chair_i"), 0.0);
  EXPECT_EQ(perfect->metrics.at("recall"), 100.0);
  auto empty = ScoreChair(*tables, {Sample("1", "", {"dog"}, {})}, 0);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->metrics.at("chair_s"), 0.0);
  EXPECT_EQ(empty->metrics.at("chair_i"), 0.0);
  EXPECT_EQ(empty->metrics.at("len"), 0.0);
  EXPECT_NE(empty->notes.front().find("divides by zero"), std::string::npos);
}

TEST(ChairMetric, UnknownReferenceObjectNamesTheSample) {
  VLEVAL_REQUIRE_CHAIR_TABLES(tables);
  auto report = ScoreChair(*tables, {Sample("42", "a dog", {"unicorn"}, {})}, 0);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message,
            "chair: sample 42: reference object 'unicorn' is not in the synonyms table");
}

TEST(ChairMetric, RegisteredAsChairAndReadsTablesFromResources) {
  auto resources = RealChairResources();
  VLEVAL_SKIP_UNLESS_EXISTS(ChairDataDir() / "synonyms.txt");
  ASSERT_TRUE(resources.has_value());
  ScoringOptions options;
  options.resources = *resources;
  auto report = Score("chair", Dialect::kMiniGptV2, ThreeCaptions(), options);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->metrics.at("recall"), 75.0);

  auto missing = Score("chair", Dialect::kOfficial, ThreeCaptions(), ScoringOptions{});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message,
            "chair: missing tables: chair_synonyms, punkt_abbrev_types, punkt_collocations, "
            "punkt_sent_starters, punkt_ortho_context");
}

}  // namespace
}  // namespace vleval::chair
