//===--- Fixes.cpp - Exporting and applying the findings' fixes -----------===//

#include "Fixes.h"
#include "WriteFile.h"
#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/xxhash.h"
#include <map>
#include <set>

namespace corolint {

std::vector<Edit> fixOf(const Reported &F, bool WithNotes) {
  const Message &Warning = F.Messages.front();
  if (!Warning.Fixes.empty() || !WithNotes)
    return Warning.Fixes;
  const Message *Only = nullptr;
  for (const Message &N : llvm::ArrayRef(F.Messages).drop_front())
    if (!N.Fixes.empty()) {
      if (Only)
        return {};
      Only = &N;
    }
  return Only ? Only->Fixes : std::vector<Edit>();
}

namespace {

/// An edit with its file's path, in the order edits are applied.
struct FileEdit {
  std::string File;
  uint64_t Offset, Length;
  std::string Text;
  uint64_t end() const { return Offset + Length; }
  auto tie() const { return std::tie(File, Offset, Length, Text); }
  bool operator<(const FileEdit &O) const { return tie() < O.tie(); }
  bool operator==(const FileEdit &O) const { return tie() == O.tie(); }
};

FileEdit fileEdit(const Results &R, const Edit &E) {
  return {R.str(E.At.File).str(), E.At.Offset, E.Length, E.Text};
}

/// Whether A and B cannot both apply: their ranges overlap, or one inserts
/// where the other starts, so that their order would matter.
bool clash(const FileEdit &A, const FileEdit &B) {
  if (A.File != B.File || A == B)
    return false;
  if (A.Offset == B.Offset)
    return true;
  return A.Offset < B.end() && B.Offset < A.end();
}

std::string where(const Results &R, const Reported &F) {
  const Place &At = F.F.At;
  return R.str(At.File).str() + ":" + std::to_string(At.Line) + ":" +
         std::to_string(At.Col);
}

llvm::StringRef checkOf(const Reported &F) { return checkInfo(F.F.Check).Name; }

/// Edits (in order, of File whose text is Text) with the code around them
/// formatted in Style, as clang-tidy formats around its fixes; the edits
/// as they were when Style is "none" or cannot be had.
std::vector<FileEdit> formatAround(const std::string &File,
                                   llvm::StringRef Text,
                                   std::vector<FileEdit> Edits,
                                   llvm::StringRef Style) {
  if (Style.empty() || Style == "none")
    return Edits;
  clang::tooling::Replacements Plain;
  for (const FileEdit &E : Edits)
    if (llvm::Error Err = Plain.add(
            clang::tooling::Replacement(File, E.Offset, E.Length, E.Text))) {
      llvm::consumeError(std::move(Err));
      return Edits;
    }
  llvm::Expected<clang::format::FormatStyle> Found =
      clang::format::getStyle(Style, File, "none", Text);
  if (!Found) {
    llvm::consumeError(Found.takeError());
    return Edits;
  }
  llvm::Expected<clang::tooling::Replacements> Cleaned =
      clang::format::cleanupAroundReplacements(Text, Plain, *Found);
  llvm::Expected<clang::tooling::Replacements> Formatted =
      Cleaned ? clang::format::formatReplacements(Text, *Cleaned, *Found)
              : Cleaned.takeError();
  if (!Formatted) {
    llvm::consumeError(Formatted.takeError());
    return Edits;
  }
  std::vector<FileEdit> Out;
  for (const clang::tooling::Replacement &Rp : *Formatted)
    Out.push_back(
        {File, Rp.getOffset(), Rp.getLength(), Rp.getReplacementText().str()});
  return Out;
}

} // namespace

namespace {

/// The offsets where Text's lines start; a last line without its newline
/// counts.
std::vector<size_t> lineStarts(llvm::StringRef Text) {
  std::vector<size_t> Starts{0};
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n' && I + 1 < Text.size())
      Starts.push_back(I + 1);
  return Starts;
}

/// Text's lines, without their newlines.
llvm::SmallVector<llvm::StringRef, 16> linesOf(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 16> Out;
  Text.split(Out, '\n');
  if (!Out.empty() && Out.back().empty())
    Out.pop_back();
  return Out;
}

/// Prints the lines of a hunk: those Old and New share (their longest
/// common subsequence) as context, the others removed or added.
void printLines(llvm::ArrayRef<llvm::StringRef> Old,
                llvm::ArrayRef<llvm::StringRef> New, llvm::raw_ostream &OS) {
  const size_t N = Old.size(), M = New.size();
  // Common[I][J]: the longest common subsequence of Old[I..] and New[J..].
  std::vector<std::vector<uint32_t>> Common(N + 1,
                                            std::vector<uint32_t>(M + 1, 0));
  for (size_t I = N; I-- > 0;)
    for (size_t J = M; J-- > 0;)
      Common[I][J] = Old[I] == New[J]
                         ? Common[I + 1][J + 1] + 1
                         : std::max(Common[I + 1][J], Common[I][J + 1]);
  size_t I = 0, J = 0;
  while (I < N || J < M) {
    if (I < N && J < M && Old[I] == New[J]) {
      OS << " " << Old[I++] << "\n";
      ++J;
    } else if (J == M || (I < N && Common[I + 1][J] >= Common[I][J + 1])) {
      OS << "-" << Old[I++] << "\n";
    } else {
      OS << "+" << New[J++] << "\n";
    }
  }
}

/// Prints, as a unified diff with three lines of context, what Edits
/// (sorted, apart) make of File's text Old.
void printDiff(llvm::StringRef File, llvm::StringRef Old,
               llvm::ArrayRef<FileEdit> Edits, const DiffTo &To) {
  llvm::raw_ostream &OS = To.OS;
  std::string Name = relativeTo(File, To.Root).value_or(File.str());
  std::vector<size_t> Starts = lineStarts(Old);
  auto LineOf = [&](size_t Offset) {
    return size_t(llvm::upper_bound(Starts, Offset) - Starts.begin()) - 1;
  };
  const size_t Last = Starts.size() - 1, Context = 3;
  OS << "--- a/" << Name << "\n+++ b/" << Name << "\n";
  long Shift = 0; // new line numbers minus old, before the hunk
  for (size_t I = 0; I < Edits.size();) {
    // A hunk: the edits whose lines, with context, touch.
    size_t First = LineOf(Edits[I].Offset), End = I;
    size_t Through = First;
    for (; End < Edits.size(); ++End) {
      const FileEdit &E = Edits[End];
      size_t A = LineOf(E.Offset);
      if (End > I && A > Through + 2 * Context + 1)
        break;
      size_t B = E.Length && Old[E.end() - 1] == '\n' ? LineOf(E.end() - 1)
                                                      : LineOf(E.end());
      Through = std::max(Through, B);
    }
    size_t From = First > Context ? First - Context : 0;
    size_t Until = std::min(Last, Through + Context);
    size_t Begin = Starts[From];
    size_t Stop = Until + 1 < Starts.size() ? Starts[Until + 1] : Old.size();
    std::string New = Old.slice(Begin, Stop).str();
    for (size_t K = End; K-- > I;)
      New.replace(Edits[K].Offset - Begin, Edits[K].Length, Edits[K].Text);
    auto OldLines = linesOf(Old.slice(Begin, Stop));
    auto NewLines = linesOf(New);
    OS << "@@ -" << From + 1 << "," << OldLines.size() << " +"
       << long(From) + 1 + Shift << "," << NewLines.size() << " @@\n";
    printLines(OldLines, NewLines, OS);
    Shift += long(NewLines.size()) - long(OldLines.size());
    I = End;
  }
}

} // namespace

namespace {

/// Applies the fixes of a run's findings, in steps: take those that do not
/// clash, check each against its file as it is now, edit the texts, write
/// them, count what was applied.
class Applier {
public:
  Applier(const Results &R, FixResult &Out,
          std::function<std::string(llvm::StringRef)> StyleOf)
      : R(R), Out(Out), StyleOf(std::move(StyleOf)) {}

