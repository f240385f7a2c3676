"""The default readiness instrument as a plain spec (see `instrument_io` for the schema).

Built from the incubation standard of Permenkop UKM 3/2021 (items a–e: registration, professional
staff with a full-time manager, facilities, incubation curriculum, continuing funding) and the
KemenKopUKM incubator recognition criteria (founding decree, legitimate space, SOPs for tenant
selection, graduation and post-incubation monitoring, short- and medium-term work programmes), plus
the weakness factors reported for Indonesian incubators (non-professional managers, short-term funds,
limited facilities). It is **not** an official Kemnaker instrument: the IPB/UINSA pre-identification
instrument is not public. Treat it as an editable starting point.

Dimension weights (our choice, to be revisited, e.g. with AHP): the four dimensions that carry the
Permenkop items a–d and the recognition criteria get 0.15 each (A–D); funding (item e) and the three
context dimensions (networks, track record, local potential) get 0.10 each. They sum to exactly 1.
Within a dimension most indicators weigh 1; the founding decree (A1), the full-time managers (B1)
and the curriculum (D1) weigh 2 because the standard names them explicitly. Free-text indicators are
not scored (weight 0).
"""

from __future__ import annotations

YES_NO_OPTIONS = [
    {"value": "yes", "label": "Ya", "label_en": "Yes", "score": "1"},
    {"value": "no", "label": "Tidak", "label_en": "No", "score": "0"},
]


def _indicator(code, kind, question, question_en, guidance, guidance_en, *, weight="1", evidence=True,
               required=True, unit="", unit_en="", min_value=None, max_value=None, options=(), bands=()):
    return {
        "code": code, "kind": kind,
        "question": question, "question_en": question_en,
        "guidance": guidance, "guidance_en": guidance_en,
        "weight": weight, "required": required, "evidence_required": evidence,
        "unit": unit, "unit_en": unit_en, "min_value": min_value, "max_value": max_value,
        "options": [dict(o) for o in options], "bands": [dict(b) for b in bands],
    }


def _scale(code, question, question_en, guidance, guidance_en, levels, **kw):
    """A 1–5 scale: `levels` is five (Indonesian, English) anchored descriptions, lowest first."""
    options = [
        {"value": str(n), "label": label, "label_en": label_en, "score": str(n)}
        for n, (label, label_en) in enumerate(levels, start=1)
    ]
    return _indicator(code, "scale", question, question_en, guidance, guidance_en, options=options, **kw)


def _yes_no(code, question, question_en, guidance, guidance_en, **kw):
    return _indicator(code, "yes_no", question, question_en, guidance, guidance_en, options=YES_NO_OPTIONS, **kw)


def _choice(code, question, question_en, guidance, guidance_en, options, **kw):
    """`options` is (value, Indonesian label, English label, points)."""
    opts = [{"value": v, "label": label, "label_en": label_en, "score": s} for v, label, label_en, s in options]
    return _indicator(code, "choice", question, question_en, guidance, guidance_en, options=opts, **kw)


def _number(code, question, question_en, guidance, guidance_en, bands, **kw):
    """`bands` is (lower inclusive, upper exclusive or None, points)."""
    rows = [{"lower": lo, "upper": up, "score": s} for lo, up, s in bands]
    return _indicator(code, "number", question, question_en, guidance, guidance_en, bands=rows, **kw)


def _text(code, question, question_en, guidance, guidance_en):
    return _indicator(code, "text", question, question_en, guidance, guidance_en,
                      weight="0", evidence=False, required=False)


PEOPLE = {"unit": "orang", "unit_en": "people"}

