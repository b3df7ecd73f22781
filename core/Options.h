//===--- Options.h - The options every check shares ----------------------===//
//
// What blocks and what is followed is decided by a handful of function
// lists that all checks share (each may also be given to one check alone).
// They are named here once, with their defaults; a front end reads and
// stores them through sharedOptionKeys() and parses them once per distinct
// value (ParsedOptions::parse).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CORE_OPTIONS_H
#define COROLINT_CORE_OPTIONS_H

#include "NameList.h"
#include "llvm/ADT/ArrayRef.h"
#include <memory>
#include <string>
#include <vector>

namespace corolint {

/// The shared options' values, as given.
struct AnalysisOptions {
  std::string BlockingFunctions;
  std::string AllowedFunctions;
  std::string NonBlockingFunctions;
  std::string OffloadFunctions;
  std::string BlockingPoolAwaitables;

  /// A short text that differs when the options differ: facts recorded
  /// under other options are kept apart.
  std::string fingerprint() const;
};

/// The shared options, parsed.
class ParsedOptions {
public:
  /// What could not be parsed: the option's key and why.
  struct Error {
    llvm::StringRef Key;
    std::string Why;
  };
  /// Parses Values; what cannot be parsed is left out and described in
  /// Errors.
  ParsedOptions(AnalysisOptions Values, std::vector<Error> &Errors);

  const AnalysisOptions Values;
  const std::string Fingerprint;
  NameList Blocking, Allowed, NonBlocking, Offload, BlockingPool;
};

/// A shared option: its key, its value's field, its parsed list's field,
/// its default.
struct SharedOptionKey {
  llvm::StringLiteral Key;
  std::string AnalysisOptions::*Field;
  NameList ParsedOptions::*List;
  llvm::StringLiteral Default;
};
llvm::ArrayRef<SharedOptionKey> sharedOptionKeys();

} // namespace corolint

#endif // COROLINT_CORE_OPTIONS_H
