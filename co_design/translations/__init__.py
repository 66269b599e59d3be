"""Page translations through wagtail-localize: filled from PO catalogues, machine translation by
setting, and whether a translation still matches its source."""
