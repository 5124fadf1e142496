import datetime as dt

import pytest

from eventwatch.resolve.dates import SAME_DAY, find_dates

PUBLISHED = dt.date(2012, 1, 7)  # a Saturday


@pytest.mark.parametrize("text, date, precision", [
    ("Troops opened fire on Friday.", dt.date(2012, 1, 6), "day"),
    ("The blast happened on Saturday.", dt.date(2012, 1, 7), "day"),
    ("Clashes erupted on Sunday.", dt.date(2012, 1, 1), "day"),
    ("Police said yesterday that 3 were held.", dt.date(2012, 1, 6), "day"),
    ("Gunmen struck late last night.", dt.date(2012, 1, 6), "day"),
    ("Rebels attacked the town today.", dt.date(2012, 1, 7), "day"),
    ("The convoy was hit three days ago.", dt.date(2012, 1, 4), "day"),
    ("Fighting broke out last week.", dt.date(2011, 12, 31), "week"),
    ("The bombing on Jan. 3 killed 4.", dt.date(2012, 1, 3), "day"),
    ("The attack on 28 December left 9 dead.", dt.date(2011, 12, 28), "day"),
    ("Protests began on December 12, 2011.", dt.date(2011, 12, 12), "day"),
    ("The town fell in December 2010.", dt.date(2010, 12, 1), "month"),
    ("The group was founded in 2004.", dt.date(2004, 1, 1), "year"),
])
def test_resolves_against_publication(text, date, precision):
    mentions = [m for m in find_dates(text, published=PUBLISHED) if m.date]
    assert (mentions[0].date, mentions[0].precision) == (date, precision)


def test_never_after_publication():
    for text in ["on Monday", "on Jan. 20", "on 30 December"]:
        for mention in find_dates(text, published=PUBLISHED):
            assert mention.date is None or mention.date <= PUBLISHED


def test_same_day_is_left_to_the_assembler():
    mention = find_dates("On the same day, a bomb exploded.", published=PUBLISHED)[0]
    assert mention.precision == SAME_DAY and mention.date is None


def test_span_offsets_are_shifted():
    text = "Attack on Friday."
    mention = find_dates(text, published=PUBLISHED, offset=100)[0]
    assert (mention.span.start, mention.span.end) == (107, 116)


def test_without_publication_only_dated_expressions_resolve():
    assert [m.date for m in find_dates("on Friday", published=None)] == []
    assert find_dates("on 5 May 2014", published=None)[0].date == dt.date(2014, 5, 5)


@pytest.mark.parametrize("text, date", [
    ("Jets pounded the town overnight Thursday to Friday.", dt.date(2012, 1, 5)),
    ("Clashes raged overnight Friday into Saturday, residents said.", dt.date(2012, 1, 6)),
    ("Shelling continued overnight Tuesday and Wednesday.", dt.date(2012, 1, 3)),
])
def test_overnight_is_one_mention_dated_when_the_night_began(text, date):
    mentions = find_dates(text, published=PUBLISHED)
    assert [(m.date, m.precision) for m in mentions] == [(date, "day")]


@pytest.mark.parametrize("text, date", [
    ("Voters went to the polls on Sunday, Oct. 25, 2015. Rebels ambushed a patrol on Monday.", dt.date(2015, 10, 26)),
    ("Mass killings were reported on 12 July in the village (photo taken 12 July 2012).", dt.date(2012, 7, 12)),
    ("The market was shelled on Thursday, 12 July 2012; on Thursday night the army withdrew.", dt.date(2012, 7, 12)),
])
def test_undated_article_reads_weekdays_and_yearless_dates_against_its_own_full_dates(text, date):
    from eventwatch.resolve.dates import reference_dates

    anchors = reference_dates(text)
    dates = {m.date for m in find_dates(text, published=None, anchors=anchors)}
    assert date in dates


def test_undated_article_without_full_dates_gets_no_weekday_date():
    assert [m.date for m in find_dates("Gunmen attacked a bus on Monday.", published=None, anchors=[])] == []


@pytest.mark.parametrize("text", [
    "The court remanded him in police custody till Jan. 20.",
    "The suspects will stay in custody until January 15.",
    "Curfew was extended up to Monday in the old city.",
    "The hearing was adjourned to 12 January.",
])
def test_a_deadline_is_not_the_date_of_an_event(text):
    assert [m for m in find_dates(text, published=PUBLISHED) if m.date] == []


@pytest.mark.parametrize("text", [
    "The trial opens on Jan. 20.",
    "Elections are due on 15 February.",
])
def test_a_date_weeks_ahead_is_not_last_year(text):
    assert [m.date for m in find_dates(text, published=PUBLISHED) if m.date] == []


def test_a_date_far_ahead_is_the_same_day_last_year():
    mentions = [m for m in find_dates("The raid on 30 December killed 4.", published=PUBLISHED) if m.date]
    assert mentions[0].date == dt.date(2011, 12, 30)


@pytest.mark.parametrize("text, expected", [
    ("killed in a bombing in Grozny in October this year", (dt.date(2014, 10, 1), "month")),
    ("the attack in October last year", (dt.date(2013, 10, 1), "month")),
    ("protests began last March", (dt.date(2014, 3, 1), "month")),
    ("clashes in early December", (dt.date(2014, 12, 1), "month")),
])
def test_month_without_a_year(text, expected):
    mentions = find_dates(text, published=dt.date(2014, 12, 4))
    assert [(m.date, m.precision) for m in mentions] == [expected]


@pytest.mark.parametrize("text", ["They may attack again", "in may", "the march on the capital"])
def test_short_month_words_are_not_months(text):
    assert find_dates(text, published=dt.date(2014, 12, 4)) == []
