"""Reading inputs: discovering files in the raw folder and turning each into an `Article` or a `Rejected`."""

from flows.sources.base import Article, Reader, Rejected, Unusable
from flows.sources.reading import READERS, article_id_of, discover, read_article, read_articles

__all__ = ["READERS", "Article", "Reader", "Rejected", "Unusable", "article_id_of", "discover", "read_article",
           "read_articles"]
