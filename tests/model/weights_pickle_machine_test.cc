#include "model/weights/pickle_machine.h"

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

}  // namespace
}  // namespace vleval
