"""The demo site's content as data: English prose written for this site (not translated, as an
editor's text would not be), and the specifications the loader turns into pages and snippets."""
