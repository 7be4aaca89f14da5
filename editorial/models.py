"""No models of its own: this module exists because Django sends post_migrate only to apps with
a models module, and migrate is when the editorial groups and workflow are set up."""
