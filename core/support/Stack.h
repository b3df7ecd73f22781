//===--- Stack.h - Room for walks as deep as the input's expressions ------===//
//
// The AST nests as deep as the code does: `o << 1 << 1 << ...` with 100,000
// terms is 100,000 nested calls, and a recursive walk over it needs a frame
// per level. The analysis runs its walks on a thread of its own with a large
// stack (only what is used is committed), and the walk of a function's own
// code stops descending past MaxWalkDepth levels, so that no input can
// exhaust it.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_SUPPORT_STACK_H
#define COROLINT_SUPPORT_STACK_H

#include "llvm/ADT/STLFunctionalExtras.h"

namespace corolint {

/// How deep the walk of a function's own code goes; deeper code (far beyond
/// what people write, or clang parses by default) is not looked at.
constexpr unsigned MaxWalkDepth = 200000;

/// Runs Fn to completion on a thread with a stack large enough for
/// MaxWalkDepth levels, or on this thread when it is one already (or no
/// thread can be made).
void runWithLargeStack(llvm::function_ref<void()> Fn);

} // namespace corolint

#endif // COROLINT_SUPPORT_STACK_H
