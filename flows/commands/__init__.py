"""One module per `infrafacts` subcommand; each defines `NAME`, `add_parser(subparsers)` and `handle(args)`."""

from __future__ import annotations

EXIT_OK, EXIT_ERROR, EXIT_REJECTED = 0, 1, 3
EXIT_BUSY = 75  # EX_TEMPFAIL: another run holds the curated folder's lock; nothing was changed, try again later
EXIT_REFUSED = 4  # the run would remove most known articles (empty/unmounted raw folder); nothing was changed
