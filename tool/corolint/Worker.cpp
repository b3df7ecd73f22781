//===--- Worker.cpp - Parses one file and keeps its facts -----------------===//

#include "Worker.h"
#include "Place.h"
#include "Recorder.h"
#include "Session.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <set>
#include <tuple>

using namespace clang;

namespace corolint {

llvm::Expected<std::unique_ptr<tidy::ClangTidyOptionsProvider>>
makeOptionsProvider(const TidyFlags &Flags) {
  tidy::ClangTidyOptions Defaults = tidy::ClangTidyOptions::getDefaults();
  Defaults.Checks = "coro-*";
  tidy::ClangTidyOptions Overrides;
  if (Flags.Checks)
    Overrides.Checks = *Flags.Checks;
  if (Flags.HeaderFilter)
    Overrides.HeaderFilterRegex = *Flags.HeaderFilter;
  if (Flags.ExcludeHeaderFilter)
    Overrides.ExcludeHeaderFilterRegex = *Flags.ExcludeHeaderFilter;
  if (Flags.WarningsAsErrors)
    Overrides.WarningsAsErrors = *Flags.WarningsAsErrors;
  Overrides.SystemHeaders = Flags.SystemHeaders;
  if (Flags.FormatStyle)
    Overrides.FormatStyle = *Flags.FormatStyle;

  std::string Text, Origin;
  if (!Flags.ConfigFile.empty()) {
    auto Buffer = llvm::MemoryBuffer::getFile(Flags.ConfigFile);
    if (!Buffer)
      return llvm::createStringError(
          Buffer.getError(), "cannot read the configuration file '%s': %s",
          Flags.ConfigFile.c_str(), Buffer.getError().message().c_str());
    Text = (*Buffer)->getBuffer().str();
    Origin = "the configuration file '" + Flags.ConfigFile + "'";
  } else if (!Flags.Config.empty()) {
    Text = Flags.Config;
    Origin = "--config";
  }
  if (Origin.empty())
    return std::make_unique<tidy::FileOptionsProvider>(
        tidy::ClangTidyGlobalOptions(), Defaults, Overrides);
  llvm::ErrorOr<tidy::ClangTidyOptions> Parsed =
      tidy::parseConfiguration(llvm::MemoryBufferRef(Text, Origin));
  if (!Parsed)
    return llvm::createStringError(
        Parsed.getError(), "%s is not a valid configuration: %s",
        Origin.c_str(), Parsed.getError().message().c_str());
  return std::make_unique<tidy::ConfigOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), Defaults, *Parsed, Overrides);
}

llvm::Expected<llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>>
fileSystemFor(const TidyFlags &Flags) {
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Real =
      llvm::vfs::getRealFileSystem();
  if (Flags.VfsOverlay.empty())
    return Real;
  auto Buffer = Real->getBufferForFile(Flags.VfsOverlay);
  if (!Buffer)
    return llvm::createStringError(
        Buffer.getError(), "--vfsoverlay: cannot read '%s': %s",
        Flags.VfsOverlay.c_str(), Buffer.getError().message().c_str());
  std::string Said;
  auto Handler = [](const llvm::SMDiagnostic &D, void *Into) {
    *static_cast<std::string *>(Into) = D.getMessage().str();
  };
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Overlay =
      llvm::vfs::getVFSFromYAML(std::move(*Buffer), Handler, Flags.VfsOverlay,
                                &Said, Real);
  if (!Overlay)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--vfsoverlay: '%s' is not a virtual file system overlay: %s",
        Flags.VfsOverlay.c_str(), Said.c_str());
  auto Both = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Real);
  Both->pushOverlay(Overlay);
  return Both;
}

