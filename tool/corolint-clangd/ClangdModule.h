//===--- ClangdModule.h - The coro-* checks for corolint-clangd -----------===//

#ifndef COROLINT_CLANGD_CLANGDMODULE_H
#define COROLINT_CLANGD_CLANGDMODULE_H

namespace corolint {

class BackgroundFacts;

/// The checks of the parses that start from now on complete their chains
/// from Facts (nullptr: within each file only).
void useBackgroundFacts(BackgroundFacts *Facts);

} // namespace corolint

#endif // COROLINT_CLANGD_CLANGDMODULE_H
