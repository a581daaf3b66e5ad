"""Verifies the DKIM signature of a message (bytes on stdin) with dkimpy (Debian's python3-dkim).

There is no DNS here: the key record is the first argument and is returned for any name asked.
Prints "pass" or "fail".
"""
import sys

import dkim

record = sys.argv[1].encode("ascii")
message = sys.stdin.buffer.read()
ok = dkim.verify(message, dnsfunc=lambda name, timeout=5: record)
sys.stdout.write("pass" if ok else "fail")
