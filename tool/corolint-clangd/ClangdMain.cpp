//===--- ClangdMain.cpp - clangd with corolint's checks linked in ---------===//
//
// corolint-clangd is clangd 19 itself: this file answers --version, takes
// its one option of its own (--background-facts), and hands everything else
// to clangd's own entry point, with clang's resource directory (the builtin
// headers) where Debian's clang-19 keeps it, unless the user names one:
// clangd would look for it beside its own binary. The coro-* checks are in
// the binary through ClangdModule.cpp, which registers them with
// clang-tidy's module registry; clangd builds its checks from that registry.
// In a language-server session the proxy (LspProxy.h) sits between the
// editor and clangd: it keeps the background facts (BackgroundFacts.h) and
// points the coro-* diagnostics' links at corolint's documentation.
//
//===----------------------------------------------------------------------===//

#include "BackgroundFacts.h"
#include "Checks.h"
#include "ClangdModule.h"
#include "LspProxy.h"
#include "Paths.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

namespace clang::clangd {
// clangd's main(), defined in Debian's libclangdMain.a (no header ships).
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

namespace {

using namespace corolint;

BackgroundFacts *Facts = nullptr;

/// A coro-* diagnostic's link goes to corolint's page for its check, not
/// to the clang-tidy page clangd derives from the name (there is none).
void linkToDocs(llvm::json::Object &Message) {
  llvm::json::Object *Params = Message.getObject("params");
  llvm::json::Array *Diags = Params ? Params->getArray("diagnostics") : nullptr;
  if (!Diags)
    return;
  for (llvm::json::Value &D : *Diags) {
    llvm::json::Object *O = D.getAsObject();
    std::optional<llvm::StringRef> Code =
        O ? O->getString("code") : std::nullopt;
    const CheckInfo *Check = Code ? checkNamed(*Code) : nullptr;
    if (Check && O->get("codeDescription"))
      (*O)["codeDescription"] = llvm::json::Object{{"href", docsUrl(*Check)}};
  }
}

/// The value of a boolean flag: --name, --name=true|false|1|0.
std::optional<bool> flagValue(llvm::StringRef Arg, llvm::StringRef Name) {
  if (!Arg.consume_front("--") && !Arg.consume_front("-"))
    return std::nullopt;
  if (!Arg.consume_front(Name))
    return std::nullopt;
  if (Arg.empty())
    return true;
  if (Arg == "=true" || Arg == "=1")
    return true;
  if (Arg == "=false" || Arg == "=0")
    return false;
  return std::nullopt;
}

/// What the command line asks of corolint-clangd; the rest goes to clangd.
struct Command {
  std::vector<char *> ClangdArgs;
  std::optional<std::string> DatabaseDir;
  bool Session = true;   ///< a language-server session, not --check/--help
  bool WantFacts = true; ///< --background-facts
};

/// Takes corolint-clangd's own arguments out of the command line and
/// passes on clangd's, with a resource directory unless one is named.
/// Returns an exit status when the command is answered here.
std::optional<int> parseCommand(int Argc, char *Argv[], Command &Cmd) {
  bool HasResourceDir = false;
  Cmd.ClangdArgs = {Argv[0]};
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = Argv[I];
    if (Arg == "--version" || Arg == "-version") {
      llvm::outs() << "corolint-clangd: corolint " COROLINT_VERSION
                      "'s build of clangd, with the coro-* checks\n"
                   << clang::getClangToolFullVersion("clangd") << "\n";
      return 0;
    }
    if (std::optional<bool> On = flagValue(Arg, "background-facts")) {
      Cmd.WantFacts = *On;
      continue;
    }
    if (Arg.starts_with("--background-facts") ||
        Arg.starts_with("-background-facts")) {
      llvm::errs()
          << "corolint-clangd: --background-facts takes true or false, "
             "not '"
          << Arg << "'\n";
      return 2;
    }
    HasResourceDir |=
        Arg.starts_with("--resource-dir") || Arg.starts_with("-resource-dir");
    // Not a language-server session: clangd's --check, --help, or input
    // that is not LSP's framing.
    Cmd.Session &= !Arg.starts_with("--check") && !Arg.starts_with("-check") &&
                   !Arg.starts_with("--help") && !Arg.starts_with("-help") &&
                   !Arg.contains("input-style=delimited");
    llvm::StringRef Dir = Arg;
    // --compile-commands-dir=DIR, or the directory as the next argument.
    if ((Arg == "--compile-commands-dir" || Arg == "-compile-commands-dir") &&
        I + 1 < Argc) {
      Cmd.ClangdArgs.push_back(Argv[I]);
      Dir = Argv[++I];
    } else if (!Dir.consume_front("--compile-commands-dir=") &&
               !Dir.consume_front("-compile-commands-dir=")) {
      Dir = "";
    }
    if (!Dir.empty())
      Cmd.DatabaseDir = absolutePath(Dir);
    Cmd.ClangdArgs.push_back(Argv[I]);
  }
  static char ResourceDir[] = "--resource-dir=" COROLINT_CLANG_RESOURCE_DIR;
  if (!HasResourceDir)
    Cmd.ClangdArgs.push_back(ResourceDir);
  Cmd.ClangdArgs.push_back(nullptr);
  return std::nullopt;
}

/// Puts the proxy between the editor and clangd, with the background facts
/// when they are wanted and corolint is beside this binary. Returns the
/// proxy, or null when its pipes cannot be set up. Both live as long as
/// the process: the proxy's reading thread may still wait on the editor
/// when clangd returns.
LspProxy *startSession(const Command &Cmd, const std::string &Corolint) {
  auto *Proxy = new LspProxy;
  bool WantFacts = Cmd.WantFacts;
  if (WantFacts && !llvm::sys::fs::can_execute(Corolint)) {
    llvm::errs() << "corolint-clangd: no corolint beside it (" << Corolint
                 << ")\n";
    WantFacts = false;
  }
  if (WantFacts)
    Facts = new BackgroundFacts(*Proxy, Corolint, Cmd.DatabaseDir);
  else
    llvm::errs() << "corolint-clangd: background facts are off; chains "
                    "through other files are not followed\n";
  LspProxy::Hooks Hooks;
  Hooks.FromEditor = [](const llvm::json::Object &M) {
    return Facts && Facts->fromEditor(M);
  };
  if (Facts)
    Hooks.Watched = BackgroundFacts::watchedMethods();
  Hooks.FromServer = [](llvm::json::Object &M) {
    linkToDocs(M);
    if (Facts)
      Facts->fromServer(M);
  };
  if (!Proxy->start(std::move(Hooks))) {
    llvm::errs() << "corolint-clangd: cannot set up its pipes; running "
                    "clangd without the background facts\n";
    delete Facts;
    Facts = nullptr;
    Proxy = nullptr;
  }
  useBackgroundFacts(Facts);
  return Proxy;
}

} // namespace

int main(int Argc, char *Argv[]) {
  Command Cmd;
  if (std::optional<int> Answered = parseCommand(Argc, Argv, Cmd))
    return *Answered;
  LspProxy *Proxy = nullptr;
  if (Cmd.Session) {
    std::string Here = llvm::sys::fs::getMainExecutable(
        Argv[0], reinterpret_cast<void *>(&main));
    Proxy = startSession(Cmd, llvm::sys::path::parent_path(Here).str() +
                                  "/corolint");
  }
  int Status = clang::clangd::clangdMain(
      static_cast<int>(Cmd.ClangdArgs.size()) - 1, Cmd.ClangdArgs.data());
  if (!Proxy)
    return Status;
  if (Facts)
    Facts->stop();
  Proxy->finish();
  llvm::errs().flush();
  // The proxy's thread that reads the editor may still be waiting on it.
  _exit(Status);
}
