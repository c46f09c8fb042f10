#include "benchmarks/image_writer.h"

#include <cstdio>
#include <memory>

#include <jpeglib.h>
#include <png.h>

namespace vleval {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

Result<File> OpenForWriting(const std::filesystem::path& path) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  File file(std::fopen(path.c_str(), "wb"));
  if (!file) return Error{"cannot write " + path.string()};
  return file;
}

}  // namespace

RgbImage::RgbImage(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b)
    : width(w), height(h), pixels(static_cast<std::size_t>(w) * h * 3) {
  FillRect(0, 0, w, h, r, g, b);
}

void RgbImage::FillRect(int x0, int y0, int x1, int y1, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  for (int y = std::max(0, y0); y < std::min(height, y1); ++y) {
    for (int x = std::max(0, x0); x < std::min(width, x1); ++x) {
      auto* pixel = &pixels[(static_cast<std::size_t>(y) * width + x) * 3];
      pixel[0] = r;
      pixel[1] = g;
      pixel[2] = b;
    }
  }
}

Status WritePng(const std::filesystem::path& path, const RgbImage& image) {
  auto file = OpenForWriting(path);
  if (!file) return file.error();
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    return Error{"libpng could not start writing " + path.string()};
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return Error{"libpng failed writing " + path.string()};
  }
  png_init_io(png, file->get());
  png_set_IHDR(png, info, image.width, image.height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < image.height; ++y) {
    png_write_row(png, image.pixels.data() + static_cast<std::size_t>(y) * image.width * 3);
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return {};
}

Status WriteJpeg(const std::filesystem::path& path, const RgbImage& image, int quality) {
  auto file = OpenForWriting(path);
  if (!file) return file.error();
  jpeg_compress_struct cinfo;
  jpeg_error_mgr errors;
  cinfo.err = jpeg_std_error(&errors);
  jpeg_create_compress(&cinfo);
  jpeg_stdio_dest(&cinfo, file->get());
  cinfo.image_width = static_cast<JDIMENSION>(image.width);
  cinfo.image_height = static_cast<JDIMENSION>(image.height);
  cinfo.input_components = 3;
  cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    auto* row = const_cast<JSAMPLE*>(image.pixels.data() +
                                     static_cast<std::size_t>(cinfo.next_scanline) * image.width * 3);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  if (std::ferror(file->get())) return Error{"cannot write " + path.string()};
  return {};
}

}  // namespace vleval
