#!/usr/bin/env python3.11
"""gen_unicode_names.py writes unicode_names.gz, the table of Unicode
character names used for \\N{...} escapes (CPython 3.11's unicodedata).
Each line is NAME for the code point after the previous one, or HEX;NAME.
Ideographs whose names are algorithmic (CJK UNIFIED IDEOGRAPH-XXXX, ...)
are left out and computed by the parser. Run from lang/parser."""
import gzip
import unicodedata

ALGORITHMIC = ("CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-",
               "TANGUT IDEOGRAPH-", "KHITAN SMALL SCRIPT CHARACTER-",
               "NUSHU CHARACTER-")
lines = []
prev = -2
for cp in range(0x110000):
    n = unicodedata.name(chr(cp), None)
    if n is None or n.startswith(ALGORITHMIC):
        continue
    lines.append(n if cp == prev + 1 else "%X;%s" % (cp, n))
    prev = cp
data = ("\n".join(lines) + "\n").encode()
with open("unicode_names.gz", "wb") as f:
    f.write(gzip.compress(data, 9, mtime=0))
