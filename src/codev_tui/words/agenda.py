"""The words of the agenda (`codev agenda`, the timetable sent with the invitation)."""

FR: dict[str, str] = {
    "agenda.title": "Déroulé",
    "agenda.phase": "Phase",
    "agenda.time": "Horaire",
    "agenda.min": "min",
    "agenda.total": "Total",
    "agenda.what": "Ce qui s'y passe",
}

EN: dict[str, str] = {
    "agenda.title": "Agenda",
    "agenda.phase": "Phase",
    "agenda.time": "Time",
    "agenda.min": "min",
    "agenda.total": "Total",
    "agenda.what": "What happens",
}
