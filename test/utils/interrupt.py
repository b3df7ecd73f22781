#!/usr/bin/env python3
"""interrupt.py DIR COMMAND...: runs COMMAND in a process group of its own,
with TMPDIR=DIR and SIGINT's default action (lit's workers ignore it, and a
terminal's user does not), waits until it has started a child process (its
work is under way), interrupts the whole group as a terminal's Ctrl-C does,
and prints how the command ended and what DIR holds afterwards, a name a
line.

Every wait is for an event; the bound (600 s) only keeps a hung command
from hanging the test."""
import os
import signal
import subprocess
import sys
import time

WAIT = 600


def group_members(pgid):
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        # pid (comm) state ppid pgrp ...: comm may hold spaces.
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[2]) == pgid:
            members.append(int(entry))
    return members


def main():
    directory, command = sys.argv[1], sys.argv[2:]
    os.makedirs(directory, exist_ok=True)
    env = dict(os.environ, TMPDIR=directory)
    proc = subprocess.Popen(command, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.time() + WAIT
    while len(group_members(proc.pid)) < 2:
        if proc.poll() is not None:
            sys.exit("interrupt: the command ended before it started a child")
        if time.time() > deadline:
            sys.exit("interrupt: no child process within %ds" % WAIT)
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    code = proc.wait(timeout=WAIT)
    print("ended by SIGINT" if code in (-signal.SIGINT, 128 + signal.SIGINT)
          else "ended with %d" % code)
    for name in sorted(os.listdir(directory)):
        print("left " + name)


if __name__ == "__main__":
    main()
