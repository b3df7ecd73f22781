//===--- Report.cpp - The run's findings, as the user asked for them ------===//

#include "Report.h"
#include "Configuration.h"
#include "Fixes.h"
#include "WriteFile.h"
#include "Writers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/WithColor.h"

namespace corolint {

namespace {

/// Keeps the findings and failures of the files given, saying how many
/// other files could not be analysed (their chains are not seen).
void focusOn(const std::set<std::string> &Focus, Results &R) {
  llvm::erase_if(R.Findings, [&](const Reported &F) {
    return !Focus.count(R.str(F.F.At.File).str());
  });
  size_t Failed = R.Failures.size();
  llvm::erase_if(R.Failures, [&](const Failure &F) {
    return !Focus.count(canonicalPath(F.File));
  });
  size_t Others = Failed - R.Failures.size();
  if (Others)
    llvm::errs() << llvm::formatv(
        "corolint: {0} other file{1} of the database could not be analysed; "
        "chains through {2} are not seen\n",
        Others, Others == 1 ? "" : "s", Others == 1 ? "it" : "them");
  R.Files = Focus.size();
}

/// --line-filter, as clang-tidy applies it: a finding is shown when the
/// first filter whose name ends its file's path has no lines, or a range
/// that holds its line; a finding in a file no filter names is not.
void keepLines(const std::vector<clang::tidy::FileFilter> &Filters,
               Results &R) {
  if (Filters.empty())
    return;
  llvm::erase_if(R.Findings, [&](const Reported &F) {
    llvm::StringRef File = R.str(F.F.At.File);
    for (const clang::tidy::FileFilter &Filter : Filters) {
      if (!File.ends_with(Filter.Name))
        continue;
      return !Filter.LineRanges.empty() &&
             llvm::none_of(Filter.LineRanges, [&](const auto &Range) {
               return Range.first <= F.F.At.Line && F.F.At.Line <= Range.second;
             });
    }
    return true;
  });
}

/// Writing the baseline accepts the findings: it succeeds unless files
/// failed, whose findings the baseline lacks.
int writeTheBaseline(const RunOptions &O, const Results &R,
                     llvm::StringRef Root) {
  if (llvm::Error E = writeBaseline(R, Root, O.WriteBaseline))
    return usageError(llvm::toString(std::move(E)));
  llvm::errs() << llvm::formatv(
      "corolint: wrote {0} finding{1} to the baseline {2}\n", R.Findings.size(),
      R.Findings.size() == 1 ? "" : "s", O.WriteBaseline);
  for (const Failure &F : R.Failures)
    llvm::WithColor::error(llvm::errs(), "corolint")
        << F.File << " could not be analysed; its findings are not in "
        << "the baseline\n";
  return R.Failures.empty() ? 0 : ExitFailedFiles;
}

void writeFindings(const RunOptions &O, const Results &R,
                   llvm::StringRef Root) {
  if (O.Output == Format::JSON) {
    writeJSON(R, llvm::outs());
  } else if (O.Output == Format::SARIF) {
    writeSARIF(R, Root, llvm::outs(), O.DocsUrl);
  } else {
    // Asked only for text: --color must not put escapes in JSON or SARIF.
    bool Colour = llvm::WithColor(llvm::outs()).colorsEnabled();
    writeText(R, llvm::outs(), Colour);
  }
}

/// Whether what went to standard output (the findings, the diff) reached
/// it; said when it did not.
bool outputWritten() {
  llvm::outs().flush();
  if (!llvm::outs().has_error())
    return true;
  llvm::WithColor::error(llvm::errs(), "corolint")
      << "cannot write to standard output: " << llvm::outs().error().message()
      << "\n";
  // Said once, and not again (as a crash) when the process exits.
  llvm::outs().clear_error();
  return false;
}

/// --export-fixes and --fix; false when a file could not be written.
bool handleFixes(const RunOptions &O, const Results &R) {
  bool Written = true;
  if (!O.ExportFixes.empty()) {
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    exportFixes(R, O.FixNotes, OS);
    if (llvm::Error E = writeFileAtomically(O.ExportFixes, Text)) {
      llvm::WithColor::error(llvm::errs(), "corolint")
          << llvm::toString(std::move(E)) << "\n";
      Written = false;
    }
  }
  if (!O.Fix)
    return Written;
  DiffTo Diff{llvm::outs(), canonicalPath(O.SourceRoot)};
  FixResult Fixed =
      applyFixes(R, O.FixNotes, O.Diff ? &Diff : nullptr, formatStyles(O.Tidy));
  for (const std::string &Refused : Fixed.Refused)
    llvm::WithColor::warning(llvm::errs(), "corolint") << Refused << "\n";
  for (const std::string &Error : Fixed.Errors)
    llvm::WithColor::error(llvm::errs(), "corolint") << Error << "\n";
  if (O.Diff) {
    llvm::errs() << llvm::formatv(
        "corolint: the diff changes {0} file{1}; no file was written\n",
        Fixed.Written.size(), Fixed.Written.size() == 1 ? "" : "s");
    return Written;
  }
  llvm::errs() << llvm::formatv("corolint: applied {0} fix{1} to {2} file{3}\n",
                                Fixed.Applied, Fixed.Applied == 1 ? "" : "es",
                                Fixed.Written.size(),
                                Fixed.Written.size() == 1 ? "" : "s");
  return Written && Fixed.Errors.empty();
}

/// The files that failed, and the closing count.
void summarize(const RunOptions &O, const Results &R, const Gathered &G,
               const BaselineUse &InBaseline, bool ErrorsConfigured,
               size_t Errors) {
  for (const Failure &F : R.Failures) {
    llvm::WithColor::error(llvm::errs(), "corolint")
        << F.File << " could not be analysed:\n";
    for (const std::string &E : F.Errors)
      llvm::errs() << "  " << E << "\n";
  }
  if (!O.Quiet)
    llvm::errs() << llvm::formatv(
        "corolint: {0} warning{1}{7} in {2} file{3}{4}{5}{6}\n",
        R.Findings.size(), R.Findings.size() == 1 ? "" : "s", R.Files,
        R.Files == 1 ? "" : "s",
        R.Failures.empty()
            ? std::string()
            : llvm::formatv(", {0} not analysed", R.Failures.size()).str(),
        G.FromCache ? llvm::formatv(" ({0} from the cache)", G.FromCache).str()
                    : std::string(),
        InBaseline.Matched
            ? llvm::formatv(", {0} more in the baseline", InBaseline.Matched)
                  .str()
            : std::string(),
        ErrorsConfigured ? llvm::formatv(" ({0} as errors)", Errors).str()
                         : std::string());
  if (InBaseline.Stale)
    llvm::errs() << llvm::formatv(
        "corolint: {0} finding{1} of the baseline {2} no longer found; "
        "--write-baseline drops {3}\n",
        InBaseline.Stale, InBaseline.Stale == 1 ? "" : "s",
        InBaseline.Stale == 1 ? "is" : "are",
        InBaseline.Stale == 1 ? "it" : "them");
  if (!R.Skipped.empty() && !O.Quiet)
    llvm::errs() << llvm::formatv(
        "corolint: skipped {0} file{1} of the database that {2} not exist "
        "(--skip-missing-files)\n",
        R.Skipped.size(), R.Skipped.size() == 1 ? "" : "s",
        R.Skipped.size() == 1 ? "does" : "do");
  if (!R.Hidden.empty() && !O.Quiet)
    llvm::errs() << llvm::formatv(
        "corolint: suppressed {0} warning{1} in headers that the header "
        "filter leaves out; --header-filter='.*' shows {2}\n",
        R.Hidden.size(), R.Hidden.size() == 1 ? "" : "s",
        R.Hidden.size() == 1 ? "it" : "them");
}

} // namespace

int report(const RunOptions &O, Results &R, const Gathered &G,
           std::optional<Baseline> &Accepted) {
  // Spelled as the paths of the findings are.
  std::string Root = canonicalPath(O.SourceRoot);
  if (!G.Focus.empty())
    focusOn(G.Focus, R);
  keepLines(O.LineFilter, R);
  if (!O.WriteBaseline.empty())
    return writeTheBaseline(O, R, Root);
  BaselineUse InBaseline;
  if (Accepted)
    InBaseline = applyBaseline(R, *Accepted, Root);
  const bool ErrorsConfigured = markErrors(O, R);
  const size_t Errors =
      llvm::count_if(R.Findings, [](const Reported &F) { return F.AsError; });
  if (!O.Diff)
    writeFindings(O, R, Root);
  bool FixesWritten = handleFixes(O, R);
  bool Reported = outputWritten();
  summarize(O, R, G, InBaseline, ErrorsConfigured, Errors);
  // A report that did not reach its reader is no report: not "no findings".
  if (!Reported)
    return ExitUsage;
  if (!R.Failures.empty())
    return ExitFailedFiles;
  if (!FixesWritten)
    return ExitUsage;
  // As in clang-tidy: once some check is an error, only errors fail.
  if (ErrorsConfigured)
    return Errors ? ExitFindings : 0;
  return R.Findings.empty() ? 0 : ExitFindings;
}

} // namespace corolint
