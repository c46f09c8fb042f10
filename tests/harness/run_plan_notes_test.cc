// PlanRun's notes: what does not stop a run but is printed at its start
// (an identifier the model config does not list, the loaders' warnings).
#include <gtest/gtest.h>

#include "tests/harness/run_fake_backend.h"

namespace vleval {
namespace {

// The notes of every entry that mention `text`.
std::vector<std::string> NotesWith(const std::vector<PlannedEntry>& plan, const std::string& text) {
  std::vector<std::string> found;
  for (const auto& entry : plan) {
    for (const auto& note : entry.notes) {
      if (note.find(text) != std::string::npos) found.push_back(note);
    }
  }
  return found;
}

class RunPlanNotes : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(WriteMiniDataRoot(data_).ok()); }
  Result<std::vector<PlannedEntry>> Plan(const std::string& identifier) {
    RunRequest request = testing::MiniRequest(data_);
    request.tasks = {"okvqa", "refcoco_val"};
    request.identifier = identifier;
    return PlanRun(testing::ShippedCatalog(), request);
  }
  testing::TempDir dir_;
  std::filesystem::path data_ = dir_.path() / "data";
};

TEST_F(RunPlanNotes, AnIdentifierTheModelConfigDoesNotListIsNotedPerEntry) {
  auto plan = Plan("[affect]");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  const auto notes = NotesWith(*plan, "does not list the identifier");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(
      notes[0],
      "entry 'okvqa@[affect]': model config 'minigptv2-7b' does not list the identifier [affect] (it lists "
      "[vqa] [refer] [caption] [grounding] [identify] [detection]); the prompts carry it as given");
  EXPECT_NE(notes[1].find("entry 'refcoco_val@[affect]'"), std::string::npos) << notes[1];
}

TEST_F(RunPlanNotes, ListedMissingOrRemovedIdentifiersAreNotNoted) {
  for (const std::string identifier : {"", "default", "none", "[refer]"}) {
    auto plan = Plan(identifier);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_TRUE(NotesWith(*plan, "identifier").empty()) << identifier;
  }
}

TEST_F(RunPlanNotes, TheLoadersCountWarningsAreNotes) {
  auto plan = Plan("");
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  // The mini data root holds 3 samples where OK-VQA publishes 5,046.
  EXPECT_EQ(NotesWith(*plan, "the published count is 5046").size(), 1u);
}

}  // namespace
}  // namespace vleval
