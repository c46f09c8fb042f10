#include "model/image/png_decoder.h"

#include <array>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

#include <png.h>

#include "model/image/jpeg_decoder.h"

namespace vleval::image {
namespace {

struct ErrorSink {
  char message[200] = {};
};

void RecordErrorAndJump(png_structp png, png_const_charp message) {
  auto* sink = static_cast<ErrorSink*>(png_get_error_ptr(png));
  std::snprintf(sink->message, sizeof(sink->message), "%s", message);
  png_longjmp(png, 1);
}

void IgnoreWarning(png_structp, png_const_charp) {}

// What one decoded (packed-to-bytes, 16-bit kept only for grey) row holds.
struct Layout {
  int color_type = 0;
  int bit_depth = 0;       // of the file
  int channels = 0;        // samples per pixel in the rows libpng hands us
  bool wide_grey = false;  // 16-bit grey kept as big-endian pairs
};

// Pillow's palette: PLTE entries, then the default ramp for the rest.
std::array<std::uint8_t, 256 * 3> PillowPalette(png_structp png, png_infop info) {
  std::array<std::uint8_t, 256 * 3> table{};
  for (int i = 0; i < 256; ++i)
    table[i * 3] = table[i * 3 + 1] = table[i * 3 + 2] = static_cast<std::uint8_t>(i);
  png_colorp entries = nullptr;
  int count = 0;
  if (png_get_PLTE(png, info, &entries, &count) != 0) {
    for (int i = 0; i < count && i < 256; ++i) {
      table[i * 3] = entries[i].red;
      table[i * 3 + 1] = entries[i].green;
      table[i * 3 + 2] = entries[i].blue;
    }
  }
  return table;
}

void RowToRgb(const Layout& layout, const std::array<std::uint8_t, 256 * 3>& palette, const std::uint8_t* in,
              int width, std::uint8_t* out) {
  if (layout.color_type == PNG_COLOR_TYPE_PALETTE) {
    for (int x = 0; x < width; ++x) std::memcpy(out + x * 3, &palette[in[x] * 3], 3);
    return;
  }
  if (layout.wide_grey) {
    for (int x = 0; x < width; ++x) {
      const int value = (in[2 * x] << 8) | in[2 * x + 1];
      out[3 * x] = out[3 * x + 1] = out[3 * x + 2] = static_cast<std::uint8_t>(value >= 255 ? 255 : value);
    }
    return;
  }
  if (layout.channels <= 2) {  // grey, grey+alpha
    const int depth = layout.bit_depth < 8 ? layout.bit_depth : 8;
    const int scale = 255 / ((1 << depth) - 1);
    for (int x = 0; x < width; ++x) {
      const auto value = static_cast<std::uint8_t>(in[x * layout.channels] * scale);
      out[3 * x] = out[3 * x + 1] = out[3 * x + 2] = value;
    }
    return;
  }
  for (int x = 0; x < width; ++x) std::memcpy(out + x * 3, in + x * layout.channels, 3);  // RGB, RGBA
}

// Everything the progressive reader's callbacks fill in. Lives in the
// caller's frame, so it keeps its values across libpng's longjmp.
struct DecodeState {
  Layout layout;
  std::array<std::uint8_t, 256 * 3> palette{};
  int width = 0;
  int height = 0;
  bool have_header = false;  // IHDR .. first IDAT seen: rows can follow
  bool finished = false;     // IEND reached
  std::vector<std::uint8_t> raw;
  std::size_t row_bytes = 0;
};

void OnHeader(png_structp png, png_infop info) {
  auto& state = *static_cast<DecodeState*>(png_get_progressive_ptr(png));
  const auto width = png_get_image_width(png, info);
  const auto height = png_get_image_height(png, info);
  if (static_cast<long long>(width) * height > kMaxDecodedPixels) {
    png_error(png, "image exceeds the decompression-bomb limit");
  }
  Layout& layout = state.layout;
  layout.color_type = png_get_color_type(png, info);
  layout.bit_depth = png_get_bit_depth(png, info);
  layout.wide_grey = layout.color_type == PNG_COLOR_TYPE_GRAY && layout.bit_depth == 16;
  if (layout.bit_depth < 8) png_set_packing(png);                          // one byte per sample, unscaled
  if (layout.bit_depth == 16 && !layout.wide_grey) png_set_strip_16(png);  // keeps the high byte
  png_set_interlace_handling(png);
  png_read_update_info(png, info);
  layout.channels = png_get_channels(png, info);
  state.palette = PillowPalette(png, info);
  state.width = static_cast<int>(width);
  state.height = static_cast<int>(height);
  state.row_bytes = png_get_rowbytes(png, info);
  state.raw.assign(state.row_bytes * height, 0);  // rows never delivered stay 0, as in Pillow
  state.have_header = true;
}

void OnRow(png_structp png, png_bytep new_row, png_uint_32 row, int /*pass*/) {
  auto& state = *static_cast<DecodeState*>(png_get_progressive_ptr(png));
  if (new_row != nullptr) png_progressive_combine_row(png, state.raw.data() + row * state.row_bytes, new_row);
}

void OnEnd(png_structp png, png_infop) {
  static_cast<DecodeState*>(png_get_progressive_ptr(png))->finished = true;
}

// Feeds the whole file to libpng's progressive reader, which hands over each
// row as soon as its data is complete: a truncated file leaves the rows it
// could not finish at 0, as Pillow does with LOAD_TRUNCATED_IMAGES.
bool DecodeInto(std::span<const std::uint8_t> bytes, DecodeState& state, std::string& error) {
  ErrorSink sink;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &sink, RecordErrorAndJump, IgnoreWarning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (png == nullptr || info == nullptr) {
    png_destroy_read_struct(&png, &info, nullptr);
    error = "out of memory";
    return false;
  }
  if (setjmp(png_jmpbuf(png)) != 0) {
    error = sink.message;
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_set_progressive_read_fn(png, &state, OnHeader, OnRow, OnEnd);
  png_process_data(png, info, const_cast<png_bytep>(bytes.data()), bytes.size());
  png_destroy_read_struct(&png, &info, nullptr);
  if (!state.have_header) {
    error = "file is truncated before the image data";
    return false;
  }
  return true;
}

}  // namespace

bool LooksLikePng(std::span<const std::uint8_t> bytes) {
  return bytes.size() >= 8 && png_sig_cmp(bytes.data(), 0, 8) == 0;
}

Result<RgbImage> DecodePng(std::span<const std::uint8_t> bytes, const std::string& name) {
  DecodeState state;
  std::string error;
  if (!DecodeInto(bytes, state, error)) return Error{name + ": cannot decode PNG: " + error};
  RgbImage image = RgbImage::Blank(state.width, state.height);
  image.truncated = !state.finished;
  for (int y = 0; y < state.height; ++y) {
    RowToRgb(state.layout, state.palette, state.raw.data() + y * state.row_bytes, state.width, image.Row(y));
  }
  return image;
}

}  // namespace vleval::image
