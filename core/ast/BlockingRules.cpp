//===--- BlockingRules.cpp - Whether a call blocks, by tables and rules ---===//

#include "BlockingRules.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace corolint {

namespace {

/// What an expression stands for as a descriptor or a FILE*: the variable
/// or member, through `s.native_handle()` and the like.
const ValueDecl *handleOf(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *M = dyn_cast<MemberExpr>(E))
      return M->getMemberDecl();
    const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
    if (!Call || Call->getNumArgs() != 0)
      return nullptr;
    E = Call->getImplicitObjectArgument();
  }
  return nullptr;
}

/// The function a call calls by name, for the C library's: `fcntl`.
llvm::StringRef calleeName(const CallExpr &C) {
  const FunctionDecl *F = C.getDirectCallee();
  return F && F->getIdentifier() ? F->getName() : "";
}

const Expr *stripTemporaries(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *I = dyn_cast<ImplicitCastExpr>(E))
      E = I->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *S = dyn_cast<CXXStaticCastExpr>(E))
      E = S->getSubExpr();
    else if (const auto *CS = dyn_cast<CStyleCastExpr>(E))
      E = CS->getSubExpr();
    else
      return E;
  }
}

/// Whether E, a timeout, is zero: `0`, `0s`, `milliseconds(0)`,
/// `duration::zero()`, `{}`, or the address of a timeval or timespec
/// initialized with zeros.
bool isZero(const Expr &Timeout, const ASTContext &Ctx) {
  const Expr *E = stripTemporaries(&Timeout);
  if (E->isValueDependent() || E->isTypeDependent())
    return false;
  if (E->getType()->isIntegralOrEnumerationType()) {
    Expr::EvalResult R;
    return E->EvaluateAsInt(R, Ctx) && R.Val.getInt().isZero();
  }
  // A std::chrono::duration, whose only member is its count: `0s`,
  // `milliseconds(0)`, `duration::zero()`.
  if (const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
      RD && RD->hasDefinition() && RD->getNumBases() == 0) {
    Expr::EvalResult R;
    if (E->EvaluateAsRValue(R, Ctx) && R.Val.isStruct() &&
        R.Val.getStructNumFields() == 1) {
      const APValue &Count = R.Val.getStructField(0);
      return (Count.isInt() && Count.getInt().isZero()) ||
             (Count.isFloat() && Count.getFloat().isZero());
    }
  }
  if (const auto *C = dyn_cast<CXXConstructExpr>(E)) {
    if (C->getNumArgs() == 1)
      return isZero(*C->getArg(0), Ctx);
    return C->getNumArgs() == 0 &&
           (C->isListInitialization() || C->requiresZeroInitialization());
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const auto *M = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    return M && M->isStatic() && M->getIdentifier() && M->getName() == "zero";
  }
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return llvm::all_of(List->inits(), [&](const Expr *I) {
      return isa<ImplicitValueInitExpr>(I) || isZero(*I, Ctx);
    });
  if (isa<ImplicitValueInitExpr>(E))
    return true;
  if (const auto *Addr = dyn_cast<UnaryOperator>(E);
      Addr && Addr->getOpcode() == UO_AddrOf)
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Addr->getSubExpr()->IgnoreParens()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        return Var->getInit() && isZero(*Var->getInit(), Ctx);
  return false;
}

/// Whether an fopen mode opens the file for reading.
bool readMode(const Expr &Mode) {
  const auto *S = dyn_cast<StringLiteral>(Mode.IgnoreParenImpCasts());
  return S && S->getCharByteWidth() == 1 &&
         (S->getString().contains('r') || S->getString().contains('+'));
}

/// Whether a call passes any argument of its own.
bool hasWrittenArguments(const OwnCall &Call) {
  return llvm::any_of(Call.Args,
                      [](const Expr *A) { return !isa<CXXDefaultArgExpr>(A); });
}

/// The object a member call or member operator is called on.
const Expr *objectOf(const OwnCall &Call) {
  if (const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(Call.Call))
    return M->getImplicitObjectArgument();
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Call.Call);
      Op && Op->getNumArgs() > 0 && isa<CXXMethodDecl>(Op->getCalleeDecl()))
    return Op->getArg(0);
  return nullptr;
}