namespace {

/// Turns file offsets into lines and columns, reading each file once.
class LineTables {
public:
  std::pair<unsigned, unsigned> at(llvm::StringRef File, unsigned Offset) {
    auto [It, New] = Tables.try_emplace(File);
    if (New)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
        llvm::StringRef Text = (*Buffer)->getBuffer();
        It->second.push_back(0);
        for (size_t I = 0; I < Text.size(); ++I)
          if (Text[I] == '\n')
            It->second.push_back(I + 1);
      }
    const std::vector<unsigned> &Starts = It->second;
    if (Starts.empty())
      return {0, 0};
    auto Line = std::upper_bound(Starts.begin(), Starts.end(), Offset);
    return {Line - Starts.begin(), Offset - *(Line - 1) + 1};
  }

private:
  llvm::StringMap<std::vector<unsigned>> Tables;
};

} // namespace

namespace {

/// The checks of one unit and the matcher that runs them.
class ChecksConsumer : public ASTConsumer {
public:
  ChecksConsumer(std::vector<std::unique_ptr<tidy::ClangTidyCheck>> Checks,
                 std::unique_ptr<ast_matchers::MatchFinder> Finder)
      : Checks(std::move(Checks)), Finder(std::move(Finder)),
        Matching(this->Finder->newASTConsumer()) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    Matching->HandleTranslationUnit(Ctx);
  }

private:
  std::vector<std::unique_ptr<tidy::ClangTidyCheck>> Checks;
  std::unique_ptr<ast_matchers::MatchFinder> Finder;
  std::unique_ptr<ASTConsumer> Matching;
};

/// Parses each unit and runs the coro-* checks the configuration enables,
/// made with this worker's session, as clang-tidy makes checks.
class ChecksAction : public ASTFrontendAction {
public:
  ChecksAction(tidy::ClangTidyContext &Context,
               const tidy::ClangTidyCheckFactories &Factories)
      : Context(Context), Factories(Factories) {}

  std::unique_ptr<ASTConsumer>
  CreateASTConsumer(CompilerInstance &CI, llvm::StringRef File) override {
    Context.setSourceManager(&CI.getSourceManager());
    Context.setCurrentFile(File);
    Context.setASTContext(&CI.getASTContext());
    if (auto Dir = CI.getFileManager()
                       .getVirtualFileSystem()
                       .getCurrentWorkingDirectory())
      Context.setCurrentBuildDirectory(*Dir);
    std::vector<std::unique_ptr<tidy::ClangTidyCheck>> Checks =
        Factories.createChecksForLanguage(&Context);
    auto Finder = std::make_unique<ast_matchers::MatchFinder>();
    Preprocessor *PP = &CI.getPreprocessor();
    for (const std::unique_ptr<tidy::ClangTidyCheck> &Check : Checks) {
      Check->registerMatchers(Finder.get());
      Check->registerPPCallbacks(CI.getSourceManager(), PP, PP);
    }
    return std::make_unique<ChecksConsumer>(std::move(Checks),
                                            std::move(Finder));
  }

private:
  tidy::ClangTidyContext &Context;
  const tidy::ClangTidyCheckFactories &Factories;
};

class ChecksActionFactory : public tooling::FrontendActionFactory {
public:
  ChecksActionFactory(tidy::ClangTidyContext &Context,
                      const tidy::ClangTidyCheckFactories &Factories)
      : Context(Context), Factories(Factories) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<ChecksAction>(Context, Factories);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Diags) override {
    // As clang-tidy: __clang_analyzer__ is defined.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(Invocation, Files, PCH, Diags);
  }

private:
  tidy::ClangTidyContext &Context;
  const tidy::ClangTidyCheckFactories &Factories;
};

/// The arguments the configuration adds to every compile command
/// (ExtraArgsBefore, ExtraArgs), as clang-tidy adds them.
tooling::ArgumentsAdjuster
configuredArguments(tidy::ClangTidyContext &Context) {
  return [&Context](const tooling::CommandLineArguments &Args,
                    llvm::StringRef File) {
    tidy::ClangTidyOptions Opts = Context.getOptionsForFile(File);
    tooling::CommandLineArguments Out = Args;
    if (Opts.ExtraArgsBefore) {
      auto At = Out.begin();
      if (At != Out.end() && !llvm::StringRef(*At).starts_with("-"))
        ++At; // after the compiler's name
      Out.insert(At, Opts.ExtraArgsBefore->begin(),
                 Opts.ExtraArgsBefore->end());
    }
    if (Opts.ExtraArgs)
      Out.insert(Out.end(), Opts.ExtraArgs->begin(), Opts.ExtraArgs->end());
    return Out;
  };
}

