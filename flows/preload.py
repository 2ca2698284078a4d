"""Imported once by the server the extraction workers are forked from (`runners.preloaded_pool`): the
flow's task module and the spaCy pipeline, loaded for every worker at once."""

from flows.runners import load_worker

load_worker()
