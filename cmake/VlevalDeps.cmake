# Third-party packages, all from Debian 12 (scripts/install-deps installs them).
find_package(nlohmann_json 3.10 REQUIRED)
# simdjson On-Demand reads the bulk data files (core/json_stream.h).
find_package(simdjson 3.0 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(TBB REQUIRED)
find_package(GTest REQUIRED)
find_package(Threads REQUIRED)

# Torch is found here so its imported targets are visible to every folder
# that links vleval_model, but only model/ links or includes it
# (scripts/check-layering enforces that as a test).
find_package(Torch REQUIRED)
