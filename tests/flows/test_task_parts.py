"""How a parallel run cuts its articles into tasks: every article once, in order, the last tasks short."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from flows.main import MIN_TASK_CHARS, articles_per_task, shrinking_parts
from flows.sources import Article


def articles(lengths: list[int]) -> list[Article]:
    return [Article(f"a{i}", f"raw/a{i}.txt", "0" * 64, "x" * n) for i, n in enumerate(lengths)]


@given(st.lists(st.integers(1, 200_000), min_size=1, max_size=300), st.integers(1, 8))
def test_parts_hold_every_article_once_in_order(lengths: list[int], workers: int) -> None:
    given_articles = articles(lengths)
    parts = shrinking_parts(given_articles, workers)
    assert [a for part in parts for a in part] == given_articles
    assert all(0 < len(part) <= articles_per_task(len(lengths)) for part in parts)


@given(st.lists(st.integers(1, 200_000), min_size=1, max_size=300), st.integers(1, 8))
def test_a_part_of_several_articles_fits_its_share_of_the_text_left(lengths: list[int], workers: int) -> None:
    parts = shrinking_parts(articles(lengths), workers)
    remaining = sum(lengths)
    for part in parts:
        chars = sum(len(a.text) for a in part)
        assert len(part) == 1 or chars <= max(MIN_TASK_CHARS, remaining / (2 * workers))
        remaining -= chars


def test_equal_articles_end_in_short_tasks() -> None:
    parts = shrinking_parts(articles([12_000] * 400), workers=2)
    sizes = [len(part) for part in parts]
    assert sizes[0] == articles_per_task(400) == 25
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1] * 12_000 <= MIN_TASK_CHARS + 12_000
