"""What a run did, for the command line, the log and the Prefect run artifact."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RunSummary:
    processed: int  # articles `ok` in the curated tables (extracted now or reused)
    rejected: int
    facts: dict[str, int]
    mentions: dict[str, int]
    curated_dir: str
    rejections: list[tuple[str, str]]
    extracted: int = 0
    skipped: int = 0  # unchanged since the last run: previous mentions reused
    removed: list[str] = field(default_factory=list)
    new_facts: dict[str, int] = field(default_factory=dict)
    corrections: int = 0  # rows changed by review/corrections.csv
    unmatched_corrections: list[str] = field(default_factory=list)
    unchanged: bool = False  # same files and code as the last run: nothing extracted, nothing written
    # rejections the previous run already recorded (same file bytes, same reason): reported, not news
    known_rejections: int = 0

    @property
    def new_rejections(self) -> int:
        """Files rejected for the first time: what makes a run exit 3 (a known one is not news every day)."""
        return self.rejected - self.known_rejections

    def rejected_text(self) -> str:
        known = f" ({self.known_rejections} already reported)" if self.known_rejections else ""
        return f"{self.rejected} rejected{known}"

    def lines(self) -> list[str]:
        if self.unchanged:
            return [f"nothing changed since the last run (same files, same code): {self.processed} articles ok, "
                    f"{self.rejected_text()}, nothing written -> {self.curated_dir}",
                    *(f"  rejected {path}: {reason}" for path, reason in self.rejections)]
        out = [
            f"{self.processed} articles ok ({self.extracted} extracted, {self.skipped} unchanged and skipped), "
            f"{self.rejected_text()}, {len(self.removed)} removed -> {self.curated_dir}"
        ]
        out += [f"  rejected {path}: {reason}" for path, reason in self.rejections]
        out += [f"  removed {article_id}: no longer in the raw folder" for article_id in self.removed]
        out.append("  mentions: " + ", ".join(f"{k} {v}" for k, v in self.mentions.items()))
        out.append("  facts:    " + ", ".join(f"{k} {v}" for k, v in self.facts.items()))
        out.append("  new:      " + ", ".join(f"{k} {v}" for k, v in self.new_facts.items()))
        out.append(f"  corrections: {self.corrections} rows changed, {len(self.unmatched_corrections)} unmatched")
        out += [f"  unmatched correction: {problem}" for problem in self.unmatched_corrections]
        return out

    def artifact_rows(self) -> list[dict[str, Any]]:
        counts = [
            ("articles.ok", self.processed), ("articles.extracted", self.extracted),
            ("articles.skipped", self.skipped), ("articles.rejected", self.rejected),
            ("articles.removed", len(self.removed)),
            ("corrections.changed", self.corrections), ("corrections.unmatched", len(self.unmatched_corrections)),
            *((f"mentions.{k}", v) for k, v in self.mentions.items()),
            *((f"facts.{k}", v) for k, v in self.facts.items()),
            *((f"new_facts.{k}", v) for k, v in self.new_facts.items()),
        ]
        return [{"measure": k, "count": v} for k, v in counts]
