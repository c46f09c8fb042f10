#include "model/weights/pickle_machine.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace vleval {
namespace {

static_assert(std::endian::native == std::endian::little, "weight readers assume little-endian");

using Kind = PickleValue::Kind;

// Bytes and items the machine may materialise per byte of input (plus a
// fixed allowance): a real pickle copies each value at most a few times, a
// pickle bomb (one big value copied by every call opcode) runs out of it.
constexpr std::size_t kBudgetPerByte = 16;
constexpr std::size_t kBudgetBase = std::size_t{1} << 20;

class Machine {
 public:
  Machine(std::string_view pickle, std::string_view where)
      : in_(pickle), where_(where), budget_(kBudgetBase + kBudgetPerByte * pickle.size()) {}
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;
  // Values not handed out (unreachable from the result, including any
  // reference cycles a memo can build) lose their children here, so nothing
  // leaks.
  ~Machine() {
    std::vector<PickleRef> released;
    for (const auto& weak : made_) {
      if (auto value = weak.lock(); value && kept_.count(value.get()) == 0) ReleaseChildren(*value, released);
    }
  }

  std::size_t consumed() const { return at_; }

  // The result must be a tree or DAG of height at most kMaxPickleDepth:
  // code that walks it may recurse. Its values are kept by the destructor.
  Status CheckShape(const PickleRef& root) {
    struct Frame {
      const PickleValue* value;
      std::size_t next = 0;
      std::size_t height = 1;
    };
    std::unordered_map<const PickleValue*, std::size_t> heights;  // 0 = on the current path
    std::vector<Frame> path{{root.get()}};
    heights[root.get()] = 0;
    while (!path.empty()) {
      Frame& frame = path.back();
      const PickleValue* child = ChildAt(*frame.value, frame.next++);
      if (child == nullptr && frame.next > ChildCount(*frame.value)) {
        heights[frame.value] = frame.height;
        const std::size_t height = frame.height;
        path.pop_back();
        if (!path.empty()) path.back().height = std::max(path.back().height, height + 1);
        continue;
      }
      if (child == nullptr) continue;
      const auto found = heights.find(child);
      if (found == heights.end()) {
        if (path.size() >= kMaxPickleDepth) {
          return Fail("values nested deeper than " + std::to_string(kMaxPickleDepth) + " levels");
        }
        heights[child] = 0;
        path.push_back({child});
      } else if (found->second == 0) {
        return Fail("a value contains itself (reference cycle)");
      } else {
        frame.height = std::max(frame.height, found->second + 1);
        if (frame.height > kMaxPickleDepth) {
          return Fail("values nested deeper than " + std::to_string(kMaxPickleDepth) + " levels");
        }
      }
    }
    for (const auto& [value, height] : heights) kept_.insert(value);
    return {};
  }

  Result<PickleRef> Run() {
    while (true) {
      if (at_ >= in_.size()) return Fail("pickle ends before its STOP opcode");
      opcode_at_ = at_;
      const auto opcode = static_cast<unsigned char>(in_[at_++]);
      if (opcode == '.') {
        if (stack_.empty()) return Fail("STOP with an empty stack");
        return stack_.back();
      }
      if (!Step(opcode)) return Error{error_};
    }
  }

 private:
  Error Fail(const std::string& what) const {
    return Error{std::string(where_) + ": pickle byte " + std::to_string(opcode_at_) + ": " + what};
  }
  bool Bad(const std::string& what) {
    error_ = Fail(what).message;
    return false;
  }

  static std::size_t ChildCount(const PickleValue& v) {
    return v.items.size() + v.args.size() + 2 * v.entries.size() + 1;
  }
  // Child `i` in the order items, args, entries (key, value), state; null
  // for an empty slot or past the end.
  static const PickleValue* ChildAt(const PickleValue& v, std::size_t i) {
    if (i < v.items.size()) return v.items[i].get();
    i -= v.items.size();
    if (i < v.args.size()) return v.args[i].get();
    i -= v.args.size();
    if (i < 2 * v.entries.size()) {
      const auto& entry = v.entries[i / 2];
      return (i % 2 == 0 ? entry.first : entry.second).get();
    }
    return i == 2 * v.entries.size() ? v.state.get() : nullptr;
  }

