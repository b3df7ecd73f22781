//===--- BlockingTables.h - What blocks a thread, by family ---------------===//
//
// The blocking calls corolint knows beyond sleeps and nested event loops,
// grouped in families that users may switch off one by one: waits on other
// threads, locks, processes, name resolution, network and descriptor I/O,
// standard input, files, and the synchronous clients of databases, HTTP and
// RPC. Every fact is data here, checked against the real headers
// (../shared/BLOCKING.md); BlockingRules.cpp decides, call by call, whether
// a row's condition holds.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_KNOWLEDGE_BLOCKINGTABLES_H
#define COROLINT_KNOWLEDGE_BLOCKINGTABLES_H

#include "FrameworkTables.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace corolint {

/// A family of blocking calls: what a warning names, and what an option
/// switches off.
enum class Family : unsigned char {
  None, // a call the user listed or annotated: always reported
  Thread,
  Lock,
  Process,
  Resolver,
  Network,
  Device,
  Stdin,
  File,
  Database,
  Http,
  Rpc,
};
constexpr size_t NumFamilies = static_cast<size_t>(Family::Rpc) + 1;

struct FamilyInfo {
  Family Id;
  /// Its name in facts files and in `corolint --list-blocking`.
  llvm::StringLiteral Name;
  /// coro-blocking-call's option that switches it off.
  llvm::StringLiteral Option;
  /// What the warning says the call does: "synchronous network I/O".
  llvm::StringLiteral What;
};

/// The families that options may switch off, in the order of Family.
llvm::ArrayRef<FamilyInfo> families();
const FamilyInfo &familyInfo(Family F);

/// What a blocking call waits for, which gives its family and its
/// asynchronous alternative.
enum class Wait : unsigned char {
  None, // nothing known: no alternative to suggest
  Future,
  Join,
  Condition,
  Latch,
  Process,
  Resolver,
  Lock,
  Network,
  Device,
  Stdin,
  File,
  Database,
  Http,
  Rpc,
};

Family familyOf(Wait W);

/// When a row's call blocks.
enum class When : unsigned char {
  Always,
  /// Unless argument Arg names one of Flags (an enumerator or a macro):
  /// `recv(fd, b, n, MSG_DONTWAIT)`, `waitpid(p, &s, WNOHANG)`.
  WithoutFlag,
  /// Only when argument Arg names one of Flags: `fcntl(fd, F_SETLKW, &l)`.
  WithFlag,
  /// Unless argument Arg is zero: a timeout of zero polls.
  NonZero,
  /// When argument Arg, an fopen mode, opens the file for reading.
  ReadMode,
  /// A constructor given arguments: a stream or directory iterator built
  /// without any, or copied, opens nothing.
  WithArguments,
  /// When the call's value is discarded: the future std::async returns
  /// waits for the task in its destructor.
  Discarded,
  /// Unless the function called one of Flags before (PQisBusy before
  /// PQgetResult).
  NotAfter,
};

/// What a row's call reads or writes, which may decide its family or that
/// it does not block.
enum class Target : unsigned char {
  /// The row's own wait.
  Fixed,
  /// Argument TargetArg is a file descriptor. It does not block when the
  /// function made it non-blocking (SOCK_NONBLOCK, O_NONBLOCK, fcntl) or
  /// awaited its readiness before; descriptor 0 is standard input, and a
  /// write to 1 or 2 is logging.
  Descriptor,
  /// Argument TargetArg is a FILE*: stdin, a pipe popen opened, or a file.
  CFile,
  /// Argument TargetArg (-1: the object) is an input stream: std::cin, a
  /// file stream or a Boost.Process pipe; other streams (string streams)
  /// do not block.
  Stream,
};

struct BlockingFunction {
  llvm::StringRef QualifiedName;
  Wait Waits = Wait::None;
  When Condition = When::Always;
  int8_t Arg = 0;
  /// For the conditions that name flags or functions: '|'-separated.
  llvm::StringRef Flags = "";
  Target On = Target::Fixed;
  int8_t TargetArg = 0;
  /// What to use instead, when the wait's alternative does not say it.
  llvm::StringRef Advice = "";
  /// Off by default: only flagged when listed in BlockingFunctions.
  bool OptIn = false;

