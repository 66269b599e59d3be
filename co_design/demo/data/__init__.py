"""The demo's content as plain data (texts, people, numbers); co_design/demo/ builds the pages."""