/// The argument a row's target or condition reads: -1 is the object.
const Expr *argument(const OwnCall &Call, int Index) {
  if (Index < 0)
    return objectOf(Call);
  if (static_cast<size_t>(Index) < Call.Args.size())
    return Call.Args[Index];
  return nullptr;
}

/// C, its bases, and theirs, while Visit returns false.
bool anyClassOf(const CXXRecordDecl *C,
                llvm::function_ref<bool(const CXXRecordDecl &)> Visit) {
  if (!C || !C->hasDefinition())
    return C && Visit(*C);
  if (Visit(*C))
    return true;
  for (const CXXBaseSpecifier &B : C->bases())
    if (anyClassOf(recordOf(B.getType()), Visit))
      return true;
  return false;
}

/// What reading from the stream S waits for, or nothing for a stream that
/// does not block (a string stream, an unknown istream&).
std::optional<Wait> streamWait(const Expr &S, const Knowledge &K) {
  const Expr *E = S.IgnoreParenImpCasts();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (K.isStandardInput(qualifiedName(*Ref->getDecl())))
      return Wait::Stdin;
  std::optional<Wait> Found;
  anyClassOf(recordOf(E->getType()), [&](const CXXRecordDecl &C) {
    std::string Name = qualifiedName(C);
    for (const StreamClass &Row : K.streamClasses())
      if (Row.QualifiedName == Name) {
        Found = Row.Waits;
        return true;
      }
    return false;
  });
  return Found;
}

/// What the row's call waits for at Call, or nothing when its condition or
/// its target says it does not block.
std::optional<Wait>
rowApplies(const BlockingFunction &Row, const OwnCall &Call,
           llvm::function_ref<const FunctionEvidence &()> Evidence,
           const ASTContext &Ctx, const Knowledge &K) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Arg = argument(Call, Row.Arg);
  switch (Row.Condition) {
  case When::Always:
    break;
  case When::WithoutFlag:
    if (Arg && mentions(*Arg, Row.Flags, Ctx))
      return std::nullopt;
    break;
  case When::WithFlag:
    if (!Arg || !mentions(*Arg, Row.Flags, Ctx))
      return std::nullopt;
    break;
  case When::NonZero:
    if (Arg && isZero(*Arg, Ctx))
      return std::nullopt;
    break;
  case When::ReadMode:
    if (!Arg || !readMode(*Arg))
      return std::nullopt;
    break;
  case When::WithArguments:
    // A copy (of a directory iterator, for range-for's begin) opens
    // nothing either.
    if (!hasWrittenArguments(Call) ||
        (isa_and_nonnull<CXXConstructorDecl>(Call.Callee) &&
         cast<CXXConstructorDecl>(Call.Callee)->isCopyOrMoveConstructor()))
      return std::nullopt;
    break;
  case When::Discarded:
    if (!Call.Call || !Evidence().discarded(*Call.Call))
      return std::nullopt;
    break;
  case When::NotAfter: {
    llvm::SmallVector<llvm::StringRef, 2> Names;
    Row.Flags.split(Names, '|');
    for (llvm::StringRef Name : Names)
      if (Evidence().calledBefore(Name, Call.Loc, SM))
        return std::nullopt;
    break;
  }
  }

  const Expr *Target = argument(Call, Row.TargetArg);
  switch (Row.On) {
  case Target::Fixed:
    return Row.Waits;
  case Target::Descriptor: {
    if (!Target)
      return Row.Waits;
    Expr::EvalResult R;
    if (!Target->isValueDependent() && Target->EvaluateAsInt(R, Ctx)) {
      // Standard input; standard output and error are logging.
      if (R.Val.getInt() == 0)
        return Wait::Stdin;
      if (R.Val.getInt() == 1 || R.Val.getInt() == 2)
        return std::nullopt;
      return Row.Waits;
    }
    const ValueDecl *Fd = handleOf(Target);
    if (Evidence().expectsWouldBlock() ||
        (Fd && (Evidence().nonBlocking(Fd) ||
                Evidence().awaitedBefore(Fd, Call.Loc, SM))))
      return std::nullopt;
    return Row.Waits;
  }
  case Target::CFile: {
    if (!Target)
      return Row.Waits;
    const ValueDecl *File = handleOf(Target);
    if (File && K.isStandardInput(qualifiedName(*File)))
      return Wait::Stdin;
    if (File && Evidence().fromPopen(File))
      return Wait::Process;
    return Row.Waits;
  }
  case Target::Stream:
    if (!Target)
      return std::nullopt;
    return streamWait(*Target, K);
  }
  return Row.Waits;
}

