#include "model/minigptv2/precision.h"

namespace vleval {
namespace {

thread_local DtypeTrace* active_trace = nullptr;

}  // namespace

DtypeTrace::DtypeTrace() : outer_(active_trace) { active_trace = this; }

DtypeTrace::~DtypeTrace() { active_trace = outer_; }

std::vector<torch::ScalarType> DtypeTrace::DtypesOf(const std::string& name) const {
  std::vector<torch::ScalarType> dtypes;
  for (const auto& [seen_name, dtype] : seen_) {
    if (seen_name == name) dtypes.push_back(dtype);
  }
  return dtypes;
}

void TraceDtype(const char* name, const torch::Tensor& tensor) {
  if (active_trace != nullptr) active_trace->seen_.emplace_back(name, tensor.scalar_type());
}

}  // namespace vleval
