// A pickle virtual machine for the subset torch.save writes (protocol 2, plus
// the protocol 3-4 opcodes newer writers use for bytes, framing and memo),
// producing PickleValue trees without executing any code. Special cases:
// collections.OrderedDict() and builtins set/frozenset become plain
// containers, `_codecs.encode(str, "latin1")` becomes bytes; every other
// global is kept as an opaque kObject, so unknown classes elsewhere in a
// checkpoint (optimizer state, configs, numpy scalars) are not fatal.
// Integers wider than 64 bits become an opaque kObject "builtins.int".
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "model/weights/pickle_value.h"

namespace vleval {

// Far above what torch.save writes (a state dict is 4-6 levels deep).
inline constexpr std::size_t kMaxPickleDepth = 512;

// Runs `pickle` up to its STOP opcode and returns the top value; when
// `consumed` is given it receives the number of bytes up to and including
// STOP (several pickles may follow each other, as in legacy torch.save files).
// Errors start with `where` and give the byte offset: unsupported opcode,
// stack underflow, missing memo entry, data ending before STOP, a result
// nested deeper than kMaxPickleDepth or containing itself, a pickle that
// builds far more than its size (a bomb). Time and memory are linear in the
// pickle's size. Thread-safe (no shared state).
Result<PickleRef> Unpickle(std::string_view pickle, std::string_view where, std::size_t* consumed = nullptr);

}  // namespace vleval
