//===--- BlockingCallCheck.cpp - coro-blocking-call -----------------------===//

#include "BlockingCallCheck.h"

using namespace clang;

namespace corolint {

namespace {

constexpr llvm::StringLiteral BlockingFunctionsKey = "BlockingFunctions";
constexpr llvm::StringLiteral AllowedFunctionsKey = "AllowedFunctions";

/// The table's row for one of Names; opt-in rows only when asked for.
const BlockingFunction *findBlocking(llvm::ArrayRef<std::string> Names,
                                     bool OptIn) {
  static const TableIndex<BlockingFunction> Index(blockingFunctions());
  return Index.find(Names, [&](const BlockingFunction &F) {
    return OptIn || !F.OptIn;
  });
}

} // namespace

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : CoroutineCallCheck(Name, Context),
      Blocking(nameListOption(BlockingFunctionsKey, BlockingSpec)),
      Allowed(nameListOption(AllowedFunctionsKey, AllowedSpec)) {}

void BlockingCallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, BlockingFunctionsKey, BlockingSpec);
  Options.store(Opts, AllowedFunctionsKey, AllowedSpec);
}

void BlockingCallCheck::checkCall(const OwnCall &Call, const AsyncContext &Coro,
                                  ASTContext &) {
  if (Allowed.match(Call.Names))
    return;
  std::string Name;
  const NameList::Entry *Listed = Blocking.match(Call.Names, &Name);
  const BlockingFunction *Known = findBlocking(Call.Names, Listed != nullptr);
  if ((!Listed && !Known) || !firstReport(Call))
    return;
  warnAt(Call, "blocking call to '%0'", Known ? Known->QualifiedName : Name,
         Coro);
  noteCoroutine(Coro);
  if (Listed && !Listed->Suggestion.empty())
    noteAt(Call, "use %0 instead") << Listed->Suggestion;
  else if (Known)
    noteAt(Call, "use %0 instead") << Known->Alternative;
}

} // namespace corolint
