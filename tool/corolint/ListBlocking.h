//===--- ListBlocking.h - corolint --list-blocking ------------------------===//
//
// What the checks know, read back from the knowledge for users: the sleeps,
// the nested runs, and every family of blocking calls with its option, its
// functions and when each blocks; as text, or as Markdown with where each
// row comes from (docs/knowledge.md).
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_LISTBLOCKING_H
#define COROLINT_TOOL_LISTBLOCKING_H

#include "Knowledge.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

enum class ListFormat { None, Text, Markdown };

void listBlocking(const Knowledge &K, ListFormat Format, llvm::raw_ostream &OS);

} // namespace corolint

#endif // COROLINT_TOOL_LISTBLOCKING_H
