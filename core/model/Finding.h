//===--- Finding.h - What corolint reports, as data ----------------------===//
//
// A finding is data: the check, the coroutine, the call in it, the chain of
// calls through plain functions (if any), the blocking call reached, and
// the fixes. The plugin, corolint-clangd and the standalone tool's text,
// JSON and SARIF all render findings with render() (Render.h); nothing reads
// a finding back from its wording.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MODEL_FINDING_H
#define COROLINT_MODEL_FINDING_H

#include "Graph.h"

namespace corolint {

/// The coroutine a finding is in.
struct Coroutine {
  /// As messages show it, quoted.
  StrId Name = NoStr;
  /// Its qualified name, for baselines and fingerprints.
  StrId Qualified = NoStr;
  bool Lambda = false;
  Place At;
  Framework FW = Framework::Unknown;
  /// The qualified name of its task type's row (Knowledge::taskType).
  StrId Task = NoStr;
};

/// Why the async-all-the-way-up rewrite (make the called function a
/// coroutine and await it) comes without a fix-it. Arg, where the reason
/// has one, is the name it mentions.
enum class NoRewrite : uint8_t {
#define COROLINT_NO_REWRITE(Id, Name, Text) Id,
#include "NoRewrite.def"
};

/// The closing note of a chain to a nested run: the rewrite's edits, or why
/// there are none.
struct AsyncRewrite {
  NoRewrite Why = NoRewrite::None;
  StrId Arg = NoStr;
  std::vector<Edit> Fixes;
  /// The function Why is about, as messages show it, when it is not the
  /// one the coroutine calls but another the rewrite would change.
  StrId Subject = NoStr;
};

struct Finding {
  CheckId Check = CheckId::BlockingCall;
  Coroutine Coro;
  /// The call in the coroutine; for an implicit call (a destructor), where
  /// it happens.
  Place At, ImplicitAt;
  /// The function called, as messages show it, and the name it is called
  /// by (the first name namesOf gives), which identifies the finding.
  StrId Callee = NoStr, Called = NoStr;
  /// The blocking call reached; its kind is the check's.
  Primitive End;
  /// The calls from the function called down to End; empty when the call
  /// is End itself. A chain longer than MaxChainHops keeps its halves.
  std::vector<Hop> Hops;
  /// The hops left out after the first half of Hops.
  uint32_t OmittedHops = 0;
  /// The warning's own fix-its.
  std::vector<Edit> Fixes;
  /// For a chain to a nested run.
  AsyncRewrite Async;

  bool chain() const { return !Hops.empty(); }
  /// The chain's hops, those left out included.
  size_t length() const { return Hops.size() + OmittedHops; }
  /// The I-th hop of the chain, I < length(), not one left out.
  const Hop &hop(size_t I) const {
    const size_t Half = Hops.size() / 2;
    return Hops[I < Half || !OmittedHops ? I : I - OmittedHops];
  }
};

/// A call in a coroutine that reaches no blocking call of its check's kind
/// within its translation unit, but may through another: it becomes a
/// finding if the whole program's graph has a chain from its callee.
struct Candidate {
  /// The finding it would be, without End and hops; End.Kind is set.
  Finding Pending;
  StrId CalleeUsr = NoStr;
  /// Whether the callee's body is in the candidate's translation unit.
  bool CalleeDefinedHere = false;
  /// Whether the call is virtual, chosen at run time: CalleeUsr then names
  /// the node of the virtual call (dispatchUsr), not the function's body.
  bool Virtual = false;
  /// The fingerprint of the options its graph was made under.
  StrId Options = NoStr;
  /// In a header the header filter leaves out: only counted, if it
  /// becomes a finding.
  bool Hidden = false;
};

/// The USR of the node that stands for a virtual call of the function
/// whose USR is Usr: the bodies such a call may run.
std::string dispatchUsr(llvm::StringRef Usr);
/// The USR of the function whose virtual call's node is DispatchUsr.
llvm::StringRef dispatchedFrom(llvm::StringRef DispatchUsr);

/// Pending, completed with C: the finding a candidate becomes. For a
/// nested run, its note says why there is no rewrite across files.
Finding resolve(const Candidate &Pending, const Chain &C);

/// The names facts files give NoRewrite reasons, and back.
llvm::StringRef noRewriteName(NoRewrite Why);
std::optional<NoRewrite> noRewriteNamed(llvm::StringRef Name);
/// What the note says of Why: %0 the function called, %1 the argument.
llvm::StringRef noRewriteText(NoRewrite Why);
/// Whether the rewrite across files may lift Why: one file's fix-its
/// refused it for what they cannot see.
bool liftedAcrossFiles(NoRewrite Why);
/// Whether a note's text gives such a reason (as noRewriteText says it,
/// names filled in): how an editor's note is read.
bool givesReasonLiftedAcrossFiles(llvm::StringRef Note);

} // namespace corolint

#endif // COROLINT_MODEL_FINDING_H
