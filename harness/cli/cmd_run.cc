// `vleval run`: evaluate a suite or tasks end to end, resumable and sharded
// (harness/run/; contract in data_layout.md and docs/results_format.md).
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <tbb/global_control.h>

#include "core/locations.h"
#include "harness/cli/command.h"
#include "harness/cli/options.h"
#include "harness/data_prompts.h"
#include "harness/run/lazy_prediction_source.h"
#include "harness/run/run_backend.h"
#include "harness/run/run_driver.h"
#include "model/weights/digest_cache.h"
#include "reports/run_history.h"

namespace vleval::cli {
namespace {

// Far above what fits on a GPU for a 7B model; a bigger value is a typo.
constexpr int kMaxBatchSize = 4096;

int Fail(const std::string& message) { return CommandFailure("run", message); }

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto comma = std::min(text.find(',', start), text.size());
    if (comma > start) parts.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return parts;
}

// Every backend `run` can use, for its options and --help.
BackendList RunBackendList() {
  BackendList list;
  for (const std::string& name : RunBackends().Names())
    list.emplace_back(name, &(*RunBackends().Find(name))->backend);
  return list;
}

int Run(const std::vector<std::string>& args) {
  po::options_description options("vleval run options");
  std::string suite, tasks, data_root_option, dialect, identifier, shard_text, out, configs, db;
  std::string model_config, digest_cache;
  BackendChoice backend;
  const BackendList backends = RunBackendList();
  RunRequest request;
  int batch_size = 0, threads = 0;
  std::size_t limit = 0;
  options.add_options()("suite", po::value(&suite), "suite to run (see vleval tasks)")(
      "tasks", po::value(&tasks), "comma-separated tasks or shorthands (instead of --suite)")(
      "data-root", po::value(&data_root_option), "data root (default: $VLEVAL_DATA)")(
      "out", po::value(&out)->required(), "run folder; re-running the same command resumes it")(
      "model-config", po::value(&model_config),
      "model config: chat template, box codec, architecture (default: the backend's, "
      "configs/models/minigptv2-7b.json; openai: openai-chat.json)")(
      "box-codec", po::value(&request.box_codec),
      "REC output format, instead of the model config's: minigptv2 | unit_floats | grid1000")(
      "dialect", po::value(&dialect), "minigptv2 | official (default: each task's)")(
      "identifier", po::value(&identifier), "default | none | <token> (task identifier ablation)")(
      "batch-size", po::value(&batch_size),
      "samples per model call (default: the backend's preferred, else each task's); results do not depend on "
      "it")("limit", po::value(&limit), "evaluate only the first K samples of each entry")(
      "no-resample", "REC: no resampling rounds (default: on in the minigptv2 dialect)")(
      "allow-outside-paths",
      "read images that annotation files place outside the data root and the tasks' image folders")(
      "shard", po::value(&shard_text),
      "i/N: evaluate shard i of N (default: from SLURM_* or RANK/WORLD_SIZE)")(
      "threads", po::value(&threads),
      "image and scoring threads (0 = all cores); results do not depend on it")(
      "quiet", "no progress display")("no-history", "do not record the run in the run history")(
      "db", po::value(&db), "run history file (default: $XDG_DATA_HOME/vleval/history.sqlite)")(
      "digest-cache", po::value(&digest_cache),
      "sha256 cache of the model files, keyed by path, size, mtime and inode (default: "
      "$XDG_CACHE_HOME/vleval/digests.jsonl, else ~/.cache/vleval/digests.jsonl; 'none': always hash)")(
      "configs", po::value(&configs), "configs folder");
  options.add(BackendOptionsGroup(backends, true));
  po::variables_map values;
  if (auto stop =
          ParseCommandOptions("run",
                              "vleval run (--suite S | --tasks T,...) --data-root D (--llama DIR --vit FILE "
                              "--checkpoint FILE | --converted FILE | --backend replay --replay RUN_OR_FILE) "
                              "--out RUN [--shard i/N]",
                              options, {}, args, values, std::cout, std::cerr))
    return *stop;
  if (auto bad = CheckRange("run", "threads", threads, 0, MaxThreadsOption())) return *bad;
  if (auto bad = CheckRange("run", "batch-size", batch_size, 0, kMaxBatchSize)) return *bad;
  if (suite.empty() == tasks.empty()) {
    std::cerr << "vleval run: give exactly one of --suite and --tasks (see vleval run --help)\n";
    return kExitUsage;
  }
  if (values.count("backend")) backend.backend = values["backend"].as<std::string>();
  auto entry = RunBackends().Find(backend.backend);
  if (!entry) {
    std::cerr << "vleval run: --backend: " << entry.error().message << "\n";
    return kExitUsage;
  }
  auto settings_of_backend = BackendSettingsFor(backend.backend, (*entry)->backend, backends, values);
  if (!settings_of_backend) {
    std::cerr << "vleval run: " << settings_of_backend.error().message << "\n";
    return kExitUsage;
  }
  backend.settings = std::move(*settings_of_backend);
  backend.settings[kModelConfigSetting] = model_config;
  auto shard = shard_text.empty() ? ShardFromEnvironment(std::getenv) : ParseShardSpec(shard_text);
  if (!shard) {
    std::cerr << "vleval run: " << shard.error().message << "\n";
    return kExitUsage;
  }
  std::optional<tbb::global_control> thread_limit;
  if (threads > 0) thread_limit.emplace(tbb::global_control::max_allowed_parallelism, threads);

  auto config_dir = FindConfigDir(configs);
  if (!config_dir) return Fail(config_dir.error().message);
  auto catalog = TaskCatalog::Load(*config_dir);
  if (!catalog) return Fail(catalog.error().message);
  auto data_root = ResolveDataRoot(data_root_option);
  if (!data_root) return Fail(data_root.error().message);
  if (!suite.empty()) request.suite = suite;
  request.tasks = SplitCommas(tasks);
  request.data_root = std::filesystem::absolute(*data_root);
  request.dialect = dialect;
  request.identifier = identifier;
  request.batch_size = batch_size;
  if (values.count("limit")) request.limit = limit;
  request.rec_resample = values.count("no-resample") == 0;
  request.allow_outside_paths = values.count("allow-outside-paths") != 0;
  request.model_config = model_config;
  request.default_model_config = (*entry)->backend.model_config;
  auto plan = PlanRun(*catalog, request);
  if (!plan) return Fail(plan.error().message);
  for (const PlannedEntry& planned : *plan) {
    for (const std::string& note : planned.notes) std::cerr << "vleval run: note: " << note << "\n";
  }

  if (digest_cache != "none")
    backend.digest_cache =
        digest_cache.empty() ? DefaultDigestCachePath() : std::filesystem::path(digest_cache);
  auto capabilities = CapabilitiesOf(backend);
  if (!capabilities) return Fail(capabilities.error().message);
  if (auto status = CheckPlanCapabilities(*capabilities, *plan, backend.backend); !status)
    return Fail(status.message());
  RunDescription description{request, {}, shard->count};
  auto model = DescribeBackend(backend);
  if (!model) return Fail(model.error().message);
  description.model = *model;
  // Opened on first use: resuming a finished run never loads the model.
  LazyPredictionSource source([&backend] { return OpenBackend(backend); });

  RunSettings settings{out, *config_dir, *shard, threads, {}, [&backend] { return RuntimeOf(backend); }};
  if (values.count("no-history") == 0)
    settings.history_db = db.empty() ? DefaultHistoryPath() : std::filesystem::path(db);
  RunProgress progress(std::cerr,
                       values.count("quiet") ? ProgressStyle::kQuiet : ProgressStyleFor(STDERR_FILENO));
  auto outcome = ExecuteRun(description, *plan, source, settings, progress);
  if (!outcome) return Fail(outcome.error().message);
  if (!outcome->finished) {
    std::cerr << "vleval run: shard " << shard->index << "/" << shard->count << " done; waiting for "
              << outcome->unfinished_shards.size() << " more (the last one merges, or run vleval merge "
              << out << ")\n";
    return kExitOk;
  }
  if (values.count("quiet") == 0) std::cout << outcome->report_markdown;
  std::cerr << "vleval run: results in " << (std::filesystem::path(out) / "results.json").string() << "\n";
  return kExitOk;
}

}  // namespace

Command RunCommand() { return {"run", "evaluate a suite or tasks end to end (resumable, sharded)", Run}; }

}  // namespace vleval::cli
