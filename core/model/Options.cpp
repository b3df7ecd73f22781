//===--- Options.cpp - The options every check shares --------------------===//

#include "Options.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

namespace corolint {

namespace {

// Calls whose callable arguments run on another thread or executor:
// threads, Asio's post, concurrencpp's executors
// (executors/executor.h), async_simple's (Executor.h), folly's via.
constexpr llvm::StringLiteral DefaultOffloadFunctions =
    "std::thread::thread;std::jthread::jthread;std::async;"
    "asio::post;asio::dispatch;asio::defer;asio::co_spawn;"
    "boost::asio::post;boost::asio::dispatch;boost::asio::defer;"
    "boost::asio::co_spawn;folly::via;"
    "concurrencpp::executor::post;concurrencpp::executor::submit;"
    "concurrencpp::executor::bulk_post;concurrencpp::executor::bulk_submit;"
    "async_simple::Executor::schedule";

const SharedOptionKey Keys[] = {
    {"BlockingFunctions", &AnalysisOptions::BlockingFunctions,
     &ParsedOptions::Blocking, ""},
    {"AllowedFunctions", &AnalysisOptions::AllowedFunctions,
     &ParsedOptions::Allowed, ""},
    {"NonBlockingFunctions", &AnalysisOptions::NonBlockingFunctions,
     &ParsedOptions::NonBlocking, ""},
    {"OffloadFunctions", &AnalysisOptions::OffloadFunctions,
     &ParsedOptions::Offload, DefaultOffloadFunctions},
    {"BlockingPoolAwaitables", &AnalysisOptions::BlockingPoolAwaitables,
     &ParsedOptions::BlockingPool, ""},
    {"RunFunctions", &AnalysisOptions::RunFunctions, &ParsedOptions::Run, ""},
};

} // namespace

llvm::ArrayRef<SharedOptionKey> sharedOptionKeys() { return Keys; }

CheckId familySwitchOwner() { return CheckId::BlockingCall; }

std::string AnalysisOptions::fingerprint() const {
  std::string All;
  for (const SharedOptionKey &K : Keys)
    All += this->*K.Field + '\0';
  for (const std::string &Switch : Families)
    All += Switch + '\0';
  return llvm::utohexstr(llvm::xxh3_64bits(All));
}

ParsedOptions::ParsedOptions(AnalysisOptions V, std::vector<Error> &Errors)
    : Values(std::move(V)), Fingerprint(Values.fingerprint()) {
  for (const SharedOptionKey &K : Keys) {
    std::vector<std::string> Why;
    this->*K.List = NameList(Values.*K.Field, Why);
    for (std::string &W : Why)
      Errors.push_back({K.Key, std::move(W)});
  }
  for (const FamilyInfo &F : families()) {
    llvm::StringRef Value = Values.Families[static_cast<size_t>(F.Id)];
    if (F.Option.empty() || Value.empty())
      continue;
    std::optional<bool> On = llvm::StringSwitch<std::optional<bool>>(Value)
                                 .CasesLower("true", "1", "on", true)
                                 .CasesLower("false", "0", "off", false)
                                 .Default(std::nullopt);
    if (!On)
      Errors.push_back({F.Option,
                        "'" + Value.str() + "' is neither true nor false; "
                        "the family stays on",
                        checkInfo(familySwitchOwner()).Name});
    else
      Off[static_cast<size_t>(F.Id)] = !*On;
  }
}

} // namespace corolint
