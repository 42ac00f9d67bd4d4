"""Sentences the data fully determine (LKJIP-SPEC §5): every figure in them is computed, so
they cannot go stale or contradict the tables (L-5, L-11, L-12, L-18, L-31, L-32)."""

from __future__ import annotations

from decimal import Decimal

from ..compute.lkjip import IndikatorKinerja, LkjipFigures, NodeAnggaran, SasaranKinerja
from ..model.lkjip import AnalisisSasaran, Dukungan, RingkasanTahunLalu
from ..model.nilai import Tertulis
from ..model.settings import Tingkat
from ..numbers import angka_terbilang, ordinal, ordinal_kata, persen, rupiah
from .cells import nilai_isian
from .kalimat import gabung, para, sebut
from .nodes import Block, ListBlock, Paragraph, Text


def _pct(value: Decimal | None) -> str:
    return persen(value, tanda=True)


def _target_realisasi(i: IndikatorKinerja) -> str:
    return f"target kinerja {nilai_isian(i.target, i.indikator.satuan)} yang terealisasi {nilai_isian(i.realisasi, i.indikator.satuan)}"


def capaian_sasaran(s: SasaranKinerja, tahun: int) -> list[Block]:
    """III.A.1: one paragraph per sasaran on target, realisasi, capaian and kategori (§5.1)."""
    out: list[Block] = []
    many = len(s.indikator) > 1
    ini = "tujuan ini" if s.tingkat == "tujuan" else "sasaran strategis ini"
    if many:
        names = [i.indikator.nama for i in s.indikator]
        out.append(
            para(
                f"{ini.capitalize()} memiliki {angka_terbilang(len(names))} indikator yaitu {gabung(names)}."
            )
        )
    for i in s.indikator:
        subject = f"indikator {i.indikator.nama}" if many else ini
        if i.capaian is None and i.tercapai_predikat is not None:
            out.append(
                para(
                    f"Pada tahun {tahun} {subject} mempunyai {_target_realisasi(i)} ({_tercapai_word(i)}). "
                    "Predikat tidak dikonversi menjadi angka, sehingga capaiannya tidak dinyatakan dalam persen."
                )
            )
            continue
        if i.capaian is None:
            out.append(
                para(
                    f"Pada tahun {tahun} {subject} belum dapat diukur capaiannya karena realisasi atau target belum tersedia."
                )
            )
            continue
        text = (
            f"Pada tahun {tahun} {subject} mempunyai {_target_realisasi(i)} dengan capaian kinerja sebesar "
            f"{_pct(i.capaian)} yang artinya masuk dalam kategori {(i.kategori or '').lower()}."
        )
        if not i.tercapai:
            text += " Capaian tersebut belum mencapai target yang ditetapkan."
        elif i.capaian_mentah is not None and i.capaian_mentah > 100:
            text += f" Capaian yang diperoleh sudah melebihi target yang telah ditetapkan di tahun {tahun}."
        out.append(para(text))
    return out


