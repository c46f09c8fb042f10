// The task registry as people and scripts see it (`vleval tasks`): every task
// with its loader, metric, dialect and prompt template(s), every suite and
// shorthand with its members, and the paper's number where the paper has one.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "benchmarks/task_catalog.h"
#include "reports/paper_reference.h"

namespace vleval {

// Plain-text listing. `paper` may be null (no paper column).
std::string FormatTaskListing(const TaskCatalog& catalog, const PaperReference* paper);

// {"tasks": [<task config JSON>...], "suites": [{name, description, shorthand,
// entries}...]}, sorted by name; stable for scripts.
nlohmann::json TaskListingJson(const TaskCatalog& catalog);

}  // namespace vleval
