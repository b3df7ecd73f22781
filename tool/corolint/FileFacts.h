//===--- FileFacts.h - What the standalone corolint keeps of one file -----===//
//
// Parsing a file yields its FileFacts: its findings (warnings with notes and
// fixes, as text and places), its candidates and its functions. They are
// written as JSON, so that the AST can go, a worker process can hand them
// over, a shard can pass them on and a cache can keep them.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_FILEFACTS_H
#define COROLINT_TOOL_FILEFACTS_H

#include "Facts.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace corolint {

/// One edit: replace Length bytes at Offset of File by Text.
struct Edit {
  std::string File;
  unsigned Offset = 0, Length = 0;
  std::string Text;
  bool operator<(const Edit &O) const {
    return std::tie(File, Offset, Length, Text) <
           std::tie(O.File, O.Offset, O.Length, O.Text);
  }
  bool operator==(const Edit &O) const {
    return std::tie(File, Offset, Length, Text) ==
           std::tie(O.File, O.Offset, O.Length, O.Text);
  }
};

struct Message {
  std::string Text;
  FactLoc Loc;
  std::vector<Edit> Fixes;
};

/// A warning as the user sees it, with its notes.
struct Finding {
  std::string Check;
  Message Warning;
  std::vector<Message> Notes;
  /// What baselines key it by: the coroutine it is in and the name it calls.
  std::string Function, Called;
};

struct FileFacts {
  std::string File;
  /// False when the file did not compile; Errors say why.
  bool Parsed = false;
  std::vector<std::string> Errors;
  /// What the checks said of their options (a bad pattern, say).
  std::vector<std::string> ConfigErrors;
  std::vector<Finding> Findings;
  std::vector<Candidate> Candidates;
  std::vector<FactGraph> Graphs;
  /// The files it was parsed from, with a hash of each one's text; empty
  /// when no check ran.
  std::vector<std::pair<std::string, uint64_t>> Inputs;
};

llvm::json::Value toJSON(const FileFacts &F);
llvm::Expected<FileFacts> readFileFacts(llvm::StringRef Path);
llvm::Expected<FileFacts> fileFactsFromJSON(const llvm::json::Value &V);
llvm::Error writeFileFacts(const FileFacts &F, llvm::StringRef Path);

} // namespace corolint

#endif // COROLINT_TOOL_FILEFACTS_H
