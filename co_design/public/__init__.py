"""The public site around the process: Take part, the information pages, navigation and search."""