DIMENSION_A = {
    "code": "A", "name": "Kelembagaan dan legalitas", "name_en": "Institution and legality", "weight": "0.15",
    "indicators": [
        _yes_no(
            "A1",
            "Apakah sudah ada SK pendirian inkubator wirausaha yang ditetapkan oleh pimpinan lembaga induk "
            "(yayasan, pondok pesantren, atau serikat pekerja)?",
            "Has the head of the parent body (foundation, pesantren or trade union) issued a founding decree "
            "(SK pendirian) for the entrepreneurship incubator?",
            "Minta SK aslinya dan foto halaman yang memuat nomor, tanggal, dan tanda tangan. SK BLK Komunitas "
            "atau SK pengelola pelatihan saja belum cukup: SK harus menyebut inkubator atau inkubasi wirausaha. "
            "Untuk koperasi, akta notaris pendirian inkubator dapat menggantikan SK.",
            "Ask for the original decree and photograph the page with its number, date and signature. A decree "
            "for the BLK Komunitas or its training staff alone is not enough: it must name the entrepreneurship "
            "incubator or incubation. For a cooperative, a notarial deed establishing the incubator replaces "
            "the decree.",
            weight="2",
        ),
        _choice(
            "A2",
            "Apa bentuk hukum lembaga induk yang menaungi BLK Komunitas?",
            "What is the legal form of the parent body that hosts the BLK Komunitas?",
            "Periksa akta pendirian dan SK pengesahan badan hukum dari Kemenkumham (AHU). Untuk serikat "
            "pekerja/serikat buruh, periksa bukti pencatatan dari Disnaker kabupaten/kota. Pilih sesuai "
            "dokumen yang diperlihatkan, bukan keterangan lisan.",
            "Check the deed of establishment and the Ministry of Law (AHU) approval of legal-entity status. For "
            "a trade union, check the registration receipt from the regency or city Disnaker. Choose according "
            "to the documents shown, not to what you are told.",
            [
                ("yayasan", "Yayasan berbadan hukum (akta notaris dan SK pengesahan Kemenkumham)",
                 "Foundation with legal-entity status (notarial deed and Ministry of Law approval)", "2"),
                ("perkumpulan", "Perkumpulan berbadan hukum (akta notaris dan SK pengesahan Kemenkumham)",
                 "Association with legal-entity status (notarial deed and Ministry of Law approval)", "2"),
                ("koperasi", "Koperasi berbadan hukum, termasuk koperasi pondok pesantren (kopontren)",
                 "Cooperative with legal-entity status, including a pesantren cooperative (kopontren)", "2"),
                ("serikat", "Serikat pekerja/serikat buruh yang tercatat di Disnaker",
                 "Trade union registered with the regional manpower office (Disnaker)", "2"),
                ("belum_bh", "Lembaga belum berbadan hukum (hanya akta notaris atau surat keterangan)",
                 "Body without legal-entity status (notarial deed or statement letter only)", "1"),
                ("tidak_ada", "Tidak ada dokumen pendirian lembaga", "No founding document for the body", "0"),
            ],
        ),
        _yes_no(
            "A3",
            "Apakah lembaga induk atau BLK Komunitas memiliki NIB (Nomor Induk Berusaha) yang terbit melalui OSS?",
            "Does the parent body or the BLK Komunitas hold a business identification number (NIB) issued "
            "through OSS?",
            "Minta cetakan NIB atau buka akun OSS bersama pengelola. Catat nomor NIB (13 digit) dan KBLI yang "
            "terdaftar di kolom catatan. NIB atas nama pribadi pengurus tidak dihitung.",
            "Ask for the printed NIB or open the OSS account with the manager. Record the 13-digit NIB and the "
            "registered KBLI codes in the note field. An NIB in a board member's personal name does not count.",
        ),
        _scale(
            "A4",
            "Bagaimana status izin dan mutu BLK Komunitas sebagai lembaga pelatihan?",
            "What is the licensing and quality status of the BLK Komunitas as a training provider?",
            "Periksa VIN (Vocational Identification Number), izin operasional LPK dari Disnaker/DPMPTSP beserta "
            "masa berlakunya, dan sertifikat akreditasi LA-LPK bila ada.",
            "Check the VIN (Vocational Identification Number), the training-provider operating licence from "
            "Disnaker/DPMPTSP and its validity, and the LA-LPK accreditation certificate if there is one.",
            [
                ("Belum memiliki VIN dan belum memiliki izin operasional.", "No VIN and no operating licence."),
                ("Sudah memiliki VIN, tetapi izin operasional belum diurus atau sudah habis masa berlakunya.",
                 "Has a VIN, but the operating licence has not been applied for or has expired."),
                ("Memiliki VIN dan izin operasional yang masih berlaku.", "Has a VIN and a valid operating licence."),
                ("VIN dan izin operasional berlaku, dan akreditasi LA-LPK sedang diproses (ada bukti pengajuan).",
                 "Valid VIN and operating licence, and LA-LPK accreditation is in progress (proof of application "
                 "shown)."),
                ("VIN dan izin operasional berlaku, dan BLK Komunitas sudah terakreditasi LA-LPK.",
                 "Valid VIN and operating licence, and the BLK Komunitas is LA-LPK accredited."),
            ],
        ),
        _scale(
            "A5",
            "Sejauh mana inkubator sudah terdaftar sesuai Permenkop UKM 3/2021 (tanda daftar melalui sistem "
            "pendaftaran inkubator)?",
            "How far has the incubator got with registration under Permenkop UKM 3/2021 (registration "
            "certificate through the incubator registration system)?",
            "Tanyakan apakah pengelola mengetahui kewajiban tanda daftar inkubator, lalu minta bukti pengajuan "
            "atau tanda daftarnya. Tanda daftar adalah syarat pertama standar penyelenggaraan inkubasi.",
            "Ask whether the managers know that an incubator must be registered, then ask for proof of "
            "application or the registration certificate. Registration is the first item of the incubation "
            "standard.",
            [
                ("Pengelola belum mengetahui kewajiban tanda daftar inkubator.",
                 "The managers do not know that an incubator must be registered."),
                ("Pengelola mengetahui kewajiban tersebut, tetapi belum ada langkah persiapan.",
                 "The managers know the requirement but have taken no steps."),
                ("Dokumen persyaratan pendaftaran (SK, struktur organisasi, program kerja) sedang disiapkan.",
                 "The registration documents (decree, organisation chart, work programme) are being prepared."),
                ("Pendaftaran sudah diajukan dan menunggu hasil verifikasi.",
                 "Registration has been submitted and is awaiting verification."),
                ("Inkubator sudah memperoleh tanda daftar yang masih berlaku.",
                 "The incubator holds a valid registration certificate."),
            ],
        ),
    ],
}

