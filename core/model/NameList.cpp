//===--- NameList.cpp - Function lists given in check options ------------===//

#include "NameList.h"
#include "llvm/ADT/Twine.h"

namespace corolint {

NameList::NameList(llvm::StringRef Spec, std::vector<std::string> &Errors) {
  llvm::SmallVector<llvm::StringRef, 8> Items;
  Spec.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    auto [Name, Suggestion] = Item.split("=>");
    Name = Name.trim();
    Suggestion = Suggestion.trim();
    if (Name.empty())
      continue;
    Entry E;
    Name.consume_front("::");
    // Operator names (`Cache::operator()`) hold regex characters but are
    // names.
    bool Operator = Name.starts_with("operator") || Name.contains("::operator");
    if (Operator ||
        Name.find_first_of("^$*+?()[]{}|\\") == llvm::StringRef::npos) {
      E.Pattern = Name.str();
    } else {
      E.Pattern = Name.str();
      auto Re = std::make_unique<llvm::Regex>(
          (llvm::Twine("^(") + Name + ")$").str());
      std::string Error;
      if (!Re->isValid(Error)) {
        Errors.push_back("invalid regular expression '" + Name.str() +
                         "': " + Error);
        continue;
      }
      E.Re = std::move(Re);
    }
    E.Suggestion = Suggestion.str();
    if (!E.Re)
      Plain.try_emplace(E.Pattern, Entries.size());
    Entries.push_back(std::move(E));
  }
}

const NameList::Entry *NameList::match(llvm::ArrayRef<std::string> Names,
                                       std::string *Matched) const {
  auto Found = [&](const Entry &E, const std::string &Name) {
    if (Matched)
      *Matched = Name;
    return &E;
  };
  for (const std::string &Name : Names) {
    auto It = Plain.find(Name);
    if (It != Plain.end())
      return Found(Entries[It->second], Name);
  }
  for (const Entry &E : Entries) {
    if (!E.Re)
      continue;
    for (const std::string &Name : Names)
      if (E.Re->match(Name))
        return Found(E, Name);
  }
  return nullptr;
}

} // namespace corolint
