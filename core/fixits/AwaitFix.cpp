//===--- AwaitFix.cpp - A nested run, an async twin, a Qt wait awaited ----===//

#include "AwaitText.h"
#include "BlockingRules.h"
#include "Rewrites.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolint {

namespace {

/// The callee of Call as written, with the function's name replaced by
/// Twin's: `Sock.read_some` -> `Sock.async_read_some`, `net::read` ->
/// `net::async_read`. None where the spelling cannot be kept (explicit
/// template arguments, a callee from a macro).
std::optional<std::string> twinCallee(const CallExpr &Call,
                                      llvm::StringRef Twin, ASTContext &Ctx) {
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call)) {
    std::optional<std::string> Object = objectPrefix(*Member, Ctx);
    if (!Object)
      return std::nullopt;
    return *Object + Twin.str();
  }
  const auto *Ref =
      dyn_cast<DeclRefExpr>(Call.getCallee()->IgnoreParenImpCasts());
  std::optional<std::string> Text = Ref ? spelledText(*Ref, Ctx) : std::nullopt;
  if (!Text || Ref->hasExplicitTemplateArgs() ||
      !llvm::StringRef(*Text).ends_with(Ref->getDecl()->getName()))
    return std::nullopt;
  return Text->substr(0, Text->size() - Ref->getDecl()->getName().size()) +
         Twin.str();
}

} // namespace

std::optional<FixItHint> nestedRunToAwait(const OwnCall &Call,
                                          const RunEntryPoint &Entry,
                                          const AsyncContext &Coro,
                                          ASTContext &Ctx,
                                          const ParentMap &Parents) {
  // Awaiting another framework's task may not compile in this coroutine.
  if (Entry.Id != Coro.framework() || !canRewriteToAwait(Call, Coro))
    return std::nullopt;
  return runToAwait(Call, Entry, *Coro.Func, Ctx, Parents);
}

std::vector<FixItHint> twinToAwait(const OwnCall &Call, const AsyncTwin &Twin,
                                   const AsyncContext &Coro, ASTContext &Ctx,
                                   const ParentMap &Parents, const Knowledge &K,
                                   const FixOptions &Fix) {
  const AsioTokens *Tokens = K.asioTokens(Coro.framework());
  const FrameworkInfo *FW = K.framework(Coro.framework());
  if (!Tokens || !FW || !Call.Call || !canRewriteToAwait(Call, Coro) ||
      bindsReference(*Call.Call, Parents) ||
      (!Twin.SameValue && !isDiscarded(*Call.Call, Parents)) ||
      !usesExecutor(Coro, FW->DefaultExecutor, Ctx))
    return {};
  // The twin's library must be the coroutine's: a Boost.Asio operation in a
  // boost::asio::awaitable.
  if (llvm::StringRef(qualifiedName(*Call.Callee)).starts_with("boost::") !=
      (Coro.framework() == Framework::BoostAsio))
    return {};

  std::optional<std::string> Callee = twinCallee(*Call.Call, Twin.Name, Ctx);
  if (!Callee)
    return {};

  std::string Args;
  if (Twin.Leading > 0) {
    std::optional<std::string> Text =
        textOf(SourceRange(Call.Args[0]->getBeginLoc(),
                           Call.Args[Twin.Leading - 1]->getEndLoc()),
               Ctx);
    if (!Text)
      return {};
    Args = *Text + ", ";
  }
  llvm::SmallVector<Requirement, 2> Needs = {
      {Tokens->UseAwaitable, Tokens->UseAwaitableHeader}};
  std::string Token = qualifyAt(Tokens->UseAwaitable, *Coro.Func, Ctx);
  if (Twin.ErrorCode) {
    std::optional<std::string> Ec = spelledText(*Call.Args[Twin.Leading], Ctx);
    if (!Ec)
      return {};
    Token = qualifyAt(Tokens->RedirectError, *Coro.Func, Ctx) + "(" + Token +
            ", " + *Ec + ")";
    Needs.push_back({Tokens->RedirectError, Tokens->RedirectErrorHeader});
  }
  std::vector<FixItHint> Fixes;
  Fixes.push_back(replaceCallByAwait(
      *Call.Call, "co_await " + *Callee + "(" + Args + Token + ")", Parents));
  addIncludes(Needs, *Call.Call, Ctx, Fix, Fixes);
  return Fixes;
}

