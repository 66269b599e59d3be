"""A new partner territory joins the network."""
