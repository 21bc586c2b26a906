"""The minutes of a session and the practice journal, as Markdown: one job per module.

`escape` (the inline escaper), `labels` (the fixed words), `names` (who is who), `facts` (what
the minutes tell, gathered once), `anonymize` (names replaced by roles, before rendering),
`render` (the minutes), `journal` (the practice journal) and `write` (the safe file write).
"""
