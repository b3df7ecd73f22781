//===--- LspText.cpp - Paths and positions as LSP spells them -------------===//

#include "LspText.h"
#include "llvm/ADT/StringExtras.h"

namespace corolint {

std::string pathOf(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return "";
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    unsigned Byte;
    if (Uri[I] == '%' && I + 2 < Uri.size() &&
        !Uri.substr(I + 1, 2).getAsInteger(16, Byte)) {
      Path += static_cast<char>(Byte);
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

std::string uriOf(llvm::StringRef Path) {
  // RFC 3986's unreserved characters and the path's slashes stay.
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Uri += static_cast<char>(C);
    else
      Uri += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Uri;
}

Encoding encodingOf(const llvm::json::Value &InitializeResult) {
  const llvm::json::Object *Result = InitializeResult.getAsObject();
  const llvm::json::Object *Caps =
      Result ? Result->getObject("capabilities") : nullptr;
  std::optional<llvm::StringRef> Name;
  if (Caps)
    Name = Caps->getString("positionEncoding");
  if (!Name && Result)
    Name = Result->getString("offsetEncoding");
  if (Name == "utf-8")
    return Encoding::UTF8;
  if (Name == "utf-32")
    return Encoding::UTF32;
  return Encoding::UTF16;
}

llvm::json::Object positionAt(llvm::StringRef Text, size_t Offset, Encoding E) {
  Offset = std::min(Offset, Text.size());
  llvm::StringRef Before = Text.take_front(Offset);
  size_t LineStart = Before.rfind('\n');
  LineStart = LineStart == llvm::StringRef::npos ? 0 : LineStart + 1;
  llvm::StringRef Line = Before.drop_front(LineStart);
  size_t Character = Line.size();
  if (E != Encoding::UTF8) {
    // Each code point counts one (two in UTF-16 beyond the BMP); a lead
    // byte says how long its sequence is.
    Character = 0;
    for (size_t I = 0; I < Line.size();) {
      unsigned char Lead = Line[I];
      size_t Length = Lead < 0x80 ? 1 : Lead < 0xE0 ? 2 : Lead < 0xF0 ? 3 : 4;
      Character += E == Encoding::UTF16 && Length == 4 ? 2 : 1;
      I += Length;
    }
  }
  return llvm::json::Object{{"line", static_cast<int64_t>(Before.count('\n'))},
                            {"character", static_cast<int64_t>(Character)}};
}

} // namespace corolint
