"""Party attachment through the dependency parse, on French sentences run through the real pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extractors.mentions import extract_mentions, extract_mentions_of, parse_clauses
from extractors.records import MoneyMention, OrgMention, PowerMention
from extractors.registry import Context

CASES = [
    ("Microsoft a investi 10 milliards de dollars dans OpenAI.", "10 milliards de dollars", ("Microsoft", "OpenAI")),
    ("Google a promis 25 milliards d'euros à Anthropic, tandis que Meta construit un centre de 2 gigawatts "
     "avec Oracle.", "25 milliards d'euros", ("Anthropic", "Google")),
    ("Google a promis 25 milliards d'euros à Anthropic, tandis que Meta construit un centre de 2 gigawatts "
     "avec Oracle.", "2 gigawatts", ("Meta", "Oracle")),
    ("L'État a débloqué 2 milliards d'euros pour Mistral AI et 500 millions d'euros pour Kyutai.",
     "2 milliards d'euros", ("Mistral AI",)),
    ("L'État a débloqué 2 milliards d'euros pour Mistral AI et 500 millions d'euros pour Kyutai.",
     "500 millions d'euros", ("Kyutai",)),
    ("Selon Reuters, Amazon prévoit d'investir 50 milliards de dollars aux États-Unis.",
     "50 milliards de dollars", ("Amazon",)),
    ("En mars 2025, SoftBank a signé avec OpenAI un accord de 40 milliards de dollars.",
     "40 milliards de dollars", ("OpenAI", "SoftBank")),
    ("NVIDIA et Oracle ont annoncé un partenariat de 20 milliards de dollars.", "20 milliards de dollars",
     ("NVIDIA", "Oracle")),
    ("Anthropic a obtenu de Google un financement de 2 milliards de dollars.", "2 milliards de dollars",
     ("Anthropic", "Google")),
    ("OpenAI a annoncé qu'il investirait 7 milliards de dollars avec Microsoft.", "7 milliards de dollars",
     ("Microsoft", "OpenAI")),
    ("Le campus de 1,5 gigawatt sera exploité par Meta.", "1,5 gigawatt", ("Meta",)),
    ("EDF fournira 1 gigawatt au data center de Fluidstack.", "1 gigawatt", ("EDF", "Fluidstack")),
    ("Les hyperscalers dépenseront 300 milliards de dollars en 2026.", "300 milliards de dollars", ()),
    ("**Meta** a annoncé un campus de 3 gigawatts.", "3 gigawatts", ("Meta",)),
    ("Le rapport de Mistral AI paraît demain.\nLe projet coûtera 9 milliards d'euros.", "9 milliards d'euros", ()),
]


@pytest.mark.parametrize(("sentence", "figure", "parties"), CASES)
def test_parties_of_a_figure(
    nlp: Language, parser: Language, sentence: str, figure: str, parties: tuple[str, ...]
) -> None:
    mentions = extract_mentions(nlp(sentence), Context(parser=parser))
    found = {m.text: m.parties for m in mentions if isinstance(m, MoneyMention | PowerMention)}
    assert found[figure] == parties


def test_parties_are_canonical_names_of_org_mentions(nlp: Language, parser: Language) -> None:
    mentions = extract_mentions(nlp("AWS a engagé 8 milliards de dollars dans Anthropic."), Context(parser=parser))
    canon = {m.canonical for m in mentions if isinstance(m, OrgMention)}
    money = next(m for m in mentions if isinstance(m, MoneyMention))
    assert set(money.parties) <= canon and "Amazon Web Services" in money.parties


def test_without_a_parser_parties_stay_empty(nlp: Language) -> None:
    mentions = extract_mentions(nlp("Microsoft a investi 10 milliards de dollars dans OpenAI."))
    assert [m.parties for m in mentions if isinstance(m, MoneyMention)] == [()]


def test_one_pipeline_finds_entities_without_parsing_and_parses_figure_clauses(nlp: Language, parser: Language) -> None:
    """The entity pass runs senter + ner only; the syntax components of the same load parse the clauses."""
    assert parser is nlp
    sentence = "Microsoft investira 4 milliards d'euros en France."
    assert not nlp(sentence).has_annotation("DEP")
    (clause,) = parse_clauses(parser, [sentence])
    assert clause.has_annotation("DEP") and clause.has_annotation("POS")
    assert sum(token.dep_ == "ROOT" for token in clause) == 1  # one tree per clause


@pytest.mark.parametrize(
    "text",
    [
        "NVIDIA et Oracle ont annoncé. Puis 3 milliards de dollars pour Stargate !",
        "**SoftBank** a annoncé 40 milliards.\nOpenAI en profite.",
        "OpenAI",
        "",
    ],
)
def test_each_clause_is_parsed_as_one_sentence(parser: Language, text: str) -> None:
    (clause,) = parse_clauses(parser, [text])
    assert len(clause) == 0 or len(list(clause.sents)) == 1
    assert [token.is_sent_start for token in clause[1:]] == [False] * max(0, len(clause) - 1)


def test_docs_extracted_together_get_what_each_gets_alone(nlp: Language, parser: Language) -> None:
    """The figure clauses of several docs are parsed in one pass: no doc's parties depend on the others."""
    texts = [
        "SoftBank, OpenAI et Oracle ont annoncé 500 milliards de dollars pour Stargate.",
        "Le campus de 1,5 gigawatt sera exploité par Meta. Aucun autre chiffre.",
        "Sans organisation, 3 milliards d'euros suffiront.",
        "",
        "L'État a débloqué 2 milliards d'euros pour Mistral AI et 500 millions d'euros pour Kyutai.",
    ]
    contexts = [Context(parser=parser)] * 2 + [Context()] + [Context(parser=parser)] * 2  # one without parties
    together = extract_mentions_of([(nlp(text), context, text) for text, context in zip(texts, contexts, strict=True)])
    alone = [extract_mentions(nlp(text), context) for text, context in zip(texts, contexts, strict=True)]
    assert together == alone
    assert any(getattr(m, "parties", ()) for m in together[0]) and any(getattr(m, "parties", ()) for m in together[4])
