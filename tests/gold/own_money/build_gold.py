"""Build the own_money gold .jsonl files from the hand-written annotations below (offsets computed and checked).

Money only: one line per mention (surface, occurrence index, value, low, high, currency, explicit, qualifier, per).
Amounts in page boilerplate (subscription offers, legal footer) are not annotated. Articles 001-008 were written
before the money rules were changed for issue 15, articles 009-012 (second batch) before the rules for their errors.
Run: python tests/gold/own_money/build_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
M, B, K = 1e6, 1e9, 1e3
NB, NN = "\u00a0", "\u202f"

MONEY = {
    "money_001_depeche": [
        ("1,4 milliard d'euros", 0, 1.4 * B, None, None, "EUR", True, None, None),
        ("900 millions", 0, 900 * M, None, None, "EUR", False, None, None),
        ("500 millions", 0, 500 * M, None, None, "EUR", False, None, None),
        ("près de 600 millions", 0, 600 * M, None, None, "EUR", False, "approx", None),
        ("entre 350 et 400 millions", 0, None, 350 * M, 400 * M, "EUR", False, None, None),
        ("2,1 milliards", 0, 2.1 * B, None, None, "EUR", False, None, None),
        ("1,78 milliard", 0, 1.78 * B, None, None, "EUR", False, None, None),
        ("96 millions", 0, 96 * M, None, None, "EUR", False, None, None),
        ("au moins 8 milliards d'euros", 0, 8 * B, None, None, "EUR", True, "more_than", None),
        ("plus de 40 milliards de dollars", 0, 40 * B, None, None, "USD", True, "more_than", None),
        ("6,5 milliards", 0, 6.5 * B, None, None, "USD", False, None, None),
        ("pouvant atteindre 250 millions d'euros", 0, 250 * M, None, None, "EUR", True, "up_to", None),
        ("75 millions", 0, 75 * M, None, None, "EUR", False, None, None),
        ("environ 9 millions d'euros par mégawatt", 0, 9 * M, None, None, "EUR", True, "approx", "MW"),
    ],
    "money_002_communique": [
        ("85 millions de francs suisses", 0, 85 * M, None, None, "CHF", True, None, None),
        ("CHF 85 millions", 0, 85 * M, None, None, "CHF", True, None, None),
        ("environ 91 M€", 0, 91 * M, None, None, "EUR", True, "approx", None),
        ("640 millions de francs", 0, 640 * M, None, None, "CHF", True, None, None),
        ("210 millions", 0, 210 * M, None, None, "CHF", False, None, None),
        ("120 à 140 millions CHF", 0, None, 120 * M, 140 * M, "CHF", True, None, None),
        ("45 millions de livres sterling", 0, 45 * M, None, None, "GBP", True, None, None),
        ("38,2 MCHF", 0, 38.2 * M, None, None, "CHF", True, None, None),
        ("11,5 MCHF", 0, 11.5 * M, None, None, "CHF", True, None, None),
        ("92 CHF/MWh", 0, 92.0, None, None, "CHF", True, None, "MWh"),
        ("2,80 CHF par heure", 0, 2.8, None, None, "CHF", True, None, "hour"),
        (f"18{NN}000 francs suisses par baie", 0, 18 * K, None, None, "CHF", True, None, "rack"),
        ("£12m", 0, 12 * M, None, None, "GBP", True, None, None),
        ("supérieure à 20 millions GBP", 0, 20 * M, None, None, "GBP", True, "more_than", None),
    ],
    "money_003_regional": [
        ("deux milliards et demi d'euros", 0, 2.5 * B, None, None, "EUR", True, None, None),
        ("4,8 millions", 0, 4.8 * M, None, None, "EUR", False, None, None),
        ("environ 1,2 million", 0, 1.2 * M, None, None, "EUR", False, "approx", "year"),  # "chaque année"
        ("3 millions", 0, 3 * M, None, None, "EUR", False, None, None),
        ("300 millions", 0, 300 * M, None, None, "EUR", False, None, None),
        ("1,5 M€", 0, 1.5 * M, None, None, "EUR", True, None, None),
        ("un peu moins de 10 millions", 0, 10 * M, None, None, "EUR", False, "less_than", None),
        ("un milliard d'euros", 0, 1 * B, None, None, "EUR", True, None, None),
        (f"600{NB}000 euros par an", 0, 600 * K, None, None, "EUR", True, None, "year"),
    ],
    "money_004_trade": [
        ("entre 1,90 et 2,40 $ de l'heure", 0, None, 1.9, 2.4, "USD", True, None, "hour"),
        ("plus de 4 dollars", 0, 4.0, None, None, "USD", True, "more_than", None),
        ("autour de 5,20 $/h", 0, 5.2, None, None, "USD", True, "approx", "hour"),
        ("0,15 $ pour 1 million de tokens", 0, 0.15, None, None, "USD", True, None, "million_tokens"),
        ("0,60 $ pour 1 million de tokens", 0, 0.6, None, None, "USD", True, None, "million_tokens"),
        ("0,12 € par million de tokens", 0, 0.12, None, None, "EUR", True, None, "million_tokens"),
        (f"2{NN}500 €/mois", 0, 2500.0, None, None, "EUR", True, None, "month"),
        ("autour de 300 000 dollars", 0, 300 * K, None, None, "USD", True, "approx", None),
        (f"près de 37{NB}500 $ par GPU", 0, 37_500.0, None, None, "USD", True, "approx", "GPU"),
        ("dépasse les 3 millions de dollars", 0, 3 * M, None, None, "USD", True, "more_than", None),
        (">400 Mds$", 0, 400 * B, None, None, "USD", True, "more_than", None),
        ("+30 Md€", 0, 30 * B, None, None, "EUR", True, "more_than", None),
        ("environ 10 milliards de dollars pour un GW", 0, 10 * B, None, None, "USD", True, "approx", "GW"),
        ("1,1 $ par heure-GPU", 0, 1.1, None, None, "USD", True, None, "hour"),
        ("1,6 $", 0, 1.6, None, None, "USD", True, None, None),
        ("environ 15 dollars le gigaoctet", 0, 15.0, None, None, "USD", True, "approx", "GB"),
    ],
    "money_005_webpage": [
        ("3,2 mrds€", 0, 3.2 * B, None, None, "EUR", True, None, None),
        ("3,2 mrds€", 1, 3.2 * B, None, None, "EUR", True, None, None),
        ("€450M+", 0, 450 * M, None, None, "EUR", True, "more_than", None),
        ("$1,5+ Mds", 0, 1.5 * B, None, None, "USD", True, "more_than", None),
        (">€80M", 0, 80 * M, None, None, "EUR", True, "more_than", None),
        ("1.2 Md$", 0, 1.2 * B, None, None, "USD", True, None, None),
        ("au moins 700 millions", 0, 700 * M, None, None, "EUR", False, "more_than", None),
        ("moins de 30 €/MWh", 0, 30.0, None, None, "EUR", True, "less_than", "MWh"),
        (f"1{NB}200 M€ environ", 0, 1.2 * B, None, None, "EUR", True, "approx", None),
        ("450 k€ par mégawatt", 0, 450 * K, None, None, "EUR", True, None, "MW"),
        ("700 k€", 0, 700 * K, None, None, "EUR", True, None, None),
    ],
    "money_006_table": [
        ("210 M€", 0, 210 * M, None, None, "EUR", True, None, None),
        ("1,6 Md€", 0, 1.6 * B, None, None, "EUR", True, None, None),
        ("65 M$", 0, 65 * M, None, None, "USD", True, None, None),
        ("4,2 Mds¥", 0, 4.2 * B, None, None, "JPY", True, None, None),
        ("18 Mds¥", 0, 18 * B, None, None, "JPY", True, None, None),
        ("95 Mds KRW", 0, 95 * B, None, None, "KRW", True, None, None),
        (f"1{NN}200 Mds KRW", 0, 1200 * B, None, None, "KRW", True, None, None),
        ("48 M$ CA", 0, 48 * M, None, None, "CAD", True, None, None),
        ("310 M$ CA", 0, 310 * M, None, None, "CAD", True, None, None),
        ("850 millions de roupies", 0, 850 * M, None, None, "INR", True, None, None),
        ("30 MDH", 0, 30 * M, None, None, "MAD", True, None, None),
        ("2,5 M€", 0, 2.5 * M, None, None, "EUR", True, None, None),
        ("12 M€", 0, 12 * M, None, None, "EUR", True, None, None),
        ("environ 520 millions d'euros", 0, 520 * M, None, None, "EUR", True, "approx", None),
        ("18 M€", 0, 18 * M, None, None, "EUR", True, None, None),
        ("12 millions de dollars canadiens", 0, 12 * M, None, None, "CAD", True, None, None),
        ("30 millions de dirhams", 0, 30 * M, None, None, "MAD", True, None, None),
        ("supérieures à 1 M€", 0, 1 * M, None, None, "EUR", True, "more_than", None),
    ],
    "money_007_bourse": [
        ("148,35 €", 0, 148.35, None, None, "EUR", True, None, "share"),
        ("412 millions d'euros", 0, 412 * M, None, None, "EUR", True, None, None),
        ("395 millions", 0, 395 * M, None, None, "EUR", False, None, None),
        ("entre 1,6 et 1,7 milliard", 0, None, 1.6 * B, 1.7 * B, "EUR", False, None, None),
        ("1,55 milliard", 0, 1.55 * B, None, None, "EUR", False, None, None),
        ("2,10 € par action", 0, 2.1, None, None, "EUR", True, None, "share"),
        ("182 milliards de yens", 0, 182 * B, None, None, "JPY", True, None, None),
        (f"9{NB}875 yens", 0, 9875.0, None, None, "JPY", True, None, "share"),
        (f"187{NN}400 wons", 0, 187_400.0, None, None, "KRW", True, None, "share"),
        ("21 000 milliards de wons", 0, 21_000 * B, None, None, "KRW", True, None, None),
        ("environ 14 milliards d'euros", 0, 14 * B, None, None, "EUR", True, "approx", None),
        ("jusqu'à 15 milliards de dollars", 0, 15 * B, None, None, "USD", True, "up_to", None),
        ("9,875 $ par action", 0, 9.875, None, None, "USD", True, None, "share"),
        ("0,42 $", 0, 0.42, None, None, "USD", True, None, "share"),
        ("0,38 $", 0, 0.38, None, None, "USD", True, None, "share"),
        ("6 milliards de yuans", 0, 6 * B, None, None, "CNY", True, None, None),
        ("environ 780 millions d'euros", 0, 780 * M, None, None, "EUR", True, "approx", None),
        ("28,5 yuans par titre", 0, 28.5, None, None, "CNY", True, None, "share"),
        ("71,20 dollars", 0, 71.2, None, None, "USD", True, None, None),
        (f"au-dessus de 2{NB}600 dollars", 0, 2600.0, None, None, "USD", True, "more_than", None),
    ],
    "money_008_newsletter": [
        ("2 Md€", 0, 2 * B, None, None, "EUR", True, None, None),
        ("1,5 Md€", 0, 1.5 * B, None, None, "EUR", True, None, None),
        ("de 40 à 50 M€ par projet", 0, None, 40 * M, 50 * M, "EUR", True, None, "project"),
        ("12 milliards", 0, 12 * B, None, None, "USD", False, None, None),
        ("7,5 Md$", 0, 7.5 * B, None, None, "USD", True, None, None),
        ("~1 Md€", 0, 1 * B, None, None, "EUR", True, "approx", None),
        ("0,9 c€/kWh", 0, 0.009, None, None, "EUR", True, None, "kWh"),
        ("entre 35 et 45 milliards de dollars", 0, None, 35 * B, 45 * B, "USD", True, None, None),
        ("des dizaines de milliards", 0, None, None, None, "USD", False, "vague", None),
        ("quelques centaines de millions", 0, None, None, None, "USD", False, "vague", None),
        ("jusqu'à 1,8 million d'euros par an", 0, 1.8 * M, None, None, "EUR", True, "up_to", "year"),
    ],
    "money_009_resultats": [
        ("186,4 M€", 0, 186.4 * M, None, None, "EUR", True, None, None),
        ("61,2 M€", 0, 61.2 * M, None, None, "EUR", True, None, None),
        ("14,7 millions d'euros", 0, 14.7 * M, None, None, "EUR", True, None, None),
        ("3,2 millions", 0, 3.2 * M, None, None, "EUR", False, None, None),
        ("186,4", 1, 186.4 * M, None, None, "EUR", False, None, None),
        ("154,0", 0, 154.0 * M, None, None, "EUR", False, None, None),
        ("61,2", 1, 61.2 * M, None, None, "EUR", False, None, None),
        ("47,9", 0, 47.9 * M, None, None, "EUR", False, None, None),
        ("14,7", 1, 14.7 * M, None, None, "EUR", False, None, None),
        ("-3,2", 0, -3.2 * M, None, None, "EUR", False, None, None),
        ("212 millions", 0, 212 * M, None, None, "EUR", False, None, None),
        ("540 M€", 0, 540 * M, None, None, "EUR", True, None, None),
        ("entre 220 et 235 M€", 0, None, 220 * M, 235 * M, "EUR", True, None, None),
        ("quelque 300 millions d'euros", 0, 300 * M, None, None, "EUR", True, "approx", None),
        ("un demi-milliard d'euros", 0, 0.5 * B, None, None, "EUR", True, None, None),
        ("0,35 € par action", 0, 0.35, None, None, "EUR", True, None, "share"),
        ("0,05 €", 0, 0.05, None, None, "EUR", True, None, "share"),
        ("27,80 €", 0, 27.8, None, None, "EUR", True, None, "share"),
        ("environ 1,1 milliard d'euros", 0, 1.1 * B, None, None, "EUR", True, "approx", None),
    ],
    "money_010_traduction": [
        ("USD 2.4 billion", 0, 2.4 * B, None, None, "USD", True, None, None),
        ("pouvant aller jusqu'à $300m", 0, 300 * M, None, None, "USD", True, "up_to", None),
        ("environ S$1,2 milliard", 0, 1.2 * B, None, None, "SGD", True, "approx", None),
        ("1,5 à 1,8 milliard de dollars australiens", 0, None, 1.5 * B, 1.8 * B, "AUD", True, None, None),
        ("$1.9bn", 0, 1.9 * B, None, None, "USD", True, None, None),
        ("plus de US$ 60 billion", 0, 60 * B, None, None, "USD", True, "more_than", None),
        ("SGD 0.25 par kWh", 0, 0.25, None, None, "SGD", True, None, "kWh"),
        ("A$ 900 millions", 0, 900 * M, None, None, "AUD", True, None, None),
        ("1,1 milliard de dollars", 0, 1.1 * B, None, None, "USD", True, None, None),
        ("38 milliards de dollars", 0, 38 * B, None, None, "USD", True, None, None),
    ],
    "money_011_deliberation": [
        ("18 650 000 € HT", 0, 18_650_000.0, None, None, "EUR", True, None, None),
        ("22 380 000 € TTC", 0, 22_380_000.0, None, None, "EUR", True, None, None),
        ("4 M€", 0, 4 * M, None, None, "EUR", True, None, None),
        ("un demi-million", 0, 0.5 * M, None, None, "EUR", False, None, None),
        ("18,65 millions d'euros HT", 0, 18.65 * M, None, None, "EUR", True, None, None),
        ("14,2 M€ HT", 0, 14.2 * M, None, None, "EUR", True, None, None),
        ("9 000 000 euros", 0, 9 * M, None, None, "EUR", True, "up_to", None),
        ("450 € HT par mois", 0, 450.0, None, None, "EUR", True, None, "month"),
        ("690 € HT", 0, 690.0, None, None, "EUR", True, None, None),
        ("3,5 millions", 0, 3.5 * M, None, None, "EUR", False, None, None),
        ("780 000 € par an", 0, 780 * K, None, None, "EUR", True, None, "year"),
        ("environ 520 000 €", 0, 520 * K, None, None, "EUR", True, "approx", "year"),  # "dont" of a yearly amount
    ],
    "money_012_post": [
        ("15 M€", 0, 15 * M, None, None, "EUR", True, None, None),
        ("200 k€", 0, 200 * K, None, None, "EUR", True, None, None),
        ("4,2 M€", 0, 4.2 * M, None, None, "EUR", True, None, None),
        ("1,3 million d'euros par an", 0, 1.3 * M, None, None, "EUR", True, None, "year"),
        ("plusieurs centaines de millions d'euros", 0, None, None, None, "EUR", True, "vague", None),
        ("7 milliards de dollars", 0, 7 * B, None, None, "USD", True, None, None),
        ("à peine 2 milliards", 0, 2 * B, None, None, "USD", False, "approx", None),
        ("un peu plus de 6 millions", 0, 6 * M, None, None, "EUR", False, "more_than", None),
        ("le million d'euros", 0, 1 * M, None, None, "EUR", True, "more_than", None),
        ("8 500 € l'unité", 0, 8500.0, None, None, "EUR", True, None, "unit"),
    ],
}


def context(text: str, start: int, end: int) -> str:
    return re.sub(r"\s+", " ", text[max(0, start - 70) : end + 70]).strip()


def nth(text: str, surface: str, index: int) -> int:
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    assert len(starts) > index, (surface, starts)
    return starts[index]


def build() -> None:
    for stem, rows in sorted(MONEY.items()):
        text = (HERE / f"{stem}.txt").read_text(encoding="utf-8")
        lines = []
        for surface, index, value, low, high, cur, explicit, qual, per in rows:
            start = nth(text, surface, index)
            end = start + len(surface)
            lines.append({
                "article": stem, "type": "money", "text": surface, "context": context(text, start, end),
                "value": value, "low": low, "high": high, "currency": cur, "explicit_currency": explicit,
                "qualifier": qual, "per": per, "magnitude": None, "start": start, "end": end,
            })
        lines.sort(key=lambda d: d["start"])
        for d in lines:
            assert text[d["start"] : d["end"]] == d["text"], d
        out = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines)
        (HERE / f"{stem}.jsonl").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    build()
