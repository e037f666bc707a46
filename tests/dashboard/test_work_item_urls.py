"""The address of a "Việc của tôi" item, as e-mails link it: Streamlit's page URL name."""

from qms.dashboard.work_items import WorkItem


def _item(page: str, params: tuple[tuple[str, str], ...] = ()) -> WorkItem:
    return WorkItem("nc.action", "KPH-2023-001", None, False, page, params)


def test_the_url_drops_the_page_number_and_encodes_the_query():
    assert _item("pages/30_khong_phu_hop.py", (("nc", "KPH-2023-001"),)).url(
        "https://qms.example.vn/") == "https://qms.example.vn/khong_phu_hop?nc=KPH-2023-001"
    assert _item("pages/05_viec_cua_toi.py").url("http://127.0.0.1:8501") == (
        "http://127.0.0.1:8501/viec_cua_toi")
    assert _item("app.py").url("http://h") == "http://h/"
    assert _item("pages/41_cuoc_danh_gia.py", (("q", "a b&c"), ("unit", "3"))).url("http://h") == (
        "http://h/cuoc_danh_gia?q=a+b%26c&unit=3")
