"""Demo content for a local copy of the site and for the tests: the `load_demo_content` command
builds a complete site (pages, snippets, pictures) from the data in `demo.content`.

Nothing in the site depends on this app; it depends on the content apps it fills."""
