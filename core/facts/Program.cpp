//===--- Program.cpp - The facts of every file, merged -------------------===//

#include "Program.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

namespace corolint {

void Program::add(FileFacts &&F) {
  for (auto &[Options, G] : F.Graphs) {
    Graph *Merged = nullptr;
    for (auto &[O, Mine] : Graphs)
      if (O == Options)
        Merged = Mine.get();
    if (Merged)
      Merged->merge(G);
    else // the first file's graph is the start of the merged one
      Graphs.emplace_back(Options, std::make_unique<Graph>(std::move(G)));
  }
  for (Finding &X : F.Findings)
    Findings.push_back(std::move(X));
  for (Candidate &C : F.Candidates)
    Candidates.push_back(std::move(C));
}

void Program::addGraphs(FileFacts &&F) {
  F.Findings.clear();
  F.Candidates.clear();
  add(std::move(F));
}

std::optional<Finding> Program::resolve(const Candidate &C) {
  for (auto &[Options, G] : Graphs) {
    if (Options != C.Options)
      continue;
    std::optional<NodeId> N = G->find(C.CalleeUsr);
    if (!N)
      return std::nullopt;
    std::optional<Chain> Path = G->chain(*N, C.Pending.End.Kind);
    if (!Path)
      return std::nullopt;
    return corolint::resolve(C, *Path);
  }
  return std::nullopt;
}

std::optional<Finding> Program::resolveFrom(const Candidate &C,
                                            StringPool &Pool) {
  std::lock_guard<std::mutex> Lock(M);
  // The candidate in this program's strings, and its finding back in Pool's.
  auto To = [](StringPool &Into, const StringPool &From, StrId I) {
    return I == NoStr ? NoStr : Into.intern(From[I]);
  };
  Candidate Here;
  Here.Pending.End.Kind = C.Pending.End.Kind;
  Here.CalleeUsr = To(Strings, Pool, C.CalleeUsr);
  Here.Options = To(Strings, Pool, C.Options);
  std::optional<Finding> Found = resolve(Here);
  if (!Found)
    return std::nullopt;
  auto Back = [&](Place P) {
    P.File = To(Pool, Strings, P.File);
    return P;
  };
  Chain Path;
  for (const Hop &H : Found->Hops)
    Path.Hops.push_back({To(Pool, Strings, H.Caller),
                         To(Pool, Strings, H.Callee), Back(H.At), H.Implicit,
                         H.Dispatch});
  Path.Omitted = Found->OmittedHops;
  Path.End = Found->End;
  Path.End.Name = To(Pool, Strings, Path.End.Name);
  Path.End.Suggestion = To(Pool, Strings, Path.End.Suggestion);
  return corolint::resolve(C, Path);
}

std::shared_ptr<Program> Program::load(llvm::StringRef Dir,
                                       std::string &Error) {
  static std::mutex CacheMutex;
  static llvm::StringMap<
      std::pair<llvm::sys::TimePoint<>, std::shared_ptr<Program>>>
      Cache;
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Dir, Status)) {
    Error =
        "cannot read the facts directory '" + Dir.str() + "': " + EC.message();
    return nullptr;
  }
  std::lock_guard<std::mutex> Lock(CacheMutex);
  auto &Entry = Cache[Dir];
  if (Entry.second && Entry.first == Status.getLastModificationTime())
    return Entry.second;
  llvm::Expected<std::vector<std::string>> Files = factsFilesIn(Dir);
  if (!Files) {
    Error = "the facts directory: " + llvm::toString(Files.takeError());
    return nullptr;
  }
  auto Loaded = std::make_shared<Program>();
  for (const std::string &File : *Files) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer) {
      Error = "cannot read '" + File + "': " + Buffer.getError().message();
      return nullptr;
    }
    llvm::Expected<FileFacts> F =
        readFacts((*Buffer)->getBuffer(), File, Loaded->Strings);
    if (!F) {
      Error = llvm::toString(F.takeError());
      return nullptr;
    }
    // Their findings are the files' own: the plugin reports those itself.
    Loaded->addGraphs(std::move(*F));
  }
  Entry = {Status.getLastModificationTime(), Loaded};
  return Loaded;
}

std::vector<const Graph *> Program::graphs() const {
  std::vector<const Graph *> Out;
  Out.reserve(Graphs.size());
  for (const auto &[Options, G] : Graphs)
    Out.push_back(G.get());
  return Out;
}

} // namespace corolint
