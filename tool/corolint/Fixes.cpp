//===--- Fixes.cpp - Exporting and applying the findings' fixes -----------===//

#include "Fixes.h"
#include "WriteFile.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/xxhash.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include <map>

namespace corolint {

std::vector<Edit> fixOf(const Finding &F, bool WithNotes) {
  if (!F.Warning.Fixes.empty() || !WithNotes)
    return F.Warning.Fixes;
  const Message *Only = nullptr;
  for (const Message &N : F.Notes)
    if (!N.Fixes.empty()) {
      if (Only)
        return {};
      Only = &N;
    }
  return Only ? Only->Fixes : std::vector<Edit>();
}

namespace {

unsigned end(const Edit &E) { return E.Offset + E.Length; }

/// Whether A and B cannot both apply: their ranges overlap, or one inserts
/// where the other starts, so that their order would matter.
bool clash(const Edit &A, const Edit &B) {
  if (A.File != B.File || A == B)
    return false;
  if (A.Offset == B.Offset)
    return true;
  return A.Offset < end(B) && B.Offset < end(A);
}

std::string where(const Finding &F) {
  return F.Warning.Loc.File + ":" + std::to_string(F.Warning.Loc.Line) + ":" +
         std::to_string(F.Warning.Loc.Col);
}

} // namespace

FixResult applyFixes(const std::vector<Finding> &Findings, bool WithNotes,
                     const std::map<std::string, uint64_t> &Analysed) {
  FixResult R;
  std::map<std::string, std::vector<Edit>> ByFile;
  std::vector<std::pair<const Finding *, std::vector<Edit>>> Taken;
  for (const Finding &F : Findings) {
    std::vector<Edit> Edits = fixOf(F, WithNotes);
    if (Edits.empty())
      continue;
    llvm::sort(Edits);
    Edits.erase(std::unique(Edits.begin(), Edits.end()), Edits.end());
    const Finding *Against = nullptr;
    for (const Edit &E : Edits)
      for (const auto &[Other, OtherEdits] : Taken)
        for (const Edit &O : OtherEdits)
          if (clash(E, O))
            Against = Other;
    if (Against) {
      R.Refused.push_back("the fix for the warning at " + where(F) + " [" +
                          F.Check + "] overlaps the fix for the warning at " +
                          where(*Against) + " [" + Against->Check +
                          "]; it was not applied");
      continue;
    }
    Taken.push_back({&F, Edits});
  }
  // Each file's edits, once each, checked against the file as it is now.
  std::map<std::string, std::vector<std::pair<Edit, const Finding *>>> Files;
  for (const auto &[F, Edits] : Taken)
    for (const Edit &E : Edits)
      Files[E.File].push_back({E, F});
  // A finding's fix applies whole or not at all: an edit that no longer fits
  // its file (or a file that cannot be read) drops every edit of it.
  llvm::DenseMap<const Finding *, const char *> Unfit; // and why
  std::map<std::string, std::string> Texts;
  for (auto &[File, Edits] : Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      R.Errors.push_back("cannot read " + File + ": " +
                         Buffer.getError().message() +
                         "; its fixes were not applied");
      for (auto &[E, F] : Edits)
        Unfit.try_emplace(F, "its file cannot be read");
      continue;
    }
    Texts[File] = (*Buffer)->getBuffer().str();
    auto Was = Analysed.find(File);
    bool Changed = Was != Analysed.end() &&
                   Was->second != llvm::xxh3_64bits(Texts[File]);
    for (auto &[E, F] : Edits)
      if (Changed)
        Unfit.try_emplace(F, "its file changed since it was analysed");
      else if (end(E) > Texts[File].size())
        Unfit.try_emplace(F, "it no longer fits its file");
  }
  std::map<std::string, std::string> NewText;
  for (auto &[File, Edits] : Files) {
    auto Text = Texts.find(File);
    if (Text == Texts.end())
      continue;
    llvm::sort(Edits, [](const auto &L, const auto &Rt) {
      return Rt.first < L.first; // from the end backwards
    });
    const Edit *Last = nullptr;
    bool Changed = false;
    for (auto &[E, F] : Edits) {
      if (Unfit.count(F) || (Last && *Last == E))
        continue; // the same edit again: another file's view of a header
      Last = &E;
      Text->second.replace(E.Offset, E.Length, E.Text);
      Changed = true;
    }
    if (Changed)
      NewText[File] = std::move(Text->second);
  }
  for (const auto &[F, Edits] : Taken) {
    auto Why = Unfit.find(F);
    if (Why != Unfit.end()) {
      R.Refused.push_back("the fix for the warning at " + where(*F) + " [" +
                          F->Check + "] was not applied: " + Why->second);
      continue;
    }
    ++R.Applied;
  }
  for (auto &[File, Text] : NewText) {
    if (llvm::Error E = writeFileAtomically(File, Text)) {
      R.Errors.push_back(llvm::toString(std::move(E)) + "; it is unchanged");
      continue;
    }
    R.Written.push_back(File);
  }
  return R;
}

namespace {

clang::tooling::DiagnosticMessage toolingMessage(const Message &M,
                                                const std::vector<Edit> &Fixes) {
  clang::tooling::DiagnosticMessage D(M.Text);
  D.FilePath = M.Loc.File;
  D.FileOffset = M.Loc.Offset;
  for (const Edit &E : Fixes)
    llvm::consumeError(D.Fix[E.File].add(
        clang::tooling::Replacement(E.File, E.Offset, E.Length, E.Text)));
  return D;
}

} // namespace

void exportFixes(const std::vector<Finding> &Findings, bool WithNotes,
                 llvm::raw_ostream &OS) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  for (const Finding &F : Findings) {
    llvm::SmallVector<clang::tooling::DiagnosticMessage, 1> Notes;
    for (const Message &N : F.Notes)
      Notes.push_back(toolingMessage(N, {}));
    TUD.Diagnostics.emplace_back(F.Check,
                                 toolingMessage(F.Warning, fixOf(F, WithNotes)),
                                 Notes,
                                 clang::tooling::Diagnostic::Warning, "");
  }
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
}

} // namespace corolint