DIMENSION_B = {
    "code": "B", "name": "Pengelola dan SDM", "name_en": "Management and staff", "weight": "0.15",
    "indicators": [
        _number(
            "B1",
            "Berapa orang pengelola inkubator yang bekerja penuh waktu?",
            "How many incubator managers work full time?",
            "Hitung hanya pengelola yang ditugaskan dengan SK atau surat tugas dan bekerja setiap hari kerja "
            "untuk BLK Komunitas atau inkubator. Guru, ustaz, atau pengurus yayasan yang hanya sesekali "
            "membantu tidak dihitung. Permenkop UKM 3/2021 mensyaratkan minimal 1 pengelola penuh waktu.",
            "Count only managers appointed by decree or assignment letter who work every working day for the "
            "BLK Komunitas or the incubator. Teachers, ustaz or foundation board members who help now and then "
            "do not count. Permenkop UKM 3/2021 requires at least one full-time manager.",
            [("0", "1", "0"), ("1", "2", "1"), ("2", "4", "2"), ("4", None, "3")],
            weight="2", min_value="0", max_value="100", **PEOPLE,
        ),
        _scale(
            "B2",
            "Bagaimana kompetensi kewirausahaan dan pengalaman pengelola dalam mendampingi usaha?",
            "How strong are the managers' entrepreneurship skills and their experience in mentoring businesses?",
            "Wawancarai ketua dan pengelola. Minta sertifikat pelatihan (misalnya pelatihan pengelola inkubator "
            "dari BBPKK atau KemenKopUKM, sertifikat kompetensi BNSP) dan tanyakan usaha yang pernah atau sedang "
            "dijalankan sendiri.",
            "Interview the head and the managers. Ask for training certificates (for example incubator-manager "
            "training from BBPKK or KemenKopUKM, BNSP competency certificates) and ask about businesses they run "
            "or have run themselves.",
            [
                ("Belum ada pengelola yang pernah mengikuti pelatihan kewirausahaan atau menjalankan usaha.",
                 "No manager has attended entrepreneurship training or run a business."),
                ("Pengelola baru pernah mengikuti sosialisasi atau seminar kewirausahaan.",
                 "The managers have only attended entrepreneurship briefings or seminars."),
                ("Minimal satu pengelola sudah mengikuti pelatihan atau bimtek pengelolaan inkubator.",
                 "At least one manager has completed incubator-management training or a technical workshop "
                 "(bimtek)."),
                ("Pengelola sudah terlatih dan minimal satu orang menjalankan usaha sendiri selama 2 tahun atau "
                 "lebih.",
                 "The managers are trained and at least one has run their own business for two years or more."),
                ("Selain itu, minimal satu pengelola memiliki sertifikat kompetensi BNSP di bidang pendampingan "
                 "wirausaha dan sudah pernah mendampingi UMKM.",
                 "In addition, at least one manager holds a BNSP competency certificate in entrepreneurship "
                 "mentoring and has mentored MSMEs."),
            ],
        ),
        _scale(
            "B3",
            "Apakah tersedia pendamping atau mentor usaha bagi calon tenant?",
            "Are business mentors available for prospective tenants?",
            "Tanyakan siapa saja mentornya (dosen PTKIN atau perguruan tinggi lain, praktisi, pengusaha alumni, "
            "penyuluh Dinas Koperasi dan UKM), bidang keahliannya, dan seberapa sering hadir. Minta surat "
            "kesediaan, naskah kerja sama, atau catatan pendampingan.",
            "Ask who the mentors are (lecturers from PTKIN or other universities, practitioners, alumni "
            "entrepreneurs, extension officers of the cooperatives and SME office), their fields and how often "
            "they come. Ask for letters of commitment, cooperation agreements or mentoring logs.",
            [
                ("Tidak ada mentor usaha.", "No business mentor."),
                ("Narasumber diundang sesekali tanpa kesepakatan tertulis.",
                 "Speakers are invited now and then without a written agreement."),
                ("Ada minimal satu mentor tetap yang mendampingi secara berkala.",
                 "At least one regular mentor visits on a set schedule."),
                ("Ada tim mentor (minimal dua orang) dengan bidang berbeda, misalnya produksi, pemasaran, dan "
                 "keuangan, dengan jadwal tertulis.",
                 "A team of at least two mentors covers different fields (for example production, marketing and "
                 "finance) with a written schedule."),
                ("Tim mentor bekerja berdasarkan kesepakatan tertulis dan ada catatan pendampingan untuk setiap "
                 "peserta.",
                 "The mentor team works under a written agreement and keeps a mentoring log for each "
                 "participant."),
            ],
        ),
        _number(
            "B4",
            "Berapa orang instruktur kejuruan yang aktif mengajar dan sudah mengikuti pelatihan instruktur?",
            "How many vocational instructors are actively teaching and have completed instructor training?",
            "Hitung instruktur yang mengajar dalam 12 bulan terakhir dan memiliki sertifikat pelatihan "
            "instruktur (misalnya dari BBPLK atau BLK pemerintah) atau sertifikat kompetensi. Minta daftar "
            "instruktur beserta sertifikatnya.",
            "Count instructors who taught in the last 12 months and hold an instructor-training certificate "
            "(for example from a BBPLK or a government BLK) or a competency certificate. Ask for the list of "
            "instructors and their certificates.",
            [("0", "1", "0"), ("1", "2", "1"), ("2", None, "2")],
            min_value="0", max_value="100", **PEOPLE,
        ),
    ],
}

DIMENSION_C = {
    "code": "C", "name": "Sarana dan prasarana", "name_en": "Facilities and infrastructure", "weight": "0.15",
    "indicators": [
        _number(
            "C1",
            "Berapa luas ruang di dalam lokasi (in-wall) yang dapat dipakai tenant untuk usahanya?",
            "How much floor space on site (in-wall) can tenants use for their businesses?",
            "Ukur atau perkirakan luas ruang yang disediakan khusus untuk usaha tenant (produksi, kantor kecil, "
            "gudang). Workshop pelatihan yang dipakai bergantian, masjid, dan asrama santri tidak dihitung. "
            "Foto setiap ruang.",
            "Measure or estimate the space set aside for tenant businesses (production, small offices, "
            "storage). Do not count the shared training workshop, the mosque or student dormitories. "
            "Photograph each room.",
            [("0", "10", "0"), ("10", "25", "1"), ("25", "50", "2"), ("50", None, "3")],
            min_value="0", max_value="10000", unit="m²", unit_en="m²",
        ),
        _scale(
            "C2",
            "Bagaimana ketersediaan ruang pelatihan, ruang pertemuan bersama, dan workshop untuk kegiatan "
            "inkubasi?",
            "What training rooms, shared meeting rooms and workshops are available for incubation activities?",
            "Lihat langsung setiap ruang dan fotolah. Perhatikan kelayakannya: meja dan kursi, penerangan, "
            "ventilasi, stopkontak, toilet, serta akses bagi peserta dari luar pesantren.",
            "Visit and photograph every room. Check that it is usable: tables and chairs, lighting, "
            "ventilation, power sockets, toilets, and access for participants from outside the pesantren.",
            [
                ("Tidak ada ruang yang dapat dipakai untuk kegiatan inkubasi.",
                 "No room can be used for incubation activities."),
                ("Hanya ada workshop BLK yang dipakai bergantian; tidak ada ruang pertemuan.",
                 "Only the BLK workshop, used in turns; no meeting room."),
                ("Ada workshop dan satu ruang lain yang dipakai bergantian untuk pelatihan dan pertemuan.",
                 "The workshop plus one other room shared between training and meetings."),
                ("Ruang pelatihan dan ruang pertemuan terpisah dan layak pakai.",
                 "Separate, usable training and meeting rooms."),
                ("Ruang pelatihan, ruang pertemuan, workshop produksi, dan ruang pamer produk tersedia dan "
                 "terawat.",
                 "A training room, a meeting room, a production workshop and a product display room, all "
                 "available and maintained."),
            ],
        ),
        _scale(
            "C3",
            "Bagaimana kondisi dan kelengkapan peralatan kejuruan?",
            "What condition is the vocational equipment in, and is it complete?",
            "Cocokkan daftar inventaris peralatan bantuan dengan kondisi di workshop. Coba nyalakan beberapa "
            "alat. Foto peralatan utama dan kartu inventarisnya.",
            "Compare the inventory of equipment received as aid with what is in the workshop. Switch on a few "
            "machines. Photograph the main equipment and its inventory cards.",
            [
                ("Sebagian besar peralatan rusak, hilang, atau tidak pernah dipakai.",
                 "Most equipment is broken, missing or never used."),
                ("Sekitar separuh peralatan berfungsi; sisanya rusak dan belum diperbaiki.",
                 "About half the equipment works; the rest is broken and not repaired."),
                ("Peralatan dari bantuan lengkap dan berfungsi.",
                 "The equipment received as aid is complete and working."),
                ("Peralatan lengkap, berfungsi, tercatat dalam daftar inventaris, dan dirawat sesuai jadwal.",
                 "The equipment is complete, working, on the inventory and maintained to a schedule."),
                ("Selain itu, ada peralatan produksi tambahan dari sumber lain yang dapat dipakai tenant untuk "
                 "berproduksi.",
                 "In addition, extra production equipment from other sources is available for tenants to "
                 "produce with."),
            ],
        ),
        _scale(
            "C4",
            "Bagaimana ketersediaan sarana teknologi informasi dan komunikasi serta peralatan kantor?",
            "What information and communication technology and office equipment is available?",
            "Periksa koneksi internet (uji kecepatan dengan ponsel bila perlu), komputer atau laptop milik "
            "lembaga, printer, proyektor, dan perlengkapan rapat daring. Perangkat milik pribadi pengelola "
            "tidak dihitung.",
            "Check the internet connection (run a speed test on a phone if needed), computers or laptops owned "
            "by the institution, printer, projector and video-meeting equipment. The managers' personal "
            "devices do not count.",
            [
                ("Tidak ada komputer milik lembaga dan tidak ada internet.",
                 "No institution-owned computer and no internet."),
                ("Pengelola hanya memakai ponsel pribadi untuk administrasi dan komunikasi.",
                 "The managers use only their own phones for administration and communication."),
                ("Ada komputer atau laptop kantor dan internet, tetapi koneksi sering terputus.",
                 "An office computer or laptop and internet, but the connection often drops."),
                ("Internet stabil; komputer, printer, dan proyektor tersedia untuk kegiatan.",
                 "Stable internet; a computer, printer and projector are available for activities."),
                ("Selain itu, ada perlengkapan rapat daring (kamera, pengeras suara) dan ruang interaksi virtual "
                 "yang dipakai rutin.",
                 "In addition, video-meeting equipment (camera, speaker) and a virtual interaction space that is "
                 "used regularly."),
            ],
        ),
        _yes_no(
            "C5",
            "Apakah ada surat dari lembaga induk yang menetapkan ruang atau bangunan untuk kegiatan inkubator?",
            "Is there a letter from the parent body assigning rooms or a building to the incubator?",
            "Minta surat penetapan atau surat keterangan penggunaan ruang, serta bukti status tanah (sertifikat "
            "hibah atau akta ikrar wakaf). Foto suratnya dan pastikan ruang yang disebut sama dengan yang Anda "
            "lihat.",
            "Ask for the letter assigning or confirming the use of the rooms, and for proof of land status "
            "(grant certificate or waqf deed). Photograph the letter and make sure the rooms it names are the "
            "ones you saw.",
        ),
    ],
}

