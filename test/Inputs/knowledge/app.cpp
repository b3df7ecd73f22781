#include "acme.h"
#include <chrono>
#include <thread>

acme::task<int> price(acme::client &c) {
  int v = c.fetch(1, acme::ACME_WAIT);
  c.fetch(2, acme::ACME_NOWAIT);
  co_return v;
}

acme::task<int> compute();

acme::task<int> direct() {
  int x = acme::run_sync(compute());
  co_return x;
}

int legacy_total() { return acme::run_sync(compute()); }

acme::task<int> total() { co_return legacy_total(); }

acme::task<void> offloaded(acme::pool &p) {
  p.submit([] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
  co_return;
}
