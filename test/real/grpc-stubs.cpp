// Synchronous gRPC (Debian's gRPC 1.51 with stubs protoc generates from
// Inputs/grpc/echo.proto): a generated stub's blocking method, found by its
// shape, a streaming read, a completion queue's Next and a channel's wait.
// The asynchronous stub calls stay quiet.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: protoc -I%inputs/grpc --cpp_out=%t.dir --grpc_out=%t.dir \
// RUN:   --plugin=protoc-gen-grpc=/usr/bin/grpc_cpp_plugin %inputs/grpc/echo.proto
// RUN: %clang_tidy --checks='-*,coro-blocking-call' %s -- -std=c++20 -I %inputs -I %t.dir \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'

#include "echo.grpc.pb.h"
#include <cppcoro/task.hpp>
#include <grpcpp/grpcpp.h>

cppcoro::task<> call(demo::v1::Echo::Stub &Stub, grpc::CompletionQueue &Queue,
                     grpc::Channel &Channel) {
  grpc::ClientContext Context;
  demo::v1::Req Request;
  demo::v1::Resp Response;
  grpc::Status Status = Stub.Say(&Context, Request, &Response);
  // CHECK: :[[@LINE-1]]:30: warning: blocking call to 'demo::v1::Echo::Stub::Say' (synchronous RPC) inside coroutine 'call' [coro-blocking-call]
  // CHECK: :[[#CALL:@LINE-7]]:17: note: coroutine 'call' declared here
  // CHECK: :[[@LINE-3]]:30: note: use the stub's asynchronous API ('stub->async()' with a callback, or an 'Async' call on a completion queue) instead
  grpc::ClientContext StreamContext;
  auto Reader = Stub.Stream(&StreamContext, Request);
  Reader->Read(&Response);
  // CHECK: :[[@LINE-1]]:11: warning: blocking call to 'grpc::ClientReader::Read' (synchronous RPC) inside coroutine 'call' [coro-blocking-call]
  // CHECK: :[[#CALL]]:17: note: coroutine 'call' declared here
  // CHECK: :[[@LINE-3]]:11: note: use the stub's asynchronous API ('stub->async()' with a callback, or an 'Async' call on a completion queue) instead
  void *Tag;
  bool Ok;
  Queue.Next(&Tag, &Ok);
  // CHECK: :[[@LINE-1]]:9: warning: blocking call to 'grpc::CompletionQueue::Next' (synchronous RPC) inside coroutine 'call' [coro-blocking-call]
  // CHECK: :[[#CALL]]:17: note: coroutine 'call' declared here
  // CHECK: :[[@LINE-3]]:9: note: use the stub's asynchronous API ('stub->async()' with a callback, or an 'Async' call on a completion queue) instead
  Channel.WaitForConnected(gpr_inf_future(GPR_CLOCK_REALTIME));
  // CHECK: :[[@LINE-1]]:11: warning: blocking call to 'grpc::ChannelInterface::WaitForConnected' (synchronous RPC) inside coroutine 'call' [coro-blocking-call]
  // CHECK: :[[#CALL]]:17: note: coroutine 'call' declared here
  // CHECK: :[[@LINE-3]]:11: note: use the stub's asynchronous API ('stub->async()' with a callback, or an 'Async' call on a completion queue) instead
  // The asynchronous API.
  grpc::ClientContext AsyncContext;
  auto Pending = Stub.AsyncSay(&AsyncContext, Request, &Queue);
  Stub.async()->Say(&AsyncContext, &Request, &Response,
                    [](grpc::Status) {});
  (void)Status;
  co_return;
}
