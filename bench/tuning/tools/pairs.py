"""List (stored file, source path) pairs for every White House file in the tables of
the SOURCES.md files under bench/tuning and bench/judging.  Prints "file<TAB>path"."""

import glob
import os
import re

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PAT = re.compile(r"^(\S+\.txt)\s*\|\s*brian14708/wh-briefings@[0-9a-f]{40}:(\S+\.md)\s*\|")


def pairs():
    out = []
    for sm in sorted(
        glob.glob(os.path.join(ROOT, "tuning", "**", "SOURCES.md"), recursive=True)
        + glob.glob(os.path.join(ROOT, "judging", "**", "SOURCES.md"), recursive=True)
    ):
        d = os.path.dirname(sm)
        for line in open(sm, encoding="utf-8"):
            m = PAT.match(line.strip())
            if m:
                out.append((os.path.join(d, m.group(1)), m.group(2)))
    return out


if __name__ == "__main__":
    for f, p in pairs():
        print(f"{f}\t{p}")
