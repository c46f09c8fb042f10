#include "harness/run/truncated_images.h"

#include "benchmarks/loader.h"
#include "core/sample_id.h"

namespace vleval {
namespace {

// `path` relative to `root` when it lies lexically inside it.
bool RelativeInside(const std::filesystem::path& path, const std::filesystem::path& root, std::string& out) {
  const auto relative = path.lexically_normal().lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == "..") return false;
  out = relative.generic_string();
  return true;
}

std::string ImageName(const Sample& sample, const std::vector<std::filesystem::path>& image_roots,
                      const std::filesystem::path& data_root) {
  auto path = ResolveImage(sample, image_roots);
  if (!path) return "";
  std::string name;
  if (RelativeInside(*path, data_root, name)) return name;
  for (const auto& root : image_roots) {
    if (RelativeInside(*path, root, name)) return name;
  }
  return path->filename().string();
}

}  // namespace

std::vector<TruncatedImage> TruncatedImages(const PlannedEntry& entry,
                                            const std::vector<PredictionRecord>& records,
                                            const std::filesystem::path& data_root) {
  std::vector<TruncatedImage> images;
  for (std::size_t i = 0; i < records.size() && i < entry.loaded.samples.size(); ++i) {
    if (!records[i].image_truncated) continue;
    images.push_back(
        {records[i].id, ImageName(entry.loaded.samples[i], entry.loaded.image_roots, data_root)});
  }
  return images;
}

nlohmann::json TruncatedImagesJson(const std::vector<TruncatedImage>& images) {
  nlohmann::json samples = nlohmann::json::array();
  for (const auto& image : images) samples.push_back({{"id", image.id}, {"image", image.image}});
  return {{"count", images.size()}, {"samples", std::move(samples)}};
}

std::string TruncatedImageWarning(const PlannedEntry& entry, const Sample& sample,
                                  const std::filesystem::path& path) {
  return entry.name + ": sample " + SampleIdText(sample.id) + ": " + path.string() +
         ": the image file is truncated; it is decoded as far as its data goes (as Pillow's "
         "LOAD_TRUNCATED_IMAGES) and listed under truncated_images in results.json";
}

}  // namespace vleval
