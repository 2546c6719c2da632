# Production image: gunicorn serving the back office, tesseract for OCR.
# Build:  docker build -t dinsos-backoffice .
# Run:    docker run -e DATABASE_URL=... -e SECRET_KEY=... -e REDIS_URL=... -p 8000:8000 dinsos-backoffice
# Worker: same image, command: flask --app wsgi ocr-worker

FROM python:3.11-slim-bookworm AS build
WORKDIR /src
RUN python -m venv /venv
COPY pyproject.toml ./
COPY backoffice ./backoffice
COPY ocr ./ocr
COPY letters ./letters
# Install the dependencies only; the code itself runs from /app.
RUN /venv/bin/pip install --no-cache-dir --upgrade pip \
 && /venv/bin/pip install --no-cache-dir . \
 && /venv/bin/pip uninstall -y dinsos-backoffice

FROM python:3.11-slim-bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng fonts-ocr-a fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /home/dinsos dinsos
COPY --from=build /venv /venv
WORKDIR /app
COPY wsgi.py ./
COPY backoffice ./backoffice
COPY ocr ./ocr
COPY letters ./letters
COPY migrations ./migrations
RUN mkdir -p /app/instance /data/berkas && chown -R dinsos /app/instance /data
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    OMP_THREAD_LIMIT=1 \
    STORAGE_DIR=/data/berkas
USER dinsos
EXPOSE 8000
CMD ["gunicorn", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "wsgi:app"]
