//===--- CoroutineCallCheck.h - Shared base of the coro-* checks ----------===//
//
// Finds asynchronous contexts, walks their own code, and reports the calls
// that block: the primitives of the check's kind called in the coroutine
// itself, and (where the check follows calls) the plain functions whose
// shortest chain of calls reaches one, with a note per hop. Reports once
// per source location however many template instances share it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_COROUTINECALLCHECK_H
#define COROLINT_COROUTINECALLCHECK_H

#include "Analysis.h"
#include "Facts.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <set>

namespace corolint {

/// F's name as messages show it, quoted: qualified, with template arguments,
/// and lambdas without the file paths clang would add.
std::string displayName(const clang::FunctionDecl &F);

/// How a chain's warning names what it reaches: "nested run", ...
llvm::StringRef reachPhrase(BlockKind Kind);

class CoroutineCallCheck : public clang::tidy::ClangTidyCheck {
public:
  /// How a check treats its kind of primitive.
  enum class Reports {
    Direct,             // called in the coroutine itself
    DirectAndFollowed,  // and through plain functions, unless FollowCalls=0
    Followed,           // only through plain functions
  };

  CoroutineCallCheck(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context, BlockKind Kind,
                     Reports What);
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus20;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) final;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// Reports a primitive of the check's kind called in Coro itself.
  virtual void checkDirect(const OwnCall &Call, const Primitive &P,
                           const AsyncContext &Coro, clang::ASTContext &Ctx) {}

  /// Adds the notes that end a chain's report: what to do instead.
  virtual void noteChainAdvice(const OwnCall &Call, const Chain &C,
                               const AsyncContext &Coro,
                               const clang::FunctionDecl &Callee, Analysis &A,
                               clang::ASTContext &Ctx) {}

  /// A warning on Call. Message refers to Args as %0, %1, ...; it is
  /// completed with "inside coroutine 'f'".
  clang::DiagnosticBuilder warnAt(const OwnCall &Call, llvm::StringRef Message,
                                  llvm::ArrayRef<std::string> Args,
                                  const AsyncContext &Coro);

  /// The note that points at the coroutine.
  void noteCoroutine(const AsyncContext &Coro);

  /// A note at Call.
  clang::DiagnosticBuilder noteAt(const OwnCall &Call, llvm::StringRef Message);

  /// Notes where an implicit call happens, or where a call in a default
  /// argument is written.
  void noteImplicit(const OwnCall &Call);

private:
  void reportChain(const OwnCall &Call, const clang::FunctionDecl &Callee,
                   const Chain &C, const AsyncContext &Coro, Analysis &A);
  /// Call may reach a primitive through another unit: recorded as a
  /// candidate for a FactsRecorder, or looked up in the facts directory.
  void crossFile(const OwnCall &Call, const clang::FunctionDecl &Callee,
                 bool DefinedHere, const AsyncContext &Coro);
  std::optional<Candidate> candidateFor(const OwnCall &Call,
                                        const clang::FunctionDecl &Callee,
                                        bool DefinedHere,
                                        const AsyncContext &Coro);
  /// Where L is in SM, loading its file if the unit did not.
  static clang::SourceLocation locate(const FactLoc &L,
                                      clang::SourceManager &SM);

  const BlockKind Kind;
  const Reports What;
  bool FollowCalls = true;
  AnalysisOptions Shared;
  clang::ASTContext *Unit = nullptr; // with a FactsRecorder
  /// Option FactsDirectory: facts that corolint --facts-out wrote.
  std::string FactsDirectory;
  std::shared_ptr<LoadedFacts> Facts;
  /// Whether Call is reported for the first time: by location and callee
  /// name, as a variable's constructor and destructor share a location and
  /// template instances share both.
  bool firstReport(const OwnCall &Call);

  std::set<std::pair<clang::SourceLocation::UIntTy, std::string>> Reported;
};

} // namespace corolint

#endif // COROLINT_COROUTINECALLCHECK_H
