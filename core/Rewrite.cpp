//===--- Rewrite.cpp - Fix-its that write co_await -----------------------===//

#include "Rewrite.h"
#include "Analysis.h"
#include "BlockingRules.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolint {

namespace {

std::optional<std::string> textOf(SourceRange Range, const ASTContext &Ctx);
std::optional<std::string> spelledText(const Expr &E, const ASTContext &Ctx);
std::string awaitOperand(const Expr &E, llvm::StringRef Text);
FixItHint replaceCallByAwait(const Expr &Call, std::string Replacement,
                             ASTContext &Ctx);

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

/// Whether Name, written in Where, might name something other than the
/// global namespace Name: a declaration of that name in an enclosing scope
/// or in a base of an enclosing class, or one that a using-directive of an
/// enclosing scope brings in (which makes the name ambiguous).
bool hiddenAt(llvm::StringRef Name, const DeclContext &Where,
              ASTContext &Ctx) {
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
           RD->hasDefinition() ? RD->getDefinition()->bases()
                               : CXXRecordDecl::base_class_const_range(
                                     nullptr, nullptr))
        if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl();
            B && hasMemberNamed(*B, Id))
          return true;
    for (const UsingDirectiveDecl *U : C->using_directives())
      if (Brings(*U))
        return true;
  }
  return false;
}

