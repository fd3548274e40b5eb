"""``kbio report``: the page (``page``), what it shows, read from the public views
(``data``), and its network and charts (``charts``)."""
