"""The words of the review of the previous action plan (the retour phase, its statuses) and a session run in a group."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
