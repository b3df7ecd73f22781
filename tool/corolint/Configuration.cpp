//===--- Configuration.cpp - The clang-tidy configuration a run uses ------===//

#include "Configuration.h"
#include "Checks.h"
#include "ListBlocking.h"
#include "Options.h"
#include "Paths.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

using namespace clang;

namespace corolint {

namespace {

/// The file whose configuration a listing shows: the first given, or one
/// in the current directory.
std::string configuredFile(const RunOptions &O) {
  return absolutePath(O.Files.empty() ? "dummy.cpp" : O.Files.front());
}

} // namespace

std::optional<int> validateFlags(const TidyFlags &Flags) {
  for (const auto &[Flag, Value] :
       {std::pair("--header-filter", &Flags.HeaderFilter),
        std::pair("--exclude-header-filter", &Flags.ExcludeHeaderFilter)}) {
    std::string Why;
    if (*Value && !llvm::Regex(**Value).isValid(Why))
      return usageError(std::string(Flag) + ": invalid regular expression '" +
                        **Value + "': " + Why);
  }
  auto Provider = makeOptionsProvider(Flags);
  if (!Provider)
    return usageError(llvm::toString(Provider.takeError()));
  if (auto FS = fileSystemFor(Flags); !FS)
    return usageError(llvm::toString(FS.takeError()));
  if (Flags.Checks) {
    // A name without a wildcard must name one of corolint's checks.
    tidy::ClangTidyOptions All = tidy::ClangTidyOptions::getDefaults();
    All.Checks = "-*,coro-*";
    std::vector<std::string> Known = tidy::getCheckNames(All, false);
    llvm::SmallVector<llvm::StringRef> Globs;
    llvm::StringRef(*Flags.Checks).split(Globs, ',', -1, false);
    for (llvm::StringRef G : Globs) {
      G = G.trim();
      if (G.starts_with("-") || G.contains('*') || G.empty())
        continue;
      if (!llvm::is_contained(Known, G))
        return usageError("--checks: unknown check '" + G +
                          "'; corolint's checks are " +
                          llvm::join(Known, ", "));
    }
  }
  return std::nullopt;
}

namespace {

/// What --verify-config finds wrong in Options (Where's): a coro-* name in
/// Checks that is no check, an option of a coro-* check that it does not
/// read, and what the checks say of their options' values. Other checks
/// are clang-tidy's to verify.
std::vector<std::string> verify(const RunOptions &O,
                                const tidy::ClangTidyOptions &Options,
                                const std::string &Where) {
  std::vector<std::string> Wrong;
  const std::string Checks = Options.Checks.value_or("");
  llvm::SmallVector<llvm::StringRef> Globs;
  llvm::StringRef(Checks).split(Globs, ',', -1, false);
  for (llvm::StringRef G : Globs) {
    G = G.trim().ltrim('-');
    if (G.starts_with("coro-") && !G.contains('*') && !checkNamed(G))
      Wrong.push_back("unknown check '" + G.str() + "'");
  }
  tidy::ClangTidyOptions All = Options;
  All.Checks = "-*,coro-*";
  tidy::ClangTidyOptions::OptionMap Known = tidy::getCheckOptions(All, false);
  std::vector<std::string> Unknown;
  for (const auto &[Key, Value] : Options.CheckOptions)
    if (Key.starts_with("coro-") && !Known.count(Key))
      Unknown.push_back("unknown option '" + Key.str() + "'");
  llvm::sort(Unknown);
  Wrong.insert(Wrong.end(), Unknown.begin(), Unknown.end());
  for (std::string &E : configurationErrors(O.Tidy, {Where}))
    Wrong.push_back(std::move(E));
  return Wrong;
}

} // namespace

int printConfiguration(const RunOptions &O) {
  if (std::optional<int> Status = validateFlags(O.Tidy))
    return *Status;
  auto Provider = makeOptionsProvider(O.Tidy);
  if (!Provider)
    return usageError(llvm::toString(Provider.takeError()));
  std::string Where = configuredFile(O);
  tidy::ClangTidyOptions Options = (*Provider)->getOptions(Where);
  std::vector<std::string> Enabled = tidy::getCheckNames(Options, false);
  std::vector<tidy::ClangTidyOptionsProvider::OptionsSource> Sources =
      (*Provider)->getRawOptions(Where);
  if (O.ExplainConfig)
    for (const std::string &Check : Enabled)
      for (const auto &[Raw, Source] : llvm::reverse(Sources))
        if (Raw.Checks && tidy::GlobList(*Raw.Checks).contains(Check)) {
          llvm::outs() << "'" << Check << "' is enabled in the "
                       << (Source == tidy::ClangTidyOptionsProvider::
                                         OptionsSourceTypeDefaultBinary
                               ? "corolint binary (its default)"
                               : Source)
                       << ".\n";
          break;
        }
  if (O.ListChecks) {
    llvm::outs() << "Enabled checks:\n";
    for (const std::string &Name : Enabled)
      llvm::outs() << "    " << Name << "\n";
    llvm::outs() << "\n";
  }
  if (O.VerifyConfig) {
    std::vector<std::string> Wrong = verify(O, Options, Where);
    for (const std::string &W : Wrong)
      llvm::errs() << "corolint: error: " << W << "\n";
    if (!Wrong.empty())
      return 1;
    llvm::outs() << "No config errors detected.\n";
  }
  if (O.DumpConfig) {
    Options.CheckOptions = tidy::getCheckOptions(Options, false);
    llvm::outs() << tidy::configurationAsText(
                        tidy::ClangTidyOptions::getDefaults().merge(Options, 0))
                 << "\n";
  }
  return 0;
}

bool markErrors(const RunOptions &O, Results &R) {
  auto Provider = makeOptionsProvider(O.Tidy);
  if (!Provider) { // validated before the run
    llvm::consumeError(Provider.takeError());
    return false;
  }
  bool Configured = false;
  llvm::StringMap<std::optional<std::string>> ByDirectory;
  for (Reported &F : R.Findings) {
    llvm::StringRef File = R.str(F.F.At.File);
    auto [It, New] =
        ByDirectory.try_emplace(llvm::sys::path::parent_path(File));
    if (New)
      It->second = (*Provider)->getOptions(File).WarningsAsErrors;
    const std::optional<std::string> &Errors = It->second;
    if (!Errors || Errors->empty())
      continue;
    Configured = true;
    F.AsError = tidy::GlobList(*Errors).contains(checkInfo(F.F.Check).Name);
  }
  if (O.Tidy.WarningsAsErrors && !O.Tidy.WarningsAsErrors->empty())
    Configured = true;
  return Configured;
}

int printKnowledge(const RunOptions &O) {
  auto Provider = makeOptionsProvider(O.Tidy);
  if (!Provider)
    return usageError(llvm::toString(Provider.takeError()));
  std::string Where = configuredFile(O);
  tidy::ClangTidyOptions Options = (*Provider)->getOptions(Where);
  // As the checks read each: coro-blocking-call's own value, or the global.
  auto ValueOf = [&](llvm::StringRef Key) -> std::string {
    for (const std::string &Name :
         {(checkInfo(familySwitchOwner()).Name + "." + Key).str(), Key.str()})
      if (auto It = Options.CheckOptions.find(Name);
          It != Options.CheckOptions.end())
        return It->second.Value;
    return "";
  };
  AnalysisOptions Values;
  for (const SharedOptionKey &K : sharedOptionKeys())
    Values.*K.Field = ValueOf(K.Key);
  Values.KnowledgeFiles = Knowledge::findFiles(Values.KnowledgeFiles, Where);
  for (const FamilyInfo &F : families())
    if (!F.Option.empty())
      Values.Families[static_cast<size_t>(F.Id)] = ValueOf(F.Option);
  std::vector<ParsedOptions::Error> Errors;
  ParsedOptions Parsed(std::move(Values), Errors);
  for (const ParsedOptions::Error &E : Errors)
    usageError("option '" + E.Key + "': " + E.Why);
  if (!Errors.empty())
    return ExitUsage;
  listBlocking(Parsed, O.ListBlocking, llvm::outs());
  return 0;
}

bool anyCheckEnabled(const TidyFlags &Flags,
                     llvm::ArrayRef<std::string> Paths) {
  auto Provider = makeOptionsProvider(Flags);
  if (!Provider) { // validated before the run
    llvm::consumeError(Provider.takeError());
    return true;
  }
  llvm::StringSet<> Seen;
  for (const std::string &Path : Paths) {
    std::optional<std::string> Checks = (*Provider)->getOptions(Path).Checks;
    if (!Seen.insert(Checks.value_or("")).second)
      continue;
    tidy::GlobList Enabled(Checks.value_or(""));
    if (llvm::any_of(checkInfos(), [&](const CheckInfo &C) {
          return Enabled.contains(C.Name);
        }))
      return true;
  }
  return false;
}

std::function<std::string(llvm::StringRef File)>
formatStyles(const TidyFlags &Flags) {
  auto Made = makeOptionsProvider(Flags);
  if (!Made) { // validated before the run
    llvm::consumeError(Made.takeError());
    return nullptr;
  }
  std::shared_ptr<tidy::ClangTidyOptionsProvider> Provider = std::move(*Made);
  return [Provider](llvm::StringRef File) {
    return Provider->getOptions(File).FormatStyle.value_or("none");
  };
}

std::string factsConfiguration(const tidy::ClangTidyOptions &Options) {
  std::string Text = "checks:";
  tidy::GlobList Enabled(Options.Checks.value_or(""));
  for (const CheckInfo &C : checkInfos())
    if (Enabled.contains(C.Name))
      Text += " " + C.Name.str();
  std::vector<std::string> Read;
  for (const auto &[Key, Value] : Options.CheckOptions)
    if (Key.starts_with("coro-") || !Key.contains('.'))
      Read.push_back(Key.str() + "=" + Value.Value);
  llvm::sort(Read);
  Text += "\noptions: " + llvm::join(Read, "\x1f");
  for (const auto &[Name, Args] :
       {std::pair("before", &Options.ExtraArgsBefore),
        std::pair("after", &Options.ExtraArgs)})
    if (*Args)
      Text += "\nargs " + std::string(Name) + ": " + llvm::join(**Args, "\x1f");
  Text += "\nsystem headers: ";
  Text += Options.SystemHeaders.value_or(false) ? "shown" : "hidden";
  return Text;
}

HeaderFilters::HeaderFilters(const TidyFlags &Flags) {
  auto Made = makeOptionsProvider(Flags);
  if (Made)
    Provider = std::move(*Made);
  else // validated before the run
    llvm::consumeError(Made.takeError());
}

void HeaderFilters::apply(FileFacts &F, const StringPool &S) {
  if (!Provider || !F.Parsed) // a file that failed has nothing to filter
    return;
  tidy::ClangTidyOptions Options = Provider->getOptions(F.File);
  std::string Shows = Options.HeaderFilterRegex.value_or("");
  std::string Excludes = Options.ExcludeHeaderFilterRegex.value_or("");
  auto [It, New] = ByRegexes.try_emplace({Shows, Excludes});
  Filter &Fl = It->second;
  if (New) {
    if (!Shows.empty())
      Fl.Shows.emplace(Shows);
    if (!Excludes.empty())
      Fl.Excludes.emplace(Excludes);
  }
  const std::string Main = canonicalPath(F.File);
  hideOutside(F, S, [&](llvm::StringRef Path) {
    return Path == Main || (Fl.Shows && Fl.Shows->match(Path) &&
                            !(Fl.Excludes && Fl.Excludes->match(Path)));
  });
}

} // namespace corolint
