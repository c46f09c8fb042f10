// vleval_fuzz_seeds OUT [FILE.pth ...]: writes the seed corpora of the fuzz
// targets under OUT/<target>/ from the mini data root (written to OUT/mini by
// WriteMiniDataRoot, what `vleval data make-mini` runs) and from torch.save
// files (the tiny model's, from scripts/make-tiny-minigptv2): each archive's
// data.pkl becomes a pickle seed. scripts/fuzz copies the remaining seeds
// (configs, images, weight files) itself.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "benchmarks/mini_data_root.h"
#include "core/json_file.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/loader_files.h"
#include "model/weights/zip_directory.h"

namespace {

namespace fs = std::filesystem;

void WriteSeeds(const fs::path& dir, const std::vector<std::string>& seeds) {
  fs::create_directories(dir);
  for (std::size_t i = 0; i < seeds.size(); ++i) vleval::fuzz::WriteFile(dir / std::to_string(i), seeds[i]);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: vleval_fuzz_seeds OUT [FILE.pth ...]\n";
    return 2;
  }
  const fs::path out(argv[1]);
  const fs::path mini = out / "mini";
  if (auto status = vleval::WriteMiniDataRoot(mini); !status) {
    std::cerr << status.message() << "\n";
    return 1;
  }
  std::vector<std::string> loaders;
  for (std::size_t i = 0; i < vleval::fuzz::kLoaderFiles.size(); ++i) {
    auto text = vleval::ReadTextFile(mini / vleval::fuzz::kLoaderFiles[i].file);
    if (!text) {
      std::cerr << text.error().message << "\n";
      return 1;
    }
    loaders.push_back(std::string(1, static_cast<char>(i)) + *text);
  }
  WriteSeeds(out / "loaders", loaders);
  WriteSeeds(
      out / "predictions",
      {"{\"id\": 0, \"prompt\": \"q\", \"output\": \"yes\"}\n{\"id\": 1, \"output\": \"no\", "
       "\"token_ids\": [1, 2], \"attempts\": 2}\n",
       "{\"id\": \"a\", \"output\": \"x\", \"candidates_nll\": [1.5, 2.25], \"p_yes\": 0.5}\n",
       "[{\"answer\": \"red\", \"question_id\": 90005}, {\"answer\": \"two\", \"question_id\": 90006}]"});
  WriteSeeds(out / "box_codec",
             {"{<10><20><50><100>}", " <unk>{<1> <2><3><4>} is the man", "{<1><2><3><4>} 5",
              "box: [0.1, 0.25,0.5,  1] and [0, 0, 0, 0]", "[100, 200, 500, 1000]", "[-1.5, 2.0, 3, 4]",
              " Yes<unk>\t", "<unk><unk> two dogs <unk>"});
  WriteSeeds(out / "chair_tokenizer",
             {"A man is riding a horse. There are two dogs and a cat near the table.",
              "The image shows \"people\" (three of them) at a bus stop... Mr. Smith's car isn't there!",
              "``Hello,'' she said; the kids--two boys--played with a frisbee: it's red. 'Tis 5 o'clock?",
              "\xE2\x80\x9C"
              "A cake\xE2\x80\x9D on a plate\xE2\x80\xA6 with knives, forks and spoons."});
  std::vector<std::string> pickles;
  for (int i = 2; i < argc; ++i) {
    auto bytes = vleval::ReadTextFile(argv[i]);
    if (!bytes) continue;
    auto directory = vleval::ZipDirectory::Read(*bytes, argv[i]);
    if (!directory) continue;
    for (const auto& entry : directory->entries()) {
      if (entry.name.size() >= 8 && entry.name.compare(entry.name.size() - 8, 8, "data.pkl") == 0) {
        if (auto pickle = directory->EntryBytes(entry)) pickles.emplace_back(*pickle);
      }
    }
  }
  // A hand-written protocol 2 pickle for when no torch.save file is given.
  static const char kDict[] =
      "\x80\x02}q\x00(X\x01\x00\x00\x00\x61q\x01K\x01X\x01\x00\x00\x00\x62]q\x02(G@\x04"
      "\x00\x00\x00\x00\x00\x00N\x88\x65u.";
  pickles.emplace_back(kDict, sizeof kDict - 1);
  WriteSeeds(out / "pickle", pickles);
  std::cout << "seeds in " << out.string() << " (" << pickles.size() << " pickles)\n";
  return 0;
}
