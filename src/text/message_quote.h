// Text read from a file (a tensor name, a dictionary word, a vocabulary line), quoted in a
// one-line error message: 'wte.weight'. A file can put anything in such a name, newlines and
// control characters included (JSON's "\n" escape, a .bin word that is every byte up to NUL),
// and a message goes to the CLI's one stderr line and to the page, so the quote escapes what
// would break a line or hide in it: C0 and C1 controls, DEL, U+2028/U+2029 (JSON-style: \n, \t,
// \r, \u0001), ill-formed UTF-8 bytes (\xFF), and cuts very long text with "...".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace embplay {

inline constexpr std::size_t kMessageQuoteMaxChars = 80;

// `text` between single quotes, escaped as above, at most `max_chars` code points of it.
std::string quote_for_message(std::string_view text, std::size_t max_chars = kMessageQuoteMaxChars);

}  // namespace embplay
