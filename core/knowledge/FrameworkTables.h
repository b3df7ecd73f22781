//===--- FrameworkTables.h - What corolint knows about coroutine frameworks ===//
//
// Every fact about a framework (its task types, its run-to-completion entry
// points, its asynchronous sleep) lives in the tables declared here and
// defined in FrameworkTables.cpp; the checks only read them.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_KNOWLEDGE_FRAMEWORKTABLES_H
#define COROLINT_KNOWLEDGE_FRAMEWORKTABLES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace corolint {

enum class Framework : unsigned char {
  Unknown,
  Asio,
  BoostAsio,
  Cppcoro,
  Folly,
  Stdexec,
  Unifex,
  AsyncSimple,
  Libcoro,
  Concurrencpp,
  Cobalt,
  Seastar,
  QCoro,
  StdExecution,
};

/// A std::chrono period, Num/Den seconds.
struct Period {
  std::intmax_t Num = 1;
  std::intmax_t Den = 1;
};

/// A declaration a replacement names, and the header that declares it.
struct Requirement {
  llvm::StringRef Decl;   // qualified name; empty ends the list
  llvm::StringRef Header; // as written in #include, with <> or ""
};

/// What a framework offers instead of a thread sleep.
struct SleepInfo {
  /// The awaited replacement for sleep_for(d); %0 is the duration expression.
  /// Empty when the replacement needs an object the coroutine may not have.
  llvm::StringRef ForDuration;
  /// The replacement for sleep_until(t) on std::chrono::steady_clock; %0 is
  /// the time point. Empty when there is none.
  llvm::StringRef UntilTimePoint;
  /// Finest period the replacement's parameter holds without an explicit
  /// cast (0/0 when it takes any duration).
  Period Finest;
  /// Declarations the replacement names.
  Requirement Needs[3];
  /// What to await instead, for the note when there is no fix-it.
  llvm::StringRef Advice;
};

struct FrameworkInfo {
  Framework Id;
  llvm::StringRef Name;
  SleepInfo Sleep;
  /// For Asio-style awaitables: the executor type the replacement's
  /// completion token works with; other executors get no fix-it.
  llvm::StringRef DefaultExecutor;
  /// The task type a plain function becomes when it is made a coroutine of
  /// this framework; %0 is its old return type. Empty when there is none.
  llvm::StringRef TaskTemplate;
};

/// A coroutine return type.
struct TaskType {
  llvm::StringRef QualifiedName;
  Framework Id;
  /// A synchronous generator, or another coroutine that runs to its end in
  /// its caller: not an asynchronous context.
  bool SynchronousGenerator;
  /// Whether the framework's awaitable rewrites compile in coroutines of
  /// this type.
  bool FixIts;
};

/// How a thread-sleep function takes its argument.
enum class SleepArg : unsigned char {
  Duration,   // a std::chrono::duration
  TimePoint,  // a std::chrono::time_point
  Seconds,    // an integer count of seconds
  Milliseconds,
  Microseconds,
  Opaque,     // a struct timespec or a Boost.Chrono value: no rewrite
};

struct SleepFunction {
  llvm::StringRef QualifiedName;
  SleepArg Arg;
};

/// How a nested run is rewritten to an await.
enum class RunRewrite : unsigned char {
  None,             // nothing keeps the value; the note says what to do
  AwaitArgument,    // X(e) -> co_await e
  AwaitArgumentMoved, // X(e) -> co_await std::move(e) for an lvalue e
  AwaitObject,      // o.get() -> co_await o
  AwaitObjectMoved, // o.get() -> co_await std::move(o) for an lvalue o
};

struct RunEntryPoint {
  llvm::StringRef QualifiedName;
  Framework Id;
  RunRewrite Rewrite;
  /// What to do instead, for the note when there is no fix-it.
  llvm::StringRef Advice;
  /// An awaited type the rewrite must leave alone, if any.
  llvm::StringRef NotAwaitable = "";
  /// When set, the call runs a nested loop only when one of its arguments
  /// names this enumerator (QEventLoop::WaitForMoreEvents).
  llvm::StringRef OnlyWith = "";
};

