//===--- AwaitText.cpp - Writing an await where a call was ----------------===//

#include "AwaitText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolint {

namespace {

/// Whether RD or one of its bases has a member named Id.
bool hasMemberNamed(const CXXRecordDecl &RD, IdentifierInfo &Id) {
  if (!RD.hasDefinition())
    return false;
  const CXXRecordDecl *Def = RD.getDefinition();
  if (!Def->lookup(&Id).empty())
    return true;
  for (const CXXBaseSpecifier &Base : Def->bases())
    if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
      if (hasMemberNamed(*B, Id))
        return true;
  return false;
}

/// The parent of E in its function's body, looking through nodes that do
/// not change what E is, and the child of that parent that holds E.
std::pair<const Stmt *, const Stmt *> parentOf(const Expr &E,
                                               const ParentMap &Parents) {
  const Stmt *Child = &E;
  while (const Stmt *P = Parents.getParent(Child)) {
    if (!isa<ExprWithCleanups, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr>(P))
      return {P, Child};
    Child = P;
  }
  return {nullptr, Child};
}

/// The expression the rewrite awaits: the argument of `X(e)` or the object
/// of `o.get()`, or nullptr.
const Expr *awaitedExpr(const OwnCall &Call, RunRewrite Rewrite) {
  switch (Rewrite) {
  case RunRewrite::AwaitArgument:
  case RunRewrite::AwaitArgumentMoved:
    // An extra argument (an executor, say) would be lost.
    return Call.Args.size() == 1 ? Call.Args[0] : nullptr;
  case RunRewrite::AwaitObject:
  case RunRewrite::AwaitObjectMoved: {
    const auto *Member = dyn_cast<CXXMemberCallExpr>(Call.Call);
    const auto *Callee =
        Member ? dyn_cast<MemberExpr>(Member->getCallee()->IgnoreParens())
               : nullptr;
    if (!Callee || Callee->isArrow() || Callee->isImplicitAccess())
      return nullptr;
    return Callee->getBase();
  }
  case RunRewrite::None:
    return nullptr;
  }
  return nullptr;
}

std::string awaitOperand(const Expr &E, llvm::StringRef Text) {
  // co_await takes a cast-expression: postfix and primary expressions, and
  // unary ones, go as they are; anything with a binary operator needs
  // parentheses.
  const Expr *Inner = E.IgnoreImplicit();
  bool Plain =
      isa<DeclRefExpr, MemberExpr, ParenExpr, ArraySubscriptExpr,
          CXXConstructExpr, CXXFunctionalCastExpr, CXXNamedCastExpr,
          UnaryOperator, IntegerLiteral, StringLiteral, CXXBoolLiteralExpr,
          CXXNullPtrLiteralExpr, UserDefinedLiteral, LambdaExpr, CXXThisExpr,
          CXXUnresolvedConstructExpr>(Inner);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Inner))
    Plain = Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript ||
            Op->getOperator() == OO_Arrow ||
            (Op->getNumArgs() == 1 && Op->getOperator() != OO_PlusPlus &&
             Op->getOperator() != OO_MinusMinus);
  else if (isa<CallExpr>(Inner))
    Plain = true;
  if (Plain)
    return Text.str();
  return ("(" + Text + ")").str();
}

} // namespace

