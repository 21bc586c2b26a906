"""The words of the room's view (`codev view`, and the browsers of `codev serve`)."""

FR = {
    "view.header": "Phase {n}/{total} · {title}",
    "view.projected_end": "fin projetée {time}",
    "view.ready": "PAS ENCORE COMMENCÉ",
    "view.ended": "Fin de la séance",
    "view.ended_times": "Prévu {planned} · réel {real}",
    "view.gone": "Le fichier de la séance a disparu — dernier état affiché",
    "view.damaged": "Le fichier de la séance est illisible — dernier état affiché",
    "view.keys": "Ctrl+Q : quitter",
    "view.help": "suivre une séance en lecture seule : l’écran de la salle (projecteur)",
}

EN = {
    "view.header": "Phase {n}/{total} · {title}",
    "view.projected_end": "projected end {time}",
    "view.ready": "NOT STARTED YET",
    "view.ended": "End of the session",
    "view.ended_times": "Planned {planned} · actual {real}",
    "view.gone": "The session file is gone — last state shown",
    "view.damaged": "The session file cannot be read — last state shown",
    "view.keys": "Ctrl+Q: quit",
    "view.help": "follow a session read-only: the room's screen (projector)",
}
