"""Words of the errors built in the core (codes with values), worded here at the edge.

`{where}` is a location (`phases.toml:12: phases[3].minutes`, `session.toml:40`), `{reason}`
what the system or a library said, as it said it. A value may itself be a problem (`{what}`,
`{cause}`), worded in the same language.
"""

_SALVAGE_EN = "`codev export --salvage` writes out what can still be read"
_SALVAGE_FR = "`codev export --salvage` écrit ce qui peut encore être lu"

FR: dict[str, str] = {
    # -- the phase script: reading and parsing the file --
    "script.no_bundled": "aucun script fourni ne s'appelle {name!r} ; au choix : {names}",
    "script.cannot_read": "{where} : impossible de lire le fichier ({reason})",
    "script.is_folder": (
        "{where} : ce n'est pas un fichier ordinaire (un dossier) ; donnez un fichier .toml"
    ),
    "script.is_device": (
        "{where} : ce n'est pas un fichier ordinaire (un périphérique, un tube ou une socket) ; "
        "donnez un fichier .toml"
    ),
    "script.too_big": "{where} : trop gros pour un script de phases (plus de 1 Mio)",
    "script.bom": (
        "{where} : commence par une marque d'ordre des octets (BOM) ; "
        "enregistrez-le en UTF-8 sans BOM"
    ),
    "script.not_utf8": "{where} : ce n'est pas du texte UTF-8 valide",
    "script.too_deep": (
        "{where} : imbrication trop profonde (plus de {depth} niveaux de [ ] ou {{ }})"
    ),
    "script.dotted_too_deep": (
        "{where} : imbrication trop profonde (une clé à points de plus de {depth} parties)"
    ),
    "script.toml_syntax": "{where} : syntaxe TOML : {reason}",
    "script.invalid": "{where} : ce n'est pas un script de phases valide",
    # -- the phase script: one field --
    "script.missing": "{where} : champ obligatoire manquant",
    "script.unknown_field": "{where} : champ inconnu",
    "script.unknown_field_hint": "{where} : champ inconnu ; vouliez-vous dire `{close}` ?",
    "script.greater_than": "{where} : doit être supérieur à {gt:g}",
    "script.greater_than_equal": "{where} : doit être supérieur ou égal à {ge:g}",
    "script.less_than": "{where} : doit être inférieur à {lt:g}",
    "script.less_than_equal": "{where} : ne doit pas dépasser {le:g}",
    "script.must_be_minutes": "{where} : doit être un nombre de minutes (comme 15 ou 7.5)",
    "script.minutes_positive": "{where} : doit être un nombre fini de minutes, supérieur à 0",
    "script.must_be_integer": "{where} : doit être un nombre entier",
    "script.must_be_text": "{where} : doit être du texte entre guillemets",
    "script.must_not_be_empty": "{where} : ne doit pas être vide",
    "script.too_long": "{where} : trop long ({max_length} caractères au plus)",
    "script.must_be_slug": (
        "{where} : doit être un identifiant en minuscules : lettres a-z, chiffres et « - »"
    ),
    "script.must_be_one_of": "{where} : doit valoir l'une de ces valeurs : {choices}",
    "script.must_be_bool": "{where} : doit valoir true ou false",
    "script.must_be_list": "{where} : doit être une liste ([...] ou des tables [[...]])",
    "script.must_be_table": "{where} : doit être une table",
    "script.needs_an_entry": "{where} : il faut au moins une entrée",
    "script.duplicate_id": "{where} : identifiant en double, déjà pris par une autre phase",
    "script.min_above_minutes": "{where} : ne doit pas dépasser la durée de la phase ({le:g} min)",
    "script.other": "{where} : valeur invalide ({reason})",
    # -- events, as read from a session file --
    "event.bad_seq": "événement {seq} ({type}).seq : absent, ou ce n'est pas un nombre",
    "event.bad_time": (
        "événement {seq} ({type}).t : absent, ou ce n'est pas une heure avec son décalage"
    ),
    "event.implausible_year": (
        "événement {seq} ({type}).t : l'année {year} n'est pas celle d'une séance"
    ),
    "event.field_missing": "événement {seq} ({type}).{field} : absent",
    "event.field_wrong_type": "événement {seq} ({type}).{field} : mauvais type",
    "event.not_a_time": "événement {seq}.{field} : ce n'est pas une heure",
    "event.no_type": "événement {seq} : sans type",
    "event.unknown_type": "type d'événement inconnu {kind!r}",
    # -- the session, as its events are folded --
    "session.no_such_phase": "événement {seq} : la phase {phase} n'est pas dans le script",
    "session.bad_adjust": ("événement {seq} (adjust).seconds : ce n'est pas un nombre de secondes"),
    "session.adjust_no_phase": (
        "événement {seq} (adjust_later).phase : pas de phase de ce nom au script"
    ),
    # -- the session file --
    "store.no_such_file": "{path} : ce fichier de séance n'existe pas",
    "store.cannot_read": "{path} : lecture impossible ({reason})",
    "store.not_regular": "{path} : ce n'est pas un fichier ordinaire, ni un fichier de séance",
    "store.hard_links": (
        "{path} : ce fichier de séance a {links} noms (liens physiques) ; "
        "n'en gardez qu'un (supprimez les autres) pour l'ouvrir"
    ),
    "store.damaged": f"{{where}} : {{what}} ; le fichier n'a pas été modifié ({_SALVAGE_FR})",
    "store.carriage_return": (
        "un retour chariot, que codev n'écrit jamais (fins de ligne converties en CR LF ?)"
    ),
    "store.bad_checksum": "enregistrement endommagé (sa somme de contrôle ne correspond pas)",
    "store.header_changed": "l'en-tête a été modifié (sa somme de contrôle ne correspond pas)",
    "store.not_utf8": "ce n'est pas du texte UTF-8 valide",
    "store.unreadable_record": "enregistrement illisible ({reason})",
    "store.record_too_deep": "enregistrement d'une imbrication trop profonde",
    "store.cannot_apply": "un événement qui ne peut pas être appliqué ({cause})",
    "store.no_header": "{path} : impossible de distinguer l'en-tête des enregistrements",
    "store.header_too_deep": (
        "{where} : imbrication trop profonde, ce n'est pas un en-tête de séance"
    ),
    "store.header_not_utf8": "{where} : ce n'est pas du texte UTF-8 valide",
    "store.unreadable": "{path} : fichier de séance illisible ({reason})",
    "store.newer_event": (
        "{where} : créé par un codev plus récent (type d'événement {kind!r}, inconnu du "
        "schéma {schema}), mettez codev à jour ; le fichier n'a pas été modifié"
    ),
    "store.bad_event": "{where} : {cause} ; le fichier n'a pas été modifié",
    "store.newer_schema": (
        "{path} : créé par un codev plus récent : schéma {schema}, mettez codev à jour ; "
        "le fichier n'a pas été modifié"
    ),
    "store.not_codev": (
        "{path} : schema : {schema} attendu, ce n'est pas un fichier de séance codev"
    ),
    "store.no_session": "{where} : [session] : absent, ce n'est pas un fichier de séance codev",
    "store.header_field": "{where} : session.{field} : {what}",
    "store.not_base64": "ce n'est pas du base64 de texte UTF-8",
    "store.not_text": "ce n'est pas un texte",
    "store.missing_text": "absent, ou ce n'est pas un texte",
    "store.bad_created": "absent, ou ce n'est pas une date et une heure avec son décalage",
    "store.implausible_year": "l'année {year} n'est pas celle d'une séance",
    "store.bad_lang": "fr ou en attendu",
    "store.bad_consultants": "ce n'est pas une liste de noms",
    "store.bad_people": "ce n'est pas une table de noms et d'identifiants",
    "store.bad_quorum": "ce n'est pas un nombre de membres",
    "store.bad_review": "l'action n° {n} du retour est abîmée",
    "store.bad_practice": "true ou false attendu",
    "store.bad_speed": "ce n'est pas un nombre entre 0.1 et 100",
    "store.locked": (
        "{name} est déjà ouvert dans un autre codev (processus {pid}) ; fermez-le d'abord là-bas"
    ),
    "store.locked_elsewhere": (
        "{name} est déjà ouvert dans un autre codev (sous un autre nom) ; fermez-le d'abord là-bas"
    ),
    # -- saving --
    "save.failed": "impossible d'enregistrer {name} : {reason}",
    "export.not_written": "impossible d'écrire dans {dest} : {reason}",
    "export.onto_folder": "impossible d'écrire dans {dest} : c'est un dossier",
    "export.onto_special": (
        "impossible d'écrire dans {dest} : ce n'est pas un fichier ordinaire "
        "(périphérique, tube ou socket) ; -o - l'affiche à l'écran"
    ),
    "export.onto_session": ("impossible d'écrire dans {dest} : c'est le fichier de la séance"),
    "export.onto_any_session": (
        "impossible d'écrire dans {dest} : c'est un fichier de séance codev"
    ),
    "export.onto_lock": ("impossible d'écrire dans {dest} : c'est un fichier de verrou codev"),
    "save.shared_folder": (
        "impossible de garder les séances dans {folder} : un dossier partagé, ou celui d'un "
        "autre utilisateur ; donnez à codev un dossier à lui (CODEV_DATA_DIR)"
    ),
    "save.folder": "impossible d'utiliser le dossier {folder} : {reason}",
    "save.cannot_write": "impossible d'écrire dans {name} : {reason}",
    "save.not_private": "impossible de rendre {name} privé : {reason}",
    "save.not_saved": "non enregistré : {reason}",
    "save.replaced": "{name} a été remplacé par un autre programme ; non enregistré : {cause}",
    "save.not_deleted": "non supprimé : {cause}",
    "save.cannot_remove": "impossible de supprimer {name} : {reason}",
    "save.cannot_lock": "impossible de verrouiller {name} : {reason}",
    "save.lock_symlink": (
        "impossible de verrouiller {name} : {lock} est un lien symbolique, pas le fichier de "
        "verrou de codev ; supprimez-le"
    ),
    "save.lock_not_ours": (
        "impossible de verrouiller {name} : {lock} n'est pas le fichier de verrou de codev "
        "(un autre propriétaire, un autre lien ou un autre contenu) ; supprimez-le"
    ),
}

