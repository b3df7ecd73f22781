//===--- FrameworkTables.cpp - The framework knowledge, as data -----------===//
//
// Sources: ../shared/FRAMEWORKS.md, drawn from each framework's headers and
// documentation. One block per framework where the framework has its own
// rows; the function tables are grouped by framework too.
//
//===----------------------------------------------------------------------===//

#include "FrameworkTables.h"

namespace corolint {

namespace {

constexpr Period Nanoseconds{1, 1000000000};
constexpr Period Milliseconds{1, 1000};
constexpr Period AnyPeriod{0, 0};

const FrameworkInfo Frameworks[] = {
    {Framework::Asio,
     "Asio",
     {"co_await asio::steady_timer(co_await asio::this_coro::executor, %0)"
      ".async_wait(asio::use_awaitable)",
      "co_await asio::steady_timer(co_await asio::this_coro::executor, %0)"
      ".async_wait(asio::use_awaitable)",
      Nanoseconds,
      {{"asio::steady_timer", "<asio/steady_timer.hpp>"},
       {"asio::this_coro::executor", "<asio/this_coro.hpp>"},
       {"asio::use_awaitable", "<asio/use_awaitable.hpp>"}},
      "await 'asio::steady_timer(co_await asio::this_coro::executor, d)"
      ".async_wait(asio::use_awaitable)'"},
     "asio::any_io_executor",
     "asio::awaitable<%0>"},
    {Framework::BoostAsio,
     "Boost.Asio",
     {"co_await boost::asio::steady_timer(co_await "
      "boost::asio::this_coro::executor, %0)"
      ".async_wait(boost::asio::use_awaitable)",
      "co_await boost::asio::steady_timer(co_await "
      "boost::asio::this_coro::executor, %0)"
      ".async_wait(boost::asio::use_awaitable)",
      Nanoseconds,
      {{"boost::asio::steady_timer", "<boost/asio/steady_timer.hpp>"},
       {"boost::asio::this_coro::executor", "<boost/asio/this_coro.hpp>"},
       {"boost::asio::use_awaitable", "<boost/asio/use_awaitable.hpp>"}},
      "await 'boost::asio::steady_timer(co_await "
      "boost::asio::this_coro::executor, d)"
      ".async_wait(boost::asio::use_awaitable)'"},
     "boost::asio::any_io_executor",
     "boost::asio::awaitable<%0>"},
    {Framework::Cppcoro,
     "cppcoro",
     {"",
      "",
      AnyPeriod,
      {},
      "await 'io_service.schedule_after(d)' on a 'cppcoro::io_service'"},
     "",
     "cppcoro::task<%0>"},
    {Framework::Folly,
     "folly",
     {"co_await folly::coro::sleep(%0)",
      "",
      Nanoseconds,
      {{"folly::coro::sleep", "<folly/coro/Sleep.h>"}},
      "await 'folly::coro::sleep(d)'"},
     "",
     "folly::coro::Task<%0>"},
    {Framework::Stdexec,
     "stdexec",
     {"",
      "",
      AnyPeriod,
      {},
      "await 'exec::schedule_after(sched, d)' on a timed scheduler"},
     "",
     "exec::task<%0>"},
    {Framework::Unifex,
     "libunifex",
     {"",
      "",
      AnyPeriod,
      {},
      "await 'unifex::schedule_after(sched, d)' on a scheduler"},
     "",
     "unifex::task<%0>"},
    {Framework::AsyncSimple,
     "async_simple",
     {"co_await async_simple::coro::sleep(%0)",
      "",
      AnyPeriod,
      {{"async_simple::coro::sleep", "<async_simple/coro/Sleep.h>"}},
      "await 'async_simple::coro::sleep(d)'"},
     "",
     "async_simple::coro::Lazy<%0>"},
    {Framework::Libcoro,
     "libcoro",
     {"",
      "",
      AnyPeriod,
      {},
      "await 'sched->yield_for(d)' on a 'coro::scheduler'"},
     "",
     "coro::task<%0>"},
    {Framework::Concurrencpp,
     "concurrencpp",
     {"",
      "",
      AnyPeriod,
      {},
      "await 'runtime.timer_queue()->make_delay_object(d, executor)'"},
     "",
     "concurrencpp::result<%0>"},
    {Framework::Cobalt,
     "Boost.Cobalt",
     {"",
      "",
      AnyPeriod,
      {},
      "await 'boost::asio::steady_timer(co_await "
      "boost::cobalt::this_coro::executor, d)"
      ".async_wait(boost::cobalt::use_op)'"},
     "",
     "boost::cobalt::task<%0>"},
    {Framework::Seastar,
     "Seastar",
     {"co_await seastar::sleep(%0)",
      "",
      AnyPeriod,
      {{"seastar::sleep", "<seastar/core/sleep.hh>"}},
      "await 'seastar::sleep(d)'"},
     "",
     "seastar::future<%0>"},
    {Framework::QCoro,
     "QCoro",
     {"co_await QCoro::sleepFor(%0)",
      "",
      Milliseconds,
      {{"QCoro::sleepFor", "<QCoroTimer>"}},
      "await 'QCoro::sleepFor(d)'"},
     "",
     "QCoro::Task<%0>"},
    {Framework::StdExecution,
     "std::execution",
     {"",
      "",
      AnyPeriod,
      {},
      "await a timed scheduler's 'schedule_after(sched, d)'"},
     "",
     ""},
};

const TaskType TaskTypes[] = {
    // Asio and Boost.Asio. experimental::coro has its own awaitables, so the
    // awaitable-based rewrites do not apply there.
    {"asio::awaitable", Framework::Asio, false, true},
    {"asio::experimental::coro", Framework::Asio, false, false},
    {"boost::asio::awaitable", Framework::BoostAsio, false, true},
    {"boost::asio::experimental::coro", Framework::BoostAsio, false, false},
    // cppcoro
    {"cppcoro::task", Framework::Cppcoro, false, true},
    {"cppcoro::shared_task", Framework::Cppcoro, false, true},
    {"cppcoro::async_generator", Framework::Cppcoro, false, true},
    {"cppcoro::generator", Framework::Cppcoro, true, false},
    {"cppcoro::recursive_generator", Framework::Cppcoro, true, false},
    // folly
    {"folly::coro::Task", Framework::Folly, false, true},
    {"folly::coro::TaskWithExecutor", Framework::Folly, false, true},
    {"folly::coro::AsyncGenerator", Framework::Folly, false, true},
    // folly's Expected and Optional coroutines run synchronously, to the
    // end, in their caller: they are not asynchronous contexts.
    {"folly::Expected", Framework::Folly, true, false},
    {"folly::Optional", Framework::Folly, true, false},
    // stdexec
    {"exec::task", Framework::Stdexec, false, true},
    {"stdexec::task", Framework::Stdexec, false, true},
    // exec::task is an alias of this class template.
    {"exec::__task::basic_task", Framework::Stdexec, false, true},
    // libunifex
    {"unifex::task", Framework::Unifex, false, true},
    {"unifex::nothrow_task", Framework::Unifex, false, true},
    // unifex::task<T> is an alias of _task<T>::type.
    {"unifex::_task::_task::type", Framework::Unifex, false, true},
    // async_simple
    {"async_simple::coro::Lazy", Framework::AsyncSimple, false, true},
    {"async_simple::coro::RescheduleLazy", Framework::AsyncSimple, false,
     true},
    // libcoro
    {"coro::task", Framework::Libcoro, false, true},
    {"coro::generator", Framework::Libcoro, true, false},
    // concurrencpp
    {"concurrencpp::result", Framework::Concurrencpp, false, true},
    {"concurrencpp::lazy_result", Framework::Concurrencpp, false, true},
    {"concurrencpp::shared_result", Framework::Concurrencpp, false, true},
    {"concurrencpp::null_result", Framework::Concurrencpp, false, true},
    // Boost.Cobalt
    {"boost::cobalt::task", Framework::Cobalt, false, true},
    {"boost::cobalt::promise", Framework::Cobalt, false, true},
    {"boost::cobalt::generator", Framework::Cobalt, false, true},
    {"boost::cobalt::main", Framework::Cobalt, false, true},
    {"boost::cobalt::detached", Framework::Cobalt, false, true},
    // Seastar
    {"seastar::future", Framework::Seastar, false, true},
    // QCoro
    {"QCoro::Task", Framework::QCoro, false, true},
    {"QCoro::LazyTask", Framework::QCoro, false, true},
    {"QCoro::AsyncGenerator", Framework::QCoro, false, true},
    // The standard library
    {"std::execution::task", Framework::StdExecution, false, true},
    {"std::generator", Framework::Unknown, true, false},
};

const SleepFunction SleepFunctions[] = {
    // The standard library and POSIX
    {"std::this_thread::sleep_for", SleepArg::Duration},
    {"std::this_thread::sleep_until", SleepArg::TimePoint},
    {"sleep", SleepArg::Seconds},
    {"usleep", SleepArg::Microseconds},
    {"nanosleep", SleepArg::Opaque},
    {"clock_nanosleep", SleepArg::Opaque},
    // Boost.Thread (Boost.Chrono and Boost.DateTime arguments)
    {"boost::this_thread::sleep_for", SleepArg::Opaque},
    {"boost::this_thread::sleep_until", SleepArg::Opaque},
    {"boost::this_thread::sleep", SleepArg::Opaque},
    {"boost::this_thread::no_interruption_point::sleep_for", SleepArg::Opaque},
    {"boost::this_thread::no_interruption_point::sleep_until",
     SleepArg::Opaque},
    // Qt
    {"QThread::sleep", SleepArg::Seconds},
    {"QThread::msleep", SleepArg::Milliseconds},
    {"QThread::usleep", SleepArg::Microseconds},
    // SQLite
    {"sqlite3_sleep", SleepArg::Milliseconds},
};

constexpr llvm::StringLiteral AsioRunAdvice =
    "do not run the event loop from a coroutine: it already runs on one; "
    "await the work instead";
constexpr llvm::StringLiteral SenderAdvice =
    "'co_await' the sender instead; 'sync_wait' returns "
    "'std::optional<std::tuple<...>>', so the rewrite changes the type and "
    "no automatic fix is offered";
constexpr llvm::StringLiteral FutureAdvice =
    "'co_await std::move(future)' instead";
constexpr llvm::StringLiteral NestedQtLoop =
    "a nested event loop re-enters the application; await the work with "
    "QCoro instead";
constexpr llvm::StringLiteral EventLoopAdvice =
    "do not process events from inside a coroutine; await the work instead";

const RunEntryPoint RunEntryPoints[] = {
    // Asio
    {"asio::io_context::run", Framework::Asio, RunRewrite::None, AsioRunAdvice},
    {"asio::io_context::run_one", Framework::Asio, RunRewrite::None,
     AsioRunAdvice},
    {"asio::io_context::run_for", Framework::Asio, RunRewrite::None,
     AsioRunAdvice},
    {"asio::io_context::run_until", Framework::Asio, RunRewrite::None,
     AsioRunAdvice},
    {"asio::io_context::poll", Framework::Asio, RunRewrite::None,
     AsioRunAdvice},
    {"asio::io_context::poll_one", Framework::Asio, RunRewrite::None,
     AsioRunAdvice},
    // Boost.Asio
    {"boost::asio::io_context::run", Framework::BoostAsio, RunRewrite::None,
     AsioRunAdvice},
    {"boost::asio::io_context::run_one", Framework::BoostAsio,
     RunRewrite::None, AsioRunAdvice},
    {"boost::asio::io_context::run_for", Framework::BoostAsio,
     RunRewrite::None, AsioRunAdvice},
    {"boost::asio::io_context::run_until", Framework::BoostAsio,
     RunRewrite::None, AsioRunAdvice},
    {"boost::asio::io_context::poll", Framework::BoostAsio, RunRewrite::None,
     AsioRunAdvice},
    {"boost::asio::io_context::poll_one", Framework::BoostAsio,
     RunRewrite::None, AsioRunAdvice},
    // cppcoro
    {"cppcoro::sync_wait", Framework::Cppcoro, RunRewrite::AwaitArgument, ""},
    {"cppcoro::io_service::process_events", Framework::Cppcoro,
     RunRewrite::None, EventLoopAdvice},
    {"cppcoro::io_service::process_pending_events", Framework::Cppcoro,
     RunRewrite::None, EventLoopAdvice},
    {"cppcoro::io_service::process_one_event", Framework::Cppcoro,
     RunRewrite::None, EventLoopAdvice},
    {"cppcoro::io_service::process_one_pending_event", Framework::Cppcoro,
     RunRewrite::None, EventLoopAdvice},
    // folly
    {"folly::coro::blockingWait", Framework::Folly,
     RunRewrite::AwaitArgumentMoved, ""},
    {"folly::coro::blocking_wait", Framework::Folly,
     RunRewrite::AwaitArgumentMoved, ""},
    {"folly::Future::get", Framework::Folly, RunRewrite::None, FutureAdvice},
    {"folly::Future::wait", Framework::Folly, RunRewrite::None, FutureAdvice},
    {"folly::SemiFuture::get", Framework::Folly, RunRewrite::None,
     FutureAdvice},
    {"folly::SemiFuture::wait", Framework::Folly, RunRewrite::None,
     FutureAdvice},
    // stdexec and the standard's spelling
    {"stdexec::sync_wait", Framework::Stdexec, RunRewrite::None, SenderAdvice},
    {"stdexec::sync_wait_with_variant", Framework::Stdexec, RunRewrite::None,
     SenderAdvice},
    {"stdexec::run_loop::run", Framework::Stdexec, RunRewrite::None,
     EventLoopAdvice},
    {"std::this_thread::sync_wait", Framework::StdExecution, RunRewrite::None,
     SenderAdvice},
    {"std::this_thread::sync_wait_with_variant", Framework::StdExecution,
     RunRewrite::None, SenderAdvice},
    {"std::execution::run_loop::run", Framework::StdExecution,
     RunRewrite::None, EventLoopAdvice},
    // libunifex
    {"unifex::sync_wait", Framework::Unifex, RunRewrite::None, SenderAdvice},
    // async_simple
    // A RescheduleLazy (`lazy.via(ex)`) may only be awaited by a detached
    // coroutine.
    {"async_simple::coro::syncAwait", Framework::AsyncSimple,
     RunRewrite::AwaitArgument, "", "async_simple::coro::RescheduleLazy"},
    {"async_simple::Future::get", Framework::AsyncSimple, RunRewrite::None,
     FutureAdvice},
    {"async_simple::Future::wait", Framework::AsyncSimple, RunRewrite::None,
     FutureAdvice},
    // libcoro
    {"coro::sync_wait", Framework::Libcoro, RunRewrite::AwaitArgument, ""},
    {"coro::scheduler::process_events", Framework::Libcoro, RunRewrite::None,
     EventLoopAdvice},
    {"coro::io_scheduler::process_events", Framework::Libcoro,
     RunRewrite::None, EventLoopAdvice},
    // concurrencpp
    {"concurrencpp::result::get", Framework::Concurrencpp,
     RunRewrite::AwaitObject, ""},
    {"concurrencpp::result::wait", Framework::Concurrencpp, RunRewrite::None,
     "'co_await' the result instead"},
    {"concurrencpp::result::wait_for", Framework::Concurrencpp,
     RunRewrite::None, "'co_await' the result instead"},
    {"concurrencpp::result::wait_until", Framework::Concurrencpp,
     RunRewrite::None, "'co_await' the result instead"},
    {"concurrencpp::shared_result::get", Framework::Concurrencpp,
     RunRewrite::AwaitObject, ""},
    {"concurrencpp::shared_result::wait", Framework::Concurrencpp,
     RunRewrite::None, "'co_await' the result instead"},
    {"concurrencpp::shared_result::wait_for", Framework::Concurrencpp,
     RunRewrite::None, "'co_await' the result instead"},
    {"concurrencpp::shared_result::wait_until", Framework::Concurrencpp,
     RunRewrite::None, "'co_await' the result instead"},
    // Boost.Cobalt
    {"boost::cobalt::run", Framework::Cobalt, RunRewrite::AwaitArgument, ""},
    // Seastar: legitimate inside seastar::thread, never in a coroutine.
    {"seastar::future::get", Framework::Seastar, RunRewrite::AwaitObjectMoved,
     ""},
    {"seastar::future::wait", Framework::Seastar, RunRewrite::None,
     "'co_await' the future instead"},
    // QCoro and Qt
    {"QCoro::waitFor", Framework::QCoro, RunRewrite::AwaitArgument, ""},
    {"QEventLoop::exec", Framework::QCoro, RunRewrite::None, NestedQtLoop},
    // Qt Test's waits spin an event loop until the time is up or the
    // condition holds (QtTest/qtestsupport_core.h).
    {"QTest::qWait", Framework::QCoro, RunRewrite::None, NestedQtLoop},
    {"QTest::qWaitFor", Framework::QCoro, RunRewrite::None, NestedQtLoop},
    // Processing pending events returns at once; waiting for more is a
    // nested event loop.
    {"QCoreApplication::processEvents", Framework::QCoro, RunRewrite::None,
     NestedQtLoop, "", "QEventLoop::WaitForMoreEvents"},
};

// The calls that wait for a value: they block only while it is not ready.
constexpr llvm::StringLiteral ValueWaits[] = {
    "std::future::get",
    "std::future::wait",
    "std::future::wait_for",
    "std::future::wait_until",
    "std::shared_future::get",
    "std::shared_future::wait",
    "std::shared_future::wait_for",
    "std::shared_future::wait_until",
    "concurrencpp::result::get",
    "concurrencpp::result::wait",
    "concurrencpp::result::wait_for",
    "concurrencpp::result::wait_until",
    "concurrencpp::shared_result::get",
    "concurrencpp::shared_result::wait",
    "concurrencpp::shared_result::wait_for",
    "concurrencpp::shared_result::wait_until",
    "folly::Future::get",
    "folly::Future::wait",
    "folly::SemiFuture::get",
    "folly::SemiFuture::wait",
    "async_simple::Future::get",
    "async_simple::Future::wait",
    "seastar::future::get",
    "seastar::future::wait",
};

const ReadinessProbe ReadinessProbes[] = {
    // The standard library: `f.wait_for(0s) == std::future_status::ready`.
    {"std::future::wait_for", "std::future_status::ready", ""},
    {"std::future::wait_until", "std::future_status::ready", ""},
    {"std::shared_future::wait_for", "std::future_status::ready", ""},
    {"std::shared_future::wait_until", "std::future_status::ready", ""},
    // concurrencpp: a result whose status is value or exception is ready.
    {"concurrencpp::result::status", "concurrencpp::result_status::value",
     "concurrencpp::result_status::idle"},
    {"concurrencpp::result::status", "concurrencpp::result_status::exception",
     ""},
    {"concurrencpp::shared_result::status",
     "concurrencpp::result_status::value",
     "concurrencpp::result_status::idle"},
    {"concurrencpp::shared_result::status",
     "concurrencpp::result_status::exception", ""},
    // folly, async_simple and Seastar ask the future itself.
    {"folly::Future::isReady", "", ""},
    {"folly::SemiFuture::isReady", "", ""},
    {"async_simple::Future::hasResult", "", ""},
    {"seastar::future::available", "", ""},
};

// co_await r.resolve() leaves r ready.
constexpr llvm::StringLiteral ReadyingAwaits[] = {
    "concurrencpp::result::resolve",
    "concurrencpp::shared_result::resolve",
};

// co_await when_all(...) gives the results, all ready.
constexpr llvm::StringLiteral ReadyCombinators[] = {
    "concurrencpp::when_all",
    "concurrencpp::when_any",
};

// cppcoro's README runs its io_service with a task that does nothing else:
// sync_wait(when_all(work(), [&]() -> task<> { io.process_events(); })).
constexpr llvm::StringLiteral LoopDrivers[] = {
    "cppcoro::io_service::process_events",
    "cppcoro::io_service::process_pending_events",
    "cppcoro::io_service::process_one_event",
    "cppcoro::io_service::process_one_pending_event",
};

// A new thread for every task.
constexpr llvm::StringLiteral DedicatedThreadExecutors[] = {
    "concurrencpp::thread_executor",
};

const Placement Placements[] = {
    // runtime::background_executor(): "used for blocking tasks like file
    // io and db queries" (concurrencpp's README).
    {"concurrencpp::executor_tag", "concurrencpp::resume_on",
     "background_executor"},
};

// The namespaces of the frameworks' own code.
constexpr llvm::StringLiteral FrameworkNamespaces[] = {
    "asio",   "boost::asio", "cppcoro",      "folly",        "stdexec",
    "exec",   "unifex",      "async_simple", "coro",         "concurrencpp",
    "boost::cobalt", "seastar", "QCoro",
};

// The namespaces of test frameworks, whose assertion machinery runs to
// report a failure (doctest reads /proc to find a debugger).
constexpr llvm::StringLiteral TestFrameworkNamespaces[] = {"doctest", "testing",
                                                           "Catch"};

bool inNamespace(llvm::ArrayRef<llvm::StringLiteral> Namespaces,
                 llvm::StringRef QualifiedName) {
  return llvm::any_of(Namespaces, [&](llvm::StringRef Namespace) {
    return QualifiedName.starts_with(Namespace) &&
           QualifiedName.substr(Namespace.size()).starts_with("::");
  });
}

/// Whether one of Names is in List.
template <size_t N>
bool listed(const llvm::StringLiteral (&List)[N],
            llvm::ArrayRef<std::string> Names) {
  return llvm::any_of(Names, [&](const std::string &Name) {
    return llvm::is_contained(List, Name);
  });
}

} // namespace

llvm::ArrayRef<TaskType> taskTypes() { return TaskTypes; }
llvm::ArrayRef<SleepFunction> sleepFunctions() { return SleepFunctions; }
llvm::ArrayRef<RunEntryPoint> runEntryPoints() { return RunEntryPoints; }

const FrameworkInfo *frameworkInfo(Framework Id) {
  for (const FrameworkInfo &F : Frameworks)
    if (F.Id == Id)
      return &F;
  return nullptr;
}

const SleepFunction *sleepFunction(llvm::ArrayRef<std::string> Names) {
  static const TableIndex<SleepFunction> Index(SleepFunctions);
  return Index.find(Names);
}

const RunEntryPoint *runEntryPoint(llvm::ArrayRef<std::string> Names) {
  static const TableIndex<RunEntryPoint> Index(RunEntryPoints);
  return Index.find(Names);
}


bool waitsForValue(llvm::ArrayRef<std::string> Names) {
  return listed(ValueWaits, Names);
}

llvm::SmallVector<const ReadinessProbe *, 2>
readinessProbes(llvm::ArrayRef<std::string> Names) {
  llvm::SmallVector<const ReadinessProbe *, 2> Found;
  for (const ReadinessProbe &P : ReadinessProbes)
    if (llvm::is_contained(Names, P.Method))
      Found.push_back(&P);
  return Found;
}

bool makesReady(llvm::ArrayRef<std::string> Names) {
  return listed(ReadyingAwaits, Names);
}

bool givesReadyValues(llvm::ArrayRef<std::string> Names) {
  return listed(ReadyCombinators, Names);
}

bool drivesLoop(llvm::ArrayRef<std::string> Names) {
  return listed(LoopDrivers, Names);
}

bool dedicatedThreads(llvm::StringRef Name) {
  return llvm::is_contained(DedicatedThreadExecutors, Name);
}

llvm::ArrayRef<Placement> placements() { return Placements; }

bool inFrameworkNamespace(llvm::StringRef QualifiedName) {
  return inNamespace(FrameworkNamespaces, QualifiedName);
}

bool libraryMachinery(llvm::StringRef QualifiedName, bool Instantiated) {
  return inNamespace(TestFrameworkNamespaces, QualifiedName) ||
         (!Instantiated && inFrameworkNamespace(QualifiedName));
}

llvm::StringRef frameworkName(Framework Id) {
  const FrameworkInfo *F = frameworkInfo(Id);
  return F ? F->Name : "";
}

std::optional<Framework> frameworkNamed(llvm::StringRef Name) {
  if (Name.empty())
    return Framework::Unknown;
  for (const FrameworkInfo &F : Frameworks)
    if (F.Name == Name)
      return F.Id;
  return std::nullopt;
}

} // namespace corolint
