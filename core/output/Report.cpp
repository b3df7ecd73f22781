//===--- Report.cpp - From every file's facts to the findings -------------===//

#include "Report.h"
#include "Fixes.h"
#include "WriteFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include <map>
#include <set>

namespace corolint {

static Reported report(Finding F, const StringPool &S) {
  std::vector<Message> Messages = render(F, S);
  return {std::move(F), std::move(Messages)};
}

void collectFindings(Program &P, Results &R) {
  R.Strings = &P.Strings;
  // One finding per check, place and name called, however many files report
  // it (a header's) and whichever chain each found: a file's own finding
  // before a chain through other files.
  std::set<std::tuple<CheckId, StrId, unsigned, StrId>> Seen;
  auto Add = [&](Finding F) {
    if (Seen.insert({F.Check, F.At.File, F.At.Offset, F.Called}).second)
      R.Findings.push_back(report(std::move(F), P.Strings));
  };
  for (Finding &F : P.Findings)
    Add(std::move(F));
  for (const Candidate &C : P.Candidates)
    if (std::optional<Finding> F = P.resolve(C)) {
      if (C.Hidden)
        R.Hidden.insert({F->Check, F->At.File, F->At.Offset});
      else
        Add(std::move(*F));
    }
  P.Findings.clear();
  P.Candidates.clear();
  for (const Reported &Rep : R.Findings)
    R.Hidden.erase({Rep.F.Check, Rep.F.At.File, Rep.F.At.Offset});
  llvm::sort(R.Findings, [&](const Reported &L, const Reported &Rt) {
    const Place &A = L.F.At, &B = Rt.F.At;
    return std::make_tuple(R.str(A.File), A.Line, A.Col,
                           checkInfo(L.F.Check).Name, L.Messages[0].Text) <
           std::make_tuple(R.str(B.File), B.Line, B.Col,
                           checkInfo(Rt.F.Check).Name, Rt.Messages[0].Text);
  });
}

namespace {

/// The texts of source files, reading each file once.
class Sources {
public:
  explicit Sources(const Results &R) : R(R) {}

  /// The text of File; nothing when it cannot be read.
  std::optional<llvm::StringRef> text(llvm::StringRef File) {
    auto [It, New] = Files.try_emplace(File);
    if (New)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File))
        It->second = std::move(*Buffer);
    if (!It->second)
      return std::nullopt;
    return It->second->getBuffer();
  }

  /// The line P is on, without its newline.
  llvm::StringRef line(const Place &P) {
    std::optional<llvm::StringRef> All = text(R.str(P.File));
    if (!All || P.Offset > All->size())
      return "";
    llvm::StringRef Text = *All;
    // The line's start: after the last newline before the offset.
    size_t Start = Text.take_front(P.Offset).rfind('\n');
    Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
    size_t End = Text.find('\n', P.Offset);
    return Text.slice(Start, End).rtrim("\r");
  }

  const Results &R;

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Files;
};

