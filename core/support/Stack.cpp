//===--- Stack.cpp - Room for walks as deep as the input's expressions ----===//

#include "Stack.h"
#include <pthread.h>

namespace corolint {

namespace {

/// About 2.5 KiB a level for the walk's frames, and room besides.
constexpr size_t LargeStack = size_t(1) << 30;

thread_local bool OnLargeStack = false;

struct Job {
  llvm::function_ref<void()> Fn;
};

void *run(void *Arg) {
  OnLargeStack = true;
  static_cast<Job *>(Arg)->Fn();
  return nullptr;
}

} // namespace

void runWithLargeStack(llvm::function_ref<void()> Fn) {
  if (OnLargeStack) {
    Fn();
    return;
  }
  Job J{Fn};
  pthread_attr_t Attr;
  pthread_t Thread;
  bool Started = pthread_attr_init(&Attr) == 0 &&
                 pthread_attr_setstacksize(&Attr, LargeStack) == 0 &&
                 pthread_create(&Thread, &Attr, run, &J) == 0;
  pthread_attr_destroy(&Attr);
  if (!Started) {
    Fn(); // without a thread: as deep as this one's stack allows
    return;
  }
  pthread_join(Thread, nullptr);
}

} // namespace corolint
