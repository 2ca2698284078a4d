"""The text each article's offsets index, stored with the curated tables: `curated/texts/<article_id>.txt`.

For a UTF-8 `.txt` input it is the file's text (`open(path, encoding="utf-8").read()`); for a web page, a
JSON record or a file decoded from another charset it is the text the reader built, which only lives here.
Written as UTF-8 with `\\n` newlines only, so `open(p, encoding="utf-8").read()` gives it back unchanged.

Each run writes the text of every `ok` article whose stored copy is missing or differs (atomically:
beside, synced, renamed), before the tables are renamed into place, and removes the texts of articles no
longer `ok` after. Incremental runs therefore rewrite only what changed; a run killed between the two can
leave a changed article's new text beside its old mention rows until the next run (`articles.text_sha256`
tells which text the rows index).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from flows.store.atomic import fsync_dir, remove_stale_temp_files, write_atomic

TEXTS_DIR = "texts"
SUFFIX = ".txt"


def text_path(curated_dir: Path, article_id: str) -> Path:
    return curated_dir / TEXTS_DIR / f"{article_id}{SUFFIX}"


def read_text(curated_dir: Path, article_id: str) -> str:
    with open(text_path(curated_dir, article_id), encoding="utf-8", newline="") as fh:
        return fh.read()


def _stored(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError):
        return None


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)


def write_texts(curated_dir: Path, texts: Mapping[str, str]) -> list[str]:
    """Store every text whose copy is missing or different; the ids written."""
    folder = curated_dir / TEXTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale_temp_files(folder)
    written = []
    for article_id, text in texts.items():
        path = text_path(curated_dir, article_id)
        if _stored(path) != text:
            write_atomic(path, lambda tmp, text=text: _write(tmp, text))
            written.append(article_id)
    if written:
        fsync_dir(folder)
    return written


def remove_texts_except(curated_dir: Path, keep: Collection[str]) -> list[str]:
    """Remove the stored texts of articles not in `keep`; the ids removed."""
    folder = curated_dir / TEXTS_DIR
    if not folder.is_dir():
        return []
    keep = set(keep)
    removed = [p for p in folder.glob(f"*{SUFFIX}") if not p.name.startswith(".") and p.stem not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return sorted(p.stem for p in removed)
