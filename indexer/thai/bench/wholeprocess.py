#!/usr/bin/env python3
"""Whole-process segmentation throughput, start-up and dictionary load included.

Usage: wholeprocess.py INPUT RUNS NAME=COMMAND...

Each COMMAND reads INPUT on stdin and writes to /dev/null, pinned to one
core (taskset -c 0). Runs are interleaved so that machine noise hits every
tool alike; the medians and the ratios to the first tool are printed.
Example, after ../shared/bench/segmenters/setup.sh:

  for i in $(seq 16); do cat ../shared/seeds/*.txt; done > /tmp/seeds-x16.txt
  go build -o /tmp/botrian ./cmd/botrian
  python3 indexer/thai/bench/wholeprocess.py /tmp/seeds-x16.txt 31 \
      'icu=/tmp/thai-segbench/icu_seg /dev/stdin /dev/null' \
      'libthai=/tmp/thai-segbench/libthai_seg /dev/stdin /dev/null' \
      'botrian=/tmp/botrian segment'
"""
import os, statistics, subprocess, sys, time

def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    inp, runs, tools = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    size = os.path.getsize(inp)
    cmds = [t.split("=", 1) for t in tools]
    times = {name: [] for name, _ in cmds}
    for _ in range(runs):
        for name, cmd in cmds:
            with open(inp, "rb") as i, open(os.devnull, "wb") as o:
                t0 = time.perf_counter()
                subprocess.run(["taskset", "-c", "0"] + cmd.split(), stdin=i, stdout=o, stderr=subprocess.DEVNULL, check=True)
                times[name].append(time.perf_counter() - t0)
    base = statistics.median(times[cmds[0][0]])
    for name, _ in cmds:
        m = statistics.median(times[name])
        print(f"{name:10s} median {m*1000:8.2f} ms  {size/m/1e6:7.1f} MB/s  {base/m:5.2f}x {cmds[0][0]}")

main()
