#include "helpers.h"
#include "pause.h"

void backoff(int Attempt) { pause_a_little(Attempt); }

std::size_t read_reply(asio::local::stream_protocol::socket &Sock,
                       char *Data) {
  return Sock.read_some(asio::buffer(Data, 16));
}
