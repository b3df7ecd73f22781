//===--- NameList.h - Function lists given in check options --------------===//

#ifndef COROLINT_MODEL_NAMELIST_H
#define COROLINT_MODEL_NAMELIST_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Regex.h"
#include <memory>
#include <string>
#include <vector>

namespace corolint {

/// A ';'-separated list of functions as a check option takes it. Each entry is
/// a qualified name (`ns::Class::method`, a leading `::` is ignored) or, when
/// it holds a regular-expression character, a regular expression matched
/// against the whole qualified name. An entry may end in `=>` and a
/// suggestion, shown to the user in a note.
class NameList {
public:
  struct Entry {
    std::string Pattern;
    std::string Suggestion;
    std::unique_ptr<llvm::Regex> Re; // null for a plain name
  };

  NameList() = default;
  /// Parses Spec; malformed entries are left out and described in Errors.
  NameList(llvm::StringRef Spec, std::vector<std::string> &Errors);

  /// The first entry that matches one of Names, or nullptr; Matched, when
  /// given, receives the name it matched.
  const Entry *match(llvm::ArrayRef<std::string> Names,
                     std::string *Matched = nullptr) const;

  bool empty() const { return Entries.empty(); }

private:
  std::vector<Entry> Entries;
  llvm::StringMap<size_t> Plain; // name -> index into Entries
};

} // namespace corolint

#endif // COROLINT_MODEL_NAMELIST_H
