"""The words of choosing the subject (the candidates, the votes, the choice)."""

FR: dict[str, str] = {
    # The phase `codev run --choose` adds (core/choosing.with_choosing).
    "choosing.phase_id": "choix",
    "choosing.title": "Choix du sujet",
    "choosing.summary": (
        "Chacun propose son sujet en une ligne ; le groupe les pèse, vote, puis le facilitateur "
        "choisit : le vote ne décide pas seul."
    ),
    "choosing.client": "Pas encore choisi : chaque candidat dit son sujet en une ligne.",
    "choosing.consultants": "Proposent un sujet, pèsent les sujets proposés, votent.",
    "choosing.facilitator": (
        "Note chaque sujet (@Nom sujet) et les votes (/v @Nom 3), puis choisit "
        "(/choix @Nom, ou F4 : le sujet en tête du vote)."
    ),
    "choosing.urgency": "Urgence : ce qui ne peut pas attendre",
    "choosing.importance": "Importance : ce qui est en jeu",
    "choosing.leverage": "Prise : ce sur quoi le client peut agir",
    "choosing.choose_help": (
        "commencer par le choix du sujet (candidats, votes, choix) : client et sujet "
        "ne sont pas à donner"
    ),
    # The facilitation screen.
    "choosing.k_choose": "Choisir",
    "choosing.h_choose": "choisir le sujet en tête du vote (ou /choix @Nom)",
    "choosing.placeholder": (
        "@Nom son sujet (Entrée) · /v @Nom 3 : ses voix · /choix @Nom : le choix"
    ),
    "choosing.candidates": "Candidats",
    "choosing.no_candidate": "aucun pour l'instant : @Nom son sujet, puis /v @Nom 3",
    "choosing.n_votes_one": "{n} voix",
    "choosing.n_votes_other": "{n} voix",
    "choosing.no_vote": "pas de vote",
    "choosing.no_subject": "(sujet non dit)",
    "choosing.tied": "égalité",
    "choosing.chosen_label": "Choisi",
    "choosing.by_facilitator": "choix du facilitateur",
    # What a choice says (core/choosing.decide, chosen_line).
    "choosing.chosen": "Sujet choisi : {client} — {topic}",
    "choosing.chosen_no_topic": "Client choisi : {client} (sujet non dit)",
    "choosing.overridden": (
        "Choix du facilitateur : le vote plaçait {leaders} en tête ; il éclaire sans décider seul."
    ),
    "choosing.tie": "Égalité entre {names} : choisissez l'un d'eux (/choix @Nom).",
    "choosing.no_votes": "Pas encore de vote : votez (/v @Nom 3) ou choisissez (/choix @Nom).",
    "choosing.unknown": (
        "{name} n'est ni candidat ni dans le groupe : rien n'est choisi (/choix @Nom)."
    ),
    "choosing.not_in_room": "{name} n'est pas dans la séance : rien d'enregistré.",
    "choosing.no_author": "Un sujet se dit @Nom son sujet : rien d'enregistré.",
    "choosing.not_here": "Sujets et votes : dans la phase du choix du sujet ; rien d'enregistré.",
    "choosing.bad_vote": "Un vote : /v @{name} 3 ; rien d'enregistré.",
    # The minutes.
    "choosing.section": "Choix du sujet",
    "choosing.candidate": "Candidat",
    "choosing.subject": "Sujet",
    "choosing.votes": "Voix",
    "choosing.chosen_client": "Client choisi",
    "choosing.chosen_topic": "Sujet retenu",
    "choosing.not_chosen": "Aucun sujet choisi.",
}

EN: dict[str, str] = {
    "choosing.phase_id": "choosing",
    "choosing.title": "Choosing the subject",
    "choosing.summary": (
        "Everyone proposes a subject in one line; the group weighs them, votes, then the "
        "facilitator chooses: the vote does not decide alone."
    ),
    "choosing.client": "Not chosen yet: each candidate says their subject in one line.",
    "choosing.consultants": "Propose a subject, weigh the subjects proposed, vote.",
    "choosing.facilitator": (
        "Notes each subject (@Name subject) and the votes (/v @Name 3), then chooses "
        "(/choose @Name, or F4: the subject leading the vote)."
    ),
    "choosing.urgency": "Urgency: what cannot wait",
    "choosing.importance": "Importance: what is at stake",
    "choosing.leverage": "Leverage: what the client can act on",
    "choosing.choose_help": (
        "start by choosing the subject (candidates, votes, choice): no client or topic to give"
    ),
    "choosing.k_choose": "Choose",
    "choosing.h_choose": "choose the subject leading the vote (or /choose @Name)",
    "choosing.placeholder": "@Name subject (Enter) · /v @Name 3: votes · /choose @Name: the choice",
    "choosing.candidates": "Candidates",
    "choosing.no_candidate": "none yet: @Name their subject, then /v @Name 3",
    "choosing.n_votes_one": "{n} vote",
    "choosing.n_votes_other": "{n} votes",
    "choosing.no_vote": "no vote",
    "choosing.no_subject": "(no subject given)",
    "choosing.tied": "a tie",
    "choosing.chosen_label": "Chosen",
    "choosing.by_facilitator": "the facilitator's choice",
    "choosing.chosen": "Subject chosen: {client} — {topic}",
    "choosing.chosen_no_topic": "Client chosen: {client} (no subject given)",
    "choosing.overridden": (
        "The facilitator's choice: the vote had {leaders} in the lead; it informs, it does not "
        "decide alone."
    ),
    "choosing.tie": "A tie between {names}: choose one of them (/choose @Name).",
    "choosing.no_votes": "No vote yet: vote (/v @Name 3) or choose (/choose @Name).",
    "choosing.unknown": (
        "{name} is neither a candidate nor on the roster: nothing chosen (/choose @Name)."
    ),
    "choosing.not_in_room": "{name} is not in the session: nothing saved.",
    "choosing.no_author": "A subject is said @Name their subject: nothing saved.",
    "choosing.not_here": "Subjects and votes go in the phase choosing the subject: nothing saved.",
    "choosing.bad_vote": "A vote: /v @{name} 3; nothing saved.",
    "choosing.section": "Choosing the subject",
    "choosing.candidate": "Candidate",
    "choosing.subject": "Subject",
    "choosing.votes": "Votes",
    "choosing.chosen_client": "Client chosen",
    "choosing.chosen_topic": "Subject chosen",
    "choosing.not_chosen": "No subject chosen.",
}