DIMENSION_D = {
    "code": "D", "name": "Program dan kurikulum", "name_en": "Programme and curriculum", "weight": "0.15",
    "indicators": [
        _scale(
            "D1",
            "Sejauh mana kurikulum inkubasi mencakup enam materi dalam Permenkop UKM 3/2021: legalitas dan "
            "perizinan, analisis pasar, pengelolaan SDM, pencatatan keuangan, temu bisnis, dan pendampingan?",
            "How far does the incubation curriculum cover the six topics of Permenkop UKM 3/2021: legality and "
            "licensing, market analysis, HR management, financial record-keeping, business matching and "
            "mentoring?",
            "Minta modul, silabus, atau jadwal pelatihan kewirausahaan. Hitung berapa dari enam materi yang "
            "benar-benar tertulis, bukan yang baru direncanakan.",
            "Ask for the modules, syllabus or entrepreneurship training schedule. Count how many of the six "
            "topics are actually written down, not merely planned.",
            [
                ("Belum ada materi kewirausahaan.", "No entrepreneurship content."),
                ("Materi kewirausahaan disisipkan dalam pelatihan kejuruan tanpa modul tertulis.",
                 "Entrepreneurship is touched on within vocational training, without written modules."),
                ("Ada modul tertulis yang mencakup 2–3 dari enam materi.",
                 "Written modules cover 2–3 of the six topics."),
                ("Ada modul tertulis yang mencakup 4–5 dari enam materi.",
                 "Written modules cover 4–5 of the six topics."),
                ("Keenam materi tercakup dalam modul tertulis, lengkap dengan jadwal dan penanggung jawab.",
                 "All six topics are covered in written modules, with a schedule and a person responsible."),
            ],
            weight="2",
        ),
        _yes_no(
            "D2",
            "Apakah ada SOP tertulis untuk penerimaan dan seleksi calon tenant?",
            "Is there a written SOP for recruiting and selecting prospective tenants?",
            "Minta dokumen SOP yang sudah disahkan pimpinan. SOP setidaknya memuat syarat calon tenant, cara "
            "pendaftaran, kriteria penilaian, dan pihak yang memutuskan. Foto halaman pengesahannya.",
            "Ask for the SOP document approved by the head. At a minimum it sets out the applicant "
            "requirements, how to apply, the assessment criteria and who decides. Photograph the approval page.",
        ),
        _scale(
            "D3",
            "Apakah ada SOP kelulusan tenant dan SOP pemantauan pasca-inkubasi, dan apakah sudah dijalankan?",
            "Are there SOPs for tenant graduation and for post-incubation monitoring, and are they applied?",
            "Minta kedua dokumen SOP dan bukti pelaksanaannya, misalnya berita acara kelulusan, formulir "
            "kunjungan, atau laporan pemantauan alumni.",
            "Ask for both SOP documents and for proof that they are applied, for example graduation minutes, "
            "visit forms or alumni monitoring reports.",
            [
                ("Belum ada SOP kelulusan maupun SOP pemantauan pasca-inkubasi.",
                 "No graduation SOP and no post-incubation monitoring SOP."),
                ("Ada kesepakatan lisan tentang kelulusan atau pemantauan, tetapi belum tertulis.",
                 "A verbal understanding on graduation or monitoring, not written down."),
                ("Salah satu SOP (kelulusan atau pemantauan) sudah tertulis.",
                 "One of the SOPs (graduation or monitoring) is written."),
                ("Kedua SOP sudah tertulis dan disahkan, tetapi belum pernah dijalankan.",
                 "Both SOPs are written and approved but have not yet been applied."),
                ("Kedua SOP tertulis dan sudah dijalankan, dibuktikan dengan catatan kelulusan atau laporan "
                 "pemantauan.",
                 "Both SOPs are written and applied, as graduation records or monitoring reports show."),
            ],
        ),
        _scale(
            "D4",
            "Apakah inkubator memiliki program kerja jangka pendek dan jangka menengah?",
            "Does the incubator have short- and medium-term work programmes?",
            "Minta dokumen program kerja atau rencana strategis. Periksa apakah ada target yang terukur (jumlah "
            "tenant, jumlah usaha baru, omzet) dan apakah capaian tahun lalu sudah dievaluasi.",
            "Ask for the work programme or strategic plan. Check whether it has measurable targets (number of "
            "tenants, new businesses, turnover) and whether last year's results were reviewed.",
            [
                ("Belum ada program kerja inkubator.", "No incubator work programme."),
                ("Rencana kegiatan hanya disampaikan secara lisan.", "Plans are stated only verbally."),
                ("Ada program kerja tahunan tertulis.", "A written annual work programme."),
                ("Ada program kerja tahunan dan rencana 3–5 tahun yang disahkan pimpinan lembaga.",
                 "An annual work programme and a 3–5-year plan approved by the head of the body."),
                ("Program kerja memuat target terukur dan capaiannya dievaluasi setiap tahun.",
                 "The work programme has measurable targets and the results are reviewed every year."),
            ],
        ),
        _scale(
            "D5",
            "Layanan pendampingan usaha dan temu bisnis apa yang sudah dijalankan bagi alumni atau calon tenant?",
            "What business mentoring and business-matching services have already been run for alumni or "
            "prospective tenants?",
            "Minta daftar hadir, foto kegiatan, atau laporan pendampingan dan temu bisnis atau pameran dalam "
            "12 bulan terakhir. Tanyakan apakah ada transaksi atau kontrak yang dihasilkan.",
            "Ask for attendance lists, photos or reports of mentoring and of business-matching events or fairs "
            "in the last 12 months. Ask whether any sales or contracts resulted.",
            [
                ("Belum pernah ada pendampingan usaha.", "No business mentoring so far."),
                ("Pendampingan pernah dilakukan sekali dan tidak berlanjut.",
                 "Mentoring happened once, with no follow-up."),
                ("Pendampingan bagi alumni dilakukan minimal dua kali setahun.",
                 "Mentoring for alumni at least twice a year."),
                ("Pendampingan terjadwal dan ada minimal satu temu bisnis atau pameran setiap tahun.",
                 "Scheduled mentoring and at least one business-matching event or fair each year."),
                ("Pendampingan tercatat untuk setiap peserta dan temu bisnis rutin menghasilkan transaksi atau "
                 "kontrak.",
                 "Mentoring is logged for each participant, and regular business matching leads to sales or "
                 "contracts."),
            ],
        ),
        _text(
            "D6",
            "Sebutkan pelatihan kejuruan dan kewirausahaan yang dijalankan dalam 2 tahun terakhir (judul, tahun, "
            "jumlah peserta, sumber dana).",
            "List the vocational and entrepreneurship training run in the last two years (title, year, number "
            "of participants, funding source).",
            "Salin dari laporan kegiatan atau daftar angkatan pelatihan. Isian ini tidak dinilai, tetapi dipakai "
            "untuk memeriksa jawaban lain.",
            "Copy from activity reports or the list of training batches. This is not scored but is used to "
            "cross-check other answers.",
        ),
    ],
}

