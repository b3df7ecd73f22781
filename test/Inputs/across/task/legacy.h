// A blocking helper that many files call, and one more plain hop.
#pragma once

int fetch(int X);
int report(int X);