/// The name of the class a member call is made on, or the class the callee
/// or (for a free function) its first argument belongs to, that the
/// twin table knows.
const TwinClass *twinClassOf(const OwnCall &Call, const Knowledge &K) {
  const TwinClass *Found = nullptr;
  auto Known = [&](const CXXRecordDecl &C) {
    Found = K.twinClass(qualifiedName(C));
    return Found != nullptr;
  };
  if (const Expr *Object = objectOf(Call)) {
    QualType T = Object->getType();
    if (T->isPointerType())
      T = T->getPointeeType();
    if (anyClassOf(recordOf(T), Known))
      return Found;
  }
  if (const auto *M = dyn_cast<CXXMethodDecl>(Call.Callee))
    return anyClassOf(M->getParent(), Known) ? Found : nullptr;
  if (!Call.Args.empty() &&
      anyClassOf(recordOf(Call.Args[0]->getType()), Known))
    return Found;
  return nullptr;
}

bool isErrorCodeReference(QualType T, const Knowledge &K) {
  if (!T->isLValueReferenceType() || T->getPointeeType().isConstQualified())
    return false;
  const CXXRecordDecl *RD = recordOf(T);
  return RD && llvm::is_contained(K.twinRule().ErrorCodes, qualifiedName(*RD));
}

/// The completion token parameter's template parameter, when P, a
/// parameter of the function template Async, is one: a type constrained by
/// Asio's completion_token_for, or one named as Asio and Beast name tokens
/// and handlers.
const TemplateTypeParmDecl *tokenParameter(const ParmVarDecl &P,
                                           const FunctionDecl &Async,
                                           const Knowledge &K) {
  QualType T = P.getType().getNonReferenceType().getUnqualifiedType();
  const auto *Parm = T->getAs<TemplateTypeParmType>();
  const FunctionTemplateDecl *Template = Async.getDescribedFunctionTemplate();
  if (!Parm || !Template)
    return nullptr;
  const TemplateParameterList *List = Template->getTemplateParameters();
  if (Parm->getDepth() != List->getDepth() || Parm->getIndex() >= List->size())
    return nullptr;
  const auto *D =
      dyn_cast<TemplateTypeParmDecl>(List->getParam(Parm->getIndex()));
  if (!D)
    return nullptr;
  const TwinRule &Rule = K.twinRule();
  if (const TypeConstraint *C = D->getTypeConstraint())
    return llvm::is_contained(Rule.TokenConcepts,
                              C->getNamedConcept()->getName())
               ? D
               : nullptr;
  return llvm::any_of(
             Rule.TokenSuffixes,
             [&](llvm::StringRef S) { return D->getName().ends_with(S); })
             ? D
             : nullptr;
}

/// The value a completion token's signature `void(error_code, T)` gives,
/// when its constraint spells it out: void for `void(error_code)`.
std::optional<QualType> completionValue(const TemplateTypeParmDecl &Token,
                                        const ASTContext &Ctx) {
  const TypeConstraint *C = Token.getTypeConstraint();
  const auto *Spec = C ? dyn_cast_or_null<ConceptSpecializationExpr>(
                             C->getImmediatelyDeclaredConstraint())
                       : nullptr;
  // The arguments are the token's type, then the signatures (a pack).
  if (!Spec || Spec->getTemplateArguments().size() != 2)
    return std::nullopt;
  TemplateArgument Signatures = Spec->getTemplateArguments()[1];
  if (Signatures.getKind() == TemplateArgument::Pack) {
    if (Signatures.pack_size() != 1)
      return std::nullopt;
    Signatures = Signatures.pack_elements()[0];
  }
  if (Signatures.getKind() != TemplateArgument::Type)
    return std::nullopt;
  const auto *Signature = Signatures.getAsType()->getAs<FunctionProtoType>();
  if (!Signature || Signature->getNumParams() == 0 ||
      Signature->getNumParams() > 2)
    return std::nullopt;
  if (Signature->getNumParams() == 1)
    return Ctx.VoidTy;
  return Signature->getParamType(1);
}

