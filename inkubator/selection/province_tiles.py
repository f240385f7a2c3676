"""Tile-grid map of Indonesia: each of the 38 provinces (Kemendagri codes) as one square tile.

No freely licensed province boundary file exists on the registries (DESIGN.md §4), so maps of
provinces are drawn as a grid of equal tiles placed roughly where the province lies: Sumatra on the
left running north-west to south-east, Java and Nusa Tenggara along the bottom, Kalimantan, Sulawesi
and Maluku in the middle, the six Papua provinces on the right. Row 0 is the top, column 0 the left.
The abbreviation is the province's ISO 3166-2:ID subdivision code without the ``ID-`` prefix.
"""

# code: (row, column, abbreviation)
TILES: dict[str, tuple[int, int, str]] = {
    "11": (0, 0, "AC"),  # Aceh
    "12": (1, 1, "SU"),  # Sumatera Utara
    "14": (1, 2, "RI"),  # Riau
    "21": (1, 3, "KR"),  # Kepulauan Riau
    "13": (2, 1, "SB"),  # Sumatera Barat
    "15": (2, 2, "JA"),  # Jambi
    "17": (3, 2, "BE"),  # Bengkulu
    "16": (3, 3, "SS"),  # Sumatera Selatan
    "19": (3, 4, "BB"),  # Kepulauan Bangka Belitung
    "18": (4, 3, "LA"),  # Lampung
    "31": (4, 5, "JK"),  # DKI Jakarta
    "36": (5, 4, "BT"),  # Banten
    "32": (5, 5, "JB"),  # Jawa Barat
    "33": (5, 6, "JT"),  # Jawa Tengah
    "34": (6, 6, "YO"),  # DI Yogyakarta
    "35": (5, 7, "JI"),  # Jawa Timur
    "51": (5, 8, "BA"),  # Bali
    "52": (5, 9, "NB"),  # Nusa Tenggara Barat
    "53": (5, 10, "NT"),  # Nusa Tenggara Timur
    "65": (1, 6, "KU"),  # Kalimantan Utara
    "61": (2, 5, "KB"),  # Kalimantan Barat
    "62": (2, 6, "KT"),  # Kalimantan Tengah
    "64": (2, 7, "KI"),  # Kalimantan Timur
    "63": (3, 7, "KS"),  # Kalimantan Selatan
    "75": (1, 9, "GO"),  # Gorontalo
    "71": (1, 10, "SA"),  # Sulawesi Utara
    "72": (2, 9, "ST"),  # Sulawesi Tengah
    "76": (3, 8, "SR"),  # Sulawesi Barat
    "73": (3, 9, "SN"),  # Sulawesi Selatan
    "74": (3, 10, "SG"),  # Sulawesi Tenggara
    "82": (1, 12, "MU"),  # Maluku Utara
    "81": (3, 12, "MA"),  # Maluku
    "96": (1, 13, "PD"),  # Papua Barat Daya
    "92": (2, 14, "PB"),  # Papua Barat
    "91": (1, 16, "PA"),  # Papua
    "94": (2, 15, "PT"),  # Papua Tengah
    "95": (2, 16, "PE"),  # Papua Pegunungan
    "93": (3, 16, "PS"),  # Papua Selatan
}