  void Push(PickleRef value) {
    made_.push_back(value);
    stack_.push_back(std::move(value));
  }
  // Accounts for `units` bytes or items about to be materialised.
  bool Spend(std::size_t units) {
    if (units > budget_ - spent_) {
      return Bad("pickle builds more than " + std::to_string(budget_) + " bytes and items from " +
                 std::to_string(in_.size()) + " bytes of input (a pickle bomb?)");
    }
    spent_ += units;
    return true;
  }

  bool Read(std::size_t count, std::string_view& bytes) {
    if (count > in_.size() - at_) return Bad("data ends inside an opcode argument");
    bytes = in_.substr(at_, count);
    at_ += count;
    return true;
  }
  template <typename T>
  bool ReadInt(T& value) {
    std::string_view bytes;
    if (!Read(sizeof(T), bytes)) return false;
    std::memcpy(&value, bytes.data(), sizeof(T));
    return true;
  }
  bool ReadLine(std::string_view& line) {
    const auto end = in_.find('\n', at_);
    if (end == std::string_view::npos) return Bad("unterminated line argument");
    line = in_.substr(at_, end - at_);
    at_ = end + 1;
    return true;
  }
  // Reads a length of type T, then that many bytes as a value of `kind`.
  template <typename T>
  bool PushSized(Kind kind) {
    T length{};
    std::string_view bytes;
    if (!ReadInt(length) || !Read(static_cast<std::size_t>(length), bytes)) return false;
    Push(MakePickleText(kind, bytes));
    return true;
  }

  // Reads an integer argument of type T and pushes it.
  template <typename T>
  bool PushInt() {
    T value{};
    if (!ReadInt(value)) return false;
    Push(MakePickleInt(value));
    return true;
  }
  // Reads an integer argument of type T and passes it to `step`.
  template <typename T, typename Argument>
  bool WithArgument(bool (Machine::*step)(Argument)) {
    T value{};
    return ReadInt(value) && (this->*step)(static_cast<Argument>(value));
  }

  bool Pop(PickleRef& value) {
    if (stack_.size() <= MarkFloor()) return Bad("stack underflow");
    value = std::move(stack_.back());
    stack_.pop_back();
    return true;
  }
  std::size_t MarkFloor() const { return marks_.empty() ? 0 : marks_.back(); }
  bool PopMark(std::vector<PickleRef>& items) {
    if (marks_.empty()) return Bad("no MARK on the stack");
    const std::size_t mark = marks_.back();
    marks_.pop_back();
    items.assign(std::make_move_iterator(stack_.begin() + static_cast<std::ptrdiff_t>(mark)),
                 std::make_move_iterator(stack_.end()));
    stack_.resize(mark);
    return true;
  }
  bool Top(PickleRef& value) {
    if (stack_.size() <= MarkFloor()) return Bad("stack underflow");
    value = stack_.back();
    return true;
  }

  bool PushItems(Kind kind, std::vector<PickleRef> items) {
    Push(MakePickle(kind));
    stack_.back()->items = std::move(items);
    return true;
  }

  bool PushTuple(std::size_t count) {
    if (stack_.size() < MarkFloor() + count) return Bad("stack underflow");
    auto tuple = MakePickle(Kind::kTuple);
    tuple->items.assign(stack_.end() - static_cast<std::ptrdiff_t>(count), stack_.end());
    stack_.resize(stack_.size() - count);
    Push(std::move(tuple));
    return true;
  }

  bool Memoize(std::uint32_t index) {
    PickleRef top;
    if (!Top(top)) return false;
    memo_[index] = top;
    return true;
  }
  bool Recall(std::uint32_t index) {
    const auto found = memo_.find(index);
    if (found == memo_.end()) return Bad("memo entry " + std::to_string(index) + " is missing");
    stack_.push_back(found->second);  // not fresh: already tracked
    return true;
  }

  bool PushGlobal(std::string module, std::string_view name) {
    if (!Spend(module.size() + name.size())) return false;
    if (module == "__builtin__") module = "builtins";  // Python 2 spelling
    Push(MakePickleText(Kind::kGlobal, module + "." + std::string(name)));
    return true;
  }

