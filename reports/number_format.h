// Number formatting shared by every report format, so that the same value is
// written the same way in Markdown, CSV, LaTeX, HTML and the terminal, and
// report files are byte-identical across machines (no locale, no iostream
// state).
#pragma once

#include <string>

namespace vleval {

// `value` with exactly `decimals` decimals; "-0.00" is written "0.00".
std::string Fixed(double value, int decimals = 2);

// Like Fixed, with an explicit sign: "+1.20", "-0.35", "0.00".
std::string Signed(double value, int decimals = 2);

// The shortest text that reads back as `value` (as Python's repr): 56.9, 84.29.
std::string Shortest(double value);

// A p-value: three decimals from 0.001 up ("0.388"), else two significant
// digits in exponent form ("1.2e-05"); "1.000" at most.
std::string PValueText(double p);

}  // namespace vleval
