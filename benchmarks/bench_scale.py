"""Loading and validating 10k, 100k and 1M records: time, growth and peak memory.

Run on demand, not in the test suite:

    uv sync --extra fast --extra formats --group benchmark   # into .venv; then activate it
    python benchmarks/bench_scale.py              # 10k, 100k and 1M records
    python benchmarks/bench_scale.py --quick      # 10k and 100k

Each size is whole copies of the bundled dataset with ids and references renamed
per copy (see bench_validate.py), written to a JSON file. Every measurement runs
in a fresh process and reads its own peak memory from the kernel (``VmHWM`` in
``/proc/self/status``; ``ru_maxrss`` would carry the parent's high-water mark
across ``exec``): iclei-model's `load` then `validate`, and, on the same file,
pydantic v2 and msgspec decoding into the peer models of bench_serialize.py.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson
from bench_validate import plain_copies  # beside this script

import iclei_model as im

HERE = Path(__file__).parent

PEAK = """
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

OURS = (
    PEAK
    + """
import json, sys, time
import iclei_model as im
start = time.perf_counter()
ds = im.load(sys.argv[1], im.Dataset)
loaded = time.perf_counter()
report = im.validate(ds)
done = time.perf_counter()
assert report.ok, report.summary()
print(json.dumps({"load": loaded - start, "validate": done - loaded, "peak_mb": peak_mb()}))
"""
)

PEER = (
    PEAK
    + """
import json, sys, time
sys.path.insert(0, sys.argv[3])
from bench_serialize import _Peers
import iclei_model as im
lib = sys.argv[2]
model = _Peers().model(im.Dataset, lib)
payload = open(sys.argv[1], "rb").read()
start = time.perf_counter()
if lib == "pydantic":
    data = model.model_validate_json(payload)
else:
    import msgspec
    data = msgspec.json.decode(payload, type=model)
done = time.perf_counter()
print(json.dumps({"load": done - start, "peak_mb": peak_mb()}))
"""
)


def measure(code: str, *args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k and 100k records only")
    args = parser.parse_args()
    sizes = (10_000, 100_000) if args.quick else (10_000, 100_000, 1_000_000)
    per_copy = len(im.load_dataset("east-asia-2019"))
    previous: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            plain = plain_copies(math.ceil(size / per_copy))
            records = sum(len(v) for v in plain.values() if isinstance(v, list))
            path = Path(folder) / f"{size}.json"
            path.write_bytes(orjson.dumps(plain))
            del plain
            ours = measure(OURS, str(path))
            peers = {
                lib: measure(PEER, str(path), lib, str(HERE)) for lib in ("pydantic", "msgspec")
            }
            total = ours["load"] + ours["validate"]
            growth = ""
            if previous is not None:
                ratio = ours["validate"] / previous[1]
                growth = f"; validate x{ratio:.1f} for x{records / previous[0]:.1f} records"
            previous = (records, ours["validate"])
            print(
                f"{records:>9,} records ({path.stat().st_size / 1e6:.0f} MB of JSON):"
                f" load {ours['load']:.2f} s + validate {ours['validate']:.2f} s"
                f" = {total:.2f} s, peak {ours['peak_mb']:.0f} MB{growth}\n"
                f"{'':>10}pydantic load {peers['pydantic']['load']:.2f} s,"
                f" peak {peers['pydantic']['peak_mb']:.0f} MB;"
                f" msgspec load {peers['msgspec']['load']:.2f} s,"
                f" peak {peers['msgspec']['peak_mb']:.0f} MB;"
                f" iclei-model peak = x{ours['peak_mb'] / peers['pydantic']['peak_mb']:.2f}"
                " pydantic's"
            )


if __name__ == "__main__":
    main()
