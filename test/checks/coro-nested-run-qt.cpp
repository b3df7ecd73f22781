// Qt's nested event loops in a QCoro coroutine: QEventLoop::exec, Qt Test's
// qWait and qWaitFor, and processEvents when it waits for more events (not
// when it only processes what is pending).
// RUN: %clang_tidy --checks='-*,coro-nested-run' %s -- -std=c++20 -I %inputs/qcoro \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <QCoroTask>

QCoro::Task<> settle(QEventLoop &Loop) {
  QTest::qWait(100);
  // CHECK: :[[@LINE-1]]:3: warning: nested run 'QTest::qWait' inside coroutine 'settle' [coro-nested-run]
  // CHECK: :[[#SETTLE:@LINE-3]]:15: note: coroutine 'settle' declared here
  // CHECK: :[[@LINE-3]]:3: note: a nested event loop re-enters the application; await the work with QCoro instead
  QTest::qWaitFor([] { return true; });
  // CHECK: :[[@LINE-1]]:3: warning: nested run 'QTest::qWaitFor' inside coroutine 'settle' [coro-nested-run]
  // CHECK: :[[#SETTLE]]:15: note: coroutine 'settle' declared here
  // CHECK: :[[@LINE-3]]:3: note: a nested event loop re-enters the application; await the work with QCoro instead
  QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
  // CHECK: :[[@LINE-1]]:3: warning: nested run 'QCoreApplication::processEvents' inside coroutine 'settle' [coro-nested-run]
  // CHECK: :[[#SETTLE]]:15: note: coroutine 'settle' declared here
  // CHECK: :[[@LINE-3]]:3: note: a nested event loop re-enters the application; await the work with QCoro instead
  QCoreApplication::processEvents();
  QCoreApplication::processEvents(QEventLoop::AllEvents);
  Loop.exec();
  // CHECK: :[[@LINE-1]]:8: warning: nested run 'QEventLoop::exec' inside coroutine 'settle' [coro-nested-run]
  // CHECK: :[[#SETTLE]]:15: note: coroutine 'settle' declared here
  // CHECK: :[[@LINE-3]]:8: note: a nested event loop re-enters the application; await the work with QCoro instead
  co_return;
}
