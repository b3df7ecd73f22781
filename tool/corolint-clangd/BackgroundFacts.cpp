//===--- BackgroundFacts.cpp - The whole program's facts, for the editor --===//

#include "BackgroundFacts.h"
#include "Cache.h"
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
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace corolint {

namespace {

/// The path of a file:// URI; empty for any other.
std::string pathOf(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return "";
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path += static_cast<char>(Byte);
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

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
  static constexpr llvm::StringRef Methods[] = {
      "initialize", "textDocument/didOpen", "textDocument/didChange",
      "textDocument/didSave", "textDocument/didClose"};
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
    // clangd's own extension names the database too.
    if (const llvm::json::Object *Init =
            Params ? Params->getObject("initializationOptions") : nullptr)
      if (std::optional<llvm::StringRef> Dir =
              Init->getString("compilationDatabasePath"))
        GivenDatabase = Dir->str();
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
  if (*Method == "textDocument/didClose") {
    std::lock_guard<std::mutex> Lock(M);
    Documents.erase(Path);
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
  // Facts come from files on disk: a database is refreshed when one of its
  // files is first opened, and after each save.
  if (*Method == "textDocument/didSave" || !Projects.count(Database))
    enqueue(Database);
  return false;
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
  llvm::errs() << "corolint-clangd: bringing the facts of the compile database "
               << "in " << Database << " up to date in the background\n";
  Queue.push_back(Database);
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
    std::string Database;
    {
      std::unique_lock<std::mutex> Lock(M);
      Wake.wait(Lock, [&] { return Stopping || !Queue.empty(); });
      if (Stopping)
        return;
      Database = Queue.front();
      Queue.pop_front();
      // A save from now on asks for another run.
      Projects[Database].Queued = false;
    }
    if (!refresh(Database))
      return; // said why; nothing to run
  }
}

bool BackgroundFacts::refresh(const std::string &Database) {
  int Output = -1;
  std::optional<pid_t> Child = spawn(Database, Output);
  if (!Child)
    return false;
  follow(Database, Output);
  int Status;
  while (waitpid(*Child, &Status, 0) < 0 && errno == EINTR) {
  }
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

std::optional<pid_t> BackgroundFacts::spawn(const std::string &Database,
                                            int &Output) {
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
  std::vector<std::string> Args = {Corolint, "-p", Database, "--refresh-cache",
                                   "--low-priority"};
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
      LastReport = "";
      beginProgress();
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
  if (Dir.empty())
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
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      continue;
    llvm::StringRef Facts = FactsCache::factsOf((*Buffer)->getBuffer());
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

void BackgroundFacts::republish(const std::string &Database) {
  // clangd publishes a file again when the editor asks it to rebuild the
  // file: an empty change, at the version the editor has, with clangd's
  // forceRebuild (which rebuilds the preamble too: only the files the
  // facts can change are asked for).
  std::vector<llvm::json::Value> Messages;
  {
    std::lock_guard<std::mutex> Lock(M);
    std::string Names;
    for (auto &[Path, D] : Documents) {
      if (D.Database != Database || !D.Asked)
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
      llvm::errs() << "corolint-clangd: new facts; publishing again:" << Names
                   << "\n";
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
