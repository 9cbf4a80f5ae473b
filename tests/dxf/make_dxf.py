#!/usr/bin/env python3
"""Writes the DXF drawings of camaudit's import tests (tests/dxf/*.dxf) and of the example
data/examples/hotel-dxf/hotel-f1.dxf. Run from anywhere: python3 tests/dxf/make_dxf.py.
The drawings are checked in; this script documents how they were made and remakes them."""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from dxfgen import Drawing  # noqa: E402


def camera_block(d, name="CAM"):
    """A camera symbol drawn facing +x, with the attribute definitions of a camera."""
    d.block(name)
    d.lwpolyline("0", [(0, -100), (300, -150), (300, 150), (0, 100)], closed=True)
    for tag in ("ID", "HFOV", "RANGE", "HEIGHT", "SIGNAGE"):
        d.attdef("0", (0, -300), tag)
    d.end_block()


def entities():
    """Every entity type the importer reads, in millimetres ($INSUNITS 4)."""
    d = Drawing("R2000", insunits=4)
    camera_block(d)
    d.block("ROOMSET")  # a column and a camera, placed together
    d.circle("0", (0, 0), 300)
    d.insert("0", "CAM", (-400, 0), rotation=180,
             attribs=[("ID", "N1"), ("HFOV", "90"), ("RANGE", "8")])
    d.end_block()
    d.line("A-WALL", (0, 0), (10000, 0))
    d.lwpolyline("A-WALL", [(10000, 0), (12000, 0), (12000, 2000)], bulges=[0, 1, 0])
    d.polyline("A-WALL", [(0, 0), (0, 8000)])
    d.arc("A-WALL", (5000, 8000), 1000, 0, 180)
    d.circle("A-GLAZ", (9000, 6000), 500)
    d.lwpolyline("A-AREA", [(0, 0), (6000, 0), (6000, 5000), (0, 5000)], closed=True)
    d.polyline("A-AREA", [(6000, 0), (10000, 0), (10000, 5000), (6000, 5000)], closed=True)
    d.text("A-ANNO", (3000, 2500), "Lobby 1")
    d.mtext("A-ANNO", (8000, 2500), "Guest\\PRoom 2")
    d.insert("A-CCTV", "CAM", (500, 500), rotation=30,
             attribs=[("ID", "C1"), ("HFOV", "90"), ("RANGE", "12"), ("HEIGHT", "2.8"),
                      ("SIGNAGE", "yes")])
    d.insert("A-WALL", "ROOMSET", (3000, 7000), rotation=90)  # its layer-0 column is a wall
    d.save(os.path.join(HERE, "entities-r2000.dxf"))


def versions():
    """One small plan in every DXF version from R12 to R2018, in metres."""
    for version in ("R12", "R2000", "R2004", "R2007", "R2010", "R2013", "R2018"):
        d = Drawing(version, crlf=version == "R2018")
        d.block("CAM")
        d.line("0", (0, 0), (0.3, 0))
        d.end_block()
        d.lwpolyline("WALL", [(0, 0), (8, 0), (8, 6), (0, 6)], closed=True)
        d.lwpolyline("ROOM", [(0, 0), (8, 0), (8, 6), (0, 6)], closed=True)
        d.text("ROOM", (4, 3), "Office")
        d.insert("CCTV", "CAM", (0.5, 0.5), rotation=45,
                 attribs=[("ID", "V1"), ("HFOV", "90"), ("RANGE", "10")])
        d.save(os.path.join(HERE, f"version-{version.lower()}.dxf"))
    # R12 as the oldest programs write it: no handles, no tables, header and entities only.
    d = Drawing("R12", handles=False)
    d.line("WALL", (0, 0), (8, 0))
    d.save(os.path.join(HERE, "version-r12-minimal.dxf"))


def chinese(version, codepage, name):
    d = Drawing(version, codepage=codepage)
    d.lwpolyline("房间", [(0, 0), (5, 0), (5, 4), (0, 4)], closed=True)
    d.lwpolyline("房间", [(5, 0), (8, 0), (8, 4), (5, 4)], closed=True)
    d.lwpolyline("房间", [(0, 4), (8, 4), (8, 6), (0, 6)], closed=True)
    d.text("房间名称", (2.5, 2), "101客房")
    d.mtext("房间名称", (6.5, 2), "公共\\P卫生间")
    d.text("房间名称", (4, 5), "走廊")
    d.save(os.path.join(HERE, name))


