"""The review report: a static HTML site over the curated tables (`site.py`), built from Jinja2 templates
(`templates/`), with every mention highlighted in its article (`highlight.py`), generic sortable tables
(`table_view.py`), charts (`charts.py`) and the run's Prefect artifact text (`artifact.py`).

Pure: tables and texts in, page strings out; `flows/store/site.py` writes them.
"""
