//===--- ProgramFixes.h - The rewrite across files, as a code action ------===//
//
// In the editor the checks see one file: a chain whose rewrite changes other
// files gets a note that says so ("no fix-it: 'B' is defined in another
// file"). corolint, run on that file with the project's facts, makes the
// rewrite across files (tool/corolint/ProgramRewrite.h) or refuses it with
// its reason. BackgroundFacts runs it in the background and gives its
// exported fixes to this class, which keeps them for the open files: the
// warning's note then says what corolint's says, and the warning's code
// actions offer the rewrite as one WorkspaceEdit across files, titled with
// the number of files it changes. An offer holds while every file it edits
// is as corolint read it and not changed in the editor.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CLANGD_PROGRAMFIXES_H
#define COROLINT_CLANGD_PROGRAMFIXES_H

#include "LspText.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include <map>
#include <mutex>
#include <vector>

namespace corolint {

class ProgramFixes {
public:
  /// The encoding of the positions, from clangd's answer to initialize.
  void useEncoding(const llvm::json::Value &InitializeResult);

  /// Reads corolint's exported fixes for File (YAML for
  /// clang-apply-replacements) in place of File's earlier ones. Returns how
  /// many of its warnings get a rewrite across files.
  llvm::Expected<unsigned> load(const std::string &File, llvm::StringRef Yaml);
  void forget(const std::string &File);

  /// Whether the params of a publishDiagnostics have a coro-* warning
  /// whose note says that its fix needs files the checks do not see.
  static bool needsOtherFiles(const llvm::json::Object &Params);
  /// Amends the params of a publishDiagnostics for File: such a note says
  /// what corolint's says.
  void amend(const std::string &File, llvm::json::Object &Params);

  /// The code actions for a codeAction request's Params on File: the
  /// rewrites of the warnings in its context. Unsaved says whether the
  /// editor holds changes to a file that it has not saved.
  llvm::json::Array actions(const std::string &File,
                            const llvm::json::Object &Params,
                            llvm::function_ref<bool(llvm::StringRef)> Unsaved);

private:
  /// A warning corolint reported in the file, where clangd shows it.
  struct Warning {
    std::string Check;
    int64_t Line = 0, Character = 0;
    std::vector<std::string> Notes;
    /// The rewrite across files, if corolint offers one: its title, its
    /// edits by URI, and the files it edits with a hash of their text.
    std::string Title;
    llvm::json::Object Changes;
    std::vector<std::pair<std::string, uint64_t>> Files;
  };

  /// Replaces, in Text, a note that says its fix needs other files with
  /// W's note of the same beginning; true when one was replaced.
  static bool replaceNote(std::string &Text, const Warning &W);
  const Warning *warningAt(const std::string &File, llvm::StringRef Check,
                           const llvm::json::Object &Range) const;

  std::mutex M;
  Encoding Positions = Encoding::UTF16;
  std::map<std::string, std::vector<Warning>> Warnings; // by file
};

} // namespace corolint

#endif // COROLINT_CLANGD_PROGRAMFIXES_H
