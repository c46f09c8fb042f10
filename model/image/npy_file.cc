#include "model/image/npy_file.h"

#include <bit>
#include <fstream>

namespace vleval::image {
namespace {

Status WriteArray(const std::filesystem::path& path, const std::string& header, const void* data,
                  std::size_t bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error{"cannot create " + path.string()};
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(bytes));
  out.close();
  if (!out) return Error{"cannot write " + path.string()};
  return {};
}

}  // namespace

std::string NpyHeader(const std::string& descr, const std::string& shape) {
  std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
  constexpr std::size_t kPrefix = 10;  // magic (6) + version (2) + header length (2)
  constexpr std::size_t kAlignment = 64;
  const std::size_t unpadded = kPrefix + dict.size() + 1;  // + '\n'
  dict.append((kAlignment - unpadded % kAlignment) % kAlignment, ' ');
  dict += '\n';
  std::string header = "\x93NUMPY";
  header += '\x01';
  header += '\x00';
  header += static_cast<char>(dict.size() & 0xFF);
  header += static_cast<char>(dict.size() >> 8);
  return header + dict;
}

Status WriteNpy(const std::filesystem::path& path, const RgbImage& image) {
  const std::string shape = "(" + std::to_string(image.height) + ", " + std::to_string(image.width) + ", 3)";
  return WriteArray(path, NpyHeader("|u1", shape), image.pixels.data(), image.pixels.size());
}

Status WriteNpy(const std::filesystem::path& path, const ChwFloatImage& image) {
  static_assert(std::endian::native == std::endian::little, "the .npy writer assumes a little-endian host");
  const std::string shape = "(3, " + std::to_string(image.height) + ", " + std::to_string(image.width) + ")";
  return WriteArray(path, NpyHeader("<f4", shape), image.values.data(), image.values.size() * sizeof(float));
}

}  // namespace vleval::image
