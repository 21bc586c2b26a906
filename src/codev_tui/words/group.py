"""The words of the group (`codev group`, the group file's errors)."""

_UNTOUCHED_FR = "le fichier n'a pas été modifié"
_UNTOUCHED_EN = "the file was left untouched"

FR: dict[str, str] = {
    # the help
    "group.help": (
        "les groupes et leur cycle : créer, lister, montrer, changer les membres, la charte"
    ),
    "group.action_metavar": "ACTION",
    "group.name_metavar": "GROUPE",
    "group.name_help": "le nom du groupe (les majuscules ne comptent pas)",
    "group.names_metavar": "NOMS",
    "group.person_metavar": "NOM",
    "group.old_metavar": "ANCIEN",
    "group.new_metavar": "NOUVEAU",
    "group.every_metavar": "RYTHME",
    "group.file_metavar": "FICHIER",
    "group.new_help": "crée un groupe et ses membres",
    "group.members_help": 'les noms des membres, séparés par des virgules, par ex. "Ana,Bo,Cy"',
    "group.facilitator_help": "le nom du facilitateur",
    "group.sessions_help": "le nombre de séances prévues dans le cycle",
    "group.every_help": 'le rythme des séances, tel que dit, par ex. "4 semaines"',
    "group.list_help": "liste les groupes",
    "group.show_help": "montre un groupe : ses membres, son plan, son quorum et sa charte",
    "group.add_help": (
        "ajoute une personne au groupe (qui était partie revient avec son historique)"
    ),
    "group.remove_help": "retire une personne du groupe (elle reste dans son historique)",
    "group.member_help": "le nom de la personne",
    "group.rename_help": "renomme un membre ; son historique le suit",
    "group.old_help": "le nom qu'il a",
    "group.new_help_arg": "le nom qu'il aura",
    "group.charter_help": "écrit la charte du groupe dans $VISUAL ou $EDITOR, ou depuis un fichier",
    "group.from_help": "prend la charte dans ce fichier (texte UTF-8, une règle par ligne)",
    # what the commands say
    "group.no_group_yet": "aucun groupe pour l'instant dans {folder}",
    "group.unreadable": "(illisible : {problem})",
    "group.list_separator": " · ",
    "group.list_members_one": "{n} membre",
    "group.list_members_other": "{n} membres",
    "group.list_sessions_one": "{n} séance prévue",
    "group.list_sessions_other": "{n} séances prévues",
    "group.created_one": "groupe {group} créé : {n} membre ({ids})",
    "group.created_other": "groupe {group} créé : {n} membres ({ids})",
    "group.added": "{group} : {name} fait maintenant partie du groupe ({id})",
    "group.back": (
        "{group} : {name} revient dans le groupe, avec son identifiant {id} et son historique"
    ),
    "group.removed": "{group} : {name} quitte le groupe ; son historique est gardé ({id})",
    "group.renamed": "{group} : {old} s'appelle maintenant {new} ({id}) ; son historique suit",
    "group.charter_saved_one": "{group} : charte enregistrée, {n} règle ; quorum : {quorum}",
    "group.charter_saved_other": "{group} : charte enregistrée, {n} règles ; quorum : {quorum}",
    "group.charter_unchanged": "{group} : la charte est la même, rien n'a changé",
    "group.charter_template": (
        "# La charte du groupe {group} : une règle par ligne, par exemple :\n"
        "# - Ce qui est dit dans le groupe reste dans le groupe\n"
        "# - Prévenir de son absence au moins deux jours avant\n"
        "# - Quorum : 3\n"
        "# Les lignes qui commencent par # ne comptent pas."
    ),
    # group show
    "group.show_title": "Groupe : {group}",
    "group.show_facilitator": "Facilitateur : {name}",
    "group.show_members_one": "Membre ({n}) :",
    "group.show_members_other": "Membres ({n}) :",
    "group.show_member": "  {id}  {name}",
    "group.show_left": "  {id}  {name} (a quitté le groupe le {date})",
    "group.show_sessions": "Séances prévues : {n}",
    "group.show_sessions_unsaid": "Séances prévues : non précisé",
    "group.show_every": "Rythme : {every}",
    "group.show_quorum_charter": "Quorum : {n} (fixé par la charte)",
    "group.show_quorum_half": "Quorum : {n} (la moitié des membres, arrondie au-dessus)",
    "group.show_charter": "Charte :",
    "group.show_rule": "  - {rule}",
    "group.show_no_charter": 'Charte : aucune pour l\'instant (codev group charter "{group}")',
    # the group's mistakes
    "group.unknown": "aucun groupe nommé {name!r} (voir `codev group list`)",
    "group.exists": "un groupe nommé {name!r} existe déjà (les majuscules ne comptent pas)",
    "group.empty_group_name": "le nom du groupe est vide",
    "group.bad_sessions": "{sessions} séances prévues : un nombre, 0 ou plus, est attendu",
    "group.no_members": 'le groupe {group} n\'a aucun membre : --members "A,B,C"',
    "group.bad_quorum": "charte : « {line} » ne dit pas un quorum ; écrivez « quorum : 3 »",
    "group.two_quorums": "charte : deux quorums (« {first} », « {second} ») ; gardez-en un",
    "group.quorum_too_high": "charte : un quorum de {n} pour {members} membres",
    "group.empty_name": "un nom de membre est vide",
    "group.comma_in_name": (
        "{name!r} : un nom ne peut pas contenir de virgule (elle sépare les noms d'une liste)"
    ),
    "group.named_twice": (
        "{name!r} est deux fois dans la liste des membres (les majuscules ne comptent pas)"
    ),
    "group.already_member": "{name!r} fait déjà partie du groupe {group}",
    "group.already_left": "{name!r} a déjà quitté le groupe {group}",
    "group.no_member": "{group} : aucun membre nommé {name!r}",
    "group.name_taken": (
        "{group} : le nom {name!r} est déjà celui d'un membre, actuel ou ancien"
        " (les majuscules ne comptent pas)"
    ),
    "group.charter_empty": "le texte est vide : la charte n'a pas été modifiée",
    "group.charter_not_utf8": (
        "{file} : ce n'est pas du texte UTF-8 ; la charte n'a pas été modifiée"
    ),
    "group.editor_missing": (
        "impossible de lancer l'éditeur {editor!r} ({reason}) ; la charte n'a pas été modifiée"
    ),
    "group.editor_failed": (
        "l'éditeur {editor!r} a échoué (code de sortie {status}) ; la charte n'a pas été modifiée"
    ),
    # the group file
    "group.cannot_read": "{path} : lecture impossible ({reason})",
    "group.not_utf8": f"{{path}} : ce n'est pas du texte UTF-8 valide ; {_UNTOUCHED_FR}",
    "group.bad_toml": f"{{where}} : TOML illisible ({{reason}}) ; {_UNTOUCHED_FR}",
    "group.too_deep": (
        f"{{path}} : imbrication trop profonde, ce n'est pas un fichier de groupe ; {_UNTOUCHED_FR}"
    ),
    "group.newer": (
        f"{{path}} : créé par un codev plus récent : schéma {{schema}}, mettez codev à jour ;"
        f" {_UNTOUCHED_FR}"
    ),
    "group.damaged": f"{{where}} : {{field}} : {{what}} ; {_UNTOUCHED_FR}",
    "group.bad_schema": "{schema} attendu, ce n'est pas un fichier de groupe codev",
    "group.not_table": "absent, ou ce n'est pas une table",
    "group.not_tables": "ce n'est pas une liste de tables [[members]]",
    "group.twice": "deux fois dans le groupe",
    "group.bad_member_id": "ce n'est pas un identifiant de membre (p1, p2…)",
    "group.not_base64": "ce n'est pas du base64 de texte UTF-8",
    "group.missing_text": "absent, vide, ou ce n'est pas un texte",
    "group.not_text": "ce n'est pas un texte",
    "group.not_time": "absent, ou ce n'est pas une date et une heure avec son décalage",
    "group.not_count": "ce n'est pas un nombre entier, 0 ou plus",
}