  // REDUCE and NEWOBJ: a call of `callable` with `args` (a tuple).
  bool Call(const PickleRef& callable, const PickleRef& args) {
    if (!callable->is(Kind::kGlobal)) return Bad("call of a non-global " + DescribePickleValue(*callable));
    if (!args->is(Kind::kTuple)) return Bad("call arguments are not a tuple");
    if (!Spend(args->items.size())) return false;
    const std::string& name = callable->text;
    if (name == "collections.OrderedDict" && args->items.empty()) {
      Push(MakePickle(Kind::kDict));
    } else if ((name == "builtins.set" || name == "builtins.frozenset") && args->items.size() <= 1) {
      auto set = MakePickle(Kind::kList);
      if (!args->items.empty()) {
        if (!Spend(args->items[0]->items.size())) return false;
        set->items = args->items[0]->items;
      }
      Push(std::move(set));
    } else if (name == "_codecs.encode" && args->items.size() == 2 && args->items[0]->is(Kind::kString)) {
      if (!Spend(args->items[0]->text.size())) return false;
      Push(BytesFromLatin1(args->items[0]->text));
    } else {
      auto object = MakePickleText(Kind::kObject, name);
      object->args = args->items;
      Push(std::move(object));
    }
    return true;
  }
  bool SetItems(std::vector<PickleRef> items) {
    PickleRef target;
    if (!Top(target)) return false;
    if (items.size() % 2 != 0) return Bad("odd number of items for SETITEMS");
    if (!target->is(Kind::kDict) && !target->is(Kind::kObject)) {
      return Bad("SETITEMS on " + DescribePickleValue(*target));
    }
    for (std::size_t i = 0; i < items.size(); i += 2) target->entries.emplace_back(items[i], items[i + 1]);
    return true;
  }
  bool Append(std::vector<PickleRef> items) {
    PickleRef target;
    if (!Top(target)) return false;
    if (!target->is(Kind::kList) && !target->is(Kind::kObject)) {
      return Bad("APPENDS on " + DescribePickleValue(*target));
    }
    target->items.insert(target->items.end(), items.begin(), items.end());
    return true;
  }

  bool PushLong(std::size_t length) {
    std::string_view bytes;
    if (!Read(length, bytes)) return false;
    if (length > 8) {  // kept opaque: no weight file needs its value
      Push(MakePickleText(Kind::kObject, "builtins.int"));
      return true;
    }
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < length; ++i)
      value |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
    if (length > 0 && length < 8 && (static_cast<unsigned char>(bytes[length - 1]) & 0x80) != 0) {
      value |= ~std::uint64_t{0} << (8 * length);  // sign-extend
    }
    Push(MakePickleInt(static_cast<std::int64_t>(value)));
    return true;
  }

  bool Step(unsigned char opcode);

  std::string_view in_;
  std::string_view where_;
  std::size_t at_ = 0;
  std::size_t opcode_at_ = 0;
  std::vector<PickleRef> stack_;
  std::vector<std::size_t> marks_;
  std::unordered_map<std::uint32_t, PickleRef> memo_;
  std::string error_;
  std::size_t budget_;
  std::size_t spent_ = 0;
  std::vector<std::weak_ptr<PickleValue>> made_;  // every value created, for the destructor
  std::unordered_set<const PickleValue*> kept_;   // reachable from the result
};

