//===--- CheckInfo.h - What each coro-* check is about, as data -----------===//
//
// The text that reports outside the terminal carry (SARIF rules): a line
// that names the problem and a paragraph of help. docs/checks/ has the
// long form.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_CHECKINFO_H
#define COROLINT_CHECKINFO_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace corolint {

struct CheckInfo {
  llvm::StringLiteral Name;
  llvm::StringLiteral Summary;
  llvm::StringLiteral Help;
};

/// Every check, by name.
llvm::ArrayRef<CheckInfo> checkInfos();

} // namespace corolint

#endif // COROLINT_CHECKINFO_H
