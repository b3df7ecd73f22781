#include "services.h"
#include <asio.hpp>

asio::awaitable<void> session(Database &Db) {
  std::string Config = load_config("app.conf");
  std::string Address = lookup("example.org");
  Db.query("select 1");
  Uploader Pending;
  co_return;
}