/// clang-tidy's diagnostics for Context: its consumer, and the engine
/// that feeds it, installed in Context.
struct Diagnostics {
  tidy::ClangTidyDiagnosticConsumer Consumer;
  DiagnosticsEngine Engine;
  explicit Diagnostics(tidy::ClangTidyContext &Context)
      : Consumer(Context),
        Engine(llvm::makeIntrusiveRefCnt<DiagnosticIDs>(),
               llvm::makeIntrusiveRefCnt<DiagnosticOptions>(), &Consumer,
               /*ShouldOwnClient=*/false) {
    Context.setDiagnosticsEngine(&Engine);
  }
};

/// Makes Tool's parses say nothing on the terminal (the caller reports
/// their errors), with the configuration's arguments.
void quiet(tooling::ClangTool &Tool, tidy::ClangTidyContext &Context) {
  Tool.setPrintErrorMessage(false);
  Tool.appendArgumentsAdjuster(configuredArguments(Context));
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  // Without carets, clang does not print "N errors generated."
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      "-fno-caret-diagnostics", tooling::ArgumentInsertPosition::END));
}

/// Parses File as DB compiles it and runs the checks made for Front (on
/// the terminal, as clang-tidy would, unless Quiet); what clang-tidy would
/// report: the compiler's errors and the checks'
/// diagnostics that NOLINT and the header filter let through.
std::vector<tidy::ClangTidyError>
runChecks(tidy::ClangTidyContext &Context,
          const tooling::CompilationDatabase &DB, const std::string &File,
          llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS, FrontEnd Front,
          bool Quiet = false) {
  tidy::ClangTidyCheckFactories Factories;
  addCorolintChecks(Factories, std::make_shared<Session>(std::move(Front)));
  tooling::ClangTool Tool(
      DB, {File}, std::make_shared<PCHContainerOperations>(), std::move(FS));
  if (Quiet) {
    quiet(Tool, Context);
  } else {
    Tool.appendArgumentsAdjuster(configuredArguments(Context));
    Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  }
  Diagnostics Diags(Context);
  Tool.setDiagnosticConsumer(&Diags.Consumer);
  ChecksActionFactory Action(Context, Factories);
  Tool.run(&Action);
  return Diags.Consumer.take();
}

/// The compiler's errors among Errors, each with its place.
std::vector<std::string>
compilerErrors(const std::vector<tidy::ClangTidyError> &Errors) {
  std::vector<std::string> Out;
  LineTables Lines;
  for (const tidy::ClangTidyError &E : Errors) {
    if (E.DiagLevel != tooling::Diagnostic::Error ||
        checkNamed(E.DiagnosticName) || E.DiagnosticName == "clang-tidy-config")
      continue;
    std::string Where;
    if (!E.Message.FilePath.empty()) {
      std::string Path = canonicalPath(E.Message.FilePath, E.BuildDirectory);
      auto [Line, Col] = Lines.at(Path, E.Message.FileOffset);
      Where =
          Path + ":" + std::to_string(Line) + ":" + std::to_string(Col) + ": ";
    }
    Out.push_back(Where + "error: " + E.Message.Message);
  }
  return Out;
}

} // namespace

std::vector<std::string>
rewriteFile(const std::string &File, const tooling::CompilationDatabase &DB,
            const TidyFlags &Flags,
            std::function<void(UnitIndex &, const FixOptions &)> Rewrite) {
  auto Provider = makeOptionsProvider(Flags);
  if (!Provider)
    return {llvm::toString(Provider.takeError())};
  auto FS = fileSystemFor(Flags);
  if (!FS)
    return {llvm::toString(FS.takeError())};
  tidy::ClangTidyContext Context(std::move(*Provider));
  return compilerErrors(runChecks(
      Context, DB, File, *FS, FrontEnd{nullptr, nullptr, std::move(Rewrite)},
      /*Quiet=*/true));
}