/// Whether a value of the type Concrete fits Pattern, a type written in a
/// template: the same type, where a template parameter stands for any type
/// and a dependent specialization for any specialization of its template
/// with fitting arguments.
bool fits(QualType Pattern, QualType Concrete, const ASTContext &Ctx) {
  Pattern = Pattern.getCanonicalType();
  Concrete = Concrete.getCanonicalType();
  if (!Pattern->isDependentType())
    return Ctx.hasSameUnqualifiedType(Pattern, Concrete);
  if (isa<TemplateTypeParmType>(Pattern))
    return true;
  const auto *Written = Pattern->getAs<TemplateSpecializationType>();
  const auto *Spec =
      dyn_cast_or_null<ClassTemplateSpecializationDecl>(recordOf(Concrete));
  if (!Written || !Spec)
    return false;
  TemplateDecl *Template = Written->getTemplateName().getAsTemplateDecl();
  if (!Template || Template->getCanonicalDecl() !=
                       Spec->getSpecializedTemplate()->getCanonicalDecl())
    return false;
  llvm::ArrayRef<TemplateArgument> Args = Written->template_arguments();
  const TemplateArgumentList &Have = Spec->getTemplateArgs();
  if (Args.size() > Have.size())
    return false;
  for (size_t I = 0; I < Args.size(); ++I)
    if (Args[I].getKind() != TemplateArgument::Type ||
        Have[I].getKind() != TemplateArgument::Type ||
        !fits(Args[I].getAsType(), Have[I].getAsType(), Ctx))
      return false;
  return true;
}

/// Whether two parameter types have the same shape: the same type, where
/// any template parameter matches any other.
bool sameShape(QualType A, QualType B) {
  A = A.getCanonicalType();
  B = B.getCanonicalType();
  if (A.getLocalCVRQualifiers() != B.getLocalCVRQualifiers())
    return false;
  if (isa<TemplateTypeParmType>(A) && isa<TemplateTypeParmType>(B))
    return true;
  if (A->getTypeClass() != B->getTypeClass())
    return false;
  if (const auto *RA = dyn_cast<ReferenceType>(A))
    return sameShape(RA->getPointeeTypeAsWritten(),
                     cast<ReferenceType>(B)->getPointeeTypeAsWritten());
  if (const auto *PA = dyn_cast<PointerType>(A))
    return sameShape(PA->getPointeeType(),
                     cast<PointerType>(B)->getPointeeType());
  return A == B;
}

/// The declaration whose parameters a call's callee was made from.
const FunctionDecl *patternOf(const FunctionDecl *F) {
  if (const FunctionTemplateDecl *T = F->getPrimaryTemplate())
    return T->getTemplatedDecl();
  return F;
}

/// Whether the function Async takes Leading parameters shaped as Sync's,
/// then a completion token, then only defaulted ones; its token's template
/// parameter when it does.
const TemplateTypeParmDecl *twinOf(const FunctionDecl &Sync, unsigned Leading,
                                   const FunctionDecl &Async,
                                   const Knowledge &K) {
  if (Async.getNumParams() <= Leading)
    return nullptr;
  for (unsigned I = 0; I < Leading; ++I)
    if (!sameShape(Sync.getParamDecl(I)->getType(),
                   Async.getParamDecl(I)->getType()))
      return nullptr;
  for (unsigned I = Leading + 1; I < Async.getNumParams(); ++I)
    if (!Async.getParamDecl(I)->hasDefaultArg())
      return nullptr;
  return tokenParameter(*Async.getParamDecl(Leading), Async, K);
}

