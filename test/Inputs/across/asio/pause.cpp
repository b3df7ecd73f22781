#include "pause.h"
#include <chrono>
#include <thread>

void pause_a_little(int Ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(Ms));
}