bool hiddenAt(llvm::StringRef Name, const DeclContext &Where, ASTContext &Ctx) {
  IdentifierInfo &Id = Ctx.Idents.get(Name);
  auto Global = [](const NamedDecl *D) {
    if (const auto *Alias = dyn_cast<NamespaceAliasDecl>(D))
      D = Alias->getNamespace();
    D = D->getUnderlyingDecl();
    return isa<NamespaceDecl>(D) &&
           D->getDeclContext()->getRedeclContext()->isTranslationUnit();
  };
  auto Brings = [&](const UsingDirectiveDecl &U) {
    const NamespaceDecl *N = U.getNominatedNamespace();
    return N && llvm::any_of(N->lookup(&Id),
                             [&](const NamedDecl *D) { return !Global(D); });
  };
  for (const DeclContext *C = &Where; C; C = C->getParent()) {
    if (C->isTransparentContext())
      continue;
    if (C->isFunctionOrMethod()) {
      // Its local declarations, in every block.
      for (const Decl *D : C->decls()) {
        if (const auto *U = dyn_cast<UsingDirectiveDecl>(D); U && Brings(*U))
          return true;
        if (const auto *ND = dyn_cast<NamedDecl>(D);
            ND && ND->getIdentifier() == &Id)
          return true;
      }
      continue;
    }
    if (!C->isTranslationUnit() &&
        llvm::any_of(C->lookup(&Id),
                     [&](const NamedDecl *D) { return !Global(D); }))
      return true;
    if (const auto *RD = dyn_cast<CXXRecordDecl>(C))
      for (const CXXBaseSpecifier &Base :
           RD->hasDefinition()
               ? RD->getDefinition()->bases()
               : CXXRecordDecl::base_class_const_range(nullptr, nullptr))
        if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl();
            B && hasMemberNamed(*B, Id))
          return true;
    for (const UsingDirectiveDecl *U : C->using_directives())
      if (Brings(*U))
        return true;
  }
  return false;
}

std::string qualifyAt(llvm::StringRef Text, const DeclContext &Where,
                      ASTContext &Ctx) {
  std::string Out;
  auto IsIdent = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  for (size_t I = 0; I < Text.size();) {
    if (!IsIdent(Text[I]) || llvm::isDigit(Text[I]) ||
        (I > 0 &&
         (IsIdent(Text[I - 1]) || Text[I - 1] == ':' || Text[I - 1] == '%'))) {
      Out += Text[I++];
      continue;
    }
    size_t End = I;
    while (End < Text.size() && IsIdent(Text[End]))
      ++End;
    llvm::StringRef Name = Text.slice(I, End);
    if (Text.substr(End).starts_with("::") && hiddenAt(Name, Where, Ctx))
      Out += "::";
    Out += Name;
    I = End;
  }
  return Out;
}

bool bindsReference(const Expr &E, const ParentMap &Parents) {
  auto [Parent, Child] = parentOf(E, Parents);
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(Parent))
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D);
          Var && Var->getInit() == Child)
        return Var->getType()->isReferenceType() || isa<DecompositionDecl>(Var);
  return false;
}

std::string substitute(llvm::StringRef Pattern, llvm::StringRef Arg) {
  std::string Out;
  while (true) {
    size_t At = Pattern.find("%0");
    Out += Pattern.take_front(At).str();
    if (At == llvm::StringRef::npos)
      return Out;
    Out += Arg.str();
    Pattern = Pattern.drop_front(At + 2);
  }
}

bool awaitableAt(const OwnCall &Call) {
  return Call.Call && Call.CanAwait && !Call.Call->getBeginLoc().isMacroID() &&
         !Call.Call->getEndLoc().isMacroID();
}

bool canRewriteToAwait(const OwnCall &Call, const AsyncContext &Coro) {
  return Coro.FixIts && awaitableAt(Call);
}

std::optional<FixItHint> runToAwait(const OwnCall &Call,
                                    const RunEntryPoint &Entry,
                                    const DeclContext &Where, ASTContext &Ctx,
                                    const ParentMap &Parents) {
  const Expr *Awaited = awaitedExpr(Call, Entry.Rewrite);
  if (!Awaited || !awaitableAt(Call) || bindsReference(*Call.Call, Parents))
    return std::nullopt;
  if (!Entry.NotAwaitable.empty())
    if (const CXXRecordDecl *RD = recordOf(Awaited->getType());
        RD && qualifiedName(*RD) == Entry.NotAwaitable)
      return std::nullopt;
  std::optional<std::string> Text = spelledText(*Awaited, Ctx);
  if (!Text)
    return std::nullopt;
  bool Move = (Entry.Rewrite == RunRewrite::AwaitArgumentMoved ||
               Entry.Rewrite == RunRewrite::AwaitObjectMoved) &&
              Awaited->IgnoreImplicit()->isLValue();
  std::string Operand = Move ? qualifyAt("std::move(", Where, Ctx) + *Text + ")"
                             : awaitOperand(*Awaited, *Text);
  return replaceCallByAwait(*Call.Call, "co_await " + Operand, Parents);
}

