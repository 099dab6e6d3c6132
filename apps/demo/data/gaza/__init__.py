"""Demo content of the second process, transcribed from the sourced fact sheet on the 2025
Gaza peace-plan drafts (gaza-factsheet.md, sections 0–6). Same shape as the Russia–Ukraine
package `apps.demo.data` (parties, topics, sources, drafts, provisions, key terms, matters,
positions, disputes, quality notes), read by the same loader.

Provision texts are paraphrases (the fact sheet's own). Disputed facts are not written into the
texts: they are citations with the stance "disputes" or "differs" (see `disputes.py`).
"""
