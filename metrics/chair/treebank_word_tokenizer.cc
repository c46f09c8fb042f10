#include "metrics/chair/treebank_word_tokenizer.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <utility>

#include "metrics/chair/punkt_sentence_splitter.h"
#include "metrics/chair/treebank_padding.h"
#include "metrics/python_text.h"

namespace vleval::chair {
namespace {

struct Rule {
  // A hand-written rewrite (treebank_padding.h) for the rules whose regex
  // repeats over runs of characters; otherwise `pattern`.
  std::string (*rewrite)(std::string_view) = nullptr;
  std::regex pattern;
  std::string replacement;  // ECMAScript format: $1, $& ...
  // A rule is only run when the text contains one of these bytes (an exact
  // shortcut: without them the pattern cannot match). Empty = always run.
  std::string triggers;
  // For the contraction rules: a word that must occur (ASCII case-insensitive).
  std::string needle;
};

Rule MakeRule(const char* pattern, const char* replacement, std::string triggers, bool ignore_case = false,
              std::string needle = {}) {
  auto flags = std::regex::ECMAScript | std::regex::optimize;
  if (ignore_case) flags |= std::regex::icase;
  return Rule{nullptr, std::regex(pattern, flags), replacement, std::move(triggers), std::move(needle)};
}

Rule MakeRewrite(std::string (*rewrite)(std::string_view), std::string triggers) {
  return Rule{rewrite, {}, {}, std::move(triggers), {}};
}

bool ContainsIgnoringCase(std::string_view text, std::string_view needle) {
  auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

// Unicode quotes as byte sequences: « “ ‘ „ and » ” ’.
constexpr const char* kHighBytes = "\xC2\xE2";

struct Cascade {
  std::vector<Rule> before_padding;  // STARTING_QUOTES, PUNCTUATION, parens, dashes
  std::vector<Rule> after_padding;   // ENDING_QUOTES, CONTRACTIONS2/3
};

Cascade BuildCascade() {
  const std::string quotes = std::string("\"'`") + kHighBytes;
  Cascade c;
  auto& b = c.before_padding;
  b.push_back(MakeRewrite(PadStartingQuotes, std::string("`") + kHighBytes));
  b.push_back(MakeRule("^\"", "``", "\""));
  b.push_back(MakeRule("(``)", " $1 ", "`"));
  b.push_back(MakeRule("([ \\(\\[{<])(\"|'')", "$1 `` ", "\"'"));
  b.push_back(MakeRule("(')(?!re|ve|ll|m|t|s|d|n)(\\w)\\b", "$1 $2", "'", true));
  b.push_back(MakeRewrite(PadFinalPeriodBeforeQuotes, "."));
  b.push_back(MakeRule("([:,])([^\\d])", " $1 $2", ":,"));
  b.push_back(MakeRule("([:,])$", " $1 ", ":,"));
  b.push_back(MakeRewrite(PadEllipsis, "."));
  b.push_back(MakeRule("[;@#$%&]", " $& ", ";@#$%&"));
  b.push_back(MakeRewrite(PadFinalPeriod, "."));
  b.push_back(MakeRule("[?!]", " $& ", "?!"));
  b.push_back(MakeRule("([^'])' ", "$1 ' ", "'"));
  b.push_back(MakeRule("[*]", " $& ", "*"));
  b.push_back(MakeRule("[\\]\\[\\(\\)\\{\\}<>]", " $& ", "[](){}<>"));
  b.push_back(MakeRule("--", " -- ", "-"));
  auto& a = c.after_padding;
  a.push_back(MakeRule("(\xC2\xBB|\xE2\x80\x9D|\xE2\x80\x99)", " $1 ", kHighBytes));
  a.push_back(MakeRule("''", " '' ", "'"));
  a.push_back(MakeRule("\"", " '' ", "\""));
  a.push_back(MakeRule("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 ", "'"));
  a.push_back(MakeRule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 ", "'"));
  const std::pair<const char*, const char*> contractions[] = {
      {"\\b(can)(not)\\b", "cannot"}, {"\\b(d)('ye)\\b", "d'ye"},       {"\\b(gim)(me)\\b", "gimme"},
      {"\\b(gon)(na)\\b", "gonna"},   {"\\b(got)(ta)\\b", "gotta"},     {"\\b(lem)(me)\\b", "lemme"},
      {"\\b(more)('n)\\b", "more'n"}, {"\\b(wan)(na)(?=\\s)", "wanna"}, {" ('t)(is)\\b", " 'tis"},
      {" ('t)(was)\\b", " 'twas"}};
  for (const auto& [pattern, needle] : contractions) {
    a.push_back(MakeRule(pattern, " $1 $2 ", "", true, needle));
  }
  return c;
}

const Cascade& SharedCascade() {
  static const Cascade cascade = BuildCascade();
  return cascade;
}

void Apply(const std::vector<Rule>& rules, std::string& text) {
  for (const Rule& rule : rules) {
    if (!rule.triggers.empty() && text.find_first_of(rule.triggers) == std::string::npos) continue;
    if (!rule.needle.empty() && !ContainsIgnoringCase(text, rule.needle)) continue;
    text = rule.rewrite != nullptr ? rule.rewrite(text)
                                   : std::regex_replace(text, rule.pattern, rule.replacement);
  }
}

}  // namespace

std::vector<std::string> TreebankTokenize(std::string_view sentence) {
  const Cascade& cascade = SharedCascade();
  std::string text(sentence);
  Apply(cascade.before_padding, text);
  text = " " + text + " ";
  Apply(cascade.after_padding, text);
  return PySplit(text);
}

std::vector<std::string> NltkWordTokenize(std::string_view text, const PunktParameters& params) {
  std::vector<std::string> tokens;
  for (const std::string& sentence : SplitSentences(text, params)) {
    for (std::string& token : TreebankTokenize(sentence)) tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace vleval::chair