std::optional<std::string> textOf(SourceRange Range, const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Chars = Lexer::makeFileCharRange(
      CharSourceRange::getTokenRange(Range), SM, Ctx.getLangOpts());
  if (Chars.isInvalid())
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Text =
      Lexer::getSourceText(Chars, SM, Ctx.getLangOpts(), &Invalid);
  if (Invalid || Text.empty())
    return std::nullopt;
  return Text.str();
}

std::optional<std::string> spelledText(const Expr &E, const ASTContext &Ctx) {
  return textOf(E.getSourceRange(), Ctx);
}

bool isDiscarded(const Expr &Call, const ParentMap &Parents) {
  return isa_and_nonnull<CompoundStmt>(parentOf(Call, Parents).first);
}

FixItHint replaceCallByAwait(const Expr &Call, std::string Replacement,
                             const ParentMap &Parents) {
  if (const auto *P = dyn_cast_or_null<Expr>(parentOf(Call, Parents).first)) {
    // Postfix operators bind tighter than co_await.
    bool Postfix = isa<MemberExpr, ArraySubscriptExpr>(P);
    if (const auto *C = dyn_cast<CallExpr>(P))
      Postfix = C->getCallee()->IgnoreImplicit() == &Call;
    if (const auto *U = dyn_cast<UnaryOperator>(P))
      Postfix = U->isPostfix();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
      Postfix =
          Op->getArg(0)->IgnoreImplicit() == &Call &&
          (Op->getOperator() == OO_Call || Op->getOperator() == OO_Subscript ||
           Op->getOperator() == OO_Arrow ||
           ((Op->getOperator() == OO_PlusPlus ||
             Op->getOperator() == OO_MinusMinus) &&
            Op->getNumArgs() == 2));
    if (Postfix)
      Replacement = "(" + Replacement + ")";
  }
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Call.getSourceRange()), Replacement);
}

bool usesExecutor(const AsyncContext &Coro, llvm::StringRef Executor,
                  ASTContext &Ctx) {
  if (Coro.Becoming)
    return true;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      recordOf(Coro.Func->getReturnType()));
  if (!Spec)
    return false;
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  if (Args.size() < 2)
    return true;
  const auto *Default =
      dyn_cast_or_null<TypeDecl>(lookupQualified(Ctx, Executor));
  return Default && Args[1].getKind() == TemplateArgument::Type &&
         Ctx.hasSameType(Args[1].getAsType(), Ctx.getTypeDeclType(Default));
}

void addIncludes(llvm::ArrayRef<Requirement> Needs, const Expr &At,
                 ASTContext &Ctx, const FixOptions &Fix,
                 std::vector<FixItHint> &Fixes) {
  if (!Fix.Include)
    return;
  FileID File = Ctx.getSourceManager().getFileID(At.getBeginLoc());
  for (const Requirement &R : Needs)
    if (R.Decl.empty() || !lookupQualified(Ctx, R.Decl))
      if (std::optional<FixItHint> Insertion = Fix.Include(File, R.Header))
        Fixes.push_back(std::move(*Insertion));
}

std::optional<std::string> objectPrefix(const CXXMemberCallExpr &Call,
                                        const ASTContext &Ctx) {
  const auto *ME = dyn_cast<MemberExpr>(Call.getCallee()->IgnoreParens());
  if (!ME || ME->hasQualifier() || ME->hasExplicitTemplateArgs())
    return std::nullopt;
  if (ME->isImplicitAccess())
    return "";
  std::optional<std::string> Base = spelledText(*ME->getBase(), Ctx);
  if (!Base)
    return std::nullopt;
  return *Base + (ME->isArrow() ? "->" : ".");
}

} // namespace corolint
