//===--- Report.cpp - From every file's facts to the findings -------------===//

#include "Report.h"
#include "CheckInfo.h"
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

namespace {

Message message(const FactLoc &Loc, const std::string &Text) {
  Message M;
  M.Loc = Loc;
  M.Text = Text;
  return M;
}

bool before(const Finding &L, const Finding &R) {
  const FactLoc &A = L.Warning.Loc, &B = R.Warning.Loc;
  return std::tie(A.File, A.Line, A.Col, L.Check, L.Warning.Text) <
         std::tie(B.File, B.Line, B.Col, R.Check, R.Warning.Text);
}

} // namespace

Results merge(std::vector<FileFacts> &All) {
  Results R;
  FactsIndex Index;
  for (FileFacts &F : All) {
    ++R.Files;
    if (!F.Parsed) {
      R.Failures.push_back({F.File, F.Errors});
      continue;
    }
    for (const FactGraph &G : F.Graphs)
      Index.add(G);
    R.Inputs.insert(F.Inputs.begin(), F.Inputs.end());
  }
  // One finding per check, place and name called, however many files report
  // it (a header's) and whichever chain each found.
  std::set<std::tuple<std::string, std::string, unsigned, std::string>> Seen;
  auto Add = [&](Finding F) {
    if (Seen.insert({F.Check, F.Warning.Loc.File, F.Warning.Loc.Offset,
                     F.Called})
            .second)
      R.Findings.push_back(std::move(F));
  };
  for (FileFacts &F : All) {
    if (!F.Parsed)
      continue;
    for (Finding &X : F.Findings)
      Add(std::move(X));
    for (const Candidate &C : F.Candidates) {
      FactChain Chain = Index.chain(C.Check, C.CalleeUsr, C.Kind);
      if (!Chain.End)
        continue;
      Report Rep = describe(C, Chain);
      Finding X;
      X.Check = C.Check;
      X.Warning = message(Rep.Loc, Rep.Message);
      for (auto &[Loc, Text] : Rep.Notes)
        X.Notes.push_back(message(Loc, Text));
      X.Function = C.Function;
      X.Called = C.Called;
      Add(std::move(X));
    }
  }
  llvm::sort(R.Findings, before);
  return R;
}

namespace {

/// The texts of source files, reading each file once.
class Sources {
public:
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

