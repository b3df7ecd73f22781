//===--- SarifWriter.cpp - The findings as SARIF 2.1.0 --------------------===//

#include "Sources.h"
#include "Writers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/xxhash.h"
#include <map>

namespace corolint {

namespace {

std::string withSlash(llvm::StringRef Dir) {
  return Dir.ends_with("/") ? Dir.str() : (Dir + "/").str();
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
  llvm::json::Object Out{
      {"artifactLocation", artifact(Src.R.str(P.File), Root)}};
  if (P.Line == 0)
    return Out; // the file could not be read: no region rather than a wrong one
  llvm::StringRef Line = Src.line(P);
  unsigned Col =
      Line.empty() ? P.Col : 1 + utf16Units(Line.take_front(P.Col - 1));
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
    Changes.push_back(
        llvm::json::Object{{"artifactLocation", artifact(File, Root)},
                           {"replacements", std::move(Replacements)}});
  return llvm::json::Object{
      {"description", llvm::json::Object{{"text", Description}}},
      {"artifactChanges", std::move(Changes)}};
}

llvm::json::Object flowStep(const Place &P, llvm::StringRef Text,
                            llvm::StringRef Root, Sources &Src) {
  return llvm::json::Object{
      {"location",
       llvm::json::Object{{"physicalLocation", physical(P, Root, Src)},
                          {"message", llvm::json::Object{{"text", Text}}}}}};
}

/// The run's invocation: whether every file was analysed, with a
/// notification for each file that was not (an error) and for each that
/// was skipped (a note), where code scanning shows the tool's status.
llvm::json::Object invocation(const Results &R, llvm::StringRef Root) {
  llvm::json::Array Notes;
  auto Notify = [&](llvm::StringRef Level, llvm::StringRef Id,
                    llvm::StringRef File, std::string Text) {
    Notes.push_back(llvm::json::Object{
        {"level", Level},
        {"descriptor", llvm::json::Object{{"id", Id}}},
        {"message", llvm::json::Object{{"text", std::move(Text)}}},
        {"locations", llvm::json::Array{llvm::json::Object{
                          {"physicalLocation",
                           llvm::json::Object{{"artifactLocation",
                                               artifact(File, Root)}}}}}}});
  };
  for (const Failure &F : R.Failures)
    Notify("error", "file-not-analysed", F.File,
           F.File + " could not be analysed:\n" + llvm::join(F.Errors, "\n"));
  for (const std::string &File : R.Skipped)
    Notify("note", "file-skipped", File,
           File + " does not exist: skipped (--skip-missing-files)");
  return llvm::json::Object{{"executionSuccessful", R.Failures.empty()},
                            {"toolExecutionNotifications", std::move(Notes)}};
}

} // namespace

void writeSARIF(const Results &R, llvm::StringRef Root, llvm::raw_ostream &OS,
                llvm::StringRef DocsBase) {
  Sources Src(R);
  llvm::json::Array Rules;
  for (const CheckInfo &C : checkInfos())
    Rules.push_back(llvm::json::Object{
        {"id", C.Name},
        {"shortDescription", llvm::json::Object{{"text", C.Summary}}},
        {"fullDescription", llvm::json::Object{{"text", C.Help}}},
        {"help", llvm::json::Object{{"text", C.Help}, {"markdown", C.Help}}},
        {"helpUri", docsUrl(C, DocsBase)},
        {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
        {"properties",
         llvm::json::Object{
             {"tags", llvm::json::Array{"concurrency", "correctness"}},
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
          {"threadFlows", llvm::json::Array{llvm::json::Object{
                              {"locations", std::move(Flow)}}}}}};
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
      {"invocations", llvm::json::Array{invocation(R, Root)}},
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

} // namespace corolint
