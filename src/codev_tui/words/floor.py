"""The words of the round of the table shown to the room: who has the floor, who is to come."""

FR: dict[str, str] = {
    "floor.has_floor": "a la parole",
    "floor.to_come": "à venir",
}

EN: dict[str, str] = {
    "floor.has_floor": "has the floor",
    "floor.to_come": "to come",
}
