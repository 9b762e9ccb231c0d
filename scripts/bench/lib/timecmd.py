#!/usr/bin/env python3
"""Times whole commands side by side: runs them in turn (A B A B ...) and prints the median
wall time and peak RSS of each, plus ratios against the first. Standard library only.

usage: timecmd.py [--runs N] [--warmup N] NAME=COMMAND [NAME=COMMAND ...]
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(command):
    start = time.perf_counter()
    proc = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.stderr.write(f"command failed ({proc.returncode}): {command}\n{proc.stderr.decode()[:2000]}\n")
        sys.exit(1)
    return elapsed


def peak_rss_kib(command):
    """Peak resident set of one run, from GNU time's %M (KiB)."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", "sh", "-c", command + " >/dev/null 2>&1"],
                          capture_output=True, text=True)
    lines = proc.stderr.strip().splitlines()
    return int(lines[-1]) if lines and lines[-1].isdigit() else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    named = []
    for item in args.commands:
        name, _, command = item.partition("=")
        named.append((name, command))
    for _ in range(args.warmup):
        for _, command in named:
            run_once(command)
    times = {name: [] for name, _ in named}
    for _ in range(args.runs):
        for name, command in named:
            times[name].append(run_once(command))
    base = statistics.median(times[named[0][0]])
    print(f"{'name':<28} {'median ms':>10} {'min ms':>10} {'peak MiB':>9} {'ratio':>7}")
    for name, command in named:
        median = statistics.median(times[name])
        print(f"{name:<28} {median*1000:>10.2f} {min(times[name])*1000:>10.2f} "
              f"{peak_rss_kib(command)/1024:>9.1f} {median/base:>7.2f}")


if __name__ == "__main__":
    main()
