//===--- CoroutineCheck.cpp - What the coro-* checks share ----------------===//

#include "CoroutineCheck.h"
#include "Recorder.h"
#include "Render.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/FileManager.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {

namespace {

constexpr llvm::StringLiteral FollowCallsKey = "FollowCalls";
constexpr llvm::StringLiteral FactsDirectoryKey = "FactsDirectory";
constexpr llvm::StringLiteral IncludeStyleKey = "IncludeStyle";

/// The shared options a check reads: its own value of each key, or else
/// the global one, or else the default. The families' switches are read
/// as their owner's.
AnalysisOptions sharedValues(const tidy::ClangTidyCheck::OptionsView &Options,
                             tidy::ClangTidyContext &Context) {
  AnalysisOptions Values;
  for (const SharedOptionKey &K : sharedOptionKeys())
    Values.*K.Field = Options.getLocalOrGlobal(K.Key, K.Default).str();
  Values.KnowledgeFiles =
      Knowledge::findFiles(Values.KnowledgeFiles, Context.getCurrentFile());
  tidy::ClangTidyCheck::OptionsView Owner(checkInfo(familySwitchOwner()).Name,
                                          Context.getOptions().CheckOptions,
                                          &Context);
  for (const FamilyInfo &F : families())
    if (!F.Option.empty())
      Values.Families[static_cast<size_t>(F.Id)] =
          Owner.getLocalOrGlobal(F.Option, "").str();
  return Values;
}

/// Values, parsed once per distinct value in the unit being set up. What
/// is wrong with a value is said once, in the name of the first enabled
/// check (by name) that reads it.
std::shared_ptr<const ParsedOptions>
parseShared(Session &S, tidy::ClangTidyContext &Context, AnalysisOptions Values,
            llvm::function_ref<void(const ParsedOptions::Error &,
                                    llvm::StringRef Reader)>
                Report) {
  std::string Fingerprint = Values.fingerprint();
  std::shared_ptr<const ParsedOptions> &Slot =
      S.parsedOptions(Context, Fingerprint);
  if (Slot)
    return Slot;
  std::vector<ParsedOptions::Error> Errors;
  Slot = std::make_shared<ParsedOptions>(std::move(Values), Errors);
  if (Errors.empty())
    return Slot;
  llvm::StringRef Reader;
  for (const CheckInfo &C : checkInfos())
    if (Context.isCheckEnabled(C.Name) &&
        sharedValues(tidy::ClangTidyCheck::OptionsView(
                         C.Name, Context.getOptions().CheckOptions, &Context),
                     Context)
                .fingerprint() == Fingerprint) {
      Reader = C.Name;
      break;
    }
  for (const ParsedOptions::Error &E : Errors)
    Report(E, E.Owner.empty() ? Reader : E.Owner);
  return Slot;
}

/// Where P is in SM, loading its file if the unit did not.
SourceLocation locate(const Place &P, const StringPool &S, SourceManager &SM) {
  if (P.Loc.isValid())
    return P.Loc;
  if (!P.valid())
    return {};
  llvm::Expected<FileEntryRef> File = SM.getFileManager().getFileRef(S[P.File]);
  if (!File) {
    llvm::consumeError(File.takeError());
    return {};
  }
  FileID ID = SM.translateFile(*File);
  if (ID.isInvalid())
    ID = SM.createFileID(*File, SourceLocation(), SrcMgr::C_User);
  return SM.translateLineCol(ID, P.Line, P.Col);
}

} // namespace

CoroutineCheck::CoroutineCheck(llvm::StringRef Name,
                               tidy::ClangTidyContext *Context,
                               std::shared_ptr<Session> S, CheckId Id,
                               bool WithIncludes)
    : ClangTidyCheck(Name, Context), Info(checkInfo(Id)), S(std::move(S)) {
  if (WithIncludes)
    Inserter.emplace(Options.getLocalOrGlobal(
                         IncludeStyleKey, tidy::utils::IncludeSorter::IS_LLVM),
                     areDiagsSelfContained());
  if (Info.Direct && Info.Followed)
    FollowCalls = Options.get(FollowCallsKey, true);
  if (Info.Followed)
    FactsDirectory = Options.getLocalOrGlobal(FactsDirectoryKey, "").str();
  Shared = parseShared(
      *this->S, *Context, sharedValues(Options, *Context),
      [&](const ParsedOptions::Error &E, llvm::StringRef By) {
        configurationDiag("option '%0' of check '%1': %2", DiagnosticIDs::Error)
            << E.Key << (By.empty() ? Name : By) << E.Why;
      });
}

bool CoroutineCheck::isLanguageVersionSupported(const LangOptions &LO) const {
  return LO.CPlusPlus20 || S->frontEnd().Recorder;
}

void CoroutineCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  if (Info.Direct && Info.Followed)
    Options.store(Opts, FollowCallsKey, FollowCalls);
  for (const SharedOptionKey &K : sharedOptionKeys())
    Options.store(Opts, K.Key,
                  K.Field == &AnalysisOptions::KnowledgeFiles
                      ? Options.getLocalOrGlobal(K.Key, K.Default).str()
                      : Shared->Values.*K.Field);
  if (Info.Followed)
    Options.store(Opts, FactsDirectoryKey, FactsDirectory);
  if (Inserter)
    Options.store(Opts, IncludeStyleKey, Inserter->getStyle());
}

void CoroutineCheck::registerPPCallbacks(const SourceManager &,
                                         Preprocessor *PP, Preprocessor *) {
  Unit = PP;
  if (Inserter)
    Inserter->registerPreprocessor(PP);
}

FixOptions CoroutineCheck::withIncludes(FixOptions Fix) {
  if (Inserter)
    Fix.Include = [this](FileID File, llvm::StringRef Header) {
      return Inserter->createIncludeInsertion(File, Header);
    };
  return Fix;
}

void CoroutineCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis finds the coroutines itself, once for every check.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void CoroutineCheck::check(const MatchFinder::MatchResult &R) {
  FactsRecorder *Recorder = S->frontEnd().Recorder;
  Analysis &A = S->analysis(*R.Context, Shared);
  SourceManager &SM = R.Context->getSourceManager();
  std::shared_ptr<StringPool> Strings = A.strings();
  const bool Chains = Info.Followed && FollowCalls;
  if (S->frontEnd().Rewrite) {
    S->offerRewrite(A, fixOptions());
    return;
  }
  if (Recorder)
    Recorder->addInputs(SM, Unit, A.options().knowledge().userFiles());
  for (const Finding &F : findingsWithFixes(A, Info.Id, fixOptions())) {
    if (F.chain() && !Chains)
      continue;
    if (Recorder)
      Recorder->addFinding(F, Strings);
    report(F, *Strings, SM);
  }
  if (!Chains)
    return;
  if (Recorder) {
    // The standalone tool resolves candidates once it has every file's
    // facts. Each goes through clang-tidy as a diagnostic, so that NOLINT
    // and the header filter decide whether it may be reported; the tool
    // reads only which of them came through, by place. (The text names the
    // check: clang-tidy merges equal diagnostics of different checks.)
    Recorder->addGraph(A.graph(), A.options().fingerprint());
    for (const Candidate &C : A.candidates(Info.Id)) {
      Recorder->addCandidate(C, Strings);
      diag(C.Pending.At.Loc, "call to %0 may reach what %1 reports through "
                             "another file")
          << (*Strings)[C.Pending.Callee] << Info.Name;
    }
  } else {
    std::vector<Candidate> Cands = A.candidates(Info.Id);
    if (std::shared_ptr<Program> Whole = wholeProgram(SM, !Cands.empty())) {
      StringPool &S = *Strings;
      for (const Candidate &C : Cands)
        if (std::optional<Finding> F = Whole->resolveFrom(C, S))
          report(*F, S, SM);
    }
  }
}

std::shared_ptr<Program> CoroutineCheck::wholeProgram(SourceManager &SM,
                                                      bool HasCandidates) {
  if (FactsDirectory.empty()) {
    if (!HasCandidates)
      return nullptr;
    OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    const FrontEnd &Front = S->frontEnd();
    return Main && Front.WholeProgram ? Front.WholeProgram(Main->getName())
                                      : nullptr;
  }
  if (!Facts) {
    std::string Error;
    Facts = Program::load(FactsDirectory, Error);
    if (!Facts) {
      configurationDiag("option '%0' of check '%1': %2", DiagnosticIDs::Error)
          << FactsDirectoryKey << getID() << Error;
      FactsDirectory.clear();
      return nullptr;
    }
  }
  return Facts;
}

void CoroutineCheck::report(const Finding &F, const StringPool &S,
                            SourceManager &SM) {
  SourceLocation WarningAt = locate(F.At, S, SM);
  for (const Message &M : render(F, S)) {
    auto Level = M.note() ? DiagnosticIDs::Note : DiagnosticIDs::Warning;
    SourceLocation At = locate(M.At, S, SM);
    DiagnosticBuilder D = At.isValid() ? diag(At, "%0", Level) << M.Text
                                       : diag(WarningAt, "%0 (%1:%2:%3)", Level)
                                             << M.Text << S[M.At.File]
                                             << M.At.Line << M.At.Col;
    for (const Edit &E : M.Fixes) {
      SourceLocation Begin = locate(E.At, S, SM);
      if (Begin.isValid())
        D << FixItHint::CreateReplacement(
            CharSourceRange::getCharRange(Begin,
                                          Begin.getLocWithOffset(E.Length)),
            E.Text);
    }
  }
}

void CoroutineCheck::onStartOfTranslationUnit() { S->startUnit(); }

void CoroutineCheck::onEndOfTranslationUnit() { S->endUnit(); }

} // namespace corolint
