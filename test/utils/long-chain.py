#!/usr/bin/env python3
"""Writes a chain of N plain functions, f0 calling f1 and so on down to a
cppcoro::sync_wait, called from the coroutine head(): into one file, or
split in the middle between two (the second holding the blocking end).

    long-chain.py N FILE [SECOND]
"""
import sys


def main():
    n, first = int(sys.argv[1]), sys.argv[2]
    second = sys.argv[3] if len(sys.argv) > 3 else None
    split = n // 2 if second else n
    head = ['#include "cppcoro/task.hpp"', "cppcoro::task<int> fetch();"]
    head += ["int f%d();" % i for i in range(n)]
    # Each function is declared first, then defined in order.
    def body(i):
        if i == n - 1:
            return "int f%d() { return cppcoro::sync_wait(fetch()); }" % i
        return "int f%d() { return f%d(); }" % (i, i + 1)

    one = head + [body(i) for i in range(split)]
    one.append("cppcoro::task<int> head() { co_return f0(); }")
    with open(first, "w") as f:
        f.write("\n".join(one) + "\n")
    if second:
        with open(second, "w") as f:
            f.write("\n".join(head + [body(i) for i in range(split, n)]) + "\n")


if __name__ == "__main__":
    main()