def kemajuan(f: LkjipFigures, tahun_akhir: int | None = None) -> list[Block]:
    """III.A.3: how many indicators are past the Renstra's end target, and what is missing (§5.3)."""
    rows = [i for i in f.indikator if i.kemajuan is not None]
    above = [i for i in rows if _given(i.kemajuan) >= 100]
    out: list[Block] = []
    if rows and not above:
        out.append(
            para(
                f"Belum ada indikator dari {angka_terbilang(len(rows))} indikator yang memiliki realisasi sama "
                "dengan atau di atas target akhir Renstra."
            )
        )
    elif rows:
        lead = "Hanya terdapat" if len(above) == 1 else "Terdapat"
        out.append(
            para(
                f"{lead} {angka_terbilang(len(above))} indikator dari {angka_terbilang(len(rows))} indikator yang memiliki "
                f"realisasi sama dengan atau di atas target akhir Renstra, yaitu {gabung([i.indikator.nama for i in above])}."
            )
        )
    for i in rows:
        if _given(i.kemajuan) < 100:
            out.append(
                para(
                    f"Indikator {i.indikator.nama} memiliki tingkat kemajuan sebesar {_pct(i.kemajuan)}, sehingga masih "
                    f"kurang {_pct(i.sisa_kemajuan)} untuk mencapai target akhir Renstra ({nilai_isian(i.target_akhir, i.indikator.satuan)})."
                )
            )
    for i in f.indikator:
        akhir = f" (tahun {tahun_akhir})" if tahun_akhir else ""
        if i.kemajuan is None and isinstance(i.target_akhir, Tertulis):
            # the end target is given, as text: printed as written, never made a number
            predikat = i.target_akhir.jenis == "predikat"
            out.append(
                para(
                    f"Indikator {i.indikator.nama} memiliki target akhir Renstra{akhir} "
                    f"{'berupa predikat ' if predikat else ''}{i.target_akhir} dan realisasi "
                    f"{nilai_isian(i.realisasi, i.indikator.satuan)}; "
                    f"{'predikat' if predikat else 'target akhir itu'} tidak dikonversi menjadi angka, "
                    "sehingga tingkat kemajuannya tidak dinyatakan dalam persen."
                )
            )
        elif i.kemajuan is None and i.target_akhir is None:
            out.append(
                para(
                    f"Indikator {i.indikator.nama} belum memiliki target akhir Renstra{akhir}, sehingga tingkat "
                    "kemajuannya belum dapat dihitung."
                )
            )
    return out


def tercapai_sasaran(f: LkjipFigures, opd: str, tahun: int) -> Paragraph:
    """III.A.5: how many sasaran met their target (§5.4)."""
    n = len(f.sasaran)
    ok = sum(1 for s in f.sasaran if s.tercapai)
    lead = f"Pada tahun {tahun} dari {angka_terbilang(n)} sasaran {opd}, "
    if ok == 0:
        return para(lead + "belum ada sasaran yang mencapai target yang telah ditentukan.")
    if ok == n:
        return para(lead + "seluruhnya telah mencapai target yang telah ditentukan.")
    return para(
        lead
        + f"terdapat {angka_terbilang(ok)} sasaran yang mencapai target yang telah ditentukan dan "
        f"{angka_terbilang(n - ok)} sasaran yang belum mencapai target."
    )


def penyebab(f: LkjipFigures, analisis: dict[str, AnalisisSasaran]) -> ListBlock:
    """III.A.5: one numbered item per sasaran, its result and the factors behind it (§5.4).

    The lead says what the data say (001 lines 786–802): "Keberhasilan" only of indicators that
    reached their target, "Kegagalan" only of those that did not. Factors typed as `penyebab` take
    the sasaran's result; a sasaran with indicators on both sides gets a neutral lead naming each
    side, since one list cannot be both. `pendukung` and `penghambat` are worded as what they
    are."""
    entries = []
    for n, s in enumerate(f.sasaran, 1):
        a = analisis.get(s.sasaran.id) or AnalisisSasaran()
        items: tuple[Block, ...] = _faktor(s, ordinal_kata(n), a)
        if not s.tercapai:
            # the lowest of the indicators that missed, not of all: a predikat that missed beside
            # a capaian of 102% must not read "capaian … 102%" as the reason of the miss
            lowest = min(
                (i for i in s.indikator if i.capaian is not None and not i.tercapai),
                key=lambda i: _given(i.capaian),
                default=None,
            )
            if lowest and lowest.kategori:
                # beside an indicator on target, the one that missed is named
                which = (
                    f"target indikator {lowest.indikator.nama}"
                    if any(i.tercapai for i in s.indikator)
                    else "target"
                )
                items += (
                    para(
                        f"Meskipun {which} belum tercapai, capaian kinerja masih masuk dalam kategori "
                        f"{lowest.kategori.lower()} dengan nilai capaian {_pct(lowest.capaian)}."
                    ),
                )
            items += tuple(
                para(
                    f"Indikator {i.indikator.nama} belum mencapai target: realisasinya "
                    f"{nilai_isian(i.realisasi, i.indikator.satuan)} berada di bawah target "
                    f"{nilai_isian(i.target, i.indikator.satuan)} pada skala predikat."
                )
                for i in s.indikator
                if i.capaian is None and i.tercapai_predikat is False
            )
        entries.append(items)
    return ListBlock(tuple(entries), "1.")


