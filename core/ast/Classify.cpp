//===--- Classify.cpp - What a call in a function's own code is ----------===//
//
// Each call is a blocking call (a sleep, a nested run, a row of the tables,
// a function the options or an annotation name), a call to follow into a
// plain function, or neither; and where a coroutine runs decides whether
// its calls count at all (a pool for blocking work, a thread of its own).
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "BlockingRules.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace corolint {

/// Whether a call named like a C library function (`sleep`, `system`) calls
/// the library's: declared extern "C" or in a system header, not a user's
/// own function of that name.
bool Analysis::isLibraryFunction(const OwnCall &Call,
                                 llvm::StringRef Name) const {
  if (Name.contains("::") || !Call.Callee)
    return true;
  return Call.Callee->isExternC() ||
         Ctx.getSourceManager().isInSystemHeader(
             Call.Callee->getCanonicalDecl()->getLocation());
}

// Whether C calls a blocking function: a sleep, a nested run, a row of the
// blocking tables or a function the options or an annotation name.
bool Analysis::classifyBlocking(Call &C, llvm::ArrayRef<std::string> Names,
                                const FunctionDecl &In) {
  const OwnCall &Site = C.Site;
  auto Blocks = [&](BlockKind Kind, llvm::StringRef Name, Wait W = Wait::None,
                    llvm::StringRef Suggestion = "") {
    C.What = Call::Class::Blocking;
    C.Blocks = {Kind, Strings->intern(Name), W,
                Suggestion.empty() ? NoStr : Strings->intern(Suggestion)};
    return true;
  };
  const Knowledge &K = Opts->knowledge();
  if (const SleepFunction *Sleep = K.sleepFunction(Names))
    return isLibraryFunction(Site, Sleep->QualifiedName) &&
           Blocks(BlockKind::Sleep, Sleep->QualifiedName);
  if (const RunEntryPoint *Run = K.runEntryPoint(Names)) {
    if (!Run->OnlyWith.empty() &&
        !(Site.Call && llvm::any_of(Site.Call->arguments(), [&](const Expr *A) {
            return mentions(*A, Run->OnlyWith, Ctx);
          })))
      return false;
    return Blocks(BlockKind::NestedRun, Run->QualifiedName, Wait::None,
                  Run->Advice);
  }
  // A team's own run-to-completion entry point (RunFunctions).
  if (std::string Matched; Opts->Run.match(Names, &Matched))
    return Blocks(BlockKind::NestedRun, Matched);
  if (Opts->Allowed.match(Names))
    return false;
  std::string Matched;
  const NameList::Entry *Listed = Opts->Blocking.match(Names, &Matched);
  std::optional<KnownBlocking> Known = knownBlocking(
      Site, Names, Listed != nullptr,
      [&]() -> const FunctionEvidence & { return evidence(In); }, Ctx, K,
      [&](llvm::StringRef Name) {
        return Listed || isLibraryFunction(Site, Name);
      });
  if (Known && Known->Kind == BlockKind::Call &&
      !Opts->reports(familyOf(Known->Waits)))
    Known.reset();
  if (Listed || Known)
    return Blocks(
        Known ? Known->Kind : BlockKind::Call, Known ? Known->Name : Matched,
        Known ? Known->Waits : Wait::None,
        Listed && !Listed->Suggestion.empty() ? Listed->Suggestion
                                              : (Known ? Known->Advice : ""));
  if (Site.Callee && markedBlocking(*Site.Callee))
    return Blocks(BlockKind::Call, qualifiedName(*Site.Callee));
  return false;
}

void Analysis::classify(Call &C, llvm::ArrayRef<std::string> Names,
                        const FunctionDecl &In) {
  const OwnCall &Site = C.Site;
  if (classifyBlocking(C, Names, In)) {
    // A wait for a value that the code has made sure is ready returns at
    // once.
    const auto *Member = dyn_cast_or_null<CXXMemberCallExpr>(Site.Call);
    if (Member && Opts->knowledge().waitsForValue(Names) &&
        readyAt(*Member, In)) {
      C.What = Call::Class::Other;
      return;
    }
    C.DrivesLoop = Opts->knowledge().drivesLoop(Names);
    return;
  }

  // Calls are followed into plain functions, and into functions defined in
  // other units, declared outside system headers, unless marked
  // non-blocking or offloading their callable arguments; a virtual call
  // into every body it may run.
  const FunctionDecl *Callee = Site.Callee;
  if (!Callee || Opts->NonBlocking.match(Names) || Opts->Offload.match(Names))
    return;
  const std::string Qualified = qualifiedName(*Callee);
  const Knowledge &K = Opts->knowledge();
  if (K.libraryMachinery(Qualified,
                         Callee->getTemplateInstantiationPattern() != nullptr))
    return;
  // Logging code's writes are its log lines: not followed while the
  // logging family is off, so that they hide no other blocking call.
  if (!Opts->reports(Family::Logging) && K.namedAsLogger(Qualified))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  if (Site.Virtual) {
    if (!SM.isInSystemHeader(Callee->getCanonicalDecl()->getLocation()) &&
        !markedNonBlocking(*Callee)) {
      C.What = Call::Class::Virtual;
      C.Target = Callee->getCanonicalDecl();
    }
    return;
  }
  const FunctionDecl *Def = nullptr;
  if (Callee->hasBody(Def) && Def) {
    if (!Def->isDependentContext() && !isa<CoroutineBodyStmt>(Def->getBody()) &&
        !SM.isInSystemHeader(Def->getLocation()) && !markedNonBlocking(*Def)) {
      C.What = Call::Class::Followed;
      C.Target = Def;
    }
    return;
  }
  if (!Callee->isDependentContext() &&
      !SM.isInSystemHeader(Callee->getCanonicalDecl()->getLocation()) &&
      !markedNonBlocking(*Callee)) {
    C.What = Call::Class::External;
    C.Target = Callee->getCanonicalDecl();
  }
}

