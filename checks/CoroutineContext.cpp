//===--- CoroutineContext.cpp - Asynchronous contexts and their own code --===//

#include "CoroutineContext.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ASTLambda.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/RecursiveASTVisitor.h"

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

/// Walks the statements that run on the coroutine's own stack.
class OwnCodeWalker : public RecursiveASTVisitor<OwnCodeWalker> {
  using Base = RecursiveASTVisitor<OwnCodeWalker>;

public:
  OwnCodeWalker(ASTContext &Ctx, llvm::function_ref<void(const OwnCall &)> Fn)
      : Ctx(Ctx), Fn(Fn) {}

  bool SawAwait = false;

  // Only variables are declared in a function body that run code here; local
  // classes, their member functions and type aliases do not.
  bool TraverseDecl(Decl *D) {
    if (D && isa<VarDecl>(D))
      return Base::TraverseDecl(D);
    return true;
  }

  // A lambda's body runs when someone calls it, maybe on another thread; its
  // captures are initialized here.
  bool TraverseLambdaExpr(LambdaExpr *L) {
    for (Expr *Init : L->capture_inits())
      if (Init)
        TraverseStmt(Init);
    return true;
  }

  // An immediately invoked lambda runs here, but `co_await` cannot be
  // written inside it.
  bool TraverseCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    if (E->getOperator() == OO_Call && E->getNumArgs() > 0) {
      auto *L = dyn_cast<LambdaExpr>(E->getArg(0)->IgnoreImplicit());
      const FunctionDecl *Op = E->getDirectCallee();
      if (L && Op && Op->getParent() == L->getLambdaClass()) {
        TraverseLambdaExpr(L);
        Stmt *B = Op->getBody();
        if (B && !isa<CoroutineBodyStmt>(B)) {
          bool Saved = CanAwait;
          CanAwait = false;
          TraverseStmt(B);
          CanAwait = Saved;
        }
        for (unsigned I = 1, N = E->getNumArgs(); I < N; ++I)
          TraverseStmt(E->getArg(I));
        return true;
      }
    }
    return Base::TraverseCXXOperatorCallExpr(E);
  }

  bool TraverseCXXCatchStmt(CXXCatchStmt *S) {
    bool Saved = CanAwait;
    CanAwait = false;
    bool Result = Base::TraverseCXXCatchStmt(S);
    CanAwait = Saved;
    return Result;
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

  bool VisitCallExpr(CallExpr *C) {
    OwnCall Call;
    Call.Call = C;
    Call.CanAwait = CanAwait;
    llvm::ArrayRef<const Expr *> Args(C->getArgs(), C->getNumArgs());
    const FunctionDecl *FD = C->getDirectCallee();
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C);
        Op && Op->getOperator() == OO_Call) {
      Args = Args.drop_front();
      // A function object named by a variable: a customization point object
      // such as stdexec::sync_wait is known by the variable's name.
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
          Call.Names.push_back(qualifiedName(*Var));
    }
    if (FD) {
      if (const auto *Method = dyn_cast<CXXMethodDecl>(FD)) {
        // A member inherited from an implementation base (std::future::wait
        // lives in std::__basic_future) is known by the class it is called on.
        if (const auto *Member = dyn_cast<CXXMemberCallExpr>(C))
          if (const CXXRecordDecl *Object = objectClass(*Member);
              Object && Object != Method->getParent())
            Call.Names.push_back(qualifiedName(*Object) +
                                 "::" + Method->getDeclName().getAsString());
      }
      Call.Names.push_back(qualifiedName(*FD));
    }
    if (Call.Names.empty())
      return true;
    Call.Args = Args;
    Fn(Call);
    return true;
  }

private:
  ASTContext &Ctx;
  llvm::function_ref<void(const OwnCall &)> Fn;
  bool CanAwait = true;
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
                                   const CoroutineBodyStmt &Body) {
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
  OwnCodeWalker Walker(Ctx, [](const OwnCall &) {});
  Walker.TraverseStmt(Body.getBody());
  return !Walker.SawAwait;
}

const TaskType *knownTaskType(QualType T) {
  static const TableIndex<TaskType> Index(taskTypes());
  const CXXRecordDecl *RD = recordOf(T);
  return RD ? Index.find({qualifiedName(*RD)}) : nullptr;
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

std::optional<AsyncContext> asyncContextOf(const FunctionDecl &FD) {
  const auto *Body = dyn_cast_or_null<CoroutineBodyStmt>(FD.getBody());
  if (!Body || FD.isDependentContext())
    return std::nullopt;
  AsyncContext Coro;
  Coro.Func = &FD;
  Coro.Body = Body;
  Coro.Task = knownTaskType(FD.getReturnType());
  if (Coro.Task ? Coro.Task->SynchronousGenerator
                : looksLikeSynchronousGenerator(FD, *Body))
    return std::nullopt;
  Coro.FixIts = !FD.getTemplateInstantiationPattern() &&
                (!Coro.Task || Coro.Task->FixIts);
  return Coro;
}

void forEachOwnCall(const AsyncContext &Coro, ASTContext &Ctx,
                    llvm::function_ref<void(const OwnCall &)> Fn) {
  OwnCodeWalker Walker(Ctx, Fn);
  Walker.TraverseStmt(Coro.Body->getBody());
}

std::string qualifiedName(const NamedDecl &D) {
  llvm::SmallVector<std::string, 6> Parts;
  Parts.push_back(D.getDeclName().getAsString());
  for (const DeclContext *DC = D.getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isAnonymousNamespace())
        Parts.push_back("(anonymous)");
      else if (!NS->isInline())
        Parts.push_back(NS->getName().str());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      Parts.push_back(RD->getIdentifier() ? RD->getName().str() : "(unnamed)");
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

} // namespace corolint
