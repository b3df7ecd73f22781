//===--- ListBlocking.h - corolint --list-blocking ------------------------===//
//
// What the checks know, read back from the knowledge for users: the sleeps,
// the nested runs, and every family of blocking calls with its option, its
// functions and when each blocks; as text, or as Markdown with where each
// row comes from (docs/knowledge.md); with what the project's configuration
// adds and switches.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_LISTBLOCKING_H
#define COROLINT_TOOL_LISTBLOCKING_H

#include "Options.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

enum class ListFormat { None, Text, Markdown };

/// Lists what Options (the configuration's shared options, parsed, with
/// their knowledge) make the checks report: the knowledge's rows, then the
/// configuration's own names (RunFunctions, BlockingFunctions, and the
/// names it says are not reported), and which families it switches.
void listBlocking(const ParsedOptions &Options, ListFormat Format,
                  llvm::raw_ostream &OS);

} // namespace corolint

#endif // COROLINT_TOOL_LISTBLOCKING_H
