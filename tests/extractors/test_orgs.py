"""Organisation recognition and canonicalisation."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.orgs import canonical_name, extract_orgs


@pytest.mark.parametrize(("surface", "canonical"), [("Nvidia", "NVIDIA"), ("AWS", "Amazon Web Services")])
def test_canonical_name(surface: str, canonical: str) -> None:
    assert canonical_name(surface) == canonical


def test_extract_orgs_smoke(nlp: Language) -> None:
    orgs = extract_orgs(nlp("Nvidia investit dans OpenAI."))
    assert [o.canonical for o in orgs] == ["NVIDIA", "OpenAI"]
