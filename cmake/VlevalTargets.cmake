# Helpers shared by the folders' CMakeLists.

# vleval_warnings(<target>): the project's warning set, as errors in our own code.
function(vleval_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                                           -Wno-error=deprecated-declarations
                                           # GCC 12 false positives in <string> at -O3
                                           $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  if(VLEVAL_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # Sanitizer instrumentation makes GCC 12 report false maybe-uninitialized
  # warnings inside libstdc++ (<regex>, <functional>): under VLEVAL_SANITIZE
  # warnings are shown but do not fail the build (this flag comes last).
  # Fuzz builds use clang, whose warning set differs from GCC's: shown, not fatal.
  if(VLEVAL_SANITIZE OR VLEVAL_FUZZ)
    target_compile_options(${target} PRIVATE -Wno-error)
  endif()
endfunction()

# vleval_library(<name> SOURCES ... [DEPS ...]): a static library of one folder,
# including that folder's parent so headers are named "<folder>/<file>.h".
function(vleval_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  vleval_warnings(${name})
endfunction()

# vleval_tests(<folder> LIBS ... TESTS a_test b_test ...): one gtest
# executable per <name>.cc in tests/<folder>/, discovered into CTest with the
# folder as its label.
include(GoogleTest)
function(vleval_tests folder)
  cmake_parse_arguments(ARG "" "" "LIBS;TESTS" ${ARGN})
  foreach(test ${ARG_TESTS})
    set(exe ${folder}_${test})
    add_executable(${exe} ${test}.cc)
    target_link_libraries(${exe} PRIVATE ${ARG_LIBS} vleval_testing GTest::gtest_main)
    vleval_warnings(${exe})
    gtest_discover_tests(${exe}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
      PROPERTIES LABELS "${folder}"
      DISCOVERY_TIMEOUT 60)
  endforeach()
endfunction()
