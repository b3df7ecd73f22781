#pragma once
void ext_sleep();
inline void x_helper() { ext_sleep(); }
