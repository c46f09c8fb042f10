// The least any strict reader of the VQA bench's files pays: simdjson
// On-Demand over each whole file, in memory, every key unescaped, every
// string and number parsed, nothing kept (bench/vqa/run prints it next to
// vleval score and the reference). Usage: bench_json_floor FILE...; prints
// the CPU seconds of the whole process on stdout.
#include <simdjson.h>

#include <cstdio>
#include <ctime>

namespace {

// Every value under `value`, depth-first; counts the fields seen.
void Walk(simdjson::ondemand::value value, std::size_t& fields) {
  switch (value.type().value()) {
    case simdjson::ondemand::json_type::object:
      for (auto field : value.get_object()) {
        (void)field.unescaped_key().value();
        ++fields;
        Walk(field.value(), fields);
      }
      break;
    case simdjson::ondemand::json_type::array:
      for (auto element : value.get_array()) Walk(element.value(), fields);
      break;
    case simdjson::ondemand::json_type::string:
      (void)value.get_string().value();
      break;
    case simdjson::ondemand::json_type::number:
      (void)value.get_double().value();
      break;
    case simdjson::ondemand::json_type::boolean:
      (void)value.get_bool().value();
      break;
    case simdjson::ondemand::json_type::null:
      (void)value.is_null();
      break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t fields = 0;
  simdjson::ondemand::parser parser(std::size_t{1} << 32);
  for (int i = 1; i < argc; ++i) {
    simdjson::padded_string json;
    if (simdjson::padded_string::load(argv[i]).get(json) != simdjson::SUCCESS) {
      std::fprintf(stderr, "bench_json_floor: cannot read %s\n", argv[i]);
      return 1;
    }
    try {
      simdjson::ondemand::document document = parser.iterate(json);
      Walk(document.get_value(), fields);
    } catch (const simdjson::simdjson_error& error) {
      std::fprintf(stderr, "bench_json_floor: %s: %s\n", argv[i], error.what());
      return 1;
    }
  }
  std::printf("%.3f\n", static_cast<double>(std::clock()) / CLOCKS_PER_SEC);
  std::fprintf(stderr, "bench_json_floor: %zu fields\n", fields);
  return 0;
}
