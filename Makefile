# The two commands of the README: `make run` and `make test`. Both set themselves up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ADDRESS := $(or $(QMS_HOST),127.0.0.1)
PORT    := $(or $(QMS_PORT),8501)

.PHONY: run test test-reliability e2e lint migrate demo bench bench-cluster clean-venv

$(BIN)/python:
	@echo "==> Tạo môi trường ảo $(VENV) (create the virtualenv)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	@echo "==> Cài thư viện (install requirements.txt)"
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	@echo "==> Cài công cụ kiểm thử (install requirements-dev.txt)"
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@

migrate: $(VENV)/.runtime
	@echo "==> Cập nhật cơ sở dữ liệu (migrate)"
	$(BIN)/python -m qms migrate

demo: migrate
	@if [ "$${QMS_DEMO:-1}" = "0" ]; then \
	  echo "==> QMS_DEMO=0: không nạp dữ liệu mẫu; nhập thông tin đơn vị khi mở ứng dụng"; \
	else \
	  echo "==> Nạp dữ liệu mẫu xã Nam Trung nếu cơ sở dữ liệu còn trống (demo --if-empty)"; \
	  $(BIN)/python -m qms demo --if-empty; \
	fi

run: demo
	@echo "==> Phục vụ ứng dụng tại http://$(ADDRESS):$(PORT)  (Ctrl+C để dừng)"
	$(BIN)/streamlit run qms/web.py --server.address $(ADDRESS) --server.port $(PORT)

test: $(VENV)/.dev
	@echo "==> Chạy toàn bộ bộ kiểm thử (SQLite; PostgreSQL khi có QMS_TEST_POSTGRES_URL)"
	$(BIN)/python -m pytest

test-reliability: $(VENV)/.dev
	$(BIN)/python -m pytest -q tests/reliability

e2e: $(VENV)/.dev
	$(BIN)/python -m pytest -m browser

# Ratio benchmarks (not part of `make test`): bench/results.json and bench/RESULTS.md.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) unless BENCH_ARGS=--no-postgres.
bench: $(VENV)/.dev
	$(BIN)/python -m bench.run $(BENCH_ARGS)

# Two app processes behind nginx on a throwaway PostgreSQL database, ten browsers for two
# minutes (bench/cluster.py); writes bench/CLUSTER.md and bench/cluster_results.json.
bench-cluster: $(VENV)/.dev
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
	  echo "==> apt-get install nginx"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	fi
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "==> apt-get install chromium"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi
	$(BIN)/python bench/cluster.py

lint: $(VENV)/.dev
	$(BIN)/ruff check qms pages app.py tests bench

clean-venv:
	rm -rf $(VENV)