/// Whether F is a synchronous method of a generated gRPC stub.
bool isGrpcStubCall(const FunctionDecl &F, const Knowledge &K) {
  const auto *M = dyn_cast<CXXMethodDecl>(&F);
  if (!M || M->getNumParams() == 0)
    return false;
  const GrpcStubShape &Shape = K.grpcStubShape();
  const CXXRecordDecl *Stub = M->getParent();
  if (!Stub->getIdentifier() ||
      !llvm::is_contained(Shape.StubClasses, Stub->getName()) ||
      !isa<CXXRecordDecl>(Stub->getDeclContext()))
    return false;
  const CXXRecordDecl *Status = recordOf(M->getReturnType());
  QualType Context = M->getParamDecl(0)->getType();
  const CXXRecordDecl *ContextClass =
      Context->isPointerType() ? recordOf(Context->getPointeeType()) : nullptr;
  return Status && qualifiedName(*Status) == Shape.Status && ContextClass &&
         qualifiedName(*ContextClass) == Shape.ClientContext;
}

} // namespace

void namedIn(const Expr &E, llvm::SmallVectorImpl<const ValueDecl *> &Out) {
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::SmallVectorImpl<const ValueDecl *> &Out;
    explicit Finder(llvm::SmallVectorImpl<const ValueDecl *> &Out) : Out(Out) {}
    bool VisitDeclRefExpr(DeclRefExpr *Ref) {
      Out.push_back(Ref->getDecl());
      return true;
    }
    bool VisitMemberExpr(MemberExpr *M) {
      Out.push_back(M->getMemberDecl());
      return true;
    }
  } F(Out);
  F.TraverseStmt(const_cast<Expr *>(&E));
}

bool mentions(const Expr &E, llvm::StringRef Names, const ASTContext &Ctx) {
  llvm::SmallVector<llvm::StringRef, 4> Wanted;
  Names.split(Wanted, '|');
  struct Finder : RecursiveASTVisitor<Finder> {
    llvm::ArrayRef<llvm::StringRef> Wanted;
    const SourceManager &SM;
    const LangOptions &LO;
    bool Found = false;
    Finder(llvm::ArrayRef<llvm::StringRef> Wanted, const ASTContext &Ctx)
        : Wanted(Wanted), SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()) {}
    bool VisitStmt(Stmt *S) {
      if (const auto *Ref = dyn_cast<DeclRefExpr>(S);
          Ref && isa<EnumConstantDecl>(Ref->getDecl()) &&
          llvm::is_contained(Wanted, qualifiedName(*Ref->getDecl())))
        Found = true;
      for (SourceLocation Loc = S->getBeginLoc(); !Found && Loc.isMacroID();
           Loc = SM.getImmediateMacroCallerLoc(Loc))
        Found = llvm::is_contained(Wanted,
                                   Lexer::getImmediateMacroName(Loc, SM, LO));
      return !Found;
    }
  } F(Wanted, Ctx);
  F.TraverseStmt(const_cast<Expr *>(&E));
  return F.Found;
}

