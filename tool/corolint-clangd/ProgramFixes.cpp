//===--- ProgramFixes.cpp - The rewrite across files, as a code action ----===//

#include "ProgramFixes.h"
#include "Finding.h"
#include "Place.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/xxhash.h"
#include <set>
#include <tuple>

namespace corolint {

namespace {

/// The end of a note's beginning: where it says whether it has a fix-it.
size_t tailOf(llvm::StringRef Note) {
  return std::min(Note.find("; no fix-it"), Note.find("; the fix-it"));
}

/// The texts of the files an export names, read once.
class Texts {
public:
  const std::string *of(const std::string &Path) {
    auto [It, New] = Read.try_emplace(Path);
    if (New) {
      auto Buffer = llvm::MemoryBuffer::getFile(Path);
      if (!Buffer)
        return nullptr;
      It->second = (*Buffer)->getBuffer().str();
    }
    return &It->second;
  }

private:
  std::map<std::string, std::string> Read;
};

using Replacement = std::tuple<std::string, unsigned, unsigned, std::string>;

/// Every edit of a warning's fixes and its notes', each once (a header's
/// edit comes once for each file that reads it).
std::set<Replacement> editsOf(const clang::tooling::Diagnostic &D) {
  std::set<Replacement> Edits;
  auto Add = [&](const clang::tooling::DiagnosticMessage &Message) {
    for (const auto &[File, Replacements] : Message.Fix)
      for (const clang::tooling::Replacement &R : Replacements)
        Edits.emplace(canonicalPath(R.getFilePath()), R.getOffset(),
                      R.getLength(), R.getReplacementText().str());
  };
  Add(D.Message);
  for (const clang::tooling::DiagnosticMessage &Note : D.Notes)
    Add(Note);
  return Edits;
}

} // namespace

void ProgramFixes::useEncoding(const llvm::json::Value &InitializeResult) {
  std::lock_guard<std::mutex> Lock(M);
  Positions = encodingOf(InitializeResult);
}

llvm::Expected<unsigned> ProgramFixes::load(const std::string &File,
                                            llvm::StringRef Yaml) {
  clang::tooling::TranslationUnitDiagnostics Exported;
  llvm::yaml::Input In(Yaml);
  In >> Exported;
  if (In.error())
    return llvm::createStringError(In.error(),
                                   "corolint's fixes cannot be read");
  std::lock_guard<std::mutex> Lock(M);
  std::string Here = canonicalPath(File);
  Texts Read;
  const std::string *Text = Read.of(Here);
  std::vector<Warning> Found;
  unsigned Offered = 0;
  for (const clang::tooling::Diagnostic &D : Exported.Diagnostics) {
    if (!Text || canonicalPath(D.Message.FilePath) != Here)
      continue;
    Warning W;
    W.Check = D.DiagnosticName;
    llvm::json::Object At = positionAt(*Text, D.Message.FileOffset, Positions);
    W.Line = At.getInteger("line").value_or(0);
    W.Character = At.getInteger("character").value_or(0);
    for (const clang::tooling::DiagnosticMessage &Note : D.Notes)
      W.Notes.push_back(Note.Message);
    std::set<Replacement> Edits = editsOf(D);
    std::map<std::string, llvm::json::Array> ByFile;
    for (const auto &[Path, Offset, Length, New] : Edits) {
      const std::string *Old = Read.of(Path);
      if (!Old)
        continue;
      ByFile[Path].push_back(llvm::json::Object{
          {"range",
           llvm::json::Object{
               {"start", positionAt(*Old, Offset, Positions)},
               {"end", positionAt(*Old, Offset + Length, Positions)}}},
          {"newText", New}});
    }
    // Fixes within the file are clangd's own to offer.
    bool Across =
        ByFile.size() > 1 || (ByFile.size() == 1 && !ByFile.count(Here));
    auto Rewrite = llvm::find_if(W.Notes, [](llvm::StringRef N) {
      return N.contains("; the fix-it changes");
    });
    if (Across && Rewrite != W.Notes.end()) {
      W.Title =
          llvm::formatv("{0} (changes {1} files)",
                        Rewrite->substr(0, tailOf(*Rewrite)), ByFile.size());
      for (auto &[Path, FileEdits] : ByFile) {
        W.Changes[uriOf(Path == Here ? File : Path)] = std::move(FileEdits);
        W.Files.emplace_back(Path, llvm::xxh3_64bits(*Read.of(Path)));
      }
      ++Offered;
    }
    Found.push_back(std::move(W));
  }
  Warnings[File] = std::move(Found);
  return Offered;
}

void ProgramFixes::forget(const std::string &File) {
  std::lock_guard<std::mutex> Lock(M);
  Warnings.erase(File);
}

bool ProgramFixes::replaceNote(std::string &Text, const Warning &W) {
  bool Replaced = false;
  for (llvm::StringRef Note : W.Notes) {
    size_t Tail = tailOf(Note);
    if (Tail == llvm::StringRef::npos)
      continue;
    llvm::StringRef Head = Note.take_front(Tail);
    for (size_t At = Text.find("; no fix-it"); At != std::string::npos;
         At = Text.find("; no fix-it", At + 1)) {
      if (At < Head.size() || !llvm::StringRef(Text)
                                   .substr(At - Head.size(), Head.size())
                                   .equals_insensitive(Head))
        continue;
      size_t End = std::min(Text.find('\n', At), Text.size());
      Text.replace(At, End - At, Note.drop_front(Tail).str());
      Replaced = true;
    }
  }
  return Replaced;
}

const ProgramFixes::Warning *
ProgramFixes::warningAt(const std::string &File, llvm::StringRef Check,
                        const llvm::json::Object &Range) const {
  auto It = Warnings.find(File);
  const llvm::json::Object *Start = Range.getObject("start");
  if (It == Warnings.end() || !Start)
    return nullptr;
  for (const Warning &W : It->second)
    if (W.Check == Check && Start->getInteger("line") == W.Line &&
        Start->getInteger("character") == W.Character)
      return &W;
  return nullptr;
}

namespace {

/// The texts of a published warning where a note may be: in
/// relatedInformation, or in the message for an editor without it.
template <typename Object, typename Value>
std::vector<Value *> noteTexts(Object &D) {
  std::vector<Value *> Texts;
  if (Value *Message = D.get("message"))
    Texts.push_back(Message);
  if (auto *Related = D.getArray("relatedInformation"))
    for (auto &R : *Related)
      if (auto *O = R.getAsObject())
        if (Value *Message = O->get("message"))
          Texts.push_back(Message);
  return Texts;
}

/// A published coro-* warning with a note that says its fix needs files
/// the checks do not see.
bool needsOthers(const llvm::json::Value &V) {
  const llvm::json::Object *D = V.getAsObject();
  std::optional<llvm::StringRef> Code = D ? D->getString("code") : std::nullopt;
  if (!Code || !Code->starts_with("coro-") || !D->getObject("range"))
    return false;
  return llvm::any_of(
      noteTexts<const llvm::json::Object, const llvm::json::Value>(*D),
      [](const llvm::json::Value *T) {
        std::optional<llvm::StringRef> S = T->getAsString();
        return S && givesReasonLiftedAcrossFiles(*S);
      });
}

} // namespace

bool ProgramFixes::needsOtherFiles(const llvm::json::Object &Params) {
  const llvm::json::Array *Diagnostics = Params.getArray("diagnostics");
  return Diagnostics && llvm::any_of(*Diagnostics, needsOthers);
}

void ProgramFixes::amend(const std::string &File, llvm::json::Object &Params) {
  llvm::json::Array *Diagnostics = Params.getArray("diagnostics");
  if (!Diagnostics)
    return;
  std::lock_guard<std::mutex> Lock(M);
  for (llvm::json::Value &V : *Diagnostics) {
    if (!needsOthers(V))
      continue;
    llvm::json::Object &D = *V.getAsObject();
    std::optional<llvm::StringRef> Code = D.getString("code");
    const llvm::json::Object *Range = D.getObject("range");
    const Warning *W = Code && Range ? warningAt(File, *Code, *Range) : nullptr;
    if (!W)
      continue;
    for (llvm::json::Value *T :
         noteTexts<llvm::json::Object, llvm::json::Value>(D)) {
      std::optional<llvm::StringRef> S = T->getAsString();
      if (!S)
        continue;
      std::string Text = S->str();
      if (replaceNote(Text, *W))
        *T = std::move(Text);
    }
  }
}

llvm::json::Array
ProgramFixes::actions(const std::string &File, const llvm::json::Object &Params,
                      llvm::function_ref<bool(llvm::StringRef)> Unsaved) {
  llvm::json::Array Actions;
  const llvm::json::Object *Context = Params.getObject("context");
  const llvm::json::Array *Diagnostics =
      Context ? Context->getArray("diagnostics") : nullptr;
  if (!Diagnostics)
    return Actions;
  if (const llvm::json::Array *Only = Context->getArray("only"))
    if (llvm::none_of(*Only, [](const llvm::json::Value &Kind) {
          std::optional<llvm::StringRef> K = Kind.getAsString();
          return K && (*K == "quickfix" || K->starts_with("quickfix."));
        }))
      return Actions;
  std::lock_guard<std::mutex> Lock(M);
  for (const llvm::json::Value &V : *Diagnostics) {
    const llvm::json::Object *D = V.getAsObject();
    std::optional<llvm::StringRef> Code =
        D ? D->getString("code") : std::nullopt;
    const llvm::json::Object *Range = D ? D->getObject("range") : nullptr;
    const Warning *W = Code && Range ? warningAt(File, *Code, *Range) : nullptr;
    if (!W || W->Title.empty())
      continue;
    // Offered only on the texts it was made from.
    bool Fresh = llvm::all_of(W->Files, [&](const auto &F) {
      auto Buffer = llvm::MemoryBuffer::getFile(F.first);
      return !Unsaved(F.first) && Buffer &&
             llvm::xxh3_64bits((*Buffer)->getBuffer()) == F.second;
    });
    if (!Fresh)
      continue;
    Actions.push_back(llvm::json::Object{
        {"title", W->Title},
        {"kind", "quickfix"},
        {"diagnostics", llvm::json::Array{V}},
        {"edit",
         llvm::json::Object{{"changes", llvm::json::Object(W->Changes)}}}});
  }
  return Actions;
}

} // namespace corolint
