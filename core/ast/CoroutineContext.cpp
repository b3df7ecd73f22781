//===--- CoroutineContext.cpp - Asynchronous contexts and their own code --===//

#include "CoroutineContext.h"
#include "Stack.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/SaveAndRestore.h"

using namespace clang;

namespace corolint {

namespace {

/// The class a member is called on, as written: for an inherited member
/// the derived class, not the base that declares it.
const CXXRecordDecl *objectClass(const CXXMemberCallExpr &Call) {
  const Expr *Object = Call.getImplicitObjectArgument();
  if (!Object)
    return nullptr;
  QualType T = Object->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return recordOf(T);
}

/// The destructor that runs when an object of type T goes away, when it is
/// not trivial.
const CXXDestructorDecl *destructorOf(QualType T) {
  if (T.isNull() || T->isReferenceType())
    return nullptr;
  const CXXRecordDecl *RD = recordOf(T.getCanonicalType());
  if (const auto *Array = T.isNull() ? nullptr : T->getAsArrayTypeUnsafe())
    RD = recordOf(Array->getElementType());
  if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
    return nullptr;
  return RD->getDestructor();
}

const TaskType *knownTaskType(QualType T, const Knowledge &K);

/// Walks the statements that run on a function's own stack, written and
/// implicit calls alike.
class OwnCodeWalker : public RecursiveASTVisitor<OwnCodeWalker> {
  using Base = RecursiveASTVisitor<OwnCodeWalker>;

public:
  OwnCodeWalker(ASTContext &Ctx, const Knowledge &K, OwnCallFn Fn,
                BlockingPoolTest OnBlockingPool = nullptr)
      : Ctx(Ctx), K(K), Fn(Fn), OnBlockingPool(OnBlockingPool) {}

  bool SawAwait = false, SawYield = false;

  // Past MaxWalkDepth levels the walk goes no deeper (Stack.h).
  bool TraverseStmt(Stmt *S) {
    if (Depth >= MaxWalkDepth)
      return true;
    ++Depth;
    bool Result = Base::TraverseStmt(S);
    --Depth;
    return Result;
  }

  /// Walks S as a scope that ends at End.
  void walkScope(Stmt *S, SourceLocation End) {
    Scopes.push_back({End, {}});
    TraverseStmt(S);
    closeScope();
  }

  /// Walks a member or base initializer.
  void traverseInitializer(Expr *Init) {
    noteInitialized(Init, false);
    TraverseStmt(Init);
  }

  /// Reports the implicit call of Dtor, caused at Loc by Anchor (the
  /// variable Var's declaration, say), happening at At.
  void implicitDestructor(const CXXDestructorDecl *Dtor, SourceLocation Loc,
                          SourceLocation At, const Stmt *Anchor = nullptr,
                          const VarDecl *Var = nullptr) {
    if (!Dtor)
      return;
    OwnCall Call;
    Call.Callee = Dtor;
    Call.Loc = Loc;
    Call.ImplicitAt = At.isValid() ? At : Loc;
    Call.CanAwait = false;
    Call.OnBlockingPool = OnPool;
    Call.Anchor = Anchor;
    Call.Destroyed = Var;
    emit(Call, {qualifiedName(*Dtor)});
  }

  bool TraverseDeclStmt(DeclStmt *S) {
    llvm::SaveAndRestore<const DeclStmt *> Current(CurrentDecl, S);
    return Base::TraverseDeclStmt(S);
  }

  // Only variables are declared in a function body that run code here; local
  // classes, their member functions and type aliases do not. A local
  // variable's destructor runs at the end of its scope.
  bool TraverseDecl(Decl *D) {
    const auto *Var = dyn_cast_or_null<VarDecl>(D);
    if (!Var)
      return true;
    // A static or thread_local initializer must not suspend: it would hold
    // the initialization guard across the suspension.
    {
      llvm::SaveAndRestore Initializer(CanAwait,
                                       CanAwait && Var->hasLocalStorage());
      noteInitialized(Var->getInit(), Var->getType()->isReferenceType());
      Base::TraverseDecl(D);
    }
    // A variable returned by name is constructed in the caller's object.
    if (Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
        !Var->isNRVOVariable())
      atScopeEnd(destructorOf(Var->getType()), Var->getLocation(), Var,
                 CurrentDecl);
    return true;
  }

