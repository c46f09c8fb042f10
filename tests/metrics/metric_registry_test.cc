#include "metrics/metric_registry.h"

#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(MetricRegistry, HoldsEveryMetricNamedByTheShippedTaskConfigs) {
  std::set<std::string> needed;
  for (const auto& entry : std::filesystem::directory_iterator(testing::SourceDir() / "configs" / "tasks")) {
    auto json = ReadJsonFile(entry.path());
    ASSERT_TRUE(json.ok()) << json.error().message;
    if (json->contains("metric")) needed.insert(json->at("metric").get<std::string>());
  }
  ASSERT_FALSE(needed.empty());
  for (const std::string& metric : needed) {
    EXPECT_TRUE(MetricRegistry().Contains(metric)) << metric;
  }
}

TEST(Score, UnknownMetricListsTheClosestNames) {
  MetricSample sample;
  auto report = Score("vqa_acuracy", Dialect::kOfficial, {sample});
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("vqa_accuracy"), std::string::npos);
}

TEST(Score, NoSamplesIsAnError) {
  auto report = Score("vsr_accuracy", Dialect::kMiniGptV2, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message, "metric vsr_accuracy: no samples to score");
}

// 20,000 VQA questions: the same bits on 1 thread and on all threads.
TEST(Score, VqaResultsDoNotDependOnTheThreadCount) {
  std::vector<MetricSample> samples(20000);
  for (size_t i = 0; i < samples.size(); ++i) {
    samples[i].id = std::to_string(i);
    samples[i].answers.assign(10, "cat");
    for (size_t j = 0; j < i % 5; ++j) samples[i].answers[(i + 3 * j) % 10] = "Two dogs";
    samples[i].output = i % 2 ? "2 dogs" : "cat";
    samples[i].answer_type = i % 3 ? "other" : "number";
  }
  ScoringOptions serial;
  serial.max_threads = 1;
  auto one = Score("vqa_accuracy", Dialect::kOfficial, samples, serial);
  auto all = Score("vqa_accuracy", Dialect::kOfficial, samples);
  ASSERT_TRUE(one.ok() && all.ok());
  EXPECT_EQ(one->metrics, all->metrics);
  EXPECT_EQ(one->breakdowns, all->breakdowns);
  EXPECT_EQ(one->per_sample, all->per_sample);
}

}  // namespace
}  // namespace vleval
