// Logging is a family of its own, off by default (issue 21, item 3). An
// in-house logger whose destructor writes its line to the log file, named
// as a logger, is not followed while the family is off: no warning per log
// statement, and the helper that logs still reports what else it blocks
// on. syslog, the C library's logger, is the family's too. With Logging
// on, both are reported.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --check-prefixes=CHECK --implicit-check-not='{{warning|note|error}}:'
// RUN: %clang_tidy --checks='-*,coro-*' --config="{CheckOptions: {coro-blocking-call.Logging: true}}" \
// RUN:   %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --check-prefixes=CHECK,ON --implicit-check-not='{{warning|note|error}}:'
// A switch that is neither true nor false leaves the family off.
// RUN: not %clang_tidy --checks='-*,coro-*' --config="{CheckOptions: {coro-blocking-call.Logging: maybe}}" \
// RUN:   %s -- -std=c++20 -I %inputs 2>&1 | FileCheck %s --check-prefix=BAD
// BAD: error: option 'Logging' of check 'coro-blocking-call': 'maybe' is neither true nor false; the family stays off [clang-tidy-config]
// BAD-NOT: (writes a log line)

#include "cppcoro/task.hpp"
#include <cstdio>
#include <fcntl.h>
#include <sstream>
#include <string>
#include <syslog.h>
#include <unistd.h>

// An in-house logger: each statement's temporary writes its line to the
// log file when it is destroyed.
namespace xlog {
int logFile() {
  static int Fd = open("/tmp/app.log", O_WRONLY | O_CREAT | O_APPEND, 0644);
  return Fd;
}
class line_logger {
public:
  template <class T> line_logger &operator<<(const T &V) {
    Out << V;
    return *this;
  }
  ~line_logger() {
    std::string S = Out.str() + "\n";
    write(logFile(), S.data(), S.size());
  }

private:
  std::ostringstream Out;
};
} // namespace xlog

// A helper that logs, then reads a file: the read is what blocks.
std::string loadConfig(const char *Path) {
  xlog::line_logger() << "loading " << Path;
  std::FILE *F = std::fopen(Path, "r");
  char Buf[256] = {};
  if (F) {
    std::fread(Buf, 1, sizeof Buf - 1, F);
    std::fclose(F);
  }
  return Buf;
}

cppcoro::task<int> handle(int Request) {
  xlog::line_logger() << "request " << Request;
  // ON: :[[@LINE-1]]:3: warning: call to 'xlog::line_logger::~line_logger' reaches blocking call to 'write' (synchronous descriptor I/O) inside coroutine 'handle' [coro-blocking-call]
  // ON: :[[@LINE-2]]:40: note: 'xlog::line_logger::~line_logger' is called here
  // ON: :[[@LINE-4]]:20: note: coroutine 'handle' declared here
  // ON: :[[#@LINE-25]]:5: note: 'xlog::line_logger::~line_logger' calls 'write' here
  // ON: :[[@LINE-5]]:3: note: use a non-blocking descriptor whose readiness is awaited (Asio 'posix::stream_descriptor', libcoro 'sched->poll(fd, op)') instead
  syslog(LOG_INFO, "request %d", Request);
  // ON: :[[@LINE-1]]:3: warning: blocking call to 'syslog' (writes a log line) inside coroutine 'handle' [coro-blocking-call]
  // ON: :[[@LINE-9]]:20: note: coroutine 'handle' declared here
  // ON: :[[@LINE-3]]:3: note: use an asynchronous logger whose own thread writes the lines (spdlog's 'async_logger', a queue drained by a logging thread) instead
  std::string Config = loadConfig("/etc/app.conf");
  // CHECK: :[[@LINE-1]]:24: warning: call to 'loadConfig' reaches blocking call to 'fopen' (synchronous file I/O) inside coroutine 'handle' [coro-blocking-call]
  // CHECK: :[[@LINE-13]]:20: note: coroutine 'handle' declared here
  // CHECK: :[[#@LINE-23]]:18: note: 'loadConfig' calls 'fopen' here
  // CHECK: :[[@LINE-4]]:24: note: use a thread pool for file work, or the framework's asynchronous files (Asio 'stream_file', Seastar 'open_file_dma', cppcoro 'read_only_file') instead
  co_return static_cast<int>(Config.size()) + Request;
}
