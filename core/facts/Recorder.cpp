//===--- Recorder.cpp - One file's facts, collected while its checks run --===//

#include "Recorder.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/Module.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "llvm/Support/xxhash.h"

using namespace clang;

namespace corolint {

namespace {

/// The files of compiled headers the unit loaded: its precompiled header
/// and the modules it imported. The headers compiled into them are not
/// read again, so the files themselves stand for them.
void addCompiledHeaders(const Preprocessor &PP, std::vector<Input> &Inputs) {
  FileManager &FM = PP.getFileManager();
  auto Add = [&](OptionalFileEntryRef File) {
    if (!File)
      return;
    if (auto Buffer = FM.getBufferForFile(*File, /*isVolatile=*/false,
                                          /*RequiresNullTerminator=*/false))
      Inputs.push_back(
          {canonicalPath(*File), llvm::xxh3_64bits((*Buffer)->getBuffer())});
  };
  const std::string &Pch = PP.getPreprocessorOpts().ImplicitPCHInclude;
  if (!Pch.empty())
    Add(FM.getOptionalFileRef(Pch));
  for (const auto &Entry : PP.getHeaderSearchInfo().getModuleMap().modules())
    Add(Entry.second->getASTFile());
}

} // namespace

void FactsRecorder::startUnit() {
  Recorded.clear();
  InputsRecorded = false;
}

void FactsRecorder::addInputs(const SourceManager &SM, const Preprocessor *PP,
                              llvm::ArrayRef<Input> More) {
  if (InputsRecorded)
    return;
  InputsRecorded = true;
  std::vector<Input> Inputs;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    std::optional<llvm::StringRef> Text = It->second->getBufferDataIfLoaded();
    if (!Text)
      continue;
    Inputs.push_back({canonicalPath(It->first), llvm::xxh3_64bits(*Text)});
  }
  if (PP)
    addCompiledHeaders(*PP, Inputs);
  Inputs.insert(Inputs.end(), More.begin(), More.end());
  llvm::sort(Inputs);
  Inputs.erase(std::unique(Inputs.begin(), Inputs.end()), Inputs.end());
  Out.inputs(Inputs);
}

void FactsRecorder::addGraph(const Graph &G, llvm::StringRef Options) {
  if (llvm::is_contained(Recorded, &G))
    return;
  Recorded.push_back(&G);
  Out.graph(G, Options);
}

} // namespace corolint