  bool TraverseReturnStmt(ReturnStmt *S) {
    noteInitialized(S->getRetValue(), false);
    return Base::TraverseReturnStmt(S);
  }
  bool TraverseCXXNewExpr(CXXNewExpr *E) {
    noteInitialized(E->getInitializer(), false);
    return Base::TraverseCXXNewExpr(E);
  }

  // The calls a range-based for makes: begin, end, the comparison and the
  // increment.
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    {
      llvm::SaveAndRestore NoAwait(CanAwait, false);
      // The begin and end variables are implicit declarations, which the
      // visitor skips: walk their initializers.
      for (DeclStmt *Implicit : {S->getBeginStmt(), S->getEndStmt()})
        if (Implicit)
          for (Decl *D : Implicit->decls())
            if (auto *Var = dyn_cast<VarDecl>(D))
              TraverseStmt(Var->getInit());
      TraverseStmt(S->getCond());
      TraverseStmt(S->getInc());
    }
    return Base::TraverseCXXForRangeStmt(S);
  }

  bool VisitCXXDeleteExpr(CXXDeleteExpr *E) {
    if (!E->getDestroyedType().isNull())
      implicitDestructor(destructorOf(E->getDestroyedType()), E->getBeginLoc(),
                         E->getBeginLoc(), E);
    return true;
  }

  bool TraverseCompoundStmt(CompoundStmt *S) {
    Scopes.push_back({S->getRBracLoc(), {}});
    const bool Before = OnPool;
    for (Stmt *Child : S->body()) {
      TraverseStmt(Child);
      // After `co_await` onto a blocking pool, the rest of the block runs
      // where blocking is fine, until a `co_await` moves it elsewhere.
      if (std::optional<bool> Moves = movesTo(Child))
        OnPool = *Moves;
    }
    OnPool = Before;
    closeScope();
    return true;
  }

  bool TraverseExprWithCleanups(ExprWithCleanups *E) {
    FullExprEnds.push_back(E->getEndLoc());
    bool Result = Base::TraverseExprWithCleanups(E);
    FullExprEnds.pop_back();
    return Result;
  }

  // A lambda's body runs when someone calls it, maybe on another thread; its
  // captures are initialized here, where `co_await` cannot be written.
  bool TraverseLambdaExpr(LambdaExpr *L) {
    llvm::SaveAndRestore NoAwait(CanAwait, false);
    for (Expr *Init : L->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }

  // An immediately invoked lambda runs here, but `co_await` cannot be
  // written inside it: `[]{...}()`, `([]{...})()`, `[]{...}.operator()()`.
  bool TraverseCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    if (E->getOperator() == OO_Call && E->getNumArgs() > 0 &&
        traverseInvokedLambda(E->getArg(0), E->getDirectCallee(),
                              E->arguments()))
      return true;
    return Base::TraverseCXXOperatorCallExpr(E);
  }
  bool TraverseCXXMemberCallExpr(CXXMemberCallExpr *E) {
    if (traverseInvokedLambda(E->getImplicitObjectArgument(),
                              E->getDirectCallee(), E->arguments()))
      return true;
    return Base::TraverseCXXMemberCallExpr(E);
  }

  // A default argument or member initializer is evaluated here, though
  // written elsewhere: its calls are reported at the use.
  bool TraverseCXXDefaultArgExpr(CXXDefaultArgExpr *E) {
    return traverseElsewhere(E->getExpr(), E->getUsedLocation(), E);
  }
  bool TraverseCXXDefaultInitExpr(CXXDefaultInitExpr *E) {
    return traverseElsewhere(E->getExpr(), E->getUsedLocation(), E);
  }

