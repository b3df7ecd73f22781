//===--- Knowledge.cpp - What corolint knows, as rows of data ------------===//

#include "Knowledge.h"
#include "KnowledgeFile.h"
#include "Paths.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <mutex>

namespace corolint {

namespace {

/// The knowledge files compiled in: name and text.
struct BuiltinFile {
  const char *Name;
  const char *Text;
};
const BuiltinFile BuiltinFiles[] = {
#include "BuiltinKnowledge.inc"
};

template <typename Row>
const Row *lookup(const llvm::StringMap<size_t> &Index,
                  const std::vector<Row> &Rows,
                  llvm::ArrayRef<std::string> Names,
                  llvm::function_ref<bool(const Row &)> Accept = nullptr) {
  for (const std::string &Name : Names) {
    auto It = Index.find(Name);
    if (It != Index.end() && (!Accept || Accept(Rows[It->second])))
      return &Rows[It->second];
  }
  return nullptr;
}

bool listed(const std::vector<llvm::StringRef> &List,
            llvm::ArrayRef<std::string> Names) {
  return llvm::any_of(Names, [&](const std::string &Name) {
    return llvm::is_contained(List, Name);
  });
}

bool inNamespace(llvm::ArrayRef<llvm::StringRef> Namespaces,
                 llvm::StringRef QualifiedName) {
  return llvm::any_of(Namespaces, [&](llvm::StringRef Namespace) {
    return QualifiedName.starts_with(Namespace) &&
           QualifiedName.substr(Namespace.size()).starts_with("::");
  });
}

/// The name a row of an Asio table is written under: Boost.Asio's names
/// are Asio's under boost::.
llvm::StringRef asioName(llvm::StringRef Name) {
  if (Name.starts_with("boost::asio::"))
    return Name.drop_front(strlen("boost::"));
  return Name;
}

} // namespace

const Knowledge &Knowledge::builtin() {
  static const Knowledge *Builtin = [] {
    auto *K = new Knowledge;
    KnowledgeReader Reader(*K, /*User=*/false);
    std::vector<std::string> Errors;
    for (const BuiltinFile &F : BuiltinFiles)
      Reader.read(F.Text, F.Name, Errors);
    // The built-in files are checked when corolint is built and tested
    // (test/knowledge/builtin.test): an error here is corolint's bug.
    for (const std::string &E : Errors)
      llvm::errs() << "corolint: internal error in its knowledge: " << E
                   << "\n";
    K->index();
    return K;
  }();
  return *Builtin;
}

std::shared_ptr<const Knowledge>
Knowledge::withFiles(llvm::ArrayRef<std::string> Files,
                     std::vector<std::string> &Errors) {
  // Knowledge files change rarely and are read for every unit: the same
  // texts give the knowledge made from them before.
  static std::mutex M;
  static std::map<std::string, std::weak_ptr<const Knowledge>> Made;
  std::vector<std::pair<std::string, std::unique_ptr<llvm::MemoryBuffer>>>
      Texts;
  std::string Key;
  for (const std::string &File : Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/true);
    if (!Buffer) {
      Errors.push_back(File + ": cannot read the knowledge file: " +
                       Buffer.getError().message());
      continue;
    }
    Key += File + '\0' +
           llvm::utohexstr(llvm::xxh3_64bits((*Buffer)->getBuffer())) + '\0';
    Texts.emplace_back(File, std::move(*Buffer));
  }
  std::lock_guard<std::mutex> Lock(M);
  if (std::shared_ptr<const Knowledge> Known = Made[Key].lock())
    return Known;
  std::vector<std::string> Said;
  auto K = std::shared_ptr<Knowledge>(new Knowledge);
  K->copyRows(builtin());
  KnowledgeReader Reader(*K, /*User=*/true);
  for (auto &[File, Text] : Texts)
    if (Reader.read(Text->getBuffer(), File, Said))
      K->UserFiles.push_back({File, llvm::xxh3_64bits(Text->getBuffer())});
  K->index();
  if (Said.empty() && Texts.size() == Files.size())
    Made[Key] = K;
  Errors.insert(Errors.end(), Said.begin(), Said.end());
  return K;
}

std::string Knowledge::findFiles(llvm::StringRef Spec,
                                 llvm::StringRef MainFile) {
  llvm::SmallVector<llvm::StringRef> Paths;
  Spec.split(Paths, ';', -1, false);
  std::string Out;
  for (llvm::StringRef P : Paths) {
    P = P.trim();
    llvm::SmallString<256> Found(P);
    if (llvm::sys::path::is_relative(P)) {
      llvm::SmallString<256> Dir(absolutePath(MainFile));
      llvm::sys::path::remove_filename(Dir);
      for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
        llvm::SmallString<256> Candidate(Dir);
        llvm::sys::path::append(Candidate, P);
        if (llvm::sys::fs::exists(Candidate)) {
          Found = Candidate;
          break;
        }
        if (llvm::sys::path::parent_path(Dir) == Dir)
          break;
      }
      Found = absolutePath(Found);
    }
    Out += (Out.empty() ? "" : ";") + Found.str().str();
  }
  return Out;
}

