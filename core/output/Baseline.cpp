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
  std::map<std::string, unsigned> B; // sorted
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

namespace {

/// Reads a baseline's JSON without a tree of the whole document (a million
/// entries would take gigabytes): the top object is scanned, its scalar
/// members and each entry of "findings" parsed on their own.
class BaselineReader {
public:
  explicit BaselineReader(llvm::StringRef Text) : Text(Text) {}

  /// Calls Entry for each element of "findings"; the version is Version.
  /// An error says what is wrong.
  llvm::Error
  read(llvm::function_ref<llvm::Error(const llvm::json::Value &)> Entry,
       std::optional<int64_t> &Version, bool &HasFindings) {
    size_t At = skipSpace(0);
    if (At >= Text.size() || Text[At] != '{')
      return notJSON("expected an object");
    At = skipSpace(At + 1);
    while (At < Text.size() && Text[At] != '}') {
      size_t KeyEnd = endOfValue(At);
      llvm::Expected<llvm::json::Value> Key =
          llvm::json::parse(Text.slice(At, KeyEnd));
      if (!Key || !Key->getAsString())
        return notJSON(Key ? "expected a key"
                           : llvm::toString(Key.takeError()));
      At = skipSpace(KeyEnd);
      if (At >= Text.size() || Text[At] != ':')
        return notJSON("expected ':'");
      At = skipSpace(At + 1);
      if (*Key->getAsString() == "findings" && At < Text.size() &&
          Text[At] == '[') {
        HasFindings = true;
        if (llvm::Error E = elements(At, Entry))
          return E;
      } else {
        size_t End = endOfValue(At);
        llvm::Expected<llvm::json::Value> V =
            llvm::json::parse(Text.slice(At, End));
        if (!V)
          return notJSON(llvm::toString(V.takeError()));
        if (*Key->getAsString() == "corolint-baseline")
          Version = V->getAsInteger();
        At = End;
      }
      At = skipSpace(At);
      if (At < Text.size() && Text[At] == ',')
        At = skipSpace(At + 1);
    }
    if (At >= Text.size() || skipSpace(At + 1) != Text.size())
      return notJSON("the object does not end where the text does");
    return llvm::Error::success();
  }

private:
  size_t skipSpace(size_t At) const {
    while (At < Text.size() && llvm::StringRef(" \t\r\n").contains(Text[At]))
      ++At;
    return At;
  }

  /// Where the value at At ends: after its closing bracket or quote, or at
  /// the next ',', '}' or ']' outside strings.
  size_t endOfValue(size_t At) const {
    unsigned Depth = 0;
    bool InString = false;
    for (; At < Text.size(); ++At) {
      char C = Text[At];
      if (InString) {
        if (C == '\\') {
          ++At;
        } else if (C == '"') {
          InString = false;
          if (Depth == 0)
            return At + 1;
        }
        continue;
      }
      if (C == '"') {
        InString = true;
      } else if (C == '{' || C == '[') {
        ++Depth;
      } else if ((C == '}' || C == ']') && Depth) {
        --Depth;
        if (Depth == 0)
          return At + 1;
      } else if (!Depth && (C == ',' || C == '}' || C == ']')) {
        return At;
      }
    }
    return At;
  }

  /// The array at At, each element parsed alone; At ends after it.
  llvm::Error
  elements(size_t &At,
           llvm::function_ref<llvm::Error(const llvm::json::Value &)> Entry) {
    At = skipSpace(At + 1);
    while (At < Text.size() && Text[At] != ']') {
      size_t End = endOfValue(At);
      llvm::Expected<llvm::json::Value> V =
          llvm::json::parse(Text.slice(At, End));
      if (!V)
        return notJSON(llvm::toString(V.takeError()));
      if (llvm::Error E = Entry(*V))
        return E;
      At = skipSpace(End);
      if (At < Text.size() && Text[At] == ',')
        At = skipSpace(At + 1);
    }
    if (At >= Text.size())
      return notJSON("the findings do not end");
    ++At;
    return llvm::Error::success();
  }

  llvm::Error notJSON(const llvm::Twine &Why) const {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "is not JSON: " + Why);
  }

  llvm::StringRef Text;
};

} // namespace

llvm::Expected<Baseline> readBaseline(llvm::StringRef Path) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the baseline %s %s", Path.str().c_str(),
                                   Why.str().c_str());
  };
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return Fail("cannot be read: " + Buffer.getError().message());
  Baseline B;
  std::optional<int64_t> Version;
  bool HasFindings = false;
  auto Entry = [&](const llvm::json::Value &E) -> llvm::Error {
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
    return llvm::Error::success();
  };
  if (llvm::Error E = BaselineReader((*Buffer)->getBuffer())
                          .read(Entry, Version, HasFindings)) {
    std::string Why = llvm::toString(std::move(E));
    // The entries' own errors are whole already.
    if (!llvm::StringRef(Why).starts_with("is not JSON"))
      return llvm::createStringError(llvm::inconvertibleErrorCode(), Why);
    return Fail(Why);
  }
  if (Version != BaselineVersion || !HasFindings)
    return Fail("is not a corolint baseline (written by --write-baseline)");
  return B;
}

BaselineUse applyBaseline(Results &R, Baseline &B, llvm::StringRef Root) {
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
    Use.Stale += Entry.getValue();
  return Use;
}

} // namespace corolint
