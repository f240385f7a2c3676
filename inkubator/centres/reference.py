"""Kemnaker's vocation list (kejuruan) as first loaded; afterwards it is edited in the application.

Source: the 2019 list and the 23 kejuruan of June 2021 reported by Kemnaker (see shared BRIEF §2.3),
with the new fields announced in 2021. The official list of 24 is not public; admins complete it.
"""

VOCATIONS = [
    ("teknik-otomotif", "Teknik Otomotif", "Automotive engineering"),
    ("otomotif-sepeda-motor", "Otomotif Sepeda Motor", "Motorcycle automotive"),
    ("teknik-pendingin", "Teknik Pendingin dan Tata Udara", "Refrigeration and air conditioning"),
    ("teknik-listrik", "Teknik Listrik", "Electrical installation"),
    ("teknik-las", "Teknik Las", "Welding"),
    ("furniture-kriya-kayu", "Furniture dan Kriya Kayu", "Furniture and woodworking"),
    ("teknik-perkapalan", "Teknik Perkapalan", "Shipbuilding"),
    (
        "infrastruktur-telekomunikasi",
        "Instalasi Infrastruktur Telekomunikasi",
        "Telecommunication infrastructure (VSAT, fibre optic, BTS)",
    ),
    ("elektronika", "Elektronika", "Electronics"),
    ("teknik-informatika", "Teknik Informatika", "Information technology"),
    ("robotika", "Robotika", "Robotics"),
    ("multimedia", "Multimedia", "Multimedia"),
    ("dkv", "Desain Komunikasi Visual", "Visual communication design"),
    ("pengolahan-hasil-pertanian", "Pengolahan Hasil Pertanian", "Agricultural product processing"),
    ("pengolahan-hasil-perikanan", "Pengolahan Hasil Perikanan", "Fishery product processing"),
    ("kesenian", "Kesenian", "Performing arts"),
    ("seni-kriya", "Seni Kriya", "Crafts"),
    ("garmen-apparel", "Garmen Apparel (Menjahit)", "Garment and sewing"),
    ("bahasa", "Bahasa", "Languages"),
    ("industri-kreatif", "Industri Kreatif", "Creative industry"),
    ("kuliner", "Kuliner", "Culinary"),
    ("barista", "Barista", "Barista"),
    ("spa-therapist", "Spa Therapist", "Spa therapy"),
    ("animasi", "Animasi", "Animation"),
    ("konten-kreator", "Film dan Konten Kreator", "Film and content creation"),
]
