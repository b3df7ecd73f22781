//===--- ProgramRewrite.h - Async all the way up, across files ------------===//
//
// A chain that crosses files gets the rewrite that one file's fix-its
// cannot make: the whole program's graph decides which plain functions
// become coroutines and which callers run them to completion; every file
// that declares, defines or calls one of them is parsed again for its
// edits; the files those edits change are parsed again with the edits in
// place. The rewrite is offered whole, or refused with the reason.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_TOOL_PROGRAMREWRITE_H
#define COROLINT_TOOL_PROGRAMREWRITE_H

#include "Results.h"
#include "Worker.h"

namespace corolint {

class Program;

/// Completes R's chains whose rewrite needs other files (R's strings are
/// S) with the rewrite across the files of DB, analysed under Flags;
/// declarations may be edited under SourceRoot. Returns how many files it
/// parsed.
unsigned rewriteAcrossFiles(Results &R, StringPool &S, const Program &P,
                            const clang::tooling::CompilationDatabase &DB,
                            const TidyFlags &Flags, llvm::StringRef SourceRoot);

} // namespace corolint

#endif // COROLINT_TOOL_PROGRAMREWRITE_H
