"""The words of choosing the subject (the candidates, the votes, the choice)."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
