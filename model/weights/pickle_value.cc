#include "model/weights/pickle_value.h"

namespace vleval {

void ReleaseChildren(PickleValue& value, std::vector<PickleRef>& released) {
  for (auto& item : value.items) released.push_back(std::move(item));
  for (auto& item : value.args) released.push_back(std::move(item));
  for (auto& [key, item] : value.entries) {
    released.push_back(std::move(key));
    released.push_back(std::move(item));
  }
  if (value.state) released.push_back(std::move(value.state));
  value.items.clear();
  value.args.clear();
  value.entries.clear();
}

PickleValue::~PickleValue() {
  std::vector<PickleRef> pending;
  ReleaseChildren(*this, pending);
  while (!pending.empty()) {
    PickleRef value = std::move(pending.back());
    pending.pop_back();
    // The last owner empties the value first, so its own destructor is flat.
    if (value && value.use_count() == 1) ReleaseChildren(*value, pending);
  }
}

const PickleValue* PickleValue::Find(const std::string& key) const {
  for (const auto& [name, value] : entries) {
    if (name && name->kind == Kind::kString && name->text == key) return value.get();
  }
  return nullptr;
}

PickleRef MakePickle(PickleValue::Kind kind) {
  auto value = std::make_shared<PickleValue>();
  value->kind = kind;
  return value;
}

PickleRef MakePickleInt(std::int64_t integer) {
  auto value = MakePickle(PickleValue::Kind::kInt);
  value->integer = integer;
  return value;
}

PickleRef MakePickleText(PickleValue::Kind kind, std::string_view text) {
  auto value = MakePickle(kind);
  value->text.assign(text);
  return value;
}

PickleRef BytesFromLatin1(const std::string& utf8) {
  auto bytes = MakePickle(PickleValue::Kind::kBytes);
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 0xC0 && i + 1 < utf8.size()) {  // two-byte UTF-8: code points 0x80-0xFF
      bytes->text.push_back(static_cast<char>(((c & 0x1F) << 6) | (utf8[++i] & 0x3F)));
    } else {
      bytes->text.push_back(static_cast<char>(c));
    }
  }
  return bytes;
}

std::string DescribePickleValue(const PickleValue& value) {
  using Kind = PickleValue::Kind;
  switch (value.kind) {
    case Kind::kNone:
      return "None";
    case Kind::kBool:
      return value.boolean ? "True" : "False";
    case Kind::kInt:
      return "int " + std::to_string(value.integer);
    case Kind::kFloat:
      return "float";
    case Kind::kString:
      return "str '" + value.text.substr(0, 60) + "'";
    case Kind::kBytes:
      return "bytes";
    case Kind::kList:
      return "list of " + std::to_string(value.items.size());
    case Kind::kTuple:
      return "tuple of " + std::to_string(value.items.size());
    case Kind::kDict:
      return "dict of " + std::to_string(value.entries.size());
    case Kind::kGlobal:
      return "global " + value.text;
    case Kind::kObject:
      return "object " + value.text;
    case Kind::kPersistentId:
      return "persistent id";
  }
  return "?";
}

}  // namespace vleval
