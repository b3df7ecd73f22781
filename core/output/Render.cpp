//===--- Render.cpp - A finding as the user reads it ---------------------===//

#include "Render.h"
#include "Knowledge.h"
#include "llvm/ADT/Twine.h"
#include <algorithm>
#include <set>

namespace corolint {

namespace {

// What a finding says beyond its data comes from corolint's own knowledge:
// a user's rows reach the messages through their advice, which the finding
// carries (End.Suggestion).

/// What a coroutine of framework Id awaits instead of sleeping.
std::string sleepAdvice(Framework Id) {
  if (const FrameworkInfo *FW = Knowledge::builtin().framework(Id))
    return (FW->Name + " coroutines " + FW->Sleep.Advice + " instead").str();
  return "await the framework's asynchronous timer instead; option "
         "'SleepReplacement' gives a fix-it for in-house task types";
}

/// Pattern with %0 and %1 replaced by Arg0 and Arg1.
std::string format(llvm::StringRef Pattern, llvm::StringRef Arg0,
                   llvm::StringRef Arg1) {
  std::string Out;
  for (size_t I = 0; I < Pattern.size(); ++I) {
    if (Pattern[I] == '%' && I + 1 < Pattern.size() &&
        (Pattern[I + 1] == '0' || Pattern[I + 1] == '1')) {
      Out += Pattern[++I] == '0' ? Arg0 : Arg1;
      continue;
    }
    Out += Pattern[I];
  }
  return Out;
}

/// How the warning names the blocking call: "blocking sleep", ...
llvm::StringRef phrase(BlockKind Kind) {
  switch (Kind) {
  case BlockKind::Sleep:
    return "blocking sleep";
  case BlockKind::NestedRun:
    return "nested run";
  case BlockKind::Call:
    return "blocking call to";
  }
  return "";
}

/// The closing note of a direct nested run that has no fix-it.
std::string runAdvice(const Finding &F, llvm::StringRef Name) {
  const RunEntryPoint *Entry = Knowledge::builtin().runEntryPoint({Name.str()});
  if (Entry && !Entry->Advice.empty())
    return Entry->Advice.str();
  if (Entry && Entry->Id != F.Coro.FW)
    return "'co_await' the work instead if this coroutine's task type can "
           "await it; no fix-it is offered across frameworks";
  return "'co_await' the work instead";
}

/// The most hops a chain's notes show, half from each end.
constexpr size_t HopNotes = 32;

} // namespace

std::vector<Message> render(const Finding &F, const StringPool &S) {
  std::vector<Message> Out;
  using Role = Message::Role;
  auto Note = [&](Role What, const Place &At, std::string Text,
                  std::vector<Edit> Fixes = {}) {
    Out.push_back({What, std::move(Text), At, std::move(Fixes)});
  };
  const std::string Callee = S[F.Callee].str();
  const std::string Primitive = "'" + S[F.End.Name].str() + "'";
  const BlockKind Kind = F.End.Kind;
  llvm::StringRef What = familyInfo(familyOf(F.End.Waits)).What;

  std::string Warning = F.chain() ? "call to " + Callee + " reaches " +
                                        phrase(Kind).str() + " " + Primitive
                                  : phrase(Kind).str() + " " + Primitive;
  if (Kind == BlockKind::Call && !What.empty())
    Warning += " (" + What.str() + ")";
  Warning += F.Coro.Lambda ? " inside a coroutine lambda"
                           : " inside coroutine " + S[F.Coro.Name].str();
  Out.push_back({Role::Warning, std::move(Warning), F.At, F.Fixes});

  if (F.ImplicitAt.valid())
    Note(Role::Implicit, F.ImplicitAt, Callee + " is called here");
  Note(Role::Coroutine, F.Coro.At,
       F.Coro.Lambda ? "coroutine lambda declared here"
                     : "coroutine " + S[F.Coro.Name].str() + " declared here");
  // A chain of thousands of calls gets its first and last hops, and a note
  // that says how many are left out between them.
  const size_t Shown = std::min(F.length(), HopNotes);
  const size_t Skipped = F.length() - Shown;
  for (size_t I = 0; I < F.length(); ++I) {
    if (Skipped && I == HopNotes / 2) {
      Note(Role::Hop, F.hop(I).At,
           "and " + std::to_string(Skipped) +
               " more calls down the chain from here, not shown");
      I += Skipped - 1;
      continue;
    }
    const Hop &H = F.hop(I);
    std::string Caller = S[H.Caller].str();
    if (H.Dispatch) {
      Note(Role::Hop, H.At,
           "the virtual call of " + Caller + " may run its override " +
               S[H.Callee].str() + ", defined here");
      continue;
    }
    Caller += H.Implicit ? " implicitly calls " : " calls ";
    // The last hop calls the blocking call itself.
    bool Last = !H.Implicit && I + 1 == F.length();
    Note(Role::Hop, H.At,
         Caller + (Last ? Primitive : S[H.Callee].str()) + " here");
  }

  // A chain's rewrite (or, for a nested run, why there is none) is its
  // advice.
  if (F.chain() && (Kind == BlockKind::NestedRun ||
                    F.Async.Why != NoRewrite::None || !F.Async.Fixes.empty())) {
    std::string Advice = "make " + Callee +
                         " a coroutine and 'co_await' it: async all the "
                         "way up";
    llvm::StringRef Then = noRewriteText(F.Async.Why);
    std::string Subject =
        F.Async.Subject == NoStr ? Callee : S[F.Async.Subject].str();
    if (!Then.empty())
      Advice += "; " + format(Then, Subject, S[F.Async.Arg]);
    if (F.Async.Subject != NoStr)
      Advice += " (the rewrite would change it too)";
    std::set<StrId> Files;
    for (const Edit &E : F.Async.Fixes)
      Files.insert(E.At.File);
    if (Files.size() > 1)
      Advice +=
          "; the fix-it changes " + std::to_string(Files.size()) + " files";
    Note(Role::Advice, F.At, std::move(Advice), F.Async.Fixes);
    return Out;
  }
  if (!F.Fixes.empty())
    return Out;
  llvm::StringRef Suggested = S[F.End.Suggestion];
  switch (Kind) {
  case BlockKind::Sleep:
    Note(Role::Advice, F.At,
         Suggested.empty() ? sleepAdvice(F.Coro.FW)
                           : "use " + Suggested.str() + " instead");
    break;
  case BlockKind::Call: {
    std::string Alternative =
        !Suggested.empty()
            ? Suggested.str()
            : Knowledge::builtin().alternativeFor(F.End.Waits, F.Coro.FW).str();
    if (!Alternative.empty())
      Note(Role::Advice, F.At, "use " + Alternative + " instead");
    break;
  }
  case BlockKind::NestedRun:
    Note(Role::Advice, F.At,
         Suggested.empty() ? runAdvice(F, S[F.End.Name]) : Suggested.str());
    break;
  }
  return Out;
}

} // namespace corolint
