"""Body blocks in the raw form a StreamField stores, for writing page bodies as data."""


def h2(text):
    return {"type": "heading2", "value": text}


def h3(text):
    return {"type": "heading3", "value": text}


def para(*paragraphs):
    """A rich text block; each argument is one paragraph, or a ready-made list."""
    html = "".join(p if p.startswith(("<ul>", "<ol>")) else f"<p>{p}</p>" for p in paragraphs)
    return {"type": "paragraph", "value": html}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def picture(image, caption=""):
    return {"type": "image", "value": {"image": image.pk, "caption": caption}}


def call_to_action(heading, text, button_label, *, page=None, url=""):
    if bool(page) == bool(url):
        raise ValueError("A call to action goes to a page or to an address, not both.")
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading,
            "text": text,
            "button_label": button_label,
            "page": page.pk if page else None,
            "external_url": url,
        },
    }


DEMO_NOTE = para(
    "<i>Demo content: this defender and their story are fictional, written to show how "
    "stories appear on the site.</i>"
)
