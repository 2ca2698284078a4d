"""Is a text French? A function-word count that catches clearly non-French files (any input format)."""

from __future__ import annotations

import re
from collections import Counter

# How much of the text the check looks at.
SAMPLE_CHARS = 50_000

# Frequent function words per language. Used only to catch clearly non-French files, so words that
# are also common French words ("on", "an", "or" in English) are left out.
_FUNCTION_WORDS: dict[str, str] = {
    "fr": """le les des du et est dans pour qui sur au aux avec ce ces cette il ils elle elles pas plus
        ou mais nous vous leur leurs sont été être une d l qu à où aussi selon dont fait entre très sa ses son
        même lors après avant chez sans sous depuis été avoir ont""",
    "en": """the of and to in is that for with as by it are was be this from at have has which
        will their they its were been would not but also said more than into about""",
    "de": """der die das und ist nicht mit den dem ein eine einen zu auf für von im sich auch werden
        wird sind hat oder bei nach wie dass""",
    "es": """el los las y del por con para una es lo como pero sus al más este esta fue son han sobre
        también entre desde según cuando donde muy hay ya año""",
    "it": """il di che gli della delle dei degli per con non sono è nel nella alla anche più come
        questo questa ha stato essere""",
    "pt": """os das dos em não uma com para mais como foi são pelo pela também seu sua ao à entre
        isso está""",
}


def disjoint_words(words: dict[str, str]) -> dict[str, frozenset[str]]:
    """Each language's words minus those of any other language: a word shared by two languages
    ("de", "la", "en", "que") tells nothing about which one a text is in."""
    sets = {lang: frozenset(text.split()) for lang, text in words.items()}
    seen = Counter(w for vocab in sets.values() for w in vocab)
    return {lang: frozenset(w for w in vocab if seen[w] == 1) for lang, vocab in sets.items()}


FUNCTION_WORDS = disjoint_words(_FUNCTION_WORDS)
_WORD = re.compile(r"[^\W\d_]+")
# At least this many function-word hits in the winning language before any verdict (short texts pass).
MIN_LANGUAGE_HITS = 8
# Another language must beat French this many times over to reject (French articles quote English).
LANGUAGE_MARGIN = 3.0


def language_scores(text: str) -> Counter[str]:
    """Function-word hits per language over the start of the text."""
    words = Counter(w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS]))
    return Counter({lang: sum(words[w] for w in vocab) for lang, vocab in FUNCTION_WORDS.items()})


def language_reason(text: str) -> str | None:
    scores = language_scores(text)
    lang, hits = scores.most_common(1)[0]
    if lang == "fr" or hits < MIN_LANGUAGE_HITS or hits < LANGUAGE_MARGIN * scores["fr"]:
        return None
    return f"not French (looks like {lang}: {hits} {lang} function words vs {scores['fr']} French)"


