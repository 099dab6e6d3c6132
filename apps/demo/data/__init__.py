"""Demo content for PeaceTracker, transcribed from the fact sheet on the 2025 Russia–Ukraine
peace-plan drafts (plans-factsheet.md, sections 0–10). Plain data only: the loader in
`apps.demo.loader` turns it into model rows.

Provision texts are paraphrases. Disputed facts are not written into the texts: they are
citations with the stance "disputes" or "differs" (see `disputes.py`).
"""