def errors():
    """One drawing with every kind of drawing error, each on its own entity."""
    d = Drawing("R2010")
    camera_block(d)
    d.lwpolyline("ZONE", [(0, 0), (4, 0), (4, 4), (0, 4)], closed=True)      # no label
    d.lwpolyline("ZONE", [(10, 0), (14, 0), (14, 4), (10, 4)], closed=True)  # unknown label
    d.text("ZONE", (12, 2), "Boiler room")
    d.lwpolyline("ZONE", [(20, 0), (24, 0), (24, 4)])                        # open
    d.lwpolyline("ZONE", [(30, 0), (34, 0), (34, 4), (30, 4)], closed=True)  # fine
    d.text("ZONE", (32, 2), "Office")
    d.insert("CCTV", "CAM", (31, 1), attribs=[("ID", "E1"), ("HFOV", "90")])  # no RANGE
    d.insert("CCTV", "CAM", (32, 1), attribs=[("ID", "E2"), ("HFOV", "wide"), ("RANGE", "5")])
    d.insert("CCTV", "CAM", (33, 1), attribs=[("ID", "E3"), ("HFOV", "90"), ("RANGE", "5"),
                                              ("SIGNAGE", "maybe")])
    d.insert("CCTV", "CAM", (33, 2), attribs=[("ID", "E4"), ("HFOV", "90"), ("RANGE", "5")])
    d.insert("CCTV", "CAM", (33, 3), attribs=[("ID", "E4"), ("HFOV", "90"), ("RANGE", "5")])
    d.save(os.path.join(HERE, "errors-r2010.dxf"))
    with open(os.path.join(HERE, "not-a-drawing.dxf"), "w") as f:
        f.write("This is not a DXF drawing.\n")
    text = Drawing("R2000")
    text.line("WALL", (0, 0), (1, 0))
    truncated = text.text_of()
    with open(os.path.join(HERE, "truncated.dxf"), "w") as f:
        f.write(truncated[: truncated.index("ENTITIES") + 20])


def nesting():
    """Zones inside zones, several labels in one zone, every camera key from attributes.
    The faulty entities are on their own layer (ZONE2) and block (CAM2)."""
    d = Drawing("R2013")
    camera_block(d)
    camera_block(d, "CAM2")
    d.lwpolyline("ZONE", [(0, 0), (20, 0), (20, 10), (0, 10)], closed=True)  # the hall
    d.text("ZONE", (15, 5), "Hall")
    d.text("ZONE", (16, 8), "120 m²")                                         # no kind: ignored
    d.lwpolyline("ZONE", [(2, 2), (6, 2), (6, 6), (2, 6)], closed=True)      # an office in it
    d.text("ZONE", (4, 4), "Office")
    d.lwpolyline("ZONE2", [(8, 2), (12, 2), (12, 6), (8, 6)], closed=True)   # two names
    d.text("ZONE2", (9, 4), "Office 2")
    d.text("ZONE2", (11, 4), "Office 3")
    d.insert("CCTV", "CAM", (15, 2), rotation=-90,
             attribs=[("ID", "K1"), ("HFOV", "70"), ("RANGE", "9.5"), ("HEIGHT", "2.5"),
                      ("TILT", "-30"), ("VFOV", "40"), ("OWNER", "op"), ("SIGNAGE", "有"),
                      ("PURPOSE", "入口"), ("SPARE", "")])
    d.insert("CCTV", "CAM", (-18, 2), rotation=30, mirrored=True,  # world (18, 2), facing 150°
             attribs=[("ID", "K3"), ("HFOV", "90"), ("RANGE", "5")])
    d.insert("CCTV", "CAM2", (16, 2), attribs=[("ID", "K2"), ("HFOV", "70"), ("RANGE", "9"),
                                               ("OWNER", "nobody"), ("TILT", "-95")])
    d.save(os.path.join(HERE, "nesting-r2013.dxf"))


def mm(points):
    return [(round(x * 1000), round(y * 1000)) for x, y in points]


