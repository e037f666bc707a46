"""Vietnamese phrases the synthetic history is built from; a seeded ``Random`` picks them."""

from __future__ import annotations

from random import Random

AREAS = (
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
)
VERBS = ("Rà soát", "Kiểm tra", "Cập nhật", "Niêm yết", "Tổ chức", "Triển khai", "Đánh giá",
         "Tuyên truyền", "Hoàn thiện", "Theo dõi")
OBJECTS = ("thủ tục hành chính lĩnh vực hộ tịch", "hồ sơ đất đai", "quy trình tiếp nhận hồ sơ",
           "sổ theo dõi công văn đến", "danh mục tài liệu ISO", "kết quả giải quyết hồ sơ",
           "văn bản quy phạm pháp luật", "dịch vụ công trực tuyến", "phiếu lấy ý kiến người dân",
           "báo cáo tài chính quý", "chứng thực bản sao", "đăng ký khai sinh",
           "trang thông tin điện tử xã", "hồ sơ cán bộ, công chức")
PLACES = ("tại Bộ phận Một cửa", "của Văn phòng UBND xã", "theo Quyết định của UBND huyện",
          "trên Cổng dịch vụ công", "tại thôn Đông", "tại thôn Tây", "trong quý", "hằng tháng")
PROBLEMS = ("Hồ sơ trả kết quả chậm so với phiếu hẹn", "Thiếu chữ ký người kiểm tra trên biểu mẫu",
            "Không lưu bản sao văn bản đi", "Sổ theo dõi ghi chưa đầy đủ", "Niêm yết thủ tục đã "
            "hết hiệu lực", "Chưa xin lỗi người dân khi trễ hẹn", "Biểu mẫu dùng lần ban hành cũ",
            "Báo cáo gửi huyện quá hạn", "Chưa cập nhật phần mềm một cửa điện tử",
            "Thiếu tài liệu kiểm chứng của kỳ báo cáo")
CAUSES = ("Chưa phân công người kiểm tra", "Quy trình chưa nêu rõ thời hạn",
          "Công chức mới chưa được hướng dẫn", "Phần mềm lỗi kết nối", "Khối lượng hồ sơ tăng cao")
ACTIONS = ("Bổ sung bước kiểm tra vào quy trình", "Tập huấn lại cho công chức phụ trách",
           "Cập nhật biểu mẫu và thu hồi bản cũ", "Lập sổ theo dõi thời hạn",
           "Rà soát hồ sơ tồn đọng",
           "Báo cáo lãnh đạo và phân công lại")
QUESTIONS = ("Đơn vị có lưu đầy đủ hồ sơ theo quy trình không?",
             "Biểu mẫu đang dùng có đúng lần ban hành hiện hành không?",
             "Hồ sơ có được trả kết quả đúng hẹn không?",
             "Người dân có được hướng dẫn đầy đủ khi nộp hồ sơ không?",
             "Sổ theo dõi có ghi đủ các cột theo quy định không?",
             "Kết quả đo lường mục tiêu chất lượng có được báo cáo không?",
             "Sự không phù hợp kỳ trước đã được khắc phục chưa?")
DOC_KINDS = ("Quy trình giải quyết thủ tục", "Quy trình kiểm soát", "Hướng dẫn thực hiện",
             "Quy trình tiếp nhận và trả kết quả")
EVIDENCE = ("Báo cáo kết quả", "Biên bản kiểm tra", "Quyết định ban hành", "Kế hoạch thực hiện",
            "Thông báo niêm yết", "Sổ theo dõi")
NAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô")
GIVEN = ("Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Văn Đức", "Thị Giang", "Văn Hải",
         "Thị Lan", "Văn Long", "Thị Ngọc")
HAMLETS = ("Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "An", "Phú", "Hòa", "Tân")


def task_text(rng: Random) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)}."


def nc_title(rng: Random) -> str:
    return f"{rng.choice(PROBLEMS)} ({rng.choice(OBJECTS)})"


def person(rng: Random) -> str:
    return f"{rng.choice(NAMES)} {rng.choice(GIVEN)}"


def procedure_body(rng: Random, title: str, issue: int) -> str:
    """A short Markdown procedure: purpose, scope and a few numbered steps."""
    steps = "\n".join(f"{i}. {task_text(rng)}" for i in range(1, rng.randint(4, 7)))
    return (f"# {title}\n\n## 1. Mục đích\n\n{rng.choice(VERBS)} {rng.choice(OBJECTS)}.\n\n"
            f"## 2. Phạm vi\n\nÁp dụng {rng.choice(PLACES)}.\n\n## 3. Các bước\n\n{steps}\n\n"
            f"_Lần ban hành {issue}._\n")
