#include "model/weights/safetensors_layout.h"

#include <cstring>

#include <gtest/gtest.h>

namespace vleval {
namespace {

// A safetensors file: 8-byte little-endian header length, header, buffer.
std::string File(const std::string& header, std::size_t buffer_bytes) {
  std::string file(8, '\0');
  const std::uint64_t length = header.size();
  std::memcpy(file.data(), &length, 8);
  return file + header + std::string(buffer_bytes, '\x01');
}

constexpr const char* kTwoTensors =
    R"({"__metadata__":{"format":"pt"},"b":{"dtype":"BF16","shape":[2,3],"data_offsets":[8,20]},)"
    R"("a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";

TEST(SafetensorsLayoutTest, ParsesTensorsSortedByNameWithAbsoluteOffsetsAndMetadata) {
  const std::string header = kTwoTensors;
  auto layout = ParseSafetensorsLayout(File(header, 20), "m.safetensors");
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  ASSERT_EQ(layout->tensors.size(), 2u);
  EXPECT_EQ(layout->buffer_start, 8 + header.size());
  EXPECT_EQ(layout->tensors[0].name, "a");
  EXPECT_EQ(layout->tensors[0].dtype, StoredDtype::kF32);
  EXPECT_EQ(layout->tensors[0].begin, layout->buffer_start);
  EXPECT_EQ(layout->tensors[1].name, "b");
  EXPECT_EQ(layout->tensors[1].dtype, StoredDtype::kBF16);
  EXPECT_EQ(layout->tensors[1].shape, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(layout->tensors[1].end, layout->buffer_start + 20);
  EXPECT_EQ(layout->metadata.at("format"), "pt");
}

TEST(SafetensorsLayoutTest, AcceptsTrailingSpacePaddingAndEmptyAndScalarTensors) {
  const std::string header =
      R"({"e":{"dtype":"F16","shape":[0,4],"data_offsets":[0,0]},"s":{"dtype":"I64","shape":[],"data_offsets":[0,8]}}   )";
  auto layout = ParseSafetensorsLayout(File(header, 8), "m.safetensors");
  ASSERT_TRUE(layout.ok()) << layout.error().message;
  EXPECT_EQ(layout->tensors.size(), 2u);
}

TEST(SafetensorsLayoutTest, TruncatedBufferNamesFileAndTensor) {
  auto layout = ParseSafetensorsLayout(File(kTwoTensors, 12), "m.safetensors");
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("m.safetensors: tensor 'b'"), std::string::npos)
      << layout.error().message;
  EXPECT_NE(layout.error().message.find("truncated"), std::string::npos);
}

TEST(SafetensorsLayoutTest, HeaderLongerThanFileIsTruncation) {
  auto file = File(kTwoTensors, 20).substr(0, 30);
  auto layout = ParseSafetensorsLayout(file, "m.safetensors");
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("truncated"), std::string::npos) << layout.error().message;
}

TEST(SafetensorsLayoutTest, RejectsHeaderOverOneHundredMegabytes) {
  std::string file(16, '\0');
  const std::uint64_t length = kSafetensorsMaxHeaderBytes + 1;
  std::memcpy(file.data(), &length, 8);
  auto layout = ParseSafetensorsLayout(file, "big.safetensors");
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("100 MB"), std::string::npos) << layout.error().message;
}

TEST(SafetensorsLayoutTest, RejectsOffsetsThatDisagreeWithShapeAndDtype) {
  auto layout = ParseSafetensorsLayout(File(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8),
                                       "m.safetensors");
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("tensor 'w': data_offsets span 8 bytes but shape x F32 needs 12"),
            std::string::npos)
      << layout.error().message;
}

TEST(SafetensorsLayoutTest, RejectsUnknownDtypeNamingIt) {
  auto layout = ParseSafetensorsLayout(
      File(R"({"w":{"dtype":"F8_E4M3","shape":[1],"data_offsets":[0,1]}})", 1), "m.safetensors");
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("tensor 'w': unsupported dtype \"F8_E4M3\""), std::string::npos)
      << layout.error().message;
}

TEST(SafetensorsLayoutTest, RejectsDuplicateTensorNames) {
  auto layout = ParseSafetensorsLayout(
      File(
          R"({"w":{"dtype":"U8","shape":[1],"data_offsets":[0,1]},"w":{"dtype":"U8","shape":[1],"data_offsets":[1,2]}})",
          2),
      "m.safetensors");
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("tensor 'w' appears twice"), std::string::npos)
      << layout.error().message;
}

TEST(SafetensorsLayoutTest, RejectsHeaderThatIsNotAJsonObject) {
  EXPECT_FALSE(ParseSafetensorsLayout(File("[1,2]", 0), "m").ok());
  EXPECT_FALSE(ParseSafetensorsLayout(File("{\"w\":", 0), "m").ok());
  EXPECT_FALSE(ParseSafetensorsLayout("short", "m").ok());
}

TEST(SafetensorsLayoutTest, OverlappingByteRangesAreAnErrorNamingBothTensors) {
  const std::string header =
      R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})";
  auto layout = ParseSafetensorsLayout(File(header, 12), "m.safetensors");
  ASSERT_FALSE(layout.ok());
  EXPECT_NE(layout.error().message.find("m.safetensors: tensors 'a' and 'b' overlap"), std::string::npos)
      << layout.error().message;
}

}  // namespace
}  // namespace vleval
