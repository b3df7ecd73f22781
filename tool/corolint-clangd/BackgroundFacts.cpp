//===--- BackgroundFacts.cpp - The whole program's facts, for the editor --===//

#include "BackgroundFacts.h"
#include "Cache.h"
#include "LspText.h"
#include "Place.h"
#include "WriteFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Errno.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace corolint {

namespace {

const llvm::json::Object *documentOf(const llvm::json::Object &Message) {
  const llvm::json::Object *Params = Message.getObject("params");
  return Params ? Params->getObject("textDocument") : nullptr;
}

} // namespace

BackgroundFacts::BackgroundFacts(LspProxy &Proxy, std::string Corolint,
                                 std::optional<std::string> DatabaseDir)
    : Proxy(Proxy), Corolint(std::move(Corolint)),
      GivenDatabase(std::move(DatabaseDir)) {
  Worker = std::thread([this] { work(); });
}

BackgroundFacts::~BackgroundFacts() { stop(); }

llvm::ArrayRef<llvm::StringRef> BackgroundFacts::watchedMethods() {
  static constexpr llvm::StringRef Methods[] = {"initialize",
                                                "textDocument/didOpen",
                                                "textDocument/didChange",
                                                "textDocument/didSave",
                                                "textDocument/didClose",
                                                "textDocument/codeAction"};
  return Methods;
}

bool BackgroundFacts::fromEditor(const llvm::json::Object &Message) {
  // The answer to a request of ours: the progress token exists.
  if (std::optional<llvm::StringRef> Id = Message.getString("id");
      Id && Id->starts_with("corolint-") && !Message.get("method")) {
    std::lock_guard<std::mutex> Lock(M);
    if (*Id == TokenRequest && TokenState == Token::Creating) {
      // The run may be over by now: the editor still sees it begin and end.
      TokenState = Token::Created;
      progress("begin", LastReport, 0);
      if (!Running) {
        progress("end", LastReport, std::nullopt);
        TokenState = Token::None;
      }
    }
    return true;
  }
  std::optional<llvm::StringRef> Method = Message.getString("method");
  if (!Method)
    return false;
  if (*Method == "initialize") {
    const llvm::json::Object *Params = Message.getObject("params");
    const llvm::json::Object *Caps =
        Params ? Params->getObject("capabilities") : nullptr;
    const llvm::json::Object *Window =
        Caps ? Caps->getObject("window") : nullptr;
    std::lock_guard<std::mutex> Lock(M);
    ProgressWanted =
        Window && Window->getBoolean("workDoneProgress").value_or(false);
    // The workspace is where the rewrite across files may edit.
    if (std::optional<llvm::StringRef> Root =
            Params ? Params->getString("rootUri") : std::nullopt)
      WorkspaceRoot = pathOf(*Root);
    else if (std::optional<llvm::StringRef> Path =
                 Params ? Params->getString("rootPath") : std::nullopt)
      WorkspaceRoot = Path->str();
    // clangd's own extension names the database too.
    if (const llvm::json::Object *Init =
            Params ? Params->getObject("initializationOptions") : nullptr)
      if (std::optional<llvm::StringRef> Dir =
              Init->getString("compilationDatabasePath"))
        GivenDatabase = Dir->str();
    // The positions of the fixes are counted as clangd and the editor agree.
    if (const llvm::json::Value *Id = Message.get("id"))
      Proxy.amendAnswer(*Id, [this](llvm::json::Value &Result) {
        Fixes.useEncoding(Result);
      });
    return false;
  }
  const llvm::json::Object *Doc = documentOf(Message);
  std::optional<llvm::StringRef> Uri =
      Doc ? Doc->getString("uri") : std::nullopt;
  if (!Uri)
    return false;
  std::string Path = pathOf(*Uri);
  if (Path.empty())
    return false;
  if (*Method == "textDocument/codeAction") {
    codeAction(Message, Path);
    return false;
  }
  if (*Method == "textDocument/didClose") {
    std::lock_guard<std::mutex> Lock(M);
    Documents.erase(Path);
    Fixes.forget(Path);
    return false;
  }
  std::string Database = databaseOf(Path);
  if (Database.empty())
    return false;
  std::lock_guard<std::mutex> Lock(M);
  Document &D = Documents[Path];
  D.Uri = Uri->str();
  D.Database = Database;
  if (const llvm::json::Value *Version = Doc->get("version"))
    D.Version = *Version;
  D.Unsaved = *Method == "textDocument/didChange";
  // Facts come from files on disk: a database is refreshed when one of its
  // files is first opened, and after each save.
  if (*Method == "textDocument/didSave" || !Projects.count(Database))
    enqueue(Database);
  return false;
}

