//===--- Session.h - What the coro-* checks of one run share --------------===//
//
// clang-tidy makes each check on its own. The coro-* checks of one run
// (clang-tidy's, one of clangd's parses, the standalone tool's worker)
// share one Session, handed to each by the factories that register them
// (addCorolintChecks): the shared options, parsed once per unit; the unit's
// analyses, one per set of options; and what the front end gives them, the
// standalone tool's facts recorder or corolint-clangd's whole program.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKS_SESSION_H
#define COROLINT_CHECKS_SESSION_H

#include "Analysis.h"
#include "FixIts.h"
#include "Options.h"
#include "Program.h"
#include "llvm/ADT/StringMap.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy {
class ClangTidyCheckFactories;
class ClangTidyContext;
} // namespace clang::tidy

namespace corolint {

class FactsRecorder;

/// What a front end gives the checks it makes.
struct FrontEnd {
  /// The standalone tool's worker records the file's facts: the checks
  /// analyse every function the unit defines, and hand the recorder their
  /// graph, findings and candidates.
  FactsRecorder *Recorder = nullptr;
  /// corolint-clangd's background facts: the whole program around a main
  /// file, asked for only when the file has calls whose chains may pass
  /// through other files; it answers at once.
  std::function<std::shared_ptr<Program>(llvm::StringRef MainFile)>
      WholeProgram;
  /// The standalone tool's rewrite across files: the checks hand it each
  /// unit's analysis, once, as the unit ends (with the fix options of the
  /// check that has a sleep replacement, if one has), and report nothing.
  std::function<void(UnitIndex &, const FixOptions &)> Rewrite;
};

class Session {
public:
  explicit Session(FrontEnd Front = {}) : Front(std::move(Front)) {}
  const FrontEnd &frontEnd() const { return Front; }

  /// Where the options whose fingerprint is Fingerprint, parsed, are kept
  /// for the unit Context sets up now: empty the first time they are asked
  /// for in the unit.
  std::shared_ptr<const ParsedOptions> &
  parsedOptions(const clang::tidy::ClangTidyContext &Context,
                llvm::StringRef Fingerprint);

  /// The analysis of Ctx's unit under Opts, made on first use and shared
  /// by every check that asks with the same options.
  Analysis &analysis(clang::ASTContext &Ctx,
                     const std::shared_ptr<const ParsedOptions> &Opts);

  /// A unit starts or ends: its analyses go. (The first check to start or
  /// finish drops them; the others find nothing left to drop.)
  void startUnit();
  void endUnit();

  /// A check offers the front end's Rewrite the unit's analysis A, with its
  /// fix options; it runs once, as the unit ends.
  void offerRewrite(UnitIndex &A, const FixOptions &Fix);

private:
  FrontEnd Front;
  const clang::tidy::ClangTidyContext *OptionsContext = nullptr;
  std::string OptionsFile;
  llvm::StringMap<std::shared_ptr<const ParsedOptions>> Parsed;
  std::vector<std::unique_ptr<Analysis>> Analyses;
  UnitIndex *ToRewrite = nullptr;
  FixOptions RewriteFix;
};

/// Registers the coro-* checks in Factories, each made with S.
void addCorolintChecks(clang::tidy::ClangTidyCheckFactories &Factories,
                       const std::shared_ptr<Session> &S);

} // namespace corolint

#endif // COROLINT_CHECKS_SESSION_H
