"""The words of what comes out of a cycle (`codev journal`, `codev review`)."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