def hotel():
    """A hotel's ground floor in millimetres, twin of hotel-dxf-twin.yaml (in metres)."""
    d = Drawing("R2010", codepage="ANSI_936", insunits=4)
    camera_block(d, "CCTV-DOME")
    d.block("LOBBY-SET")  # a square column with a camera on its west face
    d.lwpolyline("0", [(-300, -300), (300, -300), (300, 300), (-300, 300)], closed=True)
    d.insert("0", "CCTV-DOME", (-400, 0), rotation=180,
             attribs=[("ID", "C05"), ("HFOV", "90"), ("RANGE", "10"), ("HEIGHT", "3"),
                      ("SIGNAGE", "1")])
    d.end_block()
    zones = [
        ([(0, 0), (16, 0), (16, 4), (20, 4), (20, 10), (0, 10)], "大堂", (4, 5)),
        ([(6, -3), (10, -3), (10, 0), (6, 0)], "入口", (8, -1.5)),
        ([(0, 10), (24, 10), (24, 12), (0, 12)], "走廊", (12, 11)),
        ([(20, 0), (24, 0), (24, 10), (20, 10)], "走廊", (22, 5)),
        ([(16, 0), (20, 0), (20, 4), (16, 4)], "公共卫生间", (18, 2)),
        ([(0, 12), (6, 12), (6, 18), (0, 18)], "101客房", (3, 15)),
        ([(6, 12), (12, 12), (12, 18), (6, 18)], "102客房", (9, 15)),
        ([(12, 12), (18, 12), (18, 18), (12, 18)], "103客房", (15, 15)),
        ([(18, 12), (24, 12), (24, 18), (18, 18)], "104客房", (21, 15)),
    ]
    for ring, label, at in zones:
        d.lwpolyline("A-AREA", mm(ring), closed=True)
        if label == "公共卫生间":
            d.mtext("A-ANNO-ROOM", mm([at])[0], "公共\\P卫生间", height=300)
        else:
            d.text("A-ANNO-ROOM", mm([at])[0], label, height=300)
    d.text("A-ANNO-ROOM", (9000, 16000), "18㎡", height=200)   # an area note: no kind
    d.text("A-ANNO-ROOM", (10000, -6000), "一层平面图", height=500)  # a title in no zone
    walls = [
        [(0, 0), (6, 0)], [(10, 0), (16, 0)], [(6, 0), (6, -3)], [(10, 0), (10, -3)],
        [(0, 0), (0, 18)], [(16, 0), (16, 1)], [(16, 2), (16, 4)], [(16, 4), (20, 4)],
        [(20, 0), (20, 4)], [(16, 0), (24, 0)], [(24, 0), (24, 18)],
        [(20, 4), (20, 6)], [(20, 8), (20, 10)],
        [(0, 10), (4, 10)], [(12, 10), (21, 10)], [(23, 10), (24, 10)],
        [(0, 12), (13, 12)], [(14, 12), (24, 12)],
        [(6, 12), (6, 18)], [(12, 12), (12, 18)], [(18, 12), (18, 18)], [(0, 18), (24, 18)],
    ]
    for i, w in enumerate(walls):
        if i % 2:
            d.line("A-WALL", *mm(w))
        else:
            d.lwpolyline("A-WALL", mm(w))
    d.line("A-GLAZ", *mm([(6, -3), (10, -3)]))
    cameras = [  # id, position, rotation (azimuth = 90 - rotation), hfov, range, signage
        ("C01", (0.3, 0.3), 45, "90", "20", "是"),
        ("C02", (8, -2.7), 90, "90", "12", "1"),
        ("C03", (0.3, 11), 0, "60", "30", "0"),
        ("C04", (12, 1.5), 0, "60", "12", "1"),
        ("C06", (23.7, 0.3), 90, "60", "12", "yes"),
    ]
    for cid, at, rotation, hfov, rng, signage in cameras:
        d.insert("A-CCTV", "CCTV-DOME", mm([at])[0], rotation=float(rotation),
                 attribs=[("ID", cid), ("HFOV", hfov), ("RANGE", rng), ("HEIGHT", "3"),
                          ("SIGNAGE", signage)])
    d.insert("A-WALL", "LOBBY-SET", (8000, 5000))
    d.save(os.path.join(ROOT, "data", "examples", "hotel-dxf", "hotel-f1.dxf"))


def booths():
    """The booth of tests/fixtures/heights/curtain-booth.yaml in millimetres: its curtain on
    the layer A-PART, which the fixture's `heights: {A-PART: 2.0}` makes 2.0 m high (metres,
    whatever the drawing's units), its sides and back on A-WALL, the two cameras as blocks."""
    d = Drawing("R2010", insunits=4)
    camera_block(d)
    d.line("A-PART", *mm([(-1, 6), (1, 6)]))
    d.lwpolyline("A-WALL", mm([(-1, 6), (-1, 7.5), (1, 7.5), (1, 6)]))
    for cid, height in (("C30", "3"), ("C45", "4.5")):
        d.insert("A-CCTV", "CAM", (0, 0), rotation=90.0,
                 attribs=[("ID", cid), ("HFOV", "90"), ("RANGE", "20"), ("HEIGHT", height),
                          ("SIGNAGE", "1")])
    d.save(os.path.join(ROOT, "tests", "fixtures", "heights", "booths.dxf"))


if __name__ == "__main__":
    entities()
    versions()
    chinese("R2000", "ANSI_936", "chinese-gbk-r2000.dxf")
    chinese("R2010", "ANSI_936", "chinese-utf8-r2010.dxf")
    errors()
    nesting()
    hotel()
    booths()
