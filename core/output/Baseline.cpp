//===--- Baseline.cpp - Findings accepted for now -------------------------===//

#include "Baseline.h"
#include "WriteFile.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

namespace corolint {

namespace {
constexpr int BaselineVersion = 1;
constexpr llvm::StringLiteral KeyFields[] = {"check", "file", "function",
                                             "called"};
} // namespace

llvm::Error writeBaseline(const Results &R, llvm::StringRef Root,
                          llvm::StringRef Path) {
  Baseline B;
  for (const Reported &F : R.Findings)
    ++B[findingKey(R, F, Root)];
  llvm::json::Array Entries;
  for (const auto &[Key, Count] : B) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(Key).split(Parts, '\t');
    llvm::json::Object Entry;
    for (size_t I = 0; I < Parts.size() && I < std::size(KeyFields); ++I)
      Entry[KeyFields[I]] = Parts[I];
    Entry["count"] = Count;
    Entries.push_back(std::move(Entry));
  }
  std::string Text;
  llvm::raw_string_ostream(Text)
      << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                    {"corolint-baseline", BaselineVersion},
                                    {"findings", std::move(Entries)}}))
      << "\n";
  return writeFileAtomically(Path, Text);
}

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the baseline %s %s", Path.str().c_str(),
                                   Why.str().c_str());
  };
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return Fail("cannot be read: " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> V =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!V)
    return Fail("is not JSON: " + llvm::toString(V.takeError()));
  const llvm::json::Object *O = V->getAsObject();
  if (!O || O->getInteger("corolint-baseline") != BaselineVersion ||
      !O->getArray("findings"))
    return Fail("is not a corolint baseline (written by --write-baseline)");
  Baseline B;
  for (const llvm::json::Value &E : *O->getArray("findings")) {
    const llvm::json::Object *Entry = E.getAsObject();
    if (!Entry)
      return Fail("has an entry that is not an object");
    std::string Key;
    for (llvm::StringRef Field : KeyFields) {
      std::optional<llvm::StringRef> Part = Entry->getString(Field);
      if (!Part)
        return Fail("has an entry without \"" + Field + "\"");
      Key += (Key.empty() ? "" : "\t") + Part->str();
    }
    std::optional<int64_t> Count = Entry->getInteger("count");
    if (!Count || *Count < 1)
      return Fail("has an entry without a positive \"count\"");
    B[Key] += *Count;
  }
  return B;
}

BaselineUse applyBaseline(Results &R, Baseline B, llvm::StringRef Root) {
  BaselineUse Use;
  std::vector<Reported> Kept;
  for (Reported &F : R.Findings) {
    auto It = B.find(findingKey(R, F, Root));
    if (It != B.end() && It->second > 0) {
      --It->second;
      ++Use.Matched;
      continue;
    }
    Kept.push_back(std::move(F));
  }
  R.Findings = std::move(Kept);
  for (const auto &Entry : B)
    Use.Stale += Entry.second;
  return Use;
}

} // namespace corolint