EN: dict[str, str] = {
    # the help
    "group.help": "the groups and their cycle: make, list, show, change the members, the charter",
    "group.action_metavar": "ACTION",
    "group.name_metavar": "GROUP",
    "group.name_help": "the group's name (case does not matter)",
    "group.names_metavar": "NAMES",
    "group.person_metavar": "NAME",
    "group.old_metavar": "OLD",
    "group.new_metavar": "NEW",
    "group.every_metavar": "RHYTHM",
    "group.file_metavar": "FILE",
    "group.new_help": "make a group and its members",
    "group.members_help": 'the members\' names, comma-separated, e.g. "Ana,Bo,Cy"',
    "group.facilitator_help": "the facilitator's name",
    "group.sessions_help": "how many sessions the cycle plans",
    "group.every_help": 'how often the group meets, as said, e.g. "4 weeks"',
    "group.list_help": "list the groups",
    "group.show_help": "show a group: its members, its plan, its quorum and its charter",
    "group.add_help": "add a person to the group (one who left comes back with their history)",
    "group.remove_help": "take a person out of the group (they stay in its history)",
    "group.member_help": "the person's name",
    "group.rename_help": "rename a member; their history follows them",
    "group.old_help": "the name they have",
    "group.new_help_arg": "the name they will have",
    "group.charter_help": "write the group's charter in $VISUAL or $EDITOR, or from a file",
    "group.from_help": "take the charter from this file (UTF-8 text, one rule per line)",
    # what the commands say
    "group.no_group_yet": "no group yet in {folder}",
    "group.unreadable": "(unreadable: {problem})",
    "group.list_separator": " · ",
    "group.list_members_one": "{n} member",
    "group.list_members_other": "{n} members",
    "group.list_sessions_one": "{n} session planned",
    "group.list_sessions_other": "{n} sessions planned",
    "group.created_one": "group {group} made: {n} member ({ids})",
    "group.created_other": "group {group} made: {n} members ({ids})",
    "group.added": "{group}: {name} is now in the group ({id})",
    "group.back": "{group}: {name} is back in the group, with their id {id} and their history",
    "group.removed": "{group}: {name} leaves the group; their history is kept ({id})",
    "group.renamed": "{group}: {old} is now {new} ({id}); their history follows",
    "group.charter_saved_one": "{group}: charter saved, {n} rule; quorum: {quorum}",
    "group.charter_saved_other": "{group}: charter saved, {n} rules; quorum: {quorum}",
    "group.charter_unchanged": "{group}: the charter is the same, nothing changed",
    "group.charter_template": (
        "# The charter of the group {group}: one rule per line, for example:\n"
        "# - What is said in the group stays in the group\n"
        "# - Say you will be absent at least two days before\n"
        "# - Quorum: 3\n"
        "# Lines starting with # do not count."
    ),
    # group show
    "group.show_title": "Group: {group}",
    "group.show_facilitator": "Facilitator: {name}",
    "group.show_members_one": "Member ({n}):",
    "group.show_members_other": "Members ({n}):",
    "group.show_member": "  {id}  {name}",
    "group.show_left": "  {id}  {name} (left the group on {date})",
    "group.show_sessions": "Sessions planned: {n}",
    "group.show_sessions_unsaid": "Sessions planned: not said",
    "group.show_every": "Rhythm: {every}",
    "group.show_quorum_charter": "Quorum: {n} (set by the charter)",
    "group.show_quorum_half": "Quorum: {n} (half the members, rounded up)",
    "group.show_charter": "Charter:",
    "group.show_rule": "  - {rule}",
    "group.show_no_charter": 'Charter: none yet (codev group charter "{group}")',
    # the group's mistakes
    "group.unknown": "no group named {name!r} (see `codev group list`)",
    "group.exists": "a group named {name!r} already exists (case does not matter)",
    "group.empty_group_name": "the group's name is empty",
    "group.bad_sessions": "{sessions} sessions planned: expected a number, 0 or more",
    "group.no_members": 'the group {group} has no members: --members "A,B,C"',
    "group.bad_quorum": "charter: “{line}” says no quorum; write “quorum: 3”",
    "group.two_quorums": "charter: two quorums (“{first}”, “{second}”); keep one",
    "group.quorum_too_high": "charter: a quorum of {n} for {members} members",
    "group.empty_name": "a member's name is empty",
    "group.comma_in_name": (
        "{name!r}: a name cannot hold a comma (it separates the names of a list)"
    ),
    "group.named_twice": "{name!r} is twice in the list of members (case does not matter)",
    "group.already_member": "{name!r} is already in the group {group}",
    "group.already_left": "{name!r} already left the group {group}",
    "group.no_member": "{group}: no member named {name!r}",
    "group.name_taken": (
        "{group}: the name {name!r} is already a member's, present or past (case does not matter)"
    ),
    "group.charter_empty": "the text is empty: the charter was not changed",
    "group.charter_not_utf8": "{file}: not UTF-8 text; the charter was not changed",
    "group.editor_missing": (
        "cannot start the editor {editor!r} ({reason}); the charter was not changed"
    ),
    "group.editor_failed": (
        "the editor {editor!r} failed (exit status {status}); the charter was not changed"
    ),
    # the group file
    "group.cannot_read": "{path}: cannot read ({reason})",
    "group.not_utf8": f"{{path}}: not valid UTF-8 text; {_UNTOUCHED_EN}",
    "group.bad_toml": f"{{where}}: not readable TOML ({{reason}}); {_UNTOUCHED_EN}",
    "group.too_deep": f"{{path}}: nested too deeply, not a group file; {_UNTOUCHED_EN}",
    "group.newer": (
        f"{{path}}: made by a newer codev: schema {{schema}}, please upgrade; {_UNTOUCHED_EN}"
    ),
    "group.damaged": f"{{where}}: {{field}}: {{what}}; {_UNTOUCHED_EN}",
    "group.bad_schema": "expected {schema}, this is not a codev group file",
    "group.not_table": "missing or not a table",
    "group.not_tables": "not a list of [[members]] tables",
    "group.twice": "twice in the group",
    "group.bad_member_id": "not a member's id (p1, p2…)",
    "group.not_base64": "not valid base64 of UTF-8 text",
    "group.missing_text": "missing, empty or not a text",
    "group.not_text": "not a text",
    "group.not_time": "missing or not a date and time with its offset",
    "group.not_count": "not a whole number, 0 or more",
}
