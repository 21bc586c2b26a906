"""The words of the interface: screens, dialogs, keys, the names of the kinds of note."""

FR: dict[str, str] = {
    "ui.colon": " : ",
    "ui.evaluations_one": "{n} évaluation",
    "ui.evaluations_other": "{n} évaluations",
    "ui.saving": "enregistrement…",
    "ui.editing_keys": "Correction — Entrée enregistre · Échap annule · ligne vidée : suppression",
    "ui.browsing_keys": "↑↓ · Entrée corriger · Suppr supprimer · Échap retour · Ctrl+Z annuler",
    "ui.closing_keys": "Entrée corriger · Suppr supprimer · Ctrl+Z annuler",
    "ui.more_notes": "↑ {n} notes plus anciennes — Entrée pour les afficher",
    "ui.delete_title": "Supprimer cette note ?",
    "ui.delete_body": (
        "Son texte sera effacé du disque (Ctrl+Z la rétablit tant que codev est ouvert)."
    ),
    "ui.delete_keys": "Entrée : supprimer · Échap : garder",
    "ui.deleted": "note supprimée — Ctrl+Z la rétablit",
    "ui.undone": "annulé : la note est comme avant",
    "ui.undone_in": "annulé : la note est comme avant (phase {n})",
    "ui.export_stale": "notes changées depuis le compte rendu : F3 pour le récrire",
    "ui.nothing_to_undo": "rien à annuler depuis l'ouverture de la séance",
    "ui.finish_typing": "Entrée pour enregistrer d'abord la note en cours",
    "ui.note_gone": (
        "cette note a été supprimée : Entrée enregistre la ligne comme une nouvelle note"
    ),
    "ui.minutes_removed": "compte rendu retiré, il montrait peut-être la note : F3 pour le récrire",
    "ui.round_n": "tour {n}",
    "ui.adjusted": "Ajusté",
    "ui.k_delete": "Supprimer",
    "ui.k_undo": "Annuler",
    "ui.notes_one": "{n} note",
    "ui.notes_other": "{n} notes",
    "ui.characters_one": "{n} caractère",
    "ui.characters_other": "{n} caractères",
    "ui.actions_one": "{n} action",
    "ui.actions_other": "{n} actions",
    "ui.learnings_one": "{n} apprentissage",
    "ui.learnings_other": "{n} apprentissages",
    "ui.phase": "Phase",
    "ui.planned_end": "fin prévue",
    "ui.projected_end": "fin projetée",
    "ui.ahead": "d'avance",
    "ui.behind": "de retard",
    "ui.on_time": "à l'heure",
    "ui.ready": "PRÊT — F5 pour démarrer",
    "ui.running": "EN COURS",
    "ui.paused": "EN PAUSE",
    "ui.warning": "BIENTÔT FINI",
    "ui.overtime": "DÉPASSEMENT",
    "ui.client": "Client",
    "ui.consultants": "Consultants",
    "ui.facilitator": "Facilitateur",
    "ui.rules": "Règles",
    "ui.phase_rules": "Dans cette phase",
    "ui.prompts": "Pistes",
    "ui.contract": "Contrat",
    "ui.no_contract": "(pas encore de contrat)",
    "ui.notes": "Notes",
    "ui.note_placeholder": (
        "Note (Entrée) — /q /s /h /i /t /n /e  @nom  /c confidentiel · ↑ corriger"
    ),
    "ui.contract_placeholder": "Écrivez le contrat de consultation (Entrée remplace le contrat)",
    "ui.action_placeholder": "Action : quoi / qui / pour quand",
    "ui.learning_placeholder": "@nom ce que j'apprends (une note par apprentissage)",
    "ui.saved": "enregistré",
    "ui.not_saved": "NON ENREGISTRÉ — disque ? Les notes sont gardées et réessayées",
    "ui.export_wait": "Enregistrement en cours… F3 de nouveau dans un instant",
    "ui.resumed": "Séance reprise · le temps a couru",
    "ui.resumed_paused": "Séance reprise là où elle en était",
    "ui.resumed_ended": "Séance reprise après sa fin",
    "ui.unsaved": "codev : {n} élément(s) NON enregistré(s) dans {session} ({reason})",
    "ui.lost": "codev : {session} a été remplacé par un autre programme, et la séance n'a pu être"
    " écrite dans un nouveau fichier à côté ({reason})",
    "ui.rescued": (
        "codev : ils sont gardés dans {path} (la séance avec eux, privé) ;"
        " pour les retrouver : codev resume {path}"
    ),
    "ui.not_rescued": (
        "codev : ils n'ont pu être écrits nulle part "
        "(dossier des séances, dossier personnel, dossier courant)"
    ),
    "ui.away_title": "Reprise après une longue absence",
    "ui.away_time": "{h} h {m:02d} min",
    "ui.away_body": (
        "codev était fermé depuis {away} pendant la phase « {phase} ». "
        "Ce temps compte-t-il dans la phase ?"
    ),
    "ui.away_leave_out": "Ne pas le compter (N)",
    "ui.away_count": "Le compter (O)",
    "ui.away_left_out": "Séance reprise · l'absence n'est pas comptée",
    "ui.repaired": "Fin de fichier abîmée mise de côté",
    "ui.replaced": "FICHIER REMPLACÉ par un autre programme — la séance continue dans {name}",
    "ui.round": "Tour de table",
    "ui.passed": "passe",
    "ui.projector": "Projection",
    "ui.too_small": "Agrandissez le terminal",
    "ui.quit_title": "Quitter codev ?",
    "ui.quit_body": (
        "Tout ce qui est marqué ✓ est sur le disque ; une note en cours de saisie sera"
        " enregistrée. La séance pourra être reprise avec codev resume."
    ),
    "ui.quit_pending": (
        "{n} élément(s) pas encore enregistré(s) : en quittant, ils iront"
        " dans un fichier de secours."
    ),
    "ui.quit": "Quitter",
    "ui.cancel": "Annuler",
    "ui.closing": "Fin de séance",
    "ui.timing": "Minutage",
    "ui.planned": "Prévu",
    "ui.actual": "Réel",
    "ui.over": "Écart",
    "ui.total": "Total",
    "ui.export": "Écrire le compte rendu",
    "ui.exported": "Compte rendu écrit : {path}",
    "ui.review": "Toutes les notes — le client relit avant le compte rendu",
    "ui.confidential": "confidentiel",
    "ui.setup": "Nouvelle séance de codéveloppement",
    "ui.topic": "Sujet",
    "ui.group": "Groupe",
    "ui.consultants_hint": "Consultants (séparés par des virgules)",
    "ui.script": "Script",
    "ui.start": "Commencer",
    "ui.setup_missing": "Il faut au moins un sujet, un client et un consultant.",
    "ui.not_created": "La séance n'a pas pu être créée :",
    "ui.help": "Aide",
    "ui.help_text": (
        "PageSuiv / PagePréc : phase suivante / précédente\n"
        "F5 : démarrer, mettre en pause, reprendre le chrono\n"
        "F7 / F8 : une minute de moins / de plus pour la phase\n"
        "F6 : consultant suivant · F4 : il ou elle passe (tour de table)\n"
        "F2 : projection, notes masquées (Échap en sort) · Ctrl+T : thème clair\n"
        "F9 : sonnerie · F10 : fin de séance · Ctrl+P : palette · Ctrl+Q : quitter\n"
        "Fin de séance : Espace confidentielle ou non · F3 compte rendu · PagePréc retour\n"
        "\n"
        "Notes : Entrée enregistre ; ✓ = sur le disque.\n"
        "Corriger : ↑ (saisie vide) choisit la dernière note, ↑↓ une autre, Échap revient ; "
        "Entrée remet la note dans la saisie avec ses préfixes, Entrée enregistre la "
        "correction ; Suppr la supprime (Entrée confirme, son texte est effacé du disque) ; "
        "Ctrl+Z annule la dernière correction ou suppression.\n"
        "Préfixes : /q question · /s suggestion · /h hypothèse · /i impression · "
        "/t témoignage · /n note · /a action · /l apprentissage · /e évaluation "
        "(/e 4 commentaire : une note de 1 à 5) · /c confidentiel · /p2 pour la phase 2 · "
        "@Marie auteur (complété depuis la liste) · // fin des préfixes\n"
        "Tour de table : une note sans @nom est celle du consultant qui a la parole.\n"
        "Synthèse : « quoi / qui / pour quand ». Apprentissages : « @nom ce que j'apprends »."
    ),
    "ui.palette_placeholder": "Chercher une commande…",
    "ui.sys_theme": "Choisir un thème",
    "ui.sys_theme_help": "Changer le thème de l'interface",
    "ui.sys_keys": "Touches",
    "ui.sys_keys_help": "L'aide du champ actif et la liste des touches",
    "ui.sys_keys_hide_help": "Masquer le panneau des touches",
    "ui.sys_maximize": "Agrandir",
    "ui.sys_maximize_help": "Agrandir le champ actif à tout l'écran",
    "ui.sys_minimize": "Réduire",
    "ui.sys_minimize_help": "Rendre au champ sa taille normale",
    "ui.sys_screenshot": "Capture d'écran",
    "ui.sys_screenshot_help": "Enregistrer l'écran en image SVG",
    "ui.bell_on": "Sonnerie activée",
    "ui.bell_off": "Sonnerie coupée",
    "ui.k_next": "Suiv.",
    "ui.k_prev": "Préc.",
    "ui.k_timer": "Chrono",
    "ui.k_more": "+1",
    "ui.k_less": "−1",
    "ui.k_projector": "Projo",
    "ui.k_speaker": "Parole",
    "ui.k_pass": "Passe",
    "ui.k_bell": "Sonnerie",
    "ui.k_end": "Fin",
    "ui.k_help": "Aide",
    "ui.k_quit": "Quitter",
    "ui.k_export": "Compte rendu",
    "ui.k_confidential": "Confidentiel",
    "ui.k_back": "Retour",
    "ui.k_start": "Commencer",
    "ui.k_theme": "Thème",
    "ui.k_palette": "Palette de commandes",
    "ui.k_copy": "Copier le texte sélectionné",
    "ui.practice": "Répétition",
    "ui.real": "séance réelle",
    "ui.prompt_for": "Pour {role}",
    "ui.k_skip": "Passer la piste",
    "ui.practice_done": "Toutes les pistes de la phase sont faites — PageSuiv pour continuer",
    "ui.kind.note": "note",
    "ui.kind.question": "question",
    "ui.kind.contract": "contrat",
    "ui.kind.suggestion": "suggestion",
    "ui.kind.hypothesis": "hypothèse",
    "ui.kind.impression": "impression",
    "ui.kind.testimony": "témoignage",
    "ui.kind.action": "action",
    "ui.kind.learning": "apprentissage",
    "ui.kind.evaluation": "évaluation",
}

