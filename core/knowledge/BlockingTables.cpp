//===--- BlockingTables.cpp - What blocks a thread, as data ---------------===//
//
// Sources: ../shared/BLOCKING.md, each row checked against the header Debian
// 12 ships (glibc 2.36, libstdc++ 12, Asio 1.22, Boost 1.81, libcurl 7.88,
// libpq 15, SQLite 3.40, hiredis 0.14, gRPC 1.51, Qt 6.4, QCoro 0.8). One
// block per library.
//
//===----------------------------------------------------------------------===//

#include "BlockingTables.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/Twine.h"

namespace corolint {

namespace {

const FamilyInfo Families[] = {
    {Family::None, "", "", ""},
    {Family::Thread, "thread", "ThreadWaits", "waits for another thread"},
    {Family::Lock, "lock", "Locks", "waits for a lock"},
    {Family::Process, "process", "Processes", "waits for a process"},
    {Family::Resolver, "resolver", "NameResolution",
     "synchronous name resolution"},
    {Family::Network, "network", "NetworkIO", "synchronous network I/O"},
    {Family::Device, "device", "DeviceIO", "synchronous descriptor I/O"},
    {Family::Stdin, "stdin", "StandardInput", "reads standard input"},
    {Family::File, "file", "FileIO", "synchronous file I/O"},
    {Family::Database, "database", "DatabaseClients",
     "synchronous database client"},
    {Family::Http, "http", "HTTPClients", "synchronous HTTP client"},
    {Family::Rpc, "rpc", "RPCClients", "synchronous RPC"},
};
static_assert(std::size(Families) == NumFamilies, "one row per family");

struct WaitRow {
  llvm::StringLiteral Name;
  Family Of;
};
const WaitRow Waits[] = {
    {"none", Family::None},       {"future", Family::Thread},
    {"join", Family::Thread},     {"condition", Family::Thread},
    {"latch", Family::Thread},    {"process", Family::Process},
    {"resolver", Family::Resolver}, {"lock", Family::Lock},
    {"network", Family::Network}, {"device", Family::Device},
    {"stdin", Family::Stdin},     {"file", Family::File},
    {"database", Family::Database}, {"http", Family::Http},
    {"rpc", Family::Rpc},
};
static_assert(std::size(Waits) == static_cast<size_t>(Wait::Rpc) + 1,
              "one row per wait");

constexpr BlockingFunction B(llvm::StringRef Name, Wait W) {
  BlockingFunction R;
  R.QualifiedName = Name;
  R.Waits = W;
  return R;
}

constexpr llvm::StringLiteral LibpqAdvice =
    "'PQsendQuery' and 'PQgetResult' once 'PQisBusy' is false, with "
    "'PQsocket' watched by the event loop";
constexpr llvm::StringLiteral SqliteAdvice =
    "a thread pool (SQLite has no asynchronous API)";
constexpr llvm::StringLiteral HiredisAdvice =
    "'redisAsyncConnect' and 'redisAsyncCommand' with the event loop's "
    "adapter";
constexpr llvm::StringLiteral CurlAdvice =
    "'curl_multi_socket_action' driven by the event loop";
constexpr llvm::StringLiteral GrpcAdvice =
    "the stub's asynchronous API ('stub->async()' with a callback, or an "
    "'Async' call on a completion queue)";
constexpr llvm::StringLiteral AsyncDiscardedAdvice =
    "the framework's own executor for the task (the discarded future waits "
    "for it in its destructor)";

const BlockingFunction BlockingFunctions[] = {
    // The standard library: futures, threads, conditions, latches,
    // semaphores, atomics.
    B("std::future::get", Wait::Future),
    B("std::future::wait", Wait::Future),
    B("std::future::wait_for", Wait::Future).when(When::NonZero, 0),
    B("std::future::wait_until", Wait::Future),
    B("std::shared_future::get", Wait::Future),
    B("std::shared_future::wait", Wait::Future),
    B("std::shared_future::wait_for", Wait::Future).when(When::NonZero, 0),
    B("std::shared_future::wait_until", Wait::Future),
    B("std::async", Wait::Future)
        .when(When::Discarded, 0)
        .advice(AsyncDiscardedAdvice),
    B("std::thread::join", Wait::Join),
    B("std::jthread::join", Wait::Join),
    // std::jthread joins in its destructor.
    B("std::jthread::~jthread", Wait::Join),
    B("std::condition_variable::wait", Wait::Condition),
    B("std::condition_variable::wait_for", Wait::Condition),
    B("std::condition_variable::wait_until", Wait::Condition),
    B("std::condition_variable_any::wait", Wait::Condition),
    B("std::condition_variable_any::wait_for", Wait::Condition),
    B("std::condition_variable_any::wait_until", Wait::Condition),
    // The object's class names every std::atomic<T>, whatever base declares
    // the member.
    B("std::atomic::wait", Wait::Condition),
    B("std::atomic_ref::wait", Wait::Condition),
    B("std::atomic_flag::wait", Wait::Condition),
    B("std::atomic_wait", Wait::Condition),
    B("std::atomic_wait_explicit", Wait::Condition),
    B("std::latch::wait", Wait::Latch),
    B("std::latch::arrive_and_wait", Wait::Latch),
    B("std::barrier::wait", Wait::Latch),
    B("std::barrier::arrive_and_wait", Wait::Latch),
    B("std::counting_semaphore::acquire", Wait::Latch),
    B("std::counting_semaphore::try_acquire_for", Wait::Latch),
    B("std::counting_semaphore::try_acquire_until", Wait::Latch),
    // Locks held across co_await are clang-tidy's
    // misc-coroutine-hostile-raii and cppcoreguidelines-no-suspend-with-lock;
    // a short lock() is usually fine, so it is flagged only on request.
    B("std::mutex::lock", Wait::Lock).optIn(),
    // Asio's thread pool stops and joins in its destructor.
    B("asio::thread_pool::join", Wait::Join),
    B("asio::thread_pool::wait", Wait::Join),
    B("asio::thread_pool::~thread_pool", Wait::Join),
    B("boost::asio::thread_pool::join", Wait::Join),
    B("boost::asio::thread_pool::wait", Wait::Join),
    B("boost::asio::thread_pool::~thread_pool", Wait::Join),

    // POSIX threads and semaphores.
    B("pthread_join", Wait::Join),
    B("pthread_cond_wait", Wait::Condition),
    B("pthread_cond_timedwait", Wait::Condition),
    B("sem_wait", Wait::Latch),
    B("sem_timedwait", Wait::Latch),
    B("pthread_mutex_lock", Wait::Lock).optIn(),

    // File locks: only the waiting forms.
    B("flock", Wait::Lock).when(When::WithoutFlag, 1, "LOCK_NB"),
    B("fcntl", Wait::Lock).when(When::WithFlag, 1, "F_SETLKW|F_OFD_SETLKW"),
    B("lockf", Wait::Lock).when(When::WithFlag, 1, "F_LOCK"),

    // Processes.
    B("std::system", Wait::Process),
    B("system", Wait::Process),
    B("popen", Wait::Process),
    B("pclose", Wait::Process),
    B("wait", Wait::Process),
    B("waitpid", Wait::Process).when(When::WithoutFlag, 2, "WNOHANG"),
    B("waitid", Wait::Process).when(When::WithoutFlag, 3, "WNOHANG"),
    B("wait3", Wait::Process).when(When::WithoutFlag, 1, "WNOHANG"),
    B("wait4", Wait::Process).when(When::WithoutFlag, 2, "WNOHANG"),
    // Boost.Process v1 (v2's wait is found by the async-twin rule).
    B("boost::process::system", Wait::Process),
    B("boost::process::child::wait", Wait::Process),
    B("boost::process::child::wait_for", Wait::Process),
    B("boost::process::child::wait_until", Wait::Process),
    B("boost::process::child::join", Wait::Process),
    B("boost::process::v2::execute", Wait::Process),

    // Name resolution.
    B("getaddrinfo", Wait::Resolver),
    B("getnameinfo", Wait::Resolver),
    B("gethostbyname", Wait::Resolver),
    B("gethostbyname_r", Wait::Resolver),
    B("gethostbyaddr", Wait::Resolver),

    // Sockets and descriptors.
    B("recv", Wait::Network)
        .on(Target::Descriptor, 0)
        .when(When::WithoutFlag, 3, "MSG_DONTWAIT"),
    B("recvfrom", Wait::Network)
        .on(Target::Descriptor, 0)
        .when(When::WithoutFlag, 3, "MSG_DONTWAIT"),
    B("recvmsg", Wait::Network)
        .on(Target::Descriptor, 0)
        .when(When::WithoutFlag, 2, "MSG_DONTWAIT"),
    B("send", Wait::Network)
        .on(Target::Descriptor, 0)
        .when(When::WithoutFlag, 3, "MSG_DONTWAIT"),
    B("sendto", Wait::Network)
        .on(Target::Descriptor, 0)
        .when(When::WithoutFlag, 3, "MSG_DONTWAIT"),
    B("sendmsg", Wait::Network)
        .on(Target::Descriptor, 0)
        .when(When::WithoutFlag, 2, "MSG_DONTWAIT"),
    B("accept", Wait::Network).on(Target::Descriptor, 0),
    B("accept4", Wait::Network).on(Target::Descriptor, 0),
    B("connect", Wait::Network).on(Target::Descriptor, 0),
    B("read", Wait::Device).on(Target::Descriptor, 0),
    B("write", Wait::Device).on(Target::Descriptor, 0),
    B("readv", Wait::Device).on(Target::Descriptor, 0),
    B("writev", Wait::Device).on(Target::Descriptor, 0),
    B("pread", Wait::Device).on(Target::Descriptor, 0),
    B("pwrite", Wait::Device).on(Target::Descriptor, 0),
    B("select", Wait::Device).when(When::NonZero, 4),
    B("pselect", Wait::Device).when(When::NonZero, 4),
    B("poll", Wait::Device).when(When::NonZero, 2),
    B("ppoll", Wait::Device).when(When::NonZero, 2),
    B("epoll_wait", Wait::Device).when(When::NonZero, 3),
    B("epoll_pwait", Wait::Device).when(When::NonZero, 3),

    // C stdio reads: from stdin, a pipe or a file.
    B("fgets", Wait::File).on(Target::CFile, 2),
    B("fread", Wait::File).on(Target::CFile, 3),
    B("fscanf", Wait::File).on(Target::CFile, 0),
    B("getline", Wait::File).on(Target::CFile, 2),
    B("getdelim", Wait::File).on(Target::CFile, 3),
    B("fgetc", Wait::File).on(Target::CFile, 0),
    B("getc", Wait::File).on(Target::CFile, 0),
    B("scanf", Wait::Stdin),
    B("getchar", Wait::Stdin),
    B("fopen", Wait::File).when(When::ReadMode, 1),

    // C++ input streams: std::cin, files, Boost.Process pipes.
    B("std::getline", Wait::File).on(Target::Stream, 0),
    B("std::operator>>", Wait::File).on(Target::Stream, 0),
    B("std::basic_istream::operator>>", Wait::File).on(Target::Stream, -1),
    B("std::basic_istream::get", Wait::File).on(Target::Stream, -1),
    B("std::basic_istream::getline", Wait::File).on(Target::Stream, -1),
    B("std::basic_istream::read", Wait::File).on(Target::Stream, -1),
    B("std::basic_istream::ignore", Wait::File).on(Target::Stream, -1),
    B("std::basic_ifstream::basic_ifstream", Wait::File)
        .when(When::WithArguments, 0),
    B("std::basic_ifstream::open", Wait::File),
    B("std::basic_fstream::basic_fstream", Wait::File)
        .when(When::WithArguments, 0),
    B("std::basic_fstream::open", Wait::File),
    // Bulk filesystem work; single stat calls are left alone.
    B("std::filesystem::copy", Wait::File),
    B("std::filesystem::copy_file", Wait::File),
    B("std::filesystem::remove_all", Wait::File),
    B("std::filesystem::directory_iterator::directory_iterator", Wait::File)
        .when(When::WithArguments, 0),
    B("std::filesystem::recursive_directory_iterator::"
      "recursive_directory_iterator",
      Wait::File)
        .when(When::WithArguments, 0),

    // libcurl
    B("curl_easy_perform", Wait::Http).advice(CurlAdvice),
    B("curl_multi_wait", Wait::Http)
        .when(When::NonZero, 3)
        .advice(CurlAdvice),
    B("curl_multi_poll", Wait::Http)
        .when(When::NonZero, 3)
        .advice(CurlAdvice),

    // libpq: the functions its header groups as synchronous.
    B("PQconnectdb", Wait::Database).advice(LibpqAdvice),
    B("PQconnectdbParams", Wait::Database).advice(LibpqAdvice),
    B("PQsetdbLogin", Wait::Database).advice(LibpqAdvice),
    B("PQreset", Wait::Database).advice(LibpqAdvice),
    B("PQping", Wait::Database).advice(LibpqAdvice),
    B("PQpingParams", Wait::Database).advice(LibpqAdvice),
    B("PQexec", Wait::Database).advice(LibpqAdvice),
    B("PQexecParams", Wait::Database).advice(LibpqAdvice),
    B("PQprepare", Wait::Database).advice(LibpqAdvice),
    B("PQexecPrepared", Wait::Database).advice(LibpqAdvice),
    B("PQgetResult", Wait::Database)
        .when(When::NotAfter, 0, "PQisBusy")
        .advice(LibpqAdvice),

    // SQLite
    B("sqlite3_open", Wait::Database).advice(SqliteAdvice),
    B("sqlite3_open_v2", Wait::Database).advice(SqliteAdvice),
    B("sqlite3_exec", Wait::Database).advice(SqliteAdvice),
    B("sqlite3_step", Wait::Database).advice(SqliteAdvice),
    B("sqlite3_backup_step", Wait::Database).advice(SqliteAdvice),
    B("sqlite3_wal_checkpoint", Wait::Database).advice(SqliteAdvice),

    // hiredis: the blocking connects and commands (the NonBlock connects
    // and redisConnectFd do not wait).
    B("redisConnect", Wait::Database).advice(HiredisAdvice),
    B("redisConnectWithTimeout", Wait::Database).advice(HiredisAdvice),
    B("redisConnectUnix", Wait::Database).advice(HiredisAdvice),
    B("redisConnectUnixWithTimeout", Wait::Database).advice(HiredisAdvice),
    B("redisCommand", Wait::Database).advice(HiredisAdvice),
    B("redisvCommand", Wait::Database).advice(HiredisAdvice),
    B("redisCommandArgv", Wait::Database).advice(HiredisAdvice),
    B("redisGetReply", Wait::Database).advice(HiredisAdvice),

    // gRPC (generated stubs are found by their shape, grpcStubShape).
    B("grpc::CompletionQueue::Next", Wait::Rpc).advice(GrpcAdvice),
    B("grpc::ChannelInterface::WaitForConnected", Wait::Rpc)
        .advice(GrpcAdvice),
    B("grpc::ChannelInterface::WaitForStateChange", Wait::Rpc)
        .advice(GrpcAdvice),
    B("grpc::ClientReader::Read", Wait::Rpc).advice(GrpcAdvice),
    B("grpc::ClientReader::Finish", Wait::Rpc).advice(GrpcAdvice),
    B("grpc::ClientWriter::Write", Wait::Rpc).advice(GrpcAdvice),
    B("grpc::ClientWriter::Finish", Wait::Rpc).advice(GrpcAdvice),
    B("grpc::ClientReaderWriter::Read", Wait::Rpc).advice(GrpcAdvice),
    B("grpc::ClientReaderWriter::Write", Wait::Rpc).advice(GrpcAdvice),
    B("grpc::ClientReaderWriter::Finish", Wait::Rpc).advice(GrpcAdvice),

    // Qt's synchronous waits. Some are overridden, some not virtual: the
    // class a call resolves to is listed.
    B("QAbstractSocket::waitForConnected", Wait::Network),
    B("QAbstractSocket::waitForDisconnected", Wait::Network),
    B("QAbstractSocket::waitForReadyRead", Wait::Network),
    B("QAbstractSocket::waitForBytesWritten", Wait::Network),
    B("QSslSocket::waitForConnected", Wait::Network),
    B("QSslSocket::waitForDisconnected", Wait::Network),
    B("QSslSocket::waitForReadyRead", Wait::Network),
    B("QSslSocket::waitForBytesWritten", Wait::Network),
    B("QSslSocket::waitForEncrypted", Wait::Network),
    B("QLocalSocket::waitForConnected", Wait::Network),
    B("QLocalSocket::waitForDisconnected", Wait::Network),
    B("QLocalSocket::waitForReadyRead", Wait::Network),
    B("QLocalSocket::waitForBytesWritten", Wait::Network),
    B("QTcpServer::waitForNewConnection", Wait::Network),
    B("QLocalServer::waitForNewConnection", Wait::Network),
    B("QProcess::waitForStarted", Wait::Process),
    B("QProcess::waitForFinished", Wait::Process),
    B("QProcess::waitForReadyRead", Wait::Process),
    B("QProcess::waitForBytesWritten", Wait::Process),
    B("QProcess::execute", Wait::Process),
    B("QIODevice::waitForReadyRead", Wait::Device),
    B("QIODevice::waitForBytesWritten", Wait::Device),
    B("QThread::wait", Wait::Join),
    B("QFuture::waitForFinished", Wait::Future),
};

const TwinClass TwinClasses[] = {
    // Asio (and, under boost::, Boost.Asio)
    {"asio::basic_socket", Wait::Network},
    {"asio::basic_stream_socket", Wait::Network},
    {"asio::basic_datagram_socket", Wait::Network},
    {"asio::basic_raw_socket", Wait::Network},
    {"asio::basic_seq_packet_socket", Wait::Network},
    {"asio::basic_socket_acceptor", Wait::Network},
    {"asio::ssl::stream", Wait::Network},
    {"asio::ip::basic_resolver", Wait::Resolver},
    {"asio::basic_serial_port", Wait::Device},
    {"asio::posix::basic_descriptor", Wait::Device},
    {"asio::posix::basic_stream_descriptor", Wait::Device},
    {"asio::basic_readable_pipe", Wait::Device},
    {"asio::basic_writable_pipe", Wait::Device},
    {"asio::basic_stream_file", Wait::File},
    {"asio::basic_random_access_file", Wait::File},
    {"asio::basic_waitable_timer", Wait::None, true},
    {"asio::basic_deadline_timer", Wait::None, true},
    // Beast
    {"boost::beast::basic_stream", Wait::Network},
    {"boost::beast::ssl_stream", Wait::Network},
    {"boost::beast::websocket::stream", Wait::Network},
    // Boost.Process v2
    {"boost::process::v2::basic_process", Wait::Process},
};

const AsioTokens Tokens[] = {
    {Framework::Asio, "asio::use_awaitable", "<asio/use_awaitable.hpp>",
     "asio::redirect_error", "<asio/redirect_error.hpp>"},
    {Framework::BoostAsio, "boost::asio::use_awaitable",
     "<boost/asio/use_awaitable.hpp>", "boost::asio::redirect_error",
     "<boost/asio/redirect_error.hpp>"},
};

const StreamClass StreamClasses[] = {
    {"std::basic_ifstream", Wait::File},
    {"std::basic_fstream", Wait::File},
    {"boost::process::basic_ipstream", Wait::Process},
    {"boost::process::basic_pstream", Wait::Process},
};

constexpr llvm::StringLiteral StandardInputs[] = {"stdin", "std::cin",
                                                  "std::wcin"};

const QtAwaitable QtAwaitables[] = {
    {"waitForConnected", true, true},
    {"waitForDisconnected", true, true},
    {"waitForStarted", true, true},
    {"waitForFinished", true, true},
    // QCoroIODevice's take no default timeout.
    {"waitForReadyRead", true, false},
    // Awaited, it gives std::optional<qint64>, not bool.
    {"waitForBytesWritten", false, false},
};

struct QCoroWrapper {
  llvm::StringRef QtClass;
  llvm::StringRef Header;
};
const QCoroWrapper QCoroWrappers[] = {
    {"QAbstractSocket", "<QCoroAbstractSocket>"},
    {"QLocalSocket", "<QCoroLocalSocket>"},
    {"QProcess", "<QCoroProcess>"},
    {"QIODevice", "<QCoroIODevice>"},
};

const GrpcStubShape StubShape = {
    {"Stub", "StubInterface"}, "grpc::Status", "grpc::ClientContext"};

struct WaitAlternative {
  Wait Waits;
  Framework Id; // Unknown: any framework without a row of its own
  llvm::StringRef Text;
};

const WaitAlternative WaitAlternatives[] = {
    {Wait::Future, Framework::Unknown,
     "'co_await' on the framework's own future or task"},
    {Wait::Join, Framework::Unknown, "the framework's join or 'when_all'"},
    {Wait::Condition, Framework::Unknown,
     "an asynchronous event ('coro::condition_variable', "
     "'folly::coro::Baton', 'cppcoro::async_manual_reset_event', "
     "'async_simple::coro::ConditionVariable', "
     "'seastar::condition_variable')"},
    {Wait::Condition, Framework::Libcoro, "'coro::condition_variable'"},
    {Wait::Condition, Framework::Folly, "'folly::coro::Baton'"},
    {Wait::Condition, Framework::Cppcoro,
     "'cppcoro::async_manual_reset_event'"},
    {Wait::Condition, Framework::AsyncSimple,
     "'async_simple::coro::ConditionVariable'"},
    {Wait::Condition, Framework::Seastar, "'seastar::condition_variable'"},
    {Wait::Latch, Framework::Unknown,
     "an asynchronous latch or semaphore ('coro::latch', 'coro::semaphore', "
     "'cppcoro::async_latch', 'async_simple::coro::Latch')"},
    {Wait::Latch, Framework::Libcoro, "'coro::latch' or 'coro::semaphore'"},
    {Wait::Latch, Framework::Cppcoro, "'cppcoro::async_latch'"},
    {Wait::Latch, Framework::AsyncSimple, "'async_simple::coro::Latch'"},
    {Wait::Process, Framework::Unknown,
     "an asynchronous process API (Boost.Process v2 'async_execute', "
     "Seastar 'spawn_process', Qt 'QProcess' with QCoro)"},
    {Wait::Process, Framework::Seastar,
     "'seastar::experimental::spawn_process'"},
    {Wait::Process, Framework::QCoro, "'QProcess' awaited with QCoro"},
    {Wait::Resolver, Framework::Unknown,
     "an asynchronous resolver (Asio 'resolver.async_resolve', Seastar "
     "'net::dns', libcoro 'net::dns::resolver')"},
    {Wait::Resolver, Framework::Asio,
     "'asio::ip::tcp::resolver::async_resolve'"},
    {Wait::Resolver, Framework::BoostAsio,
     "'boost::asio::ip::tcp::resolver::async_resolve'"},
    {Wait::Resolver, Framework::Seastar, "'seastar::net::dns'"},
    {Wait::Resolver, Framework::Libcoro, "'coro::net::dns::resolver'"},
    {Wait::Lock, Framework::Unknown,
     "an asynchronous mutex ('cppcoro::async_mutex', 'folly::coro::Mutex', "
     "'coro::mutex')"},
    {Wait::Lock, Framework::Cppcoro, "'cppcoro::async_mutex'"},
    {Wait::Lock, Framework::Folly, "'folly::coro::Mutex'"},
    {Wait::Lock, Framework::Libcoro, "'coro::mutex'"},
    {Wait::Network, Framework::Unknown,
     "the framework's asynchronous sockets (Asio's 'async_' operations, "
     "libcoro 'coro::net::tcp::client', Seastar 'connect', QCoro "
     "'qCoro(socket)')"},
    {Wait::Network, Framework::Asio,
     "the socket's 'async_' operation with 'asio::use_awaitable'"},
    {Wait::Network, Framework::BoostAsio,
     "the socket's 'async_' operation with 'boost::asio::use_awaitable'"},
    {Wait::Network, Framework::Libcoro,
     "'coro::net::tcp::client', or 'co_await sched->poll(fd, op)' on a "
     "non-blocking socket"},
    {Wait::Network, Framework::Seastar,
     "'seastar::connect' and its input and output streams"},
    {Wait::Network, Framework::QCoro, "the socket awaited with 'qCoro'"},
    {Wait::Device, Framework::Unknown,
     "a non-blocking descriptor whose readiness is awaited (Asio "
     "'posix::stream_descriptor', libcoro 'sched->poll(fd, op)')"},
    {Wait::Stdin, Framework::Unknown,
     "an asynchronous read of standard input (Asio "
     "'posix::stream_descriptor' on 'STDIN_FILENO'), or a thread of its "
     "own"},
    {Wait::File, Framework::Unknown,
     "a thread pool for file work, or the framework's asynchronous files "
     "(Asio 'stream_file', Seastar 'open_file_dma', cppcoro "
     "'read_only_file')"},
    {Wait::Database, Framework::Unknown,
     "the client's asynchronous API driven by the event loop, or a thread "
     "pool"},
    {Wait::Http, Framework::Unknown, CurlAdvice},
    {Wait::Rpc, Framework::Unknown, GrpcAdvice},
};

/// The name a row of an Asio table is written under: Boost.Asio's names
/// are Asio's under boost::.
llvm::StringRef asioName(llvm::StringRef Name) {
  if (Name.starts_with("boost::asio::"))
    return Name.drop_front(strlen("boost::"));
  return Name;
}

} // namespace

llvm::ArrayRef<FamilyInfo> families() { return Families; }

const FamilyInfo &familyInfo(Family F) {
  return Families[static_cast<size_t>(F)];
}

Family familyOf(Wait W) { return Waits[static_cast<size_t>(W)].Of; }

llvm::ArrayRef<BlockingFunction> blockingFunctions() {
  return BlockingFunctions;
}

const BlockingFunction *blockingFunction(llvm::ArrayRef<std::string> Names,
                                         bool OptIn) {
  static const TableIndex<BlockingFunction> Index(BlockingFunctions);
  return Index.find(Names, [&](const BlockingFunction &F) {
    return OptIn || !F.OptIn;
  });
}

std::string describeCondition(const BlockingFunction &Row) {
  std::string Flags = Row.Flags.str();
  for (size_t At; (At = Flags.find('|')) != std::string::npos;)
    Flags.replace(At, 1, " or ");
  std::string Arg = "argument " + std::to_string(Row.Arg + 1);
  std::string Out;
  switch (Row.Condition) {
  case When::Always:
    break;
  case When::WithoutFlag:
    Out = "unless " + Arg + " names " + Flags;
    break;
  case When::WithFlag:
    Out = "when " + Arg + " names " + Flags;
    break;
  case When::NonZero:
    Out = "unless " + Arg + " (the timeout) is zero";
    break;
  case When::ReadMode:
    Out = "when " + Arg + " opens for reading";
    break;
  case When::WithArguments:
    Out = "when given arguments";
    break;
  case When::Discarded:
    Out = "when its value is discarded";
    break;
  case When::NotAfter:
    Out = "unless " + Flags + " was called before";
    break;
  }
  std::string Target;
  switch (Row.On) {
  case Target::Fixed:
    break;
  case Target::Descriptor:
    Target = "unless the descriptor is non-blocking or its readiness was "
             "awaited";
    break;
  case Target::CFile:
    Target = "on a FILE* (stdin: standard input; from popen: a process)";
    break;
  case Target::Stream:
    Target = "on std::cin, a file stream or a Boost.Process pipe";
    break;
  }
  if (!Out.empty() && !Target.empty())
    return Out + "; " + Target;
  return Out + Target;
}

llvm::ArrayRef<TwinClass> twinClasses() { return TwinClasses; }

const TwinClass *twinClass(llvm::StringRef Name) {
  static const llvm::StringMap<const TwinClass *> Index = [] {
    llvm::StringMap<const TwinClass *> M;
    for (const TwinClass &C : TwinClasses)
      M.try_emplace(C.QualifiedName, &C);
    return M;
  }();
  auto It = Index.find(asioName(Name));
  return It == Index.end() ? nullptr : It->second;
}

const AsioTokens *asioTokens(Framework Id) {
  for (const AsioTokens &T : Tokens)
    if (T.Id == Id)
      return &T;
  return nullptr;
}

llvm::ArrayRef<StreamClass> streamClasses() { return StreamClasses; }

bool isStandardInput(llvm::StringRef QualifiedName) {
  return llvm::is_contained(StandardInputs, QualifiedName);
}

const QtAwaitable *qtAwaitable(llvm::StringRef Method) {
  for (const QtAwaitable &A : QtAwaitables)
    if (A.Method == Method)
      return &A;
  return nullptr;
}

llvm::StringRef qcoroHeader(llvm::StringRef QtClass) {
  for (const QCoroWrapper &W : QCoroWrappers)
    if (W.QtClass == QtClass)
      return W.Header;
  return "";
}

const GrpcStubShape &grpcStubShape() { return StubShape; }

llvm::StringRef alternativeFor(Wait W, Framework Id) {
  llvm::StringRef Generic;
  for (const WaitAlternative &A : WaitAlternatives)
    if (A.Waits == W) {
      if (A.Id == Id)
        return A.Text;
      if (A.Id == Framework::Unknown)
        Generic = A.Text;
    }
  return Generic;
}

llvm::StringRef waitName(Wait W) { return Waits[static_cast<size_t>(W)].Name; }

std::optional<Wait> waitNamed(llvm::StringRef Name) {
  for (size_t I = 0; I < std::size(Waits); ++I)
    if (Waits[I].Name == Name)
      return static_cast<Wait>(I);
  return std::nullopt;
}

} // namespace corolint