namespace {

/// The executor an expression or parameter names: its class, through
/// pointers, references and smart pointers.
const CXXRecordDecl *executorOf(QualType T, const Knowledge &K) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = recordOf(T);
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(RD);
  if (Spec && Spec->getTemplateArgs().size() >= 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type) {
    if (K.smartPointer(qualifiedName(*Spec)))
      return recordOf(Spec->getTemplateArgs()[0].getAsType());
  }
  return RD;
}

bool dedicatedExecutor(QualType T, const Knowledge &K) {
  const CXXRecordDecl *RD = executorOf(T, K);
  return RD && K.dedicatedThreads(qualifiedName(*RD));
}

} // namespace

// A framework's entry is awaited in that framework's coroutines. An in-house
// one (a row of no framework, or a function RunFunctions names) awaits its
// first argument, where that is a task of Coro's framework or of Coro's own
// task type.
std::optional<RunEntryPoint>
Analysis::runEntry(llvm::StringRef Name, const OwnCall &Site,
                   const AsyncContext &Coro) const {
  const Knowledge &K = Opts->knowledge();
  const RunEntryPoint *Row = K.runEntryPoint({Name.str()});
  if (Row &&
      (Row->Id != Framework::Unknown || Row->Rewrite == RunRewrite::None))
    return *Row;
  if (!Row && !Opts->Run.match({Name.str()}))
    return std::nullopt;
  const CXXRecordDecl *Awaited =
      Site.Args.empty() ? nullptr : recordOf(Site.Args[0]->getType());
  if (!Awaited)
    return std::nullopt;
  std::string Task = qualifiedName(*Awaited);
  // A function becoming a coroutine will return its task type.
  const CXXRecordDecl *Own =
      recordOf(Coro.Func->getReturnType()->getCanonicalTypeUnqualified());
  std::string OwnName = Coro.Becoming && Coro.Task
                            ? Coro.Task->QualifiedName.str()
                        : Own ? qualifiedName(*Own)
                              : "";
  const TaskType *Known = K.taskType(Task);
  bool Awaitable =
      (!OwnName.empty() && OwnName == Task) ||
      (Known && Known->Id == Coro.framework() &&
       Coro.framework() != Framework::Unknown && !Known->SynchronousGenerator);
  if (!Awaitable)
    return std::nullopt;
  return RunEntryPoint{Name,
                       Coro.framework(),
                       Row ? Row->Rewrite : RunRewrite::AwaitArgumentMoved,
                       Row ? Row->Advice : "",
                       "",
                       "",
                       Row ? Row->From : Origin()};
}

std::optional<bool> Analysis::onBlockingPool(const Expr &Operand) const {
  llvm::SmallVector<std::string, 2> Names = namesOf(Operand);
  // A framework's resume_on(e) moves the coroutine onto e: a pool for
  // blocking work when e gives every task a thread of its own or is the
  // framework's executor for blocking work, another executor otherwise.
  if (const auto *Call = dyn_cast<CallExpr>(Operand.IgnoreImplicit()))
    for (const Placement &P : Opts->knowledge().placements())
      if (llvm::is_contained(Names, P.ResumeOn))
        return llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
          llvm::SmallVector<const ValueDecl *, 4> Named;
          namedIn(*Arg, Named);
          return dedicatedExecutor(Arg->getType(), Opts->knowledge()) ||
                 llvm::any_of(Named, [&](const ValueDecl *D) {
                   return D->getIdentifier() &&
                          D->getName() == P.BlockingExecutor;
                 });
        });
  if (Opts->BlockingPool.empty())
    return std::nullopt;
  if (const CXXRecordDecl *RD = recordOf(Operand.getType()))
    Names.push_back(qualifiedName(*RD));
  if (Opts->BlockingPool.match(Names))
    return true;
  return std::nullopt;
}

// A coroutine reported in is the user's own: not a framework's (instantiated
// from a header in the framework's namespace, as concurrencpp's
// submit_bridge runs a submitted callable, whether the header came with -I
// or -isystem), not one the options vouch for or offload, and not one that
// runs on a thread of its own (concurrencpp's executor_tag with a
// thread_executor).
bool Analysis::ownCoroutine(const AsyncContext &Coro) {
  const FunctionDecl &F = *Coro.Func;
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = qualifiedName(F);
  if (F.getTemplateInstantiationPattern() &&
      !SM.isInMainFile(SM.getExpansionLoc(F.getLocation())) &&
      Opts->knowledge().inFrameworkNamespace(Name))
    return false;
  if (Opts->NonBlocking.match({Name}) || Opts->Offload.match({Name}))
    return false;
  for (const Placement &P : Opts->knowledge().placements())
    if (F.getNumParams() >= 2) {
      const CXXRecordDecl *Tag = recordOf(F.getParamDecl(0)->getType());
      if (Tag && qualifiedName(*Tag) == P.TagType &&
          dedicatedExecutor(F.getParamDecl(1)->getType(), Opts->knowledge()))
        return false;
    }
  return true;
}

} // namespace corolint
