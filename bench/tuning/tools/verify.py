"""Check cleaned White House files against their wh-briefings sources.

1. Byte check: re-clean every source named in a SOURCES.md table under bench/tuning and
   bench/judging (or only the tables of the set directories given as arguments) and compare
   with the stored .txt file byte for byte.
2. Text check (set-q's): the file and its source with markup removed (front matter except
   the title, HTML tags, link targets, bullet markers, backslash escapes, `*`, `_`, `[`, `]`)
   must be equal once all whitespace is ignored.
3. Leftover markup characters and the last paragraph are printed for a look (end check).
Usage: verify.py [SET_DIR ...]
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clean
import pairs
import ranks


def bare(src):
    title, body = clean.split_front(src)
    body = re.sub(r"<(https?://[^>\s]+)>", r"\1", body)
    body = clean.TAG.sub("", body)
    body = re.sub(r"\]\([^)\s]*\)", "]", body)
    body = re.sub(r"\]\{[^}]*\}", "]", body)
    body = re.sub(r"^[ \t]*[-+*][ \t]+(?=[^ \t\n])", "", body, flags=re.M)
    body = re.sub(r"\\(.)", r"\1", body)
    body = re.sub(r"[*_\[\]]", "", body)
    body = re.sub(r"^\s*•", "", body, flags=re.M)
    return re.sub(r"\s+", "", "The White House" + (title or "") + body)


def main(dirs):
    dirs = [os.path.abspath(d) for d in dirs]
    n = ok = 0
    for f, p in pairs.pairs():
        if dirs and os.path.dirname(f) not in dirs:
            continue
        src = ranks.source(p)
        want = open(f, encoding="utf-8").read()
        got = clean.clean_text(src)
        n += 1
        same = got == want
        ok += same
        text = bare(src) == re.sub(r"\s+", "", want)
        left = sorted(set(re.findall(r"[*_<>|{}\[\]\\]", want)))
        last = want.rstrip("\n").split("\n\n")[-2:]
        print(
            f"{os.path.relpath(f)}: bytes {'match' if same else 'DIFFER'}; text {'match' if text else 'DIFFER'}"
            f"; leftover {''.join(left) or '-'}; words {len(want.split())}; end: {last[0][-60:]!r} / {last[1][-40:]!r}"
        )
    print(f"{ok} of {n} byte-identical")


if __name__ == "__main__":
    main(sys.argv[1:])
