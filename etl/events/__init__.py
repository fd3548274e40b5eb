"""Events across articles (``api_v2``): near-duplicate articles (``minhash``, pure, made
in the workers; ``copies``, stored and compared in the database) and the linking of
reported agreements and visits to real-world events (``linking``).

Nothing is imported here, so that a worker importing ``etl.events.minhash`` loads no
database code."""
