#include "services.h"
#include <asio.hpp>

std::string lookup(const std::string &Host) {
  asio::io_context Io;
  asio::ip::tcp::resolver Resolver(Io);
  auto Results = Resolver.resolve(Host, "443");
  return Results.begin()->endpoint().address().to_string();
}
