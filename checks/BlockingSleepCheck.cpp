//===--- BlockingSleepCheck.cpp - coro-blocking-sleep ---------------------===//

#include "BlockingSleepCheck.h"
#include "AwaitRewrite.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace corolint {

namespace {

constexpr llvm::StringLiteral SleepReplacementKey = "SleepReplacement";
constexpr llvm::StringLiteral SleepReplacementIncludeKey =
    "SleepReplacementInclude";
constexpr llvm::StringLiteral IncludeStyleKey = "IncludeStyle";

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

} // namespace

BlockingSleepCheck::BlockingSleepCheck(llvm::StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : CoroutineCallCheck(Name, Context, BlockKind::Sleep,
                         Reports::DirectAndFollowed),
      SleepReplacement(Options.get(SleepReplacementKey, "")),
      SleepReplacementInclude(Options.get(SleepReplacementIncludeKey, "")),
      Inserter(Options.getLocalOrGlobal(IncludeStyleKey,
                                        tidy::utils::IncludeSorter::IS_LLVM),
               areDiagsSelfContained()) {
  if (!SleepReplacement.empty() &&
      llvm::StringRef(SleepReplacement).find("%0") == llvm::StringRef::npos) {
    configurationDiag("option '%0' of check '%1' has no '%%0' where the "
                      "duration goes: '%2'; it is ignored",
                      DiagnosticIDs::Error)
        << SleepReplacementKey << Name << SleepReplacement;
    SleepReplacement.clear();
  }
  // IncludeInserter takes "header" without its quotes, <header> with its
  // brackets; the option accepts either spelling.
  SleepReplacementHeader = SleepReplacementInclude;
  if (SleepReplacementHeader.size() > 1 &&
      SleepReplacementHeader.starts_with("\"") &&
      SleepReplacementHeader.ends_with("\""))
    SleepReplacementHeader =
        SleepReplacementHeader.drop_front().drop_back();
}

void BlockingSleepCheck::registerPPCallbacks(const SourceManager &,
                                             Preprocessor *PP, Preprocessor *) {
  Inserter.registerPreprocessor(PP);
}

void BlockingSleepCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroutineCallCheck::storeOptions(Opts);
  Options.store(Opts, SleepReplacementKey, SleepReplacement);
  Options.store(Opts, SleepReplacementIncludeKey, SleepReplacementInclude);
  Options.store(Opts, IncludeStyleKey, Inserter.getStyle());
}

void BlockingSleepCheck::checkDirect(const OwnCall &Call, const Primitive &P,
                                     const AsyncContext &Coro,
                                     ASTContext &Ctx) {
  std::vector<FixItHint> Fixes = fixFor(Call, *P.Sleep, Coro, Ctx);
  {
    DiagnosticBuilder D = warnAt(Call, "blocking sleep '%0'", {P.Name}, Coro);
    for (const FixItHint &Fix : Fixes)
      D << Fix;
  }
  noteImplicit(Call);
  noteCoroutine(Coro);
  if (Fixes.empty())
    noteAdvice(Call, Coro);
}

void BlockingSleepCheck::noteChainAdvice(const OwnCall &Call, const Chain &,
                                         const AsyncContext &Coro,
                                         const FunctionDecl &, Analysis &,
                                         ASTContext &) {
  noteAdvice(Call, Coro);
}

std::string sleepAdvice(Framework Id) {
  if (const FrameworkInfo *FW = frameworkInfo(Id))
    return (FW->Name + " coroutines " + FW->Sleep.Advice + " instead").str();
  return "await the framework's asynchronous timer instead; option "
         "'SleepReplacement' gives a fix-it for in-house task types";
}

void BlockingSleepCheck::noteAdvice(const OwnCall &Call,
                                    const AsyncContext &Coro) {
  noteAt(Call, "%0") << sleepAdvice(Coro.framework());
}

std::vector<FixItHint> BlockingSleepCheck::fixFor(const OwnCall &Call,
                                                  const SleepFunction &Fn,
                                                  const AsyncContext &Coro,
                                                  ASTContext &Ctx) {
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
  } else if (!Until && !SleepReplacement.empty()) {
    Pattern = SleepReplacement;
    ReplacementHeader = SleepReplacementHeader;
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
    Duration = (Unit->Type + "(" + *Text + ")").str();
    Needs.push_back({Unit->Type, "<chrono>"});
  }

  std::vector<FixItHint> Fixes;
  Fixes.push_back(replaceCallByAwait(*Call.Call, substitute(Pattern, Duration),
                                     Ctx));
  FileID File = Ctx.getSourceManager().getFileID(Call.Call->getBeginLoc());
  auto Include = [&](llvm::StringRef Header) {
    if (std::optional<FixItHint> Insertion =
            Inserter.createIncludeInsertion(File, Header))
      Fixes.push_back(std::move(*Insertion));
  };
  for (const Requirement &R : Needs)
    if (!lookupQualified(Ctx, R.Decl))
      Include(R.Header);
  if (!ReplacementHeader.empty())
    Include(ReplacementHeader);
  return Fixes;
}

} // namespace corolint
