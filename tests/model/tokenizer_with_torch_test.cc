// Debian's libsentencepiece (protobuf 3.14) and libtorch (protobuf 3.21) crash
// when linked into one process. This executable links libtorch and loads the
// tokenizer through the dlopen'ed shim: it must start, tokenize and compute.
#include <fstream>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "model/tokenizer/sentencepiece_tokenizer.h"
#include "model/torch_runtime.h"
#include "tests/support/testing.h"

namespace vleval {
namespace {

TEST(TokenizerWithTorch, BothWorkInOneProcess) {
  testing::TempDir dir;
  const auto model = testing::MakeTinyTokenizer(dir.path());
  if (model.empty()) GTEST_SKIP() << "skipped: spm_train is not installed";

  const torch::Tensor before = torch::arange(6, torch::kFloat32).reshape({2, 3});
  auto tokenizer = SentencePieceTokenizer::Load(model);
  ASSERT_TRUE(tokenizer.ok()) << tokenizer.error().message;
  const std::vector<int32_t> ids = tokenizer->Encode("[refer] give me the location of the man");
  ASSERT_FALSE(ids.empty());

  const torch::Tensor id_tensor = torch::tensor(std::vector<int64_t>(ids.begin(), ids.end()));
  const torch::Tensor table = torch::eye(400);
  const torch::Tensor rows = table.index_select(0, id_tensor);
  EXPECT_EQ(rows.sum().item<float>(), static_cast<float>(ids.size()));
  EXPECT_EQ(torch::matmul(before, before.t()).sum().item<float>(), 83.0f);  // [[5,14],[14,50]]
  EXPECT_EQ(tokenizer->Decode(ids), "[refer] give me the location of the man");
}

TEST(TorchRuntime, ReportsTheLinkedVersion) {
  const TorchRuntime runtime = QueryTorchRuntime();
  EXPECT_FALSE(runtime.torch_version.empty());
  EXPECT_GE(runtime.intra_op_threads, 1);
}

}  // namespace
}  // namespace vleval
