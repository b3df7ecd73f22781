//===--- Recorder.cpp - One file's facts, collected while its checks run --===//

#include "Recorder.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/xxhash.h"

using namespace clang;

namespace corolint {

void FactsRecorder::startUnit() {
  Recorded.clear();
  InputsRecorded = false;
}

void FactsRecorder::addInputs(const SourceManager &SM,
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