DIMENSION_E = {
    "code": "E", "name": "Pendanaan", "name_en": "Funding", "weight": "0.10",
    "indicators": [
        _scale(
            "E1",
            "Seberapa pasti dan berkelanjutan sumber dana untuk operasional inkubator?",
            "How secure and continuing is the funding for running the incubator?",
            "Tanyakan sumber dana dua tahun terakhir dan rencana tahun depan: anggaran yayasan, bantuan "
            "pemerintah, CSR, jasa pelatihan, hasil unit usaha. Minta RAB atau laporan penggunaan dana. "
            "Permenkop UKM 3/2021 mensyaratkan sumber dana yang sah dan berkelanjutan.",
            "Ask about funding in the last two years and the plans for next year: foundation budget, government "
            "aid, CSR, training fees, income from business units. Ask for the budget or the spending report. "
            "Permenkop UKM 3/2021 requires a legitimate, continuing source of funds.",
            [
                ("Tidak ada dana untuk kegiatan inkubator.", "No money for incubator activities."),
                ("Hanya bergantung pada bantuan pemerintah yang belum pasti setiap tahun.",
                 "Depends only on government aid that is uncertain from year to year."),
                ("Ada alokasi anggaran tahunan dari yayasan atau lembaga induk, meskipun kecil.",
                 "The foundation or parent body allocates an annual budget, even if a small one."),
                ("Dana berasal dari minimal dua sumber tetap (misalnya yayasan dan CSR atau jasa pelatihan).",
                 "Funding comes from at least two regular sources (for example the foundation plus CSR or "
                 "training fees)."),
                ("Dana dari beberapa sumber tetap sudah dianggarkan untuk minimal dua tahun ke depan.",
                 "Funding from several regular sources is budgeted for at least the next two years."),
            ],
        ),
        _scale(
            "E2",
            "Bagaimana pencatatan dan pelaporan keuangan BLK Komunitas?",
            "How does the BLK Komunitas keep and report its accounts?",
            "Minta buku kas, bukti transaksi, dan laporan keuangan terakhir. Tanyakan kepada siapa laporan "
            "disampaikan (yayasan, Kemnaker, donor) dan apakah pernah diperiksa.",
            "Ask for the cash book, receipts and the latest financial report. Ask who receives the reports "
            "(foundation, Kemnaker, donors) and whether they have ever been checked.",
            [
                ("Tidak ada pencatatan keuangan.", "No financial records."),
                ("Pencatatan seadanya dan tidak rutin.", "Occasional, incomplete records."),
                ("Buku kas diisi rutin dan bukti transaksi disimpan.",
                 "The cash book is kept up to date and receipts are filed."),
                ("Laporan keuangan bulanan disusun dan disampaikan kepada pimpinan lembaga.",
                 "Monthly financial reports are prepared and given to the head of the body."),
                ("Pembukuan memakai aplikasi, laporan tahunan disampaikan, dan pernah diperiksa pihak lain.",
                 "The books are kept in an application, annual reports are submitted and have been checked by "
                 "an outside party."),
            ],
        ),
        _scale(
            "E3",
            "Apakah BLK Komunitas memperoleh pendapatan sendiri dari unit usaha atau jasa?",
            "Does the BLK Komunitas earn its own income from business units or services?",
            "Tanyakan unit usaha yang berjalan (produksi, jasa servis, penyewaan alat, pelatihan berbayar) dan "
            "perkiraan pendapatannya per bulan. Minta catatan penjualan.",
            "Ask which business units operate (production, repair services, equipment rental, paid training) "
            "and their estimated monthly income. Ask for sales records.",
            [
                ("Tidak ada pendapatan sendiri.", "No own income."),
                ("Pernah ada penjualan atau jasa, tetapi hanya sesekali.", "Occasional sales or services only."),
                ("Ada unit usaha atau jasa yang berjalan rutin, tetapi hasilnya belum menutup biaya operasional "
                 "harian.",
                 "A business unit or service runs regularly but does not yet cover day-to-day running costs."),
                ("Pendapatan sendiri menutup sebagian besar biaya operasional harian.",
                 "Own income covers most day-to-day running costs."),
                ("Pendapatan sendiri menutup seluruh biaya operasional dan sebagian disisihkan untuk "
                 "pengembangan.",
                 "Own income covers all running costs and some is set aside for development."),
            ],
        ),
        _yes_no(
            "E4",
            "Apakah ada rekening bank atas nama lembaga yang dipakai untuk keuangan BLK Komunitas atau inkubator?",
            "Is there a bank account in the institution's name that is used for the money of the BLK Komunitas "
            "or the incubator?",
            "Minta buku tabungan atau rekening koran. Rekening atas nama pribadi pengurus tidak dihitung. Foto "
            "halaman identitas rekening saja, tanpa saldo.",
            "Ask for the passbook or a bank statement. An account in a board member's personal name does not "
            "count. Photograph only the account identity page, not the balance.",
        ),
    ],
}