  constexpr BlockingFunction when(When C, int8_t A,
                                  llvm::StringRef F = "") const {
    BlockingFunction R = *this;
    R.Condition = C;
    R.Arg = A;
    R.Flags = F;
    return R;
  }
  constexpr BlockingFunction on(Target T, int8_t A) const {
    BlockingFunction R = *this;
    R.On = T;
    R.TargetArg = A;
    return R;
  }
  constexpr BlockingFunction advice(llvm::StringRef A) const {
    BlockingFunction R = *this;
    R.Advice = A;
    return R;
  }
  constexpr BlockingFunction optIn() const {
    BlockingFunction R = *this;
    R.OptIn = true;
    return R;
  }
};

llvm::ArrayRef<BlockingFunction> blockingFunctions();
/// The row named by one of Names; opt-in rows only when asked for.
const BlockingFunction *blockingFunction(llvm::ArrayRef<std::string> Names,
                                         bool OptIn);
/// The condition of Row, for people: "unless argument 4 names
/// MSG_DONTWAIT"; empty when it always blocks.
std::string describeCondition(const BlockingFunction &Row);

/// A class whose synchronous operations are found by the async-twin rule:
/// a member `f` beside an `async_f` that takes the same leading parameters
/// and a completion token (Asio, Beast, Boost.Process v2). The class
/// decides the family; free functions (`asio::read(s, ...)`) take their
/// first argument's class. Asio's names also match under `boost::`.
struct TwinClass {
  llvm::StringRef QualifiedName;
  Wait Waits;
  /// A timer: its synchronous wait is a sleep.
  bool Timer = false;
};
llvm::ArrayRef<TwinClass> twinClasses();
/// The row of the class named Name, or nullptr.
const TwinClass *twinClass(llvm::StringRef Name);
/// What a twin of an unknown class does.
constexpr Wait UnknownTwinWait = Wait::Device;

/// The awaitable completion tokens of Asio and Boost.Asio, and the header
/// of each name a twin rewrite writes.
struct AsioTokens {
  Framework Id;
  llvm::StringRef UseAwaitable, UseAwaitableHeader;
  llvm::StringRef RedirectError, RedirectErrorHeader;
};
const AsioTokens *asioTokens(Framework Id);

/// An input stream class whose reads block, and how.
struct StreamClass {
  llvm::StringRef QualifiedName;
  Wait Waits;
};
llvm::ArrayRef<StreamClass> streamClasses();
/// The variables that are standard input: `stdin`, `std::cin`.
bool isStandardInput(llvm::StringRef QualifiedName);

/// A Qt wait that QCoro awaits: `obj.waitForX(n)` becomes
/// `co_await qCoro(obj).waitForX(n)`.
struct QtAwaitable {
  llvm::StringRef Method;
  /// The awaited value has the Qt call's type (bool): the value may be
  /// used. Otherwise only a discarded call is rewritten.
  bool SameValue;
  /// QCoro's method has Qt's default argument; otherwise a call that
  /// relies on it is rewritten with the default written out.
  bool SameDefault;
};
const QtAwaitable *qtAwaitable(llvm::StringRef Method);
/// The QCoro header whose `qCoro` overload wraps the Qt class QtClass;
/// empty for a class QCoro does not wrap.
llvm::StringRef qcoroHeader(llvm::StringRef QtClass);

/// How a synchronous gRPC stub call looks: a member of a class named one
/// of StubClasses nested in a generated service class, returning Status
/// and taking a ClientContext* first.
struct GrpcStubShape {
  llvm::StringRef StubClasses[2];
  llvm::StringRef Status;
  llvm::StringRef ClientContext;
};
const GrpcStubShape &grpcStubShape();

/// What to use instead of a blocking call that waits as W, in a coroutine of
/// framework Id: the framework's own alternative where it has one.
llvm::StringRef alternativeFor(Wait W, Framework Id);

/// The names facts files give waits, and back.
llvm::StringRef waitName(Wait W);
std::optional<Wait> waitNamed(llvm::StringRef Name);

} // namespace corolint

#endif // COROLINT_KNOWLEDGE_BLOCKINGTABLES_H
