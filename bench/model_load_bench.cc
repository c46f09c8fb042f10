// bench_model_load: loading a large safetensors file through the mapping
// reader (model/weights/safetensors_file.h) against the naive reference
// measured in the same run (read the whole file into memory, then copy each
// tensor out of it). Reports wall time and the peak resident memory each
// approach adds, as multiples of the file size: the mapping must stay near
// 1x (every page resident once, shared with the page cache), the reference
// is near 2x (the file buffer plus the tensor copies).
//
// Usage: bench_model_load [SIZE_MIB=1024] [DIR=$TMPDIR]
// Writes DIR/bench_model_load.safetensors (fp16 tensors of 64 MiB), removes it at the end.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>

#include <torch/torch.h>

#include "core/json_file.h"
#include "model/weights/safetensors_file.h"
#include "model/weights/safetensors_layout.h"

namespace {

using vleval::NamedTensors;

// Peak resident set (VmHWM) in bytes; ResetPeak() starts a new peak window.
std::int64_t PeakResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoll(line.substr(6)) * 1024;
  }
  return -1;
}
std::int64_t ResidentBytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoll(line.substr(6)) * 1024;
  }
  return -1;
}
void ResetPeak() { std::ofstream("/proc/self/clear_refs") << "5"; }

// Touches every element, as a model build would (sum in fp32).
double Touch(const NamedTensors& tensors) {
  double total = 0;
  for (const auto& [name, tensor] : tensors) total += tensor.sum(torch::kFloat32).item<double>();
  return total;
}

struct Measurement {
  double load_seconds = 0;   // until every tensor object exists
  double touch_seconds = 0;  // reading every element once
  double peak_added = 0;     // peak RSS over the starting RSS, in file sizes
  double checksum = 0;
};

Measurement Measure(const std::function<NamedTensors()>& load, double file_bytes) {
  ResetPeak();
  const auto base = ResidentBytes();
  Measurement result;
  const auto start = std::chrono::steady_clock::now();
  {
    NamedTensors tensors = load();
    const auto loaded = std::chrono::steady_clock::now();
    result.checksum = Touch(tensors);
    const auto touched = std::chrono::steady_clock::now();
    result.load_seconds = std::chrono::duration<double>(loaded - start).count();
    result.touch_seconds = std::chrono::duration<double>(touched - loaded).count();
  }
  result.peak_added = static_cast<double>(PeakResidentBytes() - base) / file_bytes;
  return result;
}

NamedTensors LoadMapped(const std::filesystem::path& path) {
  auto contents = vleval::ReadSafetensors(path);
  if (!contents) throw std::runtime_error(contents.error().message);
  return std::move(contents->tensors);
}

NamedTensors LoadByReadingAndCopying(const std::filesystem::path& path) {
  auto bytes = vleval::ReadTextFile(path);
  if (!bytes) throw std::runtime_error(bytes.error().message);
  auto layout = vleval::ParseSafetensorsLayout(*bytes, path.string());
  if (!layout) throw std::runtime_error(layout.error().message);
  NamedTensors tensors;
  for (const auto& entry : layout->tensors) {
    auto tensor = torch::empty(entry.shape, torch::kFloat16);
    std::memcpy(tensor.data_ptr(), bytes->data() + entry.begin, entry.end - entry.begin);
    tensors.emplace(entry.name, tensor);
  }
  return tensors;
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t size_mib = argc > 1 ? std::atoll(argv[1]) : 1024;
  const std::filesystem::path dir = argc > 2 ? argv[2] : std::filesystem::temp_directory_path();
  const auto path = dir / "bench_model_load.safetensors";
  constexpr std::int64_t kTensorMib = 64;
  {
    NamedTensors tensors;
    for (std::int64_t i = 0; i < size_mib / kTensorMib; ++i) {
      tensors["layer." + std::to_string(i)] =
          torch::full({kTensorMib * 1024 * 1024 / 2}, static_cast<double>(i % 7), torch::kFloat16);
    }
    if (auto status = vleval::WriteSafetensors(path, tensors, {}); !status) {
      std::cerr << status.message() << "\n";
      return 1;
    }
  }
  const double file_bytes = static_cast<double>(std::filesystem::file_size(path));
  // Warm the page cache once so both approaches read from memory, not disk.
  Measure([&] { return LoadMapped(path); }, file_bytes);
  const Measurement mapped = Measure([&] { return LoadMapped(path); }, file_bytes);
  const Measurement reference = Measure([&] { return LoadByReadingAndCopying(path); }, file_bytes);
  std::filesystem::remove(path);
  if (mapped.checksum != reference.checksum) {
    std::cerr << "checksums differ: " << mapped.checksum << " vs " << reference.checksum << "\n";
    return 1;
  }
  std::printf("file: %.0f MiB (%lld fp16 tensors of %lld MiB)\n", file_bytes / (1 << 20),
              static_cast<long long>(size_mib / kTensorMib), static_cast<long long>(kTensorMib));
  std::printf("%-22s %10s %10s %18s\n", "", "load s", "touch s", "peak RSS added");
  std::printf("%-22s %10.4f %10.3f %17.2fx\n", "mmap (vleval)", mapped.load_seconds, mapped.touch_seconds,
              mapped.peak_added);
  std::printf("%-22s %10.4f %10.3f %17.2fx\n", "read+copy (reference)", reference.load_seconds,
              reference.touch_seconds, reference.peak_added);
  std::printf("ratios vleval/reference: load time %.4f, peak memory %.2f\n",
              mapped.load_seconds / reference.load_seconds, mapped.peak_added / reference.peak_added);
  return 0;
}