FunctionEvidence::FunctionEvidence(const FunctionDecl &F, ParentMap &Parents,
                                   const Knowledge &K)
    : Parents(Parents) {
  struct Gatherer : RecursiveASTVisitor<Gatherer> {
    FunctionEvidence &E;
    const ASTContext &Ctx;
    const Knowledge &K;
    Gatherer(FunctionEvidence &E, const ASTContext &Ctx, const Knowledge &K)
        : E(E), Ctx(Ctx), K(K) {}
    void assigned(const ValueDecl *To, const Expr *From) {
      if (!To || !From)
        return;
      if (mentions(*From, K.nonBlockingFlags(), Ctx))
        E.NonBlocking.insert(To);
      if (const auto *Call = dyn_cast<CallExpr>(From->IgnoreParenImpCasts());
          Call && K.opensProcess(calleeName(*Call)))
        E.Popened.insert(To);
    }
    bool VisitVarDecl(VarDecl *V) {
      assigned(V, V->getInit());
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *B) {
      if (B->isAssignmentOp())
        assigned(handleOf(B->getLHS()), B->getRHS());
      if (B->isEqualityOp() &&
          (mentions(*B->getLHS(), K.wouldBlockErrors(), Ctx) ||
           mentions(*B->getRHS(), K.wouldBlockErrors(), Ctx)))
        E.ExpectsWouldBlock = true;
      return true;
    }
    bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
      // `ec == std::errc::operation_would_block`
      if ((C->getOperator() == OO_EqualEqual ||
           C->getOperator() == OO_ExclaimEqual) &&
          llvm::any_of(C->arguments(), [&](const Expr *A) {
            return mentions(*A, K.wouldBlockErrors(), Ctx);
          }))
        E.ExpectsWouldBlock = true;
      return true;
    }
    bool VisitCaseStmt(CaseStmt *C) {
      if (C->getLHS() && mentions(*C->getLHS(), K.wouldBlockErrors(), Ctx))
        E.ExpectsWouldBlock = true;
      return true;
    }
    bool VisitCallExpr(CallExpr *C) {
      llvm::StringRef Name = calleeName(*C);
      if (Name.empty())
        return true;
      E.Calls[Name].push_back(C->getBeginLoc());
      for (const NonBlockingSetter &S : K.nonBlockingSetters())
        if (Name == S.Function && C->getNumArgs() >= 3 &&
            mentions(*C->getArg(1), S.Request, Ctx) &&
            (!S.WithFlags ||
             mentions(*C->getArg(2), K.nonBlockingFlags(), Ctx)))
          if (const ValueDecl *Fd = handleOf(C->getArg(0)))
            E.NonBlocking.insert(Fd);
      return true;
    }
    bool VisitCoawaitExpr(CoawaitExpr *A) {
      llvm::SmallVector<const ValueDecl *, 8> Named;
      namedIn(*A->getOperand(), Named);
      for (const ValueDecl *D : Named)
        E.Awaits.emplace_back(D, A->getEndLoc());
      return true;
    }
  } G(*this, F.getASTContext(), K);
  G.TraverseStmt(F.getBody());
}

bool FunctionEvidence::nonBlocking(const ValueDecl *Fd) const {
  return NonBlocking.contains(Fd);
}

bool FunctionEvidence::awaitedBefore(const ValueDecl *Fd, SourceLocation At,
                                     const SourceManager &SM) const {
  return llvm::any_of(Awaits, [&](const auto &A) {
    return A.first == Fd && SM.isBeforeInTranslationUnit(A.second, At);
  });
}

bool FunctionEvidence::fromPopen(const ValueDecl *File) const {
  return Popened.contains(File);
}

bool FunctionEvidence::calledBefore(llvm::StringRef Name, SourceLocation At,
                                    const SourceManager &SM) const {
  auto It = Calls.find(Name);
  return It != Calls.end() && llvm::any_of(It->second, [&](SourceLocation L) {
           return SM.isBeforeInTranslationUnit(L, At);
         });
}

bool FunctionEvidence::discarded(const Expr &E) const {
  const Stmt *Child = &E;
  const Stmt *P = Parents.getParent(Child);
  while (isa_and_nonnull<ExprWithCleanups, CXXBindTemporaryExpr,
                         MaterializeTemporaryExpr, ImplicitCastExpr, ParenExpr>(
      P)) {
    Child = P;
    P = Parents.getParent(P);
  }
  if (const auto *Cast = dyn_cast_or_null<ExplicitCastExpr>(P))
    return Cast->getType()->isVoidType();
  if (!P || isa<Expr>(P))
    return false;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return If->getThen() == Child || If->getElse() == Child;
  if (const auto *For = dyn_cast<ForStmt>(P))
    return For->getBody() == Child || For->getInc() == Child;
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return While->getBody() == Child;
  if (const auto *Do = dyn_cast<DoStmt>(P))
    return Do->getBody() == Child;
  return isa<CompoundStmt, LabelStmt, AttributedStmt, CaseStmt, DefaultStmt>(P);
}

