#!/usr/bin/env python3
"""Writes the generated inputs of the hostile corpus (too large, or too binary, to check in):
run by a case's `setup:` line in the scratch copy of tests/hostile/, with the repository root
in $CAMAUDIT_SOURCE (for tests/dxf/dxfgen.py).

    gen.py rotation ANGLE FILE.dxf   a camera block inserted with rotation ANGLE
    gen.py bomb LEVELS FILE.dxf      blocks B1..BLEVELS each inserting the level below 10
                                     times over an empty B0, BLEVELS inserted once (#19, 1)
"""
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.environ["CAMAUDIT_SOURCE"], "tests", "dxf"))
from dxfgen import Drawing  # noqa: E402


def room(d):
    d.lwpolyline("WALL", [(0, 0), (20, 0), (20, 10), (0, 10)], closed=True)
    d.lwpolyline("ROOM", [(8, 2), (12, 2), (12, 6), (8, 6)], closed=True)
    d.text("ROOM", (10, 4), "Room")


def camera_block(d):
    d.block("CAM")
    d.line("0", (0, 0), (0.3, 0))
    for tag in ("ID", "HFOV", "RANGE"):
        d.attdef("0", (0, -0.3), tag)
    d.end_block()


def rotation(angle, path):
    d = Drawing("R2000")
    camera_block(d)
    room(d)
    d.insert("CCTV", "CAM", (10, 1), rotation=float(angle),
             attribs=[("ID", "C1"), ("HFOV", "90"), ("RANGE", "20")])
    d.save(path)


def bomb(levels, path):
    d = Drawing("R2000")
    camera_block(d)
    d.block("B0")
    d.end_block()
    for level in range(1, int(levels) + 1):
        d.block(f"B{level}")
        for i in range(10):
            d.insert("0", f"B{level - 1}", (i, 0))
        d.end_block()
    room(d)
    d.insert("WALL", f"B{levels}", (0, 0))
    d.save(path)


if __name__ == "__main__":
    {"rotation": rotation, "bomb": bomb}[sys.argv[1]](*sys.argv[2:])
