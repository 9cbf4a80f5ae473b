#!/usr/bin/env python3
"""Writes the generated inputs of the hostile corpus (too large, or too binary, to check in):
run by a case's `setup:` line in the scratch copy of tests/hostile/, with the repository root
in $CAMAUDIT_SOURCE (for tests/dxf/dxfgen.py).

    gen.py rotation ANGLE FILE.dxf   a camera block inserted with rotation ANGLE
    gen.py bomb LEVELS FILE.dxf      blocks B1..BLEVELS each inserting the level below 10
                                     times over an empty B0, BLEVELS inserted once (#19, 1)
    gen.py star N FILE.yaml          a guest room shaped as a star of N vertices (#19, 6)
    gen.py ring N FILE.yaml          N short walls in a ring round a 360° camera (#19, 6)
    gen.py crowd N FILE.yaml         N cameras at one point watching a guest room (#19, 6)
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


HEAD = """camaudit: 1
operator: {id: op, name: 测试单位, type: enterprise, credit_code: 91310110666007217T, responsible: true}
system: {retention_days: 30, delivered: 2025-06-01, filing: {filed: true, date: 2025-06-20, record_no: "fx-1"}}
site: {id: hostile-big, region: CN}
"""


def star(n, path):
    import math
    n = int(n)
    pts = []
    for i in range(n):
        a = 2 * math.pi * i / n
        r = 10 if i % 2 == 0 else 5
        pts.append(f"[{50 + r * math.cos(a):.6f},{50 + r * math.sin(a):.6f}]")
    with open(path, "w") as f:
        f.write(HEAD + "zones:\n  - {id: room, kind: hotel.guest_room, polygon: [" +
                ",".join(pts) + "]}\ncameras:\n  - {id: C1, position: [50, 30], azimuth: 0, "
                "hfov: 90, range: 40}\n")


def ring(n, path):
    import math
    n = int(n)
    with open(path, "w") as f:
        f.write(HEAD + "zones:\n  - {id: room, kind: hotel.guest_room, polygon: "
                "[[40,40],[60,40],[60,60],[40,60]]}\nwalls:\n")
        for i in range(n):
            a, b = 2 * math.pi * i / n, 2 * math.pi * (i + 0.5) / n
            f.write(f"  - {{id: w{i}, line: [[{50 + 30 * math.cos(a):.6f},{50 + 30 * math.sin(a):.6f}],"
                    f"[{50 + 30 * math.cos(b):.6f},{50 + 30 * math.sin(b):.6f}]]}}\n")
        f.write("cameras:\n  - {id: C1, position: [50, 50], hfov: 360, range: 40}\n")


def crowd(n, path):
    with open(path, "w") as f:
        f.write(HEAD + "zones:\n  - {id: room, kind: hotel.guest_room, polygon: "
                "[[40,40],[60,40],[60,60],[40,60]]}\ncameras:\n")
        for i in range(int(n)):
            f.write(f"  - {{id: C{i}, position: [50, 30], azimuth: 0, hfov: 90, range: 40}}\n")


if __name__ == "__main__":
    {"rotation": rotation, "bomb": bomb, "star": star, "ring": ring,
     "crowd": crowd}[sys.argv[1]](*sys.argv[2:])
