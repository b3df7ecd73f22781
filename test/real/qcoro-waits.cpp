// Qt's synchronous waits inside QCoro coroutines, with Debian's Qt 6 and
// QCoro 0.8: rewritten to `co_await qCoro(obj).waitForX(...)` with the
// header of QCoro's wrapper, writing out Qt's default timeout where QCoro's
// method has none; waitForBytesWritten, whose awaited value is not a bool,
// only where its value is discarded. The fixed file compiles.
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-blocking-call' --fix %t.cpp -- -std=c++20 %qt_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only %qt_flags %t.cpp

#include <QCoroTask>
#include <QProcess>
#include <QTcpSocket>
// FIXED: {{^}}#include <QCoroAbstractSocket>{{$}}
// FIXED-NEXT: {{^}}#include <QCoroProcess>{{$}}
// FIXED-NEXT: {{^}}#include <QCoroTask>{{$}}

QCoro::Task<bool> connect(QTcpSocket &Socket, QProcess *Helper) {
  Socket.connectToHost(QStringLiteral("localhost"), 80);
  if (!Socket.waitForConnected(1000))
    co_return false;
  // CHECK: :[[@LINE-2]]:15: warning: blocking call to 'QAbstractSocket::waitForConnected' (synchronous network I/O) inside coroutine 'connect' [coro-blocking-call]
  // CHECK: :[[#CONNECT:@LINE-5]]:19: note: coroutine 'connect' declared here
  // FIXED: {{^}}  if (!co_await qCoro(Socket).waitForConnected(1000)){{$}}
  Socket.waitForReadyRead();
  // CHECK: :[[@LINE-1]]:10: warning: blocking call to 'QAbstractSocket::waitForReadyRead' (synchronous network I/O) inside coroutine 'connect' [coro-blocking-call]
  // CHECK: :[[#CONNECT]]:19: note: coroutine 'connect' declared here
  // FIXED: {{^}}  co_await qCoro(Socket).waitForReadyRead(30000);{{$}}
  Socket.waitForBytesWritten(100);
  // CHECK: :[[@LINE-1]]:10: warning: blocking call to 'QAbstractSocket::waitForBytesWritten' (synchronous network I/O) inside coroutine 'connect' [coro-blocking-call]
  // CHECK: :[[#CONNECT]]:19: note: coroutine 'connect' declared here
  // FIXED: {{^}}  co_await qCoro(Socket).waitForBytesWritten(100);{{$}}
  bool Written = Socket.waitForBytesWritten(100);
  // CHECK: :[[@LINE-1]]:25: warning: blocking call to 'QAbstractSocket::waitForBytesWritten' (synchronous network I/O) inside coroutine 'connect' [coro-blocking-call]
  // CHECK: :[[#CONNECT]]:19: note: coroutine 'connect' declared here
  // CHECK: :[[@LINE-3]]:25: note: use the socket awaited with 'qCoro' instead
  Helper->start(QStringLiteral("true"), {});
  Helper->waitForFinished();
  // CHECK: :[[@LINE-1]]:11: warning: blocking call to 'QProcess::waitForFinished' (waits for a process) inside coroutine 'connect' [coro-blocking-call]
  // CHECK: :[[#CONNECT]]:19: note: coroutine 'connect' declared here
  // FIXED: {{^}}  co_await qCoro(Helper).waitForFinished();{{$}}
  co_return Written;
}