void printMessage(llvm::raw_ostream &OS, Sources &Src, const Message &M,
                  llvm::StringRef Check, bool AsError, bool Colour) {
  llvm::StringRef Level = M.note() ? "note" : AsError ? "error" : "warning";
  auto Bold = [&] {
    if (Colour)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  };
  auto Reset = [&] {
    if (Colour)
      OS.resetColor();
  };
  Bold();
  if (M.At.valid())
    OS << Src.R.str(M.At.File) << ":" << M.At.Line << ":" << M.At.Col << ": ";
  if (Colour)
    OS.changeColor(M.note()  ? llvm::raw_ostream::BLACK
                   : AsError ? llvm::raw_ostream::RED
                             : llvm::raw_ostream::MAGENTA,
                   /*Bold=*/true);
  OS << Level << ": ";
  Reset();
  Bold();
  OS << M.Text;
  if (!M.note())
    OS << " [" << Check << (AsError ? ",-warnings-as-errors" : "") << "]";
  Reset();
  OS << "\n";
  if (!M.At.valid())
    return;
  llvm::StringRef Line = Src.line(M.At);
  if (Line.empty())
    return;
  OS << Line << "\n";
  std::string Caret;
  for (unsigned I = 1; I < M.At.Col && I <= Line.size(); ++I)
    Caret += Line[I - 1] == '\t' ? '\t' : ' ';
  Caret += '^';
  if (Colour)
    OS.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
  OS << Caret;
  Reset();
  OS << "\n";
  // As clang shows a fix-it: its text under what it replaces, when it is one
  // line of text on this line.
  uint64_t LineStart = uint64_t(M.At.Offset) - (M.At.Col - 1);
  for (const Edit &E : M.Fixes) {
    if (E.At.File != M.At.File || E.At.Offset < LineStart ||
        uint64_t(E.At.Offset) + E.Length > LineStart + Line.size() ||
        llvm::StringRef(E.Text).contains('\n'))
      continue;
    std::string Indent;
    for (uint64_t I = LineStart; I < E.At.Offset; ++I)
      Indent += Line[I - LineStart] == '\t' ? '\t' : ' ';
    if (Colour)
      OS.changeColor(llvm::raw_ostream::GREEN);
    OS << Indent << E.Text;
    Reset();
    OS << "\n";
  }
}

} // namespace

void printText(const Results &R, llvm::raw_ostream &OS, bool Colour) {
  Sources Src(R);
  for (const Reported &F : R.Findings)
    for (const Message &M : F.Messages)
      printMessage(OS, Src, M, checkInfo(F.F.Check).Name, F.AsError, Colour);
}

namespace {

llvm::json::Value place(const Results &R, const Place &P) {
  if (!P.valid())
    return nullptr;
  return llvm::json::Object{{"file", R.str(P.File)},
                            {"line", P.Line},
                            {"column", P.Col},
                            {"offset", P.Offset}};
}

llvm::json::Value fixes(const Results &R, const std::vector<Edit> &Edits) {
  llvm::json::Array A;
  for (const Edit &E : Edits)
    A.push_back(llvm::json::Object{{"file", R.str(E.At.File)},
                                   {"offset", E.At.Offset},
                                   {"length", E.Length},
                                   {"replacement", E.Text}});
  return A;
}

} // namespace

void printJSON(const Results &R, llvm::raw_ostream &OS) {
  llvm::json::Array Findings, Failures;
  for (const Reported &F : R.Findings) {
    const Message &Warning = F.Messages.front();
    llvm::json::Array Notes;
    for (const Message &N : llvm::ArrayRef(F.Messages).drop_front())
      Notes.push_back(llvm::json::Object{{"message", N.Text},
                                         {"location", place(R, N.At)},
                                         {"fixes", fixes(R, N.Fixes)}});
    Findings.push_back(llvm::json::Object{
        {"check", checkInfo(F.F.Check).Name},
        {"level", F.AsError ? "error" : "warning"},
        {"message", Warning.Text},
        {"location", place(R, Warning.At)},
        {"function", R.str(F.F.Coro.Qualified)},
        {"called", R.str(F.F.Called)},
        {"fixes", fixes(R, Warning.Fixes)},
        {"notes", std::move(Notes)}});
  }
  for (const Failure &F : R.Failures)
    Failures.push_back(
        llvm::json::Object{{"file", F.File}, {"errors", F.Errors}});
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"files", R.Files},
                                   {"findings", std::move(Findings)},
                                   {"suppressed", R.Hidden.size()},
                                   {"failed", std::move(Failures)}}))
     << "\n";
}

namespace {

std::string withSlash(llvm::StringRef Dir) {
  return Dir.ends_with("/") ? Dir.str() : (Dir + "/").str();
}

/// Path relative to Root when it is under it.
std::optional<std::string> relativeTo(llvm::StringRef Path, llvm::StringRef Root) {
  std::string Prefix = withSlash(Root);
  if (Root.empty() || !Path.starts_with(Prefix))
    return std::nullopt;
  return Path.drop_front(Prefix.size()).str();
}

std::string uriEscape(llvm::StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(static_cast<unsigned char>(C), false, 2);
  }
  return Out;
}

