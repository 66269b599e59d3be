"""E-mails the platform sends, in the recipient's language, through the task queue."""
