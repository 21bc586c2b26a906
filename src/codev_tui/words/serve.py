"""The words of `codev serve`: its command line, the lines it prints, and the short pages a
browser gets when it may not follow the session."""

FR: dict[str, str] = {
    # -- the command line --
    "serve.help": "montre la séance dans les navigateurs des participants (codev view)",
    "serve.host_help": (
        "adresse d'écoute (défaut : 127.0.0.1, cette machine seulement ; 0.0.0.0 : le réseau)"
    ),
    "serve.port_help": "port d'écoute (défaut : {port} ; 0 : un port libre)",
    "serve.max_viewers_help": "nombre de navigateurs à la fois, au plus (défaut : {n})",
    "serve.bad_max_viewers": "--max-viewers : un nombre de 1 à {most}",
    "serve.bad_port": "--port : un nombre de 0 à 65535",
    # -- what it prints --
    "serve.session": "Séance : {name}",
    "serve.latest": "Séance : la plus récente (en ce moment : {name})",
    "serve.open": "Lien à ouvrir dans un navigateur (il donne accès à la séance) :",
    "serve.network": (
        "Attention : toute personne sur le réseau qui a ce lien peut suivre la séance."
    ),
    "serve.this_machine": "Sur cette machine :",
    "serve.stop": "Ctrl+C pour arrêter (les écrans des participants se ferment).",
    "serve.stopped_one": "Arrêté : {n} écran de participant fermé.",
    "serve.stopped_other": "Arrêté : {n} écrans de participants fermés.",
    "serve.viewer_failed": "Un écran de participant s'est arrêté sur une erreur (code {code}).",
    "serve.start_failed": "Un écran de participant n'a pas pu s'ouvrir : {reason}.",
    # -- the pages --
    "serve.title": "codev : la séance",
    "serve.forbidden": "Ce lien est incomplet : demandez le lien complet à l'animateur.",
    "serve.full": "Trop de participants connectés ({n} au plus) : réessayez plus tard.",
    "serve.start": "Ouvrir",
    "serve.ended": "L'affichage de la séance est terminé.",
    "serve.restart": "Rouvrir",
    "serve.unavailable": "L'écran de la séance n'a pas pu s'ouvrir : réessayez dans un moment.",
}

EN: dict[str, str] = {
    # -- the command line --
    "serve.help": "show the session in the participants' browsers (codev view)",
    "serve.host_help": (
        "address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0: the network)"
    ),
    "serve.port_help": "port to listen on (default: {port}; 0: any free port)",
    "serve.max_viewers_help": "most browsers at once (default: {n})",
    "serve.bad_max_viewers": "--max-viewers: a number from 1 to {most}",
    "serve.bad_port": "--port: a number from 0 to 65535",
    # -- what it prints --
    "serve.session": "Session: {name}",
    "serve.latest": "Session: the latest (now: {name})",
    "serve.open": "Link to open in a browser (it gives access to the session):",
    "serve.network": "Beware: anyone on the network who has this link can follow the session.",
    "serve.this_machine": "On this machine:",
    "serve.stop": "Ctrl+C to stop (the participants' screens close).",
    "serve.stopped_one": "Stopped: {n} participant's screen closed.",
    "serve.stopped_other": "Stopped: {n} participants' screens closed.",
    "serve.viewer_failed": "A participant's screen stopped on an error (code {code}).",
    "serve.start_failed": "A participant's screen could not open: {reason}.",
    # -- the pages --
    "serve.title": "codev: the session",
    "serve.forbidden": "This link is incomplete: ask the facilitator for the full link.",
    "serve.full": "Too many participants connected ({n} at most): try again later.",
    "serve.start": "Open",
    "serve.ended": "The session's display has ended.",
    "serve.restart": "Reopen",
    "serve.unavailable": "The session's screen could not open: try again in a moment.",
}
