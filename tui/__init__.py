"""The Textual terminal UI of the timeline (``timeline browse``)."""