EN: dict[str, str] = {
    # -- the phase script: reading and parsing the file --
    "script.no_bundled": "no bundled script named {name!r}: one of {names}",
    "script.cannot_read": "{where}: cannot read the file ({reason})",
    "script.is_folder": "{where}: not a regular file (a folder); give a .toml file",
    "script.is_device": "{where}: not a regular file (a device, pipe or socket); give a .toml file",
    "script.too_big": "{where}: too big for a phase script (more than 1 MiB)",
    "script.bom": "{where}: starts with a byte order mark (BOM); save as UTF-8 without BOM",
    "script.not_utf8": "{where}: not valid UTF-8 text",
    "script.too_deep": "{where}: nested too deeply (over {depth} levels of [ ] or {{ }})",
    "script.dotted_too_deep": "{where}: nested too deeply (a dotted key of over {depth} parts)",
    "script.toml_syntax": "{where}: TOML syntax: {reason}",
    "script.invalid": "{where}: not a valid phase script",
    # -- the phase script: one field --
    "script.missing": "{where}: required field is missing",
    "script.unknown_field": "{where}: unknown field",
    "script.unknown_field_hint": "{where}: unknown field; did you mean `{close}`?",
    "script.greater_than": "{where}: must be greater than {gt:g}",
    "script.greater_than_equal": "{where}: must be at least {ge:g}",
    "script.less_than": "{where}: must be less than {lt:g}",
    "script.less_than_equal": "{where}: must be at most {le:g}",
    "script.must_be_minutes": "{where}: must be a number of minutes (like 15 or 7.5)",
    "script.minutes_positive": "{where}: must be a finite number of minutes greater than 0",
    "script.must_be_integer": "{where}: must be a whole number",
    "script.must_be_text": "{where}: must be text in quotes",
    "script.must_not_be_empty": "{where}: must not be empty",
    "script.too_long": "{where}: is too long (at most {max_length} characters)",
    "script.must_be_slug": "{where}: must be a lowercase slug: letters a-z, digits and '-'",
    "script.must_be_one_of": "{where}: must be one of {choices}",
    "script.must_be_bool": "{where}: must be true or false",
    "script.must_be_list": "{where}: must be a list ([...] or [[...]] tables)",
    "script.must_be_table": "{where}: must be a table",
    "script.needs_an_entry": "{where}: needs at least one entry",
    "script.duplicate_id": "{where}: duplicate id, already used by another phase",
    "script.min_above_minutes": "{where}: must not exceed the phase's length ({le:g} min)",
    "script.other": "{where}: invalid value ({reason})",
    # -- events, as read from a session file --
    "event.bad_seq": "event {seq} ({type}).seq: missing or not a number",
    "event.bad_time": "event {seq} ({type}).t: missing or not a time with its offset",
    "event.implausible_year": "event {seq} ({type}).t: the year {year} is not a session's",
    "event.field_missing": "event {seq} ({type}).{field}: missing",
    "event.field_wrong_type": "event {seq} ({type}).{field}: wrong type",
    "event.not_a_time": "event {seq}.{field}: not a time",
    "event.no_type": "event {seq}: no type",
    "event.unknown_type": "unknown event type {kind!r}",
    # -- the session, as its events are folded --
    "session.no_such_phase": "event {seq}: phase {phase} is not in the script",
    "session.bad_adjust": "event {seq} (adjust).seconds: not a number of seconds",
    "session.adjust_no_phase": "event {seq} (adjust_later).phase: no such phase in the script",
    # -- the session file --
    "store.no_such_file": "{path}: no such session file",
    "store.cannot_read": "{path}: cannot read ({reason})",
    "store.not_regular": "{path}: not a regular file, not a session file",
    "store.hard_links": (
        "{path}: this session file has {links} names (hard links); "
        "keep one (remove the others) to open it"
    ),
    "store.damaged": f"{{where}}: {{what}}; the file was left untouched ({_SALVAGE_EN})",
    "store.carriage_return": (
        "a carriage return, which codev never writes (converted to CR LF line ends?)"
    ),
    "store.bad_checksum": "damaged record (its checksum does not match)",
    "store.header_changed": "the header was changed (its checksum does not match)",
    "store.not_utf8": "not valid UTF-8 text",
    "store.unreadable_record": "not a readable record ({reason})",
    "store.record_too_deep": "record nested too deeply",
    "store.cannot_apply": "an event that cannot be applied ({cause})",
    "store.no_header": "{path}: the header cannot be told from the records",
    "store.header_too_deep": "{where}: nested too deeply, not a session header",
    "store.header_not_utf8": "{where}: not valid UTF-8 text",
    "store.unreadable": "{path}: not a readable session file ({reason})",
    "store.newer_event": (
        "{where}: made by a newer codev (event type {kind!r}, unknown to schema {schema}), "
        "please upgrade; the file was left untouched"
    ),
    "store.bad_event": "{where}: {cause}; the file was left untouched",
    "store.newer_schema": (
        "{path}: made by a newer codev: schema {schema}, please upgrade; "
        "the file was left untouched"
    ),
    "store.not_codev": "{path}: schema: expected {schema}, this is not a codev session file",
    "store.no_session": "{where}: [session]: missing, not a codev session file",
    "store.header_field": "{where}: session.{field}: {what}",
    "store.not_base64": "not valid base64 of UTF-8 text",
    "store.not_text": "not a text",
    "store.missing_text": "missing or not a text",
    "store.bad_created": "missing or not a date and time with its offset",
    "store.implausible_year": "the year {year} is not a session's",
    "store.bad_lang": "expected fr or en",
    "store.bad_consultants": "not a list of names",
    "store.bad_people": "not a table of names and ids",
    "store.bad_quorum": "not a number of members",
    "store.bad_review": "reviewed action number {n} is damaged",
    "store.bad_practice": "expected true or false",
    "store.bad_speed": "not a number from 0.1 to 100",
    "store.locked": "{name} is already open in another codev (process {pid}); close it there first",
    "store.locked_elsewhere": (
        "{name} is already open in another codev (under another name); close it there first"
    ),
    # -- saving --
    "save.failed": "could not save {name}: {reason}",
    "export.not_written": "could not write to {dest}: {reason}",
    "export.onto_folder": "cannot write to {dest}: it is a folder",
    "export.onto_special": (
        "cannot write to {dest}: not a regular file (a device, pipe or socket); "
        "use -o - for the screen"
    ),
    "export.onto_session": "cannot write to {dest}: it is the session file",
    "export.onto_any_session": "cannot write to {dest}: it is a codev session file",
    "export.onto_lock": "cannot write to {dest}: it is a codev lock file",
    "save.shared_folder": (
        "cannot keep sessions in {folder}: a shared folder, or another user's; "
        "give codev a folder of its own (CODEV_DATA_DIR)"
    ),
    "save.folder": "cannot use the folder {folder}: {reason}",
    "save.cannot_write": "cannot write to {name}: {reason}",
    "save.not_private": "cannot make {name} private: {reason}",
    "save.not_saved": "not saved: {reason}",
    "save.replaced": "{name} was replaced by another program; not saved: {cause}",
    "save.not_deleted": "not deleted: {cause}",
    "save.cannot_remove": "cannot remove {name}: {reason}",
    "save.cannot_lock": "cannot lock {name}: {reason}",
    "save.lock_symlink": (
        "cannot lock {name}: {lock} is a symbolic link, not codev's lock file; remove it"
    ),
    "save.lock_not_ours": (
        "cannot lock {name}: {lock} is not codev's lock file (another owner, another link or "
        "other content); remove it"
    ),
}
