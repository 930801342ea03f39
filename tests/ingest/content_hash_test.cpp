#include "defcoop/ingest/content_hash.h"

#include <gtest/gtest.h>

namespace defcoop::ingest {
namespace {

// Regression: a register saved with a byte-order mark or CRLF line ends was a new file
// to the store and doubled every figure of its vintage.
TEST(DataHash, IsTheSameWithByteOrderMarkCrlfAndTrailingNewlines) {
  std::string plain = "Recipient,Supplier\nChile,France\n";
  EXPECT_EQ(DataHash(plain), DataHash("\xEF\xBB\xBF" + plain));
  EXPECT_EQ(DataHash(plain), DataHash("Recipient,Supplier\r\nChile,France\r\n"));
  EXPECT_EQ(DataHash(plain), DataHash("Recipient,Supplier\rChile,France"));
  EXPECT_EQ(DataHash(plain), DataHash(plain + "\n\n"));
}

TEST(DataHash, IsTheSameForLatin1AndItsUtf8Encoding) {
  EXPECT_EQ(DataHash("Cura\xE7" "ao,France\n"), DataHash("Cura\xC3\xA7" "ao,France\n"));
}

TEST(DataHash, DiffersWhenTheDataDiffers) {
  EXPECT_NE(DataHash("Chile,France\n"), DataHash("Chile,Spain\n"));
  EXPECT_NE(DataHash("a,b\nc\n"), DataHash("a,b\n\nc\n"));
  EXPECT_EQ(DataHash("a").rfind("data1:", 0), 0u);
}

}  // namespace
}  // namespace defcoop::ingest
