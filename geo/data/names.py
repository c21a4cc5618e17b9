"""Names of Ukraine's 27 first-level units, keyed by ISO 3166-2 code.

Natural Earth carries old transliterations (Donets'k, Zaporizhzhya, Kiev, Odessa), gives
Kyiv city and Kyiv oblast the same English name and a wrong Ukrainian name to the oblast;
this table is the one place where the current official romanisation (Cabinet of Ministers
of Ukraine, 2010) and the Ukrainian names are set. Join on the codes, never on names.
"""

from __future__ import annotations

#: ISO 3166-2 code -> (English name, Ukrainian name)
UNIT_NAMES: dict[str, tuple[str, str]] = {
    "UA-05": ("Vinnytsia Oblast", "Вінницька область"),
    "UA-07": ("Volyn Oblast", "Волинська область"),
    "UA-09": ("Luhansk Oblast", "Луганська область"),
    "UA-12": ("Dnipropetrovsk Oblast", "Дніпропетровська область"),
    "UA-14": ("Donetsk Oblast", "Донецька область"),
    "UA-18": ("Zhytomyr Oblast", "Житомирська область"),
    "UA-21": ("Zakarpattia Oblast", "Закарпатська область"),
    "UA-23": ("Zaporizhzhia Oblast", "Запорізька область"),
    "UA-26": ("Ivano-Frankivsk Oblast", "Івано-Франківська область"),
    "UA-30": ("Kyiv City", "місто Київ"),
    "UA-32": ("Kyiv Oblast", "Київська область"),
    "UA-35": ("Kirovohrad Oblast", "Кіровоградська область"),
    "UA-40": ("Sevastopol", "місто Севастополь"),
    "UA-43": ("Autonomous Republic of Crimea", "Автономна Республіка Крим"),
    "UA-46": ("Lviv Oblast", "Львівська область"),
    "UA-48": ("Mykolaiv Oblast", "Миколаївська область"),
    "UA-51": ("Odesa Oblast", "Одеська область"),
    "UA-53": ("Poltava Oblast", "Полтавська область"),
    "UA-56": ("Rivne Oblast", "Рівненська область"),
    "UA-59": ("Sumy Oblast", "Сумська область"),
    "UA-61": ("Ternopil Oblast", "Тернопільська область"),
    "UA-63": ("Kharkiv Oblast", "Харківська область"),
    "UA-65": ("Kherson Oblast", "Херсонська область"),
    "UA-68": ("Khmelnytskyi Oblast", "Хмельницька область"),
    "UA-71": ("Cherkasy Oblast", "Черкаська область"),
    "UA-74": ("Chernihiv Oblast", "Чернігівська область"),
    "UA-77": ("Chernivtsi Oblast", "Чернівецька область"),
}

#: The code used for Ukraine as a whole in tables and published figures.
UKRAINE = "UA"
UKRAINE_NAMES = ("Ukraine", "Україна")
