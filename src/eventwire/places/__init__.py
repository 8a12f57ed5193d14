"""Event location: the offline gazetteer and the stage that finds where an event happened."""
from eventwire.places.evaluate import PlaceScores, evaluate_places
from eventwire.places.gazetteer import Gazetteer
from eventwire.places.locate import dateline_place, locate_event

__all__ = ["Gazetteer", "PlaceScores", "dateline_place", "evaluate_places", "locate_event"]