EN: dict[str, str] = {
    "ui.colon": ": ",
    "ui.evaluations_one": "{n} evaluation",
    "ui.evaluations_other": "{n} evaluations",
    "ui.saving": "saving…",
    "ui.editing_keys": "Correcting — Enter saves · Esc cancels · an empty line deletes",
    "ui.browsing_keys": "↑↓ · Enter correct · Del delete · Esc back · Ctrl+Z undo",
    "ui.closing_keys": "Enter correct · Del delete · Ctrl+Z undo",
    "ui.more_notes": "↑ {n} older notes — Enter to show them",
    "ui.delete_title": "Delete this note?",
    "ui.delete_body": (
        "Its text will be erased from the disk (Ctrl+Z brings it back while codev is open)."
    ),
    "ui.delete_keys": "Enter: delete · Esc: keep it",
    "ui.deleted": "note deleted — Ctrl+Z brings it back",
    "ui.undone": "undone: the note is as it was",
    "ui.undone_in": "undone: the note is as it was (phase {n})",
    "ui.export_stale": "notes changed since the minutes: F3 to write them again",
    "ui.nothing_to_undo": "nothing to undo since the session was opened",
    "ui.finish_typing": "Enter to save the note being typed first",
    "ui.note_gone": "that note was deleted: Enter saves the line as a new note",
    "ui.minutes_removed": "minutes removed, they may have shown the note: F3 writes them again",
    "ui.round_n": "round {n}",
    "ui.adjusted": "Adjusted",
    "ui.k_delete": "Delete",
    "ui.k_undo": "Undo",
    "ui.notes_one": "{n} note",
    "ui.notes_other": "{n} notes",
    "ui.characters_one": "{n} character",
    "ui.characters_other": "{n} characters",
    "ui.actions_one": "{n} action",
    "ui.actions_other": "{n} actions",
    "ui.learnings_one": "{n} learning",
    "ui.learnings_other": "{n} learnings",
    "ui.phase": "Phase",
    "ui.planned_end": "planned end",
    "ui.projected_end": "projected end",
    "ui.ahead": "ahead",
    "ui.behind": "behind",
    "ui.on_time": "on time",
    "ui.ready": "READY — F5 to start",
    "ui.running": "RUNNING",
    "ui.paused": "PAUSED",
    "ui.warning": "ALMOST DONE",
    "ui.overtime": "OVERTIME",
    "ui.client": "Client",
    "ui.consultants": "Consultants",
    "ui.facilitator": "Facilitator",
    "ui.rules": "Rules",
    "ui.phase_rules": "In this phase",
    "ui.prompts": "Prompts",
    "ui.contract": "Contract",
    "ui.no_contract": "(no contract yet)",
    "ui.notes": "Notes",
    "ui.note_placeholder": (
        "Note (Enter) — /q /s /h /i /t /n /e  @name  /c confidential · ↑ correct"
    ),
    "ui.contract_placeholder": "Write the consultation contract (Enter replaces the contract)",
    "ui.action_placeholder": "Action: what / who / by when",
    "ui.learning_placeholder": "@name what I learned (one note per learning)",
    "ui.saved": "saved",
    "ui.not_saved": "NOT SAVED — disk? Notes are kept and retried",
    "ui.export_wait": "Still saving… press F3 again in a moment",
    "ui.resumed": "Session resumed · time went on",
    "ui.resumed_paused": "Session resumed where it was",
    "ui.resumed_ended": "Session resumed after its end",
    "ui.unsaved": "codev: {n} item(s) NOT saved in {session} ({reason})",
    "ui.lost": "codev: {session} was replaced by another program, and the session could not be"
    " written to a new file beside it ({reason})",
    "ui.rescued": (
        "codev: they are kept in {path} (the session with them, private);"
        " to get them back: codev resume {path}"
    ),
    "ui.not_rescued": (
        "codev: they could not be written anywhere (sessions folder, home folder, current folder)"
    ),
    "ui.away_title": "Resuming after a long absence",
    "ui.away_time": "{h} h {m:02d} min",
    "ui.away_body": (
        "codev was closed for {away} during the phase “{phase}”. Does that time count in the phase?"
    ),
    "ui.away_leave_out": "Don't count it (N)",
    "ui.away_count": "Count it (Y)",
    "ui.away_left_out": "Session resumed · the time away is left out",
    "ui.repaired": "A damaged end of file was set aside",
    "ui.replaced": "FILE REPLACED by another program — the session goes on in {name}",
    "ui.round": "Round of the table",
    "ui.passed": "pass",
    "ui.projector": "Projector",
    "ui.too_small": "Please enlarge the terminal",
    "ui.quit_title": "Quit codev?",
    "ui.quit_body": (
        "Everything marked ✓ is on disk; a note being typed will be saved."
        " Resume later with codev resume."
    ),
    "ui.quit_pending": "{n} item(s) not saved yet: quitting puts them in a rescue file.",
    "ui.quit": "Quit",
    "ui.cancel": "Cancel",
    "ui.closing": "End of session",
    "ui.timing": "Timing",
    "ui.planned": "Planned",
    "ui.actual": "Actual",
    "ui.over": "Over",
    "ui.total": "Total",
    "ui.export": "Write the minutes",
    "ui.exported": "Minutes written: {path}",
    "ui.review": "Every note — the client reviews them before the minutes",
    "ui.confidential": "confidential",
    "ui.setup": "New co-development session",
    "ui.topic": "Topic",
    "ui.group": "Group",
    "ui.consultants_hint": "Consultants (comma-separated)",
    "ui.script": "Script",
    "ui.start": "Start",
    "ui.setup_missing": "A topic, a client and at least one consultant are needed.",
    "ui.not_created": "The session could not be created:",
    "ui.help": "Help",
    "ui.help_text": (
        "PageDown / PageUp: next / previous phase\n"
        "F5: start, pause, resume the countdown\n"
        "F7 / F8: one minute less / more for the phase\n"
        "F6: next consultant · F4: they pass (round of the table)\n"
        "F2: projector, notes hidden (Esc leaves it) · Ctrl+T: light theme\n"
        "F9: bell · F10: end of session · Ctrl+P: palette · Ctrl+Q: quit\n"
        "End of session: Space confidential or not · F3 minutes · PageUp back\n"
        "\n"
        "Notes: Enter saves; ✓ = on disk.\n"
        "Correct: ↑ (empty input) selects the latest note, ↑↓ another, Esc goes back; "
        "Enter puts the note back in the input with its prefixes, Enter saves the "
        "correction; Del deletes it (Enter confirms, its text is erased from the disk); "
        "Ctrl+Z undoes the last correction or deletion.\n"
        "Prefixes: /q question · /s suggestion · /h hypothesis · /i impression · "
        "/t testimony · /n note · /a action · /l learning · /e evaluation "
        "(/e 4 comment: a score from 1 to 5) · /c confidential · /p2 for phase 2 · "
        "@Marie author (completed from the roster) · // ends the prefixes\n"
        "Round of the table: a note without @name is the consultant's who has the floor.\n"
        "Synthesis: “what / who / by when”. Learnings: “@name what I learned”."
    ),
    "ui.palette_placeholder": "Search for commands…",
    "ui.sys_theme": "Pick a theme",
    "ui.sys_theme_help": "Change the current theme",
    "ui.sys_keys": "Keys",
    "ui.sys_keys_help": "Show help for the focused widget and a summary of available keys",
    "ui.sys_keys_hide_help": "Hide the keys and widget help panel",
    "ui.sys_maximize": "Maximize",
    "ui.sys_maximize_help": "Maximize the focused widget",
    "ui.sys_minimize": "Minimize",
    "ui.sys_minimize_help": "Minimize the widget and restore to normal size",
    "ui.sys_screenshot": "Screenshot",
    "ui.sys_screenshot_help": "Save an SVG 'screenshot' of the current screen",
    "ui.bell_on": "Bell on",
    "ui.bell_off": "Bell off",
    "ui.k_next": "Next",
    "ui.k_prev": "Prev",
    "ui.k_timer": "Timer",
    "ui.k_more": "+1",
    "ui.k_less": "−1",
    "ui.k_projector": "Projector",
    "ui.k_speaker": "Floor",
    "ui.k_pass": "Pass",
    "ui.k_bell": "Bell",
    "ui.k_end": "End",
    "ui.k_help": "Help",
    "ui.k_quit": "Quit",
    "ui.k_export": "Minutes",
    "ui.k_confidential": "Confidential",
    "ui.k_back": "Back",
    "ui.k_start": "Start",
    "ui.k_theme": "Theme",
    "ui.k_palette": "palette",
    "ui.k_copy": "Copy selected text",
    "ui.practice": "Rehearsal",
    "ui.real": "real session",
    "ui.prompt_for": "For the {role}",
    "ui.k_skip": "Skip prompt",
    "ui.practice_done": "All prompts of this phase done — PageDown to go on",
    "ui.kind.note": "note",
    "ui.kind.question": "question",
    "ui.kind.contract": "contract",
    "ui.kind.suggestion": "suggestion",
    "ui.kind.hypothesis": "hypothesis",
    "ui.kind.impression": "impression",
    "ui.kind.testimony": "testimony",
    "ui.kind.action": "action",
    "ui.kind.learning": "learning",
    "ui.kind.evaluation": "evaluation",
}