std::pair<std::string, std::vector<std::string>>
compileWith(const std::vector<std::string> &Files,
            const tooling::CompilationDatabase &DB, const TidyFlags &Flags,
            const std::map<std::string, std::string> &Texts) {
  auto Provider = makeOptionsProvider(Flags);
  if (!Provider)
    return {"", {llvm::toString(Provider.takeError())}};
  auto FS = fileSystemFor(Flags);
  if (!FS)
    return {"", {llvm::toString(FS.takeError())}};
  tidy::ClangTidyContext Context(std::move(*Provider));
  Diagnostics Diags(Context);
  // No check runs: the parse alone says whether the text compiles.
  tidy::ClangTidyCheckFactories None;
  ChecksActionFactory Action(Context, None);
  // One file at a time: ClangTool numbers the files of a longer run.
  for (const std::string &File : Files) {
    tooling::ClangTool Tool(DB, {File},
                            std::make_shared<PCHContainerOperations>(), *FS);
    for (const auto &[Path, Text] : Texts)
      Tool.mapVirtualFile(Path, Text);
    quiet(Tool, Context);
    Tool.setDiagnosticConsumer(&Diags.Consumer);
    Tool.run(&Action);
    std::vector<std::string> Errors = compilerErrors(Diags.Consumer.take());
    if (!Errors.empty())
      return {File, std::move(Errors)};
  }
  return {};
}

namespace {

/// What is wrong with the .clang-tidy files clang-tidy would read for
/// Paths, each file once: from each file's directory upwards, up to one
/// that does not inherit its parent's (clang-tidy skips a file it cannot
/// parse, and goes on up).
std::vector<std::string>
malformedConfigFiles(llvm::ArrayRef<std::string> Paths) {
  std::vector<std::string> Errors;
  std::set<std::string> Visited;
  for (const std::string &Path : Paths) {
    std::string Dir = llvm::sys::path::parent_path(canonicalPath(Path)).str();
    for (; !Dir.empty() && Visited.insert(Dir).second;
         Dir = llvm::sys::path::parent_path(Dir).str()) {
      std::string Config = Dir + "/.clang-tidy";
      auto Buffer = llvm::MemoryBuffer::getFile(Config);
      if (!Buffer)
        continue;
      std::string Said;
      llvm::raw_string_ostream OS(Said);
      llvm::ErrorOr<tidy::ClangTidyOptions> Parsed =
          tidy::parseConfigurationWithDiags(
              (*Buffer)->getMemBufferRef(), [&](const llvm::SMDiagnostic &D) {
                D.print(nullptr, OS, /*ShowColors=*/false);
              });
      if (!Parsed) {
        Errors.push_back(Said.empty()
                             ? Config + ": " + Parsed.getError().message()
                             : llvm::StringRef(Said).rtrim().str());
        continue;
      }
      if (!Parsed->InheritParentConfig.value_or(false))
        break;
    }
  }
  return Errors;
}

} // namespace

std::vector<std::string>
configurationErrors(const TidyFlags &Flags, llvm::ArrayRef<std::string> Paths) {
  // A configuration clang-tidy cannot read is skipped there with a message
  // for each file it configures; here it stops the run.
  if (Flags.ConfigFile.empty() && Flags.Config.empty())
    if (std::vector<std::string> Malformed = malformedConfigFiles(Paths);
        !Malformed.empty())
      return Malformed;
  std::vector<std::string> Errors;
  auto Provider = makeOptionsProvider(Flags);
  if (!Provider) {
    Errors.push_back(llvm::toString(Provider.takeError()));
    return Errors;
  }
  std::set<std::string> Seen;
  for (const std::string &Path : Paths) {
    if (!Seen.insert(tidy::configurationAsText((*Provider)->getOptions(Path)))
             .second)
      continue;
    // The checks, made as for this file; they say what is wrong with their
    // options when they are made.
    auto One = makeOptionsProvider(Flags);
    if (!One)
      continue; // as above: cannot happen
    tidy::ClangTidyContext Context(std::move(*One));
    Diagnostics Diags(Context);
    Context.setCurrentFile(Path);
    tidy::ClangTidyASTConsumerFactory(Context).getCheckOptions();
    for (const tidy::ClangTidyError &E : Diags.Consumer.take())
      if (E.DiagnosticName == "clang-tidy-config" &&
          !llvm::is_contained(Errors, E.Message.Message))
        Errors.push_back(E.Message.Message);
  }
  return Errors;
}