DIMENSION_F = {
    "code": "F", "name": "Jejaring dan kemitraan", "name_en": "Networks and partnerships", "weight": "0.10",
    "indicators": [
        _scale(
            "F1",
            "Bagaimana kemitraan dengan dunia usaha dan industri?",
            "What partnerships are there with business and industry?",
            "Minta MoU atau PKS dengan perusahaan, toko, pemasok, atau pembeli. Tanyakan apa yang sudah "
            "dikerjakan bersama (magang, pesanan produk, pasokan bahan baku, CSR).",
            "Ask for MoUs or cooperation agreements (PKS) with companies, shops, suppliers or buyers. Ask what "
            "has actually been done together (internships, product orders, raw-material supply, CSR).",
            [
                ("Tidak ada hubungan dengan dunia usaha.", "No links with business."),
                ("Ada hubungan informal dengan pelaku usaha setempat, tanpa kesepakatan tertulis.",
                 "Informal links with local businesses, nothing in writing."),
                ("Ada minimal satu MoU atau PKS, tetapi belum ada kegiatan bersama.",
                 "At least one MoU or PKS, but no joint activity yet."),
                ("Ada minimal satu kemitraan tertulis dengan kegiatan nyata dalam 12 bulan terakhir.",
                 "At least one written partnership with real joint activity in the last 12 months."),
                ("Beberapa kemitraan aktif memberi pesanan, pasokan, atau pasar tetap bagi alumni dan tenant.",
                 "Several active partnerships give alumni and tenants regular orders, supplies or markets."),
            ],
        ),
        _scale(
            "F2",
            "Bagaimana akses ke lembaga keuangan untuk permodalan tenant (bank penyalur KUR, koperasi, BPR/BPRS, "
            "lembaga keuangan mikro)?",
            "What access is there to financial institutions for tenants' capital (banks that lend KUR, "
            "cooperatives, rural banks, microfinance institutions)?",
            "Tanyakan apakah pernah ada sosialisasi atau fasilitasi pembiayaan, siapa kontak di bank atau "
            "koperasi, dan berapa alumni yang sudah memperoleh KUR atau pembiayaan lain. Minta bukti kerja sama "
            "atau daftar penerimanya.",
            "Ask whether there has been any financing briefing or facilitation, who the contacts at banks or "
            "cooperatives are, and how many alumni have obtained KUR or other financing. Ask for proof of "
            "cooperation or a list of recipients.",
            [
                ("Tidak ada hubungan dengan lembaga keuangan.", "No contact with financial institutions."),
                ("Pernah ada sosialisasi pembiayaan dari bank atau koperasi.",
                 "A bank or cooperative has given a financing briefing."),
                ("Ada kontak tetap di bank atau koperasi dan alumni pernah dibantu mengajukan pembiayaan.",
                 "There is a regular contact at a bank or cooperative, and alumni have been helped to apply for "
                 "financing."),
                ("Ada kerja sama tertulis dengan lembaga keuangan dan minimal satu alumni memperoleh KUR atau "
                 "pembiayaan lain.",
                 "A written agreement with a financial institution, and at least one alumnus has obtained KUR "
                 "or other financing."),
                ("Lembaga keuangan rutin menyalurkan pembiayaan kepada alumni atau tenant, atau lembaga memiliki "
                 "koperasi/BMT sendiri yang membiayai tenant.",
                 "Financial institutions lend to alumni or tenants regularly, or the body runs its own "
                 "cooperative or BMT that finances tenants."),
            ],
        ),
        _scale(
            "F3",
            "Bagaimana jejaring dengan pemerintah, perguruan tinggi, dan lembaga pendamping?",
            "What networks are there with government, universities and support organisations?",
            "Tanyakan hubungan dengan Disnaker, Dinas Koperasi dan UKM, BBPKK/BBPLK, pemerintah desa dan "
            "BUMDes, serta PTKIN atau perguruan tinggi lain. Minta surat undangan, MoU, atau laporan kegiatan "
            "bersama.",
            "Ask about links with Disnaker, the cooperatives and SME office, BBPKK/BBPLK, the village "
            "government and BUMDes, and PTKIN or other universities. Ask for invitations, MoUs or joint activity "
            "reports.",
            [
                ("Tidak ada hubungan selain dengan Kemnaker sebagai pemberi bantuan.",
                 "No links other than Kemnaker as the aid provider."),
                ("Pernah diundang dalam kegiatan pemerintah daerah atau perguruan tinggi, tanpa tindak lanjut.",
                 "Invited to regional-government or university events, with no follow-up."),
                ("Ada kegiatan bersama dengan satu instansi atau perguruan tinggi dalam 12 bulan terakhir.",
                 "A joint activity with one agency or university in the last 12 months."),
                ("Ada kerja sama tertulis dengan minimal dua pihak (misalnya Disnaker dan perguruan tinggi).",
                 "Written cooperation with at least two parties (for example Disnaker and a university)."),
                ("Kerja sama aktif dengan beberapa pihak, termasuk dukungan anggaran atau program dari "
                 "pemerintah daerah.",
                 "Active cooperation with several parties, including budget or programme support from the "
                 "regional government."),
            ],
        ),
    ],
}

