//===--- Knowledge.h - What corolint knows, as rows of data --------------===//
//
// Everything corolint knows of frameworks and blocking calls is data: rows
// in the knowledge files (knowledge/*.yaml, built in), each saying where it
// comes from (library, version, header) and what it was checked against.
// A user's file in the same schema, named by option KnowledgeFiles, adds
// rows of its own: a client that blocks unless a flag is set, with its
// async twin; an in-house task type and its run-to-completion entry; an
// executor that offloads. The checks read the rows; no rule names a
// library in code. docs/knowledge.md and `corolint --list-blocking` are
// generated from the same rows.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_KNOWLEDGE_KNOWLEDGE_H
#define COROLINT_KNOWLEDGE_KNOWLEDGE_H

#include "Vocabulary.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace corolint {

/// Where a row comes from: the library and version it describes, what it
/// was checked against, the file it is written in, and the header that
/// declares what it names.
struct Origin {
  llvm::StringRef Library, Version, Checked, File, Header;
  /// From a user's knowledge file, not corolint's own.
  bool User = false;
};

/// A std::chrono period, Num/Den seconds.
struct Period {
  std::intmax_t Num = 1;
  std::intmax_t Den = 1;
};

/// A declaration a replacement names, and the header that declares it.
struct Requirement {
  llvm::StringRef Decl;   // qualified name; empty: the header only
  llvm::StringRef Header; // as written in #include, with <> or ""
};

/// What a framework offers instead of a thread sleep.
struct SleepInfo {
  /// The awaited replacement for sleep_for(d); %0 is the duration
  /// expression. Empty when the replacement needs an object the coroutine
  /// may not have.
  llvm::StringRef ForDuration;
  /// The replacement for sleep_until(t) on std::chrono::steady_clock; %0 is
  /// the time point. Empty when there is none.
  llvm::StringRef UntilTimePoint;
  /// Finest period the replacement's parameter holds without an explicit
  /// cast (0/0 when it takes any duration).
  Period Finest{0, 0};
  /// Declarations the replacement names.
  llvm::ArrayRef<Requirement> Needs;
  /// What to await instead, for the note when there is no fix-it.
  llvm::StringRef Advice;
};

/// The awaitable completion tokens of an Asio-style framework, and the
/// header of each name a twin rewrite writes.
struct AsioTokens {
  llvm::StringRef UseAwaitable, UseAwaitableHeader;
  llvm::StringRef RedirectError, RedirectErrorHeader;
};

struct FrameworkInfo {
  Framework Id = Framework::Unknown;
  llvm::StringRef Name;
  SleepInfo Sleep;
  /// For Asio-style awaitables: the executor type the replacement's
  /// completion token works with; other executors get no fix-it.
  llvm::StringRef DefaultExecutor;
  /// The task type a plain function becomes when it is made a coroutine of
  /// this framework; %0 is its old return type. Empty when there is none.
  llvm::StringRef TaskTemplate;
  std::optional<AsioTokens> Tokens;
  /// The namespaces of the framework's own code.
  llvm::ArrayRef<llvm::StringRef> Namespaces;
  Origin From;
};

/// A coroutine return type.
struct TaskType {
  llvm::StringRef QualifiedName;
  Framework Id = Framework::Unknown;
  /// A synchronous generator, or another coroutine that runs to its end in
  /// its caller: not an asynchronous context.
  bool SynchronousGenerator = false;
  /// Whether the framework's awaitable rewrites compile in coroutines of
  /// this type.
  bool FixIts = true;
  /// The task type a plain function becomes when it is made a coroutine of
  /// this type (%0: its old return type); empty: the framework's.
  llvm::StringRef TaskTemplate;
  Origin From;
};

/// How a thread-sleep function takes its argument.
enum class SleepArg : unsigned char {
  Duration,  // a std::chrono::duration
  TimePoint, // a std::chrono::time_point
  Seconds,   // an integer count of seconds
  Milliseconds,
  Microseconds,
  Opaque, // a struct timespec or a Boost.Chrono value: no rewrite
};