  /// Takes F's fix unless it clashes with one taken before.
  void take(const Reported &F, bool WithNotes) {
    std::vector<FileEdit> Edits;
    for (const Edit &E : fixOf(F, WithNotes))
      Edits.push_back(fileEdit(R, E));
    if (Edits.empty())
      return;
    llvm::sort(Edits);
    Edits.erase(std::unique(Edits.begin(), Edits.end()), Edits.end());
    const Reported *Against = nullptr;
    for (const FileEdit &E : Edits)
      for (const auto &[Other, OtherEdits] : Taken)
        for (const FileEdit &O : OtherEdits)
          if (clash(E, O))
            Against = Other;
    if (Against) {
      Out.Refused.push_back("the fix for the warning at " + where(R, F) + " [" +
                            checkOf(F).str() +
                            "] overlaps the fix for the warning at " +
                            where(R, *Against) + " [" +
                            checkOf(*Against).str() + "]; it was not applied");
      return;
    }
    for (const FileEdit &E : Edits)
      Files[E.File].push_back({E, &F});
    Taken.push_back({&F, std::move(Edits)});
  }

  /// A finding's fix applies whole or not at all: an edit that no longer
  /// fits its file (or a file that cannot be read, or that changed since it
  /// was analysed) drops every edit of it.
  void check() {
    for (auto &[File, Edits] : Files) {
      auto Buffer = llvm::MemoryBuffer::getFile(File);
      if (!Buffer) {
        Out.Errors.push_back("cannot read " + File + ": " +
                             Buffer.getError().message() +
                             "; its fixes were not applied");
        for (auto &[E, F] : Edits)
          Unfit.try_emplace(F, "its file cannot be read");
        continue;
      }
      std::string &Text = Texts[File] = (*Buffer)->getBuffer().str();
      auto Was = R.Inputs.find(File);
      bool Changed =
          Was != R.Inputs.end() && Was->second != llvm::xxh3_64bits(Text);
      for (auto &[E, F] : Edits)
        if (Changed)
          Unfit.try_emplace(F, "its file changed since it was analysed");
        else if (E.end() > Text.size())
          Unfit.try_emplace(F, "it no longer fits its file");
    }
  }

