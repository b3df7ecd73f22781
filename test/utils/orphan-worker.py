#!/usr/bin/env python3
"""orphan-worker.py FIFO MARK COMMAND...: runs COMMAND, waits for a process
it started whose command line holds MARK (a worker) and for someone to open
FIFO (a named pipe the worker's file includes, so the worker is past its
start and blocks there), kills COMMAND alone with SIGKILL (as the OOM killer
does, leaving its children), and prints "worker gone" when the worker then
dies too, or "worker left behind" when it is still alive a minute later (it
is then killed). Waits only for events: the minute is a cap for the
failure, not a delay."""
import os
import signal
import subprocess
import sys
import time


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                cmdline = f.read().decode(errors="replace")
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append((int(entry), cmdline))
    return found


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for(predicate, cap):
    end = time.monotonic() + cap
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return None


def opened(fifo):
    """The FIFO's write end, once a reader has it open."""
    try:
        return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # ENXIO: no reader yet
        return None


def main():
    fifo, mark, command = sys.argv[1], sys.argv[2], sys.argv[3:]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    worker = wait_for(lambda: next((pid for pid, cmdline in children(proc.pid)
                                    if mark in cmdline), None), 600)
    # Held open, without a byte written: the worker waits in its read.
    writer = wait_for(lambda: opened(fifo), 600) if worker else None
    proc.kill()
    proc.wait()
    if worker is None:
        print("no worker started")
        return
    if wait_for(lambda: not alive(worker), 60):
        print("worker gone")
        return
    os.kill(worker, signal.SIGKILL)
    print("worker left behind")


if __name__ == "__main__":
    main()
