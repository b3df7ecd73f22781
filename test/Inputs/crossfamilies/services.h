#pragma once
#include <string>

std::string load_config(const std::string &Path);
std::string lookup(const std::string &Host);

struct Database {
  void *Conn = nullptr;
  int query(const char *Sql);
};

struct Uploader {
  void *Easy = nullptr;
  ~Uploader();
};
