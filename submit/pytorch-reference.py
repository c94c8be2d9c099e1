#!/usr/bin/python3
"""PyTorch's speed on the same kernels as `olmp bench`: the labelled external reference of
docs/benchmarks.md. Needs Debian's python3-torch (apt-get install python3-torch); run it on an
idle machine, minutes apart from `olmp bench`:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 submit/pytorch-reference.py [--out FILE]

What it times (median of repeated runs after a warm-up, 2 intra-op threads):
- float32 GEMM of the shapes olmp bench uses, and the best of them (PyTorch's own peak);
- scoring: forward passes of 6,000 images through LeNet-300-100 and LeNet-5 under no_grad,
  with every weight layer masked the way torch.nn.utils.prune leaves it (weight = weight_orig *
  mask, recomputed in a forward pre-hook); one candidate per pass, so images x candidates/s is images/s;
- training: one SGD iteration (Nesterov momentum 0.9, weight decay 5e-4) on a batch of 256.
Inputs are random: the speed of these kernels does not depend on the values.
"""
import argparse
import json
import platform
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.prune as prune

GEMM_SHAPES = [(6000, 784, 300), (256 * 64, 500, 50), (6000, 800, 500), (1024, 1024, 1024)]


def median_seconds(fn, warmup, repetitions):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class LeNet300(nn.Module):
    def __init__(self):
        super().__init__()
        self.ip1, self.ip2, self.ip3 = nn.Linear(784, 300), nn.Linear(300, 100), nn.Linear(100, 10)

    def forward(self, x):
        return self.ip3(F.relu(self.ip2(F.relu(self.ip1(x)))))


class LeNet5(nn.Module):
    """Caffe's LeNet-5 as olmp builds it: no non-linearity after the convolutions."""

    def __init__(self):
        super().__init__()
        self.conv1, self.conv2 = nn.Conv2d(1, 20, 5), nn.Conv2d(20, 50, 5)
        self.ip1, self.ip2 = nn.Linear(800, 500), nn.Linear(500, 10)

    def forward(self, x):
        x = F.max_pool2d(self.conv1(x.view(-1, 1, 28, 28)), 2)
        x = F.max_pool2d(self.conv2(x), 2)
        return self.ip2(F.relu(self.ip1(x.flatten(1))))


def forward_macs(net):
    if isinstance(net, LeNet300):
        return 784 * 300 + 300 * 100 + 100 * 10
    return 24 * 24 * 25 * 20 + 8 * 8 * 500 * 50 + 800 * 500 + 500 * 10


def masked(net, keep=0.5):
    for module in net.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            prune.random_unstructured(module, "weight", amount=1 - keep)
    return net


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="also write the results as JSON to this file")
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    report = {"torch": torch.__version__, "threads": torch.get_num_threads(), "machine": platform.processor()
              or platform.machine(), "gemm": [], "nets": []}

    for m, k, n in GEMM_SHAPES:
        a, b = torch.rand(m, k), torch.rand(k, n)
        out = torch.empty(m, n)
        seconds = median_seconds(lambda: torch.mm(a, b, out=out), 3, 10)
        report["gemm"].append({"m": m, "k": k, "n": n, "seconds": seconds, "gflops": 2 * m * k * n / seconds / 1e9})
        print(f"gemm {m:>6} x {k:>4} . {k:>4} x {n:>4}  {seconds:.4f} s  {report['gemm'][-1]['gflops']:6.1f} GFLOP/s")
    peak = max(g["gflops"] for g in report["gemm"])
    report["peakGflops"] = peak
    print(f"gemm peak {peak:.1f} GFLOP/s")

    images = torch.rand(6000, 784)
    batch = torch.rand(256, 784)
    labels = torch.randint(0, 10, (256,))
    for name, make in (("lenet300-100", LeNet300), ("lenet5", LeNet5)):
        net = masked(make())
        macs = forward_macs(net)
        with torch.no_grad():
            score_s = median_seconds(lambda: net(images).argmax(1), 2, 7)
        score_gflops = 2 * macs * 6000 / score_s / 1e9
        solver = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=5e-4)

        def iteration():
            solver.zero_grad()
            F.cross_entropy(net(batch), labels).backward()
            solver.step()

        train_s = median_seconds(iteration, 10, 30)
        train_gflops = 3 * 2 * macs * 256 / train_s / 1e9
        row = {"architecture": name, "scoringSeconds": score_s, "imagesPerSecond": 6000 / score_s,
               "scoringGflops": score_gflops, "scoringShareOfPeak": score_gflops / peak,
               "trainingSecondsPerIteration": train_s, "trainingGflops": train_gflops,
               "trainingShareOfPeak": train_gflops / peak}
        report["nets"].append(row)
        print(f"{name}: scoring 6,000 images {score_s:.4f} s = {6000 / score_s:,.0f} img/s = {score_gflops:.1f} GFLOP/s "
              f"({100 * score_gflops / peak:.0f} % of its peak); training batch 256 {train_s:.4f} s/iteration = "
              f"{train_gflops:.1f} GFLOP/s ({100 * train_gflops / peak:.0f} %)")
    if args.out:
        with open(args.out, "w") as f:
            json.dump(report, f, indent=2)
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
