// The answer cache: the same request is computed once, other requests are not confused
// with it, failures are not kept, and the byte budget evicts the least recently used.
#include "defcoop/server/answer_cache.h"

#include <gtest/gtest.h>

namespace defcoop::server {
namespace {

// A handler that counts its calls and answers with the request's text.
struct CountingHandler {
  int calls = 0;
  ApiResponse operator()(const ApiRequest& request) {
    ++calls;
    if (request.endpoint == "fail") return {Status::Usage("bad"), "", "", ""};
    std::string body = request.endpoint;
    for (const auto& [name, value] : request.params) body += "|" + name + "=" + value;
    return {Status::Ok(), body, "application/json", ""};
  }
};

ApiRequest Request(std::string endpoint, std::multimap<std::string, std::string> params = {}) {
  return {std::move(endpoint), std::move(params)};
}

TEST(AnswerCache, ComputesARepeatedRequestOnce) {
  AnswerCache cache(1 << 20);
  CountingHandler counting;
  ApiHandler handler = [&](const ApiRequest& r) { return counting(r); };
  ApiResponse first = cache.Answer(Request("claims", {{"lang", "tr"}}), handler);
  ApiResponse second = cache.Answer(Request("claims", {{"lang", "tr"}}), handler);
  EXPECT_EQ(counting.calls, 1);
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(second.content_type, "application/json");
}

TEST(AnswerCache, TellsRequestsApart) {
  AnswerCache cache(1 << 20);
  CountingHandler counting;
  ApiHandler handler = [&](const ApiRequest& r) { return counting(r); };
  cache.Answer(Request("claims", {{"lang", "tr"}}), handler);
  cache.Answer(Request("claims", {{"lang", "ru"}}), handler);
  cache.Answer(Request("network", {{"lang", "tr"}}), handler);
  // Names and values are separated: "a=bc" is not "ab=c".
  cache.Answer(Request("x", {{"a", "bc"}}), handler);
  ApiResponse other = cache.Answer(Request("x", {{"ab", "c"}}), handler);
  EXPECT_EQ(counting.calls, 5);
  EXPECT_EQ(other.body, "x|ab=c");
  // Repeated names in another order are another request.
  cache.Answer(Request("t", {{"actor", "TUR"}, {"actor", "AZE"}}), handler);
  cache.Answer(Request("t", {{"actor", "AZE"}, {"actor", "TUR"}}), handler);
  EXPECT_EQ(counting.calls, 7);
}

TEST(AnswerCache, DoesNotKeepFailures) {
  AnswerCache cache(1 << 20);
  CountingHandler counting;
  ApiHandler handler = [&](const ApiRequest& r) { return counting(r); };
  EXPECT_FALSE(cache.Answer(Request("fail"), handler).status.ok());
  EXPECT_FALSE(cache.Answer(Request("fail"), handler).status.ok());
  EXPECT_EQ(counting.calls, 2);
  EXPECT_EQ(cache.Entries(), 0u);
}

TEST(AnswerCache, EvictsTheLeastRecentlyUsedOverBudget) {
  // Each entry: key "aN" (2 bytes) + body "aN" (2 bytes) = 4 bytes; room for 3.
  AnswerCache cache(12);
  CountingHandler counting;
  ApiHandler handler = [&](const ApiRequest& r) { return counting(r); };
  for (const char* name : {"a1", "a2", "a3"}) cache.Answer(Request(name), handler);
  cache.Answer(Request("a1"), handler);  // a1 becomes the most recent
  cache.Answer(Request("a4"), handler);  // evicts a2
  EXPECT_EQ(counting.calls, 4);
  EXPECT_EQ(cache.Entries(), 3u);
  EXPECT_EQ(cache.Bytes(), 12u);
  cache.Answer(Request("a1"), handler);
  cache.Answer(Request("a3"), handler);
  EXPECT_EQ(counting.calls, 4);
  cache.Answer(Request("a2"), handler);
  EXPECT_EQ(counting.calls, 5);
}

TEST(AnswerCache, NeverKeepsAnAnswerLargerThanTheBudget) {
  AnswerCache cache(3);
  CountingHandler counting;
  ApiHandler handler = [&](const ApiRequest& r) { return counting(r); };
  cache.Answer(Request("large"), handler);
  cache.Answer(Request("large"), handler);
  EXPECT_EQ(counting.calls, 2);
  EXPECT_EQ(cache.Bytes(), 0u);
}

}  // namespace
}  // namespace defcoop::server
