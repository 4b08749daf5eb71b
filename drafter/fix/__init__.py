"""`drafter fix`: what `check` finds with one right answer, fixed in the writer's own file.

    findings (with edits) ──plan──▶ atomic edits on the lines as read ──write──▶ .txt / .docx with tracked changes

`plan.py` turns the findings' edits into small non-overlapping character edits and settles conflicts;
`text_writer.py` applies them to a .txt in its own encoding and line endings; `docx_tracked.py` writes them
into a .docx as Word tracked changes (the only module here that touches OOXML); `diff.py` prints the
`--dry-run` diff; `engine.py` runs check → plan → write → check again.
"""
