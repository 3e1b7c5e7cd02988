// Quoting file text in one-line messages; see message_quote.h.
#include "text/message_quote.h"

#include <cstdio>

#include "text/utf8.h"

namespace embplay {

namespace {

bool breaks_line(char32_t cp) noexcept {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

void append_escape(std::string& out, char32_t cp) {
  char buf[8];
  switch (cp) {
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp)); out += buf;
  }
}

}  // namespace

std::string quote_for_message(std::string_view text, std::size_t max_chars) {
  std::string out = "'";
  std::size_t chars = 0;
  for (std::size_t pos = 0; pos < text.size(); ++chars) {
    if (chars == max_chars) {
      out += "...";
      break;
    }
    const DecodedChar d = decode_utf8(text, pos);
    if (!d.valid) {
      for (std::uint32_t i = 0; i < d.length; ++i) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[pos + i]));
        out += buf;
      }
    } else if (breaks_line(d.cp)) {
      append_escape(out, d.cp);
    } else {
      out.append(text.substr(pos, d.length));
    }
    pos += d.length;
  }
  return out + "'";
}

}  // namespace embplay
