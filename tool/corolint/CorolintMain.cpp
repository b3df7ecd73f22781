//===--- CorolintMain.cpp - The standalone corolint -----------------------===//
//
// Analyses every file of a compile database: each file is parsed once, in a
// worker process of its own (-j at a time), which runs the coro-* checks and
// hands back the file's facts; the AST goes with the process. The facts of
// all files are then merged, so that chains crossing files are found, and
// the findings are reported. main() reads as those steps: the options, the
// facts gathered, the whole program resolved, the report.
//
//===----------------------------------------------------------------------===//

#include "Configuration.h"
#include "Database.h"
#include "Gather.h"
#include "ProgramRewrite.h"
#include "Report.h"
#include "RunOptions.h"
#include "WholeProgram.h"
#include "Worker.h"
#include "llvm/Support/WithColor.h"
#include <csignal>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace corolint;

namespace {

/// Runs this process and those it starts at low CPU priority. Not idle
/// scheduling: on a machine kept busy (a build), that would get no CPU at
/// all until the load ends; nice 19 gets a small share.
void lowerPriority() {
  sched_param Param{};
  sched_setscheduler(0, SCHED_BATCH, &Param);
  setpriority(PRIO_PROCESS, 0, 19);
}

/// A worker: the one file given, its facts to O.WorkerFactsFile.
int runWorker(RunOptions &O) {
  // It dies with the run that started it (kill -9 included): nothing reads
  // its facts any more. A run that died before this line sent no signal;
  // its worker has been handed to another parent by now.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (O.WorkerParent && getppid() != O.WorkerParent)
    return 1;
  std::string DatabaseDir, Error;
  auto DB = loadDatabase(O, DatabaseDir, Error);
  if (!DB)
    return usageError(Error);
  if (O.Files.size() != 1)
    return usageError("a worker takes exactly one file");
  if (llvm::Error E =
          analyseFile(O.Files.front(), *DB, O.Tidy, O.WorkerFactsFile)) {
    llvm::WithColor::error(llvm::errs(), "corolint")
        << llvm::toString(std::move(E)) << "\n";
    return 1;
  }
  return 0;
}

/// Where fixes are asked for and the facts came from the database, the
/// chains that cross files get their rewrite.
std::optional<int> rewriteAcrossFiles(RunOptions &O, Results &R,
                                      WholeProgram &P) {
  if (!O.rewritesAcrossFiles())
    return std::nullopt;
  std::string DatabaseDir, Error;
  auto DB = loadDatabase(O, DatabaseDir, Error);
  if (!DB)
    return usageError(Error);
  rewriteAcrossFiles(R, P.strings(), P.program(), *DB, O.Tidy,
                     canonicalPath(O.SourceRoot));
  return std::nullopt;
}

} // namespace

int main(int Argc, const char **Argv) {
  std::optional<RunOptions> Parsed = parseCommandLine(Argc, Argv);
  if (!Parsed)
    return ExitUsage;
  RunOptions &O = *Parsed;
  if (O.LowPriority)
    lowerPriority();
  if (O.ListBlocking != ListFormat::None)
    return printKnowledge(O);
  if (O.ListChecks || O.DumpConfig || O.ExplainConfig || O.VerifyConfig)
    return printConfiguration(O);
  if (!O.WorkerFactsFile.empty())
    return runWorker(O);
  // The baseline is read before any work, so that a bad one stops the run.
  std::optional<Baseline> Accepted;
  if (!O.Baseline.empty()) {
    llvm::Expected<Baseline> B = readBaseline(O.Baseline);
    if (!B)
      return usageError(llvm::toString(B.takeError()));
    Accepted = std::move(*B);
  }

  WholeProgram P;
  Gathered G;
  if (std::optional<int> Status = factsSource(O, Argv[0])->gather(P, G))
    return *Status;
  Results R = P.resolve();
  if (std::optional<int> Status = rewriteAcrossFiles(O, R, P))
    return *Status;
  return report(O, R, G, Accepted);
}
