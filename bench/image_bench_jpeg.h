// Test input for bench_image: photo-like 640x480 JPEGs written with
// libjpeg-turbo (quality 90, 4:2:0, the common camera/COCO layout).
#pragma once

#include <filesystem>
#include <vector>

namespace vleval::bench {

// Writes `count` different 640x480 JPEGs into `dir` and returns their paths.
std::vector<std::filesystem::path> WriteBenchJpegs(const std::filesystem::path& dir, int count);

}  // namespace vleval::bench
