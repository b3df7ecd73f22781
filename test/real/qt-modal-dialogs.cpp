// Qt Widgets' modal dialogs, menus and drags run a nested event loop until
// the user is done (QDialog::exec; the static conveniences call it), with
// Debian's qt6-base-dev headers. Shown with open() or popup() and awaited,
// they stay quiet. A miss of first contact (issue 21): a QMessageBox after
// a co_await in a GUI coroutine.
// RUN: %clang_tidy --checks='-*,coro-*' %s -- -std=c++20 %qt_flags \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
// RUN: %clangxx -std=c++20 -fsyntax-only %qt_flags %s

#include <QCoroSignal>
#include <QCoroTask>
#include <QDialog>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>

QCoro::Task<> ask(QWidget *Parent, QDialog &Dialog, QMenu &Menu) {
  QMessageBox::warning(Parent, "Title", "Text");
  // CHECK: :[[@LINE-1]]:3: warning: nested run 'QMessageBox::warning' inside coroutine 'ask' [coro-nested-run]
  // CHECK: :[[#ASK:@LINE-3]]:15: note: coroutine 'ask' declared here
  // CHECK: :[[@LINE-3]]:3: note: a modal dialog runs a nested event loop that re-enters the application; show it with open() and await its 'finished' signal with QCoro instead
  Dialog.exec();
  // CHECK: :[[@LINE-1]]:10: warning: nested run 'QDialog::exec' inside coroutine 'ask' [coro-nested-run]
  // CHECK: :[[#ASK]]:15: note: coroutine 'ask' declared here
  // CHECK: :[[@LINE-3]]:10: note: a modal dialog runs a nested event loop that re-enters the application; show it with open() and await its 'finished' signal with QCoro instead
  QFileDialog Files(Parent);
  Files.exec();
  // CHECK: :[[@LINE-1]]:9: warning: nested run 'QDialog::exec' inside coroutine 'ask' [coro-nested-run]
  // CHECK: :[[#ASK]]:15: note: coroutine 'ask' declared here
  // CHECK: :[[@LINE-3]]:9: note: a modal dialog runs a nested event loop that re-enters the application; show it with open() and await its 'finished' signal with QCoro instead
  QString Name = QFileDialog::getOpenFileName(Parent);
  // CHECK: :[[@LINE-1]]:18: warning: nested run 'QFileDialog::getOpenFileName' inside coroutine 'ask' [coro-nested-run]
  // CHECK: :[[#ASK]]:15: note: coroutine 'ask' declared here
  // CHECK: :[[@LINE-3]]:18: note: a modal dialog runs a nested event loop that re-enters the application; show it with open() and await its 'finished' signal with QCoro instead
  Menu.exec(QPoint(0, 0));
  // CHECK: :[[@LINE-1]]:8: warning: nested run 'QMenu::exec' inside coroutine 'ask' [coro-nested-run]
  // CHECK: :[[#ASK]]:15: note: coroutine 'ask' declared here
  // CHECK: :[[@LINE-3]]:8: note: a modal menu or drag runs a nested event loop that re-enters the application; show the menu with popup() and await its signal with QCoro instead
  // Shown without a nested loop, its end awaited.
  Dialog.open();
  co_await qCoro(&Dialog, &QDialog::finished);
  Menu.popup(QPoint(0, 0));
}
