"""The removal guard: a run that would drop most of the articles the curated tables hold is refused.

An article gone from the raw folder leaves every table (README: incremental runs), which is right for
one deleted file and a disaster for an empty, unmounted or unreadable raw folder: the next run would
write empty tables over every fact. So a run that would lose more than `MAX_LOST_SHARE` of the
previously `ok` articles (removed from the raw folder, or now rejected) stops before writing anything,
unless the user says it is meant (`--allow-removals`, or `allow_removals=True` for the flow).
"""

from __future__ import annotations

from flows.curation.incremental import Plan, PreviousState

MAX_LOST_SHARE = 0.5  # more than half of the previously ok articles


class TooManyRemovals(RuntimeError):
    """The run would remove most known articles; nothing was written."""


def lost_articles(plan: Plan, state: PreviousState) -> list[str]:
    """Previously `ok` articles this run would not keep as `ok` (gone, or rejected now)."""
    known_ok = {aid for aid, row in state.articles.items() if row.get("status") == "ok"}
    gone = set(plan.removed) | {item.article_id for item in plan.rejected}
    return sorted(known_ok & gone)


def removal_refusal(plan: Plan, state: PreviousState, raw_dir: str, max_share: float = MAX_LOST_SHARE) -> str | None:
    """Why this run must not write (None when it may)."""
    known_ok = sum(row.get("status") == "ok" for row in state.articles.values())
    lost = lost_articles(plan, state)
    if not known_ok or len(lost) <= max_share * known_ok:
        return None
    found = len(plan.extract) + len(plan.reused) + len(plan.rejected)
    shown = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
    return (
        f"refusing to write: this run would remove {len(lost)} of the {known_ok} articles the curated tables "
        f"hold ({shown}); {raw_dir} has {found} article files, {len(plan.rejected)} of them rejected. "
        "Is the raw folder empty, unmounted or unreadable? Nothing was changed. If the removal is meant, "
        "run again with --allow-removals."
    )
