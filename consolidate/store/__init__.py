"""The store: what the engine keeps between runs, in one cache folder.

``files`` (the folder, file stamps, atomic writes, the packed layout of an
index; imports nothing of the engine), ``timelines`` (compiled time lines,
keyed by their inputs), ``text_index`` (a law's text on any date without the
time line) and ``diff_index`` (what changed between any two dates without it).
"""