void BackgroundFacts::codeAction(const llvm::json::Object &Message,
                                 const std::string &Path) {
  const llvm::json::Value *Id = Message.get("id");
  const llvm::json::Object *Params = Message.getObject("params");
  if (!Id || !Params)
    return;
  std::set<std::string> Unsaved;
  {
    std::lock_guard<std::mutex> Lock(M);
    for (const auto &[Open, D] : Documents)
      if (D.Unsaved)
        Unsaved.insert(canonicalPath(Open));
  }
  llvm::json::Array Actions =
      Fixes.actions(Path, *Params, [&](llvm::StringRef File) {
        return Unsaved.count(File.str()) != 0;
      });
  if (Actions.empty())
    return;
  Proxy.amendAnswer(*Id, [Actions](llvm::json::Value &Result) {
    if (llvm::json::Array *Theirs = Result.getAsArray())
      Theirs->insert(Theirs->end(), Actions.begin(), Actions.end());
    else if (Result.kind() == llvm::json::Value::Null)
      Result = llvm::json::Array(Actions);
  });
}

void BackgroundFacts::fromServer(llvm::json::Object &Message) {
  llvm::json::Object *Params = Message.getObject("params");
  std::optional<llvm::StringRef> Uri =
      Params ? Params->getString("uri") : std::nullopt;
  if (Message.getString("method") != "textDocument/publishDiagnostics" || !Uri)
    return;
  std::string Path = pathOf(*Uri);
  std::lock_guard<std::mutex> Lock(M);
  auto D = Documents.find(Path);
  // The fixes were made from the files on disk.
  if (D == Documents.end() || D->second.Unsaved)
    return;
  Document &Doc = D->second;
  auto P = Projects.find(Doc.Database);
  if (P == Projects.end() || !P->second.Facts)
    return;
  // corolint is asked once for each state of the facts (a save brings new
  // ones); until it answers, the checks' own notes stand.
  if (Doc.FixesFor == P->second.Signature) {
    Fixes.amend(Path, *Params);
    return;
  }
  if (Doc.FixesQueued || !ProgramFixes::needsOtherFiles(*Params))
    return;
  Doc.FixesQueued = true;
  Queue.push_back({Doc.Database, Path});
  Wake.notify_one();
}

std::string BackgroundFacts::databaseOf(llvm::StringRef File) {
  std::lock_guard<std::mutex> Lock(M);
  if (GivenDatabase)
    return *GivenDatabase;
  llvm::StringRef Dir = llvm::sys::path::parent_path(File);
  auto Found = DatabaseCache.find(Dir);
  if (Found != DatabaseCache.end())
    return Found->second;
  std::string Database;
  for (llvm::StringRef D = Dir; !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    if (llvm::sys::fs::exists(D + "/compile_commands.json")) {
      Database = D.str();
      break;
    }
    if (llvm::sys::fs::exists(D + "/build/compile_commands.json")) {
      Database = (D + "/build").str();
      break;
    }
  }
  DatabaseCache[Dir] = Database;
  return Database;
}

// Called with M held.
void BackgroundFacts::enqueue(const std::string &Database) {
  Project &P = Projects[Database];
  if (P.Queued)
    return;
  P.Queued = true;
  Queue.push_back({Database, ""});
  Wake.notify_one();
}

std::shared_ptr<Program> BackgroundFacts::programFor(llvm::StringRef MainFile) {
  std::string Database = databaseOf(MainFile);
  std::lock_guard<std::mutex> Lock(M);
  if (auto D = Documents.find(MainFile.str()); D != Documents.end())
    D->second.Asked = true;
  auto It = Projects.find(Database);
  return It == Projects.end() ? nullptr : It->second.Facts;
}

