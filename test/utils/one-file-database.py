#!/usr/bin/env python3
"""Prints a compile_commands.json of one file, FILE in DIR compiled with
FLAGS, as UTF-8 text (a name beyond ASCII stays as it is).

    one-file-database.py DIR FILE FLAGS...
"""
import json
import sys

directory, name, flags = sys.argv[1], sys.argv[2], sys.argv[3:]
print(json.dumps([{"directory": directory, "file": directory + "/" + name,
                   "arguments": ["clang++-19"] + flags + ["-c", name]}],
                 ensure_ascii=False))
