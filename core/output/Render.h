//===--- Render.h - A finding as the user reads it -----------------------===//
//
// The one place where findings become sentences: a warning and its notes,
// each with its place and fix-its. Every front end prints what this gives.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_OUTPUT_RENDER_H
#define COROLINT_OUTPUT_RENDER_H

#include "Finding.h"

namespace corolint {

struct Message {
  /// What the message says: the warning, or a note on where an implicit
  /// call happens, on the coroutine, on one hop of a chain, or on what to do
  /// instead.
  enum class Role : uint8_t { Warning, Implicit, Coroutine, Hop, Advice };
  Role What = Role::Warning;
  std::string Text;
  Place At;
  std::vector<Edit> Fixes;

  bool note() const { return What != Role::Warning; }
};

/// F's warning, then its notes: where an implicit call happens, the
/// coroutine, one per hop of a chain, and what to do instead.
std::vector<Message> render(const Finding &F, const StringPool &S);

} // namespace corolint

#endif // COROLINT_OUTPUT_RENDER_H
