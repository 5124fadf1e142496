"""Which resolved places cannot be the scene of one event (fast, no model)."""
import pytest

from eventwatch.assemble.merge import _places_conflict
from eventwatch.records import Place

BOYACA = Place("Boyaca", "CO", 5.5, -73.4, 1, None, "admin1")
CAUCA = Place("Cauca", "CO", 2.5, -76.8, 2, None, "admin1")
GUICAN = Place("Guican", "CO", 6.46, -72.41, 3, "Boyacá", "city")
TUNJA = Place("Tunja", "CO", 5.54, -73.36, 4, "Boyacá", "city")


@pytest.mark.parametrize("a, b, conflict", [
    (GUICAN, BOYACA, False),  # a town inside the province, whatever the accents
    (BOYACA, GUICAN, False),
    (GUICAN, CAUCA, True),    # a town outside the province named for the other mention
    (BOYACA, CAUCA, True),    # two provinces
    (GUICAN, TUNJA, True),    # two towns
    (GUICAN, GUICAN, False),
])
def test_places_conflict(a, b, conflict):
    assert _places_conflict(a, b) is conflict
