//===--- Options.cpp - The options every check shares --------------------===//

#include "Options.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/xxhash.h"

namespace corolint {

llvm::ArrayRef<SharedOptionKey> sharedOptionKeys() {
  // Calls whose callable arguments run on another thread or executor: by
  // default, the knowledge's (offload rows).
  static const SharedOptionKey Keys[] = {
      {"BlockingFunctions", &AnalysisOptions::BlockingFunctions,
       &ParsedOptions::Blocking, ""},
      {"AllowedFunctions", &AnalysisOptions::AllowedFunctions,
       &ParsedOptions::Allowed, ""},
      {"NonBlockingFunctions", &AnalysisOptions::NonBlockingFunctions,
       &ParsedOptions::NonBlocking, ""},
      {"OffloadFunctions", &AnalysisOptions::OffloadFunctions,
       &ParsedOptions::Offload, Knowledge::builtin().offloadFunctions()},
      {"BlockingPoolAwaitables", &AnalysisOptions::BlockingPoolAwaitables,
       &ParsedOptions::BlockingPool, ""},
      {"RunFunctions", &AnalysisOptions::RunFunctions, &ParsedOptions::Run, ""},
      {"KnowledgeFiles", &AnalysisOptions::KnowledgeFiles, nullptr, ""},
  };
  return Keys;
}

CheckId familySwitchOwner() { return CheckId::BlockingCall; }

std::string AnalysisOptions::fingerprint() const {
  std::string All;
  for (const SharedOptionKey &K : sharedOptionKeys())
    All += this->*K.Field + '\0';
  for (const std::string &Switch : Families)
    All += Switch + '\0';
  return llvm::utohexstr(llvm::xxh3_64bits(All));
}

ParsedOptions::ParsedOptions(AnalysisOptions V, std::vector<Error> &Errors)
    : Values(std::move(V)) {
  llvm::SmallVector<llvm::StringRef> Files;
  llvm::StringRef(Values.KnowledgeFiles).split(Files, ';', -1, false);
  std::vector<std::string> Paths(Files.begin(), Files.end()), Unread;
  K = Knowledge::withFiles(Paths, Unread);
  for (std::string &Why : Unread)
    Errors.push_back({"KnowledgeFiles", std::move(Why)});
  // The knowledge's texts, not only their names, decide what is recorded.
  std::string Texts;
  for (const auto &[Path, Hash] : K->userFiles())
    Texts += Path + '\0' + llvm::utohexstr(Hash) + '\0';
  Fingerprint = Values.fingerprint();
  if (!Texts.empty())
    Fingerprint += "-" + llvm::utohexstr(llvm::xxh3_64bits(Texts));

  for (const SharedOptionKey &Key : sharedOptionKeys()) {
    if (!Key.List)
      continue;
    std::string Spec = Values.*Key.Field;
    // The user's offload rows come with the offload functions given.
    if (Key.List == &ParsedOptions::Offload &&
        !K->userOffloadFunctions().empty())
      Spec += ";" + K->userOffloadFunctions();
    std::vector<std::string> Why;
    this->*Key.List = NameList(Spec, Why);
    for (std::string &W : Why)
      Errors.push_back({Key.Key, std::move(W)});
  }
  for (const FamilyInfo &F : families()) {
    Off[static_cast<size_t>(F.Id)] = !F.On;
    llvm::StringRef Value = Values.Families[static_cast<size_t>(F.Id)];
    if (F.Option.empty() || Value.empty())
      continue;
    std::optional<bool> On = llvm::StringSwitch<std::optional<bool>>(Value)
                                 .CasesLower("true", "1", "on", true)
                                 .CasesLower("false", "0", "off", false)
                                 .Default(std::nullopt);
    if (!On)
      Errors.push_back({F.Option,
                        "'" + Value.str() +
                            "' is neither true nor false; "
                            "the family stays " +
                            (F.On ? "on" : "off"),
                        checkInfo(familySwitchOwner()).Name});
    else
      Off[static_cast<size_t>(F.Id)] = !*On;
  }
}

} // namespace corolint
