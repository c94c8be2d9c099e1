#!/usr/bin/env python3
"""Checks that two run folders computed the same thing, e.g. a run on a cluster that lost a worker
against the same run in one process:

    submit/compare-runs.py RUN_A RUN_B

Compares every loop record of result.json except its wall times (searchSeconds, adjustSeconds),
and the parameters (coefficients.bin) of every model zip under model/ and checkpoint/ that both
folders hold. Prints one line per item and exits 1 when anything differs."""
import hashlib
import json
import pathlib
import sys
import zipfile

TIMES = {"searchSeconds", "adjustSeconds"}


def main(a, b):
    a, b = pathlib.Path(a), pathlib.Path(b)
    different = 0
    loops_a = json.loads((a / "result.json").read_text())["loopRecords"]
    loops_b = json.loads((b / "result.json").read_text())["loopRecords"]
    if len(loops_a) != len(loops_b):
        print(f"loop records: {len(loops_a)} against {len(loops_b)}")
        different += 1
    for x, y in zip(loops_a, loops_b):
        x = {k: v for k, v in x.items() if k not in TIMES}
        y = {k: v for k, v in y.items() if k not in TIMES}
        same = x == y
        different += not same
        print(f"loop {x['loop']}: {'equal' if same else 'DIFFERENT'} (kept {sum(x['keptByLayer'].values()):,}, "
              f"validation {x['validationAccuracy']}, test {x['testAccuracy']})")
        for key in x:
            if x[key] != y.get(key):
                print(f"    {key}: {x[key]} against {y.get(key)}")
    for zip_a in sorted(list((a / "model").rglob("*.zip")) + list((a / "checkpoint").rglob("*.zip"))):
        zip_b = b / zip_a.relative_to(a)
        if not zip_b.exists():
            continue
        digest = [hashlib.sha256(zipfile.ZipFile(z).read("coefficients.bin")).hexdigest() for z in (zip_a, zip_b)]
        same = digest[0] == digest[1]
        different += not same
        print(f"{zip_a.relative_to(a)}: parameters {'equal' if same else 'DIFFERENT'} (sha256 {digest[0][:16]})")
    return 1 if different else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
