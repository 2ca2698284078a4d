"""Orchestration: Prefect flows that read articles, run the extractors and write curated tables."""
