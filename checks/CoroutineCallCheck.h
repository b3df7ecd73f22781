//===--- CoroutineCallCheck.h - Shared base of the coro-* call checks -----===//
//
// Finds asynchronous contexts, walks their own code and hands each call to
// the derived check; reports once per source location however many template
// instances share it, and words the parts of a diagnostic every check shares.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_COROUTINECALLCHECK_H
#define COROLINT_COROUTINECALLCHECK_H

#include "CoroutineContext.h"
#include "NameList.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace corolint {

class CoroutineCallCheck : public clang::tidy::ClangTidyCheck {
public:
  using ClangTidyCheck::ClangTidyCheck;
  bool isLanguageVersionSupported(const clang::LangOptions &LO) const override {
    return LO.CPlusPlus20;
  }
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) final;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &R) final;
  void onEndOfTranslationUnit() override;

protected:
  /// Reads the function-list option Key into Spec and parses it; malformed
  /// entries are reported as configuration errors and left out.
  NameList nameListOption(llvm::StringRef Key, std::string &Spec);

  /// Looks at one call of Coro's own code.
  virtual void checkCall(const OwnCall &Call, const AsyncContext &Coro,
                         clang::ASTContext &Ctx) = 0;

  /// True the first time this check reports the call's location in the
  /// translation unit; template instances share their locations.
  bool firstReport(const OwnCall &Call);

  /// A warning on Call. Message names the callee as '%0', given by Callee,
  /// the qualified name the call matched; it is completed with "inside
  /// coroutine 'f'".
  clang::DiagnosticBuilder warnAt(const OwnCall &Call, llvm::StringRef Message,
                                  llvm::StringRef Callee,
                                  const AsyncContext &Coro);

  /// The note that points at the coroutine.
  void noteCoroutine(const AsyncContext &Coro);

  /// A note at Call.
  clang::DiagnosticBuilder noteAt(const OwnCall &Call, llvm::StringRef Message);

private:
  llvm::DenseSet<clang::SourceLocation> Reported;
};

} // namespace corolint

#endif // COROLINT_COROUTINECALLCHECK_H
