//===--- ListBlocking.cpp - corolint --list-blocking ----------------------===//

#include "ListBlocking.h"
#include "Checks.h"
#include "Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Format.h"
#include <set>

namespace corolint {

namespace {

/// One line of the listing: what is known, when it blocks, where the fact
/// comes from (nullptr: corolint's own rule).
struct Listed {
  Listed(std::string Name, std::string Note, const Origin *From = nullptr,
         std::string Rewrite = "", bool Configured = false)
      : Name(std::move(Name)), Note(std::move(Note)), From(From),
        Rewrite(std::move(Rewrite)), Configured(Configured) {}
  std::string Name, Note;
  const Origin *From;
  /// What the fix-it writes instead, where there is one (Markdown only).
  std::string Rewrite;
  /// Named by the configuration's options, not by knowledge.
  bool Configured;
};

/// The names an option's value lists, each a line noting the option.
void configured(llvm::StringRef Option, llvm::StringRef Spec,
                llvm::StringRef What, std::vector<Listed> &Lines) {
  llvm::SmallVector<llvm::StringRef> Items;
  Spec.split(Items, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items)
    if (!Item.trim().empty())
      Lines.push_back(
          {Item.trim().str(),
           ("option " + Option + (What.empty() ? "" : ": ") + What).str(),
           nullptr, "", /*Configured=*/true});
}

/// How a nested run of Rewrite is written as an await.
std::string rewriteOf(RunRewrite Rewrite) {
  switch (Rewrite) {
  case RunRewrite::None:
    return "";
  case RunRewrite::AwaitArgument:
    return "`X(e)` becomes `co_await e`";
  case RunRewrite::AwaitArgumentMoved:
    return "`X(e)` becomes `co_await std::move(e)` (`co_await e` for a "
           "temporary)";
  case RunRewrite::AwaitObject:
    return "`o.X()` becomes `co_await o`";
  case RunRewrite::AwaitObjectMoved:
    return "`o.X()` becomes `co_await std::move(o)` (`co_await o` for a "
           "temporary)";
  }
  return "";
}

/// A part of the listing: a title, what it means, its lines.
struct Part {
  std::string Title, About;
  std::vector<Listed> Lines;
};

void sleeps(const Knowledge &K, Part &P) {
  for (const SleepFunction &S : K.sleepFunctions())
    P.Lines.push_back({S.QualifiedName.str(), "", &S.From});
  for (const TwinClass &C : K.twinClasses())
    if (C.Timer)
      P.Lines.push_back(
          {C.QualifiedName.str(), "its synchronous wait", &C.From});
}

void runs(const Knowledge &K, Part &P) {
  for (const RunEntryPoint &R : K.runEntryPoints())
    P.Lines.push_back({R.QualifiedName.str(),
                       R.OnlyWith.empty()
                           ? ""
                           : (llvm::Twine("when given ") + R.OnlyWith).str(),
                       &R.From, rewriteOf(R.Rewrite)});
}

void family(const Knowledge &K, const FamilyInfo &F, Part &P) {
  for (const BlockingFunction &B : K.blockingFunctions()) {
    if (familyOf(B.Waits) != F.Id)
      continue;
    std::string Note = describeCondition(B);
    if (B.OptIn)
      Note.insert(0, Note.empty() ? "only when listed in BlockingFunctions"
                                  : "only when listed in BlockingFunctions; ");
    if (!B.Twin.empty())
      Note += (Note.empty() ? "" : "; ") + ("awaitable twin " + B.Twin).str();
    P.Lines.push_back(
        {B.QualifiedName.str(), Note, &B.From,
         B.Twin.empty() ? "" : ("`co_await` of `" + B.Twin + "`").str()});
  }
  if (F.Id == Family::Stdin)
    P.Lines.push_back(
        {"the reads listed under file", "on stdin, std::cin or descriptor 0"});
  for (const StreamClass &S : K.streamClasses())
    if (familyOf(S.Waits) == F.Id)
      P.Lines.push_back({S.QualifiedName.str(), "reads and getline on it"});
  const TwinRule &Rule = K.twinRule();
  for (const TwinClass &C : K.twinClasses())
    if (!C.Timer && familyOf(C.Waits) == F.Id)
      P.Lines.push_back(
          {C.QualifiedName.str(),
           ("every synchronous operation with an " + Rule.Prefix + " twin")
               .str(),
           &C.From});
  if (Rule.UnknownClass && F.Id == familyOf(*Rule.UnknownClass))
    P.Lines.push_back(
        {"any other class or namespace",
         ("an operation f beside an " + Rule.Prefix +
          "f that takes the same parameters and a completion token")
             .str()});
  if (F.Id == Family::Logging && !K.loggerWords().empty())
    P.Lines.push_back({"code named as a logger",
                       ("a word of its qualified name is " +
                        llvm::join(K.loggerWords(), ", ") + ", or ends in " +
                        llvm::join(K.loggerSuffixes(), ", ") +
                        ": followed only while this family is on")});
  const GrpcStubShape &S = K.grpcStubShape();
  if (F.Id == Family::Rpc && !S.StubClasses.empty())
    P.Lines.push_back(
        {llvm::join(S.StubClasses, " and ") + " members of a generated service",
         (llvm::Twine("returning ") + S.Status + ", taking a " +
          S.ClientContext + "* first")
             .str()});
}

/// A family's state: its default, or what the configuration made it.
std::string switched(const ParsedOptions &Options, const FamilyInfo &F) {
  bool On = Options.reports(F.Id);
  if (On == F.On)
    return F.On ? "" : "off by default";
  return On ? "on in the configuration" : "off in the configuration";
}

std::vector<Part> parts(const ParsedOptions &Options) {
  const Knowledge &K = Options.knowledge();
  const AnalysisOptions &V = Options.Values;
  std::vector<Part> Out;
  Part &Sleep = Out.emplace_back();
  Sleep.Title =
      (checkInfo(CheckId::BlockingSleep).Name + ": thread sleeps").str();
  sleeps(K, Sleep);
  Part &Run = Out.emplace_back();
  Run.Title = (checkInfo(CheckId::NestedRun).Name +
               ": event loops and run-to-completion calls")
                  .str();
  runs(K, Run);
  configured("RunFunctions", V.RunFunctions, "", Run.Lines);
  for (const FamilyInfo &F : families()) {
    if (F.Id == Family::None)
      continue;
    Part &P = Out.emplace_back();
    std::string State = switched(Options, F);
    P.Title =
        (F.Name + " (" + F.What + "; " + checkInfo(familySwitchOwner()).Name +
         "." + F.Option + (State.empty() ? "" : ", " + State) + ")")
            .str();
    family(K, F, P);
  }
  Part Blocking{(checkInfo(CheckId::BlockingCall).Name +
                 ": the configuration's blocking functions")
                    .str(),
                "",
                {}};
  configured("BlockingFunctions", V.BlockingFunctions, "", Blocking.Lines);
  Part Not{"Not reported: the configuration's exceptions", "", {}};
  configured("AllowedFunctions", V.AllowedFunctions, "never reported",
             Not.Lines);
  configured("NonBlockingFunctions", V.NonBlockingFunctions,
             "does not block, nor do its calls", Not.Lines);
  configured("OffloadFunctions", V.OffloadFunctions,
             "runs what it is given elsewhere", Not.Lines);
  configured("BlockingPoolAwaitables", V.BlockingPoolAwaitables,
             "after awaiting it, blocking is allowed", Not.Lines);
  for (Part *P : {&Blocking, &Not})
    if (!P->Lines.empty())
      Out.push_back(std::move(*P));
  return Out;
}

void text(const ParsedOptions &Options, llvm::raw_ostream &OS) {
  OS << "What the coro-* checks report inside a coroutine, and through the "
        "plain functions it calls.\n"
        "A member is known by its own class or by the class of the object "
        "it is called on;\nAsio's names hold under boost:: too.\n";
  std::vector<Part> All = parts(Options);
  auto Print = [&](const Part &P) {
    OS << "\n" << P.Title << "\n";
    for (const Listed &L : P.Lines) {
      OS << "  " << L.Name;
      std::string Note = L.Note;
      if (L.From && L.From->User)
        Note += (Note.empty() ? "from " : "; from ") + L.From->File.str();
      if (!Note.empty())
        OS << "  -- " << Note;
      OS << "\n";
    }
  };
  Print(All[0]);
  Print(All[1]);
  OS << "\n"
     << checkInfo(familySwitchOwner()).Name
     << ": blocking calls by family; an option set to false switches a "
        "family off\n";
  for (const FamilyInfo &F : families())
    if (F.Id != Family::None) {
      std::string State = switched(Options, F);
      OS << "  " << llvm::left_justify(F.Name, 10)
         << llvm::left_justify(F.Option, 17) << F.What
         << (State.empty() ? "" : " (" + State + ")") << "\n";
    }
  for (size_t I = 2; I < All.size(); ++I)
    Print(All[I]);
}

/// Text for a Markdown table's cell.
std::string cell(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    Out += C == '|' ? std::string("\\|") : std::string(1, C);
  return Out;
}

/// The frameworks: their task types, what a sleep becomes, and the task a
/// plain function becomes when it is made a coroutine.
void frameworks(const Knowledge &K, llvm::raw_ostream &OS,
                llvm::function_ref<void(const Origin &)> Source) {
  OS << "\n## Frameworks\n\n| Framework | Task types | A sleep becomes | "
        "A plain function becomes | Library |\n|---|---|---|---|---|\n";
  for (const FrameworkInfo &F : K.frameworks()) {
    std::vector<std::string> Tasks;
    for (const TaskType &T : K.taskTypes())
      if (T.Id == F.Id && !T.SynchronousGenerator) {
        Tasks.push_back("`" + T.QualifiedName.str() + "`");
        Source(T.From);
      }
    OS << "| " << F.Name << " | " << llvm::join(Tasks, ", ") << " | "
       << cell(F.Sleep.ForDuration.empty()
                   ? F.Sleep.Advice.str()
                   : ("`" + F.Sleep.ForDuration + "`").str())
       << " | "
       << (F.TaskTemplate.empty() ? "" : "`" + cell(F.TaskTemplate) + "`")
       << " | " << cell(F.From.Library) << " |\n";
    Source(F.From);
  }
  OS << "\nSynchronous generators, not asynchronous contexts:";
  for (const TaskType &T : K.taskTypes())
    if (T.SynchronousGenerator) {
      OS << " `" << T.QualifiedName << "`";
      Source(T.From);
    }
  OS << ".\n";
}

void markdown(const ParsedOptions &Options, llvm::raw_ostream &OS) {
  const Knowledge &K = Options.knowledge();
  OS << "<!-- Generated by 'corolint --list-blocking=markdown' from "
        "knowledge/*.yaml; test/knowledge/builtin.test keeps it so. -->\n"
        "# What corolint knows\n\n"
        "Every row comes from a knowledge file in `knowledge/`, compiled "
        "into corolint; a team adds rows of its own in the same schema "
        "(option `KnowledgeFiles`, [knowledge.md](knowledge.md)). Each row "
        "says where its fact comes from: the library and the header that "
        "declares it; the sources at the end say what each was checked "
        "against.\n";
  std::set<std::pair<std::string, std::string>> Sources;
  auto Source = [&](const Origin &From) {
    Sources.insert(
        {(From.Library + (From.Version.empty() ? "" : " ") + From.Version)
             .str(),
         (From.File + ": " + From.Checked).str()});
  };
  frameworks(K, OS, Source);
  for (const Part &P : parts(Options)) {
    OS << "\n## " << P.Title << "\n\n| Name | When it blocks | Fix-it | "
       << "Library | Header |\n|---|---|---|---|---|\n";
    for (const Listed &L : P.Lines) {
      OS << "| `" << cell(L.Name) << "` | " << cell(L.Note) << " | "
         << cell(L.Rewrite) << " | ";
      if (L.From) {
        OS << cell(L.From->Library) << " | "
           << (L.From->Header.empty() ? "" : "`" + cell(L.From->Header) + "`");
        Source(*L.From);
      } else {
        OS << (L.Configured ? "the configuration | " : "corolint's rule | ");
      }
      OS << " |\n";
    }
  }
  OS << "\n## What to use instead\n\n| Waits for | In | Advice |\n"
        "|---|---|---|\n";
  for (const WaitAlternative &A : K.alternatives())
    OS << "| " << waitName(A.Waits) << " | "
       << (A.Id == Framework::Unknown ? "any framework" : frameworkName(A.Id))
       << " | " << cell(A.Text) << " |\n";
  OS << "\n## Sources\n\n| File | Library | Checked against |\n"
        "|---|---|---|\n";
  for (const Origin &F : K.files())
    OS << "| " << F.File << " | " << cell(F.Library)
       << (F.Version.empty() ? "" : " ") << cell(F.Version) << " | "
       << cell(F.Checked) << " |\n";
  // Rows that say what they were checked against themselves.
  for (const std::pair<std::string, std::string> &S : Sources) {
    llvm::StringRef Checked = S.second;
    if (llvm::none_of(K.files(), [&](const Origin &F) {
          return Checked == (F.File + ": " + F.Checked).str();
        }))
      OS << "| " << cell(Checked.split(": ").first) << " | " << cell(S.first)
         << " | " << cell(Checked.split(": ").second) << " (some rows) |\n";
  }
}

} // namespace

void listBlocking(const ParsedOptions &Options, ListFormat Format,
                  llvm::raw_ostream &OS) {
  if (Format == ListFormat::Markdown)
    markdown(Options, OS);
  else
    text(Options, OS);
}

} // namespace corolint