  bool TraverseCXXCatchStmt(CXXCatchStmt *S) {
    llvm::SaveAndRestore NoAwait(CanAwait, false);
    return Base::TraverseCXXCatchStmt(S);
  }

  bool TraverseIfStmt(IfStmt *S) {
    std::optional<Stmt *> Taken;
    if (S->isConsteval())
      Taken = S->isNegatedConsteval() ? S->getThen() : S->getElse();
    else if (S->isConstexpr())
      Taken = S->getNondiscardedCase(Ctx);
    if (!Taken)
      return Base::TraverseIfStmt(S);
    if (S->getInit())
      TraverseStmt(S->getInit());
    if (*Taken)
      TraverseStmt(*Taken);
    return true;
  }

  // Unevaluated operands run nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }
  bool TraverseRequiresExpr(RequiresExpr *) { return true; }
  bool TraverseConceptSpecializationExpr(ConceptSpecializationExpr *) {
    return true;
  }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return E->isPotentiallyEvaluated() ? Base::TraverseCXXTypeidExpr(E) : true;
  }
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseTypeOfExprTypeLoc(TypeOfExprTypeLoc) { return true; }

  bool VisitCoawaitExpr(CoawaitExpr *) {
    SawAwait = true;
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) {
    SawAwait = true;
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *) {
    SawYield = true;
    return true;
  }

  // A temporary is destroyed at the end of its full-expression, or of the
  // scope of the reference that extends it; not at all when it initializes
  // an object directly, and it is taken to be moved from when it binds to
  // an rvalue reference parameter.
  bool VisitCXXBindTemporaryExpr(CXXBindTemporaryExpr *E) {
    if (NotDestroyedHere.contains(E))
      return true;
    const CXXDestructorDecl *Dtor = E->getTemporary()->getDestructor();
    if (Extended.contains(E))
      atScopeEnd(Dtor, E->getBeginLoc(), nullptr, E);
    else
      implicitDestructor(
          Dtor, E->getBeginLoc(),
          FullExprEnds.empty() ? E->getEndLoc() : FullExprEnds.back(), E);
    return true;
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    const CXXConstructorDecl *Ctor = E->getConstructor();
    if (Ctor)
      noteMovedFrom(Ctor, E->arguments());
    if (!Ctor || Ctor->isTrivial())
      return true;
    OwnCall Call;
    Call.Callee = Ctor;
    Call.Loc = E->getLocation();
    Call.CanAwait = CanAwait;
    Call.OnBlockingPool = OnPool;
    Call.Args = llvm::ArrayRef<const Expr *>(E->getArgs(), E->getNumArgs());
    Call.Anchor = E;
    emit(Call, {qualifiedName(*Ctor)});
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    OwnCall Call;
    Call.Call = C;
    Call.Callee = C->getDirectCallee();
    if (Call.Callee)
      noteMovedFrom(Call.Callee, C->arguments());
    Call.Loc = C->getExprLoc();
    Call.CanAwait = CanAwait;
    Call.OnBlockingPool = OnPool;
    Call.Anchor = C;
    llvm::SmallVector<std::string, 2> Names = namesOf(*C);
    if (Names.empty())
      return true;
    llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
        Op && Op->getOperator() == OO_Call)
      Args = Args.drop_front();
    Call.Args = Args;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C))
      if (const auto *Method = Member->getMethodDecl();
          Method && Method->isVirtual()) {
        const auto *ME = dyn_cast<MemberExpr>(Member->getCallee());
        Call.Virtual =
            !(ME && ME->hasQualifier()) &&
            !Method->getDevirtualizedMethod(Member->getImplicitObjectArgument(),
                                            /*IsAppleKext=*/false);
      }
    emit(Call, Names);
    return true;
  }

