#pragma once
// Defined in store.cpp: only the whole program knows what it does.
int load_row(int Key);