llvm::json::Object artifact(llvm::StringRef File, llvm::StringRef Root) {
  if (std::optional<std::string> Rel = relativeTo(File, Root))
    return llvm::json::Object{{"uri", uriEscape(*Rel)},
                              {"uriBaseId", "%SRCROOT%"}};
  return llvm::json::Object{{"uri", "file://" + uriEscape(File)}};
}

/// UTF-16 code units in UTF-8 text, which SARIF's columns and offsets count
/// (columnKind utf16CodeUnits); clang counts bytes.
unsigned utf16Units(llvm::StringRef Bytes) {
  unsigned N = 0;
  for (unsigned char C : Bytes)
    if ((C & 0xC0) != 0x80) // not a continuation byte
      N += C >= 0xF0 ? 2 : 1;
  return N;
}

llvm::json::Object physical(const Place &P, llvm::StringRef Root,
                            Sources &Src) {
  llvm::json::Object Out{{"artifactLocation",
                          artifact(Src.R.str(P.File), Root)}};
  if (P.Line == 0)
    return Out; // the file could not be read: no region rather than a wrong one
  llvm::StringRef Line = Src.line(P);
  unsigned Col = Line.empty() ? P.Col
                              : 1 + utf16Units(Line.take_front(P.Col - 1));
  Out["region"] =
      llvm::json::Object{{"startLine", P.Line}, {"startColumn", Col}};
  return Out;
}

llvm::json::Object fix(llvm::StringRef Description,
                       const std::vector<Edit> &Edits, llvm::StringRef Root,
                       Sources &Src) {
  std::map<std::string, llvm::json::Array> ByFile;
  for (const Edit &E : Edits) {
    llvm::StringRef File = Src.R.str(E.At.File);
    uint64_t Offset = E.At.Offset, Length = E.Length;
    std::optional<llvm::StringRef> Text = Src.text(File);
    if (Text && Offset + Length <= Text->size()) {
      Offset = utf16Units(Text->take_front(E.At.Offset));
      Length = utf16Units(Text->substr(E.At.Offset, E.Length));
    }
    ByFile[File.str()].push_back(llvm::json::Object{
        {"deletedRegion",
         llvm::json::Object{{"charOffset", static_cast<int64_t>(Offset)},
                            {"charLength", static_cast<int64_t>(Length)}}},
        {"insertedContent", llvm::json::Object{{"text", E.Text}}}});
  }
  llvm::json::Array Changes;
  for (auto &[File, Replacements] : ByFile)
    Changes.push_back(llvm::json::Object{
        {"artifactLocation", artifact(File, Root)},
        {"replacements", std::move(Replacements)}});
  return llvm::json::Object{{"description", llvm::json::Object{{"text", Description}}},
          {"artifactChanges", std::move(Changes)}};
}

llvm::json::Object flowStep(const Place &P, llvm::StringRef Text,
                            llvm::StringRef Root, Sources &Src) {
  return llvm::json::Object{
      {"location",
       llvm::json::Object{{"physicalLocation", physical(P, Root, Src)},
                          {"message", llvm::json::Object{{"text", Text}}}}}};
}

} // namespace

std::string findingKey(const Results &R, const Reported &F,
                       llvm::StringRef Root) {
  llvm::StringRef Path = R.str(F.F.At.File);
  std::string File = relativeTo(Path, Root).value_or(Path.str());
  return (checkInfo(F.F.Check).Name + "\t" + File + "\t" +
          R.str(F.F.Coro.Qualified) + "\t" + R.str(F.F.Called))
      .str();
}

