#!/usr/bin/env bash
# no-new-processes.sh COMMAND...: runs COMMAND where it can start no process
# (a process limit of 0), as on a machine at its limit. Root is not held to
# the limit, so as root COMMAND runs as nobody.
if [ "$(id -u)" = 0 ]; then
  exec setpriv --reuid=nobody --regid=nogroup --clear-groups -- \
    bash -c 'ulimit -u 0 && exec "$@"' - "$@"
fi
ulimit -u 0 && exec "$@"