private:
  /// A destructor to run at the end of a scope, with what causes it and
  /// whether that was on a blocking pool.
  struct PendingDestructor {
    const CXXDestructorDecl *Dtor;
    SourceLocation Loc;
    const VarDecl *Var;
    const Stmt *Anchor;
    bool OnPool;
  };
  struct Scope {
    SourceLocation End;
    llvm::SmallVector<PendingDestructor, 4> Pending;
  };

  /// Queues Dtor to run at the end of the innermost scope.
  void atScopeEnd(const CXXDestructorDecl *Dtor, SourceLocation Loc,
                  const VarDecl *Var, const Stmt *Anchor) {
    if (!Dtor)
      return;
    if (Scopes.empty())
      implicitDestructor(Dtor, Loc, Loc, Anchor, Var);
    else
      Scopes.back().Pending.push_back({Dtor, Loc, Var, Anchor, OnPool});
  }

  /// Reports the destructors of the innermost scope, but not those of
  /// variables moved from: a moved-from thread or task has nothing to wait
  /// for.
  void closeScope() {
    Scope S = Scopes.pop_back_val();
    for (const PendingDestructor &P : S.Pending)
      if (!P.Var || !MovedFrom.contains(P.Var)) {
        llvm::SaveAndRestore Declared(OnPool, P.OnPool);
        implicitDestructor(P.Dtor, P.Loc, S.End, P.Anchor, P.Var);
      }
  }

  /// Records what Init initializes directly: a temporary there is no
  /// temporary (C++17 copy elision), or one extended by a reference.
  /// The temporary E makes, looking through casts, parentheses,
  /// materialization and elidable copies; Extends tells whether a
  /// materialization extends its lifetime.
  static const CXXBindTemporaryExpr *temporaryOf(const Expr *E, bool &Extends) {
    while (E) {
      E = E->IgnoreParens();
      if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
        E = Cleanups->getSubExpr();
      else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E))
        E = Cast->getSubExpr();
      else if (const auto *Functional = dyn_cast<CXXFunctionalCastExpr>(E))
        E = Functional->getSubExpr();
      else if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E)) {
        Extends = Extends || MTE->getExtendingDecl();
        E = MTE->getSubExpr();
      } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
                 Construct && Construct->isElidable() &&
                 Construct->getNumArgs() > 0)
        E = Construct->getArg(0);
      else
        break;
    }
    return dyn_cast_or_null<CXXBindTemporaryExpr>(E);
  }

  void noteInitialized(const Expr *Init, bool Reference) {
    bool Extends = Reference;
    if (const CXXBindTemporaryExpr *Bind = temporaryOf(Init, Extends))
      (Extends ? Extended : NotDestroyedHere).insert(Bind);
  }

  /// Notes the objects a call moves from: variables passed to std::move or
  /// std::forward, temporaries bound to rvalue reference parameters.
  /// A coroutine moves the arguments it takes by value into its frame:
  /// what its caller destroys afterwards has been moved from.
  bool movesArgumentsAway(const FunctionDecl &Callee) const {
    const FunctionDecl *Def = nullptr;
    if (Callee.hasBody(Def) && Def)
      return isa<CoroutineBodyStmt>(Def->getBody());
    const TaskType *Task = knownTaskType(Callee.getReturnType(), K);
    return Task && !Task->SynchronousGenerator;
  }

  void noteMovedFrom(const FunctionDecl *Callee, CallExpr::arg_range Args) {
    llvm::StringRef Name =
        Callee->getIdentifier() ? Callee->getName() : llvm::StringRef();
    bool Move =
        (Name == "move" || Name == "forward") && Callee->isInStdNamespace();
    bool IntoFrame = movesArgumentsAway(*Callee);
    unsigned I = 0;
    for (Expr *Arg : Args) {
      const ParmVarDecl *Param =
          I < Callee->getNumParams() ? Callee->getParamDecl(I) : nullptr;
      ++I;
      if (Move)
        if (auto *Ref = dyn_cast<DeclRefExpr>(Arg->IgnoreParenImpCasts()))
          if (auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
            MovedFrom.insert(Var);
      bool Extends = false;
      if (Param && (Param->getType()->isRValueReferenceType() ||
                    (IntoFrame && !Param->getType()->isReferenceType())))
        if (const CXXBindTemporaryExpr *Bind = temporaryOf(Arg, Extends))
          NotDestroyedHere.insert(Bind);
    }
  }

  /// Walks the body of the lambda Object when Callee is its call operator.
  bool traverseInvokedLambda(Expr *Object, const FunctionDecl *Callee,
                             CallExpr::arg_range Args) {
    const Expr *Inner = Object;
    for (const Expr *Prev = nullptr; Inner && Inner != Prev;)
      Prev = Inner, Inner = Inner->IgnoreImplicit()->IgnoreParens();
    auto *L = dyn_cast_or_null<LambdaExpr>(const_cast<Expr *>(Inner));
    if (!L || !Callee || Callee->getParent() != L->getLambdaClass())
      return false;
    TraverseLambdaExpr(L);
    Stmt *B = Callee->getBody();
    if (B && !isa<CoroutineBodyStmt>(B)) {
      llvm::SaveAndRestore NoAwait(CanAwait, false);
      TraverseStmt(B);
    }
    for (Expr *Arg : Args)
      if (Arg != Object)
        TraverseStmt(Arg);
    return true;
  }

  bool traverseElsewhere(Expr *E, SourceLocation Use, const Expr *User) {
    if (!E || Use.isInvalid())
      return true;
    llvm::SaveAndRestore Outermost(UsedAt, UsedAt.isValid() ? UsedAt : Use);
    llvm::SaveAndRestore OutermostUser(UsedBy, UsedBy ? UsedBy : User);
    llvm::SaveAndRestore NoAwait(CanAwait, false);
    TraverseStmt(E);
    return true;
  }

  /// Reports Call at the use of a default argument it sits in, if any.
  void emit(OwnCall &Call, llvm::ArrayRef<std::string> Names) {
    if (UsedAt.isValid()) {
      if (Call.ImplicitAt.isInvalid())
        Call.ImplicitAt = Call.Loc;
      Call.Loc = UsedAt;
      Call.Anchor = UsedBy;
    }
    Fn(Call, Names);
  }

  /// Where awaiting S moves the coroutine: onto a blocking pool (true),
  /// elsewhere (false), or nowhere (nullopt).
  std::optional<bool> movesTo(Stmt *S) {
    const auto *E = dyn_cast<Expr>(S);
    const auto *Await =
        E ? dyn_cast<CoawaitExpr>(E->IgnoreImplicit()->IgnoreParens())
          : nullptr;
    if (!Await || !OnBlockingPool)
      return std::nullopt;
    return OnBlockingPool(*Await->getOperand()->IgnoreImplicit());
  }

  ASTContext &Ctx;
  const Knowledge &K;
  OwnCallFn Fn;
  BlockingPoolTest OnBlockingPool;
  bool CanAwait = true;
  bool OnPool = false; // after awaiting a blocking pool
  unsigned Depth = 0;
  SourceLocation UsedAt;        // of the default argument being walked
  const Expr *UsedBy = nullptr; // and its use
  const DeclStmt *CurrentDecl = nullptr;
  llvm::SmallVector<Scope, 8> Scopes;
  llvm::SmallPtrSet<const VarDecl *, 8> MovedFrom;
  llvm::SmallPtrSet<const CXXBindTemporaryExpr *, 8> NotDestroyedHere;
  llvm::SmallPtrSet<const CXXBindTemporaryExpr *, 8> Extended;
  llvm::SmallVector<SourceLocation, 4> FullExprEnds;
};

