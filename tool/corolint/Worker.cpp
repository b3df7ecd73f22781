//===--- Worker.cpp - Parses one file and keeps its facts -----------------===//

#include "Worker.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>

using namespace clang;

namespace corolint {

llvm::Expected<std::unique_ptr<tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const TidyFlags &Flags) {
  tidy::ClangTidyOptions Defaults = tidy::ClangTidyOptions::getDefaults();
  Defaults.Checks = "coro-*";
  tidy::ClangTidyOptions Overrides;
  if (Flags.Checks)
    Overrides.Checks = *Flags.Checks;
  if (Flags.HeaderFilter)
    Overrides.HeaderFilterRegex = *Flags.HeaderFilter;

  std::string Text, Origin;
  if (!Flags.ConfigFile.empty()) {
    auto Buffer = llvm::MemoryBuffer::getFile(Flags.ConfigFile);
    if (!Buffer)
      return llvm::createStringError(
          Buffer.getError(), "cannot read the configuration file '%s': %s",
          Flags.ConfigFile.c_str(), Buffer.getError().message().c_str());
    Text = (*Buffer)->getBuffer().str();
    Origin = "the configuration file '" + Flags.ConfigFile + "'";
  } else if (!Flags.Config.empty()) {
    Text = Flags.Config;
    Origin = "--config";
  }
  if (Origin.empty())
    return std::make_unique<tidy::FileOptionsProvider>(
        tidy::ClangTidyGlobalOptions(), Defaults, Overrides);
  llvm::ErrorOr<tidy::ClangTidyOptions> Parsed =
      tidy::parseConfiguration(llvm::MemoryBufferRef(Text, Origin));
  if (!Parsed)
    return llvm::createStringError(Parsed.getError(),
                                   "%s is not a valid configuration: %s",
                                   Origin.c_str(),
                                   Parsed.getError().message().c_str());
  return std::make_unique<tidy::ConfigOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), Defaults, *Parsed, Overrides);
}

namespace {

/// Turns file offsets into lines and columns, reading each file once.
class LineTables {
public:
  FactLoc at(llvm::StringRef File, unsigned Offset) {
    FactLoc L;
    L.File = File.str();
    L.Offset = Offset;
    auto [It, New] = Tables.try_emplace(File);
    if (New)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
        llvm::StringRef Text = (*Buffer)->getBuffer();
        It->second.push_back(0);
        for (size_t I = 0; I < Text.size(); ++I)
          if (Text[I] == '\n')
            It->second.push_back(I + 1);
      }
    const std::vector<unsigned> &Starts = It->second;
    if (Starts.empty())
      return L;
    auto Line = std::upper_bound(Starts.begin(), Starts.end(), Offset);
    L.Line = Line - Starts.begin();
    L.Col = Offset - *(Line - 1) + 1;
    return L;
  }

private:
  llvm::StringMap<std::vector<unsigned>> Tables;
};

/// The real path, as the checks' facts give it (FactLoc::of), so that both
/// name a file alike.
std::string absolute(llvm::StringRef Path, llvm::StringRef Directory) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P) && !Directory.empty()) {
    P = Directory;
    llvm::sys::path::append(P, Path);
  }
  llvm::SmallString<256> Real;
  if (!llvm::sys::fs::real_path(P, Real))
    return Real.str().str();
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/false);
  return P.str().str();
}

Message convert(const tooling::DiagnosticMessage &M, llvm::StringRef Directory,
                LineTables &Lines) {
  Message Out;
  Out.Text = M.Message;
  if (!M.FilePath.empty())
    Out.Loc = Lines.at(absolute(M.FilePath, Directory), M.FileOffset);
  for (const auto &Entry : M.Fix)
    for (const tooling::Replacement &R : Entry.second)
      Out.Fixes.push_back({absolute(R.getFilePath(), Directory), R.getOffset(),
                           R.getLength(), R.getReplacementText().str()});
  return Out;
}

constexpr llvm::StringLiteral CandidatePrefix = "corolint-candidate ";

} // namespace

FileFacts analyseFile(const std::string &File,
                      const tooling::CompilationDatabase &DB,
                      const TidyFlags &Flags) {
  FileFacts Facts;
  Facts.File = File;
  auto Provider = makeOptionsProvider(Flags);
  if (!Provider) {
    Facts.Errors.push_back(llvm::toString(Provider.takeError()));
    return Facts;
  }
  tidy::ClangTidyContext Context(std::move(*Provider));
  FactsRecorder Recorder;
  FactsRecorder::install(&Recorder);
  llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS(
      new llvm::vfs::OverlayFileSystem(llvm::vfs::getRealFileSystem()));
  std::vector<tidy::ClangTidyError> Errors =
      tidy::runClangTidy(Context, DB, {File}, FS, /*ApplyAnyFix=*/false);
  FactsRecorder::install(nullptr);

  LineTables Lines;
  // Keys of the warnings, by check and place.
  std::map<std::tuple<std::string, std::string, unsigned>, const FindingKey *>
      Keys;
  for (const FindingKey &K : Recorder.Keys)
    Keys.try_emplace({K.Check, K.Loc.File, K.Loc.Offset}, &K);
  std::vector<bool> Reportable(Recorder.Candidates.size());
  for (const tidy::ClangTidyError &E : Errors) {
    if (E.DiagnosticName == "clang-tidy-config") {
      Facts.ConfigErrors.push_back(E.Message.Message);
      continue;
    }
    if (E.DiagLevel == tooling::Diagnostic::Error &&
        !llvm::StringRef(E.DiagnosticName).starts_with("coro-")) {
      Message M = convert(E.Message, E.BuildDirectory, Lines);
      std::string Where = M.Loc.valid() ? M.Loc.File + ":" +
                                              std::to_string(M.Loc.Line) + ":" +
                                              std::to_string(M.Loc.Col) + ": "
                                        : "";
      Facts.Errors.push_back(Where + "error: " + M.Text);
      continue;
    }
    if (!llvm::StringRef(E.DiagnosticName).starts_with("coro-"))
      continue;
    llvm::StringRef Text = E.Message.Message;
    if (Text.consume_front(CandidatePrefix)) {
      unsigned Id;
      if (!Text.getAsInteger(10, Id) && Id < Reportable.size())
        Reportable[Id] = true;
      continue;
    }
    Finding F;
    F.Check = E.DiagnosticName;
    F.Warning = convert(E.Message, E.BuildDirectory, Lines);
    for (const tooling::DiagnosticMessage &N : E.Notes)
      F.Notes.push_back(convert(N, E.BuildDirectory, Lines));
    auto Key = Keys.find({F.Check, F.Warning.Loc.File, F.Warning.Loc.Offset});
    if (Key != Keys.end()) {
      F.Function = Key->second->Function;
      F.Called = Key->second->Called;
    }
    Facts.Findings.push_back(std::move(F));
  }
  Facts.Parsed = Facts.Errors.empty();
  Facts.Inputs = std::move(Recorder.Inputs);
  if (!Facts.Parsed)
    return Facts; // what a broken AST says is not reported
  for (size_t I = 0; I < Reportable.size(); ++I)
    if (Reportable[I])
      Facts.Candidates.push_back(std::move(Recorder.Candidates[I]));
  Facts.Graphs = std::move(Recorder.Graphs);
  return Facts;
}

} // namespace corolint