void Knowledge::copyRows(const Knowledge &Base) {
  Frameworks = Base.Frameworks;
  TaskTypes = Base.TaskTypes;
  Sleeps = Base.Sleeps;
  Runs = Base.Runs;
  CountUnits = Base.CountUnits;
  ValueWaits = Base.ValueWaits;
  ReadyingAwaits = Base.ReadyingAwaits;
  ReadyCombinators = Base.ReadyCombinators;
  LoopDrivers = Base.LoopDrivers;
  DedicatedExecutors = Base.DedicatedExecutors;
  TestNamespaces = Base.TestNamespaces;
  LoggerWords = Base.LoggerWords;
  LoggerSuffixes = Base.LoggerSuffixes;
  SmartPointers = Base.SmartPointers;
  StandardInputs = Base.StandardInputs;
  ProcessOpeners = Base.ProcessOpeners;
  LockGuards = Base.LockGuards;
  Probes = Base.Probes;
  Placements = Base.Placements;
  Offload = Base.Offload;
  Blocking = Base.Blocking;
  TwinClasses = Base.TwinClasses;
  Twins = Base.Twins;
  Streams = Base.Streams;
  QtWaits = Base.QtWaits;
  QCoroWrappers = Base.QCoroWrappers;
  Stubs = Base.Stubs;
  Alternatives = Base.Alternatives;
  NonBlockingFlags = Base.NonBlockingFlags;
  WouldBlock = Base.WouldBlock;
  Setters = Base.Setters;
  Files = Base.Files;
}

void Knowledge::index() {
  auto Build = [](llvm::StringMap<size_t> &Index, const auto &Rows, auto Name) {
    Index.clear();
    for (size_t I = 0; I < Rows.size(); ++I)
      Index[Name(Rows[I])] = I;
  };
  auto ByName = [](const auto &Row) { return Row.QualifiedName; };
  Build(TaskIndex, TaskTypes, ByName);
  Build(SleepIndex, Sleeps, ByName);
  Build(RunIndex, Runs, ByName);
  Build(BlockingIndex, Blocking, ByName);
  Build(TwinIndex, TwinClasses, ByName);
}

const FrameworkInfo *Knowledge::framework(Framework Id) const {
  for (const FrameworkInfo &F : Frameworks)
    if (F.Id == Id)
      return &F;
  return nullptr;
}

const TaskType *Knowledge::taskType(llvm::StringRef QualifiedName) const {
  auto It = TaskIndex.find(QualifiedName);
  return It == TaskIndex.end() ? nullptr : &TaskTypes[It->second];
}

const AsioTokens *Knowledge::asioTokens(Framework Id) const {
  const FrameworkInfo *F = framework(Id);
  return F && F->Tokens ? &*F->Tokens : nullptr;
}

bool Knowledge::inFrameworkNamespace(llvm::StringRef QualifiedName) const {
  return llvm::any_of(Frameworks, [&](const FrameworkInfo &F) {
    return inNamespace(F.Namespaces, QualifiedName);
  });
}

bool Knowledge::libraryMachinery(llvm::StringRef QualifiedName,
                                 bool Instantiated) const {
  return inNamespace(TestNamespaces, QualifiedName) ||
         (!Instantiated && inFrameworkNamespace(QualifiedName));
}

bool Knowledge::namedAsLogger(llvm::StringRef QualifiedName) const {
  // Words: split at '_', ':', '~' and a lower-case letter or digit before
  // an upper-case one (LogMessage, spdlog, logger___).
  llvm::SmallVector<std::string, 8> Words;
  std::string Word;
  auto End = [&] {
    if (!Word.empty())
      Words.push_back(llvm::StringRef(Word).lower());
    Word.clear();
  };
  for (size_t I = 0; I < QualifiedName.size(); ++I) {
    char C = QualifiedName[I];
    if (!llvm::isAlnum(C)) {
      End();
      continue;
    }
    if (llvm::isUpper(C) && I > 0 &&
        (llvm::isLower(QualifiedName[I - 1]) ||
         llvm::isDigit(QualifiedName[I - 1])))
      End();
    Word += C;
  }
  End();
  return llvm::any_of(Words, [&](llvm::StringRef W) {
    return llvm::is_contained(LoggerWords, W) ||
           llvm::any_of(LoggerSuffixes,
                        [&](llvm::StringRef S) { return W.ends_with(S); });
  });
}

const SleepFunction *
Knowledge::sleepFunction(llvm::ArrayRef<std::string> Names) const {
  return lookup(SleepIndex, Sleeps, Names);
}