/// Text, which names declarations by their qualified names (`asio::...`),
/// with each name qualified from the global namespace (`::asio::...`) where
/// its first part, written in Where, might name something else.
std::string qualifyAt(llvm::StringRef Text, const DeclContext &Where,
                      ASTContext &Ctx) {
  std::string Out;
  auto IsIdent = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  for (size_t I = 0; I < Text.size();) {
    if (!IsIdent(Text[I]) || llvm::isDigit(Text[I]) ||
        (I > 0 && (IsIdent(Text[I - 1]) || Text[I - 1] == ':' ||
                   Text[I - 1] == '%'))) {
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



/// The parent of E, looking through nodes that do not change what E is.
DynTypedNode parentOf(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(E);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return DynTypedNode();
    Node = Parents[0];
    const auto *P = Node.get<Expr>();
    if (!P || !isa<ExprWithCleanups, ImplicitCastExpr, MaterializeTemporaryExpr,
                    CXXBindTemporaryExpr>(P))
      return Node;
  }
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


/// Whether E's value is bound to a reference that outlives the
/// full-expression (a reference variable, a structured binding, a range-for
/// range): `co_await` may yield a reference into a temporary task.
bool bindsReference(const Expr &E, ASTContext &Ctx) {
  DynTypedNode Parent = parentOf(E, Ctx);
  if (const auto *Var = Parent.get<VarDecl>())
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
                                    const DeclContext &Where,
                                    ASTContext &Ctx) {
  const Expr *Awaited = awaitedExpr(Call, Entry.Rewrite);
  if (!Awaited || !awaitableAt(Call) || bindsReference(*Call.Call, Ctx))
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
  return replaceCallByAwait(*Call.Call, "co_await " + Operand, Ctx);
}

/// The source text of Range, or nothing when it is not plain file text.
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

std::string awaitOperand(const Expr &E, llvm::StringRef Text) {
  // co_await takes a cast-expression: postfix and primary expressions, and
  // unary ones, go as they are; anything with a binary operator needs
  // parentheses.
  const Expr *Inner = E.IgnoreImplicit();
  bool Plain = isa<DeclRefExpr, MemberExpr, ParenExpr, ArraySubscriptExpr,
                   CXXConstructExpr, CXXFunctionalCastExpr, CXXNamedCastExpr,
                   UnaryOperator, IntegerLiteral, StringLiteral,
                   CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, UserDefinedLiteral,
                   LambdaExpr, CXXThisExpr, CXXUnresolvedConstructExpr>(Inner);
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

bool isDiscarded(const Expr &Call, ASTContext &Ctx) {
  DynTypedNode Parent = parentOf(Call, Ctx);
  return Parent.get<CompoundStmt>() != nullptr;
}

FixItHint replaceCallByAwait(const Expr &Call, std::string Replacement,
                             ASTContext &Ctx) {
  DynTypedNode Parent = parentOf(Call, Ctx);
  if (const auto *P = Parent.get<Expr>()) {
    // Postfix operators bind tighter than co_await.
    bool Postfix = isa<MemberExpr, ArraySubscriptExpr>(P);
    if (const auto *C = dyn_cast<CallExpr>(P))
      Postfix = C->getCallee()->IgnoreImplicit() == &Call;
    if (const auto *U = dyn_cast<UnaryOperator>(P))
      Postfix = U->isPostfix();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
      Postfix = Op->getArg(0)->IgnoreImplicit() == &Call &&
                (Op->getOperator() == OO_Call ||
                 Op->getOperator() == OO_Subscript ||
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

struct ChronoDuration {
  Period P;
  bool Floating = false;
};

/// T as a specialization of the class template Name with two arguments.
const ClassTemplateSpecializationDecl *specializationOf(QualType T,
                                                       llvm::StringRef Name) {
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(recordOf(T));
  if (!Spec || Spec->getTemplateArgs().size() != 2 ||
      qualifiedName(*Spec) != Name)
    return nullptr;
  return Spec;
}

/// The type argument I of Spec, or a null type.
QualType typeArgument(const ClassTemplateSpecializationDecl &Spec, unsigned I) {
  const TemplateArgument &Arg = Spec.getTemplateArgs()[I];
  return Arg.getKind() == TemplateArgument::Type ? Arg.getAsType()
                                                  : QualType();
}

/// The period and representation of a std::chrono::duration type.
std::optional<ChronoDuration> chronoDuration(QualType T) {
  const auto *Spec = specializationOf(T, "std::chrono::duration");
  if (!Spec)
    return std::nullopt;
  QualType Rep = typeArgument(*Spec, 0);
  const auto *Ratio = specializationOf(typeArgument(*Spec, 1), "std::ratio");
  if (Rep.isNull() || !Ratio)
    return std::nullopt;
  const TemplateArgumentList &R = Ratio->getTemplateArgs();
  if (R[0].getKind() != TemplateArgument::Integral ||
      R[1].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return ChronoDuration{{R[0].getAsIntegral().getSExtValue(),
                         R[1].getAsIntegral().getSExtValue()},
                        Rep->isFloatingType()};
}

/// Whether D converts implicitly to a duration of period Finest, as
/// std::chrono allows it: an integral count whose period is a whole multiple.
bool fitsIn(const ChronoDuration &D, Period Finest) {
  if (Finest.Den == 0)
    return true;
  if (D.Floating || D.P.Den <= 0 || Finest.Num <= 0)
    return false;
  __int128 Ticks = static_cast<__int128>(D.P.Num) * Finest.Den;
  __int128 Unit = static_cast<__int128>(D.P.Den) * Finest.Num;
  return Ticks % Unit == 0;
}

/// The std::chrono type that holds an integer count of the given unit.
struct CountUnit {
  SleepArg Arg;
  llvm::StringRef Type;
  Period P;
};
const CountUnit CountUnits[] = {
    {SleepArg::Seconds, "std::chrono::seconds", {1, 1}},
    {SleepArg::Milliseconds, "std::chrono::milliseconds", {1, 1000}},
    {SleepArg::Microseconds, "std::chrono::microseconds", {1, 1000000}},
};

/// Whether an Asio-style awaitable uses the executor the replacement's
/// completion token produces.
bool usesExecutor(const AsyncContext &Coro, llvm::StringRef Executor,
                  ASTContext &Ctx) {
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


/// The edits that add the headers declaring Needs, where the unit does not
/// declare them yet.
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

/// The object a member call is made on, as written, with the operator that
/// follows it (`sock.`, `p->`), or empty for an implicit `this`; nothing
/// when the member is qualified or given template arguments.
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

} // namespace

std::vector<FixItHint> sleepToAwait(const OwnCall &Call,
                                    const SleepFunction &Fn,
                                    const AsyncContext &Coro, ASTContext &Ctx,
                                    const FixOptions &Fix) {
  if (!Call.Call || !canRewriteToAwait(Call, Coro) || Call.Args.empty() ||
      !isDiscarded(*Call.Call, Ctx))
    return {};
  const FrameworkInfo *FW = frameworkInfo(Coro.framework());
  const bool Until = Fn.Arg == SleepArg::TimePoint;
  llvm::StringRef Pattern;
  Period Finest{0, 0};
  llvm::SmallVector<Requirement, 4> Needs;
  llvm::StringRef ReplacementHeader;
  if (FW && !(Until ? FW->Sleep.UntilTimePoint : FW->Sleep.ForDuration)
                 .empty()) {
    Pattern = Until ? FW->Sleep.UntilTimePoint : FW->Sleep.ForDuration;
    Finest = FW->Sleep.Finest;
    for (const Requirement &R : FW->Sleep.Needs)
      if (!R.Decl.empty())
        Needs.push_back(R);
    if (!FW->DefaultExecutor.empty() &&
        !usesExecutor(Coro, FW->DefaultExecutor, Ctx))
      return {};
  } else if (!Until && !Fix.SleepReplacement.empty()) {
    Pattern = Fix.SleepReplacement;
    ReplacementHeader = Fix.SleepReplacementHeader;
  } else {
    return {};
  }

  const Expr *Arg = Call.Args[0];
  std::optional<std::string> Text = spelledText(*Arg, Ctx);
  if (!Text)
    return {};
  QualType ArgType = Arg->IgnoreImpCasts()->getType();
  std::string Duration;
  if (Until) {
    // The replacement's timer waits on std::chrono::steady_clock.
    const auto *Point = specializationOf(ArgType, "std::chrono::time_point");
    if (!Point)
      return {};
    const CXXRecordDecl *Clock = recordOf(typeArgument(*Point, 0));
    std::optional<ChronoDuration> D = chronoDuration(typeArgument(*Point, 1));
    if (!Clock || qualifiedName(*Clock) != "std::chrono::steady_clock" || !D ||
        !fitsIn(*D, Finest))
      return {};
    Duration = *Text;
  } else if (std::optional<ChronoDuration> D = chronoDuration(ArgType)) {
    if (!fitsIn(*D, Finest))
      return {};
    Duration = *Text;
  } else {
    const CountUnit *Unit = llvm::find_if(
        CountUnits, [&](const CountUnit &U) { return U.Arg == Fn.Arg; });
    if (Unit == std::end(CountUnits) || !ArgType->isIntegerType() ||
        !fitsIn({Unit->P, false}, Finest))
      return {};
    Duration = qualifyAt(Unit->Type, *Coro.Func, Ctx) + "(" + *Text + ")";
    Needs.push_back({Unit->Type, "<chrono>"});
  }

  std::vector<FixItHint> Fixes;
  Fixes.push_back(replaceCallByAwait(
      *Call.Call, substitute(qualifyAt(Pattern, *Coro.Func, Ctx), Duration),
      Ctx));
  if (!ReplacementHeader.empty())
    Needs.push_back({"", ReplacementHeader});
  addIncludes(Needs, *Call.Call, Ctx, Fix, Fixes);
  return Fixes;
}


std::optional<FixItHint> nestedRunToAwait(const OwnCall &Call,
                                          const RunEntryPoint &Entry,
                                          const AsyncContext &Coro,
                                          ASTContext &Ctx) {
  // Awaiting another framework's task may not compile in this coroutine.
  if (Entry.Id != Coro.framework() || !canRewriteToAwait(Call, Coro))
    return std::nullopt;
  return runToAwait(Call, Entry, *Coro.Func, Ctx);
}

std::vector<FixItHint> twinToAwait(const OwnCall &Call, const AsyncTwin &Twin,
                                   const AsyncContext &Coro, ASTContext &Ctx,
                                   const FixOptions &Fix) {
  const AsioTokens *Tokens = asioTokens(Coro.framework());
  const FrameworkInfo *FW = frameworkInfo(Coro.framework());
  if (!Tokens || !FW || !Call.Call || !canRewriteToAwait(Call, Coro) ||
      bindsReference(*Call.Call, Ctx) ||
      (!Twin.SameValue && !isDiscarded(*Call.Call, Ctx)) ||
      !usesExecutor(Coro, FW->DefaultExecutor, Ctx))
    return {};
  // The twin's library must be the coroutine's: a Boost.Asio operation in a
  // boost::asio::awaitable.
  if (llvm::StringRef(qualifiedName(*Call.Callee)).starts_with("boost::") !=
      (Coro.framework() == Framework::BoostAsio))
    return {};

  std::string Callee;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call.Call)) {
    std::optional<std::string> Object = objectPrefix(*Member, Ctx);
    if (!Object)
      return {};
    Callee = *Object + Twin.Name;
  } else {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Call.Call->getCallee()->IgnoreParenImpCasts());
    std::optional<std::string> Text = Ref ? spelledText(*Ref, Ctx) : std::nullopt;
    if (!Text || Ref->hasExplicitTemplateArgs() ||
        !llvm::StringRef(*Text).ends_with(Ref->getDecl()->getName()))
      return {};
    Callee = *Text;
    Callee.resize(Callee.size() - Ref->getDecl()->getName().size());
    Callee += Twin.Name;
  }

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
      *Call.Call, "co_await " + Callee + "(" + Args + Token + ")", Ctx));
  addIncludes(Needs, *Call.Call, Ctx, Fix, Fixes);
  return Fixes;
}

std::vector<FixItHint> qtWaitToAwait(const OwnCall &Call,
                                     const AsyncContext &Coro,
                                     ASTContext &Ctx, const FixOptions &Fix) {
  const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Call.Call);
  const CXXMethodDecl *Method = Member ? Member->getMethodDecl() : nullptr;
  const QtAwaitable *Awaitable =
      Method && Method->getIdentifier() ? qtAwaitable(Method->getName())
                                        : nullptr;
  if (!Awaitable || Coro.framework() != Framework::QCoro ||
      !canRewriteToAwait(Call, Coro) || bindsReference(*Call.Call, Ctx) ||
      (!Awaitable->SameValue && !isDiscarded(*Call.Call, Ctx)))
    return {};
  // qCoro wraps the object's class or one of its bases.
  QualType T = Member->getImplicitObjectArgument()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  std::string Wrapped;
  llvm::StringRef Header;
  for (const CXXRecordDecl *C = recordOf(T); C && Header.empty();) {
    Wrapped = qualifiedName(*C);
    Header = qcoroHeader(Wrapped);
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
      Ctx));
  // The header is needed unless a qCoro overload already takes the class.
  bool Declared = false;
  for (const NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get("qCoro")))
    if (const auto *F = dyn_cast<FunctionDecl>(D); F && F->getNumParams() == 1)
      if (QualType P = F->getParamDecl(0)->getType();
          const CXXRecordDecl *RD = recordOf(
              P->isPointerType() ? P->getPointeeType() : P))
        Declared |= qualifiedName(*RD) == Wrapped;
  if (!Declared)
    addIncludes({{"", Header}}, *Call.Call, Ctx, Fix, Fixes);
  return Fixes;
}

