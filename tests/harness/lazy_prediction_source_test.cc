// A resumed run whose every entry is finished never opens its prediction
// source (the model), and a lazy source opens once, on first use.
#include "harness/run/lazy_prediction_source.h"

#include <gtest/gtest.h>

#include "tests/harness/run_fake_backend.h"

namespace vleval {
namespace {

TEST(LazyPredictionSource, AResumeOfAFinishedRunDoesNotOpenTheSource) {
  testing::TempDir dir;
  const auto data = dir.path() / "data";
  ASSERT_TRUE(WriteMiniDataRoot(data).ok());
  RunRequest request;
  request.tasks = {"okvqa", "vsr"};
  request.data_root = data;
  const auto out = dir.path() / "run";
  testing::FakeBackend backend;
  ASSERT_TRUE(testing::RunWithFake(request, out, backend).finished);

  auto plan = PlanRun(testing::ShippedCatalog(), request);
  ASSERT_TRUE(plan.ok());
  int opens = 0;
  LazyPredictionSource source([&]() -> Result<OpenedBackend> {
    ++opens;
    return Error{"the model must not be loaded"};
  });
  RunSettings settings{out, testing::SourceDir() / "configs", {}, 0, {}, {}};
  RunProgress progress(std::cerr, ProgressStyle::kQuiet);
  auto outcome = ExecuteRun(testing::FakeDescription(request), *plan, source, settings, progress);
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  EXPECT_TRUE(outcome->finished);
  EXPECT_EQ(opens, 0);
  EXPECT_FALSE(source.opened());
}

TEST(LazyPredictionSource, OpensOnceOnFirstUseAndReportsAFailedOpen) {
  int opens = 0;
  LazyPredictionSource failing([&]() -> Result<OpenedBackend> {
    ++opens;
    return Error{"cannot load the model"};
  });
  EXPECT_FALSE(failing.needs_images());
  PlannedEntry entry;
  auto records = failing.Predict(entry, {});
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.error().message, "cannot load the model");
  EXPECT_EQ(opens, 1);

  testing::FakeBackend backend;
  LazyPredictionSource working([&]() -> Result<OpenedBackend> {
    ++opens;
    OpenedBackend opened;
    opened.source = std::make_unique<ModelPredictionSource>(backend);
    return opened;
  });
  EXPECT_FALSE(working.opened());
  EXPECT_TRUE(working.needs_images());
  EXPECT_TRUE(working.needs_images());
  EXPECT_EQ(opens, 2);
}

}  // namespace
}  // namespace vleval
