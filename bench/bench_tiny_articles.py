"""Time and peak memory of `infrafacts run` over many tiny articles (per-article overhead).

Writes --count distinct articles of 1–3 sentences each (generated here from templates with a fixed seed, so
every run reads the same folder; organisations, amounts, power and dates so that every fact table and
`deals` get rows), runs the real CLI on them in a child process, samples the RSS of the run process
and of each descendant every 0.2 s (`sampling.run_sampled`), and prints the mention count and
the rows of each curated table. Nothing here is asserted by tests.

    .venv/bin/python bench/bench_tiny_articles.py [--count 5000] [--keep DIR] [--log FILE]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_large_file import add_folder_options, bench_folder  # a sibling script, not a package

ORGS = ("Hexavolt", "Mistral AI", "Bpifrance", "OVHcloud", "Scaleway", "Nvidia", "EDF", "Orange", "Microsoft",
        "Amazon", "Schneider Electric", "Data4", "Equinix", "Iliad", "Capgemini")
PLACES = ("en Île-de-France", "à Marseille", "dans les Hauts-de-France", "à Lyon", "en Alsace", "près de Grenoble",
          "dans l'Essonne", "à Bordeaux")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "septembre", "octobre", "novembre")
TEMPLATES = (
    "{org} a annoncé le {day} {month} {year} un investissement de {amount} millions d'euros dans un centre de "
    "données {place}.",
    "{org} a levé {amount} millions d'euros auprès de {org2} pour financer ses serveurs.",
    "Le campus de {org} {place} atteindra {mw} MW d'ici {year}.",
    "{org} a signé avec {org2} un contrat de {amount} millions de dollars en {month} {year}.",
    "Selon {org}, la demande de calcul continue de croître {place}.",
    "{org} et {org2} construiront ensemble un site de {gw} GW {place}, pour {bn} milliards d'euros.",
    "Le chantier doit commencer au printemps {year}.",
)


def tiny_article(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(1, 3)):
        org, org2 = rng.sample(ORGS, 2)
        sentences.append(rng.choice(TEMPLATES).format(
            org=org, org2=org2, place=rng.choice(PLACES), month=rng.choice(MONTHS), day=rng.randint(1, 28),
            year=rng.randint(2025, 2030), amount=rng.randint(2, 900), mw=rng.randint(2, 40) * 10,
            gw=rng.randint(1, 5), bn=rng.randint(1, 30)))
    return " ".join(sentences) + "\n"


def write_articles(raw: Path, count: int, seed: int = 0) -> int:
    """Write `count` distinct tiny articles into `raw` (a copy would be rejected as a duplicate file);
    returns their total size in bytes."""
    rng, size, seen = random.Random(seed), 0, set()
    for i in range(count):
        text = tiny_article(rng)
        while text in seen:
            text = tiny_article(rng)
        seen.add(text)
        (raw / f"court_{i:05d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=5000, help="number of articles (default 5000)")
    add_folder_options(ap)
    args = ap.parse_args()

    def write(raw: Path) -> str:
        return f"{args.count} articles, {write_articles(raw, args.count) / 1e3:.0f} KB in all"

    run, tables = bench_folder(args, write)
    print(f"{args.count} articles, {tables.get('mentions', 0)} mentions; {run.report()}")


if __name__ == "__main__":
    main()