def _faktor(s: SasaranKinerja, ke: str, a: AnalisisSasaran) -> tuple[Block, ...]:
    """The leads and lists of one sasaran's factors (see `penyebab`)."""
    met = [i for i in s.indikator if i.tercapai]
    missed = [i for i in s.indikator if not i.tercapai]
    sasaran = f"sasaran strategis {ke} yaitu {s.sasaran.uraian}"

    def of(indikator: list[IndikatorKinerja]) -> str:
        """The indicators a lead is about, named when they are not the whole sasaran."""
        if len(indikator) == len(s.indikator):
            return sasaran
        names = gabung([i.indikator.nama for i in indikator])
        return f"indikator {names} pada {sasaran}"

    def listed(lead: str, factors: list[str]) -> tuple[Block, ...]:
        if not factors:
            return ()
        return (para(lead), ListBlock(tuple((para(p),) for p in factors), "a."))

    out: tuple[Block, ...] = ()
    if a.penyebab or not (a.pendukung or a.penghambat):
        if not missed:
            lead = f"Keberhasilan dalam mencapai target kinerja {sasaran} dipengaruhi oleh faktor-faktor berikut:"
        elif not met:
            lead = f"Kegagalan dalam mencapai target kinerja {sasaran} dipengaruhi oleh faktor-faktor berikut:"
        else:
            lead = (
                f"Capaian kinerja {sasaran}, dengan {_indikator_nama(met)} telah mencapai target dan "
                f"{_indikator_nama(missed)} belum mencapai target, dipengaruhi oleh faktor-faktor berikut:"
            )
        out += listed(lead, a.penyebab) or (para(lead),)
    if met:
        out += listed(
            f"Keberhasilan dalam mencapai target kinerja {of(met)} didukung oleh faktor-faktor berikut:",
            a.pendukung,
        )
    else:
        out += listed(
            f"Capaian kinerja {sasaran} didukung oleh faktor-faktor berikut:", a.pendukung
        )
    if missed:
        out += listed(
            f"Kegagalan dalam mencapai target kinerja {of(missed)} disebabkan oleh faktor-faktor berikut:",
            a.penghambat,
        )
    else:
        out += listed(
            f"Pencapaian kinerja {sasaran} menghadapi faktor-faktor penghambat berikut:",
            a.penghambat,
        )
    return out


def _indikator_nama(indikator: list[IndikatorKinerja]) -> str:
    """ "indikator A" or "indikator A dan B"."""
    return "indikator " + gabung([i.indikator.nama for i in indikator])


