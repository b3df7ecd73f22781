// Helpers a coroutine calls, declared for every file that uses them.
// (test/chains/across-files-run.test)
#ifndef HELPERS_H
#define HELPERS_H
#include <asio.hpp>
#include <cstddef>

void backoff(int Attempt);
std::size_t read_reply(asio::local::stream_protocol::socket &Sock, char *Data);

#endif
