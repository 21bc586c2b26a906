"""Interface text in French and English."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

_FR: dict[str, str] = {
    "colon": " : ",
    "evaluations_one": "{n} évaluation",
    "evaluations_many": "{n} évaluations",
    "saving": "enregistrement…",
    "editing_keys": "Correction — Entrée enregistre · Échap annule · ligne vidée : suppression",
    "browsing_keys": "↑↓ · Entrée corriger · Suppr supprimer · Échap retour · Ctrl+Z annuler",
    "closing_keys": "Entrée corriger · Suppr supprimer · Ctrl+Z annuler",
    "more_notes": "↑ {n} notes plus anciennes — Entrée pour les afficher",
    "delete_title": "Supprimer cette note ?",
    "delete_body": (
        "Son texte sera effacé du disque (Ctrl+Z la rétablit tant que codev est ouvert)."
    ),
    "delete_keys": "Entrée : supprimer · Échap : garder",
    "deleted": "note supprimée — Ctrl+Z la rétablit",
    "undone": "annulé : la note est comme avant",
    "undone_in": "annulé : la note est comme avant (phase {n})",
    "export_stale": "notes changées depuis le compte rendu : F3 pour le récrire",
    "nothing_to_undo": "rien à annuler depuis l'ouverture de la séance",
    "finish_typing": "Entrée pour enregistrer d'abord la note en cours",
    "note_gone": "cette note a été supprimée : Entrée enregistre la ligne comme une nouvelle note",
    "minutes_removed": "compte rendu retiré, il montrait peut-être la note : F3 pour le récrire",
    "round_n": "tour {n}",
    "adjusted": "Ajusté",
    "k_delete": "Supprimer",
    "k_undo": "Annuler",
    "notes_one": "{n} note",
    "notes_many": "{n} notes",
    "characters_one": "{n} caractère",
    "characters_many": "{n} caractères",
    "actions_one": "{n} action",
    "actions_many": "{n} actions",
    "learnings_one": "{n} apprentissage",
    "learnings_many": "{n} apprentissages",
    "phase": "Phase",
    "planned_end": "fin prévue",
    "projected_end": "fin projetée",
    "ahead": "d'avance",
    "behind": "de retard",
    "on_time": "à l'heure",
    "ready": "PRÊT — F5 pour démarrer",
    "running": "EN COURS",
    "paused": "EN PAUSE",
    "warning": "BIENTÔT FINI",
    "overtime": "DÉPASSEMENT",
    "client": "Client",
    "consultants": "Consultants",
    "facilitator": "Facilitateur",
    "consultant": "Consultant",
    "rules": "Règles",
    "phase_rules": "Dans cette phase",
    "prompts": "Pistes",
    "contract": "Contrat",
    "no_contract": "(pas encore de contrat)",
    "notes": "Notes",
    "note_placeholder": "Note (Entrée) — /q /s /h /i /t /n /e  @nom  /c confidentiel · ↑ corriger",
    "contract_placeholder": "Écrivez le contrat de consultation (Entrée remplace le contrat)",
    "action_placeholder": "Action : quoi / qui / pour quand",
    "learning_placeholder": "@nom ce que j'apprends (une note par apprentissage)",
    "saved": "enregistré",
    "not_saved": "NON ENREGISTRÉ — disque ? Les notes sont gardées et réessayées",
    "export_wait": "Enregistrement en cours… F3 de nouveau dans un instant",
    "resumed": "Séance reprise · le temps a couru",
    "resumed_paused": "Séance reprise là où elle en était",
    "resumed_ended": "Séance reprise après sa fin",
    "unsaved": "codev : {n} élément(s) NON enregistré(s) dans {session} ({reason})",
    "lost": "codev : {session} a été remplacé par un autre programme, et la séance n'a pu être"
    " écrite dans un nouveau fichier à côté ({reason})",
    "rescued": (
        "codev : ils sont gardés dans {path} (la séance avec eux, privé) ;"
        " pour les retrouver : codev resume {path}"
    ),
    "not_rescued": (
        "codev : ils n'ont pu être écrits nulle part "
        "(dossier des séances, dossier personnel, dossier courant)"
    ),
    "away_title": "Reprise après une longue absence",
    "away_time": "{h} h {m:02d} min",
    "away_body": (
        "codev était fermé depuis {away} pendant la phase « {phase} ». "
        "Ce temps compte-t-il dans la phase ?"
    ),
    "away_leave_out": "Ne pas le compter (N)",
    "away_count": "Le compter (O)",
    "away_left_out": "Séance reprise · l'absence n'est pas comptée",
    "repaired": "Fin de fichier abîmée mise de côté",
    "replaced": "FICHIER REMPLACÉ par un autre programme — la séance continue dans {name}",
    "round": "Tour de table",
    "floor": "a la parole",
    "passed": "passe",
    "nobody": "personne",
    "projector": "Projection",
    "too_small": "Agrandissez le terminal",
    "quit_title": "Quitter codev ?",
    "quit_body": (
        "Tout ce qui est marqué ✓ est sur le disque ; une note en cours de saisie sera"
        " enregistrée. La séance pourra être reprise avec codev resume."
    ),
    "quit_pending": (
        "{n} élément(s) pas encore enregistré(s) : en quittant, ils iront"
        " dans un fichier de secours."
    ),
    "quit": "Quitter",
    "cancel": "Annuler",
    "closing": "Fin de séance",
    "timing": "Minutage",
    "planned": "Prévu",
    "actual": "Réel",
    "over": "Écart",
    "total": "Total",
    "export": "Écrire le compte rendu",
    "exported": "Compte rendu écrit : {path}",
    "review": "Toutes les notes — le client relit avant le compte rendu",
    "confidential": "confidentiel",
    "setup": "Nouvelle séance de codéveloppement",
    "topic": "Sujet",
    "group": "Groupe",
    "consultants_hint": "Consultants (séparés par des virgules)",
    "script": "Script",
    "start": "Commencer",
    "setup_missing": "Il faut au moins un sujet, un client et un consultant.",
    "not_created": "La séance n'a pas pu être créée :",
    "help": "Aide",
    "key_pagedown": "PageSuiv",
    "key_pageup": "PagePréc",
    "key_space": "Espace",
    "h_phases": "phase suivante / précédente",
    "h_timer": "démarrer, mettre en pause, reprendre le chrono",
    "h_adjust": "une minute de moins / de plus pour la phase",
    "h_speaker": "consultant suivant",
    "h_pass": "il ou elle passe (tour de table)",
    "h_projector": "projection, notes masquées (Échap en sort)",
    "h_theme": "thème clair",
    "h_bell": "sonnerie",
    "h_end": "fin de séance",
    "h_palette": "palette",
    "h_quit": "quitter",
    "h_closing": "Fin de séance",
    "h_confidential": "confidentielle ou non",
    "h_export": "compte rendu",
    "h_back": "retour",
    "help_notes": (
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
    "palette_placeholder": "Chercher une commande…",
    "bell_on": "Sonnerie activée",
    "bell_off": "Sonnerie coupée",
    "k_next": "Suiv.",
    "k_prev": "Préc.",
    "k_timer": "Chrono",
    "k_more": "+1",
    "k_less": "−1",
    "k_projector": "Projo",
    "k_speaker": "Parole",
    "k_pass": "Passe",
    "k_bell": "Sonnerie",
    "k_end": "Fin",
    "k_help": "Aide",
    "k_quit": "Quitter",
    "k_export": "Compte rendu",
    "k_confidential": "Confidentiel",
    "k_back": "Retour",
    "k_start": "Commencer",
    "k_theme": "Thème",
    "practice": "Répétition",
    "rehearsal": "répétition",
    "real": "séance réelle",
    "prompt_for": "Pour {role}",
    "k_skip": "Passer la piste",
    "practice_done": "Toutes les pistes de la phase sont faites — PageSuiv pour continuer",
}

_EN: dict[str, str] = {
    "colon": ": ",
    "evaluations_one": "{n} evaluation",
    "evaluations_many": "{n} evaluations",
    "saving": "saving…",
    "editing_keys": "Correcting — Enter saves · Esc cancels · an empty line deletes",
    "browsing_keys": "↑↓ · Enter correct · Del delete · Esc back · Ctrl+Z undo",
    "closing_keys": "Enter correct · Del delete · Ctrl+Z undo",
    "more_notes": "↑ {n} older notes — Enter to show them",
    "delete_title": "Delete this note?",
    "delete_body": (
        "Its text will be erased from the disk (Ctrl+Z brings it back while codev is open)."
    ),
    "delete_keys": "Enter: delete · Esc: keep it",
    "deleted": "note deleted — Ctrl+Z brings it back",
    "undone": "undone: the note is as it was",
    "undone_in": "undone: the note is as it was (phase {n})",
    "export_stale": "notes changed since the minutes: F3 to write them again",
    "nothing_to_undo": "nothing to undo since the session was opened",
    "finish_typing": "Enter to save the note being typed first",
    "note_gone": "that note was deleted: Enter saves the line as a new note",
    "minutes_removed": "minutes removed, they may have shown the note: F3 writes them again",
    "round_n": "round {n}",
    "adjusted": "Adjusted",
    "k_delete": "Delete",
    "k_undo": "Undo",
    "notes_one": "{n} note",
    "notes_many": "{n} notes",
    "characters_one": "{n} character",
    "characters_many": "{n} characters",
    "actions_one": "{n} action",
    "actions_many": "{n} actions",
    "learnings_one": "{n} learning",
    "learnings_many": "{n} learnings",
    "phase": "Phase",
    "planned_end": "planned end",
    "projected_end": "projected end",
    "ahead": "ahead",
    "behind": "behind",
    "on_time": "on time",
    "ready": "READY — F5 to start",
    "running": "RUNNING",
    "paused": "PAUSED",
    "warning": "ALMOST DONE",
    "overtime": "OVERTIME",
    "client": "Client",
    "consultants": "Consultants",
    "facilitator": "Facilitator",
    "consultant": "Consultant",
    "rules": "Rules",
    "phase_rules": "In this phase",
    "prompts": "Prompts",
    "contract": "Contract",
    "no_contract": "(no contract yet)",
    "notes": "Notes",
    "note_placeholder": "Note (Enter) — /q /s /h /i /t /n /e  @name  /c confidential · ↑ correct",
    "contract_placeholder": "Write the consultation contract (Enter replaces the contract)",
    "action_placeholder": "Action: what / who / by when",
    "learning_placeholder": "@name what I learned (one note per learning)",
    "saved": "saved",
    "not_saved": "NOT SAVED — disk? Notes are kept and retried",
    "export_wait": "Still saving… press F3 again in a moment",
    "resumed": "Session resumed · time went on",
    "resumed_paused": "Session resumed where it was",
    "resumed_ended": "Session resumed after its end",
    "unsaved": "codev: {n} item(s) NOT saved in {session} ({reason})",
    "lost": "codev: {session} was replaced by another program, and the session could not be"
    " written to a new file beside it ({reason})",
    "rescued": (
        "codev: they are kept in {path} (the session with them, private);"
        " to get them back: codev resume {path}"
    ),
    "not_rescued": (
        "codev: they could not be written anywhere (sessions folder, home folder, current folder)"
    ),
    "away_title": "Resuming after a long absence",
    "away_time": "{h} h {m:02d} min",
    "away_body": (
        "codev was closed for {away} during the phase “{phase}”. Does that time count in the phase?"
    ),
    "away_leave_out": "Don't count it (N)",
    "away_count": "Count it (Y)",
    "away_left_out": "Session resumed · the time away is left out",
    "repaired": "A damaged end of file was set aside",
    "replaced": "FILE REPLACED by another program — the session goes on in {name}",
    "round": "Round of the table",
    "floor": "has the floor",
    "passed": "pass",
    "nobody": "nobody",
    "projector": "Projector",
    "too_small": "Please enlarge the terminal",
    "quit_title": "Quit codev?",
    "quit_body": (
        "Everything marked ✓ is on disk; a note being typed will be saved."
        " Resume later with codev resume."
    ),
    "quit_pending": "{n} item(s) not saved yet: quitting puts them in a rescue file.",
    "quit": "Quit",
    "cancel": "Cancel",
    "closing": "End of session",
    "timing": "Timing",
    "planned": "Planned",
    "actual": "Actual",
    "over": "Over",
    "total": "Total",
    "export": "Write the minutes",
    "exported": "Minutes written: {path}",
    "review": "Every note — the client reviews them before the minutes",
    "confidential": "confidential",
    "setup": "New co-development session",
    "topic": "Topic",
    "group": "Group",
    "consultants_hint": "Consultants (comma-separated)",
    "script": "Script",
    "start": "Start",
    "setup_missing": "A topic, a client and at least one consultant are needed.",
    "not_created": "The session could not be created:",
    "help": "Help",
    "key_pagedown": "PageDown",
    "key_pageup": "PageUp",
    "key_space": "Space",
    "h_phases": "next / previous phase",
    "h_timer": "start, pause, resume the countdown",
    "h_adjust": "one minute less / more for the phase",
    "h_speaker": "next consultant",
    "h_pass": "they pass (round of the table)",
    "h_projector": "projector, notes hidden (Esc leaves it)",
    "h_theme": "light theme",
    "h_bell": "bell",
    "h_end": "end of session",
    "h_palette": "palette",
    "h_quit": "quit",
    "h_closing": "End of session",
    "h_confidential": "confidential or not",
    "h_export": "minutes",
    "h_back": "back",
    "help_notes": (
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
    "palette_placeholder": "Search for commands…",
    "bell_on": "Bell on",
    "bell_off": "Bell off",
    "k_next": "Next",
    "k_prev": "Prev",
    "k_timer": "Timer",
    "k_more": "+1",
    "k_less": "−1",
    "k_projector": "Projector",
    "k_speaker": "Floor",
    "k_pass": "Pass",
    "k_bell": "Bell",
    "k_end": "End",
    "k_help": "Help",
    "k_quit": "Quit",
    "k_export": "Minutes",
    "k_confidential": "Confidential",
    "k_back": "Back",
    "k_start": "Start",
    "k_theme": "Theme",
    "practice": "Rehearsal",
    "rehearsal": "rehearsal",
    "real": "real session",
    "prompt_for": "For the {role}",
    "k_skip": "Skip prompt",
    "practice_done": "All prompts of this phase done — PageDown to go on",
}

KIND_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "note": "note",
        "question": "question",
        "contract": "contrat",
        "suggestion": "suggestion",
        "hypothesis": "hypothèse",
        "impression": "impression",
        "testimony": "témoignage",
        "action": "action",
        "learning": "apprentissage",
        "evaluation": "évaluation",
    },
    "en": {
        "note": "note",
        "question": "question",
        "contract": "contract",
        "suggestion": "suggestion",
        "hypothesis": "hypothesis",
        "impression": "impression",
        "testimony": "testimony",
        "action": "action",
        "learning": "learning",
        "evaluation": "evaluation",
    },
}


class Texts:
    """Looks up interface text in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = "fr" if lang == "fr" else "en"
        self._table = _FR if self.lang == "fr" else _EN

    def __call__(self, key: str, **values: object) -> str:
        """The text for `key`, with `{placeholders}` filled."""
        text = self._table[key]
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        """`n` things, singular or plural as the language wants (French: 0 and 1 are singular)."""
        one = n == 1 or (self.lang == "fr" and n == 0)
        return self(f"{key}_{'one' if one else 'many'}", n=n)

    def kind(self, kind: str) -> str:
        """The name of a kind of note."""
        return KIND_NAMES[self.lang].get(kind, kind)


def localize_bindings(bindings_map: Any, texts: Texts) -> None:
    """Translate the footer labels of a node's bindings: descriptions starting `k_` are keys."""
    for key, bindings in bindings_map.key_to_bindings.items():
        bindings_map.key_to_bindings[key] = [
            replace(b, description=texts(b.description)) if b.description.startswith("k_") else b
            for b in bindings
        ]
