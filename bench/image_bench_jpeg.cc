#include "bench/image_bench_jpeg.h"

#include <cmath>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <string>

#include <jpeglib.h>

namespace vleval::bench {
namespace {

constexpr int kWidth = 640;
constexpr int kHeight = 480;

// Smooth gradients with noise: roughly the entropy of a photograph.
std::vector<unsigned char> Picture(int seed) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> noise(-24, 24);
  std::vector<unsigned char> rgb(kWidth * kHeight * 3);
  for (int y = 0; y < kHeight; ++y) {
    for (int x = 0; x < kWidth; ++x) {
      const double base[3] = {127 + 110 * std::sin(x * 0.02 + seed), 127 + 110 * std::cos(y * 0.03 + seed),
                              static_cast<double>((x + 2 * y + seed * 13) % 256)};
      for (int c = 0; c < 3; ++c) {
        const int value = static_cast<int>(base[c]) + noise(random);
        rgb[(y * kWidth + x) * 3 + c] =
            static_cast<unsigned char>(value < 0 ? 0 : (value > 255 ? 255 : value));
      }
    }
  }
  return rgb;
}

void WriteJpeg(const std::filesystem::path& path, const std::vector<unsigned char>& rgb) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot create " + path.string());
  jpeg_compress_struct cinfo;
  jpeg_error_mgr errors;
  cinfo.err = jpeg_std_error(&errors);
  jpeg_create_compress(&cinfo);
  jpeg_stdio_dest(&cinfo, file);
  cinfo.image_width = kWidth;
  cinfo.image_height = kHeight;
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 90, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = const_cast<unsigned char*>(&rgb[cinfo.next_scanline * kWidth * 3]);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::fclose(file);
}

}  // namespace

std::vector<std::filesystem::path> WriteBenchJpegs(const std::filesystem::path& dir, int count) {
  std::vector<std::filesystem::path> paths;
  for (int i = 0; i < count; ++i) {
    paths.push_back(dir / ("photo" + std::to_string(i) + ".jpg"));
    WriteJpeg(paths.back(), Picture(i));
  }
  return paths;
}

}  // namespace vleval::bench
