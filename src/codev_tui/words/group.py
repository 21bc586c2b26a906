"""The words of the group (`codev group`, the group file's errors)."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
