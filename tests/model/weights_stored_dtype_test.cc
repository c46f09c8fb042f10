#include "model/weights/stored_dtype.h"

#include <gtest/gtest.h>

namespace vleval {
namespace {

TEST(StoredDtypeTest, SafetensorsNamesRoundTripWithTheirElementSizes) {
  EXPECT_EQ(DtypeFromSafetensorsName("BF16"), StoredDtype::kBF16);
  EXPECT_EQ(ElementSize(StoredDtype::kBF16), 2u);
  EXPECT_EQ(ElementSize(StoredDtype::kF32), 4u);
  EXPECT_EQ(ElementSize(StoredDtype::kI64), 8u);
  for (const char* name : {"F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL"}) {
    const auto dtype = DtypeFromSafetensorsName(name);
    ASSERT_TRUE(dtype.has_value()) << name;
    EXPECT_EQ(SafetensorsName(*dtype), name);
  }
  EXPECT_FALSE(DtypeFromSafetensorsName("F8_E5M2").has_value());
  EXPECT_FALSE(DtypeFromSafetensorsName("f32").has_value());
}

TEST(StoredDtypeTest, TorchStorageClassesMapToTheirDtypes) {
  EXPECT_EQ(DtypeFromTorchStorageClass("FloatStorage"), StoredDtype::kF32);
  EXPECT_EQ(DtypeFromTorchStorageClass("HalfStorage"), StoredDtype::kF16);
  EXPECT_EQ(DtypeFromTorchStorageClass("BFloat16Storage"), StoredDtype::kBF16);
  EXPECT_EQ(DtypeFromTorchStorageClass("LongStorage"), StoredDtype::kI64);
  EXPECT_FALSE(DtypeFromTorchStorageClass("ComplexFloatStorage").has_value());
}

}  // namespace
}  // namespace vleval
