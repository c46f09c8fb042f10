#include "model/weights/pickle_machine.h"

#include <cstring>

#include <gtest/gtest.h>

namespace vleval {
namespace {

using Kind = PickleValue::Kind;
using namespace std::string_literals;

// pickle.dumps(collections.OrderedDict([("a", 1), ("b", [2.5, None, True])]), protocol=2)
// with the memo opcodes kept, as Python 3.11 writes it.
const std::string kOrderedDict =
    "\x80\x02"
    "ccollections\nOrderedDict\nq\x00)Rq\x01(X\x01\x00\x00\x00"
    "aq\x02K\x01X\x01\x00\x00\x00"
    "bq\x03]q\x04"
    "(G@\x04\x00\x00\x00\x00\x00\x00N\x88"
    "eu."s;

TEST(PickleMachineTest, OrderedDictBecomesDictInInsertionOrder) {
  auto root = Unpickle(kOrderedDict, "t.pkl");
  ASSERT_TRUE(root.ok()) << root.error().message;
  ASSERT_TRUE((*root)->is(Kind::kDict));
  ASSERT_EQ((*root)->entries.size(), 2u);
  EXPECT_EQ((*root)->entries[0].first->text, "a");
  EXPECT_EQ((*root)->Find("a")->integer, 1);
  const PickleValue* list = (*root)->Find("b");
  ASSERT_TRUE(list->is(Kind::kList));
  ASSERT_EQ(list->items.size(), 3u);
  EXPECT_EQ(list->items[0]->real, 2.5);
  EXPECT_TRUE(list->items[1]->is(Kind::kNone));
  EXPECT_TRUE(list->items[2]->boolean);
}

// {"cfg": <__main__.Config object with state {"lr": -3}>, "n": 65536} at protocol 2:
// an unknown class is kept as an opaque object with its BUILD state.
const std::string kUnknownClass =
    "\x80\x02}q\x00(X\x03\x00\x00\x00"
    "cfgq\x01"
    "c__main__\nConfig\nq\x02)\x81q\x03}q\x04X\x02\x00\x00\x00lrq\x05"
    "J\xfd\xff\xff\xffsbX\x01\x00\x00\x00nq\x06J\x00\x00\x01\x00u."s;

TEST(PickleMachineTest, UnknownClassBecomesOpaqueObjectWithState) {
  auto root = Unpickle(kUnknownClass, "t.pkl");
  ASSERT_TRUE(root.ok()) << root.error().message;
  const PickleValue* config = (*root)->Find("cfg");
  ASSERT_NE(config, nullptr);
  EXPECT_TRUE(config->is(Kind::kObject));
  EXPECT_EQ(config->text, "__main__.Config");
  ASSERT_NE(config->state, nullptr);
  EXPECT_EQ(config->state->Find("lr")->integer, -3);
  EXPECT_EQ((*root)->Find("n")->integer, 65536);
}

TEST(PickleMachineTest, Long1IsSignExtended) {
  auto root = Unpickle("\x80\x02\x8a\x02\x00\xff."s, "t.pkl");
  ASSERT_TRUE(root.ok()) << root.error().message;
  EXPECT_EQ((*root)->integer, -256);
}

TEST(PickleMachineTest, IntegerWiderThan64BitsIsOpaqueNotFatal) {
  // The legacy torch.save magic number 0x1950a86a20f9469cfc6c.
  std::size_t consumed = 0;
  auto root = Unpickle("\x80\x02\x8a\x0a\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19.tail"s, "t.pkl", &consumed);
  ASSERT_TRUE(root.ok()) << root.error().message;
  EXPECT_EQ((*root)->text, "builtins.int");
  EXPECT_EQ(consumed, 15u);
}

TEST(PickleMachineTest, PersistentIdWrapsItsTuple) {
  auto root = Unpickle("\x80\x02(X\x01\x00\x00\x00kK\x07tQ."s, "t.pkl");
  ASSERT_TRUE(root.ok()) << root.error().message;
  ASSERT_TRUE((*root)->is(Kind::kPersistentId));
  EXPECT_EQ((*root)->items[0]->items[1]->integer, 7);
}

TEST(PickleMachineTest, UnsupportedOpcodeNamesFileAndOffset) {
  auto root = Unpickle("\x80\x02I1\n."s, "x/data.pkl");  // protocol-0 INT
  ASSERT_FALSE(root.ok());
  EXPECT_EQ(root.error().message, "x/data.pkl: pickle byte 2: unsupported pickle opcode 0x49");
}

TEST(PickleMachineTest, MissingStopAndMissingMemoAreErrors) {
  EXPECT_FALSE(Unpickle("\x80\x02K\x01"s, "t").ok());
  EXPECT_FALSE(Unpickle("\x80\x02h\x05."s, "t").ok());
  EXPECT_FALSE(Unpickle("\x80\x02R."s, "t").ok());
}

std::string Repeat(const std::string& piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(PickleMachineTest, NestingDeeperThanTheLimitIsAnErrorNotAStackOverflow) {
  // A million nested 1-tuples, then STOP: built without recursion, released
  // without recursion, rejected before any caller walks it.
  const std::string deep = "\x80\x02)"s + std::string(1'000'000, '\x85') + ".";
  auto root = Unpickle(deep, "deep.pkl");
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.error().message.find("deep.pkl: pickle byte 1000003: values nested deeper than 512 levels"),
            std::string::npos)
      << root.error().message;
  // The same chain popped off the stack mid-run is released without recursion.
  auto popped = Unpickle("\x80\x02)"s + std::string(1'000'000, '\x85') + "0N.", "popped.pkl");
  ASSERT_TRUE(popped.ok()) << popped.error().message;
  // 512 levels are fine.
  auto at_limit = Unpickle("\x80\x02)"s + std::string(511, '\x85') + ".", "ok.pkl");
  EXPECT_TRUE(at_limit.ok()) << at_limit.error().message;
}

TEST(PickleMachineTest, DeepNestingThroughTheMemoIsAnError) {
  // L0 = []; then repeatedly: Ln+1 = [], Ln.append(Ln+1), keeping Ln+1 memoized.
  std::string pickle = "\x80\x02]r\x00\x00\x00\x00"s;
  for (std::uint32_t i = 1; i < 2000; ++i) {
    std::string index(4, '\0');
    std::memcpy(index.data(), &i, 4);
    pickle += "]r"s + index + "a"s + "j"s + index;  // top = L(i-1): append L(i), recall L(i)
  }
  pickle += "0j\x00\x00\x00\x00."s;
  auto root = Unpickle(pickle, "memo.pkl");
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.error().message.find("nested deeper than 512 levels"), std::string::npos)
      << root.error().message;
}

TEST(PickleMachineTest, AValueContainingItselfIsAnErrorAndDoesNotLeak) {
  auto root = Unpickle(
      "\x80\x02]q\x00h\x00"
      "a."s,
      "cycle.pkl");
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.error().message.find("reference cycle"), std::string::npos) << root.error().message;
}

TEST(PickleMachineTest, APickleBombRunsOutOfItsBudget) {
  // One tuple of 100k items, memoized, then passed to a call 100k times.
  std::string pickle =
      "\x80\x02"
      "cbuiltins\nf\nq\x00("s +
      Repeat("N", 100'000) + "tq\x01"s;
  pickle += Repeat("h\x00h\x01R0"s, 100'000) + "N.";
  auto root = Unpickle(pickle, "bomb.pkl");
  ASSERT_FALSE(root.ok());
  EXPECT_NE(root.error().message.find("a pickle bomb?"), std::string::npos) << root.error().message;
}

}  // namespace
}  // namespace vleval