struct SleepFunction {
  llvm::StringRef QualifiedName;
  SleepArg Arg = SleepArg::Opaque;
  Origin From;
};

/// How a nested run is rewritten to an await.
enum class RunRewrite : unsigned char {
  None,               // nothing keeps the value; the note says what to do
  AwaitArgument,      // X(e) -> co_await e
  AwaitArgumentMoved, // X(e) -> co_await std::move(e) for an lvalue e
  AwaitObject,        // o.get() -> co_await o
  AwaitObjectMoved,   // o.get() -> co_await std::move(o) for an lvalue o
};

struct RunEntryPoint {
  llvm::StringRef QualifiedName;
  /// Unknown: an in-house task type's, awaited only in a coroutine of the
  /// task type the argument has.
  Framework Id = Framework::Unknown;
  RunRewrite Rewrite = RunRewrite::None;
  /// What to do instead, for the note when there is no fix-it.
  llvm::StringRef Advice;
  /// An awaited type the rewrite must leave alone, if any.
  llvm::StringRef NotAwaitable;
  /// When set, the call runs a nested loop only when one of its arguments
  /// names this enumerator (QEventLoop::WaitForMoreEvents).
  llvm::StringRef OnlyWith;
  Origin From;
};

/// How code establishes that the value a call waits for is ready, so that
/// the call does not wait: it compares `o.Method()` equal to Ready, or
/// unequal to NotReady; with both empty, the call's value itself says
/// whether o is ready.
struct ReadinessProbe {
  llvm::StringRef Method, Ready, NotReady;
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
  /// function made it non-blocking or awaited its readiness before;
  /// descriptor 0 is standard input, and a write to 1 or 2 is logging.
  Descriptor,
  /// Argument TargetArg is a FILE*: stdin, a pipe popen opened, or a file.
  CFile,
  /// Argument TargetArg (-1: the object) is an input stream: std::cin, a
  /// file stream or a Boost.Process pipe; other streams do not block.
  Stream,
};

struct BlockingFunction {
  llvm::StringRef QualifiedName;
  Wait Waits = Wait::None;
  When Condition = When::Always;
  /// The argument the condition looks at, from 0.
  int8_t Arg = 0;
  /// For the conditions that name flags or functions: '|'-separated.
  llvm::StringRef Flags;
  Target On = Target::Fixed;
  int8_t TargetArg = 0;
  /// What to use instead, when the wait's alternative does not say it.
  llvm::StringRef Advice;
  /// Off by default: only flagged when listed in BlockingFunctions.
  bool OptIn = false;
  /// Its awaitable twin, when it has one that takes the same arguments:
  /// `c.fetch(k)` becomes `co_await c.fetch_async(k)`. TwinSameValue: the
  /// awaited value is the call's, so a call whose value is used is
  /// rewritten too.
  llvm::StringRef Twin;
  bool TwinSameValue = false;
  Origin From;
};

/// A class whose synchronous operations are found by the async-twin rule:
/// a member `f` beside an `async_f` that takes the same leading parameters
/// and a completion token (Asio, Beast, Boost.Process v2). The class
/// decides the family; free functions (`asio::read(s, ...)`) take their
/// first argument's class. Asio's names also match under `boost::`.
struct TwinClass {
  llvm::StringRef QualifiedName;
  Wait Waits = Wait::None;
  /// A timer: its synchronous wait is a sleep.
  bool Timer = false;
  Origin From;
};

/// The vocabulary of the async-twin rule: the twin's prefix, the concepts
/// and parameter-name suffixes that mark a completion token, the
/// error_code types a synchronous operation reports into.
struct TwinRule {
  llvm::StringRef Prefix;
  llvm::ArrayRef<llvm::StringRef> TokenConcepts, TokenSuffixes, ErrorCodes;
  /// What a twin of a class no row names waits for, where the knowledge
  /// takes such a twin as proof that the call blocks. By default it does
  /// not: a twin shows that an async form exists, not that the
  /// synchronous one waits (it may only skip a hop onto a strand), and the
  /// call is followed into its body like any other.
  std::optional<Wait> UnknownClass;
  /// How a twin names an I/O object of another executor:
  /// `T::RebindTemplate<E>::RebindMember` is T with its executor (its
  /// member type ExecutorType) replaced by E.
  llvm::StringRef RebindTemplate, RebindMember, ExecutorType;
};

