"""A store with failed pages and pages stored but not coded, for the failures page and API.

Sixty-one pages fail (sixty empty files and one whose name is markup), three reports in
French, Russian and Arabic are stored but not coded (their language), written for
these tests; the coder is never needed.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.ingest.pipeline import ingest
from newsgraph.settings import Settings

HOSTILE_NAME = "<img src=x onerror=window.__pwned=1>.txt"
FAILED = 61
REPORTS = {
    "lyon.txt": "Tramway à Lyon\n\nLe conseil municipal de Lyon a voté mardi un nouveau plan "
    "pour les transports publics. Les élus ont débattu pendant plusieurs heures avant "
    "d'adopter le texte, qui prévoit davantage de lignes de tramway et des tarifs réduits "
    "pour les étudiants. Le maire a déclaré que les travaux commenceraient au printemps.",
    "novosibirsk.txt": "Трамвай\n\nГородской совет Новосибирска во вторник утвердил новый "
    "план развития общественного транспорта. Депутаты обсуждали документ несколько часов, "
    "после чего приняли его большинством голосов. План предусматривает новые трамвайные "
    "линии и скидки для студентов. Мэр заявил, что работы начнутся следующей весной.",
    "alexandria.txt": "الترام\n\nوافق المجلس البلدي في مدينة الإسكندرية يوم الثلاثاء على خطة "
    "جديدة للنقل العام. وناقش الأعضاء الخطة لعدة ساعات قبل أن يعتمدوها بأغلبية الأصوات. "
    "وتتضمن الخطة خطوط ترام جديدة وتخفيضات للطلاب. وقال رئيس البلدية إن الأعمال ستبدأ في "
    "الربيع المقبل.",
}


def build_failures_db(folder: Path) -> Path:
    pages = folder / "pages"
    pages.mkdir()
    for i in range(FAILED - 1):
        (pages / f"empty-{i:02d}.txt").write_bytes(b"")
    (pages / HOSTILE_NAME).write_bytes(bytes(range(256)) * 20)
    for name, text in REPORTS.items():
        (pages / name).write_text(text, encoding="utf-8")
    db = folder / "failures.duckdb"
    report = ingest([pages], Settings(db=str(db), stories=False, tone=False))
    assert (report.failed, report.articles, len(report.not_coded)) == (FAILED, 3, 3)
    return db
