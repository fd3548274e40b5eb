# The kbio ETL as an image: `docker compose run --rm etl` runs `kbio run`;
# override the command for other jobs (`docker compose run --rm etl load /inbox`).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY etl ./etl
COPY migrations ./migrations
COPY sql ./sql
COPY seeds ./seeds
RUN pip install --no-cache-dir .
ENTRYPOINT ["kbio"]
CMD ["run"]
