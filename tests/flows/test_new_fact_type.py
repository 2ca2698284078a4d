"""Adding a fact type is one record, one extractor and one `register` call: a toy type ("number of GPUs")
registered here, and no other file changed, reaches the mentions table, its own fact table, every
export format with its Data Package description, and the evaluation."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest
from spacy.tokens import Doc

from extractors.fact_types import FACT_TYPES
from extractors.records import Mention, doc
from extractors.registry import Check, Context, FactType
from extractors.spans import sentence_lookup
from flows.evaluation import load_gold, score
from flows.store.export import FORMATS, export, read_export
from flows.store.tables import read_table

GPUS = re.compile(r"(\d{1,3}(?:[  ]\d{3})*|\d+)[  ](?:GPU|processeurs graphiques)\b")
ARTICLES = {
    "gpu_a": "Le 3 mars 2026, Hexavolt a commandé 10 000 GPU à NVIDIA pour son campus de Lyon.\n",
    "gpu_b": "Selon le groupe, Orbitale a reçu 2 500 processeurs graphiques.\nAucun autre achat n'est prévu.\n",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class GpuMention(Mention):
    type: ClassVar[str] = "gpus"
    gpu_count: float | None = doc("GPUs: the number of accelerators named.")
    parties: tuple[str, ...] = doc("Organisations attached to the figure.", ())


def extract_gpus(spacy_doc: Doc, context: Context) -> Iterable[Mention]:
    text = spacy_doc.text
    sentence = sentence_lookup(spacy_doc, text)
    for match in GPUS.finditer(text):
        count = float(re.sub(r"\s", "", match.group(1)))
        yield GpuMention(start=match.start(), end=match.end(), text=match.group(), gpu_count=count,
                         sentence=sentence(match.start(), match.end()))


TOY = FactType(
    record=GpuMention, extract=extract_gpus, table="gpus", description="One row per distinct GPU order.",
    dedup="figure", key=("gpu_count",), numbers=("gpu_count",), values=(Check("gpu_count", "value", number=True),),
)


@pytest.fixture
def toy_registered() -> Iterator[FactType]:
    FACT_TYPES.register(TOY)
    try:
        yield TOY
    finally:
        FACT_TYPES.unregister(TOY.name)


@pytest.mark.integration
def test_a_registered_fact_type_reaches_every_output(
    prefect_harness: None, toy_registered: FactType, tmp_path: Path
) -> None:
    from flows.main import curate

    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    for name, text in ARTICLES.items():
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
    summary = curate(raw_dir=str(raw), curated_dir=str(curated))
    assert summary.mentions["gpus"] == 2 and summary.facts["gpus"] == 2

    mentions = read_table(curated, "mentions")
    gpus = mentions[mentions["type"] == "gpus"]
    assert gpus["gpu_count"].tolist() == [10_000.0, 2_500.0]
    for row in gpus.itertuples():
        assert ARTICLES[row.article_id][row.start : row.end] == row.text
    assert "NVIDIA" in gpus.iloc[0]["parties"]  # party attachment runs for any type with `parties`

    facts = read_table(curated, "gpus")
    assert sorted(facts["gpu_count"]) == [2_500.0, 10_000.0]
    assert set(facts.columns) >= {"fact_id", "gpu_count", "mentions", "article_ids", "sources"}

    for fmt in FORMATS:
        out = tmp_path / f"export-{fmt}"
        export(curated, out, fmt)
        tables = read_export(out)
        assert sorted(tables["gpus"]["gpu_count"]) == [2_500.0, 10_000.0], fmt
        package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in package["resources"]}
        assert resources["gpus"]["description"] == TOY.description
        fields = {f["name"]: f["description"] for f in resources["mentions"]["schema"]["fields"]}
        assert fields["gpu_count"].startswith("GPUs: the number of accelerators named.")

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    start = ARTICLES["gpu_a"].index("10 000 GPU")
    gold = {"article": "gpu_a", "type": "gpus", "text": "10 000 GPU", "value": 10_000.0,
            "start": start, "end": start + len("10 000 GPU")}
    (gold_dir / "gpu_a.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    rows = {row["type"]: row for row in score(mentions, load_gold(gold_dir)).rows()}
    assert (rows["gpus"]["gold"], rows["gpus"]["predicted"], rows["gpus"]["e2e_f1"]) == (1, 1, 1.0)
