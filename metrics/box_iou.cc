#include "metrics/box_iou.h"

#include <algorithm>

namespace vleval {
namespace {

std::optional<double> Iou(const PixelBox& a, const PixelBox& b, double plus) {
  const double ix1 = std::max(a.x1, b.x1), iy1 = std::max(a.y1, b.y1);
  const double ix2 = std::min(a.x2, b.x2), iy2 = std::min(a.y2, b.y2);
  const double inter = std::max(0.0, ix2 - ix1 + plus) * std::max(0.0, iy2 - iy1 + plus);
  const double area_a = (a.x2 - a.x1 + plus) * (a.y2 - a.y1 + plus);
  const double area_b = (b.x2 - b.x1 + plus) * (b.y2 - b.y1 + plus);
  const double union_area = area_a + area_b - inter;
  if (union_area == 0.0) return std::nullopt;
  return inter / union_area;
}

}  // namespace

std::optional<double> InclusivePixelIou(const PixelBox& a, const PixelBox& b) { return Iou(a, b, 1.0); }

std::optional<double> PlainIou(const PixelBox& a, const PixelBox& b) { return Iou(a, b, 0.0); }

}  // namespace vleval
