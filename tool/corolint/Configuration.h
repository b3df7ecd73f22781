//===--- Configuration.h - The clang-tidy configuration a run uses --------===//

#ifndef COROLINT_TOOL_CONFIGURATION_H
#define COROLINT_TOOL_CONFIGURATION_H

#include "Results.h"
#include "RunOptions.h"
#include <optional>

namespace corolint {

/// Checks the flags that would make every file fail, before any work: an
/// exit status when they are wrong, having said why.
std::optional<int> validateFlags(const TidyFlags &Flags);

/// --list-checks, --dump-config and --explain-config, as clang-tidy prints
/// them: for the configuration of the first file given, or of the current
/// directory. Returns the exit status.
int printConfiguration(const RunOptions &O);

/// --list-blocking: what corolint knows, with the knowledge files the
/// configuration of the first file given (or of the current directory)
/// names. Returns the exit status.
int printKnowledge(const RunOptions &O);

/// Marks the findings whose check the configuration of their file turns
/// into errors (WarningsAsErrors); returns whether any configuration names
/// a check at all.
bool markErrors(const RunOptions &O, Results &R);

} // namespace corolint

#endif // COROLINT_TOOL_CONFIGURATION_H
