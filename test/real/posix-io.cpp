// POSIX calls that block, with glibc's real headers: socket and descriptor
// I/O, waits for descriptors, processes, threads and file locks. Reactors
// call the same functions on descriptors that cannot block: a flag that
// makes the call poll (MSG_DONTWAIT, WNOHANG, LOCK_NB, a zero timeout), a
// descriptor made non-blocking where it was made or by fcntl, and a
// descriptor whose readiness the coroutine awaited first stay quiet, and so
// does logging to standard error.
// RUN: %clang_tidy --checks='-*,coro-blocking-call' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: %clang_tidy --checks='-*,coro-blocking-call' %s -- -std=c++20 -I %inputs -O2 -D_FORTIFY_SOURCE=2 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <coro/coro.hpp>
#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

coro::task<> blocking_socket(int Fd) {
  char Buf[64];
  recv(Fd, Buf, sizeof Buf, 0);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'recv' (synchronous network I/O) inside coroutine 'blocking_socket' [coro-blocking-call]
  // CHECK: :[[#BLOCKING_SOCKET:@LINE-4]]:14: note: coroutine 'blocking_socket' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'coro::net::tcp::client', or 'co_await sched->poll(fd, op)' on a non-blocking socket instead
  send(Fd, Buf, 1, MSG_NOSIGNAL);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'send' (synchronous network I/O) inside coroutine 'blocking_socket' [coro-blocking-call]
  // CHECK: :[[#BLOCKING_SOCKET]]:14: note: coroutine 'blocking_socket' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'coro::net::tcp::client', or 'co_await sched->poll(fd, op)' on a non-blocking socket instead
  int Peer = accept(Fd, nullptr, nullptr);
  // CHECK: :[[@LINE-1]]:14: warning: blocking call to 'accept' (synchronous network I/O) inside coroutine 'blocking_socket' [coro-blocking-call]
  // CHECK: :[[#BLOCKING_SOCKET]]:14: note: coroutine 'blocking_socket' declared here
  // CHECK: :[[@LINE-3]]:14: note: use 'coro::net::tcp::client', or 'co_await sched->poll(fd, op)' on a non-blocking socket instead
  read(Peer, Buf, sizeof Buf);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'read' (synchronous descriptor I/O) inside coroutine 'blocking_socket' [coro-blocking-call]
  // CHECK: :[[#BLOCKING_SOCKET]]:14: note: coroutine 'blocking_socket' declared here
  // CHECK: :[[@LINE-3]]:3: note: use a non-blocking descriptor whose readiness is awaited (Asio 'posix::stream_descriptor', libcoro 'sched->poll(fd, op)') instead
  pollfd P{Fd, POLLIN, 0};
  poll(&P, 1, -1);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'poll' (synchronous descriptor I/O) inside coroutine 'blocking_socket' [coro-blocking-call]
  // CHECK: :[[#BLOCKING_SOCKET]]:14: note: coroutine 'blocking_socket' declared here
  // CHECK: :[[@LINE-3]]:3: note: use a non-blocking descriptor whose readiness is awaited (Asio 'posix::stream_descriptor', libcoro 'sched->poll(fd, op)') instead
  fd_set Set;
  select(Fd + 1, &Set, nullptr, nullptr, nullptr);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'select' (synchronous descriptor I/O) inside coroutine 'blocking_socket' [coro-blocking-call]
  // CHECK: :[[#BLOCKING_SOCKET]]:14: note: coroutine 'blocking_socket' declared here
  // CHECK: :[[@LINE-3]]:3: note: use a non-blocking descriptor whose readiness is awaited (Asio 'posix::stream_descriptor', libcoro 'sched->poll(fd, op)') instead
  epoll_event Events[4];
  epoll_wait(Fd, Events, 4, 100);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'epoll_wait' (synchronous descriptor I/O) inside coroutine 'blocking_socket' [coro-blocking-call]
  // CHECK: :[[#BLOCKING_SOCKET]]:14: note: coroutine 'blocking_socket' declared here
  // CHECK: :[[@LINE-3]]:3: note: use a non-blocking descriptor whose readiness is awaited (Asio 'posix::stream_descriptor', libcoro 'sched->poll(fd, op)') instead
  co_return;
}

// The forms that do not wait.
coro::task<> polling(int Fd, coro::scheduler &Sched) {
  char Buf[64];
  recv(Fd, Buf, sizeof Buf, MSG_DONTWAIT | MSG_PEEK);
  pollfd P{Fd, POLLIN, 0};
  poll(&P, 1, 0);
  timeval Zero{};
  fd_set Set;
  select(Fd + 1, &Set, nullptr, nullptr, &Zero);
  epoll_event Events[4];
  epoll_wait(Fd, Events, 4, 0);
  int Status;
  waitpid(-1, &Status, WNOHANG);
  flock(Fd, LOCK_EX | LOCK_NB);
  // Unlocking never waits.
  flock(Fd, LOCK_UN);
  struct flock Lock {};
  fcntl(Fd, F_SETLK, &Lock);
  lockf(Fd, F_TLOCK, 0);
  // Made non-blocking where it is made, or by fcntl.
  int Sock = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  connect(Sock, nullptr, 0);
  int Pipe = open("/tmp/fifo", O_RDONLY | O_NONBLOCK);
  read(Pipe, Buf, sizeof Buf);
  fcntl(Fd, F_SETFL, fcntl(Fd, F_GETFL) | O_NONBLOCK);
  accept(Fd, nullptr, nullptr);
  // Awaited readiness, as libcoro's clients do before reading.
  int Client = Fd + 1;
  co_await Sched.poll(Client, coro::poll_op::read);
  recv(Client, Buf, sizeof Buf, 0);
  // Logging.
  write(STDERR_FILENO, "done\n", 5);
  co_return;
}

