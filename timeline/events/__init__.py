"""The event framer as an ordered list of named passes (see :mod:`timeline.events.frame`)."""
