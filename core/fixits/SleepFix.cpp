//===--- SleepFix.cpp - A thread sleep becomes the awaited timer ----------===//

#include "AwaitText.h"
#include "Rewrites.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"

using namespace clang;

namespace corolint {

namespace {

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
  return Arg.getKind() == TemplateArgument::Type ? Arg.getAsType() : QualType();
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

} // namespace

std::vector<FixItHint> sleepToAwait(const OwnCall &Call,
                                    const SleepFunction &Fn,
                                    const AsyncContext &Coro, ASTContext &Ctx,
                                    const ParentMap &Parents,
                                    const Knowledge &K, const FixOptions &Fix) {
  if (!Call.Call || !canRewriteToAwait(Call, Coro) || Call.Args.empty() ||
      !isDiscarded(*Call.Call, Parents))
    return {};
  const FrameworkInfo *FW = K.framework(Coro.framework());
  const bool Until = Fn.Arg == SleepArg::TimePoint;
  llvm::StringRef Pattern;
  Period Finest{0, 0};
  llvm::SmallVector<Requirement, 4> Needs;
  llvm::StringRef ReplacementHeader;
  if (FW &&
      !(Until ? FW->Sleep.UntilTimePoint : FW->Sleep.ForDuration).empty()) {
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
        K.countUnits(), [&](const CountUnit &U) { return U.Arg == Fn.Arg; });
    if (Unit == K.countUnits().end() || !ArgType->isIntegerType() ||
        !fitsIn({Unit->P, false}, Finest))
      return {};
    Duration = qualifyAt(Unit->Type, *Coro.Func, Ctx) + "(" + *Text + ")";
    Needs.push_back({Unit->Type, Unit->Header});
  }

  std::vector<FixItHint> Fixes;
  Fixes.push_back(replaceCallByAwait(
      *Call.Call, substitute(qualifyAt(Pattern, *Coro.Func, Ctx), Duration),
      Parents));
  if (!ReplacementHeader.empty())
    Needs.push_back({"", ReplacementHeader});
  addIncludes(Needs, *Call.Call, Ctx, Fix, Fixes);
  return Fixes;
}

} // namespace corolint