void BackgroundFacts::work() {
  while (true) {
    Job J;
    {
      std::unique_lock<std::mutex> Lock(M);
      Wake.wait(Lock, [&] { return Stopping || !Queue.empty(); });
      if (Stopping)
        return;
      J = Queue.front();
      Queue.pop_front();
      // A save from now on asks for another run.
      if (J.File.empty())
        Projects[J.Database].Queued = false;
    }
    if (!(J.File.empty() ? refresh(J.Database) : fix(J)))
      return; // said why; nothing to run
  }
}

int BackgroundFacts::reap(pid_t Child) {
  int Status;
  while (waitpid(Child, &Status, 0) < 0 && errno == EINTR) {
  }
  return Status;
}

bool BackgroundFacts::refresh(const std::string &Database) {
  // Said as the run starts, not as it is queued: the log then keeps the
  // queue's order whatever the load (a fix asked for before a save's
  // refresh is logged before it).
  llvm::errs() << "corolint-clangd: bringing the facts of the compile database "
               << "in " << Database << " up to date in the background\n";
  int Output = -1;
  std::optional<pid_t> Child =
      spawn({Corolint, "-p", Database, "--refresh-cache", "--low-priority"},
            Output, /*Progress=*/true);
  if (!Child)
    return false;
  follow(Database, Output);
  int Status = reap(*Child);
  // The new facts are in effect before the progress ends.
  if (load(Database))
    republish(Database);
  std::lock_guard<std::mutex> Lock(M);
  Running = 0;
  // Without the editor's answer yet, the end waits for it.
  if (TokenState == Token::Created) {
    progress("end", LastReport, std::nullopt);
    TokenState = Token::None;
  }
  if (!Stopping && !(WIFEXITED(Status) && WEXITSTATUS(Status) == 0))
    llvm::errs() << "corolint-clangd: the facts of " << Database
                 << " could not be brought up to date (corolint exited with "
                 << (WIFEXITED(Status) ? WEXITSTATUS(Status) : -1)
                 << "); the facts the cache holds are used\n";
  return true;
}

bool BackgroundFacts::fix(const Job &J) {
  uint64_t Signature;
  {
    std::lock_guard<std::mutex> Lock(M);
    Signature = Projects[J.Database].Signature;
  }
  llvm::SmallString<128> Exported;
  int Fd;
  if (llvm::sys::fs::createTemporaryFile("corolint-fixes", "yaml", Fd,
                                         Exported)) {
    llvm::errs() << "corolint-clangd: no temporary file for corolint's "
                    "fixes; rewrites across files are not offered\n";
    return true;
  }
  close(Fd);
  llvm::StringRef Name = llvm::sys::path::filename(J.File);
  llvm::errs() << "corolint-clangd: asking corolint for the fixes of " << Name
               << "\n";
  std::string Root;
  {
    std::lock_guard<std::mutex> Lock(M);
    Root = WorkspaceRoot.empty() ? J.Database : WorkspaceRoot;
  }
  int Output = -1;
  std::optional<pid_t> Child =
      spawn({Corolint, "-p", J.Database, "--low-priority", "--quiet",
             "--fix-notes", "--diff", "--export-fixes=" + Exported.str().str(),
             "--source-root=" + Root, J.File},
            Output, /*Progress=*/false);
  if (!Child) {
    (void)llvm::sys::fs::remove(Exported); // a temporary file: best effort
    return false;
  }
  // --diff: the fixes go to the YAML, and no file is written. Its
  // findings are the checks' own in the editor.
  char Discard[4096];
  ssize_t N;
  do
    N = read(Output, Discard, sizeof Discard);
  while (N > 0 || (N < 0 && errno == EINTR));
  close(Output);
  int Status = reap(*Child);
  {
    std::lock_guard<std::mutex> Lock(M);
    Running = 0;
    if (auto D = Documents.find(J.File); D != Documents.end()) {
      D->second.FixesFor = Signature;
      D->second.FixesQueued = false;
    }
  }
  auto Yaml = llvm::MemoryBuffer::getFile(Exported);
  (void)llvm::sys::fs::remove(Exported); // as above
  // 1: findings, as expected.
  bool Ran = WIFEXITED(Status) && WEXITSTATUS(Status) <= 1;
  llvm::Expected<unsigned> Offered =
      Ran && Yaml
          ? Fixes.load(J.File, (*Yaml)->getBuffer())
          : llvm::createStringError(
                llvm::inconvertibleErrorCode(),
                llvm::formatv("corolint exited with {0}",
                              WIFEXITED(Status) ? WEXITSTATUS(Status) : -1));
  if (Offered)
    llvm::errs() << llvm::formatv(
        "corolint-clangd: {0} rewrite{1} across files offered in {2}\n",
        *Offered, *Offered == 1 ? "" : "s", Name);
  else
    llvm::errs() << "corolint-clangd: no fixes for " << Name << ": "
                 << llvm::toString(Offered.takeError()) << "\n";
  republish(J.Database, J.File);
  return true;
}

