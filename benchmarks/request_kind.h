// What a benchmark family asks of the model for each sample. Helper branch
// issue15b defines the same enum in model/backend.h; the two are one at merge.
#pragma once

namespace vleval {

enum class RequestKind {
  kGenerate,                // greedy text generation
  kGenerateWithFirstToken,  // generation + the first-token probability of a candidate (HM "yes")
  kScoreCandidates,         // summed NLL of every candidate answer (IconVQA)
};

}  // namespace vleval
