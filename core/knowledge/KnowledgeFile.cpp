//===--- KnowledgeFile.cpp - Knowledge files, read into rows -------------===//
//
// The schema of a knowledge file (docs/knowledge.md), as YAML mappings
// read with LLVM's YAML I/O, which says where each mistake is: an unknown
// key, a value of the wrong kind, a name no table has. Every file, corolint's
// or a user's, is read the same way.
//
//===----------------------------------------------------------------------===//

#include "KnowledgeFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

namespace corolint {
namespace doc {

struct Source {
  std::string Library, Version, Checked, Header;
};

/// What every row may say: the names it is about, and where it comes from
/// when that differs from its file's source.
struct Row {
  std::optional<std::string> Name;
  std::vector<std::string> Names;
  std::string Header, Checked;

  std::vector<std::string> all() const {
    std::vector<std::string> Out = Names;
    if (Name)
      Out.insert(Out.begin(), *Name);
    return Out;
  }
};

struct Need {
  std::string Decl, Header;
};

struct Sleep {
  std::string For, Until, Advice;
  std::vector<int64_t> Finest;
  std::vector<Need> Needs;
};

struct Tokens {
  std::string UseAwaitable, UseAwaitableHeader, RedirectError,
      RedirectErrorHeader;
};

struct Framework : Row {
  corolint::Framework Id = corolint::Framework::Unknown;
  std::string Task, Executor;
  Sleep Sleeps;
  std::optional<Tokens> Token;
  std::vector<std::string> Namespaces;
};

struct TaskType : Row {
  corolint::Framework Id = corolint::Framework::Unknown;
  bool Generator = false, FixIts = true;
  std::string Task;
};

struct SleepFunction : Row {
  SleepArg Argument = SleepArg::Opaque;
};

struct RunEntry : Row {
  corolint::Framework Id = corolint::Framework::Unknown;
  RunRewrite Rewrite = RunRewrite::None;
  std::string Advice, NotAwaitable, OnlyWith;
};

struct FlagCondition {
  unsigned Argument = 0;
  std::vector<std::string> Flags;
};

struct Twin {
  std::string Name;
  bool SameValue = false;
};

struct Blocking : Row {
  Wait Waits = Wait::None;
  std::optional<FlagCondition> UnlessFlag, WithFlag;
  std::optional<unsigned> UnlessZero, ReadMode, Descriptor, File;
  std::optional<std::string> Stream;
  bool WithArguments = false, Discarded = false, OptIn = false;
  std::vector<std::string> UnlessAfter;
  std::string Advice;
  std::optional<corolint::doc::Twin> AsyncTwin;
};

struct TwinClass : Row {
  Wait Waits = Wait::None;
  bool Timer = false;
};

struct Stream : Row {
  Wait Waits = Wait::None;
};

struct Rebind {
  std::string Template, Member, Executor;
};

struct TwinRule {
  std::string Prefix;
  std::vector<std::string> TokenConcepts, TokenSuffixes, ErrorCodes;
  std::optional<Wait> UnknownClass;
  std::optional<Rebind> Rebinds;
};

struct Stubs {
  std::vector<std::string> Classes;
  std::string Status, Context;
};

struct Alternative {
  Wait Waits = Wait::None;
  corolint::Framework Id = corolint::Framework::Unknown;
  std::string Text;
};

struct CountUnit {
  SleepArg Argument = SleepArg::Seconds;
  std::string Type, Header;
  std::vector<int64_t> Period;
};

struct Probe {
  std::string Method, Ready, NotReady;
};

struct Placement {
  std::string Tag, ResumeOn, BlockingExecutor;
};

struct QtWait {
  std::string Method;
  bool SameValue = false, SameDefault = false;
};

struct Wrapper {
  std::string Class, Header;
};

struct Setter {
  std::string Function, Request;
  bool WithFlags = false;
};

struct Document {
  Source From;
  std::vector<Framework> Frameworks;
  std::vector<TaskType> TaskTypes;
  std::vector<SleepFunction> Sleeps;
  std::vector<RunEntry> Runs;
  std::vector<Blocking> Blockings;
  std::vector<TwinClass> TwinClasses;
  std::optional<TwinRule> Twins;
  std::vector<Stream> Streams;
  std::vector<Probe> Probes;
  std::vector<doc::Placement> Placements;
  std::vector<QtWait> QtWaits;
  std::vector<Wrapper> Wrappers;
  std::optional<Stubs> GrpcStubs;
  std::vector<Alternative> Alternatives;
  std::vector<Setter> Setters;
  std::vector<CountUnit> CountUnits;
  std::vector<std::string> ValueWaits, ReadyingAwaits, ReadyCombinators,
      LoopDrivers, DedicatedExecutors, TestNamespaces, SmartPointers,
      StandardInputs, ProcessOpeners, LockGuards, Offload, NonBlockingFlags,
      WouldBlock, LoggerWords, LoggerSuffixes;
};

} // namespace doc
} // namespace corolint

LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Need)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Framework)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::TaskType)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::SleepFunction)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::RunEntry)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Blocking)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::TwinClass)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Stream)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Alternative)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::CountUnit)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Probe)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Placement)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::QtWait)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Setter)
LLVM_YAML_IS_SEQUENCE_VECTOR(corolint::doc::Wrapper)

namespace llvm::yaml {

using namespace corolint;

/// A scalar that names one of a closed set: read by its name, and when it
/// is not one, the error lists the names.
template <typename E> struct NamedScalar {
  static void output(const typename E::Type &Value, void *, raw_ostream &OS) {
    for (const auto &[Name, V] : names())
      if (V == Value) {
        OS << Name;
        return;
      }
  }
  static StringRef input(StringRef Scalar, void *, typename E::Type &Value) {
    for (const auto &[Name, V] : names())
      if (Name == Scalar) {
        Value = V;
        return "";
      }
    static const std::string Error = [] {
      std::string Text = std::string("expected ") + E::What + ":";
      for (const auto &[Name, V] : names())
        Text += " " + Name.str();
      return Text;
    }();
    return Error;
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
  static const std::vector<std::pair<StringRef, typename E::Type>> &names() {
    static const auto Names = E::names();
    return Names;
  }
};

struct WaitNames {
  using Type = Wait;
  static constexpr const char *What = "a kind of wait";
  static std::vector<std::pair<StringRef, Wait>> names() {
    return {
#define COROLINT_WAIT(Id, Name, Of) {Name, Wait::Id},
#include "Waits.def"
    };
  }
};
struct FrameworkNames {
  using Type = corolint::Framework;
  static constexpr const char *What = "a framework";
  static std::vector<std::pair<StringRef, corolint::Framework>> names() {
    return {
#define COROLINT_FRAMEWORK(Id, Key, Name) {Key, corolint::Framework::Id},
#include "Frameworks.def"
    };
  }
};
struct SleepArgNames {
  using Type = SleepArg;
  static constexpr const char *What = "how a sleep takes its argument";
  static std::vector<std::pair<StringRef, SleepArg>> names() {
    return {{"duration", SleepArg::Duration},
            {"time-point", SleepArg::TimePoint},
            {"seconds", SleepArg::Seconds},
            {"milliseconds", SleepArg::Milliseconds},
            {"microseconds", SleepArg::Microseconds},
            {"opaque", SleepArg::Opaque}};
  }
};
struct RunRewriteNames {
  using Type = RunRewrite;
  static constexpr const char *What = "a rewrite";
  static std::vector<std::pair<StringRef, RunRewrite>> names() {
    return {{"none", RunRewrite::None},
            {"await-argument", RunRewrite::AwaitArgument},
            {"await-argument-moved", RunRewrite::AwaitArgumentMoved},
            {"await-object", RunRewrite::AwaitObject},
            {"await-object-moved", RunRewrite::AwaitObjectMoved}};
  }
};

template <> struct ScalarTraits<Wait> : NamedScalar<WaitNames> {};
template <>
struct ScalarTraits<corolint::Framework> : NamedScalar<FrameworkNames> {};
template <> struct ScalarTraits<SleepArg> : NamedScalar<SleepArgNames> {};
template <> struct ScalarTraits<RunRewrite> : NamedScalar<RunRewriteNames> {};

/// Whether reading has failed already: what a row's validation would then
/// see is only partly read. (These traits are only ever read.)
bool failed(IO &Io) {
  return !Io.outputting() && static_cast<Input &>(Io).error();
}

/// Every row: `name` or `names`, and its provenance.
void mapRow(IO &Io, doc::Row &R) {
  Io.mapOptional("name", R.Name);
  Io.mapOptional("names", R.Names);
  Io.mapOptional("header", R.Header);
  Io.mapOptional("checked", R.Checked);
}

std::string validateRow(const doc::Row &R) {
  if (R.Name.has_value() == !R.Names.empty())
    return "a row names what it is about with 'name' or 'names', not both";
  return "";
}

/// What is wrong with a row of a kind in particular: most kinds have
/// nothing of their own.
std::string checkRow(const doc::Row &) { return ""; }

std::string checkRow(const doc::TaskType &T) {
  if (!T.Task.empty() && T.Task.find("%0") == std::string::npos)
    return "'task' has no '%0' where the old return type goes";
  return "";
}

std::string checkRow(const doc::RunEntry &R) {
  if (R.Id == corolint::Framework::Unknown &&
      (R.Rewrite == RunRewrite::AwaitObject ||
       R.Rewrite == RunRewrite::AwaitObjectMoved))
    return "an entry of no framework awaits its argument: rewrite "
           "await-argument or await-argument-moved";
  return "";
}

std::string checkRow(const doc::Blocking &B) {
  unsigned Conditions = B.UnlessFlag.has_value() + B.WithFlag.has_value() +
                        B.UnlessZero.has_value() + B.ReadMode.has_value() +
                        B.WithArguments + B.Discarded + !B.UnlessAfter.empty();
  if (Conditions > 1)
    return "a row has one condition at most";
  if (B.Descriptor.has_value() + B.File.has_value() + B.Stream.has_value() > 1)
    return "a row acts on one of 'descriptor', 'file' and 'stream' at most";
  for (std::optional<unsigned> Arg :
       {B.UnlessZero, B.ReadMode, B.Descriptor, B.File})
    if (Arg && (*Arg == 0 || *Arg > 100))
      return "arguments count from 1";
  unsigned N;
  if (B.Stream && *B.Stream != "object" &&
      (llvm::StringRef(*B.Stream).getAsInteger(10, N) || N == 0 || N > 100))
    return "'stream' is an argument, from 1, or 'object'";
  return "";
}

/// The traits every row kind shares: a row read without error is checked
/// in particular, then as a row.
template <typename T> struct RowTraits {
  static std::string validate(IO &Io, T &R) {
    if (failed(Io))
      return ""; // said already
    std::string Own = checkRow(R);
    return Own.empty() ? validateRow(R) : Own;
  }
};

template <> struct MappingTraits<doc::Source> {
  static void mapping(IO &Io, doc::Source &S) {
    Io.mapRequired("library", S.Library);
    Io.mapOptional("version", S.Version);
    Io.mapRequired("checked", S.Checked);
    Io.mapOptional("header", S.Header);
  }
};

template <> struct MappingTraits<doc::Need> {
  static void mapping(IO &Io, doc::Need &N) {
    Io.mapRequired("decl", N.Decl);
    Io.mapRequired("header", N.Header);
  }
};

template <> struct MappingTraits<doc::Sleep> {
  static void mapping(IO &Io, doc::Sleep &S) {
    Io.mapOptional("for", S.For);
    Io.mapOptional("until", S.Until);
    Io.mapOptional("finest", S.Finest);
    Io.mapOptional("needs", S.Needs);
    Io.mapRequired("advice", S.Advice);
  }
  static std::string validate(IO &Io, doc::Sleep &S) {
    if (failed(Io))
      return ""; // said already
    if (!S.Finest.empty() &&
        (S.Finest.size() != 2 || S.Finest[0] <= 0 || S.Finest[1] <= 0))
      return "'finest' is a period [numerator, denominator] in seconds";
    return "";
  }
};

template <> struct MappingTraits<doc::Tokens> {
  static void mapping(IO &Io, doc::Tokens &T) {
    Io.mapRequired("use-awaitable", T.UseAwaitable);
    Io.mapRequired("use-awaitable-header", T.UseAwaitableHeader);
    Io.mapRequired("redirect-error", T.RedirectError);
    Io.mapRequired("redirect-error-header", T.RedirectErrorHeader);
  }
};

template <> struct MappingTraits<doc::Framework> {
  static void mapping(IO &Io, doc::Framework &F) {
    Io.mapRequired("id", F.Id);
    Io.mapOptional("header", F.Header);
    Io.mapOptional("checked", F.Checked);
    Io.mapOptional("task", F.Task);
    Io.mapOptional("executor", F.Executor);
    Io.mapRequired("sleep", F.Sleeps);
    Io.mapOptional("tokens", F.Token);
    Io.mapOptional("namespaces", F.Namespaces);
  }
};

template <> struct MappingTraits<doc::TaskType> : RowTraits<doc::TaskType> {
  static void mapping(IO &Io, doc::TaskType &T) {
    mapRow(Io, T);
    Io.mapRequired("framework", T.Id);
    Io.mapOptional("generator", T.Generator);
    Io.mapOptional("fix-its", T.FixIts);
    Io.mapOptional("task", T.Task);
  }
};

template <>
struct MappingTraits<doc::SleepFunction> : RowTraits<doc::SleepFunction> {
  static void mapping(IO &Io, doc::SleepFunction &S) {
    mapRow(Io, S);
    Io.mapRequired("argument", S.Argument);
  }
};

template <> struct MappingTraits<doc::RunEntry> : RowTraits<doc::RunEntry> {
  static void mapping(IO &Io, doc::RunEntry &R) {
    mapRow(Io, R);
    Io.mapRequired("framework", R.Id);
    Io.mapOptional("rewrite", R.Rewrite);
    Io.mapOptional("advice", R.Advice);
    Io.mapOptional("not-awaitable", R.NotAwaitable);
    Io.mapOptional("only-with", R.OnlyWith);
  }
};

template <> struct MappingTraits<doc::FlagCondition> {
  static void mapping(IO &Io, doc::FlagCondition &C) {
    Io.mapRequired("argument", C.Argument);
    Io.mapRequired("flags", C.Flags);
  }
  static std::string validate(IO &Io, doc::FlagCondition &C) {
    if (failed(Io))
      return ""; // said already
    if (C.Argument == 0 || C.Argument > 100)
      return "'argument' counts from 1";
    return C.Flags.empty() ? "'flags' names at least one" : "";
  }
};

template <> struct MappingTraits<doc::Twin> {
  static void mapping(IO &Io, doc::Twin &T) {
    Io.mapRequired("name", T.Name);
    Io.mapOptional("same-value", T.SameValue);
  }
};

template <> struct MappingTraits<doc::Blocking> : RowTraits<doc::Blocking> {
  static void mapping(IO &Io, doc::Blocking &B) {
    mapRow(Io, B);
    Io.mapRequired("waits", B.Waits);
    Io.mapOptional("unless-flag", B.UnlessFlag);
    Io.mapOptional("with-flag", B.WithFlag);
    Io.mapOptional("unless-zero", B.UnlessZero);
    Io.mapOptional("read-mode", B.ReadMode);
    Io.mapOptional("with-arguments", B.WithArguments);
    Io.mapOptional("discarded", B.Discarded);
    Io.mapOptional("unless-after", B.UnlessAfter);
    Io.mapOptional("descriptor", B.Descriptor);
    Io.mapOptional("file", B.File);
    Io.mapOptional("stream", B.Stream);
    Io.mapOptional("advice", B.Advice);
    Io.mapOptional("opt-in", B.OptIn);
    Io.mapOptional("twin", B.AsyncTwin);
  }
};

template <> struct MappingTraits<doc::TwinClass> : RowTraits<doc::TwinClass> {
  static void mapping(IO &Io, doc::TwinClass &T) {
    mapRow(Io, T);
    Io.mapRequired("waits", T.Waits);
    Io.mapOptional("timer", T.Timer);
  }
};

template <> struct MappingTraits<doc::Stream> : RowTraits<doc::Stream> {
  static void mapping(IO &Io, doc::Stream &S) {
    mapRow(Io, S);
    Io.mapRequired("waits", S.Waits);
  }
};

template <> struct MappingTraits<doc::TwinRule> {
  static void mapping(IO &Io, doc::TwinRule &T) {
    Io.mapRequired("prefix", T.Prefix);
    Io.mapOptional("token-concepts", T.TokenConcepts);
    Io.mapOptional("token-suffixes", T.TokenSuffixes);
    Io.mapOptional("error-codes", T.ErrorCodes);
    Io.mapOptional("unknown-class-waits", T.UnknownClass);
    Io.mapOptional("rebind", T.Rebinds);
  }
};

template <> struct MappingTraits<doc::Rebind> {
  static void mapping(IO &Io, doc::Rebind &R) {
    Io.mapRequired("template", R.Template);
    Io.mapRequired("member", R.Member);
    Io.mapRequired("executor", R.Executor);
  }
};

template <> struct MappingTraits<doc::Probe> {
  static void mapping(IO &Io, doc::Probe &P) {
    Io.mapRequired("method", P.Method);
    Io.mapOptional("ready", P.Ready);
    Io.mapOptional("not-ready", P.NotReady);
  }
};

template <> struct MappingTraits<doc::Placement> {
  static void mapping(IO &Io, doc::Placement &P) {
    Io.mapRequired("tag", P.Tag);
    Io.mapRequired("resume-on", P.ResumeOn);
    Io.mapRequired("blocking-executor", P.BlockingExecutor);
  }
};

template <> struct MappingTraits<doc::QtWait> {
  static void mapping(IO &Io, doc::QtWait &Q) {
    Io.mapRequired("method", Q.Method);
    Io.mapRequired("same-value", Q.SameValue);
    Io.mapRequired("same-default", Q.SameDefault);
  }
};

template <> struct MappingTraits<doc::Wrapper> {
  static void mapping(IO &Io, doc::Wrapper &W) {
    Io.mapRequired("class", W.Class);
    Io.mapRequired("header", W.Header);
  }
};

template <> struct MappingTraits<doc::Stubs> {
  static void mapping(IO &Io, doc::Stubs &S) {
    Io.mapRequired("stubs", S.Classes);
    Io.mapRequired("status", S.Status);
    Io.mapRequired("context", S.Context);
  }
};

template <> struct MappingTraits<doc::Alternative> {
  static void mapping(IO &Io, doc::Alternative &A) {
    Io.mapRequired("waits", A.Waits);
    Io.mapOptional("framework", A.Id);
    Io.mapRequired("text", A.Text);
  }
};

template <> struct MappingTraits<doc::Setter> {
  static void mapping(IO &Io, doc::Setter &S) {
    Io.mapRequired("function", S.Function);
    Io.mapRequired("request", S.Request);
    Io.mapOptional("with-flags", S.WithFlags);
  }
};

template <> struct MappingTraits<doc::CountUnit> {
  static void mapping(IO &Io, doc::CountUnit &U) {
    Io.mapRequired("argument", U.Argument);
    Io.mapRequired("type", U.Type);
    Io.mapRequired("header", U.Header);
    Io.mapRequired("period", U.Period);
  }
  static std::string validate(IO &Io, doc::CountUnit &U) {
    if (failed(Io))
      return ""; // said already
    if (U.Period.size() != 2 || U.Period[0] <= 0 || U.Period[1] <= 0)
      return "'period' is [numerator, denominator] in seconds";
    return "";
  }
};

template <> struct MappingTraits<doc::Document> {
  static void mapping(IO &Io, doc::Document &D) {
    Io.mapRequired("source", D.From);
    Io.mapOptional("frameworks", D.Frameworks);
    Io.mapOptional("task-types", D.TaskTypes);
    Io.mapOptional("sleeps", D.Sleeps);
    Io.mapOptional("run-entries", D.Runs);
    Io.mapOptional("blocking", D.Blockings);
    Io.mapOptional("twin-classes", D.TwinClasses);
    Io.mapOptional("async-twin-rule", D.Twins);
    Io.mapOptional("streams", D.Streams);
    Io.mapOptional("standard-inputs", D.StandardInputs);
    Io.mapOptional("readiness-probes", D.Probes);
    Io.mapOptional("value-waits", D.ValueWaits);
    Io.mapOptional("readying-awaits", D.ReadyingAwaits);
    Io.mapOptional("ready-combinators", D.ReadyCombinators);
    Io.mapOptional("loop-drivers", D.LoopDrivers);
    Io.mapOptional("dedicated-thread-executors", D.DedicatedExecutors);
    Io.mapOptional("placements", D.Placements);
    Io.mapOptional("offload", D.Offload);
    Io.mapOptional("smart-pointers", D.SmartPointers);
    Io.mapOptional("test-framework-namespaces", D.TestNamespaces);
    Io.mapOptional("logger-words", D.LoggerWords);
    Io.mapOptional("logger-suffixes", D.LoggerSuffixes);
    Io.mapOptional("qt-awaitables", D.QtWaits);
    Io.mapOptional("qcoro-wrappers", D.Wrappers);
    Io.mapOptional("grpc-stubs", D.GrpcStubs);
    Io.mapOptional("alternatives", D.Alternatives);
    Io.mapOptional("nonblocking-flags", D.NonBlockingFlags);
    Io.mapOptional("nonblocking-setters", D.Setters);
    Io.mapOptional("would-block-errors", D.WouldBlock);
    Io.mapOptional("process-openers", D.ProcessOpeners);
    Io.mapOptional("lock-guards", D.LockGuards);
    Io.mapOptional("count-units", D.CountUnits);
  }
};

} // namespace llvm::yaml

namespace corolint {

namespace {

/// The argument a row counts from 1, from 0.
int8_t fromOne(unsigned Argument) { return static_cast<int8_t>(Argument - 1); }

} // namespace

KnowledgeReader::KnowledgeReader(Knowledge &K, bool User) : K(K), User(User) {}

llvm::StringRef KnowledgeReader::save(llvm::StringRef S) {
  return S.empty() ? llvm::StringRef() : K.Strings.save(S);
}

llvm::ArrayRef<llvm::StringRef>
KnowledgeReader::saveAll(const std::vector<std::string> &Names) {
  std::vector<llvm::StringRef> &List = K.NameLists.emplace_back();
  for (const std::string &N : Names)
    List.push_back(save(N));
  return List;
}

void KnowledgeReader::addNames(std::vector<llvm::StringRef> &To,
                               const std::vector<std::string> &Names) {
  for (const std::string &N : Names)
    To.push_back(save(N));
}

Origin KnowledgeReader::origin(const doc::Source &S, const doc::Row &R) {
  return {Library,
          Version,
          save(R.Checked.empty() ? S.Checked : R.Checked),
          File,
          save(R.Header.empty() ? S.Header : R.Header),
          User};
}

bool KnowledgeReader::read(llvm::StringRef Text, llvm::StringRef Name,
                           std::vector<std::string> &Errors) {
  doc::Document D;
  {
    std::vector<std::string> Said;
    llvm::yaml::Input In(
        llvm::MemoryBufferRef(Text, Name), nullptr,
        [](const llvm::SMDiagnostic &Diag, void *Context) {
          static_cast<std::vector<std::string> *>(Context)->push_back(
              (Diag.getFilename() + ":" + llvm::Twine(Diag.getLineNo()) + ":" +
               llvm::Twine(Diag.getColumnNo() + 1) + ": " + Diag.getMessage())
                  .str());
        },
        &Said);
    In >> D;
    if (In.error() || !Said.empty()) {
      if (Said.empty())
        Said.push_back(Name.str() + ": not a knowledge file");
      Errors.insert(Errors.end(), Said.begin(), Said.end());
      return false;
    }
  }
  if (User && !D.Frameworks.empty()) {
    Errors.push_back(Name.str() +
                     ": 'frameworks' are corolint's own; a task type of "
                     "yours names one of them, or none");
    return false;
  }
  File = save(Name);
  Library = save(D.From.Library);
  Version = save(D.From.Version);
  K.Files.push_back({Library, Version, save(D.From.Checked), File, "", User});
  take(D);
  return true;
}

} // namespace corolint

namespace corolint {

void KnowledgeReader::take(const doc::Document &D) {
  takeFrameworks(D);
  takeCoroutines(D);
  takeBlocking(D);
  takeLists(D);
}

void KnowledgeReader::takeFrameworks(const doc::Document &D) {
  for (const doc::Framework &F : D.Frameworks) {
    FrameworkInfo &I = K.Frameworks.emplace_back();
    I.Id = F.Id;
    I.Name = frameworkName(F.Id);
    I.TaskTemplate = save(F.Task);
    I.DefaultExecutor = save(F.Executor);
    I.Sleep.ForDuration = save(F.Sleeps.For);
    I.Sleep.UntilTimePoint = save(F.Sleeps.Until);
    I.Sleep.Advice = save(F.Sleeps.Advice);
    if (!F.Sleeps.Finest.empty())
      I.Sleep.Finest = {F.Sleeps.Finest[0], F.Sleeps.Finest[1]};
    std::vector<Requirement> &Needs = K.RequirementLists.emplace_back();
    for (const doc::Need &N : F.Sleeps.Needs)
      Needs.push_back({save(N.Decl), save(N.Header)});
    I.Sleep.Needs = Needs;
    if (F.Token)
      I.Tokens = AsioTokens{
          save(F.Token->UseAwaitable), save(F.Token->UseAwaitableHeader),
          save(F.Token->RedirectError), save(F.Token->RedirectErrorHeader)};
    I.Namespaces = saveAll(F.Namespaces);
    I.From = origin(D.From, F);
  }
}

void KnowledgeReader::takeCoroutines(const doc::Document &D) {
  for (const doc::TaskType &T : D.TaskTypes)
    for (const std::string &Name : T.all())
      K.TaskTypes.push_back({save(Name), T.Id, T.Generator, T.FixIts,
                             save(T.Task), origin(D.From, T)});
  for (const doc::SleepFunction &S : D.Sleeps)
    for (const std::string &Name : S.all())
      K.Sleeps.push_back({save(Name), S.Argument, origin(D.From, S)});
  for (const doc::RunEntry &R : D.Runs)
    for (const std::string &Name : R.all())
      K.Runs.push_back({save(Name), R.Id, R.Rewrite, save(R.Advice),
                        save(R.NotAwaitable), save(R.OnlyWith),
                        origin(D.From, R)});
  for (const doc::Probe &P : D.Probes)
    K.Probes.push_back({save(P.Method), save(P.Ready), save(P.NotReady)});
  for (const doc::Placement &P : D.Placements)
    K.Placements.push_back(
        {save(P.Tag), save(P.ResumeOn), save(P.BlockingExecutor)});
  for (const doc::CountUnit &U : D.CountUnits)
    K.CountUnits.push_back(
        {U.Argument, save(U.Type), save(U.Header), {U.Period[0], U.Period[1]}});
}

void KnowledgeReader::takeBlocking(const doc::Document &D) {
  for (const doc::Blocking &B : D.Blockings) {
    BlockingFunction Row;
    Row.Waits = B.Waits;
    if (const std::optional<doc::FlagCondition> &C =
            B.UnlessFlag ? B.UnlessFlag : B.WithFlag) {
      Row.Condition = B.UnlessFlag ? When::WithoutFlag : When::WithFlag;
      Row.Arg = fromOne(C->Argument);
      Row.Flags = save(llvm::join(C->Flags, "|"));
    } else if (B.UnlessZero || B.ReadMode) {
      Row.Condition = B.UnlessZero ? When::NonZero : When::ReadMode;
      Row.Arg = fromOne(B.UnlessZero ? *B.UnlessZero : *B.ReadMode);
    } else if (B.WithArguments || B.Discarded) {
      Row.Condition = B.WithArguments ? When::WithArguments : When::Discarded;
    } else if (!B.UnlessAfter.empty()) {
      Row.Condition = When::NotAfter;
      Row.Flags = save(llvm::join(B.UnlessAfter, "|"));
    }
    if (B.Descriptor || B.File) {
      Row.On = B.Descriptor ? Target::Descriptor : Target::CFile;
      Row.TargetArg = fromOne(B.Descriptor ? *B.Descriptor : *B.File);
    } else if (B.Stream) {
      Row.On = Target::Stream;
      unsigned N = 0;
      Row.TargetArg = *B.Stream == "object" ||
                              llvm::StringRef(*B.Stream).getAsInteger(10, N)
                          ? -1
                          : fromOne(N);
    }
    Row.Advice = save(B.Advice);
    Row.OptIn = B.OptIn;
    if (B.AsyncTwin) {
      Row.Twin = save(B.AsyncTwin->Name);
      Row.TwinSameValue = B.AsyncTwin->SameValue;
    }
    Row.From = origin(D.From, B);
    for (const std::string &Name : B.all()) {
      Row.QualifiedName = save(Name);
      K.Blocking.push_back(Row);
    }
  }
  for (const doc::TwinClass &T : D.TwinClasses)
    for (const std::string &Name : T.all())
      K.TwinClasses.push_back(
          {save(Name), T.Waits, T.Timer, origin(D.From, T)});
  if (D.Twins) {
    const std::optional<doc::Rebind> &R = D.Twins->Rebinds;
    K.Twins = {save(D.Twins->Prefix),           saveAll(D.Twins->TokenConcepts),
               saveAll(D.Twins->TokenSuffixes), saveAll(D.Twins->ErrorCodes),
               D.Twins->UnknownClass,           R ? save(R->Template) : "",
               R ? save(R->Member) : "",        R ? save(R->Executor) : ""};
  }
  for (const doc::Stream &S : D.Streams)
    for (const std::string &Name : S.all())
      K.Streams.push_back({save(Name), S.Waits});
  for (const doc::QtWait &Q : D.QtWaits)
    K.QtWaits.push_back({save(Q.Method), Q.SameValue, Q.SameDefault});
  for (const doc::Wrapper &W : D.Wrappers)
    K.QCoroWrappers.push_back({save(W.Class), save(W.Header)});
  if (D.GrpcStubs)
    K.Stubs = {saveAll(D.GrpcStubs->Classes), save(D.GrpcStubs->Status),
               save(D.GrpcStubs->Context)};
  for (const doc::Alternative &A : D.Alternatives)
    K.Alternatives.push_back({A.Waits, A.Id, save(A.Text)});
  for (const doc::Setter &S : D.Setters)
    K.Setters.push_back({save(S.Function), save(S.Request), S.WithFlags});
}

void KnowledgeReader::takeLists(const doc::Document &D) {
  addNames(K.ValueWaits, D.ValueWaits);
  addNames(K.ReadyingAwaits, D.ReadyingAwaits);
  addNames(K.ReadyCombinators, D.ReadyCombinators);
  addNames(K.LoopDrivers, D.LoopDrivers);
  addNames(K.DedicatedExecutors, D.DedicatedExecutors);
  addNames(K.TestNamespaces, D.TestNamespaces);
  addNames(K.LoggerWords, D.LoggerWords);
  addNames(K.LoggerSuffixes, D.LoggerSuffixes);
  addNames(K.SmartPointers, D.SmartPointers);
  addNames(K.StandardInputs, D.StandardInputs);
  addNames(K.ProcessOpeners, D.ProcessOpeners);
  addNames(K.LockGuards, D.LockGuards);
  std::string &Offload = User ? K.UserOffload : K.Offload;
  for (const std::string &F : D.Offload)
    Offload += (Offload.empty() ? "" : ";") + F;
  auto Join = [&](llvm::StringRef Old, const std::vector<std::string> &More) {
    if (More.empty())
      return Old;
    std::string All = Old.str();
    for (const std::string &M : More)
      All += (All.empty() ? "" : "|") + M;
    return save(All);
  };
  K.NonBlockingFlags = Join(K.NonBlockingFlags, D.NonBlockingFlags);
  K.WouldBlock = Join(K.WouldBlock, D.WouldBlock);
}

} // namespace corolint