  /// The line L is on, without its newline.
  llvm::StringRef line(const FactLoc &L) {
    std::optional<llvm::StringRef> All = text(L.File);
    if (!All || L.Offset > All->size())
      return "";
    llvm::StringRef Text = *All;
    // The line's start: after the last newline before the offset.
    size_t Start = Text.take_front(L.Offset).rfind('\n');
    Start = Start == llvm::StringRef::npos ? 0 : Start + 1;
    size_t End = Text.find('\n', L.Offset);
    return Text.slice(Start, End).rtrim("\r");
  }

private:
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Files;
};

void printMessage(llvm::raw_ostream &OS, Sources &Src, const Message &M,
                  llvm::StringRef Level, llvm::StringRef Check, bool Colour) {
  auto Bold = [&] {
    if (Colour)
      OS.changeColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
  };
  auto Reset = [&] {
    if (Colour)
      OS.resetColor();
  };
  Bold();
  if (M.Loc.valid())
    OS << M.Loc.File << ":" << M.Loc.Line << ":" << M.Loc.Col << ": ";
  if (Colour)
    OS.changeColor(Level == "warning" ? llvm::raw_ostream::MAGENTA
                                      : llvm::raw_ostream::BLACK,
                   /*Bold=*/true);
  OS << Level << ": ";
  Reset();
  Bold();
  OS << M.Text;
  if (!Check.empty())
    OS << " [" << Check << "]";
  Reset();
  OS << "\n";
  if (!M.Loc.valid())
    return;
  llvm::StringRef Line = Src.line(M.Loc);
  if (Line.empty())
    return;
  OS << Line << "\n";
  std::string Caret;
  for (unsigned I = 1; I < M.Loc.Col && I <= Line.size(); ++I)
    Caret += Line[I - 1] == '\t' ? '\t' : ' ';
  Caret += '^';
  if (Colour)
    OS.changeColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
  OS << Caret;
  Reset();
  OS << "\n";
  // As clang shows a fix-it: its text under what it replaces, when it is one
  // line of text on this line.
  unsigned LineStart = M.Loc.Offset - (M.Loc.Col - 1);
  for (const Edit &E : M.Fixes) {
    if (E.File != M.Loc.File || E.Offset < LineStart ||
        E.Offset + E.Length > LineStart + Line.size() ||
        llvm::StringRef(E.Text).contains('\n'))
      continue;
    std::string Indent;
    for (unsigned I = LineStart; I < E.Offset; ++I)
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
  Sources Src;
  for (const Finding &F : R.Findings) {
    printMessage(OS, Src, F.Warning, "warning", F.Check, Colour);
    for (const Message &N : F.Notes)
      printMessage(OS, Src, N, "note", "", Colour);
  }
}

static llvm::json::Value place(const FactLoc &L) {
  if (!L.valid())
    return nullptr;
  return llvm::json::Object{
      {"file", L.File}, {"line", L.Line}, {"column", L.Col}, {"offset", L.Offset}};
}

static llvm::json::Value fixes(const std::vector<Edit> &Edits) {
  llvm::json::Array A;
  for (const Edit &E : Edits)
    A.push_back(llvm::json::Object{{"file", E.File},
                                   {"offset", E.Offset},
                                   {"length", E.Length},
                                   {"replacement", E.Text}});
  return A;
}

void printJSON(const Results &R, llvm::raw_ostream &OS) {
  llvm::json::Array Findings, Failures;
  for (const Finding &F : R.Findings) {
    llvm::json::Array Notes;
    for (const Message &N : F.Notes)
      Notes.push_back(llvm::json::Object{{"message", N.Text},
                                         {"location", place(N.Loc)},
                                         {"fixes", fixes(N.Fixes)}});
    Findings.push_back(llvm::json::Object{
        {"check", F.Check},
        {"message", F.Warning.Text},
        {"location", place(F.Warning.Loc)},
        {"function", F.Function},
        {"called", F.Called},
        {"fixes", fixes(F.Warning.Fixes)},
        {"notes", std::move(Notes)}});
  }
  for (const Failure &F : R.Failures)
    Failures.push_back(
        llvm::json::Object{{"file", F.File}, {"errors", F.Errors}});
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"files", R.Files},
                                   {"findings", std::move(Findings)},
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

llvm::json::Object physical(const FactLoc &L, llvm::StringRef Root,
                            Sources &Src) {
  llvm::json::Object P{{"artifactLocation", artifact(L.File, Root)}};
  if (L.Line == 0)
    return P; // the file could not be read: no region rather than a wrong one
  llvm::StringRef Line = Src.line(L);
  unsigned Col = Line.empty() ? L.Col
                              : 1 + utf16Units(Line.take_front(L.Col - 1));
  P["region"] =
      llvm::json::Object{{"startLine", L.Line}, {"startColumn", Col}};
  return P;
}

llvm::json::Object fix(llvm::StringRef Description,
                       const std::vector<Edit> &Edits, llvm::StringRef Root,
                       Sources &Src) {
  std::map<std::string, llvm::json::Array> ByFile;
  for (const Edit &E : Edits) {
    unsigned Offset = E.Offset, Length = E.Length;
    std::optional<llvm::StringRef> Text = Src.text(E.File);
    if (Text && E.Offset + E.Length <= Text->size()) {
      Offset = utf16Units(Text->take_front(E.Offset));
      Length = utf16Units(Text->substr(E.Offset, E.Length));
    }
    ByFile[E.File].push_back(llvm::json::Object{
        {"deletedRegion",
         llvm::json::Object{{"charOffset", Offset}, {"charLength", Length}}},
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

} // namespace

std::string findingKey(const Finding &F, llvm::StringRef Root) {
  std::string File =
      relativeTo(F.Warning.Loc.File, Root).value_or(F.Warning.Loc.File);
  return F.Check + "\t" + File + "\t" + F.Function + "\t" + F.Called;
}

void printSARIF(const Results &R, llvm::StringRef Root, llvm::raw_ostream &OS) {
  Sources Src;
  llvm::json::Array Rules;
  llvm::StringMap<unsigned> RuleIndex;
  for (const CheckInfo &C : checkInfos()) {
    RuleIndex[C.Name] = Rules.size();
    Rules.push_back(llvm::json::Object{
        {"id", C.Name},
        {"shortDescription", llvm::json::Object{{"text", C.Summary}}},
        {"fullDescription", llvm::json::Object{{"text", C.Help}}},
        {"help", llvm::json::Object{{"text", C.Help}, {"markdown", C.Help}}},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
        {"properties",
         llvm::json::Object{{"tags", llvm::json::Array{"concurrency",
                                                       "correctness"}},
                            {"precision", "high"},
                            {"problem.severity", "warning"}}}});
  }
  llvm::json::Array Results;
  llvm::StringMap<unsigned> Occurrences;
  for (const Finding &F : R.Findings) {
    llvm::json::Object Result{
        {"ruleId", F.Check},
        {"level", "warning"},
        {"message", llvm::json::Object{{"text", F.Warning.Text}}},
        {"locations",
         llvm::json::Array{llvm::json::Object{
             {"physicalLocation", physical(F.Warning.Loc, Root, Src)}}}}};
    auto Rule = RuleIndex.find(F.Check);
    if (Rule != RuleIndex.end())
      Result["ruleIndex"] = Rule->second;
    llvm::json::Array Related, Flow, Fixes;
    for (size_t I = 0; I < F.Notes.size(); ++I) {
      const Message &N = F.Notes[I];
      if (!N.Loc.valid())
        continue;
      Related.push_back(llvm::json::Object{
          {"id", static_cast<int64_t>(I + 1)},
          {"physicalLocation", physical(N.Loc, Root, Src)},
          {"message", llvm::json::Object{{"text", N.Text}}}});
      if (!N.Fixes.empty())
        Fixes.push_back(fix(N.Text, N.Fixes, Root, Src));
    }
    if (!F.Warning.Fixes.empty())
      Fixes.insert(Fixes.begin(), fix(F.Warning.Text, F.Warning.Fixes, Root, Src));
    // A chain: the call in the coroutine, then each hop down to the
    // blocking call, as the notes give them.
    if (llvm::StringRef(F.Warning.Text).starts_with("call to ")) {
      Flow.push_back(llvm::json::Object{
          {"location",
           llvm::json::Object{
               {"physicalLocation", physical(F.Warning.Loc, Root, Src)},
               {"message", llvm::json::Object{{"text", F.Warning.Text}}}}}});
      for (const Message &N : F.Notes)
        if (N.Loc.valid() && llvm::StringRef(N.Text).contains(" calls "))
          Flow.push_back(llvm::json::Object{
              {"location",
               llvm::json::Object{
                   {"physicalLocation", physical(N.Loc, Root, Src)},
                   {"message", llvm::json::Object{{"text", N.Text}}}}}});
      Result["codeFlows"] = llvm::json::Array{llvm::json::Object{
          {"threadFlows",
           llvm::json::Array{llvm::json::Object{{"locations", std::move(Flow)}}}}}};
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!Fixes.empty())
      Result["fixes"] = std::move(Fixes);
    std::string Key = findingKey(F, Root);
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
  for (const Finding &F : R.Findings)
    ++B[findingKey(F, Root)];
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

unsigned applyBaseline(Results &R, Baseline B, llvm::StringRef Root) {
  unsigned Dropped = 0;
  std::vector<Finding> Kept;
  for (Finding &F : R.Findings) {
    auto It = B.find(findingKey(F, Root));
    if (It != B.end() && It->second > 0) {
      --It->second;
      ++Dropped;
      continue;
    }
    Kept.push_back(std::move(F));
  }
  R.Findings = std::move(Kept);
  return Dropped;
}

} // namespace corolint