std::vector<FixItHint> qtWaitToAwait(const OwnCall &Call,
                                     const AsyncContext &Coro, ASTContext &Ctx,
                                     const ParentMap &Parents,
                                     const Knowledge &K,
                                     const FixOptions &Fix) {
  const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Call.Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  const QtAwaitable *Awaitable = Method && Method->getIdentifier()
                                     ? K.qtAwaitable(Method->getName())
                                     : nullptr;
  if (!Awaitable || Coro.framework() != Framework::QCoro ||
      !canRewriteToAwait(Call, Coro) || bindsReference(*Call.Call, Parents) ||
      (!Awaitable->SameValue && !isDiscarded(*Call.Call, Parents)))
    return {};
  // qCoro wraps the object's class or one of its bases.
  QualType T = Member->getImplicitObjectArgument()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  std::string Wrapped;
  llvm::StringRef Header;
  for (const CXXRecordDecl *C = recordOf(T); C && Header.empty();) {
    Wrapped = qualifiedName(*C);
    Header = K.qcoroHeader(Wrapped);
    C = C->hasDefinition() && C->getNumBases() > 0
            ? recordOf(C->bases_begin()->getType())
            : nullptr;
  }
  std::optional<std::string> Object = objectPrefix(*Member, Ctx);
  if (Header.empty() || !Object)
    return {};
  // `sock.` is passed as `sock`, `p->` as `p`, an implicit this as `this`.
  llvm::StringRef Passed(*Object);
  Passed.consume_back(".") || Passed.consume_back("->");
  std::string Target = Passed.empty() ? "this" : Passed.str();

  std::string Args;
  for (const Expr *A : Call.Args) {
    std::optional<std::string> Text;
    if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(A)) {
      if (Awaitable->SameDefault)
        break;
      Expr::EvalResult R;
      if (!Default->getExpr()->EvaluateAsInt(R, Ctx))
        return {};
      Text = llvm::toString(R.Val.getInt(), 10);
    } else {
      Text = spelledText(*A, Ctx);
    }
    if (!Text)
      return {};
    Args += (Args.empty() ? "" : ", ") + *Text;
  }
  std::vector<FixItHint> Fixes;
  Fixes.push_back(replaceCallByAwait(
      *Call.Call,
      "co_await " + qualifyAt("qCoro", *Coro.Func, Ctx) + "(" + Target + ")." +
          Method->getName().str() + "(" + Args + ")",
      Parents));
  // The header is needed unless a qCoro overload already takes the class.
  bool Declared = false;
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("qCoro")))
    if (const auto *F = dyn_cast<FunctionDecl>(D); F && F->getNumParams() == 1)
      if (QualType P = F->getParamDecl(0)->getType();
          const CXXRecordDecl *RD =
              recordOf(P->isPointerType() ? P->getPointeeType() : P))
        Declared |= qualifiedName(*RD) == Wrapped;
  if (!Declared)
    addIncludes({{"", Header}}, *Call.Call, Ctx, Fix, Fixes);
  return Fixes;
}

std::optional<FixItHint> awaitableTwinToAwait(const OwnCall &Call,
                                              const BlockingFunction &Row,
                                              const AsyncContext &Coro,
                                              ASTContext &Ctx,
                                              const ParentMap &Parents) {
  if (Row.Twin.empty() || !Call.Call || !Call.Callee ||
      !canRewriteToAwait(Call, Coro) || bindsReference(*Call.Call, Parents) ||
      (!Row.TwinSameValue && !isDiscarded(*Call.Call, Parents)))
    return std::nullopt;
  // The twin is declared where the function is: a member of its class, or
  // a function of its namespace.
  const DeclContext *Scope = Call.Callee->getDeclContext()->getRedeclContext();
  if (Scope->lookup(&Ctx.Idents.get(Row.Twin)).empty())
    return std::nullopt;
  std::optional<std::string> Callee = twinCallee(*Call.Call, Row.Twin, Ctx);
  if (!Callee)
    return std::nullopt;
  std::string Args;
  if (!Call.Args.empty()) {
    std::optional<std::string> Text =
        textOf(SourceRange(Call.Args.front()->getBeginLoc(),
                           Call.Args.back()->getEndLoc()),
               Ctx);
    if (!Text || llvm::any_of(Call.Args, [](const Expr *A) {
          return isa<CXXDefaultArgExpr>(A);
        }))
      return std::nullopt;
    Args = *Text;
  }
  return replaceCallByAwait(*Call.Call,
                            "co_await " + *Callee + "(" + Args + ")", Parents);
}

} // namespace corolint
