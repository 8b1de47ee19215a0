"""Rank the White House candidates of the wh-briefings snapshot.

Candidates are every .md file at commit 737ca03a27... under statements-releases/,
fact-sheets/ and briefings-statements/, sorted by the hex SHA-1 of the UTF-8
repository-relative path (rank 1 = smallest hash).  Prints "rank sha1 path".
Usage: ranks.py [FROM [TO]]   (ranks inclusive; default all)
Reads the bare mirror at $WH_GIT (default /work/.mirror/brian14708+wh-briefings/repo).
"""

import hashlib
import os
import subprocess
import sys

COMMIT = "737ca03a271adc205c67766074ec8d0070f7ad95"
GIT = os.environ.get("WH_GIT", "/work/.mirror/brian14708+wh-briefings/repo")
DIRS = ("statements-releases/", "fact-sheets/", "briefings-statements/")


def ranked():
    out = subprocess.run(
        [
            "git",
            "--git-dir",
            GIT,
            "-c",
            "core.quotepath=off",
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            COMMIT,
        ],
        capture_output=True,
        check=True,
    ).stdout
    paths = [p.decode("utf-8") for p in out.split(b"\0") if p]
    paths = [p for p in paths if p.startswith(DIRS) and p.endswith(".md")]
    rows = sorted((hashlib.sha1(p.encode("utf-8")).hexdigest(), p) for p in paths)
    return [(i + 1, h, p) for i, (h, p) in enumerate(rows)]


def source(path):
    return subprocess.run(
        ["git", "--git-dir", GIT, "show", f"{COMMIT}:{path}"], capture_output=True, check=True
    ).stdout.decode("utf-8")


if __name__ == "__main__":
    lo = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    hi = int(sys.argv[2]) if len(sys.argv) > 2 else 10**9
    rows = ranked()
    print(f"# {len(rows)} candidates", file=sys.stderr)
    for r, h, p in rows:
        if lo <= r <= hi:
            print(r, h, p)
