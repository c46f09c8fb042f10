// Intersection over union of two pixel boxes, in the two conventions the
// REC references use (scoring.md §4.2-4.3). No clamping and no x1 < x2
// check: inverted boxes give what the formulas give (possibly negative).
// Pure, thread-safe.
#pragma once

#include <optional>

#include "metrics/metric_sample.h"

namespace vleval {

// MiniGPT-v2 computeIoU: inclusive pixels, +1 on every width and height of
// the intersection and of both areas, on float coordinates. nullopt when the
// union is exactly 0 (the reference's ZeroDivisionError).
std::optional<double> InclusivePixelIou(const PixelBox& a, const PixelBox& b);

// Plain (exclusive) IoU: inter = max(0, dx) * max(0, dy). nullopt on a zero
// union.
std::optional<double> PlainIou(const PixelBox& a, const PixelBox& b);

}  // namespace vleval
