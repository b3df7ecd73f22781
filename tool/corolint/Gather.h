//===--- Gather.h - Every file's facts, from wherever they come -----------===//
//
// A run's facts come from one source: the compile database (each file's
// facts from the cache where they are fresh, else from a worker that parses
// it), or the facts directories that --facts-out wrote (--facts-in).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_GATHER_H
#define COROLINT_TOOL_GATHER_H

#include "RunOptions.h"
#include "WholeProgram.h"
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace corolint {

/// What the run learns while gathering the facts, besides the facts.
struct Gathered {
  /// The files given, whose findings are reported (empty: every file's).
  std::set<std::string> Focus;
  /// The files whose facts came from the cache.
  unsigned FromCache = 0;
};

class FactsSource {
public:
  virtual ~FactsSource() = default;
  /// Reads every file's facts into P. An exit status when the run ends
  /// here: an error (said), or the facts kept rather than reported
  /// (--facts-out, --refresh-cache).
  virtual std::optional<int> gather(WholeProgram &P, Gathered &G) = 0;
};

/// The source of O's facts: --facts-in's directories, or the database.
std::unique_ptr<FactsSource> factsSource(RunOptions &O, const char *Argv0);

} // namespace corolint

#endif // COROLINT_TOOL_GATHER_H
