// IsValidUtf8: what the server lets through to the commands (and their JSON writer).
#include <gtest/gtest.h>

#include "defcoop/server/server.h"

namespace defcoop::server {
namespace {

TEST(IsValidUtf8, AcceptsEveryScriptTheNamesUse) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Türkiye"));
  EXPECT_TRUE(IsValidUtf8("Қазақстан"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x9A\x80"));  // U+1F680, four bytes
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(IsValidUtf8, RefusesWhatIsNotUtf8) {
  EXPECT_FALSE(IsValidUtf8("\xFF\xFE"));              // never in UTF-8
  EXPECT_FALSE(IsValidUtf8("\x80"));                  // a continuation byte alone
  EXPECT_FALSE(IsValidUtf8("T\xC3"));                 // cut in the middle of a character
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));          // overlong '/' in three bytes
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));          // a UTF-16 surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));      // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));  // five-byte form
}

}  // namespace
}  // namespace defcoop::server
