"""The words of the command line: help, messages, errors of the `codev` command."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
