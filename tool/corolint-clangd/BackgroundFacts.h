//===--- BackgroundFacts.h - The whole program's facts, for the editor ----===//
//
// In the editor the checks see one file; a chain through a plain function
// in another .cpp file needs that file's facts. corolint-clangd keeps them
// as clangd keeps its background index: for each compile database of the
// files opened, it runs `corolint --refresh-cache --low-priority` in the
// background, which brings corolint's own cache up to date (so a cache
// that CI or a corolint run warmed is used, and a corolint run after the
// editor finds it warm), reads the cache into a Program, and gives it to
// the checks (through ClangdModule.cpp). When the facts change, the open
// files of that database are published again. The open file's own facts
// are its buffer's: the checks analyse it and take only other functions'
// graphs from the cache. Progress goes to the editor as LSP $/progress.
// When an open file's warning has a rewrite that needs other files, the
// same worker runs `corolint --export-fixes` on that file, and its fixes go
// to the editor as code actions (ProgramFixes.h).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CLANGD_BACKGROUNDFACTS_H
#define COROLINT_CLANGD_BACKGROUNDFACTS_H

#include "LspProxy.h"
#include "Program.h"
#include "ProgramFixes.h"
#include <condition_variable>
#include <deque>
#include <map>
#include <optional>
#include <sys/types.h>

namespace corolint {

class BackgroundFacts {
public:
  /// Corolint is the corolint binary; DatabaseDir, clangd's
  /// --compile-commands-dir when given.
  BackgroundFacts(LspProxy &Proxy, std::string Corolint,
                  std::optional<std::string> DatabaseDir);
  ~BackgroundFacts();

  /// The editor's messages the facts follow: initialize, the documents
  /// opened, changed, saved and closed, and the answer to the request that
  /// creates the progress token. True: the message was the proxy's own.
  bool fromEditor(const llvm::json::Object &Message);
  static llvm::ArrayRef<llvm::StringRef> watchedMethods();
  /// Amends clangd's publishDiagnostics with corolint's notes for the
  /// rewrites across files, and asks corolint for them when needed.
  void fromServer(llvm::json::Object &Message);

  /// The program around MainFile, as the cache last held it; nullptr
  /// before the first facts. Never waits for them. The checks ask only for
  /// files with calls into other files: those are the open files that new
  /// facts can change, and the only ones published again.
  std::shared_ptr<Program> programFor(llvm::StringRef MainFile);

  /// Stops the background run, if any, and the thread.
  void stop();

private:
  struct Project {
    std::string CacheDir;
    std::shared_ptr<Program> Facts;
    /// The facts' content, and the cache's entries by name, size and time.
    uint64_t Signature = 0, Listing = 0;
    bool Queued = false;
  };
  struct Document {
    std::string Uri, Database;
    llvm::json::Value Version = nullptr;
    /// Its checks asked for the program: new facts may change it.
    bool Asked = false;
    /// Changed in the editor since it was opened or saved.
    bool Unsaved = false;
    /// The facts (by signature) corolint's fixes were last asked for with;
    /// and whether that is waiting in the queue.
    uint64_t FixesFor = 0;
    bool FixesQueued = false;
  };
  /// Bring a database's facts up to date, or (File) ask corolint for the
  /// fixes of one of its files.
  struct Job {
    std::string Database, File;
  };

  /// The directory of the compile database clangd would use for File
  /// (compile_commands.json there or in build/, up from File's directory);
  /// empty when there is none.
  std::string databaseOf(llvm::StringRef File);
  /// The editor asks for the code actions at a place in Path: the
  /// rewrites across files there join clangd's.
  void codeAction(const llvm::json::Object &Message, const std::string &Path);
  void enqueue(const std::string &Database);
  void work();
  /// Runs corolint on Database, following its output; false when it could
  /// not be started.
  bool refresh(const std::string &Database);
  /// Runs corolint for J.File's fixes, gives them to Fixes, and publishes
  /// the file again; false when corolint could not be started.
  bool fix(const Job &J);
  /// Starts corolint with Args in a process group of its own; its
  /// standard output is Output. With Progress, the editor sees it as
  /// progress. Nothing when stopping or when it cannot be started (said).
  std::optional<pid_t> spawn(std::vector<std::string> Args, int &Output,
                             bool Progress);
  /// Waits for the corolint run Child; its wait status.
  int reap(pid_t Child);
  /// Asks the editor for a progress token, once per run.
  void beginProgress();
  /// Reads the run's output: the cache's directory (whose facts are loaded
  /// at once), then the files done, as progress.
  void follow(const std::string &Database, int Output);
  /// Reads the cache into the project's program; true when it changed.
  bool load(const std::string &Database);
  /// Asks clangd to publish the open files of Database again whose checks
  /// asked for the program (only File, when given).
  void republish(const std::string &Database, llvm::StringRef File = "");
  void progress(llvm::StringRef Kind, llvm::StringRef Message,
                std::optional<unsigned> Percentage);

  LspProxy &Proxy;
  const std::string Corolint;
  std::optional<std::string> GivenDatabase;
  /// The editor's workspace (its rootUri): the rewrite across files edits
  /// no declaration outside it (outside the database's directory, without
  /// one).
  std::string WorkspaceRoot;

  std::mutex M;
  std::condition_variable Wake;
  std::map<std::string, Project> Projects;   // by database directory
  std::map<std::string, Document> Documents; // the open ones, by path
  llvm::StringMap<std::string> DatabaseCache;
  std::deque<Job> Queue;
  ProgramFixes Fixes;
  bool Stopping = false;
  pid_t Running = 0; // the corolint run's process group
  // Progress: whether the editor supports it; the current run's token:
  // none, asked for (the run's begin and end wait for the editor's
  // answer), or created (begun, not yet ended).
  bool ProgressWanted = false;
  enum class Token { None, Creating, Created } TokenState = Token::None;
  unsigned Runs = 0;
  std::string TokenName, TokenRequest;
  std::string LastReport;
  std::thread Worker;
};

} // namespace corolint

#endif // COROLINT_CLANGD_BACKGROUNDFACTS_H
