//===--- Recorder.h - One file's facts, collected while its checks run ----===//

#ifndef COROLINT_FACTS_RECORDER_H
#define COROLINT_FACTS_RECORDER_H

#include "Facts.h"
#include <memory>
#include <vector>

namespace clang {
class Preprocessor;
class SourceManager;
} // namespace clang

namespace corolint {

/// Collects one file's facts while its checks run, for the standalone tool:
/// graphs and inputs are written as each translation unit ends; findings
/// and candidates are kept until the tool has decided which clang-tidy let
/// through (NOLINT, the header filter).
class FactsRecorder {
public:
  explicit FactsRecorder(FactsWriter &Out) : Out(Out) {}

  /// A unit starts: a file with several compile commands is parsed once
  /// for each, into the same recorder.
  void startUnit();
  /// Writes G, made under the options whose fingerprint is Options, once
  /// per graph of the unit.
  void addGraph(const Graph &G, llvm::StringRef Options);
  /// Writes the files the unit was parsed from, each with a hash of the
  /// text parsed, the precompiled header and module files it loaded (PP's,
  /// when the front end gave one), each with a hash of its contents, and
  /// More (the knowledge files read), once per unit.
  void addInputs(const clang::SourceManager &SM, const clang::Preprocessor *PP,
                 llvm::ArrayRef<Input> More);

  /// A finding or candidate, with the pool of its strings.
  template <typename T> struct Kept {
    T Value;
    std::shared_ptr<const StringPool> Strings;
  };
  void addFinding(const Finding &F, std::shared_ptr<const StringPool> S) {
    Findings.push_back({F, std::move(S)});
  }
  void addCandidate(const Candidate &C, std::shared_ptr<const StringPool> S) {
    Candidates.push_back({C, std::move(S)});
  }

  std::vector<Kept<Finding>> Findings;
  std::vector<Kept<Candidate>> Candidates;

private:
  FactsWriter &Out;
  std::vector<const Graph *> Recorded; // this unit's
  bool InputsRecorded = false;
};

} // namespace corolint

#endif // COROLINT_FACTS_RECORDER_H
