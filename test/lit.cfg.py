# The corolint lit suite: clang-tidy-19 with the plugin, checked by FileCheck.
import os
import shutil
import lit.formats
import subprocess

config.name = "corolint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "utils"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(os.path.dirname(config.corolint_plugin), "..", "test")
# Tests that give files to another user need to run as root (as CI does).
if os.geteuid() == 0:
    config.available_features.add("root")

config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.environment.get("PATH", "")])

# A sanitizer build (COROLINT_SANITIZE): clang-tidy-19 is not built with the
# sanitizers' runtime, so the plugin it loads needs the runtime preloaded;
# every process of a test gets it. LLVM's signal handling gives each thread
# that registers a file to remove an alternate signal stack of its own, which
# ASan would unmap as if it were its own when the thread ends: ASan keeps to
# the thread's. LLVM's allocators mark their free memory poisoned where they
# are compiled with ASan, and corolint's instrumented copies of them are
# linked with the uninstrumented clangd and clang-tidy code that uses them:
# ASan ignores that marking. clang and clang-tidy allocate for the process's
# lifetime on purpose, so leaks are not errors there.
if config.corolint_sanitize:
    runtime = subprocess.run(
        ["clang++-19", "-print-file-name=libclang_rt.asan-x86_64.so"],
        capture_output=True, text=True).stdout.strip()
    config.environment["LD_PRELOAD"] = runtime
    config.environment["ASAN_OPTIONS"] = (
        "detect_leaks=0:use_sigaltstack=0:allow_user_poisoning=0")
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"

inputs = os.path.join(config.test_source_root, "Inputs")
# Diagnostics without the source snippets under them, so that the CHECK
# comments in a test never show up in its own output.
tidy = ("bash %s --load=%s --quiet"
        % (os.path.join(config.test_source_root, "tidy.sh"), config.corolint_plugin))
config.substitutions.append(("%clang_tidy", tidy))
config.substitutions.append(("%clangxx", "clang++-19"))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%plugin", config.corolint_plugin))
# Debian's asio 1.22 detects co_await support for GCC only; clang users
# define the macro themselves.
config.substitutions.append(("%asio_flags", "-DASIO_HAS_CO_AWAIT=1"))
# The suite's precompiled Asio (test/CMakeLists.txt), made with %asio_flags.
config.substitutions.append(("%asio_pch", "-include-pch " + config.asio_pch))
# Qt 6 and QCoro from Debian's qt6-base-dev and qcoro-qt6-dev (QCoro has no
# pkg-config file; its include directories are fixed).
qt_cflags = subprocess.run(
    ["pkg-config", "--cflags", "Qt6Core", "Qt6Network", "Qt6Widgets"],
    capture_output=True, text=True).stdout.strip()
config.substitutions.append(
    ("%qt_flags", "-fPIC " + qt_cflags + " -I/usr/include/qcoro6"
     " -I/usr/include/qcoro6/qcoro -I/usr/include/qcoro6/QCoro"))
config.substitutions.append(
    ("%boost_docs", "/usr/share/doc/libboost1.81-doc/examples/libs"))
config.substitutions.append(
    ("%boost_asio_examples",
     "/usr/share/doc/libboost1.81-doc/examples/libs/asio/example/cpp20"))
config.substitutions.append(("%source_dir", config.corolint_source_dir))
config.substitutions.append(("%corolint_clangd", config.corolint_clangd))
# clangd's user configuration for the editor tests (XDG_CONFIG_HOME): clangd
# 19 indexes the standard library, and the project's compile database, in
# the background once a file is open, and waits for that on exit (many
# seconds on a busy machine; under a fully loaded CI run it once aborted,
# exit -6, at the exit of a session in a project whose database lists a
# missing directory); the tests need no index. lsp-session.py shows the
# server's log when it does not exit cleanly.
clangd_home = os.path.join(config.test_exec_root, "clangd-home")
os.makedirs(os.path.join(clangd_home, "clangd"), exist_ok=True)
with open(os.path.join(clangd_home, "clangd", "config.yaml"), "w") as f:
    f.write("Index:\n  StandardLibrary: No\n  Background: Skip\n")
config.substitutions.append(("%clangd_config_home", clangd_home))
# corolint's cache for projects whose compile database sits in the source
# tree goes under XDG_CACHE_HOME: the tests' own, not the user's.
# Emptied at the start of every run, so that no run sees another's cache.
xdg_cache = os.path.join(config.test_exec_root, "xdg-cache")
shutil.rmtree(xdg_cache, ignore_errors=True)
config.environment["XDG_CACHE_HOME"] = xdg_cache
config.substitutions.append(
    ("%expect_exit", "bash " + os.path.join(config.test_source_root, "utils", "expect-exit.sh")))
# A copy of a multi-file project with its compile_commands.json: %project NAME DIR
# (@ASIO_PCH@ in a .in file stands for the suite's precompiled Asio).
config.environment["COROLINT_TEST_ASIO_PCH"] = config.asio_pch
config.substitutions.append(
    ("%project", "bash " + os.path.join(config.test_source_root, "utils", "project.sh")))
config.substitutions.append(("%corolint_version", config.corolint_version))
config.substitutions.append(("%build_dir", config.corolint_build_dir))
# Fetched by scripts/install-deps.sh into the source tree's build/; a build
# elsewhere finds it there.
sarif_schema = config.sarif_schema
if not os.path.exists(sarif_schema):
    sarif_schema = os.path.join(config.corolint_source_dir, "build",
                                os.path.basename(sarif_schema))
config.substitutions.append(("%sarif_schema", sarif_schema))
config.substitutions.append(
    ("%utils", os.path.join(config.test_source_root, "utils")))
# Last: the names above that start with %corolint go first. The heartbeat
# a CI log gets every 30 seconds would make a test's output depend on how
# long it ran: it is off, and test/tool/progress.test turns it on (the last
# --progress-interval given counts).
config.substitutions.append(("%corolint_binary", config.corolint_tool))
config.substitutions.append(
    ("%corolint", config.corolint_tool + " --progress-interval=0"))
