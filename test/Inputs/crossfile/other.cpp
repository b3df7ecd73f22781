// Includes the header too: header_helper is defined here as well.
#include "quotes.h"

asio::awaitable<void> poll() {
  header_helper();
  co_return;
}
