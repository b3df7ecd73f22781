// The precompiled header the tests' copies of test/Inputs/crossfile use
// (built by test/CMakeLists.txt): real Asio, parsed once for the suite.
#include <asio.hpp>
