#include "services.h"
#include <fstream>

std::string load_config(const std::string &Path) {
  std::ifstream In(Path);
  std::string Text;
  std::getline(In, Text);
  return Text;
}
