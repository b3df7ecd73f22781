//===--- TextWriter.cpp - The findings as clang prints diagnostics -------===//

#include "Sources.h"
#include "Writers.h"
#include <algorithm>

namespace corolint {

namespace {

void printMessage(llvm::raw_ostream &OS, Sources &Src, const Message &M,
                  llvm::StringRef Check, bool AsError, bool Colour) {
  llvm::StringRef Level = M.note() ? "note" : AsError ? "error" : "warning";
  auto Bold = [&] {
    if (Colour)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  };
  auto Reset = [&] {
    if (Colour)
      OS.resetColor();
  };
  Bold();
  if (M.At.valid())
    OS << Src.R.str(M.At.File) << ":" << M.At.Line << ":" << M.At.Col << ": ";
  if (Colour)
    OS.changeColor(M.note()  ? llvm::raw_ostream::BLACK
                   : AsError ? llvm::raw_ostream::RED
                             : llvm::raw_ostream::MAGENTA,
                   /*Bold=*/true);
  OS << Level << ": ";
  Reset();
  Bold();
  OS << M.Text;
  if (!M.note())
    OS << " [" << Check << (AsError ? ",-warnings-as-errors" : "") << "]";
  Reset();
  OS << "\n";
  if (!M.At.valid())
    return;
  llvm::StringRef Line = Src.line(M.At);
  if (Line.empty())
    return;
  // clang 19's gutter: the line number right-aligned in at least four
  // columns, then " | "; the lines under it start with "| " there.
  const std::string Number = std::to_string(M.At.Line);
  const size_t Width = std::max<size_t>(4, Number.size());
  OS.indent(Width - Number.size() + 1) << Number << " | " << Line << "\n";
  auto Gutter = [&] { OS.indent(Width + 2) << "| "; };
  // As clang shows a fix-it: what it replaces marked '~' on the caret's
  // line, and its text under that, when it is one line of text on this
  // line.
  const uint64_t LineStart = uint64_t(M.At.Offset) - (M.At.Col - 1);
  auto OnThisLine = [&](const Edit &E) {
    return E.At.File == M.At.File && E.At.Offset >= LineStart &&
           uint64_t(E.At.Offset) + E.Length <= LineStart + Line.size() &&
           !llvm::StringRef(E.Text).contains('\n');
  };
  // Blanks keep the line's tabs, so that marks stay under their text.
  auto Blank = [&](uint64_t Upto) {
    std::string Out;
    for (uint64_t I = 0; I < Upto && I < Line.size(); ++I)
      Out += Line[I] == '\t' ? '\t' : ' ';
    return Out;
  };
  std::string Caret = Blank(Line.size());
  for (const Edit &E : M.Fixes)
    if (OnThisLine(E))
      for (uint64_t I = E.At.Offset - LineStart;
           I < E.At.Offset - LineStart + E.Length; ++I)
        Caret[I] = '~';
  if (M.At.Col - 1 < Caret.size())
    Caret[M.At.Col - 1] = '^';
  else
    Caret += '^';
  Caret.erase(Caret.find_last_not_of(" \t") + 1);
  Gutter();
  if (Colour)
    OS.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
  OS << Caret;
  Reset();
  OS << "\n";
  for (const Edit &E : M.Fixes) {
    if (!OnThisLine(E))
      continue;
    Gutter();
    if (Colour)
      OS.changeColor(llvm::raw_ostream::GREEN);
    OS << Blank(E.At.Offset - LineStart) << E.Text;
    Reset();
    OS << "\n";
  }
}

} // namespace

void writeText(const Results &R, llvm::raw_ostream &OS, bool Colour) {
  Sources Src(R);
  for (const Reported &F : R.Findings)
    for (const Message &M : F.Messages)
      printMessage(OS, Src, M, checkInfo(F.F.Check).Name, F.AsError, Colour);
}

} // namespace corolint
