//===--- AwaitRewrite.h - Building fix-its that write co_await -----------===//

#ifndef COROLINT_AWAITREWRITE_H
#define COROLINT_AWAITREWRITE_H

#include "CoroutineContext.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>

namespace corolint {

/// Whether E's value is bound to a reference that outlives the
/// full-expression (a reference variable, a structured binding, a range-for
/// range): `co_await` may yield a reference into a temporary task.
bool bindsReference(const clang::Expr &E, clang::ASTContext &Ctx);

/// Pattern with every %0 replaced by Arg.
std::string substitute(llvm::StringRef Pattern, llvm::StringRef Arg);

/// Whether `co_await` may be written in place of Call: a written call, not
/// in a handler or an immediately invoked lambda, not from a macro.
bool awaitableAt(const OwnCall &Call);

/// The same, in a coroutine that takes fix-its.
bool canRewriteToAwait(const OwnCall &Call, const AsyncContext &Coro);

/// The fix-it that rewrites a nested run to `co_await`, where the entry
/// point's rewrite keeps the value: `X(e)` -> `co_await e`, `o.get()` ->
/// `co_await o`, moving lvalues where the framework awaits rvalues.
std::optional<clang::FixItHint> runToAwait(const OwnCall &Call,
                                           const RunEntryPoint &Entry,
                                           clang::ASTContext &Ctx);

/// The text of E as spelled in the file, or nothing when part of it comes
/// from a macro body.
std::optional<std::string> spelledText(const clang::Expr &E,
                                       const clang::ASTContext &Ctx);

/// Text, the spelling of E, made fit to follow `co_await`.
std::string awaitOperand(const clang::Expr &E, llvm::StringRef Text);

/// Whether the value of Call is discarded: it is a statement of its own.
bool isDiscarded(const clang::Expr &Call, clang::ASTContext &Ctx);

/// A fix-it that replaces Call by Replacement, a `co_await` expression,
/// parenthesized where the call's parent binds tighter than `co_await`.
clang::FixItHint replaceCallByAwait(const clang::Expr &Call,
                                    std::string Replacement,
                                    clang::ASTContext &Ctx);

} // namespace corolint

#endif // COROLINT_AWAITREWRITE_H
