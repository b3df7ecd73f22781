// Slow to parse: the whole of Asio.
#include <asio.hpp>

asio::awaitable<void> slow() { co_return; }
