"""What comes out of a group's cycle: each person's learning log and the end-of-cycle review.

`facts.gather` reads the cycle's sessions once, per member id; `journal.render_journal` and
`review.render_review` lay the facts out as Markdown; `chart.bar_chart` draws the review's bars.
"""
