// An in-house task type: without SleepReplacement a note, with it a fix-it
// that follows the team's pattern and adds its include.
// RUN: %clang_tidy --checks='-*,coro-blocking-sleep' %s -- -std=c++20 -I %inputs \
// RUN:   | FileCheck --check-prefix=DEFAULT %s --implicit-check-not='{{warning|note|error}}:'
// RUN: cp %s %t.cpp
// RUN: %clang_tidy --checks='-*,coro-blocking-sleep' \
// RUN:   --config="{CheckOptions: {coro-blocking-sleep.SleepReplacement: 'co_await acme::delay(%%0)', coro-blocking-sleep.SleepReplacementInclude: '\"inhouse/timer.h\"'}}" \
// RUN:   --fix %t.cpp -- -std=c++20 -I %inputs | FileCheck --check-prefix=OPTION %s
// RUN: FileCheck --check-prefix=FIXED %s < %t.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I %inputs %t.cpp
// A pattern without %0 is a configuration error.
// RUN: not %clang_tidy --checks='-*,coro-blocking-sleep' \
// RUN:   --config="{CheckOptions: {coro-blocking-sleep.SleepReplacement: 'co_await acme::delay()'}}" \
// RUN:   %s -- -std=c++20 -I %inputs 2>&1 | FileCheck --check-prefix=BAD %s
// BAD: error: option 'SleepReplacement' of check 'coro-blocking-sleep' has no '%0' where the duration goes: 'co_await acme::delay()'; it is ignored [clang-tidy-config]

// FIXED: {{^}}#include "inhouse/timer.h"{{$}}
#include "inhouse/task.h"
#include <chrono>
#include <thread>
#include <unistd.h>

acme::Job<int> poll_ledger() {
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  // DEFAULT: :[[@LINE-1]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'poll_ledger' [coro-blocking-sleep]
  // DEFAULT: :[[#POLL:@LINE-3]]:16: note: coroutine 'poll_ledger' declared here
  // DEFAULT: :[[@LINE-3]]:3: note: await the framework's asynchronous timer instead; option 'SleepReplacement' gives a fix-it for in-house task types
  // OPTION: :[[@LINE-4]]:3: warning: blocking sleep 'std::this_thread::sleep_for' inside coroutine 'poll_ledger'
  // FIXED: {{^}}  co_await acme::delay(std::chrono::milliseconds(50));{{$}}
  sleep(1);
  // DEFAULT: :[[@LINE-1]]:3: warning: blocking sleep 'sleep' inside coroutine 'poll_ledger' [coro-blocking-sleep]
  // DEFAULT: :[[#POLL]]:16: note: coroutine 'poll_ledger' declared here
  // DEFAULT: :[[@LINE-3]]:3: note: await the framework's asynchronous timer instead
  // OPTION: :[[@LINE-4]]:3: warning: blocking sleep 'sleep' inside coroutine 'poll_ledger'
  // FIXED: {{^}}  co_await acme::delay(std::chrono::seconds(1));{{$}}
  co_return 0;
}
