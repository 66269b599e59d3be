"""What tests share: factories that build the objects a test needs, and helpers that act as the
people of the site do (in the admin, in the room, through the API)."""
