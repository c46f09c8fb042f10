// The backend registry: names, declared options, capability checks and the
// MiniGPT-v2 entry's description, all without loading a model or libtorch.
#include "model/backend_registry.h"

#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(BackendRegistry, KnowsMiniGptV2AsTheDefaultAndListsNamesForAnUnknownOne) {
  EXPECT_TRUE(Backends().Contains(DefaultBackendName()));
  EXPECT_EQ(DefaultBackendName(), "minigptv2");
  auto unknown = Backends().Find("minigpt");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("minigptv2"), std::string::npos) << unknown.error().message;
}

TEST(BackendRegistry, EveryEntryHasASummaryUniqueOptionsAndTheRequiredHooks) {
  for (const std::string& name : Backends().Names()) {
    const BackendEntry& entry = **Backends().Find(name);
    EXPECT_FALSE(entry.summary.empty()) << name;
    EXPECT_TRUE(entry.describe && entry.capabilities && entry.open) << name;
    std::set<std::string> seen;
    for (const BackendOptionSpec& option : entry.options) {
      EXPECT_TRUE(seen.insert(option.name).second) << name << ": --" << option.name << " declared twice";
      EXPECT_FALSE(option.help.empty()) << name << ": --" << option.name;
      EXPECT_NE(option.name, kModelConfigSetting) << name << ": model-config is the harness's";
    }
  }
}

TEST(BackendRegistry, CapabilityCheckNamesTheTaskTheBackendAndTheMissingCapability) {
  const BackendCapabilities generate_only{true, false, false};
  EXPECT_TRUE(CheckCapabilities(generate_only, RequestKind::kGenerate, "okvqa", "served").ok());
  const Status hm = CheckCapabilities(generate_only, RequestKind::kGenerateWithFirstToken, "hm", "served");
  ASSERT_FALSE(hm.ok());
  EXPECT_EQ(hm.message(),
            "task hm needs first-token probabilities (generate-with-first-token requests), which backend "
            "served does not offer");
  const Status icon = CheckCapabilities(generate_only, RequestKind::kScoreCandidates, "iconvqa");
  ASSERT_FALSE(icon.ok());
  EXPECT_EQ(
      icon.message(),
      "task iconvqa needs candidate scoring (score-candidates requests), which this backend does not offer");
  const Status nothing = CheckCapabilities({false, true, true}, RequestKind::kGenerate, "vsr", "x");
  ASSERT_FALSE(nothing.ok());
  EXPECT_NE(nothing.message().find("task vsr needs generation"), std::string::npos) << nothing.message();
  EXPECT_TRUE(CheckCapabilities({true, true, true}, RequestKind::kScoreCandidates, "iconvqa").ok());
}

TEST(BackendRegistry, MiniGptV2CapabilitiesAreKnownBeforeLoading) {
  const BackendEntry& entry = **Backends().Find("minigptv2");
  auto capabilities = entry.capabilities({});
  ASSERT_TRUE(capabilities.ok());
  EXPECT_TRUE(capabilities->generate && capabilities->score_candidates &&
              capabilities->first_token_probabilities);
}

TEST(BackendRegistry, MiniGptV2DescribesItsFilesDeviceAndDtypeWithoutLoading) {
  testing::TempDir dir;
  const auto llama = dir.path() / "llama";
  std::filesystem::create_directories(llama);
  std::ofstream(llama / "config.json") << "{}";
  std::ofstream(dir.path() / "vit.pth") << "vit";
  std::ofstream(dir.path() / "ckpt.pth") << "ckpt";
  const BackendEntry& entry = **Backends().Find("minigptv2");
  const DigestCache no_cache{std::filesystem::path()};
  BackendSettings settings{{"llama", llama.string()},
                           {"vit", (dir.path() / "vit.pth").string()},
                           {"checkpoint", (dir.path() / "ckpt.pth").string()},
                           {"converted", ""},
                           {"device", "cpu"},
                           {"dtype", ""}};
  auto described = entry.describe(settings, no_cache);
  ASSERT_TRUE(described.ok()) << described.error().message;
  EXPECT_EQ((*described)["device"], "cpu");
  EXPECT_EQ((*described)["dtype"], "float32");
  EXPECT_EQ((*described)["files"]["vit"]["name"], "vit.pth");
  EXPECT_EQ((*described)["files"]["checkpoint"]["sha256"].get<std::string>().size(), 64u);
  EXPECT_FALSE(described->contains("backend"));  // the harness adds the name

  settings["checkpoint"] = "";
  auto missing = entry.describe(settings, no_cache);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message, "--checkpoint is required for the minigptv2 backend");
  auto opened = entry.open(settings);  // fails before the plug-in is loaded
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().message, "--checkpoint is required for the minigptv2 backend");
}

}  // namespace
}  // namespace vleval
