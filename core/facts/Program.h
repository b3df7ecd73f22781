//===--- Program.h - The facts of every file, merged ---------------------===//
//
// The whole program as corolint knows it: every file's graph merged into
// one per set of options (a function defined in several files, inline in a
// header, counts once), every file's findings, and the candidates that the
// merged graphs turn into findings. The standalone tool builds one from the
// files it analyses; the plugin and corolint-clangd load one from a facts
// directory (option FactsDirectory), and corolint-clangd keeps one per
// compile database from corolint's cache, refreshed in the background, and
// gives it to the checks it makes.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FACTS_PROGRAM_H
#define COROLINT_FACTS_PROGRAM_H

#include "Facts.h"
#include <memory>
#include <mutex>

namespace corolint {

class Program {
public:
  StringPool Strings;
  std::vector<Finding> Findings;
  std::vector<Candidate> Candidates;

  /// Takes F's graphs, findings and candidates; F was read with Strings.
  void add(FileFacts &&F);
  /// Takes F's graphs only: a front end that parses the main file itself
  /// finds its findings and candidates there.
  void addGraphs(FileFacts &&F);

  /// The finding C becomes, if the merged graph of its options has a chain
  /// from its callee to a blocking call of its kind.
  std::optional<Finding> resolve(const Candidate &C);

  /// The facts of the directory Dir (corolint --facts-out), read once per
  /// process and again when the directory changes; nullptr and Error when
  /// it cannot be read.
  static std::shared_ptr<Program> load(llvm::StringRef Dir, std::string &Error);
  /// resolve() for a candidate whose strings are in Pool, as the finding's
  /// are; safe from several threads (clangd's).
  std::optional<Finding> resolveFrom(const Candidate &C, StringPool &Pool);

  /// The merged graphs, one per set of options.
  std::vector<const Graph *> graphs() const;

private:
  std::vector<std::pair<StrId, std::unique_ptr<Graph>>> Graphs;
  std::mutex M;
};

} // namespace corolint

#endif // COROLINT_FACTS_PROGRAM_H
