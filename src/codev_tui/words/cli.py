"""The words of the command line: the help of each command and option, and every message.

argparse's own words ("usage:", "error:", "invalid choice"...) are not here: they are the
standard library's, translated by the gettext catalogue in `locale/` (domain `argparse`).
"""

FR: dict[str, str] = {
    # the help
    "cli.description": (
        "Compagnon de terminal pour une séance de codéveloppement (Payette–Champagne)."
    ),
    "cli.version_help": "affiche le numéro de version et quitte",
    "cli.lang_help": (
        "langue des messages et de l'interface (par défaut : celle de l'environnement)"
    ),
    "cli.command_metavar": "COMMANDE",
    "cli.script_help": "nom d'un script fourni, ou un fichier",
    "cli.script_metavar": "NOM|CHEMIN",
    "cli.session_help": (
        "un fichier de séance, ou son nom, son nom sans extension ou un début de nom unique"
        " (par défaut : la dernière séance)"
    ),
    "cli.session_metavar": "SÉANCE",
    "cli.run_help": "démarre une séance (la commande par défaut)",
    "cli.session_file_help": "reprend ce fichier de séance",
    "cli.path_metavar": "CHEMIN",
    "cli.topic_metavar": "SUJET",
    "cli.client_metavar": "NOM",
    "cli.consultants_metavar": "NOMS",
    "cli.facilitator_metavar": "NOM",
    "cli.group_metavar": "GROUPE",
    "cli.topic_help": "la situation qu'apporte le client",
    "cli.client_help": "le nom du client",
    "cli.consultants_help": 'les noms, séparés par des virgules, par ex. "Ana,Bo,Cy"',
    "cli.facilitator_help": "le nom du facilitateur",
    "cli.group_help": (
        "un groupe (codev group new) : ses membres présents font la séance, "
        "qui s'ouvre sur le retour du plan d'action précédent"
    ),
    "cli.absent_metavar": "NOMS",
    "cli.absent_help": "avec --group : les membres absents, séparés par des virgules",
    "cli.resume_help": "rouvre une séance là où elle en était (la dernière par défaut)",
    "cli.list_help": "liste les séances de cette machine",
    "cli.export_help": "écrit le compte rendu Markdown d'une séance",
    "cli.output_help": "par défaut : à côté de la séance ; - pour l'écran",
    "cli.file_metavar": "FICHIER",
    "cli.force_help": "écrase un fichier existant",
    "cli.confidential_help": "inclut les notes confidentielles, marquées comme telles",
    "cli.anonymize_help": "remplace les noms par les rôles",
    "cli.salvage_help": "séance abîmée : écrit ce qui peut encore être lu, dit ce qui a été sauté",
    "cli.check_help": "valide des scripts de phases",
    "cli.files_help": "les fichiers de scripts de phases",
    "cli.scripts_help": "liste les scripts de phases fournis",
    "cli.practice_help": "répète seul une séance entière",
    "cli.speed_help": "accélère le temps N fois",
    "cli.role_help": "le rôle répété (par défaut : tous)",
    "cli.agenda_help": "affiche le déroulé horaire d'une séance",
    "cli.start_help": "par défaut : maintenant, arrondi aux 5 minutes suivantes",
    "cli.format_help": "texte, ou Markdown (md)",
    # the messages
    "cli.report": "codev : {line}",
    "cli.semicolon": " ; ",
    "cli.no_script": (
        "aucun script nommé {name!r} : donnez un fichier ou l'un de ces noms : {names}"
    ),
    "cli.script_ok": "{path} : OK — {name} ({lang})",
    "cli.script_total_one": "{n} phase, {minutes} min en tout",
    "cli.script_total_other": "{n} phases, {minutes} min en tout",
    "cli.script_invalid": "(invalide : {problem})",
    "cli.script_line_one": "{name} — {n} phase, {minutes} min ({lang})",
    "cli.script_line_other": "{name} — {n} phases, {minutes} min ({lang})",
    "cli.bad_start": "--start {value!r} : une heure est attendue, comme 14:30",
    "cli.no_session_yet": "aucune séance pour l'instant dans {folder}",
    "cli.no_session_file": "{spec} : ce fichier de séance n'existe pas",
    "cli.no_session_named": "aucune séance nommée {spec!r} dans {folder} (voir `codev list`)",
    "cli.ambiguous_session": (
        "{spec!r} désigne {n} séances ; donnez une plus grande partie du nom de fichier, l'un de :"
    ),
    "cli.unreadable": "{name}  (illisible : {problem})",
    "cli.ended": "terminée",
    "cli.phase_of": "phase {n}/{count}",
    "cli.notes_one": "{n} note",
    "cli.notes_other": "{n} notes",
    "cli.practice": "répétition",
    "cli.output_is_folder": "-o {output} : un dossier ; donnez le nom du fichier du compte rendu",
    "cli.salvage_onto_itself": (
        "{dest} : c'est la séance abîmée elle-même ; écrivez le compte rendu ailleurs"
    ),
    "cli.exists": "{dest} existe déjà ; ajoutez --force pour l'écraser",
    "cli.skipped_one": "{n} enregistrement abîmé sauté (ligne {lines})",
    "cli.skipped_other": "{n} enregistrements abîmés sautés (lignes {lines})",
    "cli.no_damage": "aucun enregistrement abîmé",
    "cli.events_one": "{n} événement lu",
    "cli.events_other": "{n} événements lus",
    "cli.header_changed": "l'en-tête a été modifié depuis que codev l'a écrit : lu tel quel",
    "cli.crlf": "fins de ligne CR LF lues comme LF",
    "cli.salvaged": "codev : {name} : {what}",
    "cli.cannot_write": "impossible d'écrire la sortie : {reason}",
    "cli.stdout_closed": "impossible d'écrire la sortie : la sortie standard est fermée",
    "cli.bad_speed": "--speed : un nombre de 0,1 à 100 est attendu",
    "cli.absent_without_group": "--absent va avec --group (les absents d'un groupe)",
    "cli.consultants_with_group": (
        "--consultants ne va pas avec --group : les consultants sont les membres présents "
        "(--absent pour les autres)"
    ),
    "cli.file_refused": "{file} : {reason}",
    "cli.refused": "{reason}",
    "cli.no_terminal_input": "il faut un terminal (l'entrée standard n'en est pas un)",
    "cli.no_terminal_output": "il faut un terminal (la sortie standard n'en est pas un)",
    "cli.no_terminal_error": "il faut un terminal (la sortie d'erreur n'en est pas un)",
    "cli.replaced": "{path} a été remplacé par un autre programme",
    "cli.saved_in": "séance enregistrée dans {path}",
}

