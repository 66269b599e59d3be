"""The consultation room: stakeholders read a draft section by section and comment on it."""