// A descriptor made non-blocking elsewhere (in a constructor), by code that
// tests for EAGAIN or EINPROGRESS: it expects the call not to block, as
// libcoro's tcp::client::connect does.
struct Peer {
  int Fd;
  coro::scheduler *Sched;
  coro::task<bool> connect_to(const sockaddr *Addr, socklen_t Len) {
    if (::connect(Fd, Addr, Len) == 0)
      co_return true;
    if (errno != EINPROGRESS)
      co_return false;
    co_await Sched->poll(Fd, coro::poll_op::write);
    co_return true;
  }
  coro::task<long> pull(char *Buf) {
    for (;;) {
      long N = ::read(Fd, Buf, 64);
      if (N >= 0)
        co_return N;
      switch (errno) {
      case EAGAIN:
        co_await Sched->poll(Fd, coro::poll_op::read);
        break;
      default:
        co_return -1;
      }
    }
  }
};

coro::task<> waits(pid_t Child, pthread_t Thread, pthread_cond_t *Cond,
                   pthread_mutex_t *Mutex, sem_t *Sem, int Fd) {
  int Status;
  waitpid(Child, &Status, 0);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'waitpid' (waits for a process) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS:@LINE-5]]:14: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
  pthread_join(Thread, nullptr);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'pthread_join' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:14: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use the framework's join or 'when_all' instead
  pthread_cond_wait(Cond, Mutex);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'pthread_cond_wait' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:14: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'coro::condition_variable' instead
  sem_wait(Sem);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'sem_wait' (waits for another thread) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:14: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'coro::latch' or 'coro::semaphore' instead
  flock(Fd, LOCK_EX);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'flock' (waits for a lock) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:14: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'coro::mutex' instead
  struct flock Lock {};
  fcntl(Fd, F_SETLKW, &Lock);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'fcntl' (waits for a lock) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:14: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'coro::mutex' instead
  lockf(Fd, F_LOCK, 0);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'lockf' (waits for a lock) inside coroutine 'waits' [coro-blocking-call]
  // CHECK: :[[#WAITS]]:14: note: coroutine 'waits' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'coro::mutex' instead
  co_return;
}

// Through a helper, a member, a template and a destructor.
ssize_t receive(int Fd, char *Buf) { return recv(Fd, Buf, 16, 0); }

struct Connection {
  int Fd;
  void drain() {
    char Buf[16];
    read(Fd, Buf, sizeof Buf);
  }
  ~Connection() { waitpid(-1, nullptr, 0); }
};

template <typename T> void reap(T Pid) { waitpid(Pid, nullptr, 0); }

coro::task<> through_helpers(int Fd, Connection &C) {
  char Buf[16];
  receive(Fd, Buf);
  // CHECK: :[[@LINE-1]]:3: warning: call to 'receive' reaches blocking call to 'recv' (synchronous network I/O) inside coroutine 'through_helpers' [coro-blocking-call]
  // CHECK: :[[#THROUGH_HELPERS:@LINE-4]]:14: note: coroutine 'through_helpers' declared here
  // CHECK: :[[@LINE-18]]:45: note: 'receive' calls 'recv' here
  // CHECK: :[[@LINE-4]]:3: note: use 'coro::net::tcp::client', or 'co_await sched->poll(fd, op)' on a non-blocking socket instead
  C.drain();
  // CHECK: :[[@LINE-1]]:5: warning: call to 'Connection::drain' reaches blocking call to 'read' (synchronous descriptor I/O) inside coroutine 'through_helpers' [coro-blocking-call]
  // CHECK: :[[#THROUGH_HELPERS]]:14: note: coroutine 'through_helpers' declared here
  // CHECK: :[[@LINE-17]]:5: note: 'Connection::drain' calls 'read' here
  // CHECK: :[[@LINE-4]]:5: note: use a non-blocking descriptor whose readiness is awaited (Asio 'posix::stream_descriptor', libcoro 'sched->poll(fd, op)') instead
  reap(42);
  // CHECK: :[[@LINE-1]]:3: warning: call to 'reap' reaches blocking call to 'waitpid' (waits for a process) inside coroutine 'through_helpers' [coro-blocking-call]
  // CHECK: :[[#THROUGH_HELPERS]]:14: note: coroutine 'through_helpers' declared here
  // CHECK: :[[@LINE-17]]:42: note: 'reap' calls 'waitpid' here
  // CHECK: :[[@LINE-4]]:3: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
  Connection Temporary{Fd};
  co_return;
  // CHECK: :[[@LINE-2]]:14: warning: call to 'Connection::~Connection' reaches blocking call to 'waitpid' (waits for a process) inside coroutine 'through_helpers' [coro-blocking-call]
  // CHECK: :[[@LINE+4]]:1: note: 'Connection::~Connection' is called here
  // CHECK: :[[#THROUGH_HELPERS]]:14: note: coroutine 'through_helpers' declared here
  // CHECK: :[[@LINE-27]]:19: note: 'Connection::~Connection' calls 'waitpid' here
  // CHECK: :[[@LINE-6]]:14: note: use an asynchronous process API (Boost.Process v2 'async_execute', Seastar 'spawn_process', Qt 'QProcess' with QCoro) instead
}
