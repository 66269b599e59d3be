"""The review workflow: its tasks, the consultation window and sign-off records, revision
comparison, the admin screens Wagtail's workflow goes through, locks and set-up."""