/// An input stream class whose reads block, and how.
struct StreamClass {
  llvm::StringRef QualifiedName;
  Wait Waits = Wait::None;
};

/// A Qt wait that QCoro awaits: `obj.waitForX(n)` becomes
/// `co_await qCoro(obj).waitForX(n)`.
struct QtAwaitable {
  llvm::StringRef Method;
  /// The awaited value has the Qt call's type (bool): the value may be
  /// used. Otherwise only a discarded call is rewritten.
  bool SameValue = false;
  /// QCoro's method has Qt's default argument; otherwise a call that
  /// relies on it is rewritten with the default written out.
  bool SameDefault = false;
};

/// How a synchronous gRPC stub call looks: a member of a class named one
/// of StubClasses nested in a generated service class, returning Status
/// and taking a ClientContext* first.
struct GrpcStubShape {
  llvm::ArrayRef<llvm::StringRef> StubClasses;
  llvm::StringRef Status;
  llvm::StringRef ClientContext;
};

/// A call that makes its first argument, a descriptor, non-blocking:
/// `fcntl(fd, F_SETFL, O_NONBLOCK)` (the flags in the argument after the
/// request), `ioctl(fd, FIONBIO, &one)`.
struct NonBlockingSetter {
  llvm::StringRef Function, Request;
  bool WithFlags = false;
};

/// The std::chrono type that holds an integer count of a sleep's unit.
struct CountUnit {
  SleepArg Arg = SleepArg::Seconds;
  llvm::StringRef Type, Header;
  Period P;
};

/// What to use instead of a blocking call that waits as Waits, in a
/// coroutine of framework Id (Unknown: any framework without a row).
struct WaitAlternative {
  Wait Waits = Wait::None;
  Framework Id = Framework::Unknown;
  llvm::StringRef Text;
};

/// The condition of Row, for people: "unless argument 4 names
/// MSG_DONTWAIT"; empty when it always blocks.
std::string describeCondition(const BlockingFunction &Row);

class Knowledge {
public:
  /// corolint's own knowledge: knowledge/*.yaml, compiled in.
  static const Knowledge &builtin();
  /// The built-in knowledge with the rows of Files added (a row of theirs
  /// takes the place of a built-in row of the same name), or the built-in
  /// knowledge alone when none can be read; Errors receives what is wrong
  /// with each file, as "FILE:LINE:COL: what". The same files with the
  /// same texts give the same object.
  static std::shared_ptr<const Knowledge>
  withFiles(llvm::ArrayRef<std::string> Files,
            std::vector<std::string> &Errors);

  /// The knowledge files Spec (option KnowledgeFiles) names, ';'-separated,
  /// each made absolute: a relative path is looked for from the directory
  /// of MainFile, the file being analysed, upwards, as .clang-tidy files
  /// are; one found nowhere is taken from the current directory (and said
  /// to be missing when read).
  static std::string findFiles(llvm::StringRef Spec, llvm::StringRef MainFile);

  /// Every file read, as its rows' origin says it (no header).
  llvm::ArrayRef<Origin> files() const { return Files; }
  llvm::ArrayRef<WaitAlternative> alternatives() const { return Alternatives; }

  /// The files read beyond the built-in ones, each with a hash of its
  /// text.
  llvm::ArrayRef<std::pair<std::string, uint64_t>> userFiles() const {
    return UserFiles;
  }

