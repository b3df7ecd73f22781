#include <chrono>
#include <thread>
void ext_block() { std::this_thread::sleep_for(std::chrono::milliseconds(1)); }
