#include "model/image/jpeg_decoder.h"

#include <csetjmp>
#include <cstdio>
#include <vector>

#include <jpeglib.h>
// jerror.h after jpeglib.h: it needs its types.
#include <jerror.h>

namespace vleval::image {
namespace {

// libjpeg reports fatal errors through error_exit; we jump back with the
// message instead of letting it call exit().
struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
  bool ran_out_of_data;  // JWRN_JPEG_EOF: the source supplied a fake EOI marker
};

void ExitWithMessage(j_common_ptr cinfo) {
  auto* errors = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, errors->message);
  std::longjmp(errors->jump, 1);
}

void IgnoreMessage(j_common_ptr) {}

// Warnings (msg_level -1) are not printed; the one that says the data ended
// early (jpeg_mem_src then inserts an EOI marker) marks the file truncated.
void NoteWarning(j_common_ptr cinfo, int msg_level) {
  auto* errors = reinterpret_cast<ErrorManager*>(cinfo->err);
  if (msg_level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) errors->ran_out_of_data = true;
}

// Pillow's MULDIV255: a * b / 255 rounded, in integers.
int MulDiv255(int a, int b) {
  const int t = a * b + 128;
  return ((t >> 8) + t) >> 8;
}

int Clip8(int v) { return v < 0 ? 0 : (v > 255 ? 255 : v); }

// Adobe CMYK (stored inverted, Pillow's "CMYK;I") to RGB as Pillow's cmyk2rgb.
void InvertedCmykRowToRgb(const std::uint8_t* cmyk, int width, std::uint8_t* rgb) {
  for (int x = 0; x < width; ++x, cmyk += 4, rgb += 3) {
    const int not_black = cmyk[3];  // 255 - K, as the stored value is inverted
    for (int c = 0; c < 3; ++c) {
      rgb[c] = static_cast<std::uint8_t>(Clip8(not_black - MulDiv255(255 - cmyk[c], not_black)));
    }
  }
}

// The decoding proper. Kept free of objects with destructors between setjmp
// and the libjpeg calls, so the longjmp on error skips nothing.
bool DecodeInto(std::span<const std::uint8_t> bytes, RgbImage& out, std::vector<std::uint8_t>& row,
                std::string& error) {
  jpeg_decompress_struct cinfo;
  ErrorManager errors;
  cinfo.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = ExitWithMessage;
  errors.base.output_message = IgnoreMessage;
  errors.base.emit_message = NoteWarning;
  errors.ran_out_of_data = false;
  if (setjmp(errors.jump) != 0) {
    error = errors.message;
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  const bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  if (cinfo.num_components == 4 && cmyk) {
    cinfo.out_color_space = JCS_CMYK;
  } else if (cinfo.num_components == 1 || cinfo.num_components == 3) {
    cinfo.out_color_space = JCS_RGB;
  } else {
    error = "unsupported JPEG with " + std::to_string(cinfo.num_components) + " colour components";
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  if (static_cast<long long>(cinfo.image_width) * cinfo.image_height > kMaxDecodedPixels) {
    error = "image of " + std::to_string(cinfo.image_width) + "x" + std::to_string(cinfo.image_height) +
            " pixels exceeds the decompression-bomb limit";
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_start_decompress(&cinfo);
  out = RgbImage::Blank(static_cast<int>(cinfo.output_width), static_cast<int>(cinfo.output_height));
  if (cmyk) row.resize(static_cast<std::size_t>(out.width) * 4);
  while (cinfo.output_scanline < cinfo.output_height) {
    const int y = static_cast<int>(cinfo.output_scanline);
    JSAMPROW target = cmyk ? row.data() : out.Row(y);
    if (jpeg_read_scanlines(&cinfo, &target, 1) != 1) break;
    if (cmyk) InvertedCmykRowToRgb(row.data(), out.width, out.Row(y));
  }
  jpeg_finish_decompress(&cinfo);  // reads up to EOI: a missing one is a truncation too
  out.truncated = errors.ran_out_of_data;
  jpeg_destroy_decompress(&cinfo);
  return true;
}

}  // namespace

bool LooksLikeJpeg(std::span<const std::uint8_t> bytes) {
  return bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
}

Result<RgbImage> DecodeJpeg(std::span<const std::uint8_t> bytes, const std::string& name) {
  RgbImage image;
  std::vector<std::uint8_t> row;
  std::string error;
  if (!DecodeInto(bytes, image, row, error)) return Error{name + ": cannot decode JPEG: " + error};
  return image;
}

}  // namespace vleval::image
