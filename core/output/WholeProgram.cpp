//===--- WholeProgram.cpp - Every file's facts, merged and resolved -------===//

#include "WholeProgram.h"

namespace corolint {

namespace {

Reported report(Finding F, const StringPool &S) {
  std::vector<Message> Messages = render(F, S);
  return {std::move(F), std::move(Messages)};
}

} // namespace

void WholeProgram::add(FileFacts &&F) {
  ++R.Files;
  ConfigErrors.insert(F.ConfigErrors.begin(), F.ConfigErrors.end());
  if (!F.Parsed) {
    R.Failures.push_back({F.File, F.Errors});
    return;
  }
  R.Inputs.insert(F.Inputs.begin(), F.Inputs.end());
  std::set<std::string> &Read = R.Units[F.File];
  for (const Input &In : F.Inputs)
    Read.insert(In.first);
  for (const auto &[Check, At] : F.Hidden)
    R.Hidden.insert({Check, At.File, At.Offset});
  P.add(std::move(F));
}

Results WholeProgram::resolve() {
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
  return std::move(R);
}

} // namespace corolint
