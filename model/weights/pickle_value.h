// The values a Python pickle can build, as far as weight files need them:
// scalars, strings, containers, and "objects" (a class or function named by
// module.name, with the arguments it was called with and its BUILD state).
// Nothing is executed: an unknown class becomes an opaque kObject that the
// caller may inspect or ignore. Torch-free; the torch layer turns
// `torch._utils._rebuild_tensor_v2` objects into tensors.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vleval {

struct PickleValue;
// Shared because pickles share objects through their memo, and containers
// are filled after they are referenced.
using PickleRef = std::shared_ptr<PickleValue>;

struct PickleValue {
  PickleValue() = default;
  PickleValue(const PickleValue&) = default;
  PickleValue& operator=(const PickleValue&) = default;
  // Iterative: a value nested a million levels deep is released without
  // recursion (see ReleaseChildren).
  ~PickleValue();

  enum class Kind {
    kNone,
    kBool,
    kInt,
    kFloat,
    kString,
    kBytes,
    kList,
    kTuple,
    kDict,
    kGlobal,        // a class or function reference: `text` is "module.name"
    kObject,        // the result of calling a global: `text`, `args`, `state`
    kPersistentId,  // a reference to data outside the pickle: `items[0]`
  };
  Kind kind = Kind::kNone;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string text;                                      // kString, kBytes, kGlobal, kObject
  std::vector<PickleRef> items;                          // kList, kTuple, appended to kObject
  std::vector<std::pair<PickleRef, PickleRef>> entries;  // kDict (insertion order), set on kObject
  std::vector<PickleRef> args;                           // kObject: call arguments
  PickleRef state;                                       // kObject/kDict: BUILD state, or null

  bool is(Kind wanted) const { return kind == wanted; }
  // For kDict: the value stored under string key `key`, or nullptr.
  const PickleValue* Find(const std::string& key) const;
};

// Moves every child reference of `value` (items, args, entries, state) into
// `released`, leaving `value` a leaf.
void ReleaseChildren(PickleValue& value, std::vector<PickleRef>& released);

// Factories for the unpickler.
PickleRef MakePickle(PickleValue::Kind kind);
PickleRef MakePickleInt(std::int64_t integer);
PickleRef MakePickleText(PickleValue::Kind kind, std::string_view text);
// Python 2 pickles bytes as `_codecs.encode(str, "latin1")`: each code point
// of the (UTF-8 stored) string is one byte. Returns a kBytes value.
PickleRef BytesFromLatin1(const std::string& utf8);

// Short description for error messages: "dict", "str 'abc'", "object numpy.dtype".
std::string DescribePickleValue(const PickleValue& value);

}  // namespace vleval
