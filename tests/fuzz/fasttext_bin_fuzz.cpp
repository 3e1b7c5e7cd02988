// Fuzz target: fastText model files (src/fasttext/fasttext_format.h), the .bin a reader brings
// and the .vec written beside it. Input: the .bin bytes. Properties:
//  * a refusal is std::invalid_argument "not a usable fastText .bin: ..." on one printable line;
//  * nothing is allocated beyond what the bytes can hold: tests/fuzz.sh runs every target with
//    -malloc_limit_mb, so a header claiming 10^9 words or a 10^12-row matrix that were allocated
//    before being checked against the remaining bytes would stop the run;
//  * an accepted model agrees with the bytes, read again field by field here: magic, version,
//    args, dictionary (size = nwords, no labels, not pruned, each word up to its NUL with its
//    count), two unquantized matrices of (words + buckets) x dim and words x dim, and the file
//    ends exactly after the output matrix; words non-empty, distinct, without whitespace; values
//    finite;
//  * written back (to_fasttext_bin) and read again, the model is identical, writing it again
//    gives the same bytes, and those are the input itself when it says "not pruned" with -1;
//  * the .vec (to_fasttext_vec) has "words dim" and one line per word; when the words are valid
//    UTF-8 and the vectors finite, the word2vec text reader reads it back: the same words in
//    order, values within the rounding of 5 significant digits of word_vectors(), which equal
//    vector(word) for each word.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_set>

#include "fasttext/fasttext_format.h"
#include "fuzz_check.h"
#include "vectors/word2vec_reader.h"