EN: dict[str, str] = {
    # the help
    "cli.description": "Terminal companion for a codéveloppement session (Payette–Champagne).",
    "cli.version_help": "show program's version number and exit",
    "cli.lang_help": "language of the messages and of the interface (default: the environment's)",
    "cli.command_metavar": "COMMAND",
    "cli.script_help": "bundled script name or a file",
    "cli.script_metavar": "NAME|PATH",
    "cli.session_help": (
        "a session file, or its name, stem or a unique prefix (default: the latest)"
    ),
    "cli.session_metavar": "SESSION",
    "cli.run_help": "start a session (the default command)",
    "cli.session_file_help": "continue this session file",
    "cli.path_metavar": "PATH",
    "cli.topic_metavar": "TOPIC",
    "cli.client_metavar": "CLIENT",
    "cli.consultants_metavar": "CONSULTANTS",
    "cli.facilitator_metavar": "FACILITATOR",
    "cli.group_metavar": "GROUP",
    "cli.topic_help": "the situation the client brings",
    "cli.client_help": "the client's name",
    "cli.consultants_help": 'comma-separated names, e.g. "Ana,Bo,Cy"',
    "cli.facilitator_help": "the facilitator's name",
    "cli.group_help": (
        "a group (codev group new): its members present take part, and the session opens "
        "with the review of the previous action plan"
    ),
    "cli.absent_metavar": "NAMES",
    "cli.absent_help": "with --group: the members who are absent, comma-separated",
    "cli.resume_help": "reopen a session where it was (the latest by default)",
    "cli.list_help": "list the sessions on this machine",
    "cli.export_help": "write the Markdown minutes of a session",
    "cli.output_help": "default: beside the session; - for the screen",
    "cli.file_metavar": "FILE",
    "cli.force_help": "overwrite an existing file",
    "cli.confidential_help": "include the confidential notes, marked as such",
    "cli.anonymize_help": "replace names with roles",
    "cli.salvage_help": "a damaged session: write what can still be read, say what was skipped",
    "cli.check_help": "validate phase scripts",
    "cli.files_help": "phase script files",
    "cli.scripts_help": "list the bundled phase scripts",
    "cli.practice_help": "rehearse a whole session alone",
    "cli.speed_help": "compress time N times",
    "cli.role_help": "the role rehearsed (default: every role)",
    "cli.agenda_help": "print the timetable of a session",
    "cli.start_help": "default: now, rounded up to 5 minutes",
    "cli.format_help": "text, or Markdown (md)",
    # the messages
    "cli.report": "codev: {line}",
    "cli.semicolon": "; ",
    "cli.no_script": "no script named {name!r}: give a file or one of {names}",
    "cli.script_ok": "{path}: OK — {name} ({lang})",
    "cli.script_total_one": "{n} phase, {minutes} min in all",
    "cli.script_total_other": "{n} phases, {minutes} min in all",
    "cli.script_invalid": "(invalid: {problem})",
    "cli.script_line_one": "{name} — {n} phase, {minutes} min ({lang})",
    "cli.script_line_other": "{name} — {n} phases, {minutes} min ({lang})",
    "cli.bad_start": "--start {value!r}: expected a time like 14:30",
    "cli.no_session_yet": "no session yet in {folder}",
    "cli.no_session_file": "{spec}: no such session file",
    "cli.no_session_named": "no session named {spec!r} in {folder} (see `codev list`)",
    "cli.ambiguous_session": "{spec!r} names {n} sessions; give more of the file name, one of:",
    "cli.unreadable": "{name}  (unreadable: {problem})",
    "cli.ended": "ended",
    "cli.phase_of": "phase {n}/{count}",
    "cli.notes_one": "{n} note",
    "cli.notes_other": "{n} notes",
    "cli.practice": "practice",
    "cli.output_is_folder": "-o {output}: a folder; give the name of the minutes file",
    "cli.salvage_onto_itself": (
        "{dest}: that is the damaged session itself; write the minutes elsewhere"
    ),
    "cli.exists": "{dest} already exists; add --force to overwrite it",
    "cli.skipped_one": "{n} damaged record skipped (line {lines})",
    "cli.skipped_other": "{n} damaged records skipped (lines {lines})",
    "cli.no_damage": "no damaged record",
    "cli.events_one": "{n} event read",
    "cli.events_other": "{n} events read",
    "cli.header_changed": "the header was changed since codev wrote it: read as it is",
    "cli.crlf": "CR LF line ends read as LF",
    "cli.salvaged": "codev: {name}: {what}",
    "cli.cannot_write": "cannot write the output: {reason}",
    "cli.stdout_closed": "cannot write the output: standard output is closed",
    "cli.bad_speed": "--speed: expected a number from 0.1 to 100",
    "cli.absent_without_group": "--absent goes with --group (the members of a group who are away)",
    "cli.consultants_with_group": (
        "--consultants does not go with --group: the consultants are the members present "
        "(--absent for the others)"
    ),
    "cli.file_refused": "{file}: {reason}",
    "cli.refused": "{reason}",
    "cli.no_terminal_input": "needs a terminal (standard input is not one)",
    "cli.no_terminal_output": "needs a terminal (standard output is not one)",
    "cli.no_terminal_error": "needs a terminal (standard error is not one)",
    "cli.replaced": "{path} was replaced by another program",
    "cli.saved_in": "session saved in {path}",
}