  // Frameworks and their coroutines.
  const FrameworkInfo *framework(Framework Id) const;
  llvm::ArrayRef<FrameworkInfo> frameworks() const { return Frameworks; }
  llvm::ArrayRef<TaskType> taskTypes() const { return TaskTypes; }
  /// The task type named QualifiedName, if it is one.
  const TaskType *taskType(llvm::StringRef QualifiedName) const;
  const AsioTokens *asioTokens(Framework Id) const;
  /// Whether QualifiedName is in the namespace of a framework's own code
  /// (`asio::...`, `concurrencpp::...`).
  bool inFrameworkNamespace(llvm::StringRef QualifiedName) const;
  /// Whether the function named QualifiedName is a library's machinery
  /// that calls are not followed into: a framework's own non-template code
  /// (its scheduler, its wake-ups through a self-pipe), whose blocking
  /// entry points the rows list by name; and a test framework's assertion
  /// machinery. A template Instantiated from a framework may run the
  /// user's callables, and is followed.
  bool libraryMachinery(llvm::StringRef QualifiedName, bool Instantiated) const;
  /// Whether the function named QualifiedName is logging code by its name:
  /// a word of it (its namespaces', class's and own name, split at '_',
  /// '::' and case changes) is one of the logger words, or ends in a logger
  /// suffix (`xlog::logger_::~logger_`, `google::LogMessage::Flush`).
  bool namedAsLogger(llvm::StringRef QualifiedName) const;
  llvm::ArrayRef<llvm::StringRef> loggerWords() const { return LoggerWords; }
  llvm::ArrayRef<llvm::StringRef> loggerSuffixes() const {
    return LoggerSuffixes;
  }

  // Sleeps and nested runs.
  llvm::ArrayRef<SleepFunction> sleepFunctions() const { return Sleeps; }
  llvm::ArrayRef<RunEntryPoint> runEntryPoints() const { return Runs; }
  /// The rows one of Names names (the first that does), or nullptr.
  const SleepFunction *sleepFunction(llvm::ArrayRef<std::string> Names) const;
  const RunEntryPoint *runEntryPoint(llvm::ArrayRef<std::string> Names) const;
  llvm::ArrayRef<CountUnit> countUnits() const { return CountUnits; }

  // Values a wait may find ready.
  /// Whether one of Names waits for a value (a future's get), and so
  /// blocks only while the value is not ready.
  bool waitsForValue(llvm::ArrayRef<std::string> Names) const;
  /// The probes named by one of Names.
  llvm::SmallVector<const ReadinessProbe *, 2>
  readinessProbes(llvm::ArrayRef<std::string> Names) const;
  /// Whether awaiting `o.M()`, M one of Names, makes o ready
  /// (concurrencpp's resolve).
  bool makesReady(llvm::ArrayRef<std::string> Names) const;
  /// Whether awaiting a call of one of Names gives values that are all
  /// ready (when_all, when_any).
  bool givesReadyValues(llvm::ArrayRef<std::string> Names) const;
  /// Whether one of Names runs an event loop that a coroutine may drive
  /// when it does nothing else (cppcoro's `process_events` task under
  /// `sync_wait(when_all(...))`).
  bool drivesLoop(llvm::ArrayRef<std::string> Names) const;

  // Where coroutines run.
  /// Whether the executor type named Name runs each task on a thread of
  /// its own, where blocking holds no thread other coroutines share.
  bool dedicatedThreads(llvm::StringRef Name) const;
  llvm::ArrayRef<Placement> placements() const { return Placements; }
  /// The functions whose callable arguments run on another thread or
  /// executor, as OffloadFunctions takes them (';'-separated): the built-in
  /// ones (the option's default) and the user's files' (added to the
  /// option's value).
  const std::string &offloadFunctions() const { return Offload; }
  const std::string &userOffloadFunctions() const { return UserOffload; }
  /// Smart pointers an executor is held through.
  bool smartPointer(llvm::StringRef QualifiedName) const;

