/* A C library of the project. */
#include <unistd.h>

struct conn {
  int fd;
};

static int fill(struct conn *c, char *buf) { return (int)read(c->fd, buf, 16); }

int conn_read(struct conn *c) {
  char buf[16];
  return fill(c, buf);
}
