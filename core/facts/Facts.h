//===--- Facts.h - What one translation unit tells the whole program -----===//
//
// clang-tidy sees one file at a time. To find chains that cross files, the
// standalone corolint has each file's worker record the file's facts: its
// graph (every function it defines outside system headers, by USR, with its
// calls and its first blocking call of each kind), its findings, and its
// candidates (calls whose chain may pass through another file), plus the
// files it read. A facts file is written and read a line at a time (JSON
// Lines), each string once before its first use, enums by name, so that
// neither side holds more than one record's worth of JSON.
//
//===----------------------------------------------------------------------===//

#ifndef COROLINT_FACTS_FACTS_H
#define COROLINT_FACTS_FACTS_H

#include "Finding.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <string>
#include <vector>

namespace corolint {

class Encoder;

/// The version of the facts format.
constexpr int FactsFormatVersion = 9;

/// Where the facts of SourceFile go in a facts directory or the cache:
/// Dir/<hash of its path>.json.
std::string factsFilePath(llvm::StringRef Dir, llvm::StringRef SourceFile);

/// The facts files in Dir (every *.json), sorted.
llvm::Expected<std::vector<std::string>> factsFilesIn(llvm::StringRef Dir);

/// A file read and a hash of its text.
using Input = std::pair<std::string, uint64_t>;

/// Text as facts files write it: a JSON string where it is UTF-8, else
/// {"hex": ...}, so that any file name or source text is kept byte for byte.
llvm::json::Value textJSON(llvm::StringRef Text);
/// The same, written to J.
void writeText(llvm::json::OStream &J, llvm::StringRef Text);
/// The text TextJSON wrote, or nothing.
std::optional<std::string> textFromJSON(const llvm::json::Value &V);

/// One file's facts, read back. The strings are in the pool they were read
/// with.
struct FileFacts {
  std::string File;
  /// False when the file did not compile; Errors say why, and there are no
  /// graphs, findings or candidates.
  bool Parsed = false;
  std::vector<std::string> Errors;
  /// What the checks said of their options (a bad pattern, say).
  std::vector<std::string> ConfigErrors;
  /// The files it was parsed from; empty when no check ran.
  std::vector<Input> Inputs;
  /// A graph per set of options (by fingerprint) the checks used.
  std::vector<std::pair<StrId, Graph>> Graphs;
  std::vector<Finding> Findings;
  std::vector<Candidate> Candidates;
  /// The findings in headers that the header filter leaves out (once it is
  /// applied, by hideOutside): their check and place, to be counted.
  std::vector<std::pair<CheckId, Place>> Hidden;
};

/// Applies a header filter to F's findings and candidates, whose strings
/// are in S: those whose place Shows rejects are only counted (a finding
/// moves to F.Hidden, a candidate is marked Hidden). Facts are recorded
/// with every header shown, so that the filter is an option of the report.
void hideOutside(FileFacts &F, const StringPool &S,
                 llvm::function_ref<bool(llvm::StringRef Path)> Shows);

/// Writes a facts file.
class FactsWriter {
public:
  /// Starts the facts of SourceFile on OS.
  FactsWriter(llvm::raw_ostream &OS, llvm::StringRef SourceFile);

  void inputs(llvm::ArrayRef<Input> Files);
  /// G, made under the options whose fingerprint is Options. Its places
  /// are resolved.
  void graph(const Graph &G, llvm::StringRef Options);
  void finding(const Finding &F, const StringPool &S);
  void candidate(const Candidate &C, const StringPool &S);
  void error(llvm::StringRef Text);
  void configError(llvm::StringRef Text);
  /// Ends the file: a file without its end was cut short.
  void end(bool Parsed);

  /// The number in this file of Pool's string Id, written before its first
  /// use. A pool's strings are numbered by id, not by text: the same text
  /// in two pools is written twice.
  uint32_t string(const StringPool &Pool, StrId Id);

private:
  void line(const llvm::json::Value &V);
  /// A line as Write writes it, after the lines of the strings it names
  /// first.
  void line(llvm::function_ref<void(llvm::json::OStream &)> Write);
  /// A line {Key: part}, the part written by Write with S's strings.
  void part(llvm::StringRef Key, const StringPool &S,
            llvm::function_ref<void(const Encoder &)> Write);

  static constexpr uint32_t NotWritten = ~0u;
  llvm::raw_ostream &OS;
  /// Each pool's strings' numbers (by the pool's identity), by id.
  llvm::DenseMap<uint64_t, std::vector<uint32_t>> Written;
  uint32_t Count = 0;
  std::string Line; // the line being written
};

/// What readFacts reads of a file's facts. A graph's functions are most of
/// a file's facts, and only a candidate needs them (or a rewrite across
/// files): without one in the whole program, they are left unread, and so
/// are the strings only they name.
enum class FactsPart : bool { All, AllButGraphs };

/// Reads the facts in Text (from Name, for messages), interning the
/// strings they name in S. Facts are input: anything malformed, out of
/// range or cut short is an error that names Name, never a crash (a
/// graph's functions, left unread, are only counted).
llvm::Expected<FileFacts> readFacts(llvm::StringRef Text, llvm::StringRef Name,
                                    StringPool &S,
                                    FactsPart Part = FactsPart::All);

} // namespace corolint

#endif // COROLINT_FACTS_FACTS_H
