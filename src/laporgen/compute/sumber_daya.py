"""Staff and fixed-asset figures (LKJIP-SPEC F1, F2)."""

from __future__ import annotations

from decimal import Decimal


def selisih_formasi(kebutuhan: int, realisasi: int) -> int:
    """Kekurangan/kelebihan: realisasi − kebutuhan (negative is a shortage, printed "-12")."""
    return realisasi - kebutuhan


def saldo_akhir(saldo_awal: Decimal, bertambah: Decimal, berkurang: Decimal) -> Decimal:
    """The asset value at the end of the year."""
    return saldo_awal + bertambah - berkurang
