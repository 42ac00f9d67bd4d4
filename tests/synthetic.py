"""Synthetic agencies for scale tests and benchmarks: a Renstra folder of any size, written as
real content files, with pagu from a seeded generator so runs repeat."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

AGENCY = {
    "pemda": {"jenis": "Kabupaten", "nama": "Contoh"},
    "nama": "Dinas Sintetis",
    "dasar_hukum": "Peraturan Bupati Contoh Nomor 1 Tahun 2021",
    "unit": ["Sekretariat", "Bidang Satu"],
    "tugas": "melaksanakan urusan pemerintahan",
    "fungsi": ["perumusan kebijakan", "pelaksanaan kebijakan"],
    "kepala": {
        "nama": "NAMA KEPALA",
        "pangkat": "Pembina",
        "golongan": "IV/a",
        "nip": "197001011990031001",
        "jabatan": ["KEPALA DINAS SINTETIS", "KABUPATEN CONTOH"],
    },
}
YEARS = [2022, 2023, 2024, 2025, 2026]


def write_renstra(folder: Path, programs: int, kegiatan: int, sub: int, seed: int = 1) -> dict:
    """Write a Renstra document folder `folder` (its agency file one level up) with
    `programs` × `kegiatan` × `sub` leaves; return the program tree as plain data."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    (folder.parent / "agency.yaml").write_text(
        yaml.safe_dump(AGENCY, allow_unicode=True), encoding="utf-8"
    )
    (folder / "document.toml").write_text(
        'jenis = "renstra"\nperiode = "2021-2026"\ntahun_awal = 2021\n', encoding="utf-8"
    )
    indikator = {
        "id": "IS1",
        "nama": "Persentase layanan tuntas",
        "satuan": "%",
        "target": dict.fromkeys(YEARS, 100),
    }
    rencana = {
        "nama": "Rencana Strategis Dinas Sintetis",
        "periode": [YEARS[0], YEARS[-1]],
        "tujuan": [
            {
                "id": "T1",
                "uraian": "Meningkatnya layanan",
                "sasaran": [
                    {
                        "id": "S1",
                        "uraian": "Meningkatnya layanan tuntas",
                        "indikator": [indikator],
                        "strategi": [
                            {
                                "uraian": "Penguatan layanan",
                                "arah_kebijakan": ["Perluasan jangkauan"],
                            }
                        ],
                    }
                ],
            }
        ],
    }
    tree = [
        {
            "id": f"P{p}",
            "nama": f"PROGRAM {p}",
            "tujuan": "T1",
            "sasaran": "S1",
            "indikator": [
                {
                    "nama": f"Persentase capaian program {p}",
                    "satuan": "%",
                    "target": dict.fromkeys(YEARS, 100),
                }
            ],
            "kegiatan": [
                {
                    "id": f"K{p}.{k}",
                    "nama": f"Kegiatan {p}.{k}",
                    "sub_kegiatan": [
                        {
                            "id": f"S{p}.{k}.{s}",
                            "nama": f"Sub Kegiatan {p}.{k}.{s}",
                            "indikator": [
                                {
                                    "nama": "Jumlah dokumen",
                                    "satuan": "Dokumen",
                                    "target": {y: rng.randint(1, 20) for y in YEARS},
                                }
                            ],
                            "pagu": {y: rng.randrange(1_000_000, 900_000_000, 1000) for y in YEARS},
                        }
                        for s in range(1, sub + 1)
                    ],
                }
                for k in range(1, kegiatan + 1)
            ],
        }
        for p in range(1, programs + 1)
    ]
    program = {
        "program": tree,
        "matriks": [
            {
                "judul": "Matriks Program dan Kegiatan Tahun 2022-2026",
                "tahun": YEARS,
                "tahun_awal": 2021,
            }
        ],
    }
    for name, data in (
        ("rencana", rencana),
        ("program", program),
        ("evaluasi", {}),
        ("sumber_daya", {}),
        ("analisis", {}),
    ):
        (folder / f"{name}.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return program
