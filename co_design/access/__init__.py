"""Who may do what: the roles, the rules every refusal comes from, and histories filtered by
them."""