std::optional<pid_t> BackgroundFacts::spawn(std::vector<std::string> Args,
                                            int &Output, bool Progress) {
  int Pipe[2];
  if (pipe2(Pipe, O_CLOEXEC) != 0)
    return std::nullopt;
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_addopen(&Actions, STDIN_FILENO, "/dev/null",
                                   O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&Actions, Pipe[1], STDOUT_FILENO);
  posix_spawnattr_t Attributes;
  posix_spawnattr_init(&Attributes);
  // Its own process group, so that its workers stop with it.
  posix_spawnattr_setflags(&Attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&Attributes, 0);
  std::vector<char *> Argv;
  Argv.reserve(Args.size() + 1);
  for (std::string &A : Args)
    Argv.push_back(A.data());
  Argv.push_back(nullptr);
  pid_t Child;
  int Error = ECANCELED;
  {
    std::lock_guard<std::mutex> Lock(M);
    if (!Stopping)
      Error = posix_spawn(&Child, Corolint.c_str(), &Actions, &Attributes,
                          Argv.data(), environ);
    if (!Error) {
      Running = Child;
      if (Progress) {
        LastReport = "";
        beginProgress();
      }
    }
  }
  posix_spawn_file_actions_destroy(&Actions);
  posix_spawnattr_destroy(&Attributes);
  close(Pipe[1]);
  if (Error) {
    close(Pipe[0]);
    if (Error != ECANCELED)
      llvm::errs() << "corolint-clangd: cannot run " << Corolint << ": "
                   << llvm::sys::StrError(Error)
                   << "; chains through other files are not followed\n";
    return std::nullopt;
  }
  Output = Pipe[0];
  return Child;
}

void BackgroundFacts::beginProgress() {
  if (!ProgressWanted || TokenState != Token::None)
    return;
  // A token per run, as clangd does for its index.
  std::string N = std::to_string(++Runs);
  TokenName = "corolint-facts-" + N;
  TokenRequest = "corolint-" + N;
  TokenState = Token::Creating;
  Proxy.toEditor(
      llvm::json::Object{{"jsonrpc", "2.0"},
                         {"id", TokenRequest},
                         {"method", "window/workDoneProgress/create"},
                         {"params", llvm::json::Object{{"token", TokenName}}}});
}

void BackgroundFacts::follow(const std::string &Database, int Output) {
  // The cache's directory first, then the files done.
  FILE *Out = fdopen(Output, "r");
  if (!Out) {
    close(Output);
    return;
  }
  char Line[4096];
  while (fgets(Line, sizeof Line, Out)) {
    llvm::StringRef L = llvm::StringRef(Line).rtrim();
    if (L.consume_front("cache ")) {
      {
        std::lock_guard<std::mutex> Lock(M);
        Projects[Database].CacheDir = L.str();
      }
      // What the cache already holds is shown at once.
      if (load(Database))
        republish(Database);
    } else if (L.consume_front("files ")) {
      auto [Done, Total] = L.split('/');
      unsigned D = 0, T = 0;
      if (Done.getAsInteger(10, D) || Total.getAsInteger(10, T) || !T)
        continue;
      std::lock_guard<std::mutex> Lock(M);
      LastReport = llvm::formatv("{0}/{1} files", D, T).str();
      if (TokenState == Token::Created)
        progress("report", LastReport, 100 * D / T);
    }
  }
  fclose(Out);
}

