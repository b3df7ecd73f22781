void ext_block();
namespace {
void flush() { ext_block(); }
} // namespace
void use_b() { flush(); }
