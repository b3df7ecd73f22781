//===--- ListBlocking.cpp - corolint --list-blocking ----------------------===//

#include "ListBlocking.h"
#include "BlockingTables.h"
#include "FrameworkTables.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Format.h"

namespace corolint {

namespace {

void row(llvm::raw_ostream &OS, llvm::StringRef Name, llvm::StringRef Note) {
  OS << "  " << Name;
  if (!Note.empty())
    OS << "  -- " << Note;
  OS << "\n";
}

void listFamily(llvm::raw_ostream &OS, const FamilyInfo &F) {
  OS << "\n" << F.Name << " (" << F.What << "; coro-blocking-call."
     << F.Option << ")\n";
  for (const BlockingFunction &B : blockingFunctions())
    if (familyOf(B.Waits) == F.Id) {
      std::string Note = describeCondition(B);
      if (B.OptIn)
        Note = "only when listed in BlockingFunctions" +
               (Note.empty() ? "" : "; " + Note);
      row(OS, B.QualifiedName, Note);
    }
  if (F.Id == Family::Stdin)
    row(OS, "the reads listed under file",
        "on stdin, std::cin or descriptor 0");
  for (const StreamClass &S : streamClasses())
    if (familyOf(S.Waits) == F.Id)
      row(OS, S.QualifiedName, "reads and getline on it");
  for (const TwinClass &C : twinClasses())
    if (!C.Timer && familyOf(C.Waits) == F.Id)
      row(OS, C.QualifiedName,
          "every synchronous operation with an async_ twin");
  if (F.Id == familyOf(UnknownTwinWait))
    row(OS, "any other class or namespace",
        "an operation f beside an async_f that takes the same parameters "
        "and a completion token");
  if (F.Id == Family::Rpc) {
    const GrpcStubShape &S = grpcStubShape();
    row(OS,
        (llvm::Twine(S.StubClasses[0]) + " and " + S.StubClasses[1] +
         " members of a generated service")
            .str(),
        (llvm::Twine("returning ") + S.Status + ", taking a " +
         S.ClientContext + "* first")
            .str());
  }
}

} // namespace

void listBlocking(llvm::raw_ostream &OS) {
  OS << "What the coro-* checks report inside a coroutine, and through the "
        "plain functions it calls.\n"
        "A member is known by its own class or by the class of the object "
        "it is called on;\nAsio's names hold under boost:: too.\n";

  OS << "\ncoro-blocking-sleep: thread sleeps\n";
  for (const SleepFunction &S : sleepFunctions())
    row(OS, S.QualifiedName, "");
  for (const TwinClass &C : twinClasses())
    if (C.Timer)
      row(OS, C.QualifiedName, "its synchronous wait");

  OS << "\ncoro-nested-run: event loops and run-to-completion calls\n";
  for (const RunEntryPoint &R : runEntryPoints())
    row(OS, R.QualifiedName,
        R.OnlyWith.empty() ? "" : (llvm::Twine("when given ") + R.OnlyWith).str());

  OS << "\ncoro-blocking-call: blocking calls by family; an option set to "
        "false switches a family off\n";
  for (const FamilyInfo &F : families())
    if (F.Id != Family::None)
      OS << "  " << llvm::left_justify(F.Name, 10)
         << llvm::left_justify(F.Option, 17) << F.What << "\n";
  for (const FamilyInfo &F : families())
    if (F.Id != Family::None)
      listFamily(OS, F);
}

} // namespace corolint
