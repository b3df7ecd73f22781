//===--- FileFacts.cpp - What the standalone corolint keeps of one file ---===//

#include "FileFacts.h"
#include "WriteFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace corolint {

static llvm::json::Value toJSON(const Edit &E) {
  return llvm::json::Object{{"file", E.File},
                            {"offset", E.Offset},
                            {"length", E.Length},
                            {"text", E.Text}};
}

static bool fromJSON(const llvm::json::Value &V, Edit &E, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  int64_t Offset = -1, Length = -1;
  if (!(O && O.map("file", E.File) && O.map("offset", Offset) &&
        O.map("length", Length) && O.map("text", E.Text)))
    return false;
  if (Offset < 0 || Length < 0) {
    P.report("an edit needs a non-negative offset and length");
    return false;
  }
  E.Offset = Offset;
  E.Length = Length;
  return true;
}

static llvm::json::Value toJSON(const Message &M) {
  llvm::json::Array Fixes;
  for (const Edit &E : M.Fixes)
    Fixes.push_back(toJSON(E));
  return llvm::json::Object{
      {"text", M.Text}, {"at", toJSON(M.Loc)}, {"fixes", std::move(Fixes)}};
}

static bool fromJSON(const llvm::json::Value &V, Message &M,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("text", M.Text) && O.map("at", M.Loc) &&
         O.map("fixes", M.Fixes);
}

static llvm::json::Value toJSON(const Finding &F) {
  llvm::json::Array Notes;
  for (const Message &N : F.Notes)
    Notes.push_back(toJSON(N));
  return llvm::json::Object{{"check", F.Check},
                            {"warning", toJSON(F.Warning)},
                            {"notes", std::move(Notes)},
                            {"function", F.Function},
                            {"called", F.Called}};
}

static bool fromJSON(const llvm::json::Value &V, Finding &F,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("check", F.Check) && O.map("warning", F.Warning) &&
         O.map("notes", F.Notes) && O.map("function", F.Function) &&
         O.map("called", F.Called);
}

llvm::json::Value toJSON(const FileFacts &F) {
  llvm::json::Array Findings, Candidates, Graphs, Inputs;
  for (const auto &[Path, Hash] : F.Inputs)
    Inputs.push_back(llvm::json::Array{Path, llvm::utohexstr(Hash)});
  for (const Finding &X : F.Findings)
    Findings.push_back(toJSON(X));
  for (const Candidate &C : F.Candidates)
    Candidates.push_back(toJSON(C));
  for (const FactGraph &G : F.Graphs)
    Graphs.push_back(toJSON(G));
  return llvm::json::Object{{"format", FactsFormatVersion},
                            {"file", F.File},
                            {"parsed", F.Parsed},
                            {"errors", F.Errors},
                            {"config_errors", F.ConfigErrors},
                            {"findings", std::move(Findings)},
                            {"candidates", std::move(Candidates)},
                            {"graphs", std::move(Graphs)},
                            {"inputs", std::move(Inputs)}};
}

static bool fromJSON(const llvm::json::Value &V, FileFacts &F,
                     llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  int Format = 0;
  if (!O || !O.map("format", Format))
    return false;
  if (Format != FactsFormatVersion) {
    P.field("format").report("written by another version of corolint");
    return false;
  }
  std::vector<std::vector<std::string>> Inputs;
  if (!(O.map("file", F.File) && O.map("parsed", F.Parsed) &&
        O.map("errors", F.Errors) && O.map("config_errors", F.ConfigErrors) &&
        O.map("findings", F.Findings) &&
        O.map("candidates", F.Candidates) && O.map("graphs", F.Graphs) &&
        O.map("inputs", Inputs)))
    return false;
  for (const std::vector<std::string> &I : Inputs) {
    uint64_t Hash;
    if (I.size() != 2 || llvm::StringRef(I[1]).getAsInteger(16, Hash)) {
      P.field("inputs").report("expected [path, hash]");
      return false;
    }
    F.Inputs.push_back({I[0], Hash});
  }
  return true;
}

llvm::Expected<FileFacts> readFileFacts(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::createStringError(Buffer.getError(), "cannot read %s: %s",
                                   Path.str().c_str(),
                                   Buffer.getError().message().c_str());
  llvm::Expected<llvm::json::Value> Value =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Value)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s is not JSON: %s", Path.str().c_str(),
                                   llvm::toString(Value.takeError()).c_str());
  llvm::Expected<FileFacts> F = fileFactsFromJSON(*Value);
  if (!F)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s is not a corolint facts file: %s",
                                   Path.str().c_str(),
                                   llvm::toString(F.takeError()).c_str());
  return F;
}

llvm::Expected<FileFacts> fileFactsFromJSON(const llvm::json::Value &V) {
  FileFacts F;
  llvm::json::Path::Root Root;
  if (!fromJSON(V, F, Root))
    return Root.getError();
  return F;
}

llvm::Error writeFileFacts(const FileFacts &F, llvm::StringRef Path) {
  std::string Text;
  llvm::raw_string_ostream(Text) << llvm::json::Value(toJSON(F));
  return writeFileAtomically(Path, Text);
}

} // namespace corolint
