"""Words of the errors built in the core (codes with values), worded here at the edge."""

FR: dict[str, str] = {}

EN: dict[str, str] = {}