std::optional<KnownBlocking> knownBlocking(
    const OwnCall &Call, llvm::ArrayRef<std::string> Names, bool OptIn,
    llvm::function_ref<const FunctionEvidence &()> Evidence, ASTContext &Ctx,
    const Knowledge &K, llvm::function_ref<bool(llvm::StringRef)> IsLibrary) {
  if (const BlockingFunction *Row = K.blockingFunction(Names, OptIn)) {
    if (!IsLibrary(Row->QualifiedName))
      return std::nullopt;
    std::optional<Wait> W = rowApplies(*Row, Call, Evidence, Ctx, K);
    if (!W)
      return std::nullopt;
    std::string Advice = Row->Advice.str();
    if (Advice.empty() && !Row->Twin.empty())
      Advice = "'co_await' on '" + Row->Twin.str() + "'";
    return KnownBlocking{BlockKind::Call, Row->QualifiedName.str(), *W, Advice};
  }
  // A twin of an I/O object the tables know (a socket, a timer, a file):
  // its synchronous operations wait on the device. A call with no object,
  // class or argument to be such an object is not looked at, unless the
  // tables say every class's twins wait.
  std::optional<AsyncTwin> Twin;
  if (K.twinRule().UnknownClass || objectOf(Call) ||
      isa_and_nonnull<CXXMethodDecl>(Call.Callee) || !Call.Args.empty())
    Twin = asyncTwin(Call, Ctx, K);
  std::optional<Wait> TwinWaits;
  if (Twin)
    TwinWaits = Twin->Class ? Twin->Class->Waits : K.twinRule().UnknownClass;
  if (Twin && TwinWaits) {
    const AsioTokens *Tokens =
        K.asioTokens(llvm::StringRef(Names.front()).starts_with("boost::")
                         ? Framework::BoostAsio
                         : Framework::Asio);
    const bool Timer = Twin->Class && Twin->Class->Timer;
    return KnownBlocking{
        Timer ? BlockKind::Sleep : BlockKind::Call, Names.front(), *TwinWaits,
        "'" + Twin->Name + "' with '" +
            (Tokens ? Tokens->UseAwaitable.str() : std::string("a token")) +
            "'"};
  }
  if (Call.Callee && isGrpcStubCall(*Call.Callee, K))
    return KnownBlocking{BlockKind::Call, Names.front(), Wait::Rpc, ""};
  return std::nullopt;
}

namespace {

/// The canonical type of the member type Name of the complete class T
/// (a typedef, an alias or a nested class); null when it has none.
QualType memberType(QualType T, llvm::StringRef Name) {
  const auto *Class = T->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return {};
  for (const NamedDecl *D : Class->lookup(
           DeclarationName(&Class->getASTContext().Idents.get(Name)))) {
    if (const auto *Alias = dyn_cast<TypedefNameDecl>(D))
      return Alias->getUnderlyingType().getCanonicalType();
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(D))
      return Class->getASTContext().getRecordType(Nested).getCanonicalType();
  }
  return {};
}

QualType resolveIn(const NestedNameSpecifier *Qualifier,
                   const ClassTemplateSpecializationDecl &Spec,
                   const TwinRule &Rule);

/// Pattern, a type written in a member of Spec's class template, resolved
/// in Spec: the class's parameters by Spec's arguments, the member types of
/// a resolved class looked up (`typename Protocol::socket` in
/// basic_socket_acceptor<tcp> is tcp's `socket`), and an I/O object
/// rebound to an executor (Rule's `T::rebind_executor<E>::other`) T itself
/// when T's executor is E already. Null where it does not resolve.
QualType resolveIn(QualType Pattern,
                   const ClassTemplateSpecializationDecl &Spec,
                   const TwinRule &Rule) {
  Pattern = Pattern.getCanonicalType();
  if (!Pattern->isDependentType())
    return Pattern;
  if (const auto *Param = Pattern->getAs<TemplateTypeParmType>()) {
    const TemplateArgumentList &Args = Spec.getTemplateArgs();
    unsigned Depth =
        Spec.getSpecializedTemplate()->getTemplateParameters()->getDepth();
    if (Param->getDepth() != Depth || Param->getIndex() >= Args.size() ||
        Args[Param->getIndex()].getKind() != TemplateArgument::Type)
      return {};
    return Args[Param->getIndex()].getAsType().getCanonicalType();
  }
  const auto *Member = Pattern->getAs<DependentNameType>();
  const NestedNameSpecifier *Outer = Member ? Member->getQualifier() : nullptr;
  const auto *Rebind = dyn_cast_or_null<DependentTemplateSpecializationType>(
      Outer ? Outer->getAsType() : nullptr);
  if (!Rebind) {
    QualType Scope = resolveIn(Outer, Spec, Rule);
    return Scope.isNull()
               ? QualType()
               : memberType(Scope, Member->getIdentifier()->getName());
  }
  // T::rebind_executor<E>::other
  if (Rule.RebindTemplate.empty() ||
      Rebind->getIdentifier()->getName() != Rule.RebindTemplate ||
      Member->getIdentifier()->getName() != Rule.RebindMember ||
      Rebind->template_arguments().size() != 1 ||
      Rebind->template_arguments()[0].getKind() != TemplateArgument::Type)
    return {};
  QualType Object = resolveIn(Rebind->getQualifier(), Spec, Rule);
  QualType Executor =
      resolveIn(Rebind->template_arguments()[0].getAsType(), Spec, Rule);
  QualType Own =
      Object.isNull() ? QualType() : memberType(Object, Rule.ExecutorType);
  if (Own.isNull() || Executor.isNull() || Own != Executor)
    return {};
  return Object;
}

