# Third-party packages, all from Debian 12 (scripts/install-deps installs them).
find_package(nlohmann_json 3.10 REQUIRED)
# simdjson On-Demand reads the bulk data files (core/json_stream.h).
find_package(simdjson 3.0 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(TBB REQUIRED)
if(BUILD_TESTING)
  find_package(GTest REQUIRED)
endif()
find_package(Threads REQUIRED)

# Torch is found here so its imported targets are visible to every folder
# that links vleval_model, but only model/ links or includes it
# (scripts/check-layering enforces that as a test).
#
# Debian's libtorch is found as installed. A PyTorch wheel's libtorch: give
# its CMake folder, -DCMAKE_PREFIX_PATH=$(python3 -c 'import torch;
# print(torch.utils.cmake_prefix_path)'). Where its TorchConfig cannot be used
# (it looks for a CUDA toolkit), -DVLEVAL_TORCH_DIR=<the torch package folder>
# links the wheel's libraries directly; then VLEVAL_TORCH_CXX11_ABI gives the
# wheel's torch._C._GLIBCXX_USE_CXX11_ABI (0 or 1).
set(VLEVAL_TORCH_DIR "" CACHE PATH "A torch Python package folder to link instead of find_package(Torch)")
set(VLEVAL_TORCH_CXX11_ABI "1" CACHE STRING "The string ABI of VLEVAL_TORCH_DIR's libraries (0 or 1)")
if(VLEVAL_TORCH_DIR)
  set(torch_libraries "")
  foreach(name torch torch_cpu c10 torch_cuda c10_cuda)
    if(EXISTS "${VLEVAL_TORCH_DIR}/lib/lib${name}.so")
      list(APPEND torch_libraries "${VLEVAL_TORCH_DIR}/lib/lib${name}.so")
    elseif(name MATCHES "^(torch|torch_cpu|c10)$")
      message(FATAL_ERROR "VLEVAL_TORCH_DIR=${VLEVAL_TORCH_DIR}: lib/lib${name}.so is missing")
    endif()
  endforeach()
  add_library(vleval_torch INTERFACE)
  target_include_directories(vleval_torch SYSTEM INTERFACE "${VLEVAL_TORCH_DIR}/include"
                                                           "${VLEVAL_TORCH_DIR}/include/torch/csrc/api/include")
  target_link_libraries(vleval_torch INTERFACE ${torch_libraries})
  set_target_properties(vleval_torch PROPERTIES INTERFACE_LINK_DIRECTORIES "${VLEVAL_TORCH_DIR}/lib")
  set(TORCH_LIBRARIES vleval_torch)
  set(TORCH_CXX_FLAGS "-D_GLIBCXX_USE_CXX11_ABI=${VLEVAL_TORCH_CXX11_ABI}")
  set(TORCH_INSTALL_PREFIX "${VLEVAL_TORCH_DIR}")
else()
  find_package(Torch REQUIRED)
endif()
# Boost, TBB and the other libraries are built with the C++11 string ABI: a
# libtorch built with the old one cannot share std::string with them.
if(TORCH_CXX_FLAGS MATCHES "_GLIBCXX_USE_CXX11_ABI=0")
  message(FATAL_ERROR
    "libtorch (${TORCH_INSTALL_PREFIX}) was built with the pre-C++11 string ABI "
    "(_GLIBCXX_USE_CXX11_ABI=0), but the other libraries vleval links use the C++11 ABI. "
    "Use a libtorch built with the C++11 ABI (PyTorch 2.7 or later wheels, or the cxx11-abi libtorch archive).")
endif()
# A CUDA build registers its kernels from libtorch_cuda's static
# initialisers, which no symbol of ours references: keep it linked even where
# the linker drops unreferenced libraries by default (--as-needed).
if(TORCH_LIBRARIES MATCHES "torch_cuda" OR TARGET torch_cuda)
  add_link_options("LINKER:--no-as-needed")
endif()
