"""One source of truth per agency: the Magetan LKjIP 2024 reads its plan from the agency's
Renstra 2024-2026, so a target edited once shows in both documents."""

from __future__ import annotations

from laporgen.build import document_for
from laporgen.document.nodes import Table
from laporgen.document.numbering import walk
from laporgen.jenis import load_document


def table(folder, table_id: str) -> Table:
    (found,) = [
        b
        for b in walk(document_for(load_document(folder)).body)
        if isinstance(b, Table) and b.id == table_id
    ]
    return found


def row_of(t: Table, name: str) -> list[str]:
    for row in t.body:
        texts = ["".join(i.text for i in c.blocks[0].inlines if hasattr(i, "text")) for c in row]
        if name in texts:
            return texts
    raise AssertionError(f"{name!r} not in {t.id}")


IS21 = "Persentase PPKS yang Mendapatkan Pelayanan Rehabilitasi Sosial"


def test_a_target_edited_in_the_renstra_shows_in_both_documents(example_copy):
    renstra = example_copy.parent / "renstra-2024-2026"
    before_lkjip = row_of(table(example_copy, "capaian"), IS21)
    before_renstra = row_of(table(renstra, "tc25"), IS21)
    assert before_lkjip[-5:-2] == ["0,28", "0,259", "92,50"]
    # T-C.25: the unit ("persen") in the Satuan column, the figures bare; no kondisi akhir
    assert before_renstra[-4:] == ["persen", "0,28", "0,29", "0,30"]

    plan = renstra / "rencana.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("target: {2024: 0.28,") == 1
    plan.write_text(text.replace("target: {2024: 0.28,", "target: {2024: 0.259,"), encoding="utf-8")

    after_lkjip = row_of(table(example_copy, "capaian"), IS21)
    assert after_lkjip[-5:-1] == [
        "0,259",
        "0,259",
        "100,00",
        "Sangat Berhasil",
    ]  # Tabel 3.2: target, capaian, kategori
    assert (
        row_of(table(example_copy, "tujuan-sasaran"), IS21)[-3] == "0,259"
    )  # Tabel 2.2, the 2024 column
    assert row_of(table(renstra, "tc25"), IS21)[-3] == "0,259"  # the Renstra's T-C.25, 2024


def test_the_lkjip_folder_has_no_plan_of_its_own(example_copy, run_cli):
    (example_copy / "rencana.yaml").write_text("periode: [2024, 2026]\n", encoding="utf-8")
    code, out, err = run_cli("check", str(example_copy))
    assert code == 2
    assert "this document takes its plan from the Renstra named in document.toml" in err
