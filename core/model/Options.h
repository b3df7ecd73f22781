//===--- Options.h - The options every check shares ----------------------===//
//
// What blocks and what is followed is decided by a handful of function
// lists that all checks share (each may also be given to one check alone).
// They are named here once, with their defaults; a front end reads and
// stores them through sharedOptionKeys() and parses them once per distinct
// value (ParsedOptions::parse).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_MODEL_OPTIONS_H
#define COROLINT_MODEL_OPTIONS_H

#include "Checks.h"
#include "Knowledge.h"
#include "NameList.h"
#include "llvm/ADT/ArrayRef.h"
#include <array>
#include <bitset>
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
  std::string RunFunctions;
  /// The user's knowledge files, ';'-separated, each made absolute.
  std::string KnowledgeFiles;
  /// Each family's switch as given (FamilyInfo::Option), in the order of
  /// Family; empty for the default, on.
  std::array<std::string, NumFamilies> Families;

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
    /// The check the key belongs to, when it is not every check's.
    llvm::StringRef Owner = "";
  };
  /// Parses Values and reads their knowledge files; what cannot be parsed
  /// or read is left out and described in Errors.
  ParsedOptions(AnalysisOptions Values, std::vector<Error> &Errors);

  const AnalysisOptions Values;
  NameList Blocking, Allowed, NonBlocking, Offload, BlockingPool, Run;

  /// The built-in knowledge and the user's files'.
  const Knowledge &knowledge() const { return *K; }
  /// A short text that differs when the options or the knowledge files'
  /// texts differ: facts recorded under others are kept apart.
  const std::string &fingerprint() const { return Fingerprint; }

  /// Whether blocking calls of family F are reported (Family::None always
  /// is).
  bool reports(Family F) const { return !Off[static_cast<size_t>(F)]; }

private:
  std::shared_ptr<const Knowledge> K;
  std::string Fingerprint;
  std::bitset<NumFamilies> Off;
};

/// A shared option: its key, its value's field, its parsed list's field
/// (none for the knowledge files), its default.
struct SharedOptionKey {
  llvm::StringLiteral Key;
  std::string AnalysisOptions::*Field;
  NameList ParsedOptions::*List;
  std::string Default;
};
llvm::ArrayRef<SharedOptionKey> sharedOptionKeys();

/// The check whose options switch families off: every check reads them
/// under its name (or globally), so that all share one analysis.
CheckId familySwitchOwner();

} // namespace corolint

#endif // COROLINT_MODEL_OPTIONS_H