/// How code establishes that the value a call waits for is ready, so that
/// the call does not wait: it compares `o.Method()` equal to Ready, or
/// unequal to NotReady; with both empty, the call's value itself says
/// whether o is ready.
struct ReadinessProbe {
  llvm::StringRef Method;
  llvm::StringRef Ready;
  llvm::StringRef NotReady;
};

/// Where a framework lets a coroutine choose the thread it runs on.
struct Placement {
  /// A coroutine whose first parameter has this type runs on the executor
  /// its second parameter names.
  llvm::StringRef TagType;
  /// Awaiting this call with an executor moves the rest of the block onto
  /// it.
  llvm::StringRef ResumeOn;
  /// The framework's executor for blocking work, by the name its API gives
  /// it (a function, or the variable that holds what it returned): the
  /// rest of a block resumed on it may block.
  llvm::StringRef BlockingExecutor;
};

llvm::ArrayRef<TaskType> taskTypes();
llvm::ArrayRef<SleepFunction> sleepFunctions();
llvm::ArrayRef<RunEntryPoint> runEntryPoints();

/// The framework table's row for Id, or nullptr for Framework::Unknown.
const FrameworkInfo *frameworkInfo(Framework Id);

/// The rows named Name, or nullptr.
const SleepFunction *sleepFunction(llvm::ArrayRef<std::string> Names);
const RunEntryPoint *runEntryPoint(llvm::ArrayRef<std::string> Names);

/// Whether one of Names waits for a value (a future's get), and so blocks
/// only while the value is not ready.
bool waitsForValue(llvm::ArrayRef<std::string> Names);
/// The probes named by one of Names.
llvm::SmallVector<const ReadinessProbe *, 2>
readinessProbes(llvm::ArrayRef<std::string> Names);
/// Whether awaiting `o.M()`, M one of Names, makes o ready (concurrencpp's
/// resolve).
bool makesReady(llvm::ArrayRef<std::string> Names);
/// Whether awaiting a call of one of Names gives values that are all ready
/// (when_all, when_any).
bool givesReadyValues(llvm::ArrayRef<std::string> Names);
/// Whether one of Names runs an event loop that a coroutine may drive when
/// it does nothing else (cppcoro's documented `process_events` task under
/// `sync_wait(when_all(...))`).
bool drivesLoop(llvm::ArrayRef<std::string> Names);
/// Whether the executor type named Name runs each task on a thread of its
/// own, where blocking holds no thread other coroutines share.
bool dedicatedThreads(llvm::StringRef Name);
llvm::ArrayRef<Placement> placements();
/// Whether QualifiedName is in the namespace of a framework's own code
/// (`asio::...`, `concurrencpp::...`).
bool inFrameworkNamespace(llvm::StringRef QualifiedName);
/// Whether the function named QualifiedName is a library's machinery that
/// calls are not followed into: a framework's own non-template code (its
/// scheduler, its wake-ups through a self-pipe), written for coroutines,
/// whose blocking entry points the tables list by name; and a test
/// framework's assertion machinery. A template Instantiated from a
/// framework may run the user's callables, and is followed.
bool libraryMachinery(llvm::StringRef QualifiedName, bool Instantiated);

/// The names facts files give frameworks, and back.
llvm::StringRef frameworkName(Framework Id);
std::optional<Framework> frameworkNamed(llvm::StringRef Name);

/// One of the tables above, indexed by its rows' QualifiedName.
template <typename Row> class TableIndex {
public:
  explicit TableIndex(llvm::ArrayRef<Row> Rows) {
    for (const Row &R : Rows)
      ByName.try_emplace(R.QualifiedName, &R);
  }

  /// The row that the first of Names names, among the rows Accept takes.
  const Row *
  find(llvm::ArrayRef<std::string> Names,
       llvm::function_ref<bool(const Row &)> Accept = nullptr) const {
    for (const std::string &Name : Names) {
      auto It = ByName.find(Name);
      if (It != ByName.end() && (!Accept || Accept(*It->second)))
        return It->second;
    }
    return nullptr;
  }

private:
  llvm::StringMap<const Row *> ByName;
};

} // namespace corolint

#endif // COROLINT_KNOWLEDGE_FRAMEWORKTABLES_H
