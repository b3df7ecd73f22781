//===--- ListBlocking.h - corolint --list-blocking ------------------------===//
//
// What the checks know, read back from the tables for users: the sleeps,
// the nested runs, and every family of blocking calls with its option,
// its functions and when each blocks.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_LISTBLOCKING_H
#define COROLINT_TOOL_LISTBLOCKING_H

#include "llvm/Support/raw_ostream.h"

namespace corolint {

void listBlocking(llvm::raw_ostream &OS);

} // namespace corolint

#endif // COROLINT_TOOL_LISTBLOCKING_H