DIMENSION_G = {
    "code": "G", "name": "Rekam jejak kewirausahaan", "name_en": "Entrepreneurship track record",
    "weight": "0.10",
    "indicators": [
        _choice(
            "G1",
            "Apa klasifikasi BLK Komunitas menurut Kemnaker (Tumbuh, Berkembang, atau Mandiri)?",
            "What is the Kemnaker classification of the BLK Komunitas (Growing, Developing or Independent)?",
            "Minta surat atau data klasifikasi terakhir dari Kemnaker atau BBPLK pembina. Bila pengelola tidak "
            "tahu dan tidak ada dokumennya, pilih \u201cBelum diklasifikasi atau tidak diketahui\u201d.",
            "Ask for the latest classification letter or data from Kemnaker or the supervising BBPLK. If the "
            "managers do not know and there is no document, choose \u201cNot yet classified or unknown\u201d.",
            [
                ("mandiri", "Mandiri: mampu membiayai diri sendiri dan menghasilkan barang atau jasa",
                 "Independent (Mandiri): self-funding and producing goods or services", "3"),
                ("berkembang", "Berkembang: memiliki kemitraan yang mendanai pelatihan dan memberdayakan alumni",
                 "Developing (Berkembang): partnerships that fund training, and support for alumni", "2"),
                ("tumbuh", "Tumbuh: berizin dan menyelenggarakan pelatihan",
                 "Growing (Tumbuh): licensed and running training", "1"),
                ("belum", "Belum diklasifikasi atau tidak diketahui", "Not yet classified or unknown", "0"),
            ],
        ),
        _number(
            "G2",
            "Berapa orang lulusan pelatihan BLK Komunitas pada tahun lalu?",
            "How many people completed training at the BLK Komunitas last year?",
            "Jumlahkan peserta yang menyelesaikan pelatihan pada tahun kalender lalu dari semua angkatan dan "
            "sumber dana. Cocokkan dengan daftar hadir atau sertifikat pelatihan. Satu paket pelatihan biasanya "
            "berisi 16 peserta.",
            "Add up the participants who completed training in the last calendar year, across all batches and "
            "funding sources. Check against attendance lists or training certificates. One training package "
            "usually has 16 participants.",
            [("0", "16", "0"), ("16", "32", "1"), ("32", "64", "2"), ("64", None, "3")],
            min_value="0", max_value="5000", **PEOPLE,
        ),
        _number(
            "G3",
            "Berapa orang alumni pelatihan yang merintis usaha sendiri dalam 2 tahun terakhir?",
            "How many training alumni started their own businesses in the last two years?",
            "Hitung alumni yang usahanya masih berjalan saat ini. Minta daftar nama, jenis usaha, dan kontak; "
            "bila memungkinkan, hubungi atau kunjungi dua di antaranya untuk memastikan.",
            "Count alumni whose businesses are still running. Ask for a list of names, business types and "
            "contacts; if possible, call or visit two of them to confirm.",
            [("0", "1", "0"), ("1", "5", "1"), ("5", "10", "2"), ("10", None, "3")],
            min_value="0", max_value="5000", **PEOPLE,
        ),
        _scale(
            "G4",
            "Bagaimana legalitas usaha alumni dan binaan (NIB, PIRT, sertifikat halal, merek)?",
            "What business legality do alumni and supported businesses have (NIB, PIRT, halal certificate, "
            "trademark)?",
            "Minta daftar usaha binaan beserta nomor NIB, PIRT, sertifikat halal, atau pendaftaran merek (HKI), "
            "lalu periksa beberapa contohnya. Untuk usaha nonpangan, PIRT dan sertifikat halal tidak berlaku; "
            "nilailah dari NIB dan izin yang relevan.",
            "Ask for the list of supported businesses with their NIB, PIRT, halal certificate or trademark (IPR) "
            "numbers, then check some examples. For non-food businesses PIRT and halal do not apply; judge by "
            "the NIB and the relevant permits.",
            [
                ("Belum ada usaha alumni yang memiliki legalitas.",
                 "No alumni business has any legal documents."),
                ("Beberapa usaha alumni sedang mengurus NIB, tetapi belum terbit.",
                 "Some alumni businesses are applying for an NIB; none has been issued yet."),
                ("Minimal satu usaha alumni memiliki NIB.", "At least one alumni business has an NIB."),
                ("Beberapa usaha alumni memiliki NIB dan izin produk yang sesuai (PIRT atau sertifikat halal).",
                 "Several alumni businesses have an NIB and the product permits they need (PIRT or halal "
                 "certificate)."),
                ("Lembaga rutin memfasilitasi pengurusan NIB, PIRT, sertifikat halal, dan merek bagi alumni, dan "
                 "sebagian besar usaha binaan sudah lengkap legalitasnya.",
                 "The body regularly helps alumni obtain NIB, PIRT, halal certificates and trademarks, and most "
                 "supported businesses are fully licensed."),
            ],
        ),
        _text(
            "G5",
            "Ceritakan satu atau dua contoh usaha alumni yang paling berhasil (nama usaha, produk, perkiraan "
            "omzet per bulan, jumlah pekerja).",
            "Describe one or two of the most successful alumni businesses (business name, product, estimated "
            "monthly turnover, number of workers).",
            "Tulis sesuai cerita pengelola atau pemilik usaha dan sebutkan apakah Anda melihat usahanya secara "
            "langsung. Jangan mencatat NIK atau nomor telepon pribadi di sini.",
            "Write it as the managers or the owner tell it, and say whether you saw the business yourself. Do "
            "not record ID numbers (NIK) or personal phone numbers here.",
        ),
    ],
}