bool Machine::Step(unsigned char opcode) {
  PickleRef a, b, c;
  std::vector<PickleRef> items;
  std::string_view bytes, line;
  switch (opcode) {
    case 0x80:
      return Read(1, bytes);  // PROTO
    case 0x95:
      return Read(8, bytes);  // FRAME
    case '}':
      Push(MakePickle(Kind::kDict));
      return true;
    case ']':
      Push(MakePickle(Kind::kList));
      return true;
    case ')':
      Push(MakePickle(Kind::kTuple));
      return true;
    case 0x8f:
      Push(MakePickle(Kind::kList));
      return true;  // EMPTY_SET
    case 'N':
      Push(MakePickle(Kind::kNone));
      return true;
    case 0x88:
    case 0x89: {
      auto value = MakePickle(Kind::kBool);
      value->boolean = opcode == 0x88;
      Push(std::move(value));
      return true;
    }
    case '(':
      marks_.push_back(stack_.size());
      return true;
    case 'X':
      return PushSized<std::uint32_t>(Kind::kString);
    case 0x8c:
      return PushSized<std::uint8_t>(Kind::kString);
    case 0x8d:
      return PushSized<std::uint64_t>(Kind::kString);
    case 'U':
      return PushSized<std::uint8_t>(Kind::kString);
    case 'T':
      return PushSized<std::uint32_t>(Kind::kString);
    case 'C':
      return PushSized<std::uint8_t>(Kind::kBytes);
    case 'B':
      return PushSized<std::uint32_t>(Kind::kBytes);
    case 0x8e:
      return PushSized<std::uint64_t>(Kind::kBytes);
    case 'J':
      return PushInt<std::int32_t>();
    case 'K':
      return PushInt<std::uint8_t>();
    case 'M':
      return PushInt<std::uint16_t>();
    case 0x8a:
      return WithArgument<std::uint8_t>(&Machine::PushLong);
    case 0x8b:
      return WithArgument<std::uint32_t>(&Machine::PushLong);
    case 'G': {
      std::uint64_t raw;
      if (!ReadInt(raw)) return false;
      raw = __builtin_bswap64(raw);  // big-endian on the wire
      auto value = MakePickle(Kind::kFloat);
      std::memcpy(&value->real, &raw, sizeof raw);
      Push(std::move(value));
      return true;
    }
    case 'q':
      return WithArgument<std::uint8_t>(&Machine::Memoize);
    case 'r':
      return WithArgument<std::uint32_t>(&Machine::Memoize);
    case 0x94:
      return Memoize(static_cast<std::uint32_t>(memo_.size()));
    case 'h':
      return WithArgument<std::uint8_t>(&Machine::Recall);
    case 'j':
      return WithArgument<std::uint32_t>(&Machine::Recall);
    case 'c':
      return ReadLine(bytes) && ReadLine(line) && PushGlobal(std::string(bytes), line);
    case 0x93:  // STACK_GLOBAL
      if (!Pop(b) || !Pop(a)) return false;
      return PushGlobal(a->text, b->text);
    case 't':
      return PopMark(items) && PushItems(Kind::kTuple, std::move(items));
    case 0x85:
      return PushTuple(1);
    case 0x86:
      return PushTuple(2);
    case 0x87:
      return PushTuple(3);
    case 'l':
    case 0x91:
      return PopMark(items) && PushItems(Kind::kList, std::move(items));
    case 'd':
      return PopMark(items) && PushItems(Kind::kDict, {}) && SetItems(std::move(items));
    case 'R':
    case 0x81:  // NEWOBJ: cls(*args), the same call as REDUCE for our purposes
      return Pop(b) && Pop(a) && Call(a, b);
    case 0x92:
      return Pop(c) && Pop(b) && Pop(a) && Call(a, b);  // NEWOBJ_EX (kwargs dropped)
    case 'b':  // BUILD: keep the state on the object, never run __setstate__
      if (!Pop(b) || !Top(a)) return false;
      a->state = b;
      return true;
    case 's':
      return Pop(b) && Pop(a) && SetItems({a, b});
    case 'u':
      return PopMark(items) && SetItems(std::move(items));
    case 'a':
      return Pop(a) && Append({a});
    case 'e':
    case 0x90:
      return PopMark(items) && Append(std::move(items));
    case 'Q':
      if (!Pop(a)) return false;
      Push(MakePickle(Kind::kPersistentId));
      stack_.back()->items.push_back(a);
      return true;
    case '0':
      return Pop(a);
    case '1':
      return PopMark(items);
    case '2':
      if (!Top(a)) return false;
      stack_.push_back(a);  // not fresh: already tracked
      return true;
    default: {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02x", opcode);
      return Bad(std::string("unsupported pickle opcode ") + hex);
    }
  }
}

}  // namespace

Result<PickleRef> Unpickle(std::string_view pickle, std::string_view where, std::size_t* consumed) {
  Machine machine(pickle, where);
  auto result = machine.Run();
  if (consumed != nullptr) *consumed = machine.consumed();
  if (!result) return result;
  if (auto shape = machine.CheckShape(*result); !shape) return Error{shape.message()};
  return result;
}

}  // namespace vleval
