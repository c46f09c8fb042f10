#include "harness/run/run_plan.h"

#include <algorithm>
#include <set>

#include "metrics/box_codec.h"

namespace vleval {

std::string EntryName(const TaskConfig& task, const std::string& variant,
                      const IdentifierChoice& identifier) {
  std::string name = task.name;
  if (task.variants.size() > 1) name += ":" + variant;
  if (identifier.kind != IdentifierChoice::Kind::kDefault) name += "@" + identifier.ToString();
  return name;
}

namespace {

// A note when the entry's prompt carries an identifier its model config does
// not list (a config listing none is not checked); "" otherwise.
std::string UnlistedIdentifierNote(const PlannedEntry& entry) {
  const std::string used = EffectiveIdentifier(entry.prompt, entry.identifier);
  const auto& known = entry.model.identifiers;
  if (used.empty() || known.empty() || std::find(known.begin(), known.end(), used) != known.end()) return "";
  std::string listed;
  for (const std::string& identifier : known) listed += (listed.empty() ? "" : " ") + identifier;
  return "entry '" + entry.name + "': model config '" + entry.model.name + "' does not list the identifier " +
         used + " (it lists " + listed + "); the prompts carry it as given";
}

}  // namespace

Result<std::vector<PlannedEntry>> PlanRun(const TaskCatalog& catalog, const RunRequest& request) {
  auto entries = request.suite ? catalog.ExpandSuite(*request.suite) : catalog.ExpandTasks(request.tasks);
  if (!entries) return entries.error();
  auto model =
      LoadModelProfile(request.model_config.empty() ? catalog.ModelConfigPath(request.default_model_config)
                                                    : request.model_config);
  if (!model) return model.error();
  const std::string box_codec = request.box_codec.empty() ? model->box_codec : request.box_codec;
  if (auto codec = BoxCodecRegistry().Find(box_codec); !codec)
    return Error{"--box-codec: " + codec.error().message};
  std::vector<PlannedEntry> plan;
  std::set<std::string> names;
  for (const RunEntry& entry : *entries) {
    auto task = catalog.FindTask(entry.task);
    if (!task) return task.error();
    PlannedEntry planned;
    planned.task = **task;
    planned.variant = entry.variant.empty() ? planned.task.default_variant : entry.variant;
    auto prompt = planned.task.Variant(planned.variant);
    if (!prompt) return prompt.error();
    planned.prompt = *prompt;
    auto identifier =
        IdentifierChoice::Parse(request.identifier.empty() ? entry.identifier : request.identifier);
    if (!identifier) return identifier.error();
    planned.identifier = *identifier;
    planned.model = *model;
    planned.box_codec = box_codec;
    auto dialect = ParseDialect(request.dialect.empty() ? planned.task.dialect : request.dialect);
    if (!dialect) return dialect.error();
    planned.dialect = *dialect;
    planned.batch_size =
        request.batch_size > 0 ? request.batch_size : std::max(1, planned.task.generation.batch_size);
    auto family = FindTaskFamily(planned.task, request.data_root);
    if (!family) return family.error();
    planned.request_kind = family->request_kind;
    if (planned.request_kind == RequestKind::kGenerateWithFirstToken &&
        planned.task.generation.first_token_probability.empty()) {
      return Error{"task '" + planned.task.name + "': its loader '" + planned.task.loader +
                   "' asks for a first-token probability: set generation.first_token_probability"};
    }
    // The resampling rounds are the MiniGPT-v2 scripts' (rec_resampling.h).
    planned.rec_resample =
        request.rec_resample && family->entry->rec_resampling && FollowsMiniGptV2Scripts(planned.dialect);
    planned.name = EntryName(planned.task, planned.variant, planned.identifier);
    if (!names.insert(planned.name).second) return Error{"entry '" + planned.name + "' is listed twice"};
    auto loaded = LoadTaskSamples(planned.task, request.data_root);
    if (!loaded) return loaded.error();
    planned.loaded = std::move(*loaded);
    if (request.allow_outside_paths) planned.loaded.image_roots.clear();
    if (request.limit && planned.loaded.samples.size() > *request.limit)
      planned.loaded.samples.resize(*request.limit);
    planned.notes = planned.loaded.warnings;
    if (auto note = UnlistedIdentifierNote(planned); !note.empty()) planned.notes.push_back(note);
    plan.push_back(std::move(planned));
  }
  return plan;
}

Status CheckImages(const PlannedEntry& entry, const std::vector<std::size_t>& positions) {
  for (const std::size_t position : positions) {
    auto image = ResolveImage(entry.loaded.samples.at(position), entry.loaded.image_roots);
    if (!image) return Error{entry.name + ": " + image.error().message};
  }
  return {};
}

}  // namespace vleval
