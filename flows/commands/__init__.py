"""One module per `infrafacts` subcommand; each defines `NAME`, `add_parser(subparsers)` and `handle(args)`."""

from __future__ import annotations

EXIT_OK, EXIT_ERROR, EXIT_REJECTED = 0, 1, 3