/// The class a qualifier names (`Protocol::socket::`), resolved in Spec as
/// resolveIn does; null when it does not resolve.
QualType resolveIn(const NestedNameSpecifier *Qualifier,
                   const ClassTemplateSpecializationDecl &Spec,
                   const TwinRule &Rule) {
  if (!Qualifier)
    return {};
  if (const Type *T = Qualifier->getAsType())
    return resolveIn(QualType(T, 0), Spec, Rule);
  if (Qualifier->getKind() != NestedNameSpecifier::Identifier)
    return {};
  QualType Scope = resolveIn(Qualifier->getPrefix(), Spec, Rule);
  return Scope.isNull()
             ? QualType()
             : memberType(Scope, Qualifier->getAsIdentifier()->getName());
}

} // namespace

std::optional<AsyncTwin> asyncTwin(const OwnCall &Call, ASTContext &Ctx,
                                   const Knowledge &K) {
  const FunctionDecl *Callee = Call.Callee;
  llvm::StringRef Prefix = K.twinRule().Prefix;
  if (!Call.Call || !Callee || !Callee->getIdentifier() || Prefix.empty() ||
      Callee->getName().starts_with(Prefix) ||
      isa<CXXOperatorCallExpr>(Call.Call))
    return std::nullopt;
  auto Found = Ctx.Idents.find((Prefix + Callee->getName()).str());
  if (Found == Ctx.Idents.end())
    return std::nullopt;
  DeclarationName TwinName(Found->getValue());
  const DeclContext *Scope = Callee->getDeclContext()->getRedeclContext();

  // The parameters passed on: the written ones, less a trailing
  // error_code& (and the defaulted constraints after it).
  const FunctionDecl &Sync = *patternOf(Callee);
  unsigned Written = llvm::count_if(
      Call.Args, [](const Expr *A) { return !isa<CXXDefaultArgExpr>(A); });
  if (Written > Sync.getNumParams())
    return std::nullopt;
  AsyncTwin Twin;
  Twin.Name = (Prefix + Callee->getName()).str();
  Twin.Leading = Written;
  if (Written > 0 &&
      isErrorCodeReference(Sync.getParamDecl(Written - 1)->getType(), K)) {
    Twin.ErrorCode = true;
    --Twin.Leading;
  }
  for (const NamedDecl *D : Scope->lookup(TwinName)) {
    const FunctionDecl *Async = nullptr;
    if (const auto *T = dyn_cast<FunctionTemplateDecl>(D))
      Async = T->getTemplatedDecl();
    else
      Async = dyn_cast<FunctionDecl>(D);
    if (!Async)
      continue;
    const TemplateTypeParmDecl *Token = twinOf(Sync, Twin.Leading, *Async, K);
    if (!Token)
      continue;
    std::optional<QualType> Value = completionValue(*Token, Ctx);
    const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Scope);
    if (Value && (*Value)->isDependentType() && Spec)
      if (QualType Resolved = resolveIn(*Value, *Spec, K.twinRule());
          !Resolved.isNull())
        Value = Resolved;
    Twin.SameValue = Value && fits(*Value, Call.Call->getType(), Ctx);
    Twin.Class = twinClassOf(Call, K);
    return Twin;
  }
  return std::nullopt;
}

} // namespace corolint
