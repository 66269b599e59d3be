"""Accounts on the public site: who a person is (their profile), signing in, and their language."""
