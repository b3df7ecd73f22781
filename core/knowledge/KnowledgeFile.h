//===--- KnowledgeFile.h - Knowledge files, read into rows ----------------===//

#ifndef COROLINT_KNOWLEDGE_KNOWLEDGEFILE_H
#define COROLINT_KNOWLEDGE_KNOWLEDGEFILE_H

#include "Knowledge.h"

namespace corolint {

namespace doc {
struct Document;
struct Row;
struct Source;
} // namespace doc

/// Reads knowledge files into a Knowledge: its rows, their strings in its
/// memory.
class KnowledgeReader {
public:
  /// User: the files are a user's (no frameworks; their rows say so).
  KnowledgeReader(Knowledge &K, bool User);

  /// Adds the rows of Text, the file Name; false, with what is wrong in
  /// Errors ("NAME:LINE:COL: what"), when it is not a knowledge file.
  bool read(llvm::StringRef Text, llvm::StringRef Name,
            std::vector<std::string> &Errors);

private:
  void take(const doc::Document &D);
  void takeFrameworks(const doc::Document &D);
  void takeCoroutines(const doc::Document &D);
  void takeBlocking(const doc::Document &D);
  void takeLists(const doc::Document &D);
  Origin origin(const doc::Source &S, const doc::Row &R);
  llvm::StringRef save(llvm::StringRef S);
  llvm::ArrayRef<llvm::StringRef>
  saveAll(const std::vector<std::string> &Names);
  void addNames(std::vector<llvm::StringRef> &To,
                const std::vector<std::string> &Names);

  Knowledge &K;
  const bool User;
  llvm::StringRef File, Library, Version;
};

} // namespace corolint

#endif // COROLINT_KNOWLEDGE_KNOWLEDGEFILE_H
