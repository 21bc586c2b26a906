"""The words of the review of the previous action plan (the retour phase, its statuses) and of a
session run in a group."""

FR: dict[str, str] = {
    # -- the retour phase codev puts at the start of a group's session --
    "retour.title": "Retour sur le plan d'action",
    "retour.summary": (
        "Le client de la séance précédente dit ce que sont devenues ses actions : "
        "faites, en partie, pas faites."
    ),
    "retour.client": "Écoute ; prépare son exposé.",
    "retour.consultants": "Écoutent, sans conseiller.",
    "retour.facilitator": "Note le statut de chaque action ; reporte celles qui restent à faire.",
    "retour.rule_short": "Un retour bref, sans nouvelle consultation",
    "retour.rule_status": "« 1 fait … », « 2 en partie … », « 3 pas fait … »",
    "retour.placeholder": "1 fait … · 2 en partie … · 3 pas fait … · /report 3",
    # -- the list on screen and the statuses --
    "retour.heading": "Actions de la séance précédente",
    "retour.status.done": "fait",
    "retour.status.partly": "en partie",
    "retour.status.not_done": "pas fait",
    "retour.no_status": "—",
    "retour.carried": "reportée",
    "retour.by": "échéance {due}",
    "retour.no_such_item": "pas d'action n° {n} à reporter (1 à {last})",
    "retour.carried_flash": "action n° {n} reportée à la prochaine séance",
    "retour.no_status_yet": "pas encore de statut : « 1 fait … », puis F4 (ou /report 1)",
    "retour.uncarried_flash": "action n° {n} : plus reportée",
    "retour.done_not_carried": "l'action n° {n} est faite : rien à reporter",
    # -- a session run in a group (`codev run --group`) --
    "retour.not_member": "{name!r} n'est pas membre du groupe {group!r} (codev group show)",
    "retour.left": "{name!r} a quitté le groupe {group!r}",
    "retour.ambiguous": "{name!r} : {names} ? donnez le nom entier",
    "retour.client_absent": "le client {name!r} est dit absent",
    "retour.facilitator_absent": (
        "{name!r}, qui facilite le groupe, est dit absent : --facilitator pour qui facilite"
    ),
    # -- `codev group show`: the cycle so far --
    "retour.show_held_planned_one": "Séances tenues : {held} sur {n} prévue",
    "retour.show_held_planned_other": "Séances tenues : {held} sur {n} prévues",
    "retour.show_held_one": "Séances : {n} tenue",
    "retour.show_held_other": "Séances : {n} tenues",
    "retour.show_clients": "Déjà clients : {names}",
    "retour.show_over_one": (
        "Les séances prévues sont tenues ; {n} membre n'a pas encore été client : {names}"
    ),
    "retour.show_over_other": (
        "Les séances prévues sont tenues ; {n} membres n'ont pas encore été clients : {names}"
    ),
    "retour.show_next": "Prochains clients suggérés : {names}",
    "retour.show_open_one": "Action ouverte (revue à la prochaine séance) : {n}",
    "retour.show_open_other": "Actions ouvertes (revues à la prochaine séance) : {n}",
    "retour.unreadable_one": (
        "{n} fichier de séance illisible, laissé de côté : {names} "
        "(codev export --salvage lit ce qui peut l'être)"
    ),
    "retour.unreadable_other": (
        "{n} fichiers de séance illisibles, laissés de côté : {names} "
        "(codev export --salvage lit ce qui peut l'être)"
    ),
    "retour.unfinished_one": (
        "{n} séance pas encore finie, pas comptée : {names} (codev resume, puis F10)"
    ),
    "retour.unfinished_other": (
        "{n} séances pas encore finies, pas comptées : {names} (codev resume, puis F10)"
    ),
    # -- the minutes --
    "retour.col_action": "Action",
    "retour.col_who": "Qui",
    "retour.col_due": "Prévue pour",
    "retour.col_status": "Statut",
    "retour.col_comment": "Commentaire",
    "retour.minutes_carried": "reportée à la séance suivante",
    "retour.minutes_none": "pas de statut",
}

EN: dict[str, str] = {
    "retour.title": "Review of the action plan",
    "retour.summary": (
        "The previous session's client says what became of their actions: "
        "done, partly done, not done."
    ),
    "retour.client": "Listens; gets ready to present.",
    "retour.consultants": "Listen, without advising.",
    "retour.facilitator": "Records each action's status; carries over what is left to do.",
    "retour.rule_short": "A short review, no new consultation",
    "retour.rule_status": "“1 done …”, “2 partly …”, “3 not done …”",
    "retour.placeholder": "1 done … · 2 partly … · 3 not done … · /report 3",
    "retour.heading": "Actions from the previous session",
    "retour.status.done": "done",
    "retour.status.partly": "partly",
    "retour.status.not_done": "not done",
    "retour.no_status": "—",
    "retour.carried": "carried over",
    "retour.by": "by {due}",
    "retour.no_such_item": "no action number {n} to carry over (1 to {last})",
    "retour.carried_flash": "action {n} carried over to the next session",
    "retour.no_status_yet": "no status yet: “1 done …”, then F4 (or /report 1)",
    "retour.uncarried_flash": "action {n}: no longer carried over",
    "retour.done_not_carried": "action {n} is done: nothing to carry over",
    "retour.not_member": "{name!r} is not a member of the group {group!r} (codev group show)",
    "retour.left": "{name!r} has left the group {group!r}",
    "retour.ambiguous": "{name!r}: {names}? give the whole name",
    "retour.client_absent": "the client {name!r} is said to be absent",
    "retour.facilitator_absent": (
        "{name!r}, the group's facilitator, is said to be absent: --facilitator for who facilitates"
    ),
    "retour.show_held_planned_one": "Sessions: {held} held of {n} planned",
    "retour.show_held_planned_other": "Sessions: {held} held of {n} planned",
    "retour.show_held_one": "Sessions: {n} held",
    "retour.show_held_other": "Sessions: {n} held",
    "retour.show_clients": "Clients so far: {names}",
    "retour.show_over_one": (
        "The sessions planned are held; {n} member has not been client yet: {names}"
    ),
    "retour.show_over_other": (
        "The sessions planned are held; {n} members have not been client yet: {names}"
    ),
    "retour.show_next": "Next clients suggested: {names}",
    "retour.show_open_one": "Open action (reviewed at the next session): {n}",
    "retour.show_open_other": "Open actions (reviewed at the next session): {n}",
    "retour.unreadable_one": (
        "{n} session file could not be read and is left out: {names} "
        "(codev export --salvage reads what it can)"
    ),
    "retour.unreadable_other": (
        "{n} session files could not be read and are left out: {names} "
        "(codev export --salvage reads what it can)"
    ),
    "retour.unfinished_one": (
        "{n} session not finished yet, not counted: {names} (codev resume, then F10)"
    ),
    "retour.unfinished_other": (
        "{n} sessions not finished yet, not counted: {names} (codev resume, then F10)"
    ),
    "retour.col_action": "Action",
    "retour.col_who": "Who",
    "retour.col_due": "Planned for",
    "retour.col_status": "Status",
    "retour.col_comment": "Comment",
    "retour.minutes_carried": "carried over to the next session",
    "retour.minutes_none": "no status",
}
