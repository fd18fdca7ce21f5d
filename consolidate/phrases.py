"""Phrases the engine writes into what it returns, which renderers print as they are.

Kept apart from the renderers (and free of heavy imports: the indexes'
quick paths read it) so that the engine never imports a renderer.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing is not imported: the quick paths read this module
if TYPE_CHECKING:
    import datetime as _dt


def uncertain_warning(act: str, day: "_dt.date", earliest: "_dt.date", latest: "_dt.date", not_yet: bool) -> str:
    """The warning on a unit that an act of unknown first publication touches,
    on a day inside the interval in which it took effect."""
    return (f"{act} may or may not be in effect on {day.isoformat()}: its first publication "
            f"is not known, so it took effect between {earliest.isoformat()} and "
            f"{latest.isoformat()}; shown as {'not yet' if not_yet else 'already'} in effect")


#: in a suspension's derivation: the wording shown is the act's interim one (the note of a
#: suspended unit says so only then)
INTERIM_SHOWN = "the interim wording the act sets for that time is shown"
