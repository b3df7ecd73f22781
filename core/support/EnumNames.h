//===--- EnumNames.h - Enums by name, for facts files ---------------------===//

#ifndef COROLINT_SUPPORT_ENUMNAMES_H
#define COROLINT_SUPPORT_ENUMNAMES_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace corolint {

/// The enumerator named Name, when Names lists an enum's names in the order
/// of its values from 0.
template <typename E, size_t N>
std::optional<E> enumNamed(const llvm::StringLiteral (&Names)[N],
                           llvm::StringRef Name) {
  for (size_t I = 0; I < N; ++I)
    if (Names[I] == Name)
      return static_cast<E>(I);
  return std::nullopt;
}

} // namespace corolint

#endif // COROLINT_SUPPORT_ENUMNAMES_H
