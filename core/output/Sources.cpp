//===--- Sources.cpp - The text of the files findings are in --------------===//

#include "Sources.h"

namespace corolint {

std::optional<llvm::StringRef> Sources::text(llvm::StringRef File) {
  auto [It, New] = Files.try_emplace(File);
  if (New)
    if (auto Buffer = llvm::MemoryBuffer::getFile(File))
      It->second = std::move(*Buffer);
  if (!It->second)
    return std::nullopt;
  return It->second->getBuffer();
}

llvm::StringRef Sources::line(const Place &P) {
  std::optional<llvm::StringRef> All = text(R.str(P.File));
  if (!All || P.Offset > All->size())
    return "";
  llvm::StringRef Text = *All;
  // The line's start: after the last newline before the offset.
  size_t Start = Text.take_front(P.Offset).rfind('\n');
  Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
  size_t End = Text.find('\n', P.Offset);
  return Text.slice(Start, End).rtrim("\r");
}

} // namespace corolint