llvm::Error analyseFile(const std::string &File,
                        const tooling::CompilationDatabase &DB,
                        const TidyFlags &Flags, llvm::StringRef Out) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Out, EC);
  if (EC)
    return llvm::createStringError(EC, "cannot write %s: %s", Out.str().c_str(),
                                   EC.message().c_str());
  FactsWriter Writer(OS, File);
  // Every header's findings are recorded; which are shown is decided when
  // they are reported, so that the filters do not change the facts.
  TidyFlags Recording = Flags;
  Recording.HeaderFilter = ".*";
  Recording.ExcludeHeaderFilter = "";
  auto Provider = makeOptionsProvider(Recording);
  auto FS = fileSystemFor(Flags);
  if (!Provider || !FS) {
    Writer.error(
        llvm::toString(Provider ? FS.takeError() : Provider.takeError()));
    if (FS) // said once: both come from the flags the run checked
      llvm::consumeError(FS.takeError());
    Writer.end(false);
    return llvm::Error::success();
  }
  // clang-tidy would abort in a directory that is not there.
  for (const tooling::CompileCommand &C : DB.getCompileCommands(File))
    if (!llvm::sys::fs::is_directory(C.Directory)) {
      Writer.error("its compile command runs in '" + C.Directory +
                   "', which is not a directory");
      Writer.end(false);
      return llvm::Error::success();
    }
  tidy::ClangTidyContext Context(std::move(*Provider));
  FactsRecorder Recorder(Writer);
  std::vector<tidy::ClangTidyError> Errors =
      runChecks(Context, DB, File, *FS, FrontEnd{&Recorder, nullptr, nullptr});

  // What clang-tidy let through (what NOLINT did not silence), by check and
  // place: a finding or a candidate is kept when its diagnostic was.
  std::set<std::tuple<CheckId, std::string, unsigned>> Shown;
  for (const tidy::ClangTidyError &E : Errors) {
    if (E.DiagnosticName == "clang-tidy-config")
      Writer.configError(E.Message.Message);
    else if (const CheckInfo *Check = checkNamed(E.DiagnosticName))
      Shown.insert({Check->Id,
                    E.Message.FilePath.empty()
                        ? std::string()
                        : canonicalPath(E.Message.FilePath, E.BuildDirectory),
                    E.Message.FileOffset});
  }
  std::vector<std::string> Failed = compilerErrors(Errors);
  for (const std::string &Error : Failed)
    Writer.error(Error);
  const bool Parsed = Failed.empty();
  auto Kept = [&](const Finding &F, const StringPool &S) {
    return Shown.count({F.Check, S[F.At.File].str(), F.At.Offset}) != 0;
  };
  if (Parsed) {
    for (const auto &K : Recorder.Findings)
      if (Kept(K.Value, *K.Strings))
        Writer.finding(K.Value, *K.Strings);
    for (const auto &K : Recorder.Candidates)
      if (Kept(K.Value.Pending, *K.Strings))
        Writer.candidate(K.Value, *K.Strings);
  }
  Writer.end(Parsed);
  OS.close();
  if (OS.has_error()) {
    EC = OS.error();
    OS.clear_error();
    return llvm::createStringError(EC, "cannot write %s: %s", Out.str().c_str(),
                                   EC.message().c_str());
  }
  return llvm::Error::success();
}

} // namespace corolint
