//===--- WholeProgram.h - Every file's facts, merged and resolved ---------===//
//
// The standalone tool's view of the program: each file's facts merged as
// they come (graphs by USR, findings, candidates, failures, the inputs'
// hashes, the findings the header filter hid, what the checks said of their
// options), then resolved once into the findings to report.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_OUTPUT_WHOLEPROGRAM_H
#define COROLINT_OUTPUT_WHOLEPROGRAM_H

#include "Program.h"
#include "Results.h"
#include <set>
#include <string>

namespace corolint {

class WholeProgram {
public:
  /// The pool facts are read with; the results' strings are in it.
  StringPool &strings() { return P.Strings; }
  /// The merged facts: graphs stay after resolve().
  const Program &program() const { return P; }

  /// Takes one file's facts, read with strings().
  void add(FileFacts &&F);
  /// Takes the graphs of a file whose other facts add() took (read apart
  /// from them: readFacts' FactsPart).
  void addGraphs(FileFacts &&F) { P.addGraphs(std::move(F)); }
  /// Whether resolve() needs the files' graphs: a candidate does.
  bool needsGraphs() const { return !P.Candidates.empty(); }
  /// A file that add() took fails after all, for Why.
  void fail(std::string File, std::vector<std::string> Why) {
    R.Failures.push_back({std::move(File), std::move(Why)});
  }
  /// A file of the database that did not exist, skipped as asked.
  void skip(std::string File) { R.Skipped.push_back(std::move(File)); }

  /// What the checks said of their options, each once.
  const std::set<std::string> &configErrors() const { return ConfigErrors; }
  unsigned files() const { return R.Files; }
  size_t failures() const { return R.Failures.size(); }

  /// The findings: each file's own, and those the candidates become on the
  /// merged graphs, each once per check, place and name called however
  /// many files report it, sorted by place. Called once.
  Results resolve();

private:
  Program P;
  Results R;
  std::set<std::string> ConfigErrors;
};

} // namespace corolint

#endif // COROLINT_OUTPUT_WHOLEPROGRAM_H
