// settle() comes from the precompiled header.
cppcoro::task<> poll() {
  settle();
  co_return;
}