def efisiensi(f: LkjipFigures) -> list[Block]:
    """III.C: which sasaran and program/kegiatan used their budget efficiently (§5.5)."""
    rows = [i for i in f.indikator if i.efisiensi is not None]
    out: list[Block] = []
    if rows:
        efisien = [i for i in rows if i.efisien]
        hi = max(rows, key=lambda i: _given(i.efisiensi))
        lo = min(rows, key=lambda i: _given(i.efisiensi))
        if not efisien:
            text = f"Dari {angka_terbilang(len(rows))} indikator sasaran, belum ada indikator yang efisien"
        else:
            text = (
                f"Dari {angka_terbilang(len(rows))} indikator sasaran, {angka_terbilang(len(efisien))} indikator memiliki "
                "capaian kinerja lebih tinggi dari penggunaan anggarannya (efisien)"
            )
            if len(efisien) < len(rows):
                text += f" dan {angka_terbilang(len(rows) - len(efisien))} indikator tidak efisien"
        text += (
            f". Tingkat efisiensi paling tinggi sebesar {_pct(hi.efisiensi)} ({_efisien_word(hi.efisien)}) ada pada "
            f"{_uraian(hi)} dengan indikator {hi.indikator.nama}, sedangkan yang paling rendah sebesar "
            f"{_pct(lo.efisiensi)} ({_efisien_word(lo.efisien)}) ada pada {_uraian(lo)} dengan indikator "
            f"{lo.indikator.nama}. Rata-rata tingkat efisiensi seluruh indikator sasaran (efisiensi total) sebesar "
            f"{_pct(f.efisiensi_total)} ({_efisien_word(f.efisien_total)})."
        )
        out.append(para(text))
    out += _ekstrem(list(f.program), "program") + _ekstrem(list(f.kegiatan), "kegiatan")
    return out


def _given(value: Decimal | None) -> Decimal:
    """A figure the caller kept only where it is present (`is not None`)."""
    assert value is not None
    return value


def _uraian(i: IndikatorKinerja) -> str:
    """The sasaran an indicator measures, or the tujuan of a tujuan's own indicator, named."""
    return f"sasaran {i.sasaran.uraian}" if i.sasaran else f"tujuan {i.tujuan.uraian}"


def _efisien_word(verdict: bool | None) -> str:
    """The verdict as the efisiensi tables' Keterangan column gives it."""
    return "efisien" if verdict else "tidak efisien"


def _ekstrem(nodes: list[NodeAnggaran], jenis: str) -> list[Block]:
    rows = [n for n in nodes if n.efisiensi is not None]
    if not rows:
        return []
    top = max(rows, key=lambda n: _given(n.efisiensi))
    low = min(rows, key=lambda n: _given(n.efisiensi))
    names_top = gabung([sebut(jenis, n.node.nama) for n in rows if n.efisiensi == top.efisiensi])
    names_low = gabung([sebut(jenis, n.node.nama) for n in rows if n.efisiensi == low.efisiensi])
    return [
        para(
            f"Dari {angka_terbilang(len(rows))} {jenis}, tingkat efisiensi tertinggi sebesar {_pct(top.efisiensi)} "
            f"({_efisien_word(top.efisien)}) terdapat pada {names_top}, sedangkan tingkat efisiensi terendah sebesar "
            f"{_pct(low.efisiensi)} ({_efisien_word(low.efisien)}) terdapat pada {names_low}."
        )
    ]


def simpulan(
    f: LkjipFigures, dukungan: dict[str, Dukungan], n_tujuan: int, tahun: int
) -> list[Block]:
    """BAB IV A: counts, one item per sasaran, and the overall result (§5.7–5.8)."""
    n_ind = len(f.indikator)
    out: list[Block] = [
        para(
            f"Pada tahun {tahun}, pengukuran kinerja dilakukan terhadap {angka_terbilang(n_tujuan)} tujuan, "
            f"{angka_terbilang(len(f.sasaran))} sasaran dengan menggunakan {angka_terbilang(n_ind)} indikator kinerja, "
            "dengan hasil sebagai berikut:"
        )
    ]
    entries = []
    n = 0
    for s in f.kelompok:
        nodes = [f.node(i) for i in s.program_kegiatan]
        programs = [x for x in nodes if x.jenis == "program"]
        kegiatan = [x for x in nodes if x.jenis != "program"]
        caps = "; ".join(f"{i.indikator.nama} {_capaian_frasa(i)}" for i in s.indikator)
        met = sum(1 for i in s.indikator if i.tercapai)
        if s.tingkat == "tujuan":
            subject, title = "Tujuan ini", f"Tujuan: {s.sasaran.uraian}"
        else:
            n += 1
            subject, title = f"Sasaran {ordinal(n)}", f"Sasaran {n}: {s.sasaran.uraian}"
        lines = [
            f"{subject} terdiri dari {angka_terbilang(len(s.indikator))} indikator kinerja dengan capaian {caps};",
            _tercapai_indikator(met, len(s.indikator)),
            (
                f"{subject} didukung oleh {_program_kegiatan(len(programs), len(kegiatan))}"
                f"{_capaian_nodes(programs + kegiatan)}."
            ),
        ]
        entries.append(
            (
                para(Text(title, strong=True)),
                ListBlock(tuple((para(x),) for x in lines), "-"),
            )
        )
    out.append(ListBlock(tuple(entries), "1."))
    return out


