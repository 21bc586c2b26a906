"""The words of the room's view (`codev view`, and the browsers of `codev serve`)."""

FR = {
    "view.header": "Phase {n}/{total} · {title}",
    "view.projected_end": "fin projetée {time}",
    "view.ready": "PAS ENCORE COMMENCÉ",
    "view.running": "EN COURS",
    "view.paused": "EN PAUSE",
    "view.warning": "BIENTÔT FINI",
    "view.overtime": "DÉPASSEMENT {over}",
    "view.ended": "Fin de la séance",
    "view.ended_times": "Prévu {planned} · réel {real}",
    "view.contract": "Contrat : ",
    "view.rules": "Règles : ",
    "view.gone": "Le fichier de la séance a disparu — dernier état affiché",
    "view.damaged": "Le fichier de la séance est illisible — dernier état affiché",
    "view.back": "Fichier de la séance retrouvé",
    "view.keys": "Ctrl+Q : quitter",
    "view.help": "suivre une séance en lecture seule : l’écran de la salle (projecteur)",
}

EN = {
    "view.header": "Phase {n}/{total} · {title}",
    "view.projected_end": "projected end {time}",
    "view.ready": "NOT STARTED YET",
    "view.running": "RUNNING",
    "view.paused": "PAUSED",
    "view.warning": "ALMOST DONE",
    "view.overtime": "OVERTIME {over}",
    "view.ended": "End of the session",
    "view.ended_times": "Planned {planned} · actual {real}",
    "view.contract": "Contract: ",
    "view.rules": "Rules: ",
    "view.gone": "The session file is gone — last state shown",
    "view.damaged": "The session file cannot be read — last state shown",
    "view.back": "Session file found again",
    "view.keys": "Ctrl+Q: quit",
    "view.help": "follow a session read-only: the room's screen (projector)",
}
