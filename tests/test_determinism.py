"""Deterministic builds (issue 6): the same content gives the same bytes, wherever the content
folder lies and whenever it is built; `SOURCE_DATE_EPOCH` dates the DOCX package when set.

Three builds of the example: two from copies in different folders (DOCX, and HTML when its
renderer is installed), one with `SOURCE_DATE_EPOCH` set.
"""

from __future__ import annotations

import importlib.util
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import EXAMPLE_AGENCY, EXAMPLE_DOCUMENT, invoke_cli
from docx_reading import open_docx
from lxml import etree

from laporgen.render.ooxml import CORE_PROPERTIES_NS

STEM = "lkjip-2024-dinas-sosial-kabupaten-magetan"
HAS_HTML = importlib.util.find_spec("laporgen.render.html") is not None
FORMATS = "docx,html" if HAS_HTML else "docx"
EPOCH = 1700000000  # 2023-11-14 22:13:20 UTC


def build_copy(root: Path, *env: tuple[str, str]) -> Path:
    """Copy the example under `root`, build it from there (cwd = root) into `root/out`."""
    root.mkdir(parents=True)
    shutil.copytree(EXAMPLE_AGENCY, root / EXAMPLE_AGENCY.name)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        for name, value in env:
            mp.setenv(name, value)
        code, _, err = invoke_cli(
            "build",
            f"{EXAMPLE_AGENCY.name}/{EXAMPLE_DOCUMENT}",
            "--out",
            "out",
            "--format",
            FORMATS if not env else "docx",
        )
    assert (code, err) == (0, "")
    return root / "out"


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("determinism")
    return build_copy(base / "first"), build_copy(base / "second" / "elsewhere")


@pytest.fixture(scope="module")
def epoch_build(tmp_path_factory) -> Path:
    return (
        build_copy(tmp_path_factory.mktemp("epoch") / "copy", ("SOURCE_DATE_EPOCH", str(EPOCH)))
        / f"{STEM}.docx"
    )


def test_two_builds_give_byte_identical_docx(builds):
    first, second = builds
    assert (first / f"{STEM}.docx").read_bytes() == (second / f"{STEM}.docx").read_bytes()


def test_two_builds_give_identical_html(builds):
    first, second = builds
    assert (first / f"{STEM}.html").read_bytes() == (second / f"{STEM}.html").read_bytes()


def test_docx_zip_entries_are_dated_by_the_document_and_in_a_fixed_order(builds):
    """No clock time in the package: every entry carries the signing date (tanda_tangan.tanggal)."""
    with zipfile.ZipFile(builds[0] / f"{STEM}.docx") as package:
        infos = package.infolist()
    assert {info.date_time for info in infos} == {(2025, 2, 1, 0, 0, 0)}
    assert infos[0].filename == "[Content_Types].xml"


def test_docx_core_properties_are_dated_by_the_document(builds):
    props = open_docx(builds[0] / f"{STEM}.docx").core_properties
    signed = datetime(2025, 2, 1, tzinfo=UTC)
    assert (props.created, props.modified) == (signed, signed)
    # lastPrinted and revision are read from the XML: in this process docxcompose (imported by
    # docxtpl) has rebound python-docx's `cp` prefix, so python-docx looks for them elsewhere
    with zipfile.ZipFile(builds[0] / f"{STEM}.docx") as package:
        core = etree.fromstring(package.read("docProps/core.xml"))
    assert core.findtext(f"{{{CORE_PROPERTIES_NS}}}lastPrinted") == "2025-02-01T00:00:00Z"
    assert core.findtext(f"{{{CORE_PROPERTIES_NS}}}revision") == "1"


def test_source_date_epoch_dates_the_zip_entries(epoch_build):
    with zipfile.ZipFile(epoch_build) as package:
        assert {info.date_time for info in package.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_source_date_epoch_changes_only_the_zip_dates(builds, epoch_build):
    """The parts are the same bytes as without SOURCE_DATE_EPOCH; only the entries' dates moved."""
    with (
        zipfile.ZipFile(builds[0] / f"{STEM}.docx") as plain,
        zipfile.ZipFile(epoch_build) as dated,
    ):
        assert plain.namelist() == dated.namelist()
        assert all(plain.read(name) == dated.read(name) for name in plain.namelist())