DIMENSION_H = {
    "code": "H", "name": "Potensi ekonomi lokal", "name_en": "Local economic potential", "weight": "0.10",
    "indicators": [
        _number(
            "H1",
            "Berapa jarak dari BLK Komunitas ke pusat kecamatan atau pasar terdekat?",
            "How far is the BLK Komunitas from the nearest sub-district centre or market town?",
            "Ukur jarak tempuh lewat jalan (bukan garis lurus) dengan peta di ponsel ke pusat kecamatan atau "
            "pasar tradisional terdekat. Bila jalannya sulit dilalui, catat kondisinya di kolom catatan.",
            "Measure the road distance (not the straight line) with a phone map to the nearest sub-district "
            "centre or traditional market. If the road is hard to travel, describe it in the note field.",
            [("0", "5", "3"), ("5", "15", "2"), ("15", "30", "1"), ("30", None, "0")],
            evidence=False, min_value="0", max_value="500", unit="km", unit_en="km",
        ),
        _scale(
            "H2",
            "Seberapa besar potensi bahan baku dan produk unggulan di sekitar BLK Komunitas yang sesuai dengan "
            "kejuruannya?",
            "How much local raw material and how many flagship products around the BLK Komunitas fit its "
            "vocational field?",
            "Tanyakan dan amati komoditas setempat (pertanian, perikanan, kerajinan, wisata) serta kaitannya "
            "dengan kejuruan BLK. Gunakan data produk unggulan desa, kecamatan, atau daerah bila tersedia.",
            "Ask about and observe local commodities (farming, fisheries, crafts, tourism) and how they relate "
            "to the BLK's vocational field. Use village, sub-district or regional flagship-product data where "
            "available.",
            [
                ("Tidak ada bahan baku atau produk setempat yang terkait dengan kejuruan.",
                 "No local raw material or product relates to the vocational field."),
                ("Ada potensi setempat, tetapi tidak terkait dengan kejuruan BLK.",
                 "There is local potential, but it does not relate to the BLK's vocational field."),
                ("Ada potensi setempat yang terkait dengan kejuruan, tetapi belum dimanfaatkan.",
                 "Local potential relates to the vocational field but is not used yet."),
                ("Potensi setempat sudah dimanfaatkan oleh sebagian alumni atau usaha binaan.",
                 "Some alumni or supported businesses already use the local potential."),
                ("Potensi setempat menjadi produk unggulan desa atau daerah dan dimanfaatkan secara rutin oleh "
                 "lembaga dan alumni.",
                 "The local potential is a recognised village or regional flagship product, used regularly by "
                 "the body and its alumni."),
            ],
            evidence=False,
        ),
        _scale(
            "H3",
            "Bagaimana akses pasar bagi produk atau jasa tenant di sekitar lokasi?",
            "What market access is there for tenants' products or services around the site?",
            "Amati dan tanyakan saluran pemasaran: pasar, toko, koperasi, BUMDes, wisatawan atau peziarah, serta "
            "penjualan daring (marketplace, media sosial). Catat saluran yang sudah dipakai alumni.",
            "Observe and ask about sales channels: markets, shops, cooperatives, BUMDes, tourists or pilgrims, "
            "and online sales (marketplaces, social media). Note the channels alumni already use.",
            [
                ("Pembeli terbatas pada lingkungan pesantren atau komunitas sendiri.",
                 "Buyers are limited to the pesantren or the community itself."),
                ("Produk dijual langsung ke desa sekitar, tanpa saluran tetap.",
                 "Products are sold directly in nearby villages, with no regular channel."),
                ("Ada saluran tetap di tingkat kecamatan (pasar, toko, koperasi, atau BUMDes).",
                 "A regular channel at sub-district level (market, shop, cooperative or BUMDes)."),
                ("Produk dijual tetap di tingkat kabupaten/kota dan melalui penjualan daring.",
                 "Products are sold regularly at regency or city level and online."),
                ("Produk rutin menjangkau pasar antarprovinsi atau pembeli besar (ritel modern, eksportir).",
                 "Products regularly reach buyers in other provinces or large buyers (modern retail, "
                 "exporters)."),
            ],
            evidence=False,
        ),
        _text(
            "H4",
            "Sebutkan komoditas atau produk unggulan daerah yang dapat menjadi peluang usaha bagi tenant.",
            "Name regional commodities or flagship products that could become business opportunities for "
            "tenants.",
            "Tanyakan kepada pengelola, perangkat desa, atau pengurus BUMDes, dan tuliskan sumber informasinya. "
            "Isian ini tidak dinilai.",
            "Ask the managers, village officials or BUMDes staff, and write down where the information came "
            "from. This is not scored.",
        ),
    ],
}

DEFAULT_INSTRUMENT = {
    "code": "kesiapan-blkk",
    "version": 1,
    "name": "Kesiapan BLK Komunitas sebagai Inkubator Wirausaha",
    "name_en": "Readiness of BLK Komunitas as Entrepreneurship Incubators",
    "description": (
        "Instrumen pra-identifikasi kesiapan BLK Komunitas untuk menjadi inkubator wirausaha. Disusun dari "
        "standar penyelenggaraan inkubasi dalam Permenkop UKM 3/2021 (tanda daftar, pengelola profesional "
        "dengan minimal satu pengelola penuh waktu, sarana prasarana, kurikulum inkubasi, dan sumber dana yang "
        "berkelanjutan) serta kriteria pengakuan inkubator KemenKopUKM (SK pendirian, legitimasi ruang, SOP "
        "seleksi tenant, kelulusan, dan pemantauan pasca-inkubasi, serta program kerja jangka pendek dan "
        "menengah), ditambah jejaring, rekam jejak kewirausahaan, dan potensi ekonomi lokal. Instrumen ini "
        "BUKAN instrumen resmi Kemnaker; ini titik awal yang dapat disunting, termasuk bobotnya."
    ),
    "description_en": (
        "Pre-identification instrument for the readiness of BLK Komunitas to become entrepreneurship "
        "incubators. Built from the incubation standard of Permenkop UKM 3/2021 (registration, professional "
        "staff with at least one full-time manager, facilities, an incubation curriculum and a continuing "
        "source of funds) and the KemenKopUKM incubator recognition criteria (founding decree, legitimate "
        "space, SOPs for tenant selection, graduation and post-incubation monitoring, short- and medium-term "
        "work programmes), plus networks, entrepreneurship track record and local economic potential. This is "
        "NOT an official Kemnaker instrument; it is an editable starting point, weights included."
    ),
    "dimensions": [
        DIMENSION_A, DIMENSION_B, DIMENSION_C, DIMENSION_D,
        DIMENSION_E, DIMENSION_F, DIMENSION_G, DIMENSION_H,
    ],
}
