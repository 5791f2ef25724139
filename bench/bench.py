#!/usr/bin/env python3
"""bench.py: time yflow and CPython side by side on the shared benchmark programs.

usage: python3 bench/bench.py [-n RUNS] [-p PEER]... [PROGRAM...]

Builds yflow, then for each program (default: every program in
../shared/bench/programs that yflow runs) runs yflow and each peer
interleaved RUNS times, checks that their `checksum:` lines agree, and
prints the median wall time of each and yflow's ratio to python3 (below 1.0
means yflow is faster). Peers default to python3; add e.g. `-p pypy3`.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(ROOT, "..", "shared", "bench", "programs")
# Programs that serve sockets until stopped are measured by their own
# drivers, not here.
SKIP = {"echo_server.py", "echo_protocol_server.py"}


def run(cmd, timeout):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    dt = time.perf_counter() - t0
    checksum = [l for l in p.stdout.splitlines() if l.startswith("checksum:")]
    return dt, p.returncode, (checksum[0] if checksum else None), p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=5, help="runs per implementation")
    ap.add_argument("-p", action="append", default=[], help="extra peer command")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()

    yflow = os.path.join(ROOT, "bench", "out", "yflow")
    os.makedirs(os.path.dirname(yflow), exist_ok=True)
    subprocess.run(["go", "build", "-o", yflow, "./cmd/yflow"], cwd=ROOT, check=True)

    progs = args.programs or sorted(f for f in os.listdir(PROGRAMS) if f.endswith(".py") and f not in SKIP)
    # Resolve python3 to the interpreter itself: a version manager's shim
    # (pyenv's is a shell script) would add its own start-up to every run.
    py = subprocess.run(["python3", "-c", "import sys; print(sys.executable)"],
                        capture_output=True, text=True).stdout.strip() or "python3"
    impls = [("yflow", [yflow, "run"]), ("python3", [py])] + [(p, p.split()) for p in args.p]
    print(f"# {time.strftime('%Y-%m-%d')}  runs={args.n}  medians of wall seconds; ratio = yflow/python3")
    header = ["program"] + [n for n, _ in impls] + ["ratio", "note"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for prog in progs:
        path = prog if os.path.isabs(prog) else os.path.join(PROGRAMS, prog)
        times = {n: [] for n, _ in impls}
        sums = {}
        note = ""
        for _ in range(args.n):
            for name, cmd in impls:
                try:
                    dt, rc, checksum, err = run(cmd + [path], args.timeout)
                except subprocess.TimeoutExpired:
                    note = f"{name}: timeout"
                    continue
                if rc != 0:
                    note = f"{name}: exit {rc}: " + (err.strip().splitlines() or [""])[-1][:60]
                    continue
                times[name].append(dt)
                sums[name] = checksum
        if len(set(sums.values())) > 1:
            note = (note + "; " if note else "") + "CHECKSUMS DIFFER"
        med = {n: (statistics.median(v) if v else None) for n, v in times.items()}
        cells = [os.path.basename(path)] + [f"{med[n]:.3f}" if med[n] else "-" for n, _ in impls]
        ratio = med["yflow"] / med["python3"] if med["yflow"] and med["python3"] else None
        cells += [f"{ratio:.2f}" if ratio else "-", note]
        print("| " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
