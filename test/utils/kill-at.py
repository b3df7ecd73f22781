#!/usr/bin/env python3
"""kill-at.py LINE COMMAND...: runs COMMAND in a process group of its own,
reads its standard output until a line equal to LINE, then kills the whole
group with SIGKILL (as a CI job's timeout or the OOM killer does) and prints
"killed at LINE"; "ended before LINE" if it never came. Waits only for
events."""
import os
import signal
import subprocess
import sys


def main():
    line, command = sys.argv[1], sys.argv[2:]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE,
                            start_new_session=True)
    for out in proc.stdout:
        if out.decode().rstrip("\n") == line:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            print("killed at %s" % line)
            return
    proc.wait()
    print("ended before %s" % line)


if __name__ == "__main__":
    main()
