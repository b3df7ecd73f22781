//===--- LspText.h - Paths and positions as LSP spells them ---------------===//

#ifndef COROLINT_CLANGD_LSPTEXT_H
#define COROLINT_CLANGD_LSPTEXT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <string>

namespace corolint {

/// The path of a file:// URI; empty for any other.
std::string pathOf(llvm::StringRef Uri);
/// The file:// URI of an absolute path.
std::string uriOf(llvm::StringRef Path);

/// What an LSP position's character counts, as clangd agreed with the
/// editor (LSP's positionEncoding; UTF-16 unless agreed otherwise).
enum class Encoding { UTF8, UTF16, UTF32 };
/// The encoding an initialize answer agrees on (positionEncoding, or
/// clangd's older offsetEncoding).
Encoding encodingOf(const llvm::json::Value &InitializeResult);

/// The LSP position of the byte Offset in Text.
llvm::json::Object positionAt(llvm::StringRef Text, size_t Offset, Encoding E);

} // namespace corolint

#endif // COROLINT_CLANGD_LSPTEXT_H
