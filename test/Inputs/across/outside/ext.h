// A header outside the source root of test/Inputs/across/refused: corolint
// never edits it.
#pragma once

int ext_fetch(int X);
