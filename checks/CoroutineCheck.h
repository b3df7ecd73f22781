//===--- CoroutineCheck.h - What the coro-* checks share ------------------===//
//
// Every coro-* check is a view of the translation unit's Analysis: it reads
// the shared options, asks for the findings of its own check, renders them
// as clang-tidy diagnostics, and (where it reports chains) looks for chains
// through other files, recorded for the standalone tool or read from a
// facts directory.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_COROUTINECHECK_H
#define COROLINT_CHECKS_COROUTINECHECK_H

#include "FixIts.h"
#include "Session.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include <optional>

namespace corolint {

class CoroutineCheck : public clang::tidy::ClangTidyCheck {
public:
  /// A check whose fix-its add includes asks for WithIncludes.
  CoroutineCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                 std::shared_ptr<Session> S, CheckId Id,
                 bool WithIncludes = false);
  /// Coroutines need C++20; the standalone tool also records the facts of
  /// the other files (C, and C++ of any standard), whose plain functions
  /// coroutines in other files may call.
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) final;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const clang::SourceManager &SM,
                           clang::Preprocessor *PP,
                           clang::Preprocessor *ModuleExpanderPP) override;

protected:
  /// What this check's fix-its need beyond the AST.
  virtual FixOptions fixOptions() { return withIncludes({}); }
  /// Fix with the edit that adds an include, for checks made WithIncludes.
  FixOptions withIncludes(FixOptions Fix);
  /// The shared options, parsed.
  const ParsedOptions &options() const { return *Shared; }

private:
  /// Emits F, whose strings are in S, as a warning with its notes.
  void report(const Finding &F, const StringPool &S, clang::SourceManager &SM);
  /// The whole program that completes this file's candidates: the facts
  /// directory's (loaded, or its error said, in every file), else the
  /// front end's (corolint-clangd's background facts), asked only for a
  /// file that has candidates.
  std::shared_ptr<Program> wholeProgram(clang::SourceManager &SM,
                                        bool HasCandidates);

  const CheckInfo &Info;
  std::shared_ptr<Session> S;
  bool FollowCalls = true;
  std::shared_ptr<const ParsedOptions> Shared;
  /// Option FactsDirectory: facts that corolint --facts-out wrote.
  std::string FactsDirectory;
  std::shared_ptr<Program> Facts;
  /// The unit's preprocessor, for the compiled headers it loaded.
  const clang::Preprocessor *Unit = nullptr;
  /// Option IncludeStyle, for checks made WithIncludes.
  std::optional<clang::tidy::utils::IncludeInserter> Inserter;
};

} // namespace corolint

#endif // COROLINT_CHECKS_COROUTINECHECK_H
