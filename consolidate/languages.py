"""The languages of the corpus and which one a command uses when none is asked for.

Kazakh (``kaz``, the state language) and Russian (``rus``) are the authentic
texts of a Kazakh law; Adilet's English (``eng``) is an unofficial
translation.  This module imports nothing: the command line's quick path
reads it.
"""

LANGS = ("rus", "kaz", "eng")

#: the language a command uses when none is asked for and the law has it
PREFERRED = "rus"

#: BCP 47 tags of the languages, for HTML ``lang`` and Akoma Ntoso
BCP47 = {"rus": "ru", "kaz": "kk", "eng": "en"}


def default_lang(available: "tuple[str, ...] | list[str]") -> str:
    """:data:`PREFERRED` (Russian, the authentic text the corpus holds most of) when
    the law has it; else the first language it has (in the order of :data:`LANGS`)."""
    ordered = [lang for lang in LANGS if lang in available]
    return PREFERRED if PREFERRED in ordered or not ordered else ordered[0]
