"""How the benchmarks time a command: wall time, the processor time of its
tree (user and system; on a shared machine less noisy than the wall
time, which counts the time others take), and the peak resident memory of
the largest process of the tree, with its output."""
import collections
import subprocess
import sys
import time

# Runs a command in a fresh interpreter, so that RUSAGE_CHILDREN covers that
# command's process tree only, and reports its peak RSS and processor time
# last on stderr.
WRAPPER = ("import resource, subprocess, sys\n"
           "r = subprocess.run(sys.argv[1:])\n"
           "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
           "print('MAXRSS', u.ru_maxrss, u.ru_utime + u.ru_stime, file=sys.stderr)\n"
           "sys.exit(r.returncode)\n")

Run = collections.namedtuple("Run", "seconds rss_kib stdout stderr cpu_seconds")


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
    _, rss, cpu = lines[-1].split()
    out = result.stdout.decode(errors="replace") if keep_stdout else ""
    return Run(elapsed, int(rss), out, "\n".join(lines[:-1]), float(cpu))
