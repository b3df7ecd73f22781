// Compiled as C++14: no coroutine can be here, but its functions are called
// from one.
#include <chrono>
#include <thread>

void legacy_pause() { std::this_thread::sleep_for(std::chrono::seconds(1)); }
