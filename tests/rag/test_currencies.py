from rag.currencies import currency_names


def test_the_worlds_currencies_are_named_in_english_and_chinese():
    names = set(currency_names())
    # English names, singular and plural; the plural a Romance-language press writes (reais).
    assert {"rupee", "rupees", "riyals", "won", "yen", "dollars", "reais", "pesos"} <= names
    # Chinese names, whole and without their country's.
    assert {"巴西雷亚尔", "雷亚尔", "印度卢比", "卢比", "越南盾", "日元"} <= names
    # Not a single character (越南盾's 盾), nor what after a number is seldom money (3 gold medals).
    assert "盾" not in names and "gold" not in names


def test_longer_names_come_first():
    names = currency_names()
    assert names.index("巴西雷亚尔") < names.index("雷亚尔")
    assert all(name == name.lower() for name in names)
