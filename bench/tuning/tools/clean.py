"""Clean one wh-briefings Markdown source into a plain-text article file.

Output: "The White House", the front-matter title, then the body paragraphs, separated by
blank lines, ending in a newline.  Rules (set-k ... set-x SOURCES.md): front matter dropped
(title kept, YAML escapes resolved); `*` markup, HTML tags, comments and link targets
removed (link text and autolink URLs kept); backslash escapes resolved; bullets and nested
bullets become paragraphs (numbered items keep "N. "); wrapped lines joined; hard line
breaks joined inside a
paragraph, except that a bold/italic line followed only by a hard break, or a hard break
followed by an all-bold rest of block, starts a paragraph; a leading literal bullet dropped;
runs of spaces become one space; spaces and NBSPs trimmed at line and paragraph ends
(NBSPs inside lines kept); whitespace/NBSP-only lines count as blank.
Usage: clean.py PATH_IN_SNAPSHOT  (or: clean.py -f FILE.md)  -> cleaned text on stdout.
"""

import re
import sys

import yaml

WS = " \t\u00a0"
TAG = re.compile(r"<(?!https?://)(?:!--.*?--|/?[A-Za-z][^>]*)>", re.S)
AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
BULLET = re.compile(r"^[ \t]*[-+*][ \t]+(?=[^ \t\n])")
NUMBER = re.compile(r"^[ \t]*(\d{1,2}\.)[ \t]+(?=[^ \t\n])")
ESC = "\\`*_{}[]()#+-.!|<>~^\"'$&%=@/:;,?"


def split_front(src):
    m = re.match(r"---\n(.*?)\n---\n", src, re.S)
    if not m:
        return None, src
    return yaml.safe_load(m.group(1)).get("title"), src[m.end() :]


def protect(s):
    """Resolve backslash escapes into private-use placeholders so later steps skip them."""
    return re.sub(r"\\([%s])" % re.escape(ESC), lambda m: "\ue000%04x" % ord(m.group(1)), s)


def unprotect(s):
    return re.sub("\ue000([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), s)


def inline(s):
    s = " ".join(x.strip(WS) for x in s.split("\n"))
    s = TAG.sub("", s)
    s = AUTOLINK.sub(lambda m: m.group(1), s)
    s = re.sub(r"\[([^\[\]]*)\]\([^()\s]*(?:\([^()]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)", r"\1", s)
    s = re.sub(r"\[([^\[\]]*)\]\{[^{}]*\}", r"\1", s)
    s = s.replace("*", "")
    s = unprotect(s)
    s = re.sub(r" {2,}", " ", s)
    s = s.strip(WS)
    s = re.sub(r"^•[%s]*" % WS, "", s)
    return s.strip(WS)


def runs_state(seg):
    """Emphasis state after the `*` runs of seg: list of (bold, italic) after each run."""
    bold = ital = False
    states = []
    for r in re.findall(r"\*+", seg):
        n = len(r)
        if n >= 3:
            if bold or ital:
                bold = ital = False
            else:
                bold = ital = True
        elif n == 2:
            bold = not bold
        else:
            ital = not ital
        states.append((bold, ital))
    return states


def open_emph(seg):
    st = runs_state(seg)
    return bool(st) and st[-1] != (False, False)


def wrapped(seg, bold_only=False):
    """True when the whole segment (tags ignored) is one bold (or italic) run."""
    t = TAG.sub("", seg).strip(WS)
    if not (t.startswith("*") and t.endswith("*")):
        return False
    st = runs_state(t)
    if st[-1] != (False, False) or any(x == (False, False) for x in st[:-1]):
        return False
    if bold_only:
        return st[0][0]
    return True


def block_paras(lines):
    """Raw lines of one block -> list of raw paragraphs (markup still in)."""
    items = []
    for ln in lines:
        m = BULLET.match(ln) or NUMBER.match(ln)
        if m:
            num = m.re is NUMBER and m.group(1)
            rest = ln[m.end() :]
            items.append([(num + " " + rest) if num else rest])
        elif items:
            items[-1].append(ln)
        else:
            items.append([ln])
    paras = []
    for it in items:
        segs, cur = [], []
        for ln in it:
            r = ln.rstrip("\n")
            hard = r.endswith("  ") or (r.endswith("\\") and not r.endswith("\\\\"))
            s = ln.strip(WS)
            if s.endswith("\\") and not s.endswith("\\\\"):
                s = s[:-1].strip(WS)
            cur.append(s)
            if hard:
                segs.append("\n".join(cur))
                cur = []
        if cur:
            segs.append("\n".join(cur))
        merged = []
        for sg in segs:
            if merged and open_emph(merged[-1]):
                merged[-1] += "\n" + sg
            else:
                merged.append(sg)
        segs = [x for x in merged if TAG.sub("", x).strip(WS)]
        out, cur = [], []
        for i, sg in enumerate(segs):
            last = i == len(segs) - 1
            if cur and wrapped("\n".join(segs[i:]), bold_only=True):
                out.append(cur)
                cur = []
            cur.append(sg)
            if not last and wrapped(sg):
                out.append(cur)
                cur = []
        if cur:
            out.append(cur)
        paras += ["\n".join(p) for p in out]
    return paras


def clean_text(src):
    title, body = split_front(src)
    body = protect(body)
    lines = body.split("\n")
    blocks, cur = [], []
    for ln in lines:
        if ln.strip(WS) == "":
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(ln)
    if cur:
        blocks.append(cur)
    paras = []
    for b in blocks:
        for p in block_paras(b):
            p = inline(p)
            if p:
                paras.append(p)
    t = re.sub(r" {2,}", " ", unprotect(title or "")).strip(WS)
    return "\n\n".join(["The White House", t] + paras) + "\n"


if __name__ == "__main__":
    if sys.argv[1] == "-f":
        src = open(sys.argv[2], encoding="utf-8").read()
    else:
        sys.path.insert(0, __import__("os").path.dirname(__file__))
        import ranks

        src = ranks.source(sys.argv[1])
    sys.stdout.write(clean_text(src))
