//===--- Results.h - The findings the standalone tool reports -------------===//

#ifndef COROLINT_OUTPUT_RESULTS_H
#define COROLINT_OUTPUT_RESULTS_H

#include "Paths.h"
#include "Render.h"
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace corolint {

/// A file that could not be analysed, and why.
struct Failure {
  std::string File;
  std::vector<std::string> Errors;
};

/// A finding and what the user reads of it (render()).
struct Reported {
  Finding F;
  std::vector<Message> Messages;
  /// The configuration's WarningsAsErrors names the check: an error.
  bool AsError = false;
};

struct Results {
  /// The strings of the findings' names and places.
  const StringPool *Strings = nullptr;
  std::vector<Reported> Findings; // sorted by place, each once
  std::vector<Failure> Failures;
  unsigned Files = 0; // analysed, failed ones included
  /// The database's files that did not exist, skipped as asked.
  std::vector<std::string> Skipped;
  /// The hash of each file's text as the analysis read it.
  std::map<std::string, uint64_t> Inputs;
  /// Each analysed file, with the files it was parsed from.
  std::map<std::string, std::set<std::string>> Units;
  /// The findings in headers that the header filter left out, by check
  /// and place, each once.
  std::set<std::tuple<CheckId, StrId, uint32_t>> Hidden;

  llvm::StringRef str(StrId I) const { return (*Strings)[I]; }
};

/// What a finding is, independent of line numbers: check, file, the
/// coroutine it is in and the name it calls. Baselines and SARIF
/// fingerprints use it; Root makes the file relative.
std::string findingKey(const Results &R, const Reported &F,
                       llvm::StringRef Root);

} // namespace corolint

#endif // COROLINT_OUTPUT_RESULTS_H
