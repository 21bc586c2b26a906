"""The words of the group (`codev group`, the group file's errors)."""

_UNTOUCHED_FR = "le fichier n'a pas été modifié"
_UNTOUCHED_EN = "the file was left untouched"

FR: dict[str, str] = {
    # the group's mistakes
    "group.unknown": "aucun groupe nommé {name!r} (voir `codev group list`)",
    "group.exists": "un groupe nommé {name!r} existe déjà (les majuscules ne comptent pas)",
    "group.empty_group_name": "le nom du groupe est vide",
    "group.bad_sessions": "{sessions} séances prévues : un nombre, 0 ou plus, est attendu",
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
    # the group's mistakes
    "group.unknown": "no group named {name!r} (see `codev group list`)",
    "group.exists": "a group named {name!r} already exists (case does not matter)",
    "group.empty_group_name": "the group's name is empty",
    "group.bad_sessions": "{sessions} sessions planned: expected a number, 0 or more",
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