bool BackgroundFacts::load(const std::string &Database) {
  std::string Dir;
  {
    std::lock_guard<std::mutex> Lock(M);
    Dir = Projects[Database].CacheDir;
  }
  // The refresh said why it does not use an untrusted cache.
  if (Dir.empty() || !FactsCache(Dir).trusted())
    return false;
  llvm::Expected<std::vector<std::string>> Files = factsFilesIn(Dir);
  if (!Files) { // no cache yet
    llvm::consumeError(Files.takeError());
    return false;
  }
  // Unless an entry was written since the last load (the common case: a
  // run that found every file fresh), nothing is read again.
  uint64_t Listing = 0;
  for (const std::string &File : *Files) {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(File, Status))
      continue;
    Listing = llvm::xxh3_64bits(File) ^ Status.getSize() ^
              Status.getLastModificationTime().time_since_epoch().count() ^
              (Listing * 31);
  }
  {
    std::lock_guard<std::mutex> Lock(M);
    Project &P = Projects[Database];
    if (P.Facts && P.Listing == Listing)
      return false;
  }
  auto Loaded = std::make_shared<Program>();
  uint64_t Signature = 0;
  for (const std::string &File : *Files) {
    std::optional<std::string> Entry = readRegularFile(File);
    if (!Entry)
      continue;
    llvm::StringRef Facts = FactsCache::factsOf(*Entry);
    // A damaged entry is left out: the next corolint run replaces it.
    llvm::Expected<FileFacts> F = readFacts(Facts, File, Loaded->Strings);
    if (!F) {
      llvm::consumeError(F.takeError());
      continue;
    }
    Signature = llvm::xxh3_64bits(Facts) ^ (Signature * 31);
    Loaded->addGraphs(std::move(*F));
  }
  std::lock_guard<std::mutex> Lock(M);
  Project &P = Projects[Database];
  P.Listing = Listing;
  if (P.Facts && P.Signature == Signature)
    return false;
  P.Facts = std::move(Loaded);
  P.Signature = Signature;
  return true;
}

void BackgroundFacts::republish(const std::string &Database,
                                llvm::StringRef File) {
  // clangd publishes a file again when the editor asks it to rebuild the
  // file: an empty change, at the version the editor has, with clangd's
  // forceRebuild (which rebuilds the preamble too: only the files the
  // facts can change are asked for).
  std::vector<llvm::json::Value> Messages;
  {
    std::lock_guard<std::mutex> Lock(M);
    std::string Names;
    for (auto &[Path, D] : Documents) {
      if (D.Database != Database || !D.Asked || (!File.empty() && Path != File))
        continue;
      Names += " " + llvm::sys::path::filename(Path).str();
      Messages.push_back(llvm::json::Object{
          {"jsonrpc", "2.0"},
          {"method", "textDocument/didChange"},
          {"params",
           llvm::json::Object{
               {"textDocument",
                llvm::json::Object{{"uri", D.Uri}, {"version", D.Version}}},
               {"contentChanges", llvm::json::Array{}},
               {"wantDiagnostics", true},
               {"forceRebuild", true}}}});
    }
    if (!Messages.empty())
      llvm::errs() << "corolint-clangd: new "
                   << (File.empty() ? "facts" : "fixes")
                   << "; publishing again:" << Names << "\n";
  }
  for (const llvm::json::Value &Message : Messages)
    Proxy.toServer(Message);
}

// Called with M held.
void BackgroundFacts::progress(llvm::StringRef Kind, llvm::StringRef Message,
                               std::optional<unsigned> Percentage) {
  llvm::json::Object Value{{"kind", Kind}};
  if (Kind == "begin")
    Value["title"] = "corolint: facts of the project";
  if (!Message.empty())
    Value["message"] = Message;
  if (Percentage)
    Value["percentage"] = *Percentage;
  Proxy.toEditor(llvm::json::Object{
      {"jsonrpc", "2.0"},
      {"method", "$/progress"},
      {"params",
       llvm::json::Object{{"token", TokenName}, {"value", std::move(Value)}}}});
}

void BackgroundFacts::stop() {
  {
    std::lock_guard<std::mutex> Lock(M);
    if (Stopping)
      return;
    Stopping = true;
    if (Running)
      kill(-Running, SIGTERM);
    Wake.notify_all();
  }
  if (Worker.joinable())
    Worker.join();
}

} // namespace corolint
