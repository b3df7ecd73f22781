//===--- CoroutineContext.h - Asynchronous contexts and their own code ----===//
//
// Decides which functions are asynchronous contexts, which framework they
// belong to, and which calls are the coroutine's own code: the calls that run
// on the coroutine's thread while it is not suspended.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_AST_COROUTINECONTEXT_H
#define COROLINT_AST_COROUTINECONTEXT_H

#include "Knowledge.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace corolint {

/// A coroutine that is not a synchronous generator.
struct AsyncContext {
  const clang::FunctionDecl *Func = nullptr;
  const clang::CoroutineBodyStmt *Body = nullptr;
  /// The known return type, or nullptr for an in-house task type.
  const TaskType *Task = nullptr;
  /// Whether a fix-it may be offered in this coroutine: not in a template
  /// instantiation, and only where the task type takes the rewrites.
  bool FixIts = false;
  /// A plain function the async rewrite is making a coroutine of this
  /// type: it will return the task template, on the default executor.
  bool Becoming = false;

  bool isLambda() const;
  Framework framework() const { return Task ? Task->Id : Framework::Unknown; }
};

/// FD as an asynchronous context, or nothing when it is not a coroutine, is a
/// synchronous generator, or is an uninstantiated template.
std::optional<AsyncContext> asyncContextOf(const clang::FunctionDecl &FD,
                                           const Knowledge &K);

/// A call in a function's own code: written (a call or a constructor call),
/// or implicit (a destructor at the end of a scope or a full-expression).
struct OwnCall {
  /// The call as written, when it is a CallExpr; fix-its need it.
  const clang::CallExpr *Call = nullptr;
  /// The function called, when known; nullptr for a call through a pointer.
  const clang::FunctionDecl *Callee = nullptr;
  /// Where a finding is reported: the call, or for an implicit call the
  /// declaration or expression that causes it.
  clang::SourceLocation Loc;
  /// For an implicit call, where it happens; invalid otherwise.
  clang::SourceLocation ImplicitAt;
  /// The arguments as written (without the object of an operator() call).
  llvm::ArrayRef<const clang::Expr *> Args;
  /// False where `co_await` may not be written: in a handler, or in the
  /// body of an immediately invoked lambda.
  bool CanAwait = true;
  /// True for a member call whose target is chosen at run time.
  bool Virtual = false;
  /// True after the coroutine awaited a blocking pool (option
  /// BlockingPoolAwaitables): the call runs where blocking is fine.
  bool OnBlockingPool = false;
  /// The statement of the function whose running makes the call happen:
  /// the call itself, a temporary, the declaration of a variable destroyed
  /// at the end of its scope, the use of a default argument; nullptr for
  /// what a destructor destroys after its body.
  const clang::Stmt *Anchor = nullptr;
  /// For the destructor of a variable at the end of its scope, the
  /// variable.
  const clang::VarDecl *Destroyed = nullptr;
};

/// Decides which `co_await` operands move a coroutine onto a pool where
/// blocking is fine (true: after one, the rest of its block is not
/// checked), which move it onto another executor (false: checked again
/// from there), and which do not move it (nullopt).
using BlockingPoolTest =
    llvm::function_ref<std::optional<bool>(const clang::Expr &Operand)>;

/// Receives each call, with every qualified name it answers to: the
/// function's, the class the member is called on joined with the member's
/// name, the variable's (namesOf); the first is the name as called.
using OwnCallFn =
    llvm::function_ref<void(const OwnCall &, llvm::ArrayRef<std::string>)>;

/// Calls Fn for every call in Coro's own code: its body, immediately invoked
/// lambdas and lambda captures included; other lambdas, local classes,
/// unevaluated operands and discarded `if constexpr` branches left out.
/// Calls after a `co_await` of an operand OnBlockingPool accepts, to the end
/// of its block or the next `co_await` that moves elsewhere, are marked
/// OnBlockingPool.
/// Returns whether the coroutine's own code suspends: awaits or yields.
bool forEachOwnCall(const AsyncContext &Coro, clang::ASTContext &Ctx,
                    const Knowledge &K, BlockingPoolTest OnBlockingPool,
                    OwnCallFn Fn);

/// The same for a plain function with a body, its constructor initializers
/// and the destructors of members and bases its destructor runs included.
void forEachOwnCall(const clang::FunctionDecl &FD, clang::ASTContext &Ctx,
                    const Knowledge &K, OwnCallFn Fn);

/// Every qualified name E answers to: for a call, the function it calls (also
/// as a member of the class it is called on) or the function object's
/// variable; for a name, the declaration it names.
llvm::SmallVector<std::string, 2> namesOf(const clang::Expr &E);

/// The qualified name of D with inline namespaces, template arguments and
/// linkage specifications left out: `std::this_thread::sleep_for`,
/// `std::future::get`. Local and unnamed scopes keep a marker, so they never
/// match a table.
std::string qualifiedName(const clang::NamedDecl &D);

/// The declaration a qualified name names in this translation unit, looking
/// through inline namespaces, or nullptr.
const clang::NamedDecl *lookupQualified(clang::ASTContext &Ctx,
                                        llvm::StringRef QualifiedName);

/// The record a type names, through sugar and templates.
const clang::CXXRecordDecl *recordOf(clang::QualType T);

/// F's name as messages show it, quoted: the name a user writes in an
/// option or a baseline (qualifiedName: no template arguments, no inline
/// namespaces); a function local to another, which no option can name, as
/// clang names it (the enclosing function's name first); lambdas without
/// the file paths clang would add.
std::string displayName(const clang::FunctionDecl &F);

} // namespace corolint

#endif // COROLINT_AST_COROUTINECONTEXT_H