bool hasMember(const CXXRecordDecl &RD, DeclarationName Name) {
  if (!RD.hasDefinition())
    return false;
  const CXXRecordDecl *Def = RD.getDefinition();
  if (!Def->lookup(Name).empty())
    return true;
  for (const CXXBaseSpecifier &Base : Def->bases())
    if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
      if (hasMember(*B, Name))
        return true;
  return false;
}

/// FRAMEWORKS.md: an unknown return type that is iterable, not awaitable and
/// whose coroutine never awaits is a synchronous generator.
bool looksLikeSynchronousGenerator(const FunctionDecl &FD,
                                   const CoroutineBodyStmt &Body,
                                   const Knowledge &K) {
  const CXXRecordDecl *RD = recordOf(FD.getReturnType());
  if (!RD)
    return false;
  ASTContext &Ctx = FD.getASTContext();
  auto Named = [&](llvm::StringRef N) {
    return DeclarationName(&Ctx.Idents.get(N));
  };
  if (!hasMember(*RD, Named("begin")) || !hasMember(*RD, Named("end")))
    return false;
  if (hasMember(*RD, Named("await_ready")) ||
      hasMember(*RD, Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait)))
    return false;
  OwnCodeWalker Walker(Ctx, K,
                       [](const OwnCall &, llvm::ArrayRef<std::string>) {});
  Walker.TraverseStmt(Body.getBody());
  return !Walker.SawAwait;
}