namespace {

using namespace embplay;

class Bytes {
 public:
  explicit Bytes(std::string_view b) : b_(b) {}
  template <class T>
  T get() {
    FUZZ_CHECK(pos_ + sizeof(T) <= b_.size());
    T v;
    std::memcpy(&v, b_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  std::string word() {
    const std::size_t end = b_.find('\0', pos_);
    FUZZ_CHECK(end != std::string_view::npos);
    std::string w(b_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return w;
  }
  void skip(std::uint64_t n) {
    FUZZ_CHECK(n <= b_.size() - pos_);
    pos_ += n;
  }
  std::size_t pos() const { return pos_; }

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
};

bool same_model(const SubwordModel& a, const SubwordModel& b) {
  const FastTextArgs &x = a.args(), &y = b.args();
  return std::memcmp(&x.t, &y.t, sizeof x.t) == 0 && x.dim == y.dim && x.ws == y.ws && x.epoch == y.epoch &&
         x.min_count == y.min_count && x.neg == y.neg && x.word_ngrams == y.word_ngrams && x.loss == y.loss &&
         x.model == y.model && x.bucket == y.bucket && x.minn == y.minn && x.maxn == y.maxn &&
         x.lr_update_rate == y.lr_update_rate && a.words() == b.words() && a.counts() == b.counts() &&
         a.ntokens() == b.ntokens() && a.input().rows() == b.input().rows() && a.input().cols() == b.input().cols() &&
         a.output().rows() == b.output().rows() &&
         std::memcmp(a.input().data(), b.input().data(), 4 * static_cast<std::size_t>(a.input().size())) == 0 &&
         std::memcmp(a.output().data(), b.output().data(), 4 * static_cast<std::size_t>(a.output().size())) == 0;
}

// Returns pruneidx_size as the file wrote it.
std::int64_t check_against_bytes(const SubwordModel& m, std::string_view bytes) {
  Bytes b(bytes);
  FUZZ_CHECK(b.get<std::int32_t>() == kFastTextMagic && b.get<std::int32_t>() == kFastTextVersion);
  std::int32_t args[12];
  for (std::int32_t& a : args) a = b.get<std::int32_t>();
  const double t = b.get<double>();
  const FastTextArgs& a = m.args();
  FUZZ_CHECK(a.dim == args[0] && a.ws == args[1] && a.epoch == args[2] && a.min_count == args[3] && a.neg == args[4] &&
             a.word_ngrams == args[5] && a.loss == args[6] && a.model == args[7] && a.bucket == args[8] &&
             a.minn == args[9] && a.maxn == args[10] && a.lr_update_rate == args[11] && std::memcmp(&a.t, &t, 8) == 0);
  FUZZ_CHECK(a.model == FastTextArgs::kCbow || a.model == FastTextArgs::kSkipGram);
  const std::int32_t size = b.get<std::int32_t>(), nwords = b.get<std::int32_t>(), nlabels = b.get<std::int32_t>();
  FUZZ_CHECK(size >= 1 && nwords == size && nlabels == 0 && static_cast<std::size_t>(size) == m.size());
  FUZZ_CHECK(b.get<std::int64_t>() == m.ntokens());
  const std::int64_t pruneidx_size = b.get<std::int64_t>();
  FUZZ_CHECK(pruneidx_size <= 0);
  std::unordered_set<std::string> seen;
  for (std::int32_t i = 0; i < size; ++i) {
    const std::string w = b.word();
    FUZZ_CHECK(w == m.words()[static_cast<std::size_t>(i)] && !w.empty() && seen.insert(w).second);
    FUZZ_CHECK(w.find_first_of(" \t\n\r\v\f") == std::string::npos);
    FUZZ_CHECK(b.get<std::int64_t>() == m.counts()[static_cast<std::size_t>(i)] && b.get<std::int8_t>() == 0);
  }
  const std::uint64_t rows = static_cast<std::uint64_t>(size) + (a.maxn > 0 ? static_cast<std::uint64_t>(a.bucket) : 0);
  const std::uint64_t dim = static_cast<std::uint64_t>(a.dim);
  for (const std::uint64_t r : {rows, static_cast<std::uint64_t>(size)}) {
    FUZZ_CHECK(b.get<char>() == 0);
    FUZZ_CHECK(b.get<std::int64_t>() == static_cast<std::int64_t>(r) && b.get<std::int64_t>() == a.dim);
    b.skip(r * dim * 4);
  }
  FUZZ_CHECK(b.pos() == bytes.size());
  FUZZ_CHECK(m.dim() == dim && static_cast<std::uint64_t>(m.input().rows()) == rows &&
             static_cast<std::uint64_t>(m.output().rows()) == m.size());
  FUZZ_CHECK(m.input().allFinite() && m.output().allFinite());
  return pruneidx_size;
}

void check_vec(const SubwordModel& m) {
  const std::string vec = to_fasttext_vec(m);
  FUZZ_CHECK(vec.rfind(std::to_string(m.size()) + " " + std::to_string(m.dim()) + "\n", 0) == 0);
  FUZZ_CHECK(static_cast<std::size_t>(std::count(vec.begin(), vec.end(), '\n')) == m.size() + 1);
  const WordVectors v = m.word_vectors();
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::vector<float> expected = m.vector(v.word(i));
    FUZZ_CHECK(std::memcmp(expected.data(), v.vectors().row(static_cast<Eigen::Index>(i)).data(), 4 * v.dim()) == 0);
  }
  for (const std::string& w : v.words())
    if (count_invalid_utf8(w) != 0) return;  // the word2vec reader takes UTF-8 only
  if (!v.vectors().allFinite()) return;      // a mean of huge rows can overflow, as in fastText
  const WordVectors back = from_word2vec(vec, Word2VecFormat::Text);
  FUZZ_CHECK(back.words() == v.words() && back.dim() == v.dim());
  for (Eigen::Index k = 0; k < v.vectors().size(); ++k) {
    const double a = v.vectors().data()[k], b = back.vectors().data()[k];
    FUZZ_CHECK(std::fabs(a - b) <= 6e-5 * std::fabs(a) + 1e-38);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_text(data, size);
  std::optional<SubwordModel> model;
  const std::string message = fuzz::refusal_of<std::invalid_argument>([&] { model.emplace(from_fasttext_bin(bytes)); });
  if (!model) {
    FUZZ_CHECK(message.rfind("not a usable fastText .bin: ", 0) == 0);
    return 0;
  }
  const std::int64_t pruneidx_size = check_against_bytes(*model, bytes);
  const std::string written = to_fasttext_bin(*model);
  if (pruneidx_size == -1) FUZZ_CHECK(written == bytes);
  const SubwordModel again = from_fasttext_bin(written);
  FUZZ_CHECK(same_model(*model, again));
  FUZZ_CHECK(to_fasttext_bin(again) == written);
  check_vec(*model);
  return 0;
}
