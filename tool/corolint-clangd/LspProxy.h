//===--- LspProxy.h - Between the editor and clangd, in one process -------===//
//
// corolint-clangd talks to the editor through clangd's own LSP transport,
// and needs a word of its own in the conversation: progress of the
// background facts, a request that clangd publish a file's diagnostics
// again, and links to corolint's documentation. Before clangd starts, the
// proxy puts pipes in place of the process's standard input and output;
// two threads pass every message through whole and in order, and let the
// hooks read the editor's messages and amend clangd's. Messages of the
// proxy's own go in between whole messages.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CLANGD_LSPPROXY_H
#define COROLINT_CLANGD_LSPPROXY_H

#include "llvm/Support/JSON.h"
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace corolint {

class LspProxy {
public:
  struct Hooks {
    /// A message from the editor that the proxy reads (its method is
    /// among Watched, or it answers a request of the proxy's own); true
    /// keeps it from clangd.
    std::function<bool(const llvm::json::Object &)> FromEditor;
    llvm::ArrayRef<llvm::StringRef> Watched;
    /// Amends a message from clangd (a publishDiagnostics that names a
    /// coro-* check) before the editor sees it.
    std::function<void(llvm::json::Object &)> FromServer;
  };

  /// Puts the proxy between standard input and output and clangd; false
  /// (and nothing changed) when it cannot.
  bool start(Hooks H);
  /// After clangd has returned: passes on the rest of what it wrote.
  void finish();

  /// Sends a message of the proxy's own to the editor, or to clangd as if
  /// the editor had sent it.
  void toEditor(const llvm::json::Value &Message);
  void toServer(const llvm::json::Value &Message);

  /// Lets Amend change the result of clangd's answer to the editor's
  /// request Id before the editor sees it. Called from FromEditor, before
  /// the request reaches clangd; an answer with an error is passed on as
  /// it is.
  void amendAnswer(llvm::json::Value Id,
                   std::function<void(llvm::json::Value &Result)> Amend);

private:
  void editorToServer();
  void serverToEditor();
  /// Passes clangd's answer to the hook that asked to amend it, if any.
  void amend(llvm::json::Object &Answer);

  Hooks H;
  int EditorIn = -1, EditorOut = -1; // the real standard input and output
  int ServerIn = -1, ServerOut = -1; // the pipes' ends clangd does not hold
  std::mutex InMutex, OutMutex;      // one writer at a time on each side
  std::mutex AnswersMutex;
  std::vector<std::pair<llvm::json::Value,
                        std::function<void(llvm::json::Value &)>>>
      Answers; // the answers to amend, by request id
  std::thread In, Out;
};

} // namespace corolint

#endif // COROLINT_CLANGD_LSPPROXY_H