def _tercapai_word(i: IndikatorKinerja) -> str:
    return "tercapai" if i.tercapai else "belum tercapai"


def _capaian_frasa(i: IndikatorKinerja) -> str:
    """An indicator's result where a capaian goes: its percentage and kategori; for a predikat
    the realisasi against the target and whether the scale's order says it reached it."""
    if i.capaian is not None:
        return f"sebesar {_pct(i.capaian)} (kategori {(i.kategori or '-').lower()})"
    satuan = i.indikator.satuan
    if i.tercapai_predikat is not None:
        return (
            f"berupa realisasi {nilai_isian(i.realisasi, satuan)} dari target "
            f"{nilai_isian(i.target, satuan)} ({_tercapai_word(i)})"
        )
    return "yang belum dapat diukur capaiannya"


def _terukur_angka(f: LkjipFigures) -> str:
    """ "8 (delapan) indikator", or, where some have no capaian number (a predikat, no
    realisasi), "7 (tujuh) indikator yang terukur dengan angka": the mean and the kategori
    counts are over those only."""
    n = sum(1 for i in f.indikator if i.capaian is not None)
    if n == len(f.indikator):
        return f"{angka_terbilang(n)} indikator"
    return f"{angka_terbilang(n)} indikator yang terukur dengan angka"


def _tercapai_indikator(met: int, n: int) -> str:
    """The count of a sasaran's indicators on target, as the seed words it ("Sebanyak 1 (satu)
    indikator kinerja telah mencapai target;", 001 lines 1028, 1037): a count, so the bullet says
    nothing of the other sasaran (an unqualified "indikator kinerjanya telah mencapai target"
    reads, to `check` as to a reader, as a claim about all of them: narasi.target)."""
    if met == n:
        return f"Sebanyak {angka_terbilang(n)} indikator kinerja telah mencapai target;"
    if met == 0:
        return f"Sebanyak {angka_terbilang(n)} indikator kinerja belum mencapai target;"
    return f"Sebanyak {angka_terbilang(met)} indikator kinerja telah mencapai target dan {angka_terbilang(n - met)} belum mencapai target;"


def _program_kegiatan(programs: int, kegiatan: int) -> str:
    """ "1 (satu) program dan 2 (dua) kegiatan", leaving out a count of zero."""
    parts = [
        f"{angka_terbilang(k)} {word}"
        for k, word in ((programs, "program"), (kegiatan, "kegiatan"))
        if k
    ]
    return gabung(parts) or "program atau kegiatan yang belum dicatat"


def _capaian_nodes(nodes: list[NodeAnggaran]) -> str:
    """The range of the capaian the tables print for these nodes (each indicator's where a node
    has several, not their mean)."""
    caps = [c for n in nodes for c in n.capaian_baris if c is not None]
    if not caps:
        return ""
    if len(set(caps)) == 1:
        return f" dengan capaian kinerja keseluruhan indikator sebesar {_pct(caps[0])}"
    return f" dengan capaian kinerja indikator antara {_pct(min(caps))} sampai dengan {_pct(max(caps))}"


