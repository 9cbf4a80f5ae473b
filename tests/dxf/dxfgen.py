"""A small DXF text writer for camaudit's import tests: just the entities that the importer
reads (LINE, LWPOLYLINE, POLYLINE, ARC, CIRCLE, TEXT, MTEXT, INSERT with ATTRIB, BLOCK with
ATTDEF), in the group-code layout of R12 (AC1009) or of R2000 and later (handles, AcDb
subclass markers). Text is encoded as the drawing's version and code page say: UTF-8 from
R2007 (AC1021) on, else the code page (ANSI_936 is GBK)."""

VERSIONS = {"R12": "AC1009", "R2000": "AC1015", "R2004": "AC1018", "R2007": "AC1021",
            "R2010": "AC1024", "R2013": "AC1027", "R2018": "AC1032"}
CODEPAGES = {"ANSI_1252": "cp1252", "ANSI_936": "gbk"}


class Drawing:
    def __init__(self, version="R2000", codepage="ANSI_1252", insunits=None, crlf=False,
                 handles=True):
        self.acadver = VERSIONS[version]
        self.modern = self.acadver >= "AC1015"
        self.codepage = codepage
        self.encoding = "utf-8" if self.acadver >= "AC1021" else CODEPAGES[codepage]
        self.insunits = insunits
        self.crlf = crlf
        self.handles = handles or self.modern  # R2000 and later always have handles
        self.next_handle = 0x30
        self.layers = ["0"]
        self.blocks = []  # (name, base point, [entity pairs])
        self.entities = []
        self.target = self.entities

    # -- building blocks -------------------------------------------------------------------
    def handle(self):
        h = format(self.next_handle, "X")
        self.next_handle += 1
        return h

    def _head(self, kind, layer, subclass, handle=None):
        if layer not in self.layers:
            self.layers.append(layer)
        pairs = [(0, kind)]
        if self.handles:
            pairs.append((5, handle or self.handle()))
        if self.modern:
            pairs.append((100, "AcDbEntity"))
        pairs.append((8, layer))
        if self.modern and subclass:
            pairs.append((100, subclass))
        return pairs

    def _add(self, pairs):
        self.target.extend(pairs)
        # The handle of the entity just added, for tests that name it.
        return dict(pairs).get(5)

    @staticmethod
    def _xy(x, y, code=10):
        return [(code, x), (code + 10, y), (code + 20, 0.0)]

    # -- entities --------------------------------------------------------------------------
    def line(self, layer, a, b):
        return self._add(self._head("LINE", layer, "AcDbLine") + self._xy(*a) +
                         self._xy(*b, code=11))

    def lwpolyline(self, layer, points, closed=False, bulges=None):
        if not self.modern:
            return self.polyline(layer, points, closed, bulges)
        pairs = self._head("LWPOLYLINE", layer, "AcDbPolyline")
        pairs += [(90, len(points)), (70, 1 if closed else 0)]
        for i, (x, y) in enumerate(points):
            pairs += [(10, x), (20, y)]
            if bulges and bulges[i]:
                pairs.append((42, bulges[i]))
        return self._add(pairs)

    def polyline(self, layer, points, closed=False, bulges=None):
        pairs = self._head("POLYLINE", layer, "AcDb2dPolyline")
        pairs += [(66, 1)] + self._xy(0.0, 0.0) + [(70, 1 if closed else 0)]
        for i, (x, y) in enumerate(points):
            pairs += self._head("VERTEX", layer, "AcDbVertex")
            if self.modern:
                pairs.append((100, "AcDb2dVertex"))
            pairs += self._xy(x, y)
            if bulges and bulges[i]:
                pairs.append((42, bulges[i]))
            pairs.append((70, 0))
        pairs += self._head("SEQEND", layer, None)
        return self._add(pairs)

    def arc(self, layer, centre, radius, start, end):
        pairs = self._head("ARC", layer, "AcDbCircle") + self._xy(*centre) + [(40, radius)]
        if self.modern:
            pairs.append((100, "AcDbArc"))
        return self._add(pairs + [(50, start), (51, end)])

    def circle(self, layer, centre, radius):
        return self._add(self._head("CIRCLE", layer, "AcDbCircle") + self._xy(*centre) +
                         [(40, radius)])

    def text(self, layer, at, value, height=0.3):
        pairs = self._head("TEXT", layer, "AcDbText") + self._xy(*at)
        pairs += [(40, height), (1, value)]
        if self.modern:
            pairs.append((100, "AcDbText"))
        return self._add(pairs)

    def mtext(self, layer, at, value, height=0.3):
        if not self.modern:
            raise ValueError("MTEXT needs R13 or later")
        pairs = self._head("MTEXT", layer, "AcDbMText") + self._xy(*at)
        return self._add(pairs + [(40, height), (71, 1), (1, value)])

    def insert(self, layer, block, at, rotation=0.0, scale=(1.0, 1.0), attribs=None,
               mirrored=False):
        """A block reference; `attribs` is a list of (tag, value). `mirrored`: extrusion -z,
        as CAD programs write a mirrored reference; `at` is then in its object coordinates
        (x negated)."""
        pairs = self._head("INSERT", layer, "AcDbBlockReference")
        if attribs:
            pairs.append((66, 1))
        pairs += [(2, block)] + self._xy(*at)
        pairs += [(41, scale[0]), (42, scale[1]), (43, 1.0), (50, rotation)]
        if mirrored:
            pairs += [(210, 0.0), (220, 0.0), (230, -1.0)]
        for tag, value in attribs or []:
            pairs += self._head("ATTRIB", layer, "AcDbText") + self._xy(*at)
            pairs += [(40, 0.2), (1, value)]
            if self.modern:
                pairs.append((100, "AcDbAttribute"))
            pairs += [(2, tag), (70, 0)]
        if attribs:
            pairs += self._head("SEQEND", layer, None)
        return self._add(pairs)

    def attdef(self, layer, at, tag, default=""):
        pairs = self._head("ATTDEF", layer, "AcDbText") + self._xy(*at)
        pairs += [(40, 0.2), (1, default)]
        if self.modern:
            pairs.append((100, "AcDbAttributeDefinition"))
        return self._add(pairs + [(3, tag), (2, tag), (70, 0)])

    # -- blocks ----------------------------------------------------------------------------
    def block(self, name, base=(0.0, 0.0)):
        """Entities added until end_block() go into the block `name`."""
        self.blocks.append((name, base, []))
        self.target = self.blocks[-1][2]

    def end_block(self):
        self.target = self.entities

    # -- output ----------------------------------------------------------------------------
    def _header(self):
        pairs = [(0, "SECTION"), (2, "HEADER"), (9, "$ACADVER"), (1, self.acadver),
                 (9, "$DWGCODEPAGE"), (3, self.codepage)]
        if self.handles and not self.modern:
            pairs += [(9, "$HANDLING"), (70, 1)]
        if self.handles:
            pairs += [(9, "$HANDSEED"), (5, "FFFF")]
        if self.insunits is not None:
            pairs += [(9, "$INSUNITS"), (70, self.insunits)]
        return pairs + [(0, "ENDSEC")]

    def _tables(self):
        pairs = [(0, "SECTION"), (2, "TABLES"), (0, "TABLE"), (2, "LAYER")]
        if self.handles:
            pairs.append((5, "2"))
        if self.modern:
            pairs.append((100, "AcDbSymbolTable"))
        pairs.append((70, len(self.layers)))
        for name in self.layers:
            pairs.append((0, "LAYER"))
            if self.handles:
                pairs.append((5, self.handle()))
            if self.modern:
                pairs += [(100, "AcDbSymbolTableRecord"), (100, "AcDbLayerTableRecord")]
            pairs += [(2, name), (70, 0), (62, 7), (6, "CONTINUOUS")]
        return pairs + [(0, "ENDTAB"), (0, "ENDSEC")]

    def _blocks(self):
        pairs = [(0, "SECTION"), (2, "BLOCKS")]
        for name, base, body in self.blocks:
            pairs += self._head("BLOCK", "0", "AcDbBlockBegin")
            pairs += [(2, name), (70, 2)] + self._xy(*base) + [(3, name), (1, "")]
            pairs += body
            pairs += self._head("ENDBLK", "0", "AcDbBlockEnd")
        return pairs + [(0, "ENDSEC")]

    def text_of(self):
        # Entities first so that their handles are settled before the tables count layers.
        entities = [(0, "SECTION"), (2, "ENTITIES")] + self.entities + [(0, "ENDSEC")]
        blocks = self._blocks()
        pairs = self._header() + self._tables() + blocks + entities + [(0, "EOF")]
        nl = "\r\n" if self.crlf else "\n"
        out = []
        for code, value in pairs:
            if isinstance(value, float):
                value = repr(value)
            out.append(f"{code:>3}{nl}{value}{nl}")
        return "".join(out)

    def save(self, path):
        with open(path, "wb") as f:
            f.write(self.text_of().encode(self.encoding))
