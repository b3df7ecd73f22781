// A market-data ticker with the direct mistakes corolint finds inside
// coroutines: a thread sleep, a blocking future, and a nested run.
#include <asio.hpp>
#include <future>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;

asio::awaitable<void> ticker(asio::io_context &Io) {
  asio::steady_timer Throttle(co_await asio::this_coro::executor);
  for (;;) {
    sleep(1);
    std::future<double> Quote =
        std::async(std::launch::async, [] { return 101.5; });
    double Price = Quote.get();
    (void)Price;
    Io.poll();
    Throttle.expires_after(10ms);
    co_await Throttle.async_wait(asio::use_awaitable);
  }
}

asio::awaitable<void> correct_ticker() {
  asio::steady_timer Timer(co_await asio::this_coro::executor);
  for (int I = 0; I < 3; ++I) {
    Timer.expires_after(1s);
    co_await Timer.async_wait(asio::use_awaitable);
  }
}

int main() {
  asio::io_context Io;
  asio::co_spawn(Io, ticker(Io), asio::detached);
  asio::co_spawn(Io, correct_ticker(), asio::detached);
  Io.run();
}
