// Reading standard input and files from a coroutine, with libstdc++'s and
// glibc's real headers: C stdio and iostreams, what a stream or FILE* reads
// from decides the family (stdin, a file, a pipe from popen), and bulk
// std::filesystem work. Writing through an open stream (logging), string
// streams, stat calls and path arithmetic stay quiet; the FileIO switch
// turns the file family off and leaves standard input on.
// RUN: %clang_tidy --checks='-*,coro-blocking-call' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --check-prefixes=CHECK,FILES --implicit-check-not='{{warning|note|error}}:'
// RUN: %clang_tidy --checks='-*,coro-blocking-call' \
// RUN:   --config="{CheckOptions: {coro-blocking-call.FileIO: false}}" %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <cppcoro/task.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

cppcoro::task<> console() {
  std::string Line;
  std::getline(std::cin, Line);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'std::getline' (reads standard input) inside coroutine 'console' [coro-blocking-call]
  // CHECK: :[[#CONSOLE:@LINE-4]]:17: note: coroutine 'console' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous read of standard input (Asio 'posix::stream_descriptor' on 'STDIN_FILENO'), or a thread of its own instead
  int N;
  std::cin >> N;
  // CHECK: :[[@LINE-1]]:12: warning: blocking call to 'std::basic_istream::operator>>' (reads standard input) inside coroutine 'console' [coro-blocking-call]
  // CHECK: :[[#CONSOLE]]:17: note: coroutine 'console' declared here
  // CHECK: :[[@LINE-3]]:12: note: use an asynchronous read of standard input (Asio 'posix::stream_descriptor' on 'STDIN_FILENO'), or a thread of its own instead
  std::cin >> Line;
  // CHECK: :[[@LINE-1]]:12: warning: blocking call to 'std::operator>>' (reads standard input) inside coroutine 'console' [coro-blocking-call]
  // CHECK: :[[#CONSOLE]]:17: note: coroutine 'console' declared here
  // CHECK: :[[@LINE-3]]:12: note: use an asynchronous read of standard input (Asio 'posix::stream_descriptor' on 'STDIN_FILENO'), or a thread of its own instead
  char Buf[64];
  fgets(Buf, sizeof Buf, stdin);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'fgets' (reads standard input) inside coroutine 'console' [coro-blocking-call]
  // CHECK: :[[#CONSOLE]]:17: note: coroutine 'console' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous read of standard input (Asio 'posix::stream_descriptor' on 'STDIN_FILENO'), or a thread of its own instead
  getchar();
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'getchar' (reads standard input) inside coroutine 'console' [coro-blocking-call]
  // CHECK: :[[#CONSOLE]]:17: note: coroutine 'console' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous read of standard input (Asio 'posix::stream_descriptor' on 'STDIN_FILENO'), or a thread of its own instead
  // Writing to the console is logging.
  std::cout << Line << '\n';
  fprintf(stderr, "%d\n", N);
  co_return;
}

cppcoro::task<> files(const std::filesystem::path &Dir) {
  std::ifstream In(Dir / "config");
  // FILES: :[[@LINE-1]]:17: warning: blocking call to 'std::basic_ifstream::basic_ifstream' (synchronous file I/O) inside coroutine 'files' [coro-blocking-call]
  // FILES: :[[#FILES:@LINE-3]]:17: note: coroutine 'files' declared here
  // FILES: :[[@LINE-3]]:17: note: use a thread pool for file work, or the framework's asynchronous files (Asio 'stream_file', Seastar 'open_file_dma', cppcoro 'read_only_file') instead
  std::string Word;
  In >> Word;
  // FILES: :[[@LINE-1]]:6: warning: blocking call to 'std::operator>>' (synchronous file I/O) inside coroutine 'files' [coro-blocking-call]
  // FILES: :[[#FILES]]:17: note: coroutine 'files' declared here
  // FILES: :[[@LINE-3]]:6: note: use a thread pool for file work, or the framework's asynchronous files (Asio 'stream_file', Seastar 'open_file_dma', cppcoro 'read_only_file') instead
  FILE *F = fopen("data.bin", "rb");
  // FILES: :[[@LINE-1]]:13: warning: blocking call to 'fopen' (synchronous file I/O) inside coroutine 'files' [coro-blocking-call]
  // FILES: :[[#FILES]]:17: note: coroutine 'files' declared here
  // FILES: :[[@LINE-3]]:13: note: use a thread pool for file work, or the framework's asynchronous files (Asio 'stream_file', Seastar 'open_file_dma', cppcoro 'read_only_file') instead
  char Buf[64];
  fread(Buf, 1, sizeof Buf, F);
  // FILES: :[[@LINE-1]]:3: warning: blocking call to 'fread' (synchronous file I/O) inside coroutine 'files' [coro-blocking-call]
  // FILES: :[[#FILES]]:17: note: coroutine 'files' declared here
  // FILES: :[[@LINE-3]]:3: note: use a thread pool for file work, or the framework's asynchronous files (Asio 'stream_file', Seastar 'open_file_dma', cppcoro 'read_only_file') instead
  std::filesystem::copy(Dir, Dir / "backup");
  // FILES: :[[@LINE-1]]:3: warning: blocking call to 'std::filesystem::copy' (synchronous file I/O) inside coroutine 'files' [coro-blocking-call]
  // FILES: :[[#FILES]]:17: note: coroutine 'files' declared here
  // FILES: :[[@LINE-3]]:3: note: use a thread pool for file work, or the framework's asynchronous files (Asio 'stream_file', Seastar 'open_file_dma', cppcoro 'read_only_file') instead
  for (const auto &Entry : std::filesystem::recursive_directory_iterator(Dir))
    (void)Entry;
  // FILES: :[[@LINE-2]]:28: warning: blocking call to 'std::filesystem::recursive_directory_iterator::recursive_directory_iterator' (synchronous file I/O) inside coroutine 'files' [coro-blocking-call]
  // FILES: :[[#FILES]]:17: note: coroutine 'files' declared here
  // FILES: :[[@LINE-4]]:28: note: use a thread pool for file work, or the framework's asynchronous files (Asio 'stream_file', Seastar 'open_file_dma', cppcoro 'read_only_file') instead
  // A pipe from popen is a process; it is read like a file.
  FILE *Ls = popen("ls", "r");
  // CHECK: :[[@LINE-1]]:14: warning: blocking call to 'popen' (waits for a process) inside coroutine 'files' [coro-blocking-call]
  // CHECK: :[[#PIPE_IN_FILES:@LINE-31]]:17: note: coroutine 'files' declared here
  // CHECK: :[[@LINE-3]]:14: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
  fgets(Buf, sizeof Buf, Ls);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'fgets' (waits for a process) inside coroutine 'files' [coro-blocking-call]
  // CHECK: :[[#PIPE_IN_FILES]]:17: note: coroutine 'files' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
  co_return;
}

// What does not wait for the disk.
cppcoro::task<> quiet(const std::filesystem::path &Dir, std::ostream &Log) {
  Log << "starting\n";
  std::ofstream Out;
  std::ifstream Unopened;
  std::istringstream Text("1 2");
  int N;
  Text >> N;
  std::string Line;
  std::getline(Text, Line);
  FILE *F = fopen("log.txt", "a");
  fputs("x", F);
  (void)std::filesystem::exists(Dir);
  (void)(Dir / "a" / "b").extension();
  co_return;
}
