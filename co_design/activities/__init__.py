"""The page types of the three ECCIPA activities (needs review, round tables, training programme
and toolkit, local strategies, manifesto) and the behaviour they share."""
