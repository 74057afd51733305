"""A benchmark across projects.

A complex's concept and its protected indicators leave the instance as a versioned JSON
document (`document.py` holds the format; `docs/benchmark.md` and the JSON Schema in
`docs/benchmark/` describe it). Another magicmix instance imports such documents
(`services.import_document`, idempotent on project id and period) and shows where a complex
stands among them (`standing.py`: a percentile per indicator, with the number of projects).

Nothing personal and no count below 5 leaves: the document has no names or ids of persons,
and every count in it is a multiple of 5 of at least 5, or absent (`export.py`). The format
itself demands this, so an import refuses a document that breaks it.
"""
