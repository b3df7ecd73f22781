//===--- JsonWriter.cpp - The findings as one JSON document
//----------------===//

#include "Writers.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace corolint {

namespace {

llvm::json::Value place(const Results &R, const Place &P) {
  if (!P.valid())
    return nullptr;
  return llvm::json::Object{{"file", R.str(P.File)},
                            {"line", P.Line},
                            {"column", P.Col},
                            {"offset", P.Offset}};
}

llvm::json::Value fixes(const Results &R, const std::vector<Edit> &Edits) {
  llvm::json::Array A;
  for (const Edit &E : Edits)
    A.push_back(llvm::json::Object{{"file", R.str(E.At.File)},
                                   {"offset", E.At.Offset},
                                   {"length", E.Length},
                                   {"replacement", E.Text}});
  return A;
}

} // namespace

void writeJSON(const Results &R, llvm::raw_ostream &OS) {
  llvm::json::Array Findings, Failures;
  for (const Reported &F : R.Findings) {
    const Message &Warning = F.Messages.front();
    llvm::json::Array Notes;
    for (const Message &N : llvm::ArrayRef(F.Messages).drop_front())
      Notes.push_back(llvm::json::Object{{"message", N.Text},
                                         {"location", place(R, N.At)},
                                         {"fixes", fixes(R, N.Fixes)}});
    Findings.push_back(
        llvm::json::Object{{"check", checkInfo(F.F.Check).Name},
                           {"level", F.AsError ? "error" : "warning"},
                           {"message", Warning.Text},
                           {"location", place(R, Warning.At)},
                           {"function", R.str(F.F.Coro.Qualified)},
                           {"called", R.str(F.F.Called)},
                           {"fixes", fixes(R, Warning.Fixes)},
                           {"notes", std::move(Notes)}});
  }
  for (const Failure &F : R.Failures)
    Failures.push_back(
        llvm::json::Object{{"file", F.File}, {"errors", F.Errors}});
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"files", R.Files},
                                   {"findings", std::move(Findings)},
                                   {"suppressed", R.Hidden.size()},
                                   {"failed", std::move(Failures)},
                                   {"skipped", R.Skipped}}))
     << "\n";
}

} // namespace corolint
