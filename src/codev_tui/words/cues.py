"""The words of the facilitator's private cues (core/cues.py), shown on the console only."""

FR: dict[str, str] = {
    "cues.disguised": "Note {n} ({time}) : question ou suggestion déguisée ?",
    "cues.contract": "Pas encore de contrat écrit — la phase se termine dans {n} min",
    "cues.contract_over": "Pas encore de contrat écrit — le temps de la phase est passé",
    "cues.round_one": "Pas encore entendu dans ce tour : {names}",
    "cues.round_other": "Pas encore entendus dans ce tour : {names}",
    "cues.late": "{n} min de retard · {take} : prendre {gives}",
    "cues.gives": "{n} min à {phase}",
    "cues.late_stuck": "{n} min de retard · les phases à venir sont à leur minimum",
    "cues.more": "+{n}",
    "cues.taken": "Pris : {gives}",
    # The keys bar and the help (F1).
    "cues.k_dismiss": "Vu",
    "cues.k_take": "Prendre",
    "cues.h_dismiss": "écarter le rappel affiché",
    "cues.h_take": "prendre les minutes du rappel de retard",
}

EN: dict[str, str] = {
    "cues.disguised": "Note {n} ({time}): a question, or a suggestion in disguise?",
    "cues.contract": "No contract written yet — the phase ends in {n} min",
    "cues.contract_over": "No contract written yet — the phase's time is up",
    "cues.round_one": "Not heard yet in this round: {names}",
    "cues.round_other": "Not heard yet in this round: {names}",
    "cues.late": "Running {n} min late · {take}: take {gives}",
    "cues.gives": "{n} min from {phase}",
    "cues.late_stuck": "Running {n} min late · the phases to come are at their minimum",
    "cues.more": "+{n}",
    "cues.taken": "Taken: {gives}",
    # The keys bar and the help (F1).
    "cues.k_dismiss": "Seen",
    "cues.k_take": "Take",
    "cues.h_dismiss": "dismiss the cue shown",
    "cues.h_take": "take the minutes the lateness cue proposes",
}
