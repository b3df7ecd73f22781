#!/usr/bin/env python3
"""heartbeat.py FIFO COMMAND...: runs COMMAND (a corolint run whose one file
includes FIFO, a named pipe, so that its worker blocks there), prints the
first line COMMAND writes to stderr, which can only be a heartbeat of time
since the file is not done, then writes the pipe so that the run ends, and
prints the rest of its stderr. Waits only for events: the five minutes are
a cap for a run that says nothing, not a delay."""
import os
import subprocess
import sys
import threading

fifo, command = sys.argv[1], sys.argv[2:]
run = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
# A run that never beats fails the test instead of hanging it.
cap = threading.Timer(300, run.kill)
cap.start()
first = run.stderr.readline()
print(first, end="")
if run.poll() is None:
    with open(fifo, "w") as pipe:  # waits for the worker to open it
        pipe.write("// filled once the run has beaten\n")
print(run.stderr.read(), end="")
run.wait()
cap.cancel()
