//===--- TextWriter.cpp - The findings as clang prints diagnostics
//---------===//

#include "Sources.h"
#include "Writers.h"

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
  OS << Line << "\n";
  std::string Caret;
  for (unsigned I = 1; I < M.At.Col && I <= Line.size(); ++I)
    Caret += Line[I - 1] == '\t' ? '\t' : ' ';
  Caret += '^';
  if (Colour)
    OS.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
  OS << Caret;
  Reset();
  OS << "\n";
  // As clang shows a fix-it: its text under what it replaces, when it is one
  // line of text on this line.
  uint64_t LineStart = uint64_t(M.At.Offset) - (M.At.Col - 1);
  for (const Edit &E : M.Fixes) {
    if (E.At.File != M.At.File || E.At.Offset < LineStart ||
        uint64_t(E.At.Offset) + E.Length > LineStart + Line.size() ||
        llvm::StringRef(E.Text).contains('\n'))
      continue;
    std::string Indent;
    for (uint64_t I = LineStart; I < E.At.Offset; ++I)
      Indent += Line[I - LineStart] == '\t' ? '\t' : ' ';
    if (Colour)
      OS.changeColor(llvm::raw_ostream::GREEN);
    OS << Indent << E.Text;
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