const TaskType *knownTaskType(QualType T, const Knowledge &K) {
  const CXXRecordDecl *RD = recordOf(T);
  return RD ? K.taskType(qualifiedName(*RD)) : nullptr;
}

const NamedDecl *lookupIn(const DeclContext &DC, IdentifierInfo &Id) {
  for (NamedDecl *ND : DC.lookup(&Id))
    return ND;
  const auto *NS = dyn_cast<NamespaceDecl>(&DC);
  auto SearchInline = [&](const DeclContext &Block) -> const NamedDecl * {
    for (const Decl *D : Block.decls())
      if (const auto *Inner = dyn_cast<NamespaceDecl>(D);
          Inner && Inner->isInline())
        if (const NamedDecl *Found = lookupIn(*Inner, Id))
          return Found;
    return nullptr;
  };
  if (!NS)
    return SearchInline(DC);
  for (const NamespaceDecl *Block : NS->redecls())
    if (const NamedDecl *Found = SearchInline(*Block))
      return Found;
  return nullptr;
}

} // namespace

bool AsyncContext::isLambda() const { return isLambdaCallOperator(Func); }

std::optional<AsyncContext> asyncContextOf(const FunctionDecl &FD,
                                           const Knowledge &K) {
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(FD.getBody());
  if (!Body || FD.isDependentContext())
    return std::nullopt;
  AsyncContext Coro;
  Coro.Func = &FD;
  Coro.Body = Body;
  Coro.Task = knownTaskType(FD.getReturnType(), K);
  if (Coro.Task ? Coro.Task->SynchronousGenerator
                : looksLikeSynchronousGenerator(FD, *Body, K))
    return std::nullopt;
  Coro.FixIts = !FD.getTemplateInstantiationPattern() &&
                (!Coro.Task || Coro.Task->FixIts);
  return Coro;
}

bool forEachOwnCall(const AsyncContext &Coro, ASTContext &Ctx,
                    const Knowledge &K, BlockingPoolTest OnBlockingPool,
                    OwnCallFn Fn) {
  OwnCodeWalker Walker(Ctx, K, Fn, OnBlockingPool);
  Walker.TraverseStmt(Coro.Body->getBody());
  return Walker.SawAwait || Walker.SawYield;
}