void printSARIF(const Results &R, llvm::StringRef Root, llvm::raw_ostream &OS) {
  Sources Src(R);
  llvm::json::Array Rules;
  for (const CheckInfo &C : checkInfos())
    Rules.push_back(llvm::json::Object{
        {"id", C.Name},
        {"shortDescription", llvm::json::Object{{"text", C.Summary}}},
        {"fullDescription", llvm::json::Object{{"text", C.Help}}},
        {"help", llvm::json::Object{{"text", C.Help}, {"markdown", C.Help}}},
        {"helpUri", docsUrl(C)},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
        {"properties",
         llvm::json::Object{{"tags", llvm::json::Array{"concurrency",
                                                       "correctness"}},
                            {"precision", "high"},
                            {"problem.severity", "warning"}}}});
  llvm::json::Array Results;
  llvm::StringMap<unsigned> Occurrences;
  for (const Reported &F : R.Findings) {
    const Message &Warning = F.Messages.front();
    llvm::StringRef Check = checkInfo(F.F.Check).Name;
    llvm::json::Object Result{
        {"ruleId", Check},
        {"level", F.AsError ? "error" : "warning"},
        {"message", llvm::json::Object{{"text", Warning.Text}}},
        {"locations",
         llvm::json::Array{llvm::json::Object{
             {"physicalLocation", physical(Warning.At, Root, Src)}}}}};
    for (size_t I = 0; I < checkInfos().size(); ++I)
      if (checkInfos()[I].Id == F.F.Check)
        Result["ruleIndex"] = static_cast<int64_t>(I);
    llvm::json::Array Related, Fixes;
    for (size_t I = 1; I < F.Messages.size(); ++I) {
      const Message &N = F.Messages[I];
      if (!N.At.valid())
        continue;
      Related.push_back(llvm::json::Object{
          {"id", static_cast<int64_t>(I)},
          {"physicalLocation", physical(N.At, Root, Src)},
          {"message", llvm::json::Object{{"text", N.Text}}}});
      if (!N.Fixes.empty())
        Fixes.push_back(fix(N.Text, N.Fixes, Root, Src));
    }
    if (!Warning.Fixes.empty())
      Fixes.insert(Fixes.begin(), fix(Warning.Text, Warning.Fixes, Root, Src));
    // A chain: the call in the coroutine, then each hop down to the
    // blocking call.
    if (F.F.chain()) {
      llvm::json::Array Flow{flowStep(Warning.At, Warning.Text, Root, Src)};
      for (const Message &N : F.Messages)
        if (N.What == Message::Role::Hop && N.At.valid())
          Flow.push_back(flowStep(N.At, N.Text, Root, Src));
      Result["codeFlows"] = llvm::json::Array{llvm::json::Object{
          {"threadFlows",
           llvm::json::Array{llvm::json::Object{{"locations", std::move(Flow)}}}}}};
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!Fixes.empty())
      Result["fixes"] = std::move(Fixes);
    std::string Key = findingKey(R, F, Root);
    Key += "\t" + std::to_string(Occurrences[Key]++);
    Result["partialFingerprints"] = llvm::json::Object{
        {"corolintFinding/v1", llvm::utohexstr(llvm::xxh3_64bits(Key))}};
    Results.push_back(std::move(Result));
  }
  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver", llvm::json::Object{{"name", "corolint"},
                                         {"semanticVersion", COROLINT_VERSION},
                                         {"rules", std::move(Rules)}}}}},
      {"results", std::move(Results)},
      {"columnKind", "utf16CodeUnits"}};
  if (!Root.empty()) {
    Run["originalUriBaseIds"] = llvm::json::Object{
        {"%SRCROOT%",
         llvm::json::Object{{"uri", "file://" + uriEscape(withSlash(Root))}}}};
  }
  OS << llvm::formatv(
            "{0:2}",
            llvm::json::Value(llvm::json::Object{
                {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", llvm::json::Array{std::move(Run)}}}))
     << "\n";
}

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
  llvm::Expected<llvm::json::Value> V = llvm::json::parse((*Buffer)->getBuffer());
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
