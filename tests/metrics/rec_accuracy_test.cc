#include "metrics/rec_accuracy.h"

#include <cmath>
#include <cstdio>

#include <gtest/gtest.h>

#include "core/json_file.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

MetricSample Expression(std::string output, PixelBox box = {0, 0, 99, 99}) {
  MetricSample sample;
  sample.id = "0";
  sample.output = std::move(output);
  sample.box = box;
  sample.image_width = 100;
  sample.image_height = 100;
  return sample;
}

TEST(RecPasses, MiniGptV2IsStrictAndOfficialInclusive) {
  EXPECT_FALSE(RecPasses(0.5, 0.5, Dialect::kMiniGptV2));
  EXPECT_TRUE(RecPasses(0.5, 0.5, Dialect::kOfficial));
  EXPECT_FALSE(RecPasses(std::nullopt, 0.0, Dialect::kOfficial));
}

TEST(RecAccuracyMetric, DenominatorIsEveryExpressionAndFailuresAreCounted) {
  const std::vector<MetricSample> samples = {
      Expression("{<0><0><99><99>}"),    // exact box: hit
      Expression("{<0><0><99><99>} 7"),  // 5 integers: parse failure
      Expression("I cannot see it"),     // not a box: parse failure
      Expression("{<50><0><99><99>}"),   // IoU 50*100 / 100*100 = 0.5: strict miss
  };
  auto report = RecAccuracyMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->metrics.at("acc@0.5"), 25.0);
  EXPECT_EQ(report->metrics.at("acc@0.3"), 50.0);
  EXPECT_EQ(report->metrics.at("parse_failures"), 2.0);
  EXPECT_EQ(report->metrics.at("miou"), (1.0 + 0.0 + 0.0 + 0.5) / 4.0 * 100.0);
  EXPECT_EQ(report->per_sample, (std::vector<double>{1, 0, 0, 0}));
}

TEST(RecAccuracyMetric, UnknownCodecAndMissingImageSizeAreErrors) {
  ScoringOptions options;
  options.box_codec = "nope";
  EXPECT_FALSE(RecAccuracyMetric().score(Dialect::kMiniGptV2, {Expression("x")}, options).ok());
  MetricSample no_size = Expression("x");
  no_size.image_width = 0;
  no_size.id = "17";
  auto report = RecAccuracyMetric().score(Dialect::kMiniGptV2, {no_size}, {});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().message, "rec_accuracy: sample 17 has no positive image size");
}

// The real MiniGPT-v2 evaluation file, one sample per expression.
std::vector<MetricSample> RealRefcocoSamples(const std::string& file) {
  std::vector<MetricSample> samples;
  auto rows = ReadJsonFile(testing::SharedDataDir() / "refcoco" / file);
  EXPECT_TRUE(rows.ok());
  if (!rows.ok()) return samples;
  for (const auto& row : *rows) {
    MetricSample sample;
    sample.id = std::to_string(samples.size());
    const auto& b = row.at("bbox");
    sample.box = {b[0].get<double>(), b[1].get<double>(), b[0].get<double>() + b[2].get<double>(),
                  b[1].get<double>() + b[3].get<double>()};
    sample.image_width = row.at("width").get<double>();
    sample.image_height = row.at("height").get<double>();
    samples.push_back(sample);
  }
  return samples;
}

TEST(RecAccuracyMetric, RealRefcocoValPerfectIs100EmptyIs0) {
  VLEVAL_SKIP_UNLESS_EXISTS(testing::SharedDataDir() / "refcoco" / "refcoco_val.json");
  auto samples = RealRefcocoSamples("refcoco_val.json");
  ASSERT_EQ(samples.size(), 10834u);
  ScoringOptions floats;
  floats.box_codec = "unit_floats";
  for (auto& s : samples) {
    char text[200];  // fixed notation: the codec, like lmms-eval, reads no exponents
    std::snprintf(text, sizeof text, "[%.20f, %.20f, %.20f, %.20f]", s.box.x1 / s.image_width,
                  s.box.y1 / s.image_height, s.box.x2 / s.image_width, s.box.y2 / s.image_height);
    s.output = text;
  }
  for (Dialect dialect : {Dialect::kMiniGptV2, Dialect::kOfficial}) {
    auto report = RecAccuracyMetric().score(dialect, samples, floats);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->metrics.at("acc@0.5"), 100.0);
    EXPECT_EQ(report->metrics.at("acc@0.9"), 100.0);
    EXPECT_NEAR(report->metrics.at("miou"), 100.0, 1e-9);
    EXPECT_EQ(report->metrics.at("parse_failures"), 0.0);
  }
  for (auto& s : samples) s.output = "";
  auto empty = RecAccuracyMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->metrics.at("acc@0.5"), 0.0);
  EXPECT_EQ(empty->metrics.at("miou"), 0.0);
  EXPECT_EQ(empty->metrics.at("parse_failures"), 10834.0);
}

TEST(RecAccuracyMetric, RealRefcocoTestBGridQuantisedTargetsMostlyHitAndAreThreadIndependent) {
  VLEVAL_SKIP_UNLESS_EXISTS(testing::SharedDataDir() / "refcoco" / "refcoco_testB.json");
  auto samples = RealRefcocoSamples("refcoco_testB.json");
  ASSERT_EQ(samples.size(), 5095u);
  for (auto& s : samples) {  // the training target: floor(coord / size * 100)
    auto grid = [](double v, double size) { return static_cast<int>(std::floor(v / size * 100)); };
    s.output = "{<" + std::to_string(grid(s.box.x1, s.image_width)) + "><" +
               std::to_string(grid(s.box.y1, s.image_height)) + "><" +
               std::to_string(grid(s.box.x2, s.image_width)) + "><" +
               std::to_string(grid(s.box.y2, s.image_height)) + ">}";
  }
  ScoringOptions one_thread;
  one_thread.max_threads = 1;
  auto serial = RecAccuracyMetric().score(Dialect::kMiniGptV2, samples, one_thread);
  auto parallel = RecAccuracyMetric().score(Dialect::kMiniGptV2, samples, {});
  ASSERT_TRUE(serial.ok() && parallel.ok());
  EXPECT_EQ(serial->metrics, parallel->metrics);
  EXPECT_EQ(serial->per_sample, parallel->per_sample);
  EXPECT_GT(serial->metrics.at("acc@0.5"), 99.0);
  EXPECT_EQ(serial->metrics.at("parse_failures"), 0.0);
}

}  // namespace
}  // namespace vleval