const RunEntryPoint *
Knowledge::runEntryPoint(llvm::ArrayRef<std::string> Names) const {
  return lookup(RunIndex, Runs, Names);
}

bool Knowledge::waitsForValue(llvm::ArrayRef<std::string> Names) const {
  return listed(ValueWaits, Names);
}

llvm::SmallVector<const ReadinessProbe *, 2>
Knowledge::readinessProbes(llvm::ArrayRef<std::string> Names) const {
  llvm::SmallVector<const ReadinessProbe *, 2> Found;
  for (const ReadinessProbe &P : Probes)
    if (llvm::is_contained(Names, P.Method))
      Found.push_back(&P);
  return Found;
}

bool Knowledge::makesReady(llvm::ArrayRef<std::string> Names) const {
  return listed(ReadyingAwaits, Names);
}

bool Knowledge::givesReadyValues(llvm::ArrayRef<std::string> Names) const {
  return listed(ReadyCombinators, Names);
}

bool Knowledge::drivesLoop(llvm::ArrayRef<std::string> Names) const {
  return listed(LoopDrivers, Names);
}

bool Knowledge::dedicatedThreads(llvm::StringRef Name) const {
  return llvm::is_contained(DedicatedExecutors, Name);
}

bool Knowledge::smartPointer(llvm::StringRef QualifiedName) const {
  return llvm::is_contained(SmartPointers, QualifiedName);
}

const BlockingFunction *
Knowledge::blockingFunction(llvm::ArrayRef<std::string> Names,
                            bool OptIn) const {
  return lookup<BlockingFunction>(
      BlockingIndex, Blocking, Names,
      [&](const BlockingFunction &F) { return OptIn || !F.OptIn; });
}

const TwinClass *Knowledge::twinClass(llvm::StringRef Name) const {
  auto It = TwinIndex.find(asioName(Name));
  return It == TwinIndex.end() ? nullptr : &TwinClasses[It->second];
}

bool Knowledge::isStandardInput(llvm::StringRef QualifiedName) const {
  return llvm::is_contained(StandardInputs, QualifiedName);
}

const QtAwaitable *Knowledge::qtAwaitable(llvm::StringRef Method) const {
  for (const QtAwaitable &A : QtWaits)
    if (A.Method == Method)
      return &A;
  return nullptr;
}

llvm::StringRef Knowledge::qcoroHeader(llvm::StringRef QtClass) const {
  for (const auto &[Class, Header] : QCoroWrappers)
    if (Class == QtClass)
      return Header;
  return "";
}

llvm::StringRef Knowledge::alternativeFor(Wait W, Framework Id) const {
  llvm::StringRef Generic;
  for (const WaitAlternative &A : Alternatives)
    if (A.Waits == W) {
      if (A.Id == Id)
        return A.Text;
      if (A.Id == Framework::Unknown)
        Generic = A.Text;
    }
  return Generic;
}

bool Knowledge::opensProcess(llvm::StringRef Function) const {
  return llvm::is_contained(ProcessOpeners, Function);
}

bool Knowledge::lockGuardDestructor(llvm::StringRef QualifiedName) const {
  return llvm::is_contained(LockGuards, QualifiedName);
}

std::string describeCondition(const BlockingFunction &Row) {
  std::string Flags = Row.Flags.str();
  for (size_t At; (At = Flags.find('|')) != std::string::npos;)
    Flags.replace(At, 1, " or ");
  std::string Arg = "argument " + std::to_string(Row.Arg + 1);
  std::string Out;
  switch (Row.Condition) {
  case When::Always:
    break;
  case When::WithoutFlag:
    Out = "unless " + Arg + " names " + Flags;
    break;
  case When::WithFlag:
    Out = "when " + Arg + " names " + Flags;
    break;
  case When::NonZero:
    Out = "unless " + Arg + " (the timeout) is zero";
    break;
  case When::ReadMode:
    Out = "when " + Arg + " opens for reading";
    break;
  case When::WithArguments:
    Out = "when given arguments";
    break;
  case When::Discarded:
    Out = "when its value is discarded";
    break;
  case When::NotAfter:
    Out = "unless " + Flags + " was called before";
    break;
  }
  std::string Target;
  switch (Row.On) {
  case Target::Fixed:
    break;
  case Target::Descriptor:
    Target = "unless the descriptor is non-blocking or its readiness was "
             "awaited";
    break;
  case Target::CFile:
    Target = "on a FILE* (stdin: standard input; from popen: a process)";
    break;
  case Target::Stream:
    Target = "on std::cin, a file stream or a Boost.Process pipe";
    break;
  }
  if (!Out.empty() && !Target.empty())
    return Out + "; " + Target;
  return Out + Target;
}

} // namespace corolint
