#include <chrono>
#include <thread>
void ext_sleep() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
