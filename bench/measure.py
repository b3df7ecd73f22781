"""How the benchmarks time a command: wall time and the peak resident memory
of the largest process of its tree, with its output."""
import collections
import subprocess
import sys
import time

# Runs a command in a fresh interpreter, so that RUSAGE_CHILDREN covers that
# command's process tree only, and reports its peak RSS last on stderr.
WRAPPER = ("import resource, subprocess, sys\n"
           "r = subprocess.run(sys.argv[1:])\n"
           "print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
           " file=sys.stderr)\n"
           "sys.exit(r.returncode)\n")

Run = collections.namedtuple("Run", "seconds rss_kib stdout stderr")


def run(cmd, ok=(0,), keep_stdout=False):
    """Runs cmd; exits the benchmark when its status is not in ok."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", WRAPPER] + cmd,
                            stdout=subprocess.PIPE if keep_stdout else subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    err = result.stderr.decode(errors="replace")
    if result.returncode not in ok:
        sys.exit("bench: %s exited with %d\n%s" % (" ".join(cmd[:4]), result.returncode,
                                                   err[-2000:]))
    lines = err.strip().splitlines()
    rss = int(lines[-1].split()[1])
    out = result.stdout.decode(errors="replace") if keep_stdout else ""
    return Run(elapsed, rss, out, "\n".join(lines[:-1]))