  /// Edits each file, from its end backwards, and writes it whole; or,
  /// given Diff, prints what would change there and writes nothing.
  void write(const DiffTo *Diff) {
    for (auto &[File, Edits] : Files) {
      auto Text = Texts.find(File);
      if (Text == Texts.end())
        continue;
      llvm::sort(Edits, [](const auto &L, const auto &Rt) {
        return Rt.first < L.first;
      });
      std::vector<FileEdit> Kept;
      for (auto &[E, F] : Edits)
        // The same edit again is another file's view of a header.
        if (!Unfit.count(F) && (Kept.empty() || !(Kept.back() == E)))
          Kept.push_back(E);
      if (Kept.empty())
        continue;
      std::reverse(Kept.begin(), Kept.end());
      if (StyleOf)
        Kept = formatAround(File, Text->second, std::move(Kept), StyleOf(File));
      if (Diff) {
        printDiff(File, Text->second, Kept, *Diff);
        Out.Written.push_back(File);
        continue;
      }
      for (const FileEdit &E : llvm::reverse(Kept))
        Text->second.replace(E.Offset, E.Length, E.Text);
      if (llvm::Error E = writeFileAtomically(File, Text->second)) {
        Out.Errors.push_back(llvm::toString(std::move(E)) +
                             "; it is unchanged");
        Failed.insert(File);
        continue;
      }
      Out.Written.push_back(File);
    }
  }

  /// A fix counts as applied when every file it edits was written.
  void count() {
    for (const auto &[F, Edits] : Taken) {
      auto Why = Unfit.find(F);
      if (Why != Unfit.end()) {
        Out.Refused.push_back("the fix for the warning at " + where(R, *F) +
                              " [" + checkOf(*F).str() +
                              "] was not applied: " + Why->second);
        continue;
      }
      if (llvm::none_of(Edits, [&](const FileEdit &E) {
            return Failed.count(E.File) != 0;
          }))
        ++Out.Applied;
    }
  }

private:
  const Results &R;
  FixResult &Out;
  std::function<std::string(llvm::StringRef)> StyleOf;
  std::vector<std::pair<const Reported *, std::vector<FileEdit>>> Taken;
  /// Each file's edits, with the finding each is for.
  std::map<std::string, std::vector<std::pair<FileEdit, const Reported *>>>
      Files;
  llvm::DenseMap<const Reported *, const char *> Unfit; // and why
  std::map<std::string, std::string> Texts;
  std::set<std::string> Failed;
};

} // namespace

FixResult applyFixes(const Results &R, bool WithNotes, const DiffTo *Diff,
                     std::function<std::string(llvm::StringRef)> StyleOf) {
  FixResult Out;
  Applier A(R, Out, std::move(StyleOf));
  for (const Reported &F : R.Findings)
    A.take(F, WithNotes);
  A.check();
  A.write(Diff);
  A.count();
  return Out;
}

namespace {

clang::tooling::DiagnosticMessage
toolingMessage(const Results &R, const Message &M,
               const std::vector<Edit> &Fixes) {
  clang::tooling::DiagnosticMessage D(M.Text);
  D.FilePath = R.str(M.At.File).str();
  D.FileOffset = M.At.Offset;
  for (const Edit &E : Fixes) {
    std::string File = R.str(E.At.File).str();
    llvm::consumeError(D.Fix[File].add(
        clang::tooling::Replacement(File, E.At.Offset, E.Length, E.Text)));
  }
  return D;
}

} // namespace

void exportFixes(const Results &R, bool WithNotes, llvm::raw_ostream &OS) {
  clang::tooling::TranslationUnitDiagnostics TUD;
  for (const Reported &F : R.Findings) {
    llvm::SmallVector<clang::tooling::DiagnosticMessage, 1> Notes;
    for (const Message &N : llvm::ArrayRef(F.Messages).drop_front())
      Notes.push_back(toolingMessage(R, N, {}));
    TUD.Diagnostics.emplace_back(
        checkOf(F).str(),
        toolingMessage(R, F.Messages.front(), fixOf(F, WithNotes)), Notes,
        clang::tooling::Diagnostic::Warning, "");
  }
  llvm::yaml::Output YAML(OS);
  YAML << TUD;
}

} // namespace corolint
