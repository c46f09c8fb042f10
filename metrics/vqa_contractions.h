// The contraction table of the official VQA evaluation (GT-Vision-Lab
// vqaEval.py; scoring.md §1.1): 120 entries, applied to whole tokens after
// lower-casing. Kept with its anomalies: capitalised keys that can never
// match (Id've, I'dve, Im, Ive), identity entries (let's, she's) and the
// reversed `somebody'd -> somebodyd`. tests/metrics check it against the
// published table.
#pragma once

#include <string>
#include <unordered_map>

namespace vleval {

// The table, built once; thread-safe to read.
const std::unordered_map<std::string, std::string>& VqaContractions();

}  // namespace vleval