def hasil_umum(f: LkjipFigures, tahun: int, lalu: RingkasanTahunLalu) -> list[Block]:
    """BAB IV A and the Ikhtisar: the average capaian, its kategori, budget and efisiensi (§5.8)."""
    text = (
        f"Dari hasil pengukuran terhadap {angka_terbilang(len(f.sasaran))} sasaran strategis tahun {tahun}, capaian "
        f"kinerja rata-rata {_terukur_angka(f)} sebesar {_pct(f.rata_rata)}"
        + (f" (kategori {f.kategori_rata_rata.lower()})" if f.kategori_rata_rata else "")
    )
    text += _tercapai_umum(f)
    if (
        f.pagu == 0 and f.realisasi_anggaran == 0
    ):  # no budget entered: say so, not "Rp 0 dari pagu Rp 0 (-)"
        text += ", sedangkan realisasi anggaran belum dilaporkan."
    else:
        text += f", dengan realisasi anggaran sebesar {rupiah(f.realisasi_anggaran)} dari pagu {rupiah(f.pagu)}"
        text += f" ({_pct(f.serapan)})" if f.serapan is not None else ""
        if f.efisiensi_total is not None:
            text += (
                f" dan tingkat efisiensi kinerja sebesar {_pct(f.efisiensi_total)} "
                f"({_efisien_word(f.efisien_total)})"
            )
        text += "."
    out: list[Block] = [para(text)]
    if lalu.capaian_rata_rata is not None and f.rata_rata is not None:
        diff = f.rata_rata - lalu.capaian_rata_rata
        word = "naik" if diff > 0 else "turun" if diff < 0 else "sama"
        out.append(
            para(
                f"Capaian kinerja rata-rata tahun {tahun} {word} {persen(abs(diff))} poin dibandingkan tahun "
                f"{tahun - 1} ({_pct(lalu.capaian_rata_rata)})."
            )
        )
    if lalu.serapan is not None and f.serapan is not None:
        diff = f.serapan - lalu.serapan
        word = "naik" if diff > 0 else "turun" if diff < 0 else "sama"
        out.append(
            para(
                f"Serapan anggaran tahun {tahun} {word} {persen(abs(diff))} poin dibandingkan tahun "
                f"{tahun - 1} ({_pct(lalu.serapan)})."
            )
        )
    return out


def _tercapai_umum(f: LkjipFigures) -> str:
    """What the overall sentence says of the targets, by the rule `check` holds a typed sentence
    to (narasi.target, L-31): "secara umum telah mencapai target" only when every sasaran reached
    its target and the mean is not below 100; otherwise how many did (a mean above 100 beside a
    sasaran below its target is no overall success)."""
    n = len(f.sasaran)
    ok = sum(1 for s in f.sasaran if s.tercapai)
    below_mean = f.rata_rata is not None and f.rata_rata < 100
    if n == 0:
        return ""
    if ok == n and not below_mean:
        return " dan secara umum telah mencapai target"
    if ok == n:  # a mean printed below 100 beside every target reached: say neither
        return ""
    if ok == 0:
        return " dan belum ada sasaran yang mencapai target"
    return f" dan {angka_terbilang(ok)} dari {angka_terbilang(n)} sasaran telah mencapai target"


def per_kategori(f: LkjipFigures, skala: tuple[Tingkat, ...]) -> Paragraph:
    """The count of indicators per kategori (§5.9)."""
    parts = [
        f"{angka_terbilang(f.per_kategori.get(t.label, 0))} indikator berkategori {t.label.lower()}"
        for t in skala
        if f.per_kategori.get(t.label)
    ]
    n = sum(1 for i in f.indikator if i.capaian is not None)
    which = "" if n == len(f.indikator) else " yang terukur dengan angka"
    return para(f"Dari {angka_terbilang(n)} indikator kinerja{which}, {gabung(parts)}.")