void forEachOwnCall(const FunctionDecl &FD, ASTContext &Ctx, const Knowledge &K,
                    OwnCallFn Fn) {
  Stmt *Body = FD.getBody();
  if (!Body)
    return;
  OwnCodeWalker Walker(Ctx, K, Fn);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Walker.traverseInitializer(Init->getInit());
  Walker.walkScope(Body, Body->getEndLoc());
  // A destructor destroys the members, then the bases, after its body.
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(&FD)) {
    const CXXRecordDecl *RD = Dtor->getParent();
    SourceLocation End = Body->getEndLoc();
    // A union's members are not destroyed implicitly.
    if (!RD->isUnion())
      for (const FieldDecl *Field : RD->fields())
        Walker.implicitDestructor(destructorOf(Field->getType()), End, End);
    for (const CXXBaseSpecifier &Base : RD->bases())
      Walker.implicitDestructor(destructorOf(Base.getType()), End, End);
  }
}

llvm::SmallVector<std::string, 2> namesOf(const Expr &E) {
  llvm::SmallVector<std::string, 2> Names;
  const Expr *Inner = E.IgnoreParenImpCasts();
  if (const auto *C = dyn_cast<CallExpr>(Inner)) {
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
        Op && Op->getOperator() == OO_Call)
      // A function object named by a variable: a customization point object
      // such as stdexec::sync_wait is known by the variable's name.
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
          Names.push_back(qualifiedName(*Var));
    if (const FunctionDecl *FD = C->getDirectCallee()) {
      // A member inherited from an implementation base (std::future::wait
      // lives in std::__basic_future) is known by the class it is called on.
      if (const auto *Method = dyn_cast<CXXMethodDecl>(FD))
        if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C))
          if (const CXXRecordDecl *Object = objectClass(*Member);
              Object && Object != Method->getParent())
            Names.push_back(qualifiedName(*Object) +
                            "::" + Method->getDeclName().getAsString());
      Names.push_back(qualifiedName(*FD));
    }
    return Names;
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Inner))
    Names.push_back(qualifiedName(*Ref->getDecl()));
  return Names;
}

std::string qualifiedName(const NamedDecl &D) {
  llvm::SmallVector<std::string, 6> Parts;
  // A plain identifier as it is: printing a name in general makes default
  // language options and a printing policy, each time.
  Parts.push_back(D.getIdentifier() ? D.getName().str()
                                    : D.getDeclName().getAsString());
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isAnonymousNamespace())
        Parts.push_back("(anonymous)");
      else if (!NS->isInline())
        Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getIdentifier() ? RD->getName().str() : "(unnamed)");
    } else if (const auto *ED = dyn_cast<EnumDecl>(DC)) {
      // An enumerator as it is written: `std::future_status::ready`, and
      // for an unscoped enum `MSG_DONTWAIT`.
      if (ED->isScoped())
        Parts.push_back(ED->getName().str());
    } else if (isa<TranslationUnitDecl>(DC)) {
      break;
    } else if (!isa<LinkageSpecDecl, ExportDecl>(DC)) {
      Parts.push_back("(local)");
    }
  }
  std::string Result;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
    if (!Result.empty())
      Result += "::";
    Result += *It;
  }
  return Result;
}

const NamedDecl *lookupQualified(ASTContext &Ctx,
                                 llvm::StringRef QualifiedName) {
  const DeclContext *DC = Ctx.getTranslationUnitDecl();
  const NamedDecl *Found = nullptr;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  QualifiedName.split(Parts, "::");
  for (llvm::StringRef Part : Parts) {
    if (!DC)
      return nullptr;
    Found = lookupIn(*DC, Ctx.Idents.get(Part));
    if (!Found)
      return nullptr;
    DC = dyn_cast<DeclContext>(Found);
  }
  return Found;
}

const CXXRecordDecl *recordOf(QualType T) {
  return T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
}

std::string displayName(const FunctionDecl &F) {
  if (isLambdaCallOperator(&F))
    return "'lambda'";
  if (!F.getParentFunctionOrMethod())
    return "'" + qualifiedName(F) + "'";
  PrintingPolicy Policy = F.getASTContext().getPrintingPolicy();
  Policy.AnonymousTagLocations = false;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  OS << "'";
  F.getNameForDiagnostic(OS, Policy, /*Qualified=*/true);
  OS << "'";
  return Name;
}

} // namespace corolint