  // Blocking calls.
  llvm::ArrayRef<BlockingFunction> blockingFunctions() const {
    return Blocking;
  }
  /// The row named by one of Names; opt-in rows only when asked for.
  const BlockingFunction *blockingFunction(llvm::ArrayRef<std::string> Names,
                                           bool OptIn) const;
  llvm::ArrayRef<TwinClass> twinClasses() const { return TwinClasses; }
  /// The row of the class named Name (Asio's also under boost::), or
  /// nullptr.
  const TwinClass *twinClass(llvm::StringRef Name) const;
  const TwinRule &twinRule() const { return Twins; }
  llvm::ArrayRef<StreamClass> streamClasses() const { return Streams; }
  /// Whether QualifiedName names standard input: `stdin`, `std::cin`.
  bool isStandardInput(llvm::StringRef QualifiedName) const;
  const QtAwaitable *qtAwaitable(llvm::StringRef Method) const;
  /// The QCoro header whose `qCoro` overload wraps the Qt class QtClass;
  /// empty for a class QCoro does not wrap.
  llvm::StringRef qcoroHeader(llvm::StringRef QtClass) const;
  const GrpcStubShape &grpcStubShape() const { return Stubs; }
  /// What to use instead of a blocking call that waits as W, in a
  /// coroutine of framework Id: the framework's own alternative where it
  /// has one.
  llvm::StringRef alternativeFor(Wait W, Framework Id) const;

  // What a function's code says of its descriptors.
  /// The flags that make a descriptor non-blocking where it is made or
  /// changed, '|'-separated.
  llvm::StringRef nonBlockingFlags() const { return NonBlockingFlags; }
  llvm::ArrayRef<NonBlockingSetter> nonBlockingSetters() const {
    return Setters;
  }
  /// The errors of a call on a non-blocking descriptor that is not ready,
  /// '|'-separated: a function that tests for one expects its descriptors
  /// not to block.
  llvm::StringRef wouldBlockErrors() const { return WouldBlock; }
  /// Whether a FILE* from a call of Function is a process's pipe.
  bool opensProcess(llvm::StringRef Function) const;
  /// Whether QualifiedName is the destructor of a lock that must not be
  /// held where a function suspends.
  bool lockGuardDestructor(llvm::StringRef QualifiedName) const;

private:
  friend class KnowledgeReader;
  Knowledge() = default;
  /// Takes Base's rows (which stay in Base's memory).
  void copyRows(const Knowledge &Base);
  /// Rebuilds the indexes from the rows: of two rows of one name, the later.
  void index();

  llvm::BumpPtrAllocator Memory;
  llvm::UniqueStringSaver Strings{Memory};
  /// Storage for the rows' lists.
  std::deque<std::vector<llvm::StringRef>> NameLists;
  std::deque<std::vector<Requirement>> RequirementLists;

  std::vector<FrameworkInfo> Frameworks;
  std::vector<TaskType> TaskTypes;
  std::vector<SleepFunction> Sleeps;
  std::vector<RunEntryPoint> Runs;
  std::vector<CountUnit> CountUnits;
  std::vector<llvm::StringRef> ValueWaits, ReadyingAwaits, ReadyCombinators,
      LoopDrivers, DedicatedExecutors, TestNamespaces, SmartPointers,
      StandardInputs, ProcessOpeners, LockGuards, LoggerWords, LoggerSuffixes;
  std::vector<ReadinessProbe> Probes;
  std::vector<Placement> Placements;
  std::string Offload, UserOffload;
  std::vector<BlockingFunction> Blocking;
  std::vector<TwinClass> TwinClasses;
  TwinRule Twins;
  std::vector<StreamClass> Streams;
  std::vector<QtAwaitable> QtWaits;
  std::vector<std::pair<llvm::StringRef, llvm::StringRef>> QCoroWrappers;
  GrpcStubShape Stubs;
  std::vector<WaitAlternative> Alternatives;
  llvm::StringRef NonBlockingFlags, WouldBlock;
  std::vector<NonBlockingSetter> Setters;
  std::vector<std::pair<std::string, uint64_t>> UserFiles;
  std::vector<Origin> Files;

  llvm::StringMap<size_t> TaskIndex, SleepIndex, RunIndex, BlockingIndex,
      TwinIndex;
};

} // namespace corolint

#endif // COROLINT_KNOWLEDGE_KNOWLEDGE_H
