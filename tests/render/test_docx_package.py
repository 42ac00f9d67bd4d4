"""Every example DOCX is a package Word opens without a word: core and application properties
true to the document and in their namespaces, relationships and content types complete, unique
drawing ids, balanced fields and bookmarks, every cell ending in a paragraph, rows filling their
grid; and a schema validator published on PyPI (openxml-audit, which checks each part against
the Open XML SDK's schema data and Word's own expectations) finds nothing.

No PyPI or Debian package ships the ECMA-376 schemas themselves (XSD or RELAX NG), so the full
jing validation over them is run by hand (see /work/shared/ooxml-validate); these checks are
what CI can run."""

from __future__ import annotations

import io
import posixpath
import subprocess
import sys
import zipfile
from collections import Counter

import pytest
from lxml import etree

from laporgen.render.ooxml import CORE_PROPERTIES_NS, CUSTOM_PROPERTIES_NS, EXTENDED_PROPERTIES_NS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class Package:
    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.parts[name])

    def rels(self, source: str) -> list[etree._Element]:
        folder, base = posixpath.split(source)
        name = posixpath.join(folder, "_rels", f"{base}.rels")
        return list(self.xml(name).iter(f"{{{REL}}}Relationship")) if name in self.parts else []

    def stories(self) -> list[str]:
        """The document and its headers and footers."""
        return [
            name
            for name in self.parts
            if name.startswith("word/")
            and name.endswith(".xml")
            and posixpath.basename(name).startswith(("document", "header", "footer"))
        ]


@pytest.fixture(scope="module")
def package(example) -> Package:
    return Package(example.docx.read_bytes())


def test_core_properties_are_in_the_core_namespace_and_say_the_document(package, example) -> None:
    core = package.xml("docProps/core.xml")
    assert etree.QName(core).namespace == CORE_PROPERTIES_NS
    assert [e.tag for e in core if etree.QName(e).namespace == CUSTOM_PROPERTIES_NS] == []
    found = Counter(
        etree.QName(e).localname for e in core if etree.QName(e).namespace == CORE_PROPERTIES_NS
    )
    assert found["lastModifiedBy"] == found["revision"] == found["lastPrinted"] == 1
    by_name = {etree.QName(e).localname: e.text for e in core}
    document = example.built.document
    assert (
        by_name["title"] == document.title
        and by_name["creator"] == by_name["lastModifiedBy"] == document.author
    )
    assert by_name["revision"] == "1" and by_name["lastPrinted"] == f"{document.date_iso}T00:00:00Z"


def test_application_properties_are_laporgens_with_the_page_count(package, example) -> None:
    app = package.xml("docProps/app.xml")
    values = {etree.QName(e).localname: e.text for e in app}
    assert etree.QName(app).namespace == EXTENDED_PROPERTIES_NS
    import pypdf

    assert values == {
        "Application": "laporgen",
        "Pages": str(len(pypdf.PdfReader(io.BytesIO(example.pdf)).pages)),
    }


def test_no_thumbnail_and_no_stale_parts(package) -> None:
    assert THUMBNAIL not in {r.get("Type") for r in package.rels("")}
    assert not [
        name for name in package.parts if "thumbnail" in name or "stylesWithEffects" in name
    ]


def test_every_relationship_points_at_a_part_and_every_part_has_a_content_type(package) -> None:
    for source in ["", *package.parts]:
        for rel in package.rels(source):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(source), rel.get("Target"))
            )
            assert target.lstrip("/") in package.parts, f"{source}: {rel.get('Target')}"
    types = package.xml("[Content_Types].xml")
    defaults = {d.get("Extension").lower() for d in types.iter(f"{{{CT}}}Default")}
    overrides = {o.get("PartName") for o in types.iter(f"{{{CT}}}Override")}
    for name in package.parts:
        if name != "[Content_Types].xml":
            assert f"/{name}" in overrides or name.rsplit(".", 1)[-1].lower() in defaults, name
    assert all(name.lstrip("/") in package.parts for name in overrides)


def test_settings_zoom_has_its_percent(package) -> None:
    zooms = list(package.xml("word/settings.xml").iter(w("zoom")))
    assert zooms and all(z.get(w("percent")) for z in zooms)


def test_drawing_ids_are_unique(package) -> None:
    ids = [
        d.get("id") for name in package.stories() for d in package.xml(name).iter(f"{{{WP}}}docPr")
    ]
    assert len(ids) == len(set(ids))


def test_fields_and_bookmarks_are_balanced(package) -> None:
    for name in package.stories():
        depth, separated = 0, []
        for char in package.xml(name).iter(w("fldChar")):
            kind = char.get(w("fldCharType"))
            if kind == "begin":
                depth += 1
                separated.append(False)
            elif kind == "separate":
                assert depth and not separated[-1], name
                separated[-1] = True
            else:
                assert depth, f"{name}: a field ends that never began"
                depth -= 1
                separated.pop()
        assert depth == 0, f"{name}: {depth} field(s) never end"
    body = package.xml("word/document.xml")
    starts = [(b.get(w("id")), b.get(w("name"))) for b in body.iter(w("bookmarkStart"))]
    ends = [b.get(w("id")) for b in body.iter(w("bookmarkEnd"))]
    assert sorted(i for i, _ in starts) == sorted(ends)
    assert len({i for i, _ in starts}) == len({n for _, n in starts}) == len(starts)


def test_every_cell_ends_in_a_paragraph_and_every_row_fills_its_grid(package) -> None:
    for table in package.xml("word/document.xml").iter(w("tbl")):
        columns = len(table.find(w("tblGrid")).findall(w("gridCol")))
        for row in table.findall(w("tr")):
            spans = 0
            for cell in row.findall(w("tc")):
                assert etree.QName(cell[-1]).localname == "p"
                span = cell.find(f"{w('tcPr')}/{w('gridSpan')}")
                spans += int(span.get(w("val"))) if span is not None else 1
            assert spans == columns


def test_a_published_schema_validator_finds_nothing(example) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "openxml_audit", str(example.docx)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0 and "Errors: 0" in result.stdout, result.stdout + result.stderr
