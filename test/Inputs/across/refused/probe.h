#pragma once

// Also included by old.cpp, which the database compiles as C++17: a task
// type in this header would not compile there.
int probe(int X);
