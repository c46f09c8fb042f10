#include "tests/image/test_images.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include <jpeglib.h>
#include <png.h>

namespace vleval::image::testing {

std::string WritePng(const std::filesystem::path& path, int width, int height, int color_type, int bit_depth,
                     const std::vector<int>& samples, const std::vector<std::uint8_t>& palette) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) throw std::runtime_error("cannot create " + path.string());
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  png_init_io(png, file);
  png_set_IHDR(png, info, width, height, bit_depth, color_type, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  std::vector<png_color> entries;
  for (std::size_t i = 0; i + 2 < palette.size(); i += 3)
    entries.push_back({palette[i], palette[i + 1], palette[i + 2]});
  if (!entries.empty()) png_set_PLTE(png, info, entries.data(), static_cast<int>(entries.size()));
  png_write_info(png, info);
  const int channels = static_cast<int>(png_get_channels(png, info));
  const int values_per_row = width * channels;
  for (int y = 0; y < height; ++y) {
    std::vector<std::uint8_t> row;
    int bits = 0, pending = 0;
    for (int i = 0; i < values_per_row; ++i) {
      const int value = samples[static_cast<std::size_t>(y) * values_per_row + i];
      if (bit_depth == 16) {
        row.push_back(static_cast<std::uint8_t>(value >> 8));
        row.push_back(static_cast<std::uint8_t>(value & 0xFF));
      } else {
        pending = (pending << bit_depth) | value;
        bits += bit_depth;
        if (bits == 8) {
          row.push_back(static_cast<std::uint8_t>(pending));
          bits = 0;
          pending = 0;
        }
      }
    }
    if (bits > 0) row.push_back(static_cast<std::uint8_t>(pending << (8 - bits)));
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(file);
  const auto bytes = ReadBytes(path);
  return {bytes.begin(), bytes.end()};
}

void WriteRgbPng(const std::filesystem::path& path, const RgbImage& image) {
  WritePng(path, image.width, image.height, PNG_COLOR_TYPE_RGB, 8,
           std::vector<int>(image.pixels.begin(), image.pixels.end()));
}

std::vector<std::uint8_t> EncodeJpeg(const RgbImage& image, bool progressive) {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr errors;
  cinfo.err = jpeg_std_error(&errors);  // test images are valid: errors exit
  jpeg_create_compress(&cinfo);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&cinfo, &buffer, &size);
  cinfo.image_width = static_cast<JDIMENSION>(image.width);
  cinfo.image_height = static_cast<JDIMENSION>(image.height);
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, 90, TRUE);
  if (progressive) jpeg_simple_progression(&cinfo);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = const_cast<std::uint8_t*>(image.Row(static_cast<int>(cinfo.next_scanline)));
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  std::vector<std::uint8_t> bytes(buffer, buffer + size);
  std::free(buffer);
  return bytes;
}

RgbImage PatternImage(int width, int height) {
  RgbImage image = RgbImage::Blank(width, height);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint8_t* pixel = image.Row(y) + x * 3;
      pixel[0] = static_cast<std::uint8_t>(x * 7 + y);
      pixel[1] = static_cast<std::uint8_t>(y * 5 + x);
      pixel[2] = static_cast<std::uint8_t>(x ^ y);
    }
  }
  return image;
}

std::vector<std::uint8_t> ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace vleval::image::testing