namespace {


/// The return statements of a function's own body.
class ReturnFinder : public RecursiveASTVisitor<ReturnFinder> {
public:
  std::vector<const ReturnStmt *> Returns;
  bool VisitReturnStmt(ReturnStmt *S) {
    Returns.push_back(S);
    return true;
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool TraverseDecl(Decl *D) {
    return isa_and_nonnull<VarDecl>(D)
               ? RecursiveASTVisitor<ReturnFinder>::TraverseDecl(D)
               : true;
  }
};

/// The source range of D's return type as the rewrite replaces it: with the
/// cv-qualifiers written before it (`const char *`), or after `->` for a
/// trailing return type; invalid when it is not plain text that can be.
SourceRange returnTypeRange(const FunctionDecl &D, const ASTContext &Ctx) {
  FunctionTypeLoc FTL = D.getFunctionTypeLoc();
  if (!FTL)
    return {};
  SourceRange Range = FTL.getReturnLoc().getSourceRange();
  const auto *Proto = D.getType()->getAs<FunctionProtoType>();
  if (Range.isInvalid() || (Proto && Proto->hasTrailingReturn()))
    return Range;
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation Start = D.getBeginLoc();
  if (Start.isMacroID() || Range.getBegin().isMacroID())
    return {};
  // The tokens before the type: the last run of const and volatile is the
  // type's; one anywhere else would be left behind by the rewrite.
  auto [File, Offset] = SM.getDecomposedLoc(Start);
  llvm::StringRef Buffer = SM.getBufferData(File);
  Lexer Raw(SM.getLocForStartOfFile(File), Ctx.getLangOpts(), Buffer.begin(),
            Buffer.begin() + Offset, Buffer.end());
  SourceLocation RunStart;
  Token Tok;
  while (!Raw.LexFromRawLexer(Tok) &&
         SM.isBeforeInTranslationUnit(Tok.getLocation(), Range.getBegin())) {
    bool Qualifier = Tok.is(tok::raw_identifier) &&
                     (Tok.getRawIdentifier() == "const" ||
                      Tok.getRawIdentifier() == "volatile");
    if (!Qualifier) {
      if (RunStart.isValid())
        return {};
      continue;
    }
    if (RunStart.isInvalid())
      RunStart = Tok.getLocation();
  }
  if (RunStart.isValid())
    Range.setBegin(RunStart);
  return Range;
}

/// Locks whose holder must not suspend.
constexpr llvm::StringLiteral LockDestructors[] = {
    "std::lock_guard::~lock_guard", "std::unique_lock::~unique_lock",
    "std::scoped_lock::~scoped_lock", "std::shared_lock::~shared_lock"};

/// Whether some of Fixes edit overlapping text.
bool overlap(std::vector<FixItHint> Fixes, const SourceManager &SM) {
  llvm::sort(Fixes, [&](const FixItHint &L, const FixItHint &R) {
    return SM.isBeforeInTranslationUnit(L.RemoveRange.getBegin(),
                                        R.RemoveRange.getBegin());
  });
  for (size_t I = 1; I < Fixes.size(); ++I)
    if (!SM.isBeforeInTranslationUnit(Fixes[I - 1].RemoveRange.getEnd(),
                                      Fixes[I].RemoveRange.getBegin()))
      return true;
  return false;
}

} // namespace

AsyncRewrite asyncAllTheWayUp(const Chain &C, const AsyncContext &Coro,
                              const FunctionDecl &B, Analysis &A) {
  ASTContext &Ctx = A.context();
  StringPool &S = *A.strings();
  auto Fail = [&](NoRewrite Why, llvm::StringRef Arg = "") {
    return AsyncRewrite{Why, Arg.empty() ? NoStr : S.intern(Arg), {}};
  };
  const FrameworkInfo *FW = frameworkInfo(Coro.framework());
  if (!FW || FW->TaskTemplate.empty())
    return Fail(NoRewrite::UnknownTaskType);
  if (C.Hops.size() != 1)
    return {NoRewrite::ReachesThrough, C.Hops.front().Callee, {}};
  const auto *Method = dyn_cast<CXXMethodDecl>(&B);
  if (Method && Method->isVirtual())
    return Fail(NoRewrite::Virtual);
  if (isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(B) ||
      B.isOverloadedOperator() || B.isMain() || isLambdaCallOperator(&B))
    return Fail(NoRewrite::SpecialFunction);
  if (B.isTemplated() || B.getTemplateInstantiationPattern())
    return Fail(NoRewrite::Template);
  if (B.isConstexpr() || B.isVariadic() ||
      B.getReturnType()->getContainedDeducedType())
    return Fail(NoRewrite::CannotBeCoroutine);
  if (!Coro.FixIts)
    return Fail(NoRewrite::NoFixIts);

  // A const or volatile value cannot be a task's: `const task<T>` may not
  // be awaited.
  if (B.getReturnType().hasLocalQualifiers())
    return Fail(NoRewrite::QualifiedReturn);
  // The task template must mean the framework's from where B is declared.
  llvm::StringRef Outer = FW->TaskTemplate.split("::").first;
  for (const FunctionDecl *D : B.redecls())
    if (hiddenAt(Outer, *D->getDeclContext(), Ctx))
      return Fail(NoRewrite::TaskNameHidden, Outer);

  // Every declaration of B is rewritten, so all must be in the main file,
  // each declaring B alone; each keeps its own spelling of the type.
  std::vector<FixItHint> Fixes;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *D : B.redecls()) {
    SourceRange Type = returnTypeRange(*D, Ctx);
    std::optional<std::string> Old =
        Type.isValid() ? textOf(Type, Ctx) : std::nullopt;
    if (!SM.isInMainFile(D->getLocation()) || !Old ||
        Type.getBegin().isMacroID() || Type.getEnd().isMacroID())
      return Fail(NoRewrite::DeclaredElsewhere);
    for (const Decl *Sibling : D->getLexicalDeclContext()->decls())
      if (Sibling != D && Sibling->getBeginLoc() == D->getBeginLoc())
        return Fail(NoRewrite::DeclaredTogether);
    // `char *name()` has no space before the name; `task<char *> name()`
    // needs one.
    SourceLocation After = Lexer::getLocForEndOfToken(
        Type.getEnd(), 0, SM, Ctx.getLangOpts());
    const char *Next = SM.getCharacterData(After);
    bool Joined = Next && (llvm::isAlnum(*Next) || *Next == '_');
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Type),
        substitute(FW->TaskTemplate, *Old) + (Joined ? " " : "")));
  }

  // Its nested runs become awaits; each must keep its value, and no lock
  // may be held where B would now suspend.
  for (const Analysis::Call &Call : A.callsOf(B)) {
    const FunctionDecl *Callee = Call.Site.Callee;
    if (Callee && isa<CXXDestructorDecl>(Callee) &&
        llvm::is_contained(LockDestructors, qualifiedName(*Callee)))
      return Fail(NoRewrite::HoldsLock);
    if (Call.What != Analysis::Call::Class::Blocking ||
        Call.Blocks.Kind != BlockKind::NestedRun)
      continue;
    llvm::StringRef Name = S[Call.Blocks.Name];
    std::optional<RunEntryPoint> Entry = A.runEntry(Name, Call.Site, Coro);
    std::optional<FixItHint> Await;
    if (Entry && Entry->Id == FW->Id)
      Await = runToAwait(Call.Site, *Entry, B, Ctx);
    if (!Await)
      return Fail(NoRewrite::NoAwaitRewrite, Name);
    Fixes.push_back(*Await);
  }

  ReturnFinder Returns;
  Returns.TraverseStmt(B.getBody());
  for (const ReturnStmt *Ret : Returns.Returns) {
    if (Ret->getReturnLoc().isMacroID())
      return Fail(NoRewrite::ReturnInMacro);
    // co_return {...} cannot deduce a templated return_value's parameter.
    const Expr *Value =
        Ret->getRetValue() ? Ret->getRetValue()->IgnoreImplicit() : nullptr;
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Value);
    if (isa_and_nonnull<InitListExpr>(Value) ||
        (Construct && Construct->isListInitialization()))
      return Fail(NoRewrite::ReturnsBracedList);
    Fixes.push_back(FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Ret->getReturnLoc()), "co_return"));
  }

  // Every use of B, written or implicit, is a call that can be awaited, in a
  // coroutine of the same framework that takes fix-its, and whose result
  // is not bound to a reference.
  llvm::ArrayRef<Analysis::Reference> Uses = A.referencesTo(B);
  llvm::SmallPtrSet<const FunctionDecl *, 4> Callers;
  for (const Analysis::Reference &Use : Uses) {
    const std::optional<AsyncContext> *Caller =
        Use.Enclosing ? &A.contextOf(*Use.Enclosing) : nullptr;
    if (!Caller || !*Caller || (*Caller)->framework() != FW->Id ||
        !(*Caller)->FixIts)
      return Fail(NoRewrite::UsedOutside, FW->Name);
    Callers.insert(Use.Enclosing);
  }
  size_t Calls = 0;
  for (const FunctionDecl *Caller : Callers)
    for (const Analysis::Call &Call : A.callsOf(*Caller)) {
      const OwnCall &Site = Call.Site;
      if (!Site.Callee ||
          Site.Callee->getCanonicalDecl() != B.getCanonicalDecl())
        continue;
      ++Calls;
      std::optional<std::string> Text =
          awaitableAt(Site) ? spelledText(*Site.Call, Ctx) : std::nullopt;
      if (!Text)
        return Fail(NoRewrite::CallNotAwaitable);
      if (bindsReference(*Site.Call, Ctx))
        return Fail(NoRewrite::BindsReference);
      Fixes.push_back(replaceCallByAwait(*Site.Call, "co_await " + *Text, Ctx));
    }
  if (Calls != Uses.size())
    return Fail(NoRewrite::NotOnlyCalls);
  if (overlap(Fixes, SM))
    return Fail(NoRewrite::Overlap);
  AsyncRewrite R;
  for (const FixItHint &Fix : Fixes)
    R.Fixes.push_back(A.places().edit(Fix.RemoveRange, Fix.CodeToInsert));
  return R;
}

} // namespace corolint
