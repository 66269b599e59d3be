"""Inviting stakeholders: one at a time or from a CSV file, and the link that signs them in."""
