//===--- AwaitText.h - Writing an await where a call was ------------------===//
//
// What every rewrite to `co_await` needs: the source text of what it keeps,
// names qualified so that they mean the library's where they are written,
// the parentheses co_await's precedence asks for, whether the call's value
// is used or bound to a reference, and the includes a replacement needs.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FIXITS_AWAITTEXT_H
#define COROLINT_FIXITS_AWAITTEXT_H

#include "FixIts.h"
#include "Knowledge.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class CXXMemberCallExpr;
class DeclContext;
class ParentMap;
} // namespace clang

namespace corolint {

/// The source text of Range, or nothing when it is not plain file text.
std::optional<std::string> textOf(clang::SourceRange Range,
                                  const clang::ASTContext &Ctx);
std::optional<std::string> spelledText(const clang::Expr &E,
                                       const clang::ASTContext &Ctx);

/// Whether Name, written in Where, might name something other than the
/// global namespace Name: a declaration of that name in an enclosing scope
/// or in a base of an enclosing class, or one that a using-directive of an
/// enclosing scope brings in (which makes the name ambiguous).
bool hiddenAt(llvm::StringRef Name, const clang::DeclContext &Where,
              clang::ASTContext &Ctx);

/// Text, which names declarations by their qualified names (`asio::...`),
/// with each name qualified from the global namespace (`::asio::...`) where
/// its first part, written in Where, might name something else.
std::string qualifyAt(llvm::StringRef Text, const clang::DeclContext &Where,
                      clang::ASTContext &Ctx);

/// Pattern with each %0 replaced by Arg.
std::string substitute(llvm::StringRef Pattern, llvm::StringRef Arg);

/// Whether E's value is bound to a reference that outlives the
/// full-expression (a reference variable, a structured binding, a range-for
/// range): `co_await` may yield a reference into a temporary task.
bool bindsReference(const clang::Expr &E, const clang::ParentMap &Parents);
/// Whether the value of Call is thrown away: an expression statement.
bool isDiscarded(const clang::Expr &Call, const clang::ParentMap &Parents);

/// Whether `co_await` may be written in place of Call: a call written
/// outside macros, where the coroutine itself runs.
bool awaitableAt(const OwnCall &Call);
/// The same, in a coroutine that takes fix-its.
bool canRewriteToAwait(const OwnCall &Call, const AsyncContext &Coro);

/// The edit that replaces Call by Replacement (`co_await ...`), in
/// parentheses where a postfix operator follows.
clang::FixItHint replaceCallByAwait(const clang::Expr &Call,
                                    std::string Replacement,
                                    const clang::ParentMap &Parents);

/// The edit that rewrites the nested run Call to `co_await` of what Entry's
/// rewrite awaits, written in Where; nothing when the value would change.
std::optional<clang::FixItHint> runToAwait(const OwnCall &Call,
                                           const RunEntryPoint &Entry,
                                           const clang::DeclContext &Where,
                                           clang::ASTContext &Ctx,
                                           const clang::ParentMap &Parents);

/// Whether an Asio-style awaitable uses the executor the replacement's
/// completion token produces.
bool usesExecutor(const AsyncContext &Coro, llvm::StringRef Executor,
                  clang::ASTContext &Ctx);

/// The edits that add the headers declaring Needs, where the unit does not
/// declare them yet.
void addIncludes(llvm::ArrayRef<Requirement> Needs, const clang::Expr &At,
                 clang::ASTContext &Ctx, const FixOptions &Fix,
                 std::vector<clang::FixItHint> &Fixes);

/// The object a member call is made on, as written, with the operator that
/// follows it (`sock.`, `p->`), or empty for an implicit `this`; nothing
/// when the member is qualified or given template arguments.
std::optional<std::string> objectPrefix(const clang::CXXMemberCallExpr &Call,
                                        const clang::ASTContext &Ctx);

} // namespace corolint

#endif // COROLINT_FIXITS_AWAITTEXT_H
