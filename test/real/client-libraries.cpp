// Synchronous clients with the headers Debian ships: libcurl, libpq,
// SQLite and hiredis, each with its own advice; their asynchronous and
// non-blocking calls stay quiet (curl_multi_perform, a zero-timeout
// curl_multi_wait, PQgetResult once PQisBusy said it would not wait,
// redisConnectNonBlock). DatabaseClients switches the database family off.
// RUN: %clang_tidy --checks='-*,coro-blocking-call' %s -- -std=c++20 -I %inputs -I /usr/include/postgresql \
// RUN:   | FileCheck %s --check-prefixes=CHECK,DB --implicit-check-not='{{warning|note|error}}:'
// RUN: %clang_tidy --checks='-*,coro-blocking-call' \
// RUN:   --config="{CheckOptions: {coro-blocking-call.DatabaseClients: false}}" %s -- -std=c++20 -I %inputs -I /usr/include/postgresql \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include <cppcoro/task.hpp>
#include <curl/curl.h>
#include <hiredis/hiredis.h>
#include <libpq-fe.h>
#include <sqlite3.h>

cppcoro::task<> fetch(CURL *Easy, CURLM *Multi) {
  curl_easy_perform(Easy);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'curl_easy_perform' (synchronous HTTP client) inside coroutine 'fetch' [coro-blocking-call]
  // CHECK: :[[#FETCH:@LINE-3]]:17: note: coroutine 'fetch' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'curl_multi_socket_action' driven by the event loop instead
  int Running, Ready;
  curl_multi_wait(Multi, nullptr, 0, 1000, &Ready);
  // CHECK: :[[@LINE-1]]:3: warning: blocking call to 'curl_multi_wait' (synchronous HTTP client) inside coroutine 'fetch' [coro-blocking-call]
  // CHECK: :[[#FETCH]]:17: note: coroutine 'fetch' declared here
  // CHECK: :[[@LINE-3]]:3: note: use 'curl_multi_socket_action' driven by the event loop instead
  curl_multi_perform(Multi, &Running);
  curl_multi_wait(Multi, nullptr, 0, 0, &Ready);
  co_return;
}

cppcoro::task<> query(PGconn *Conn, sqlite3 *Db) {
  PGconn *Other = PQconnectdb("dbname=test");
  // DB: :[[@LINE-1]]:19: warning: blocking call to 'PQconnectdb' (synchronous database client) inside coroutine 'query' [coro-blocking-call]
  // DB: :[[#QUERY:@LINE-3]]:17: note: coroutine 'query' declared here
  // DB: :[[@LINE-3]]:19: note: use 'PQsendQuery' and 'PQgetResult' once 'PQisBusy' is false, with 'PQsocket' watched by the event loop instead
  PGresult *R = PQexec(Conn, "select 1");
  // DB: :[[@LINE-1]]:17: warning: blocking call to 'PQexec' (synchronous database client) inside coroutine 'query' [coro-blocking-call]
  // DB: :[[#QUERY]]:17: note: coroutine 'query' declared here
  // DB: :[[@LINE-3]]:17: note: use 'PQsendQuery' and 'PQgetResult' once 'PQisBusy' is false, with 'PQsocket' watched by the event loop instead
  PQclear(R);
  R = PQgetResult(Other);
  // DB: :[[@LINE-1]]:7: warning: blocking call to 'PQgetResult' (synchronous database client) inside coroutine 'query' [coro-blocking-call]
  // DB: :[[#QUERY]]:17: note: coroutine 'query' declared here
  // DB: :[[@LINE-3]]:7: note: use 'PQsendQuery' and 'PQgetResult' once 'PQisBusy' is false, with 'PQsocket' watched by the event loop instead
  sqlite3_exec(Db, "vacuum", nullptr, nullptr, nullptr);
  // DB: :[[@LINE-1]]:3: warning: blocking call to 'sqlite3_exec' (synchronous database client) inside coroutine 'query' [coro-blocking-call]
  // DB: :[[#QUERY]]:17: note: coroutine 'query' declared here
  // DB: :[[@LINE-3]]:3: note: use a thread pool (SQLite has no asynchronous API) instead
  redisContext *Redis = redisConnect("localhost", 6379);
  // DB: :[[@LINE-1]]:25: warning: blocking call to 'redisConnect' (synchronous database client) inside coroutine 'query' [coro-blocking-call]
  // DB: :[[#QUERY]]:17: note: coroutine 'query' declared here
  // DB: :[[@LINE-3]]:25: note: use 'redisAsyncConnect' and 'redisAsyncCommand' with the event loop's adapter instead
  redisCommand(Redis, "GET %s", "key");
  // DB: :[[@LINE-1]]:3: warning: blocking call to 'redisCommand' (synchronous database client) inside coroutine 'query' [coro-blocking-call]
  // DB: :[[#QUERY]]:17: note: coroutine 'query' declared here
  // DB: :[[@LINE-3]]:3: note: use 'redisAsyncConnect' and 'redisAsyncCommand' with the event loop's adapter instead
  co_return;
}

// The asynchronous use of the same libraries.
cppcoro::task<> polled(PGconn *Conn) {
  PQsendQuery(Conn, "select 1");
  PQconsumeInput(Conn);
  if (!PQisBusy(Conn))
    PQclear(PQgetResult(Conn));
  redisConnectNonBlock("localhost", 6379);
  co_return;
}
