#ifndef PAUSE_H
#define PAUSE_H

void pause_a_little(int Ms);

#endif
